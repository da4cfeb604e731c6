"""The source panel inside the main window: its dock, its menu, the coverage in the status bar."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QLabel, QMenu

from ...model import Kind
from .focus import give_keys_back

if TYPE_CHECKING:  # pragma: no cover
    from .main_window import MainWindow

MENU_TEXT = {
    Kind.CONCLUSION: "Make &Conclusion from Passage",
    Kind.PREMISE: "Make &Premise from Passage",
    Kind.EVIDENCE: "Make &Evidence from Passage",
}


def install_source_panel(w: MainWindow) -> tuple[QMenu, QLabel]:
    """The Source menu, the coverage label in the status bar, and the dock following the selection;
    returns the menu and the label."""
    panel, dock = w.source_panel, w.source_dock
    label = QLabel(w)
    label.setObjectName("source-coverage-status")
    label.setToolTip("The share of the current source's sentences that some statement is anchored to")
    label.setContentsMargins(6, 0, 6, 0)
    w.statusBar().addPermanentWidget(label)

    def show_coverage(*_: Any) -> None:
        text = panel.coverage_text()
        label.setText(text)
        label.setVisible(bool(text))

    panel.coverage_changed.connect(show_coverage)
    show_coverage()

    panel.show_coverage_label = False  # the window shows it in the status bar instead
    panel.coverage_label.hide()
    help_menu = next((a for a in w.menuBar().actions() if a.text() == "&Help"), None)
    menu = QMenu("&Source", w)
    menu.setObjectName("source-menu")
    if help_menu is not None:
        w.menuBar().insertMenu(help_menu, menu)
    else:
        w.menuBar().addMenu(menu)
    for kind, act in panel.make_actions.items():
        act.setText(MENU_TEXT[kind])  # the panel's toolbar shows the short icon text
        menu.addAction(act)
    menu.addAction(panel.link_action)
    menu.addAction(panel.sentence_action)
    menu.addSeparator()
    menu.addActions(panel.source_actions)
    menu.addSeparator()
    menu.addAction(dock.toggleViewAction())
    # window-menu actions whose panel action is scoped to the panel: adding a source shows the dock
    for act in (panel.add_file_action, panel.paste_action):
        act.triggered.connect(lambda _c=False: show_source_dock(w))
    for act in panel.source_actions:  # after their dialogs and questions, the keys back to the window
        act.triggered.connect(lambda _c=False: give_keys_back(w))

    w.doc.selection_changed.connect(lambda ids, origin: _on_selection_changed(w, ids, origin))
    w.doc.map_changed.connect(lambda change: _on_map_changed(w, change))
    w.inspector.anchor_activated.connect(lambda sid, start, end: reveal_anchor(w, sid, start, end))
    return menu, label


def show_source_dock(w: MainWindow) -> None:
    w.source_dock.show()
    w.source_dock.raise_()


def reveal_anchor(w: MainWindow, source_id: str, start: int, end: int) -> None:
    """An anchor activated in the inspector: the dock comes forward and shows the passage."""
    if source_id not in w.doc.map.sources:
        return
    show_source_dock(w)
    n = len(w.doc.map.sources[source_id].text)
    start, end = min(start, n), min(end, n)  # a broken anchor: near where the passage was
    st = next((w.doc.map.statements[i] for i in w.doc.selection if i in w.doc.map.statements), None)
    w.source_panel.reveal(source_id, start, end, st.kind if st else None)


def _on_selection_changed(w: MainWindow, ids: list[str], origin: object) -> None:
    """A statement with an anchor selected: an open but covered Source dock comes to the front
    (a dock the user closed stays closed)."""
    dock = w.source_dock
    if dock.isHidden() or origin is w.source_panel:
        return
    amap = w.doc.map
    if any(a.source_id in amap.sources for i in ids if i in amap.statements for a in amap.statements[i].anchors):
        dock.raise_()


def _on_map_changed(w: MainWindow, change: Any) -> None:
    if any(i in w.doc.map.sources for i in change.added):
        show_source_dock(w)
