"""Help › Keyboard Shortcuts: a sheet read from the window's own menus and actions, so it never goes stale."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QToolBar,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:  # pragma: no cover
    from .main_window import MainWindow

MAP_KEYS_GROUP = "On the map (keys that are not menu commands)"
# keys the map answers itself (argmap.ui.canvas.interaction), not through a QAction: the one list kept by hand
MAP_KEYS = (
    (
        "Arrow keys",
        "Walk the map: move the selection",
        "Up: to the claim a reason supports; Down: to its reasons; Left and Right: to the card beside it. "
        "With nothing selected, the card nearest the middle is selected.",
    ),
    ("Alt+Arrow keys", "Move the selected cards", "Shift+Alt+arrows move them further"),
    ("Enter", "Edit the selected card's text", ""),
    ("Any letter", "Start editing the selected card", "The card's text is replaced by what you type"),
    ("Del, Backspace", "Delete the selection", ""),
    ("Esc", "Clear the selection, or cancel an edit", ""),
    ("Menu, Shift+F10", "Open the selected card's menu", ""),
    ("Space+drag", "Pan the map", ""),
    ("Mouse wheel", "Zoom in and out", ""),
    ("Double-click", "New statement (on empty canvas), or edit a card", ""),
)
# keys only some keyboards have, left out of the sheet: F13 and up, and dedicated keys (Save, Undo, Zoom In...)
FIRST_RARE_KEY = Qt.Key.Key_F13.value


@dataclass(frozen=True, slots=True)
class ShortcutRow:
    """One line of the sheet: a command, its keys, where they work, and what the command does."""

    group: str
    command: str
    keys: str
    where: str
    tip: str = ""

    def scope_note(self) -> str:
        """Where the keys work, when that is not the whole window."""
        return "" if self.where == "Anywhere" else f"(Keys work in: {self.where}.)"

    def matches(self, query: str) -> bool:
        """Whether every word of ``query`` is in the command, its keys, where or what it does."""
        hay = f"{self.group} {self.command} {self.keys} {self.where} {self.tip}".lower()
        return all(word in hay for word in query.lower().split())


def plain(text: str) -> str:
    """A menu text as read: without its mnemonic's ampersand (``&&`` is a literal one)."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def keys_text(act: QAction) -> str:
    """An action's shortcuts as the platform writes them, e.g. ``Ctrl+Shift+Z, Ctrl+Y``; keys only some
    keyboards have (F14, a Save or Undo key) are left out."""
    return ", ".join(
        s.toString(QKeySequence.SequenceFormat.NativeText)
        for s in act.shortcuts()
        if not s.isEmpty() and s[0].key().value < FIRST_RARE_KEY
    )


def where(w: MainWindow, act: QAction) -> str:
    """Where an action's keys work: anywhere in the window, or only in the panel it is scoped to."""
    if act.shortcutContext() in (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut):
        return "Anywhere"
    names = {w.view: "Map", w.source_panel: "Source text"}
    scopes = [
        o
        for o in act.associatedObjects()
        if isinstance(o, QWidget) and not isinstance(o, (QMenu, QToolBar, QToolButton))
    ]
    if w in scopes:  # added to the window itself: live wherever the focus is in it
        return "Anywhere"
    found = []
    for widget in scopes:
        name = names.get(widget) or widget.accessibleName() or widget.windowTitle() or widget.objectName()
        if name and name not in found:
            found.append(name)
    return ", ".join(found) or "Anywhere"


def _walk(w: MainWindow, menu: QMenu, path: str, group: str, rows: list[ShortcutRow], seen: set[QAction]) -> None:
    for act in menu.actions():
        if act.isSeparator():
            continue
        sub = act.menu()
        if sub is not None:
            _walk(w, sub, f"{path}{plain(act.text())} › ", group, rows, seen)
            continue
        seen.add(act)
        keys = keys_text(act)
        if keys:
            rows.append(ShortcutRow(group, path + plain(act.text()), keys, where(w, act), act.statusTip()))


