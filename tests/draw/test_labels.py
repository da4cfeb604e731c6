"""The word on a card in the exports: its kind, or OBJECTION / UNDERCUT for a card whose relations only attack."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from argmap.draw.labels import card_word, role_words
from argmap.draw.svg import svg_bytes
from argmap.io import dumps, loads
from argmap.model import ArgumentMap, Kind, Polarity, Relation, Statement

S, A = Polarity.SUPPORT, Polarity.ATTACK


def debate() -> ArgumentMap:
    m = ArgumentMap("Bike lane")
    m.add_many(
        [
            Statement("c", "The town should build a bike lane.", Kind.CONCLUSION),
            Statement("p", "It cuts cycling injuries."),
            Statement("o", "Shops will lose customers."),
            Statement("e", "Sales fell 2% on a street that got one.", Kind.EVIDENCE),
            Statement("x", "Shoppers came back within a year.", Kind.EVIDENCE),
            Statement("u", "Injury figures are from one summer only."),
            Statement("l1", "Parking goes."),
            Statement("l2", "Most shoppers drive."),
            Statement("both", "Cycling is popular here."),
        ],
        [
            Relation("r1", S, ("p",), "c"),
            Relation("r2", A, ("o",), "c"),
            Relation("r3", S, ("e",), "o"),
            Relation("r4", A, ("x",), "e"),  # evidence that attacks: an objection all the same
            Relation("r5", A, ("u",), "r1"),  # attacks the step p -> c: an undercut
            Relation("r6", A, ("l1", "l2"), "c"),  # a linked objection: both premises object
            Relation("r7", S, ("both",), "p"),
            Relation("r8", A, ("both",), "o"),  # supports one claim, attacks another: a reason
        ],
    )
    return m


def test_cards_are_named_by_role_when_they_only_attack():
    m = debate()
    words = {sid: card_word(m, sid) for sid in m.statements}
    assert words == {
        "c": "CONCLUSION",
        "p": "PREMISE",
        "o": "OBJECTION",
        "e": "EVIDENCE",
        "x": "OBJECTION",
        "u": "UNDERCUT",
        "l1": "OBJECTION",
        "l2": "OBJECTION",
        "both": "PREMISE",
    }
    assert role_words(m) == {s: w for s, w in words.items() if s in {"o", "x", "u", "l1", "l2"}}
    assert {sid: st.kind for sid, st in loads(dumps(m)).statements.items()} == {
        sid: st.kind for sid, st in m.statements.items()
    }  # the file keeps the kinds


def test_the_svg_shows_the_roles_and_compact_cards_show_no_word():
    m = debate()
    root = ET.fromstring(svg_bytes(m, legend=False, title=False))
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    tspans = [t.text for t in root.iter("{http://www.w3.org/2000/svg}tspan")]
    words = texts + tspans
    assert words.count("OBJECTION") == 4 and words.count("UNDERCUT") == 1
    assert words.count("PREMISE") == 2 and words.count("EVIDENCE") == 1 and words.count("CONCLUSION") == 1
    m.set_meta(card_text="titles")
    root = ET.fromstring(svg_bytes(m, legend=False, title=False))
    words = [t.text for t in root.iter() if t.tag.endswith(("text", "tspan"))]
    assert "OBJECTION" not in words and "PREMISE" not in words
