"""The Inspector panel: every field of the selected statement or relation (or of the map), edited through commands."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...model import (
    RELATION_ASSESSMENTS,
    STATEMENT_ASSESSMENTS,
    Change,
    Kind,
    Polarity,
    RelationKind,
    broken_anchors,
)
from ..document.commands import SetMetaCommand, UpdateRelationCommand, UpdateStatementCommand
from ..document.controller import DocumentController

MERGE_INSPECTOR = 1101
_sessions = itertools.count(1)


class _TypedStatementEdit(UpdateStatementCommand):
    """Typing in one field of the inspector: merges with the previous keystroke of the
    same editing session only, so each committed edit is one undo step."""

    def __init__(self, doc: DocumentController, sid: str, changes: dict[str, Any], session: int) -> None:
        super().__init__(doc, sid, changes, text=f"Edit {next(iter(changes))}", merge=True)
        self.session = session

    def id(self) -> int:
        return MERGE_INSPECTOR

    def mergeWith(self, other: QUndoCommand) -> bool:
        return isinstance(other, _TypedStatementEdit) and other.session == self.session and super().mergeWith(other)


class _PlainText(QPlainTextEdit):
    """A compact multi-line field; Tab moves focus instead of inserting a tab."""

    def __init__(self, lines: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setMaximumHeight(int(self.fontMetrics().lineSpacing() * lines + 14))


def _combo(items: list[tuple[str, Any]]) -> QComboBox:
    box = QComboBox()
    for label, value in items:
        box.addItem(label, value)
    return box


def _set_combo(box: QComboBox, value: Any) -> None:
    index = box.findData(value)
    if index != box.currentIndex():
        box.blockSignals(True)
        box.setCurrentIndex(index)
        box.blockSignals(False)


def _set_line(edit: QLineEdit, text: str) -> None:
    if edit.text() != text:
        edit.setText(text)
        edit.setCursorPosition(0)


def _set_plain(edit: QPlainTextEdit, text: str) -> None:
    if edit.toPlainText() != text:
        edit.blockSignals(True)
        edit.setPlainText(text)
        edit.blockSignals(False)


class InspectorPanel(QScrollArea):
    """Shows the fields of the single selected element; with nothing selected, the map's title and description."""

    anchor_activated = Signal(str, int, int)  # source id, start, end: an anchor double-clicked or Enter

    def __init__(self, doc: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inspector")
        self.doc = doc
        self.current: str | None = None
        self._session = next(_sessions)
        self._focus_commits: dict[QObject, Callable[[], None]] = {}
        self.setWidgetResizable(True)
        self.pages = QStackedWidget()
        self.setWidget(self.pages)
        self._build_empty_page()
        self._build_statement_page()
        self._build_relation_page()
        self.setAccessibleName("Inspector")
        doc.selection_changed.connect(self._on_selection_changed)
        doc.map_changed.connect(self._on_map_changed)
        self._show(doc.selection)

    # ------------------------------------------------------------------ pages
    def _page(self) -> tuple[QWidget, QFormLayout]:
        page = QWidget()
        outer = QVBoxLayout(page)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # a narrow dock wraps, never clips
        outer.addLayout(form)
        outer.addStretch(1)
        self.pages.addWidget(page)
        return page, form

    def _build_empty_page(self) -> None:
        self.empty_page, form = self._page()
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        form.addRow(self.empty_label)
        self.map_title = QLineEdit()
        self.map_title.setPlaceholderText("Map title")
        self.map_title.editingFinished.connect(lambda: self._commit_meta("title", self.map_title.text()))
        self.map_description = _PlainText(5)
        self._commit_on_focus_out(
            self.map_description, lambda: self._commit_meta("description", self.map_description.toPlainText())
        )
        # who analysed the source: the author of the map's PDF (empty: the analyst set in Preferences)
        self.map_analyst = QLineEdit()
        self.map_analyst.setAccessibleName("Analyst")
        self.map_analyst.setToolTip("Who analysed the source: named as the author of exported PDFs")
        self.map_analyst.editingFinished.connect(lambda: self._commit_meta("analyst", self.map_analyst.text().strip()))
        form.addRow("Map title", self.map_title)
        form.addRow("Description", self.map_description)
        form.addRow("Analyst", self.map_analyst)

    def _build_statement_page(self) -> None:
        self.statement_page, form = self._page()
        self.st_text = _PlainText(5)
        self.st_text.setObjectName("inspector-text")
        self.st_text.textChanged.connect(lambda: self._type_statement("text", self.st_text.toPlainText()))
        self._new_session_on_focus(self.st_text)
        self.st_title = QLineEdit()
        self.st_title.editingFinished.connect(lambda: self._commit_statement("title", self.st_title.text().strip()))
        self.st_kind = _combo([(k.value.capitalize(), k) for k in Kind])
        self.st_kind.activated.connect(lambda _i: self._commit_statement("kind", self.st_kind.currentData()))
        self.st_notes = _PlainText(4)
        self.st_notes.textChanged.connect(lambda: self._type_statement("notes", self.st_notes.toPlainText()))
        self._new_session_on_focus(self.st_notes)
        self.st_tags = QLineEdit()
        self.st_tags.setPlaceholderText("comma, separated")
        self.st_tags.editingFinished.connect(lambda: self._commit_statement("tags", self._parse_tags()))
        self.st_assessment = _combo([("—", None)] + [(a.capitalize(), a) for a in STATEMENT_ASSESSMENTS])
        self.st_assessment.activated.connect(
            lambda _i: self._commit_statement("assessment", self.st_assessment.currentData())
        )
        self.st_implicit = QCheckBox("Implicit: left unstated by the author")
        self.st_implicit.setToolTip(
            "A premise the author leaves unstated and you supply: drawn dashed and in [brackets], "
            "never asked for an anchor"
        )
        self.st_implicit.clicked.connect(lambda on: self._commit_statement("implicit", bool(on)))
        self.st_anchors = QListWidget()
        self.st_anchors.setMaximumHeight(110)
        self.st_anchors.setWordWrap(True)
        self.st_anchors.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.st_anchors.itemActivated.connect(self._on_anchor_activated)
        form.addRow("Text", self.st_text)
        form.addRow("Title", self.st_title)
        form.addRow("Kind", self.st_kind)
        form.addRow("", self.st_implicit)
        form.addRow("Notes", self.st_notes)
        form.addRow("Tags", self.st_tags)
        form.addRow("Anchors", self.st_anchors)
        form.addRow("Assessment", self.st_assessment)

    def _build_relation_page(self) -> None:
        self.relation_page, form = self._page()
        self.rel_summary = QLabel()
        self.rel_summary.setWordWrap(True)
        self.rel_summary.setTextFormat(Qt.TextFormat.PlainText)
        self.rel_polarity = _combo([("Support", Polarity.SUPPORT), ("Attack", Polarity.ATTACK)])
        self.rel_polarity.activated.connect(
            lambda _i: self._commit_relation("polarity", self.rel_polarity.currentData())
        )
        self.rel_kind = _combo([(k.value.capitalize(), k) for k in RelationKind])
        self.rel_kind.activated.connect(lambda _i: self._commit_relation("kind", self.rel_kind.currentData()))
        self.rel_scheme = QLineEdit()
        self.rel_scheme.setPlaceholderText("e.g. argument from expert opinion")
        self.rel_scheme.editingFinished.connect(lambda: self._commit_relation("scheme", self.rel_scheme.text().strip()))
        self.rel_title = QLineEdit()
        self.rel_title.editingFinished.connect(lambda: self._commit_relation("title", self.rel_title.text().strip()))
        self.rel_notes = _PlainText(4)
        self._commit_on_focus_out(self.rel_notes, lambda: self._commit_relation("notes", self.rel_notes.toPlainText()))
        self.rel_assessment = _combo([("—", None)] + [(a.capitalize(), a) for a in RELATION_ASSESSMENTS])
        self.rel_assessment.activated.connect(
            lambda _i: self._commit_relation("assessment", self.rel_assessment.currentData())
        )
        form.addRow(self.rel_summary)
        form.addRow("Polarity", self.rel_polarity)
        form.addRow("Kind", self.rel_kind)
        form.addRow("Scheme", self.rel_scheme)
        form.addRow("Title", self.rel_title)
        form.addRow("Notes", self.rel_notes)
        form.addRow("Assessment", self.rel_assessment)

    # --------------------------------------------------------- focus helpers
    def _commit_on_focus_out(self, widget: QWidget, commit: Callable[[], None]) -> None:
        widget.installEventFilter(self)
        self._focus_commits[widget] = commit

    def _new_session_on_focus(self, widget: QWidget) -> None:
        widget.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            self._session = next(_sessions)  # a new editing session: the next keystroke is a new undo step
            if event.type() == QEvent.Type.FocusOut and obj in self._focus_commits:
                self._focus_commits[obj]()
        return super().eventFilter(obj, event)

    # ------------------------------------------------------------------ edits
    def _parse_tags(self) -> tuple[str, ...]:
        tags = [t.strip() for t in self.st_tags.text().split(",")]
        return tuple(dict.fromkeys(t for t in tags if t))

    def _type_statement(self, field: str, value: str) -> None:
        sid = self.current
        if sid is None or sid not in self.doc.map.statements or getattr(self.doc.map.statements[sid], field) == value:
            return
        self.doc.try_push(_TypedStatementEdit(self.doc, sid, {field: value}, self._session))

    def _commit_statement(self, field: str, value: Any) -> None:
        sid = self.current
        if sid is None or sid not in self.doc.map.statements or getattr(self.doc.map.statements[sid], field) == value:
            return
        self.doc.try_push(UpdateStatementCommand(self.doc, sid, {field: value}, text=f"Edit {field}"))
        self._refresh()

    def _commit_relation(self, field: str, value: Any) -> None:
        rid = self.current
        if rid is None or rid not in self.doc.map.relations or getattr(self.doc.map.relations[rid], field) == value:
            return
        self.doc.try_push(UpdateRelationCommand(self.doc, rid, {field: value}, text=f"Edit relation {field}"))
        self._refresh()

    def _commit_meta(self, key: str, value: str) -> None:
        if self.current is not None or (self.doc.map.meta.get(key) or "") == value:
            return
        self.doc.try_push(SetMetaCommand(self.doc, {key: value}, text=f"Edit map {key}"))

    def _on_anchor_activated(self, item: QListWidgetItem) -> None:
        data = item.data(Qt.ItemDataRole.UserRole)
        if data:
            source, start, end = data
            self.anchor_activated.emit(source, start, end)

    # ----------------------------------------------------------------- events
    def _on_selection_changed(self, ids: list[str], origin: object) -> None:
        self._session = next(_sessions)
        self._show(ids)

    def _on_map_changed(self, change: Change) -> None:
        if self.current is None:
            if change.meta:
                self._refresh()
            return
        if self.current in change.changed or self.current in change.added or change.removed:
            self._refresh()
        elif any(a for a in change.changed if a in self.doc.map.sources):
            self._refresh()

    def _show(self, ids: list[str]) -> None:
        self.current = ids[0] if len(ids) == 1 else None
        self._refresh(len(ids))

    def _refresh(self, count: int | None = None) -> None:
        amap = self.doc.map
        if self.current is not None and self.current not in amap.statements and self.current not in amap.relations:
            self.current = None
        if self.current is None:
            n = count if count is not None else len(self.doc.selection)
            self.empty_label.setText(
                f"{n} elements selected."
                if n > 1
                else "Nothing selected. Select a statement or a relation to edit it here."
            )
            _set_line(self.map_title, amap.meta.get("title") or "")
            _set_plain(self.map_description, amap.meta.get("description") or "")
            _set_line(self.map_analyst, str(amap.meta.get("analyst") or ""))
            self.pages.setCurrentWidget(self.empty_page)
        elif self.current in amap.statements:
            self._fill_statement(self.current)
            self.pages.setCurrentWidget(self.statement_page)
        else:
            self._fill_relation(self.current)
            self.pages.setCurrentWidget(self.relation_page)

    def _fill_statement(self, sid: str) -> None:
        amap = self.doc.map
        st = amap.statements[sid]
        _set_plain(self.st_text, st.text)
        _set_line(self.st_title, st.title)
        _set_combo(self.st_kind, st.kind)
        self.st_implicit.setChecked(st.implicit)  # clicked, not toggled, commits: no echo
        _set_plain(self.st_notes, st.notes)
        if self._parse_tags() != st.tags:
            self.st_tags.setText(", ".join(st.tags))
        _set_combo(self.st_assessment, st.assessment)
        broken = {(a.source_id, a.start, a.end, a.quote) for s, a in broken_anchors(amap) if s.id == sid}
        self.st_anchors.clear()
        for a in st.anchors:
            src = amap.sources.get(a.source_id)
            name = (src.title or a.source_id) if src else a.source_id
            quote = " ".join(a.quote.split())
            item = QListWidgetItem(f"{name} [{a.start}–{a.end}]: “{quote[:120]}{'…' if len(quote) > 120 else ''}”")
            item.setData(Qt.ItemDataRole.UserRole, (a.source_id, a.start, a.end))
            item.setToolTip("Double-click or press Enter to show this passage in the Source panel")
            if (a.source_id, a.start, a.end, a.quote) in broken:
                item.setText("⚠ broken — " + item.text())
                item.setToolTip("The source text no longer matches this quote.")
                item.setForeground(Qt.GlobalColor.red)
            self.st_anchors.addItem(item)
        if not st.anchors:
            placeholder = QListWidgetItem("(none needed: an unstated premise)" if st.implicit else "(none)")
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self.st_anchors.addItem(placeholder)

    def _fill_relation(self, rid: str) -> None:
        amap = self.doc.map
        rel = amap.relations[rid]

        def name(eid: str) -> str:
            if eid in amap.statements:
                st = amap.statements[eid]
                text = st.title or " ".join(st.text.split())
                return f"“{text[:60]}{'…' if len(text) > 60 else ''}”"
            return "the inference " + (f"“{amap.relations[eid].title}”" if amap.relations[eid].title else "below")

        verb = "supports" if rel.polarity is Polarity.SUPPORT else "attacks"
        premises = " + ".join(name(p) for p in rel.premises)
        linked = " (linked: the premises work together)" if rel.linked else ""
        self.rel_summary.setText(f"{premises} {verb} {name(rel.target)}{linked}.")
        _set_combo(self.rel_polarity, rel.polarity)
        _set_combo(self.rel_kind, rel.kind)
        _set_line(self.rel_scheme, rel.scheme)
        _set_line(self.rel_title, rel.title)
        _set_plain(self.rel_notes, rel.notes)
        _set_combo(self.rel_assessment, rel.assessment)
