"""Help › Quick Start: the teaching sample, opened, and walked through part by part in a small window beside it."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QRect, QRectF, Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from ...model import ArgumentMap, Kind, Polarity
from ...resources import sample_paths
from .focus import give_keys_back
from .shortcut_sheet import keys_text

if TYPE_CHECKING:  # pragma: no cover
    from .main_window import MainWindow

TEACHING_SAMPLE = "teaching-street-trees.argmap.json"
BODY_WIDTH = 400


def teaching_sample() -> str | None:
    """The sample the quick start walks through (the first sample if it is missing), or None."""
    paths = sample_paths()
    chosen = next((p for p in paths if p.name == TEACHING_SAMPLE), paths[0] if paths else None)
    return str(chosen) if chosen is not None else None


# ---------------------------------------------------------------- what each step points at
# found by their part in the argument, not by id, so the steps follow the sample as it is edited


def conclusions(amap: ArgumentMap) -> list[str]:
    return [s.id for s in amap.statements.values() if s.kind is Kind.CONCLUSION][:1]


def linked_premises(amap: ArgumentMap) -> list[str]:
    rel = next((r for r in amap.relations.values() if r.polarity is Polarity.SUPPORT and len(r.premises) > 1), None)
    return list(rel.premises) if rel else []


def evidence(amap: ArgumentMap) -> list[str]:
    return [s.id for s in amap.statements.values() if s.kind is Kind.EVIDENCE][:1]


def objection_and_rebuttal(amap: ArgumentMap) -> list[str]:
    """The premises of the first attack on a statement, and of the attacks on those premises."""
    rel = next(
        (r for r in amap.relations.values() if r.polarity is Polarity.ATTACK and r.target in amap.statements), None
    )
    if rel is None:
        return []
    answers = [
        p
        for r in amap.relations.values()
        if r.polarity is Polarity.ATTACK and r.target in rel.premises
        for p in r.premises
    ]
    return list(dict.fromkeys([*rel.premises, *answers]))


def undercut(amap: ArgumentMap) -> list[str]:
    rel = next(
        (r for r in amap.relations.values() if r.polarity is Polarity.ATTACK and r.target in amap.relations), None
    )
    return [*rel.premises, rel.target] if rel else []


@dataclass(frozen=True, slots=True)
class Step:
    """One step: a title, what it says (keys filled in from the window's actions), what it selects."""

    title: str
    text: str
    picks: Callable[[ArgumentMap], list[str]]
    source: bool = False  # show the Source panel beside the map


STEPS = (
    Step(
        "The text and its map",
        "On the left is the text being analysed, a short letter to the council; in the middle, its argument "
        "as a map of cards. Each card is anchored to the words it comes from: select a card and its passage "
        "is highlighted in the text.",
        conclusions,
        source=True,
    ),
    Step(
        "The conclusion",
        "The <b>CONCLUSION</b> card (selected) is what the writer wants the reader to accept: {conclusion} "
        "Reasons for and against it sit below it, their arrows pointing up to it.",
        conclusions,
    ),
    Step(
        "Reasons that work together",
        "These premises are <b>linked</b>: they support the conclusion only together, so their arrows join "
        "at one junction. A premise that supports it on its own has an arrow of its own (a convergent reason).",
        linked_premises,
    ),
    Step(
        "Evidence",
        "An <b>EVIDENCE</b> card holds what is offered as fact for a premise: a measurement, a study, an "
        "example. It points to the premise it backs up.",
        evidence,
    ),
    Step(
        "Objections and rebuttals",
        "An <b>objection</b> attacks a claim: its arrow is dashed. The card below it is a <b>rebuttal</b>: it "
        "attacks the objection in turn.",
        objection_and_rebuttal,
    ),
    Step(
        "Undercuts",
        "An <b>undercut</b> attacks the link between a reason and its claim, not the claim itself: the speed "
        "cushions do not deny the figures, only that the figures show what the trees did.",
        undercut,
    ),
    Step(
        "Walk the map",
        "Click the map, then walk it with the <b>arrow keys</b>: up to the claim a reason supports, down to its "
        "reasons, left and right along a row. <b>Alt+arrows</b> move the selected card. {shortcuts} lists every "
        "key (Help › Keyboard Shortcuts).",
        conclusions,
    ),
    Step(
        "Your first map",
        "{new} opens a new map. Paste the text you analyse with <i>Source › Paste as Source</i>, select a "
        "passage in it and press {make_conclusion} for a conclusion, {make_premise} for a premise or "
        "{make_evidence} for evidence: with a card selected, a new premise or evidence supports it. "
        "{arrange} arranges the map, {save} saves it, and <i>File › Export › PDF…</i> makes a handout.",
        lambda _amap: [],
    ),
)


def _quoted_sentence(text: str) -> str:
    """``text`` in quotes ending the sentence: a full stop after the quote unless the quote ends with one."""
    text = text.strip()
    return f"“{html.escape(text)}”" + ("" if text.endswith((".", "!", "?", "…")) else ".")


def _keys(w: MainWindow) -> dict[str, str]:
    """The keys the steps name, read from the actions (so the text says what the keys are now)."""
    acts = {
        "new": w.named_actions.get("new"),
        "save": w.named_actions.get("save"),
        "shortcuts": w.named_actions.get("shortcuts"),
        "arrange": w.canvas_actions.auto_arrange,
        **{f"make_{k.value}": a for k, a in w.source_panel.make_actions.items()},
    }
    out = {}
    for name, act in acts.items():
        keys = keys_text(act).split(", ")[0] if act is not None else ""
        out[name] = f"<b>{html.escape(keys)}</b>" if keys else "(no key)"
    return out


class QuickStart(QDialog):
    """The steps, one at a time, in a small window over the sample's window (not modal: the map stays live)."""

    def __init__(self, w: MainWindow) -> None:
        super().__init__(w)
        self.window_ = w
        self.setObjectName("quick-start")
        self.setWindowTitle("Quick Start — argmap")
        self.setModal(False)
        self.setWindowFlag(Qt.WindowType.Tool, True)
        self.index = 0
        self.counter = QLabel()
        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.body.setMinimumWidth(BODY_WIDTH)
        self.body.setMinimumHeight(self._tallest_text())
        self.back_button = QPushButton("&Back")
        self.next_button = QPushButton("&Next")
        self.next_button.setDefault(True)
        self.close_button = QPushButton("&Close")
        self.back_button.clicked.connect(lambda: self.go(self.index - 1))
        self.next_button.clicked.connect(
            lambda: self.go(self.index + 1) if self.index + 1 < len(STEPS) else self.close()
        )
        self.close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.counter)
        buttons.addStretch(1)
        for b in (self.back_button, self.next_button, self.close_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.body, 1)
        layout.addLayout(buttons)

    def _tallest_text(self) -> int:
        """The height of the longest step's text, so the buttons stay put from step to step."""
        fm = self.body.fontMetrics()
        box = QRect(0, 0, BODY_WIDTH, 10_000)
        plain_texts = (re.sub(r"<[^>]+>", "", step.text).replace("{", "").replace("}", "") for step in STEPS)
        return max(fm.boundingRect(box, Qt.TextFlag.TextWordWrap, t).height() for t in plain_texts) + fm.height()

    def go(self, index: int) -> None:
        """Show step ``index``: its text, and its cards selected and brought into view."""
        self.index = max(0, min(index, len(STEPS) - 1))
        step = STEPS[self.index]
        w = self.window_
        amap = w.doc.map
        ids = [i for i in step.picks(amap) if i in amap.statements or i in amap.relations]
        first = amap.statements.get(ids[0]) if ids else None
        fields = _keys(w) | {"conclusion": _quoted_sentence(first.text) if first else "its main claim."}
        self.counter.setText(f"Step {self.index + 1} of {len(STEPS)}")
        self.heading.setText(step.title)
        self.body.setText(step.text.format(**fields))
        self.back_button.setEnabled(self.index > 0)
        self.next_button.setText("&Finish" if self.index == len(STEPS) - 1 else "&Next")
        if step.source:
            w.source_dock.show()
            w.source_dock.raise_()
        w.doc.select(ids)
        self._bring_into_view(ids)

    def _bring_into_view(self, ids: list[str]) -> None:
        view = self.window_.view
        rect = QRectF()
        for eid in ids:
            item = view.map_scene.item_for(eid)
            if item is not None:
                rect = rect.united(item.sceneBoundingRect())
        if not rect.isNull():
            view.centerOn(rect.center())

    def place(self) -> None:
        """Sit in the bottom right corner of the map, clear of the cards in the middle."""
        view = self.window_.view
        corner = view.mapToGlobal(QPoint(view.width(), view.height()))
        self.move(corner - QPoint(self.width() + 24, self.height() + 24))


def start_quick_start(w: MainWindow) -> QuickStart | None:
    """Open a copy of the teaching sample in a window of its own and start the steps over it."""
    path = teaching_sample()
    if path is None:
        return None
    window = w.manager.open_sample(path, near=w)
    if window is None:
        return None
    guide = QuickStart(window)
    guide.show()
    guide.place()
    guide.go(0)
    # the keys to the guide, so Enter takes the next step (not editing the card it selected);
    # when it closes, back to the map it walked through
    give_keys_back(guide, guide.next_button)
    guide.finished.connect(lambda _result: give_keys_back(window, window.view))
    return guide
