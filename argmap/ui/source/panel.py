"""The source panel: the texts being analysed, one tab each; passages become anchored statements."""

from __future__ import annotations

import html

from PySide6.QtCore import QPointF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPainter, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...model import Change, Kind, Source
from ..document.controller import DocumentController
from ..paint.drawing import kind_marker_path
from ..paint.theme import theme_for
from .anchor_index import AnchorIndex
from .operations import SourceOperations, elide
from .text_view import SourceTextView

KIND_KEYS = {Kind.CONCLUSION: "Ctrl+1", Kind.PREMISE: "Ctrl+2", Kind.EVIDENCE: "Ctrl+3"}


def kind_icon(kind: Kind, colour: QColor, size: int = 12) -> QIcon:
    """The kind's marker (conclusion diamond, premise circle, evidence square) in its colour, as on
    the canvas cards: a shape, so a disabled button does not read as a checkbox."""
    pm = QPixmap(size * 2, size * 2)
    pm.setDevicePixelRatio(2.0)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(colour)
    p.drawPath(kind_marker_path(kind, QPointF(size / 2, size / 2), size * 0.62))
    p.end()
    return QIcon(pm)


class SourcePanel(SourceOperations):
    """Sources of the map in tabs.  Select a passage and make it a conclusion, premise
    or evidence (toolbar, context menu, Ctrl+1/2/3), or drag it onto the canvas."""

    coverage_changed = Signal(float)
    show_coverage_label = True  # the main window shows the coverage in its status bar instead

    def __init__(self, doc: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SourcePanel")
        self.doc: DocumentController | None = None
        self.views: dict[str, SourceTextView] = {}
        self._pages: dict[str, QWidget] = {}
        self._dirty: set[str] = set()
        self._broken: dict[str, list] = {}
        self._coverage: dict[str, tuple[int, int]] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(30)
        self._timer.timeout.connect(self.refresh_now)
        self._build_actions()
        self._build_ui()
        self.set_document(doc)

    # ------------------------------------------------------------------ set-up
    def _action(self, text: str, slot, tip: str = "", key: str | QKeySequence | None = None) -> QAction:
        act = QAction(text, self)
        act.setToolTip(tip or text.replace("…", "").replace("&", ""))
        if key:
            act.setShortcut(QKeySequence(key))
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.setToolTip(f"{act.toolTip()} ({act.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})")
        act.triggered.connect(slot)
        self.addAction(act)
        return act

    def _build_actions(self) -> None:
        self.add_file_action = self._action(
            "Add Source from &File…",
            lambda: self.add_source_from_file(),
            "Add an article from a .txt, .md or .html file",
        )
        self.paste_action = self._action(
            "Paste &as Source", lambda: self.paste_source(), "Add the text on the clipboard as a new source"
        )
        self.details_action = self._action(
            "Source &Details…", lambda: self.edit_details(), "Edit the title, author, URL and date of this source"
        )
        self.edit_text_action = self._action(
            "Edit Source &Text…", lambda: self.edit_text(), "Change the text; anchored passages are found again"
        )
        self.remove_action = self._action(
            "&Remove Source", lambda: self.remove_source(), "Remove this source and the anchors into it"
        )
        self.make_actions: dict[Kind, QAction] = {}
        for kind in Kind:
            act = self._action(
                f"Make {kind.value.capitalize()}",
                lambda _=False, k=kind: self.make_statement(k),
                f"Make the selected passage a new {kind.value}",
                KIND_KEYS[kind],
            )
            act.setIconText(kind.value.capitalize())
            act.setIcon(kind_icon(kind, theme_for(self.palette()).kind[kind]))
            self.make_actions[kind] = act
        self.link_action = QAction("&Link to Selected Card", self, checkable=True)
        self.link_action.setIconText("Link")
        self.link_action.setChecked(True)  # a passage made a premise with a card selected is its reason
        self.link_action.setToolTip(
            "On: a new premise or evidence from a passage becomes a reason for the selected card. Off: it stands alone"
        )
        self.addAction(self.link_action)
        self.sentence_action = self._action(
            "Select &Sentence", lambda: self.select_sentence(), "Select the sentence at the cursor (or Ctrl+click it)"
        )
        self.source_actions = [
            self.add_file_action,
            self.paste_action,
            self.details_action,
            self.edit_text_action,
            self.remove_action,
        ]

    def _build_ui(self) -> None:
        self.toolbar = QToolBar("Source", self)
        self.toolbar.setIconSize(QSize(16, 16))
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for kind in Kind:
            self.toolbar.addAction(self.make_actions[kind])
        self.toolbar.addAction(self.link_action)

        # managing sources sits with the tabs: "+" adds one, "⋯" edits the current one
        add_menu = QMenu(self)
        add_menu.addActions([self.add_file_action, self.paste_action])
        more = QMenu(self)
        more.addActions([self.details_action, self.edit_text_action, self.sentence_action])
        more.addSeparator()
        more.addAction(self.remove_action)
        corner = QWidget(self)
        cl = QHBoxLayout(corner)
        cl.setContentsMargins(0, 0, 4, 0)
        cl.setSpacing(2)
        for text, name, tip, menu in (
            ("+", "Add a source", "Add a source: from a file, or paste one", add_menu),
            ("⋯", "Source details", "Details, text and removal of this source", more),
        ):
            btn = QToolButton(corner)
            btn.setText(text)
            btn.setToolTip(tip)
            btn.setAccessibleName(name)  # "+" and "⋯" are symbols
            btn.setAutoRaise(True)
            btn.setMenu(menu)
            btn.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            btn.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0px; }")
            cl.addWidget(btn)

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.setAccessibleName("Sources")
        self.tabs.setMovable(False)
        self.tabs.setCornerWidget(corner, Qt.Corner.TopRightCorner)
        self.tabs.currentChanged.connect(self._on_tab_changed)

        empty = QWidget(self)
        el = QVBoxLayout(empty)
        el.addStretch(1)
        msg = QLabel(
            "<b>No source yet.</b><br>Add the article you are mapping, then select passages and make them statements."
        )
        msg.setWordWrap(True)
        msg.setAlignment(Qt.AlignmentFlag.AlignCenter)
        el.addWidget(msg)
        for act in (self.add_file_action, self.paste_action):
            b = QPushButton(act.text().replace("&", ""))
            b.clicked.connect(act.trigger)
            el.addWidget(b, 0, Qt.AlignmentFlag.AlignHCenter)
        el.addStretch(2)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(empty)
        self.stack.addWidget(self.tabs)

        self.broken_label = QLabel(self)
        self.broken_label.setWordWrap(True)
        self.broken_list = QListWidget(self)
        self.broken_list.setMaximumHeight(96)
        self.broken_list.setAccessibleName("Broken anchors")
        self.broken_list.itemActivated.connect(self._on_broken_activated)
        self.broken_list.itemClicked.connect(self._on_broken_activated)
        self.broken_list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.broken_list.customContextMenuRequested.connect(self._show_broken_menu)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.broken_label)
        layout.addWidget(self.broken_list)
        self.coverage_label = QLabel(self)
        self.coverage_label.setObjectName("source_coverage")
        self.coverage_label.setContentsMargins(8, 2, 8, 4)
        self.coverage_label.setToolTip("The share of this source's sentences that some statement is anchored to")
        layout.addWidget(self.coverage_label)

    def set_document(self, doc: DocumentController) -> None:
        """Show another document's sources (disconnects from the previous one)."""
        if self.doc is not None:
            self.doc.map_changed.disconnect(self._on_map_changed)
            self.doc.selection_changed.disconnect(self._on_selection_changed)
        self.doc = doc
        self.index = AnchorIndex(doc.map)
        while self.tabs.count():
            page = self.tabs.widget(0)
            self.tabs.removeTab(0)
            page.deleteLater()
        self.views.clear()
        self._pages.clear()
        for src in doc.map.sources.values():
            self._add_tab(src)
        doc.map_changed.connect(self._on_map_changed)
        doc.selection_changed.connect(self._on_selection_changed)
        self._dirty = set(doc.map.sources)
        self.refresh_now()
        self._update_actions()

    # ------------------------------------------------------------------- tabs
    def _header_html(self, src: Source) -> str:
        bits = [html.escape(b) for b in (src.author, src.date) if b]
        if src.url:
            bits.append(f'<a href="{html.escape(src.url, quote=True)}">{html.escape(elide(src.url, 60))}</a>')
        line = " · ".join(bits)
        title = html.escape(src.title or "Untitled source")
        return f'<span style="font-size:13pt; font-weight:600">{title}</span>' + (f"<br>{line}" if line else "")

    def _add_tab(self, src: Source) -> None:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        header = QLabel(self._header_html(src))
        header.setObjectName("source_header")
        header.setWordWrap(True)
        header.setOpenExternalLinks(True)
        header.setContentsMargins(16, 8, 16, 4)
        view = SourceTextView(src, page)
        view.claim_shortcuts(list(self.make_actions.values()))
        view.statements_clicked.connect(self._on_statements_clicked)
        view.passage_changed.connect(self._update_actions)
        view.customContextMenuRequested.connect(lambda pos, v=view: self._show_menu(v, pos))
        lay.addWidget(header)
        lay.addWidget(view, 1)
        page.header = header  # type: ignore[attr-defined]
        self.views[src.id] = view
        self._pages[src.id] = page
        index = list(self.doc.map.sources).index(src.id) if self.doc else self.tabs.count()
        self.tabs.insertTab(index, page, elide(src.title or "Untitled", 28))
        self._update_tab(src)
        self.stack.setCurrentIndex(1)

    def _update_tab(self, src: Source) -> None:
        page = self._pages[src.id]
        i = self.tabs.indexOf(page)
        self.tabs.setTabText(i, elide(src.title or "Untitled", 28))
        self.tabs.setTabToolTip(i, "\n".join(b for b in (src.title, src.author, src.date, src.url) if b))
        page.header.setText(self._header_html(src))  # type: ignore[attr-defined]
        self.views[src.id].set_source(src)
        self.views[src.id].setAccessibleName(f"Source text: {src.title or 'Untitled'}")

    def _remove_tab(self, sid: str) -> None:
        page = self._pages.pop(sid)
        self.views.pop(sid)
        self.tabs.removeTab(self.tabs.indexOf(page))
        page.deleteLater()
        self._broken.pop(sid, None)
        self._coverage.pop(sid, None)
        if not self.views:
            self.stack.setCurrentIndex(0)

    def current_source(self) -> str | None:
        page = self.tabs.currentWidget()
        return next((sid for sid, p in self._pages.items() if p is page), None)

    def current_view(self) -> SourceTextView | None:
        sid = self.current_source()
        return self.views.get(sid) if sid else None

    def show_source(self, sid: str) -> SourceTextView:
        self.tabs.setCurrentWidget(self._pages[sid])
        return self.views[sid]

    # ------------------------------------------------------------ model events
    def _on_map_changed(self, change: Change) -> None:
        amap = self.doc.map
        for sid in change.removed:
            if sid in self.views:
                self._remove_tab(sid)
        for sid in change.added:
            if sid in amap.sources and sid not in self.views:
                self._add_tab(amap.sources[sid])
        for sid in change.changed:
            if sid in amap.sources and sid in self.views:
                self._update_tab(amap.sources[sid])
        dirty = self.index.update(change)
        if dirty:
            self._dirty |= dirty
            self._timer.start()

    def refresh_now(self) -> None:
        """Redraw the tints of the sources touched since the last refresh (debounced)."""
        self._timer.stop()
        dirty, self._dirty = self._dirty, set()
        selected = set(self.doc.selection)
        for sid in dirty:
            view = self.views.get(sid)
            if view is None:
                continue
            tints, broken = self.index.anchors_in(sid)
            view.set_tints(tints, selected)
            self._broken[sid] = sorted(broken, key=lambda t: t[1].start)
            self._coverage[sid] = self.index.coverage(sid, tints)
        if self.current_source() in dirty or not self.views:
            self._show_current_state()

    def _show_current_state(self) -> None:
        sid = self.current_source()
        broken = self._broken.get(sid, []) if sid else []
        self.broken_list.clear()
        for st, a in broken:
            item = QListWidgetItem(f"⚠ {elide(st.title or st.text, 60)} — “{elide(a.quote, 40)}” not found")
            item.setData(Qt.ItemDataRole.UserRole, st.id)
            item.setToolTip(
                f"The passage “{a.quote}” ({a.start}–{a.end}) is no longer in the source text.\n"
                "Right-click to re-anchor it to the selected passage, or to remove it."
            )
            self.broken_list.addItem(item)
        n = len(broken)
        self.broken_label.setText(
            f"<b>{n} broken anchor{'s' if n != 1 else ''}</b>: the source text changed and "
            "these passages are gone. Select where each now is and re-anchor it from the list's menu."
        )
        self.broken_label.setVisible(bool(n))
        self.broken_list.setVisible(bool(n))
        self.coverage_label.setText(self.coverage_text())
        self.coverage_label.setVisible(bool(self.views) and self.show_coverage_label)
        self.coverage_changed.emit(self.coverage())

    def broken(self, sid: str | None = None) -> list:
        """``(statement, anchor)`` pairs of the broken anchors into a source (default: the current one)."""
        return list(self._broken.get(sid or self.current_source() or "", []))

    def coverage(self, sid: str | None = None) -> float:
        covered, total = self._coverage.get(sid or self.current_source() or "", (0, 0))
        return covered / total if total else 0.0

    def coverage_text(self) -> str:
        """For the status bar: the share of the current source's sentences that statements use."""
        sid = self.current_source()
        if sid is None:
            return ""
        covered, total = self._coverage.get(sid, (0, 0))
        pct = round(100 * covered / total) if total else 0
        return f"Source coverage {pct}% ({covered} of {total} sentences)"

    def _on_tab_changed(self, _index: int) -> None:
        self._show_current_state()
        self._update_actions()

    # -------------------------------------------------------------- selection
    def _on_statements_clicked(self, ids: list[str]) -> None:
        sel = self.doc.selection
        pick = ids[0]
        if len(sel) == 1 and sel[0] in ids:  # clicking again cycles through overlapping passages
            pick = ids[(ids.index(sel[0]) + 1) % len(ids)]
        self._show_statement(pick)

    def _on_selection_changed(self, ids: list, origin: object) -> None:
        selected = set(ids)
        for view in self.views.values():
            view.set_selected(selected)
        if origin is self:
            return
        amap = self.doc.map
        for eid in ids:
            st = amap.statements.get(eid)
            good = (
                [a for a in st.anchors if a.source_id in self.views and a.matches(amap.sources[a.source_id].text)]
                if st
                else []
            )
            if good:
                cur = self.current_source()
                a = next((x for x in good if x.source_id == cur), good[0])
                self.reveal(a.source_id, a.start, a.end, st.kind)
                return

    def reveal(self, source_id: str, start: int, end: int, kind: Kind | None = None) -> None:
        """Show a passage: its source's tab, scrolled into view, flashed (e.g. for the inspector)."""
        if source_id not in self.views:
            return
        view = self.show_source(source_id)
        if not view.is_visible_range(start):
            view.scroll_to(start, end)
        view.flash(start, end, kind)

    def _on_broken_activated(self, item: QListWidgetItem) -> None:
        self._show_statement(item.data(Qt.ItemDataRole.UserRole))

    def _show_broken_menu(self, pos) -> None:
        row = self.broken_list.indexAt(pos).row()
        if row < 0:
            return
        menu = QMenu(self)
        view = self.current_view()
        act = menu.addAction("Re-anchor to Selected Passage", lambda: self.reanchor_broken(row))
        act.setEnabled(view is not None and view.passage() is not None)
        menu.addAction("Remove Broken Anchor", lambda: self.reanchor_broken(row, remove=True))
        menu.exec(self.broken_list.viewport().mapToGlobal(pos))
        menu.deleteLater()
