"""Selection and highlighting of the canvas (hover, find), mixed into MapScene."""

from __future__ import annotations

from collections.abc import Iterable

from .items import NodeItem, RelationItem


def element_id(item: object) -> str | None:
    """The id of the statement or relation a scene item shows (None for other items)."""
    if isinstance(item, NodeItem):
        return item.sid
    if isinstance(item, RelationItem):
        return item.rid
    return None


class SelectionMixin:
    """Selection kept in step with the document; hover and find highlights."""

    # ------------------------------------------------------------ selection
    def selected_ids(self) -> list[str]:
        """Selected statements and relations, statements first, each in map order."""
        if self.doc is None:
            return []
        sel = [element_id(i) for i in self.selectedItems()]
        sel = [i for i in sel if i is not None]
        if len(sel) <= 1:
            return sel
        want = set(sel)
        return [eid for eid in (*self.doc.map.statements, *self.doc.map.relations) if eid in want]

    def selected_statements(self) -> list[str]:
        return [i for i in self.selected_ids() if i in self.node_items]

    def select_ids(self, ids: Iterable[str]) -> None:
        self._syncing_selection = True
        self._apply_selection(ids)
        self._on_scene_selection_changed()

    def _apply_selection(self, ids: Iterable[str]) -> None:
        """Select exactly the items of ``ids`` without emitting the scene's selection signal."""
        want = set(ids)
        self.blockSignals(True)
        try:
            for item in self.selectedItems():
                if element_id(item) not in want:
                    item.setSelected(False)
            for eid in want:
                item = self.item_for(eid)
                if item is not None:
                    item.setSelected(True)
        finally:
            self.blockSignals(False)

    def _on_scene_selection_changed(self) -> None:
        if self.overview_mode:
            self.overview.invalidate()
        if self.doc is not None and not self.signalsBlocked():
            self.doc.select(self.selected_ids(), self)

    def _on_doc_selection_changed(self, ids: list, origin: object) -> None:
        if origin is self:
            return
        self._apply_selection(ids)

    # -------------------------------------------------------- highlighting
    def set_hover(self, sid: str | None, force: bool = False) -> None:
        """Highlight the hovered card, what it supports and what supports it."""
        if sid == self._hover and not force:
            return
        for eid in self._related:
            item = self.item_for(eid)
            if isinstance(item, NodeItem):
                item.related = False
                item.hover = False
                item.update()
            elif isinstance(item, RelationItem):
                item.highlighted = False
                item.update()
        self._related = set()
        self._hover = sid
        if sid is None or self.doc is None or sid not in self.node_items:
            self.hover_changed.emit(None)
            return
        amap = self.doc.map
        related: set[str] = {sid}
        for rel in (*amap.relations_into(sid), *amap.relations_from(sid)):
            related.add(rel.id)
            related.update(rel.premises)
            if rel.target in amap.statements:
                related.add(rel.target)
        for eid in related:
            item = self.item_for(eid)
            if isinstance(item, NodeItem):
                item.related = eid != sid
                item.hover = eid == sid
                item.update()
            elif isinstance(item, RelationItem):
                item.highlighted = True
                item.update()
        self._related = related
        self.hover_changed.emit(sid)

    def hovered(self) -> str | None:
        return self._hover

    def related_to_hover(self) -> set[str]:
        return set(self._related)

    def set_find_matches(self, ids: Iterable[str]) -> None:
        ids = {i for i in ids if i in self.node_items}
        for eid in self._found - ids:
            item = self.node_items.get(eid)
            if item is not None:
                item.found = False
                item.update()
        for eid in ids - self._found:
            self.node_items[eid].found = True
            self.node_items[eid].update()
        self._found = ids
        self.overview.invalidate()

    def find_matches(self) -> set[str]:
        return set(self._found)
