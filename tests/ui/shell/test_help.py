"""The Help menu: a shortcut sheet read from the actions, a quick start over the teaching sample, the docs."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from window_support import activate

from argmap.model import Kind, Polarity
from argmap.ui.shell.quick_start import STEPS, QuickStart
from argmap.ui.shell.shortcut_sheet import MAP_KEYS_GROUP, ShortcutSheet


def _sheet(w) -> ShortcutSheet:
    sheet = w.findChild(ShortcutSheet)
    assert sheet is not None and sheet.isVisible() and not sheet.isModal()
    return sheet


def test_f1_and_ctrl_slash_open_the_shortcut_sheet(qtbot, make_window):
    w = make_window()
    activate(qtbot, w)
    assert w.named_actions["shortcuts"].shortcuts() == [QKeySequence("F1"), QKeySequence("Ctrl+/")]
    for key, mods in (
        (Qt.Key.Key_F1, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Slash, Qt.KeyboardModifier.ControlModifier),
    ):
        w.view.setFocus()
        qtbot.keyClick(w.view.viewport(), key, mods)
        qtbot.waitUntil(lambda: w.findChild(ShortcutSheet) is not None and w.findChild(ShortcutSheet).isVisible())
        _sheet(w).close()
    assert len(w.findChildren(ShortcutSheet)) == 1  # made once, shown again


def test_the_sheet_lists_every_menu_shortcut_and_follows_a_changed_key(qtbot, make_window):
    w = make_window()
    w.named_actions["shortcuts"].trigger()
    sheet = _sheet(w)
    rows = {(r.group, r.command): r.keys for r in sheet.rows}
    # every keyed item of every menu is there, under its menu, with its keys as the action has them
    for top in w.menuBar().actions():
        for act in top.menu().actions():
            if act.menu() is None and not act.isSeparator() and act.shortcuts():
                keys = act.shortcuts()[0].toString(QKeySequence.SequenceFormat.NativeText)
                group, command = top.text().replace("&", ""), act.text().replace("&", "")
                assert keys in rows[(group, command)], (group, command)
    assert rows[("Edit", "Redo")].count("Ctrl+Y") == 1
    assert any(g == "Source" and "Ctrl+2" in k for (g, _c), k in rows.items())
    # the map's own keys, which no menu shows
    map_keys = {r.keys: r.command for r in sheet.rows if r.group == MAP_KEYS_GROUP}
    assert "Arrow keys" in map_keys and "Alt+Arrow keys" in map_keys
    # a key changed elsewhere shows the next time the sheet opens: nothing is kept by hand
    w.canvas_actions.zoom_fit.setShortcut(QKeySequence("Ctrl+Shift+F9"))
    sheet.close()
    w.named_actions["shortcuts"].trigger()
    assert ("View", "Fit to Window") in {(r.group, r.command) for r in sheet.rows}
    assert {r.command: r.keys for r in sheet.rows}["Fit to Window"] == "Ctrl+Shift+F9"


def test_the_sheet_filters_as_one_types(qtbot, make_window):
    w = make_window()
    w.named_actions["shortcuts"].trigger()
    sheet = _sheet(w)
    qtbot.keyClicks(sheet.search, "zoom")
    shown = sheet.visible_rows()
    assert shown and all("zoom" in f"{r.command} {r.tip}".lower() for r in shown)
    assert "Zoom In" in {r.command for r in shown}
    sheet.search.setText("ctrl+s")
    assert "Save" in {r.command for r in sheet.visible_rows()}
    sheet.search.setText("no such command at all")
    assert not sheet.visible_rows() and sheet.empty.isVisible()
    sheet.search.clear()
    assert len(sheet.visible_rows()) == len(sheet.rows)


def test_quick_start_opens_the_teaching_sample_and_points_at_its_parts(qtbot, make_window, manager):
    w = make_window()
    w.named_actions["quick_start"].trigger()
    guide = next(g for win in manager.windows for g in win.findChildren(QuickStart))
    win = guide.window_
    assert not guide.isModal() and guide.isVisible()
    amap = win.doc.map
    assert amap.title.startswith("Should the town plant trees") and win.doc.path is None  # a copy of the sample
    assert win.source_dock.isVisible()
    conclusion = next(s.id for s in amap.statements.values() if s.kind is Kind.CONCLUSION)
    assert win.doc.selection == [conclusion]
    seen = []
    for i in range(1, len(STEPS)):
        qtbot.mouseClick(guide.next_button, Qt.MouseButton.LeftButton)
        assert guide.index == i
        seen.append((guide.heading.text(), list(win.doc.selection)))
        assert not re.search(r"[.!?]”[.!?]", guide.body.text())  # a quoted sentence is not stopped twice
        if win.doc.selection:  # the cards it points at are in view
            item = win.view.map_scene.item_for(win.doc.selection[0])
            visible = win.view.mapToScene(win.view.viewport().rect()).boundingRect()
            assert visible.intersects(item.sceneBoundingRect())
    by_title = dict(seen)
    linked = by_title["Reasons that work together"]
    assert len(linked) == 2 and any(set(r.premises) == set(linked) for r in amap.relations.values())
    assert [amap.statements[i].kind for i in by_title["Evidence"]] == [Kind.EVIDENCE]
    undercut = by_title["Undercuts"]
    assert any(amap.relations[i].polarity is Polarity.SUPPORT for i in undercut if i in amap.relations)
    # the last step names the keys the actions have now
    assert "Ctrl+S" in guide.body.text() and guide.next_button.text() == "&Finish"
    qtbot.mouseClick(guide.back_button, Qt.MouseButton.LeftButton)
    assert guide.index == len(STEPS) - 2
    qtbot.mouseClick(guide.close_button, Qt.MouseButton.LeftButton)
    assert not guide.isVisible()


def test_documentation_opens_the_user_guide(make_window, monkeypatch, dialogs):
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True))
    w = make_window()
    w.named_actions["documentation"].trigger()
    [url] = opened
    assert url.isLocalFile() and Path(url.toLocalFile()).name == "README.md"
    assert "argmap" in Path(url.toLocalFile()).read_text(encoding="utf-8")
    assert not dialogs.shown
    # no viewer: say where the guide is instead
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: False))
    w.named_actions["documentation"].trigger()
    [(kind, _title, text)] = dialogs.shown
    assert kind == "information" and "README.md" in text


def test_help_menu_lists_shortcuts_quick_start_documentation_and_about(make_window):
    w = make_window()
    menu = next(a.menu() for a in w.menuBar().actions() if a.text() == "&Help")
    names = [a.objectName() for a in menu.actions() if isinstance(a, QAction) and not a.isSeparator()]
    assert names == ["shortcuts", "quick_start", "documentation", "about"]
