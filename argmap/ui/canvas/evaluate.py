"""The canvas's Evaluate mode: each card's label, out cards and inapplicable relations faded, what-if clicks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPointF, Qt, Signal
from PySide6.QtGui import QMouseEvent, QPainter

from ...evaluation.reasons import name
from ...model import Change
from ..document.commands import UpdateStatementCommand
from ..paint import drawing
from .items import NodeItem

if TYPE_CHECKING:  # pragma: no cover
    from .scene import MapScene
    from .view import MapView

INAPPLICABLE_OPACITY = 0.3
# what-if: the user's verdict on a statement, around the cycle accepted -> rejected -> open
NEXT = {None: "accepted", "undecided": "accepted", "accepted": "rejected", "rejected": None}
VERBS = {"accepted": "Accept", "rejected": "Reject", None: "Reopen"}
HINT = "click a label, or Ctrl+Shift+A: accepted → rejected → open"


class EvaluateMode(QObject):
    """Shows the document's live evaluation on the canvas while on; the view routes clicks here first."""

    toggled = Signal(bool)

    def __init__(self, view: MapView) -> None:
        super().__init__(view)
        self.view = view
        self.on = False

    @property
    def scene(self) -> MapScene:
        return self.view.map_scene

    def set_enabled(self, on: bool) -> None:
        on = bool(on)
        if on == self.on:
            return
        self.on = on
        doc = self.view.doc
        if on:
            doc.evaluation()  # evaluated now, kept current from here on
            doc.evaluation_changed.connect(self._on_evaluation_changed)
            doc.map_changed.connect(self._on_map_changed)
            self.show_labels(None)
        else:
            doc.evaluation_changed.disconnect(self._on_evaluation_changed)
            doc.map_changed.disconnect(self._on_map_changed)
            for item in self.scene.node_items.values():
                item.set_verdict(None)
            for item in self.scene.relation_items.values():
                item.setOpacity(1.0)
                item.setToolTip("")
            self.scene.overview.invalidate()
        self.view.viewport().update()
        self.toggled.emit(on)

    def show_labels(self, ids: set[str] | None) -> None:
        """Put the evaluation's labels and reasons on the items for ``ids`` (all when None)."""
        doc, scene = self.view.doc, self.scene
        ev = doc.evaluation().evaluation
        amap = doc.map
        nodes, rels = scene.node_items, scene.relation_items
        for sid in nodes if ids is None else [i for i in ids if i in nodes]:
            nodes[sid].set_verdict(ev.label(sid).value, ev.reason(amap, sid))
        for rid in rels if ids is None else [i for i in ids if i in rels]:
            item = rels[rid]
            item.setOpacity(1.0 if ev.applicable(rid) else INAPPLICABLE_OPACITY)
            item.setToolTip(ev.reason(amap, rid))
        scene.overview.invalidate()  # zoomed far out, the cards show their labels as coloured bands

    def _on_evaluation_changed(self, ids: set[str]) -> None:
        self.show_labels(ids)

    def _on_map_changed(self, change: Change) -> None:
        if change.changed:  # a new text changes the names reasons give: their tooltips follow
            self.show_labels(set(change.changed))

    # ------------------------------------------------------------- what-if
    def cycle(self, sids: list[str] | None = None) -> None:
        """Move the statements (the selected ones by default) one step round accepted -> rejected ->
        open, as one undo step; all take the first one's next verdict."""
        doc = self.view.doc
        amap = doc.map
        sids = [s for s in (doc.selection if sids is None else sids) if s in amap.statements]
        if not sids:
            return
        new = NEXT.get(amap.statements[sids[0]].assessment, "accepted")
        text = (
            f"What if: {VERBS[new].lower()} {name(amap, sids[0])}"
            if len(sids) == 1
            else f"What if: {VERBS[new].lower()} {len(sids)} statements"
        )
        with doc.macro(text):
            for sid in sids:
                if amap.statements[sid].assessment != new:
                    doc.push(UpdateStatementCommand(doc, sid, {"assessment": new}, text=text))

    def label_at(self, scene_pos: QPointF) -> str | None:
        """The statement whose label tab is under ``scene_pos``, if any."""
        # by bounding rectangle: the tab sticks out above the card's shape
        for item in self.scene.items(scene_pos, Qt.ItemSelectionMode.IntersectsItemBoundingRect):
            if isinstance(item, NodeItem) and item.verdict is not None:
                tab = item.verdict_tab()
                if tab is not None and tab.contains(item.mapFromScene(scene_pos)):
                    return item.sid
        return None

    def mouse_press(self, event: QMouseEvent) -> bool:
        """A left click on a card's label is a what-if step (and nothing else)."""
        if not self.on or event.button() != Qt.MouseButton.LeftButton or self.scene.overview_mode:
            return False  # zoomed far out the tabs are not drawn: a click there selects, as ever
        sid = self.label_at(self.view.mapToScene(event.position().toPoint()))
        if sid is None:
            return False
        self.cycle([sid])
        event.accept()
        return True

    def legend_height(self) -> float:
        """The height of the key :meth:`draw_legend` draws, in viewport pixels."""
        return drawing.verdict_legend_size(HINT).height()

    def draw_legend(self, painter: QPainter) -> None:
        """The key to the labels, in the view's bottom-left corner."""
        h = self.legend_height()
        painter.save()
        painter.resetTransform()
        drawing.draw_verdict_legend(
            painter, QPointF(12.0, self.view.viewport().height() - h - 12.0), self.scene.theme, HINT
        )
        painter.restore()
