"""A small teaching example: linked and convergent reasons, an objection, a rebuttal and an undercut."""

from __future__ import annotations

from argmap.model import ArgumentMap, Source

from .builder import C, E, MapBuilder, P, element_id

FILE = "teaching-street-trees.argmap.json"

LETTER = """\
Plant trees on Station Road

Station Road is the hottest street in town. Last July, at three in the afternoon, the council's sensors \
measured 41 \u00b0C on its pavement, against 33 \u00b0C on tree-lined Park Lane. Street trees shade the asphalt \
and cool the air around them, so planting them where the heat is worst would help most. Trees also calm \
traffic: drivers slow down on streets that look narrower. After Mill Lane was planted in 2021, average \
speeds there fell from 38 to 33 km/h.

Some neighbours fear that roots will crack the pavement and the water main. They need not: the council's \
arborist recommends deep-rooting species planted with root barriers, which keep roots away from paving and \
pipes. To be fair, Mill Lane also got speed cushions that year, so we cannot tell how much of the slowing \
the trees did.

The town should plant trees along Station Road this autumn."""


def build() -> ArgumentMap:
    src = Source(
        element_id("teaching-street-trees", "source"),
        LETTER,
        title="Plant trees on Station Road",
        author="A resident (a letter written for this example)",
    )
    b = MapBuilder(
        "teaching-street-trees",
        "Should the town plant trees on Station Road? (teaching example)",
        "A short letter, mapped. 'The hottest street' and 'Trees cool streets' are LINKED premises: neither "
        "supports planting on Station Road without the other. 'Trees calm traffic' is a CONVERGENT reason: it "
        "supports the conclusion on its own. The roots objection is answered by a REBUTTAL, which denies it. "
        "The speed cushions are an UNDERCUT: they do not deny the Mill Lane figures, only that the figures show "
        "what the trees did.",
        src,
    )
    b.st(
        "c",
        C,
        "Plant trees on Station Road",
        "The town should plant trees along Station Road this autumn.",
        "The town should plant trees along Station Road this autumn.",
    )
    b.st(
        "hot",
        P,
        "The hottest street",
        "Station Road is the hottest street in town.",
        "Station Road is the hottest street in town.",
    )
    b.st(
        "sensors",
        E,
        "Sensor readings",
        "Last July, at three in the afternoon, the council's sensors measured 41 \u00b0C on Station Road's "
        "pavement and 33 \u00b0C on tree-lined Park Lane.",
        "Last July, at three in the afternoon, the council's sensors measured 41 \u00b0C on its pavement, "
        "against 33 \u00b0C on tree-lined Park Lane.",
    )
    b.st(
        "cool",
        P,
        "Trees cool streets",
        "Street trees shade the asphalt and cool the air around them.",
        "Street trees shade the asphalt and cool the air around them",
    )
    b.st(
        "calm",
        P,
        "Trees calm traffic",
        "Trees calm traffic: drivers slow down on streets that look narrower.",
        "Trees also calm traffic: drivers slow down on streets that look narrower.",
    )
    b.st(
        "mill",
        E,
        "Mill Lane's speeds",
        "After Mill Lane was planted in 2021, average speeds there fell from 38 to 33 km/h.",
        "After Mill Lane was planted in 2021, average speeds there fell from 38 to 33 km/h.",
    )
    b.st(
        "cushions",
        P,
        "Speed cushions too",
        "Mill Lane also got speed cushions that year, so we cannot tell how much of the slowing the trees did.",
        "Mill Lane also got speed cushions that year, so we cannot tell how much of the slowing the trees did.",
    )
    b.st(
        "roots",
        P,
        "Roots crack pavements",
        "Tree roots will crack the pavement and the water main.",
        "Some neighbours fear that roots will crack the pavement and the water main.",
    )
    b.st(
        "barriers",
        P,
        "Root barriers",
        "Deep-rooting species planted with root barriers, as the council's arborist recommends, keep roots "
        "away from paving and pipes.",
        "the council's arborist recommends deep-rooting species planted with root barriers, which keep roots "
        "away from paving and pipes.",
    )
    b.support(
        ["hot", "cool"],
        "c",
        title="Cool the hottest street",
        notes="Linked: trees cooling streets is no reason to plant on this street unless it is hot, and "
        "a hot street is no reason to plant trees unless trees cool it. Remove either premise and "
        "the other supports nothing.",
    )
    b.support("sensors", "hot")
    b.support(
        "calm",
        "c",
        title="A separate reason",
        notes="Convergent: this reason stands on its own. If the cooling argument failed, it would still "
        "support the conclusion.",
    )
    b.support("mill", "calm", key="mill->calm")
    b.attack("roots", "c", title="Objection", notes="An objection: a reason against the conclusion.")
    b.attack(
        "barriers",
        "roots",
        title="Rebuttal",
        notes="A rebuttal attacks the objection itself: with root barriers, the roots will not crack anything.",
    )
    b.attack(
        "cushions",
        "mill->calm",
        title="Undercut",
        notes="An undercut attacks the link, not the claim: the speeds did fall, but the cushions may "
        "explain it, so the evidence no longer shows that trees calm traffic.",
    )
    return b.map
