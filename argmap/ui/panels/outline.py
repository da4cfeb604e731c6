"""The Outline panel: the argument as a tree from each main conclusion down through its reasons and objections."""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPen, QPixmap, QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QToolTip, QTreeWidget, QTreeWidgetItem, QWidget

from ...model import Change, Kind, Polarity, Relation, main_conclusions, reasons
from ..document.commands import UpdateStatementCommand
from ..document.controller import DocumentController

ROLE_ID = Qt.ItemDataRole.UserRole  # the element (statement or relation) an item stands for

SUPPORT_COLOUR = QColor("#2e7d32")
ATTACK_COLOUR = QColor("#c62828")
KIND_LABELS = {Kind.CONCLUSION: "Conclusion", Kind.PREMISE: "Premise", Kind.EVIDENCE: "Evidence"}


KIND_COLOURS = {Kind.CONCLUSION: QColor("#2f62b8"), Kind.PREMISE: QColor("#66707e"), Kind.EVIDENCE: QColor("#b06d0c")}


def _icon(polarity: str | None, kind: Kind | None) -> QIcon:
    """Role and kind at a glance: a green + (reason) or red − (objection) badge, then a
    coloured square lettered C, P or E for the statement's kind (kind is never colour alone)."""
    pm = QPixmap(36, 16)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    if polarity is not None:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(SUPPORT_COLOUR if polarity == "support" else ATTACK_COLOUR)
        p.drawEllipse(QRectF(1, 1, 14, 14))
        p.setPen(QPen(Qt.GlobalColor.white, 2))
        p.drawLine(4, 8, 12, 8)
        if polarity == "support":
            p.drawLine(8, 4, 8, 12)
    if kind is not None:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(KIND_COLOURS[kind])
        p.drawRoundedRect(QRectF(19, 1, 15, 14), 3, 3)
        font = QFont()
        font.setPixelSize(10)
        font.setBold(True)
        p.setFont(font)
        p.setPen(Qt.GlobalColor.white)
        p.drawText(QRectF(19, 1, 15, 14), Qt.AlignmentFlag.AlignCenter, kind.value[0].upper())
    p.end()
    return QIcon(pm)


class _Item(QTreeWidgetItem):
    """A row: the element it stands for, and the one-premise relation it hangs by (kept in Python: fast)."""

    __slots__ = ("eid", "via", "sort", "kind")

    def __init__(self, eid: str, sort: str, via: str = "") -> None:
        super().__init__()
        self.eid = eid
        self.sort = sort
        self.via = via
        self.kind: Kind | None = None
        self.setData(0, ROLE_ID, eid)