def shortcut_rows(w: MainWindow) -> list[ShortcutRow]:
    """Every shortcut of the window: the map's own keys first (no menu shows them), then grouped by
    menu (in menu order), then keyed actions in no menu (grouped by where they work)."""
    rows = [ShortcutRow(MAP_KEYS_GROUP, command, keys, "Map", tip) for keys, command, tip in MAP_KEYS]
    seen: set[QAction] = set()
    for top in w.menuBar().actions():
        menu = top.menu()
        if menu is not None:
            _walk(w, menu, "", plain(top.text()), rows, seen)
    others = dict.fromkeys([*w.actions(), *w.findChildren(QAction)])
    listed = {(r.command, r.keys) for r in rows}
    for act in others:
        keys = keys_text(act)
        if act in seen or not keys or not act.text() or (plain(act.text()), keys) in listed:
            continue
        scope = where(w, act)
        rows.append(ShortcutRow(f"Other commands ({scope})", plain(act.text()), keys, scope, act.statusTip()))
        listed.add((plain(act.text()), keys))
    return rows


class ShortcutSheet(QDialog):
    """A window beside the map (not modal) listing every shortcut by menu, filtered as one types."""

    def __init__(self, w: MainWindow) -> None:
        super().__init__(w)
        self.window_ = w
        self.setObjectName("shortcut-sheet")
        self.setWindowTitle("Keyboard Shortcuts — argmap")
        self.setModal(False)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search: a command, a key (Ctrl+S) or a word (zoom)")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search the shortcuts")
        for clear in self.search.findChildren(QToolButton):  # the clear button Qt adds has no name of its own
            clear.setAccessibleName("Clear")
        self.search.textChanged.connect(self.filter)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(["Command", "Keys"])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setAccessibleName("Keyboard shortcuts")
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.empty = QLabel("No shortcut matches.")
        self.empty.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        self.resize(640, 720)
        self.refresh()

    def refresh(self) -> None:
        """Read the shortcuts again (they follow the actions: a key changed elsewhere shows here)."""
        self.rows = shortcut_rows(self.window_)
        self.tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        for row in self.rows:
            parent = groups.get(row.group)
            if parent is None:
                parent = QTreeWidgetItem(self.tree, [row.group])
                parent.setFirstColumnSpanned(True)
                font = parent.font(0)
                font.setBold(True)
                parent.setFont(0, font)
                parent.setFlags(Qt.ItemFlag.ItemIsEnabled)
                groups[row.group] = parent
            item = QTreeWidgetItem(parent, [row.command, row.keys])
            item.setData(0, Qt.ItemDataRole.UserRole, row)
            tip = " ".join(t for t in (row.tip if row.tip != row.command else "", row.scope_note()) if t)
            for col in range(2):
                item.setToolTip(col, tip)
        self.tree.expandAll()
        self.filter(self.search.text())

    def filter(self, query: str) -> None:
        shown = 0
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            visible = 0
            for j in range(group.childCount()):
                item = group.child(j)
                row = item.data(0, Qt.ItemDataRole.UserRole)
                hit = row.matches(query)
                item.setHidden(not hit)
                visible += hit
            group.setHidden(not visible)
            shown += visible
        self.empty.setVisible(not shown)

    def visible_rows(self) -> list[ShortcutRow]:
        """The rows the sheet shows now (after the search)."""
        out = []
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            for j in range(group.childCount()):
                if not group.isHidden() and not group.child(j).isHidden():
                    out.append(group.child(j).data(0, Qt.ItemDataRole.UserRole))
        return out


def show_shortcuts(w: MainWindow) -> ShortcutSheet:
    """Show the window's sheet (made once, read afresh each time), raised, with the search focused."""
    sheet = w.findChild(ShortcutSheet)
    if sheet is None:
        sheet = ShortcutSheet(w)
    else:
        sheet.refresh()
    sheet.show()
    sheet.raise_()
    sheet.activateWindow()
    sheet.search.setFocus()
    sheet.search.selectAll()
    return sheet
