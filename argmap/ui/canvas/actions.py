"""CanvasActions: the QActions (with shortcuts) for canvas edits and zooms, for menus, toolbars and context menu."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from ... import measure
from ...model import Change, Kind

if TYPE_CHECKING:  # pragma: no cover
    from .view import MapView

Key = QKeySequence.StandardKey


class CanvasActions(QObject):
    """Actions bound to one :class:`MapView`.

    Their shortcuts work while the canvas has focus (``WidgetWithChildrenShortcut``), so
    typing in other panels is never taken over.  The view makes one set, which the window's
    menus and toolbar show.
    """

    def __init__(self, view: MapView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.view = view
        v = view
        self.new_statement = self._act(
            "&New Statement", v.create_statement, "Ctrl+Shift+N", "Add a statement (or double-click the canvas)"
        )
        self.add_support = self._act(
            "Add &Supporting Premise",
            v.add_support,
            "Ctrl+Shift+P",
            "Add a premise that supports the selected statement",
        )
        self.add_objection = self._act(
            "Add &Objection", v.add_objection, "Ctrl+Shift+O", "Add a statement that attacks the selected statement"
        )
        self.add_evidence = self._act(
            "Add &Evidence", v.add_evidence, "Ctrl+Shift+E", "Add evidence for the selected statement"
        )
        self.add_co_premise = self._act(
            "Add &Co-premise",
            v.add_co_premise,
            "Ctrl+Shift+L",
            "Add another premise to the selected premise's linked reason",
        )
        self.add_undercut = self._act(
            "Add &Undercut", v.add_undercut, "Ctrl+Shift+U", "Attack the inference of the selected relation"
        )
        self.toggle_polarity = self._act(
            "Toggle Support/&Attack", v.toggle_polarity, "Ctrl+Shift+T", "Turn a support into an attack or back"
        )
        self.kind_conclusion = self._act("Make Co&nclusion", lambda: v.set_kind(Kind.CONCLUSION), "Ctrl+1")
        self.kind_premise = self._act("Make &Premise", lambda: v.set_kind(Kind.PREMISE), "Ctrl+2")
        self.kind_evidence = self._act("Make E&vidence", lambda: v.set_kind(Kind.EVIDENCE), "Ctrl+3")
        self.implicit = self._act(
            "&Implicit (Unstated) Premise",
            v.toggle_implicit,
            "Ctrl+Shift+I",
            "Mark the selected statements as premises the author leaves unstated (dashed, in brackets, "
            "never asked for an anchor), or as stated again",
        )
        self.implicit.setCheckable(True)
        self.edit_text = self._act("&Edit Text", v.edit_selected, "F2")
        self.delete = self._act("&Delete", v.delete_selection, Key.Delete)
        self.cut = self._act("Cu&t", v.cut, Key.Cut)
        self.copy = self._act("&Copy", v.copy, Key.Copy)
        self.paste = self._act("&Paste", v.paste, Key.Paste)
        self.select_all = self._act("Select &All", v.select_all, Key.SelectAll)
        self.zoom_in = self._act("Zoom &In", v.zoom_in, Key.ZoomIn)
        self.zoom_out = self._act("Zoom &Out", v.zoom_out, Key.ZoomOut)
        self.zoom_reset = self._act("&Actual Size", v.zoom_reset, "Ctrl+0")
        self.zoom_fit = self._act("&Fit to Window", v.zoom_fit, "Ctrl+9")
        self.zoom_selection = self._act("Zoom to &Selection", v.zoom_to_selection, "Ctrl+8")
        self.auto_arrange = self._act(
            "Auto-a&rrange", lambda: v.auto_arrange(False), "Ctrl+L", "Lay out the whole map (one undo step)"
        )
        self.arrange_selection = self._act("Arrange Selected Su&btree", lambda: v.auto_arrange(True), "Ctrl+Shift+K")
        self.titles_only = self._act(
            "&Titles Only",
            None,
            "Ctrl+Shift+H",
            "Show each card's title alone; the full text is in the tooltip, Inspector "
            "and Outline (saved with the map, one undo step)",
        )
        self.titles_only.setCheckable(True)
        # the check follows the map (undo, redo, opening a file), not just clicks
        self.titles_only.setChecked(measure.compact_cards(v.doc.map))
        v.doc.map_changed.connect(self._sync_checks)
        v.doc.selection_changed.connect(lambda _ids, _origin: self._sync_implicit())
        self._sync_implicit()
        self.titles_only.toggled.connect(lambda on: v.set_compact_cards(on))
        self.show_legend = self._act("Show &Legend", None, None)
        self.show_legend.setCheckable(True)
        self.show_legend.setChecked(v.legend_visible)
        self.show_legend.toggled.connect(v.set_legend_visible)
        self.show_numbers = self._act(
            "Show Card N&umbers",
            None,
            None,
            'Number every card (map order, as in a report\'s key), so that "look at 7" finds one',
        )
        self.show_numbers.setCheckable(True)
        self.show_numbers.toggled.connect(v.set_numbers_visible)
        self.evaluate = self._act(
            "&Evaluate",
            None,
            "Ctrl+E",
            "Show what follows: each statement in, out or undecided, and why (hover a card)",
        )
        self.evaluate.setCheckable(True)
        self.evaluate.toggled.connect(v.evaluate_mode.set_enabled)
        self.what_if = self._act(
            "&What If: Accept, Reject, Reopen",
            lambda: v.evaluate_mode.cycle(),
            "Ctrl+Shift+A",
            "Evaluate mode: take the selected statements as accepted, then rejected, then "
            "open again (or click a card's label)",
        )
        self.what_if.setEnabled(False)
        v.evaluate_mode.toggled.connect(self.what_if.setEnabled)
        self.structure_actions = [
            self.add_support,
            self.add_objection,
            self.add_evidence,
            self.add_co_premise,
            self.add_undercut,
            self.toggle_polarity,
            self.kind_conclusion,
            self.kind_premise,
            self.kind_evidence,
            self.implicit,
            self.what_if,
        ]
        self.edit_actions = [
            self.new_statement,
            self.edit_text,
            self.delete,
            self.cut,
            self.copy,
            self.paste,
            self.select_all,
        ]
        self.view_actions = [
            self.zoom_in,
            self.zoom_out,
            self.zoom_reset,
            self.zoom_fit,
            self.zoom_selection,
            self.auto_arrange,
            self.arrange_selection,
            self.titles_only,
            self.show_legend,
            self.show_numbers,
            self.evaluate,
        ]
        for a in self.all_actions():
            view.addAction(a)

    def _sync_implicit(self) -> None:
        """Checked when every selected statement is implicit (and one is selected)."""
        statements = self.view.doc.map.statements
        chosen = [statements[i] for i in self.view.doc.selection if i in statements]
        self.implicit.setChecked(bool(chosen) and all(st.implicit for st in chosen))

    def _sync_checks(self, change: Change) -> None:
        if change.changed or change.added or change.removed:
            self._sync_implicit()
        if change.meta:
            on = measure.compact_cards(self.view.doc.map)
            if self.titles_only.isChecked() != on:
                blocked = self.titles_only.blockSignals(True)
                self.titles_only.setChecked(on)
                self.titles_only.blockSignals(blocked)

    def all_actions(self) -> list[QAction]:
        return [*self.structure_actions, *self.edit_actions, *self.view_actions]

    def _act(self, text: str, slot: Callable[[], object] | None, shortcut, tip: str = "") -> QAction:
        a = QAction(text, self)
        if shortcut is not None:
            a.setShortcut(QKeySequence(shortcut))
        a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        if tip:
            a.setStatusTip(tip)
            a.setToolTip(f"{text.replace('&', '')} ({a.shortcut().toString()})" if shortcut else tip)
        if slot is not None:
            a.triggered.connect(lambda checked=False, f=slot: f())
        return a
