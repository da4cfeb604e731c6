"""The Problems panel: what is weak or broken in the map, like an IDE's problem list, with quick fixes."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...evaluation import LiveProblems, Problem
from ...model import Change
from ..document.commands import UpdateStatementCommand
from ..document.controller import DocumentController

REFRESH_DELAY_MS = 250  # the list follows the map once typing pauses, so edits never wait for it
SHOWN = 2000  # rows at most: a list longer than that is read by its counts
ICONS = {
    "error": QStyle.StandardPixmap.SP_MessageBoxCritical,
    "warning": QStyle.StandardPixmap.SP_MessageBoxWarning,
    "info": QStyle.StandardPixmap.SP_MessageBoxInformation,
}


class ProblemsPanel(QWidget):
    """Lists the problems of the document's map (``find_problems``, kept current by ``LiveProblems``);
    a click selects and centres the problem's elements, and an obvious fix is offered (one undo step)."""

    problems_changed = Signal(list)  # the current problems, after each refresh

    def __init__(self, doc: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        # made when the panel is first shown (a window whose panel stays hidden checks nothing), then
        # kept current edit by edit; the list is read from it when the panel shows it
        self.live: LiveProblems | None = None
        self.problems: list[Problem] = []
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels(["Problem", "Code"])
        self.tree.setAccessibleName("Problems")
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._on_context_menu)
        self.tree.itemClicked.connect(lambda item, _col: self.show_problem(self._problem_of(item)))
        self.tree.itemActivated.connect(lambda item, _col: self.show_problem(self._problem_of(item)))
        self.tree.currentItemChanged.connect(lambda *_: self._update_fix_button())
        self.summary = QLabel(self)
        self.fix_button = QPushButton("Quick Fix", self)
        self.fix_button.setToolTip("Apply the selected problem's fix (one undo step)")
        self.fix_button.clicked.connect(lambda: self.apply_fix(self.current_problem()))
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 2, 4, 2)
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.fix_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.tree, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self._stale = True
        doc.map_changed.connect(self._on_map_changed)

    # ----------------------------------------------------------- the list
    def _on_map_changed(self, change: Change) -> None:
        if self.live is not None:
            self.live.refresh(change)
        if change.added or change.removed or change.changed or change.meta:
            self._stale = True
            if self.isVisible():
                self._timer.start()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Check the map again and list what it finds, keeping the chosen problem chosen."""
        self._timer.stop()
        self._stale = False
        chosen = self.current_problem()
        if self.live is None:
            self.live = LiveProblems(self.doc.map)
        self.problems = self.live.problems()
        self.tree.clear()
        style = self.style()
        icons = {sev: style.standardIcon(pm) for sev, pm in ICONS.items()}
        keep = None
        items = []
        for i, p in enumerate(self.problems[:SHOWN]):
            item = QTreeWidgetItem([p.message, p.code])
            item.setIcon(0, icons[p.severity])
            item.setData(0, Qt.ItemDataRole.UserRole, i)
            item.setToolTip(0, f"{p.severity}: {p.message}" + (f"\nQuick fix: {p.fix.label}" if p.fix else ""))
            items.append(item)
            if chosen is not None and (p.code, p.ids) == (chosen.code, chosen.ids):
                keep = item
        self.tree.addTopLevelItems(items)
        if keep is not None:
            self.tree.setCurrentItem(keep)
        counts = {s: sum(p.severity == s for p in self.problems) for s in ICONS}
        self.summary.setText(
            f"{counts['error']} errors, {counts['warning']} warnings, {counts['info']} notes"
            if self.problems
            else "No problems found"
        )
        self._update_fix_button()
        self.problems_changed.emit(self.problems)

    def _problem_of(self, item: QTreeWidgetItem | None) -> Problem | None:
        if item is None:
            return None
        i = item.data(0, Qt.ItemDataRole.UserRole)
        return self.problems[i] if isinstance(i, int) and i < len(self.problems) else None

    def current_problem(self) -> Problem | None:
        return self._problem_of(self.tree.currentItem())

    def _update_fix_button(self) -> None:
        p = self.current_problem()
        self.fix_button.setEnabled(p is not None and p.fix is not None)
        self.fix_button.setText(f"Quick Fix: {p.fix.label}" if p is not None and p.fix is not None else "Quick Fix")

    # ------------------------------------------------------------ actions
    def show_problem(self, problem: Problem | None) -> None:
        """Select the problem's elements on the canvas and centre the first."""
        if problem is None:
            return
        ids = [i for i in problem.ids if i in self.doc.map]
        if ids:
            self.doc.select(ids, self)
            self.doc.focus_requested.emit(ids[0])

    def apply_fix(self, problem: Problem | None) -> bool:
        """Run the problem's quick fix through the undo stack (one step); False when it has none."""
        if problem is None or problem.fix is None or problem.fix.target not in self.doc.map.statements:
            return False
        fix = problem.fix
        ok = self.doc.try_push(
            UpdateStatementCommand(self.doc, fix.target, dict(fix.changes), text=f"Quick fix: {fix.label}")
        )
        if ok:
            self.refresh()
        return ok

    def _on_context_menu(self, pos: QPoint) -> None:
        problem = self._problem_of(self.tree.itemAt(pos))
        if problem is None:
            return
        menu = QMenu(self)
        menu.addAction("Show in Map", lambda: self.show_problem(problem))
        if problem.fix is not None:
            menu.addAction(f"Quick Fix: {problem.fix.label}", lambda: self.apply_fix(problem))
        menu.exec(self.tree.viewport().mapToGlobal(pos))