class OutlinePanel(QTreeWidget):
    """A tree mirror of the map.  Structural changes rebuild it (debounced, once per
    event-loop turn); text edits update the items in place.  A statement reached
    a second time (shared premise, or a cycle) is listed again without its subtree."""

    def __init__(self, doc: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outline")
        self.setAccessibleName("Outline")
        self.doc = doc
        self.setColumnCount(1)
        self.setHeaderHidden(True)
        self.setIconSize(QSize(36, 16))
        self.setIndentation(14)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setUniformRowHeights(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self._items: dict[str, list[QTreeWidgetItem]] = {}
        self._via: dict[str, list[QTreeWidgetItem]] = {}
        self._collapsed: set[str] = set()
        self._updating = False
        self._stale = True
        self._editable = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable
        self._bold = QFont(self.font())
        self._bold.setBold(True)
        self._italic = QFont(self.font())
        self._italic.setItalic(True)
        self._icons = {(pol, kind): _icon(pol, kind) for pol in (None, "support", "attack") for kind in (None, *Kind)}
        self._rebuild_timer = QTimer(self)
        self._rebuild_timer.setSingleShot(True)
        self._rebuild_timer.setInterval(0)
        self._rebuild_timer.timeout.connect(self.rebuild)
        doc.map_changed.connect(self._on_map_changed)
        doc.selection_changed.connect(self._on_selection_changed)
        self.itemSelectionChanged.connect(self._on_item_selection_changed)
        self.itemChanged.connect(self._on_item_changed)
        self.itemCollapsed.connect(self._on_item_collapsed)
        self.itemExpanded.connect(self._on_item_expanded)
        self.rebuild()

    # ------------------------------------------------------------------ building
    @staticmethod
    def _key(item: QTreeWidgetItem) -> str:
        parts = []
        while item is not None:
            parts.append(item.eid)  # type: ignore[attr-defined]
            item = item.parent()
        return "/".join(reversed(parts))

    def _on_item_collapsed(self, item: QTreeWidgetItem) -> None:
        if not self._updating:
            self._collapsed.add(self._key(item))

    def _on_item_expanded(self, item: QTreeWidgetItem) -> None:
        if not self._updating and self._collapsed:
            self._collapsed.discard(self._key(item))

    def schedule_rebuild(self) -> None:
        self._stale = True
        if self.isVisible():
            self._rebuild_timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._rebuild_timer.start()

    def rebuild(self) -> None:
        """Build the whole tree from the map, keeping collapsed branches and the selection."""
        self._rebuild_timer.stop()
        self._stale = False
        amap = self.doc.map
        self._updating = True
        self.setUpdatesEnabled(False)
        try:
            self.clear()
            self._items.clear()
            self._via.clear()
            seen: set[str] = set()
            roots = [s.id for s in main_conclusions(amap)]
            roots += [sid for sid in amap.statements if sid not in set(roots)]
            top_items = []
            for sid in roots:
                if sid in seen:
                    continue
                item = self._statement_item(sid, None)
                top_items.append(item)
                self._grow(item, sid, seen)
            self.addTopLevelItems(top_items)
            self._restore_expansion()
            self._apply_selection(self.doc.selection)
        finally:
            self.setUpdatesEnabled(True)
            self._updating = False

    def _grow(self, root: QTreeWidgetItem, root_id: str, seen: set[str]) -> None:
        """Add the subtree under ``root`` depth first, without recursion (maps can be deep)."""
        amap = self.doc.map
        seen.add(root_id)
        stack: list[tuple[QTreeWidgetItem, str]] = [(root, root_id)]
        while stack:
            parent, eid = stack.pop()
            if eid in amap.statements:
                rels = reasons(amap, eid)
            else:
                rels = amap.undercuts_of(eid)
            for rel in rels:
                undercuts = amap.undercuts_of(rel.id)
                if len(rel.premises) == 1 and not undercuts:
                    sid = rel.premises[0]
                    child = self._statement_item(sid, rel)
                    parent.addChild(child)
                    if sid not in seen:
                        seen.add(sid)
                        stack.append((child, sid))
                    continue
                group = self._relation_item(rel)
                parent.addChild(group)
                for sid in rel.premises:
                    child = self._statement_item(sid, None)
                    group.addChild(child)
                    if sid not in seen:
                        seen.add(sid)
                        stack.append((child, sid))
                if undercuts:
                    stack.append((group, rel.id))

    def _statement_item(self, sid: str, via: Relation | None) -> _Item:
        item = _Item(sid, "statement", via.id if via else "")
        item.setFlags(self._editable)
        if via is not None:
            self._via.setdefault(via.id, []).append(item)
        self._fill_statement(item, sid)
        self._items.setdefault(sid, []).append(item)
        return item

    def _fill_statement(self, item: _Item, sid: str) -> None:
        st = self.doc.map.statements[sid]
        item.setText(0, " ".join(st.shown_text.split()) or "(empty)")
        if (st.kind is Kind.CONCLUSION) != (item.kind is Kind.CONCLUSION):
            item.setFont(0, self._bold if st.kind is Kind.CONCLUSION else self.font())
        item.kind = st.kind
        rel = self.doc.map.relations.get(item.via) if item.via else None
        item.setIcon(0, self._icons[(rel.polarity.value if rel else None, st.kind)])
        # what the icon shows, in words, for a screen reader: "Objection (premise): ..."
        kind = ("implicit " if st.implicit else "") + st.kind.value
        role = ("Reason" if rel.polarity is Polarity.SUPPORT else "Objection") if rel else ""
        said = f"{role} ({kind})" if role else kind.capitalize()
        item.setData(0, Qt.ItemDataRole.AccessibleTextRole, f"{said}: {item.text(0)}")

    def tooltip_for(self, item: _Item) -> str:
        amap = self.doc.map
        if item.sort == "relation":
            rel = amap.relations.get(item.eid)
            return html.escape(rel.notes or rel.title or item.text(0)) if rel else ""
        st = amap.statements.get(item.eid)
        if st is None:
            return ""
        rel = amap.relations.get(item.via) if item.via else None
        role = ("Reason" if rel.polarity is Polarity.SUPPORT else "Objection") if rel else ""
        tip = f"<b>{html.escape(st.shown_title)}</b><br>" if st.title else ""
        kind = KIND_LABELS[st.kind] + (", implicit (unstated)" if st.implicit else "")
        return f"{tip}{html.escape(st.shown_text)}<br><i>{kind}" + (f" — {role}" if role else "") + "</i>"

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            item = self.itemAt(event.pos())
            if isinstance(item, _Item):
                QToolTip.showText(event.globalPos(), self.tooltip_for(item), self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def _relation_item(self, rel: Relation) -> _Item:
        item = _Item(rel.id, "relation")
        self._fill_relation(item, rel)
        self._items.setdefault(rel.id, []).append(item)
        return item

    def _fill_relation(self, item: QTreeWidgetItem, rel: Relation) -> None:
        support = rel.polarity is Polarity.SUPPORT
        undercut = self.doc.map.is_undercut(rel)
        if undercut:
            label = "Objection to the inference"
        elif support:
            label = "Reason" + (" (premises together)" if rel.linked else "")
        else:
            label = "Objection" + (" (premises together)" if rel.linked else "")
        if rel.title:
            label += f": {rel.title}"
        item.setText(0, label)
        item.setIcon(0, self._icons[("support" if support else "attack", None)])
        item.setFont(0, self._italic)

    def _restore_expansion(self) -> None:
        if not self._collapsed:
            self.expandAll()
            return
        stack = [self.topLevelItem(i) for i in range(self.topLevelItemCount())]
        while stack:
            item = stack.pop()
            if item.childCount():
                item.setExpanded(self._key(item) not in self._collapsed)
                stack.extend(item.child(i) for i in range(item.childCount()))

    # -------------------------------------------------------------- model events
    def _on_map_changed(self, change: Change) -> None:
        amap = self.doc.map
        if change.added or change.removed or any(c in amap.relations for c in change.changed):
            self.schedule_rebuild()
            return
        if self._stale:
            return
        for sid in change.changed:
            items = self._items.get(sid, [])
            if sid not in amap.statements:
                continue
            st = amap.statements[sid]
            if items and items[0].parent() is None and items[0].kind is not st.kind:
                self.schedule_rebuild()  # main conclusions are ordered by kind
                return
            self._updating = True
            try:
                for item in items:
                    self._fill_statement(item, sid)
            finally:
                self._updating = False

    def _on_selection_changed(self, ids: list[str], origin: object) -> None:
        if origin is self or self._stale:
            return
        self._apply_selection(ids)

    def _apply_selection(self, ids: list[str]) -> None:
        items: list[QTreeWidgetItem] = []
        for eid in ids:
            found = self._items.get(eid) or self._via.get(eid) or []
            items.extend(found)
        selection = QItemSelection()
        for item in items:
            index = self.indexFromItem(item, 0)
            selection.select(index, index)
        was = self._updating
        self._updating = True
        try:
            self.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            if items:
                self.setCurrentItem(items[0], 0, QItemSelectionModel.SelectionFlag.NoUpdate)
                self.scrollToItem(items[0])
        finally:
            self._updating = was

    # -------------------------------------------------------------- user actions
    def _on_item_selection_changed(self) -> None:
        if self._updating:
            return
        ids = list(dict.fromkeys(it.eid for it in self.selectedItems()))
        self.doc.select(ids, origin=self)
        if len(ids) == 1:
            self.doc.focus_requested.emit(ids[0])

    def _on_item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if self._updating or column != 0 or not isinstance(item, _Item) or item.sort != "statement":
            return
        sid = item.eid
        st = self.doc.map.statements.get(sid)
        if st is None:
            return
        text = item.text(0).strip()
        if st.implicit and text.startswith("[") and text.endswith("]"):  # shown in brackets, edited without
            text = text[1:-1].strip()
        if not text or text == " ".join(st.text.split()):
            self._updating = True
            try:
                self._fill_statement(item, sid)  # an empty or unchanged edit puts the old text back
            finally:
                self._updating = False
            return
        self.doc.try_push(UpdateStatementCommand(self.doc, sid, {"text": text}, text="Edit statement text"))
