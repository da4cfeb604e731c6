"""What the source panel's actions do: sources added, edited and removed; passages made statements; its menu."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from ...io.source_files import SourceFileError, read_source_file
from ...model import Kind, ModelError, Source, new_id
from ...model.passages import passage_anchor
from ...model.text import normalise_newlines, sentence_at
from ..document.commands import AddSourceCommand, RemoveSourceCommand, UpdateSourceCommand
from .claimed_keys import ClaimsKeys
from .dialogs import SourceDetailsDialog, SourceTextDialog
from .edits import make_statement, replace_anchor, replace_source_text
from .text_view import SourceTextView

if TYPE_CHECKING:  # pragma: no cover
    from ..document.controller import DocumentController
    from .anchor_index import AnchorIndex

FILE_FILTER = "Texts (*.txt *.md *.markdown *.html *.htm);;All files (*)"


def elide(text: str, limit: int = 48) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class SourceOperations(ClaimsKeys, QWidget):
    """The edits of :class:`SourcePanel` (a base class only to keep modules short)."""

    doc: DocumentController
    index: AnchorIndex
    make_actions: dict[Kind, QAction]
    link_action: QAction
    details_action: QAction
    edit_text_action: QAction
    remove_action: QAction
    sentence_action: QAction
    source_actions: list[QAction]

    def current_source(self) -> str | None:  # pragma: no cover - provided by the panel
        raise NotImplementedError

    def current_view(self) -> SourceTextView | None:  # pragma: no cover - provided by the panel
        raise NotImplementedError

    def show_source(self, sid: str) -> SourceTextView:  # pragma: no cover - provided by the panel
        raise NotImplementedError

    def refresh_now(self) -> None:  # pragma: no cover - provided by the panel
        raise NotImplementedError

    def broken(self, sid: str | None = None) -> list:  # pragma: no cover - provided by the panel
        raise NotImplementedError

    # ------------------------------------------------- keys anywhere in the panel
    def _claimable(self) -> list[QAction]:
        """The make actions: the window binds Ctrl+1/2/3 to the canvas too; with the focus
        anywhere in this panel they are the panel's."""
        return list(self.make_actions.values())

    def _show_statement(self, sid: str) -> None:
        self.doc.select([sid], origin=self)
        self.doc.focus_requested.emit(sid)

    def _update_actions(self) -> None:
        view = self.current_view()
        has_passage = view is not None and view.passage() is not None
        for act in self.make_actions.values():
            act.setEnabled(has_passage)
        for act in (self.details_action, self.edit_text_action, self.remove_action, self.sentence_action):
            act.setEnabled(view is not None)

    def _support_target(self, kind: Kind, link: bool | None) -> str | None:
        if kind is Kind.CONCLUSION or not (self.link_action.isChecked() if link is None else link):
            return None
        sel = [i for i in self.doc.selection if i in self.doc.map.statements]
        return sel[0] if len(sel) == 1 else None

    def make_statement(self, kind: Kind, link: bool | None = None) -> str | None:
        """Make the selected passage a new statement of ``kind``; a premise or evidence becomes a
        reason for the one selected statement unless ``link`` (default: the Link toggle, on) is
        off.  The status bar says what happened."""
        view = self.current_view()
        passage = view.passage() if view else None
        if passage is None:
            self.doc.status_message.emit("Select a passage of the source first.")
            return None
        target = self._support_target(kind, link)
        try:
            sid = make_statement(self.doc, passage, kind, support_target=target, origin=self)
        except ModelError as e:
            self.doc.status_message.emit(f"Cannot make a {kind.value}: {e}")
            return None
        cur = view.textCursor()
        cur.clearSelection()
        view.setTextCursor(cur)
        self.refresh_now()
        self.doc.status_message.emit(self._made_message(sid, target))
        return sid

    def _made_message(self, sid: str, target: str | None) -> str:
        """What the status bar says after a passage became a statement."""
        amap = self.doc.map
        st = amap.statements[sid]
        what = f"{st.kind.value.capitalize()} “{elide(st.title or st.text, 40)}”"
        if target is not None:
            t = amap.statements[target]
            role = "evidence" if st.kind is Kind.EVIDENCE else "a reason"
            return f"{what} added as {role} for “{elide(t.title or t.text, 40)}”"
        if st.kind is Kind.CONCLUSION:
            return f"{what} added: select it, then premises and evidence from passages become its reasons"
        if not self.link_action.isChecked():
            return f"{what} added on its own (Link is off)"
        return f"{what} added on its own: select a card first to add a passage as its reason"

    def reanchor_broken(self, row: int, remove: bool = False) -> bool:
        """Point the ``row``-th broken anchor of the current source at the selected passage
        (or remove it); one undo step."""
        broken = self.broken()
        if not 0 <= row < len(broken):
            return False
        st, old = broken[row]
        new = None
        if not remove:
            view = self.current_view()
            passage = view.passage() if view else None
            if passage is None:
                self.doc.status_message.emit("Select the passage this statement now comes from first.")
                return False
            new = passage_anchor(self.doc.map, passage)
        ok = replace_anchor(self.doc, st.id, old, new)
        self.refresh_now()
        return ok

    def select_sentence(self, offset: int | None = None) -> None:
        view = self.current_view()
        if view is None:
            return
        if offset is None:
            offset = view.to_cp(view.textCursor().position())
        span = sentence_at(view.text, offset)
        if span:
            view.select_range(*span)

    def add_source(self, text: str, title: str = "", ask: bool = True, **details: str) -> str | None:
        """Add a source (asking for its details unless ``ask`` is False); returns its id."""
        info = {"title": title, **details}
        if ask:
            info = SourceDetailsDialog.ask(info, self, "New source")
            if info is None:
                return None
        src = Source(
            new_id(),
            normalise_newlines(text),
            info.get("title", ""),
            info.get("author", ""),
            info.get("url", ""),
            info.get("date", ""),
        )
        if not self.doc.try_push(AddSourceCommand(self.doc, src)):
            return None
        self.show_source(src.id)
        return src.id

    def add_source_from_file(self, path: str | None = None, ask: bool = True) -> str | None:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, "Add Source", "", FILE_FILTER)
            if not path:
                return None
        try:
            title, text = read_source_file(path)
        except SourceFileError as e:
            self.doc.status_message.emit(str(e))
            QMessageBox.warning(self, "Cannot add source", str(e))
            return None
        return self.add_source(text, title, ask, url="")

    def paste_source(self, ask: bool = True) -> str | None:
        text = QGuiApplication.clipboard().text()
        if not text.strip():
            self.doc.status_message.emit("The clipboard holds no text to add as a source.")
            return None
        first = next((line.strip() for line in text.splitlines() if line.strip()), "")
        return self.add_source(text.strip("\n"), elide(first, 60), ask)

    def edit_details(self, sid: str | None = None, values: dict[str, str] | None = None) -> bool:
        sid = sid or self.current_source()
        if sid is None:
            return False
        src = self.doc.map.source(sid)
        if values is None:
            values = SourceDetailsDialog.ask(
                {"title": src.title, "author": src.author, "url": src.url, "date": src.date}, self
            )
            if values is None:
                return False
        return self.doc.try_push(UpdateSourceCommand(self.doc, sid, values, text="Edit source details"))

    def edit_text(self, sid: str | None = None, text: str | None = None) -> list[str]:
        """Replace a source's text (asking for it unless given); returns statements left broken."""
        sid = sid or self.current_source()
        if sid is None:
            return []
        src = self.doc.map.source(sid)
        if text is None:
            text = SourceTextDialog.ask(src.title, src.text, self)
            if text is None:
                return []
        broken = replace_source_text(self.doc, sid, text)
        if broken:
            self.doc.status_message.emit(f"{len(broken)} statement(s) lost their passage: marked as broken anchors.")
        return broken

    def remove_source(self, sid: str | None = None, confirm: bool = True) -> bool:
        sid = sid or self.current_source()
        if sid is None:
            return False
        n = len(self.index.statements_in(sid))
        src = self.doc.map.source(sid)
        if confirm and n:
            answer = QMessageBox.question(
                self,
                "Remove source",
                f"Remove “{src.title or 'Untitled'}”? {n} statement(s) lose their anchors into it "
                "(the statements stay; Undo brings the anchors back).",
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        return self.doc.try_push(RemoveSourceCommand(self.doc, sid))

    # ------------------------------------------------------------ context menu
    def _show_menu(self, view: SourceTextView, pos: QPoint) -> None:
        menu = self.build_menu(view, pos)
        menu.exec(view.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def build_menu(self, view: SourceTextView, pos: QPoint | None = None) -> QMenu:
        menu = QMenu(self)
        menu.addActions(list(self.make_actions.values()))
        sel = [i for i in self.doc.selection if i in self.doc.map.statements]
        if len(sel) == 1 and view.passage() is not None:
            target = self.doc.map.statements[sel[0]]
            for kind, label in (
                (Kind.PREMISE, "Make Premise &Supporting"),
                (Kind.EVIDENCE, "Make E&vidence Supporting"),
            ):
                act = menu.addAction(f"{label} “{elide(target.title or target.text, 30)}”")
                act.triggered.connect(lambda _=False, k=kind: self.make_statement(k, link=True))
        menu.addSeparator()
        offset = view.offset_at(pos) if pos is not None else None
        for n, sid in enumerate((view.statements_at(offset) if offset is not None else [])[:4], 1):
            st = self.doc.map.statements[sid]
            act = menu.addAction(f"&{n} Show {st.kind.value.capitalize()} “{elide(st.title or st.text, 30)}”")
            act.triggered.connect(lambda _=False, s=sid: self._show_statement(s))
        copy = menu.addAction("C&opy", view.copy)
        copy.setEnabled(view.textCursor().hasSelection())
        if offset is not None:
            menu.addAction("Select Se&ntence", lambda o=offset: self.select_sentence(o))
        menu.addSeparator()
        menu.addActions(self.source_actions)
        return menu
