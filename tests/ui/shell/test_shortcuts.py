"""Every shortcut of the main window fires one action wherever the focus is; every menu item has a key."""

from __future__ import annotations

import logging
from collections import defaultdict

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QContextMenuEvent, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar, QToolButton, QWidget
from window_support import small_map

from argmap.model import Kind, Source
from argmap.ui.source.claimed_keys import ClaimsKeys

Context = Qt.ShortcutContext


def _window_actions(w: QWidget) -> set[QAction]:
    acts = set(w.findChildren(QAction))
    for widget in [w, *w.findChildren(QWidget)]:
        acts.update(widget.actions())
    return {a for a in acts if a.shortcuts()}


def _chain(widget: QWidget | None) -> list[QWidget]:
    """The widget and its ancestors up to its window."""
    out = []
    while widget is not None:
        out.append(widget)
        if widget.isWindow():
            break
        widget = widget.parentWidget()
    return out


def _scopes(act: QAction) -> list[QWidget]:
    """The widgets whose focus (with their children's) makes a widget-scoped action's keys live;
    menus and tool buttons only show the action."""
    return [
        o
        for o in act.associatedObjects()
        if isinstance(o, QWidget) and not isinstance(o, (QMenu, QToolBar, QToolButton))
    ]


def _live_actions(w: QWidget, focus: QWidget, actions: set[QAction]) -> dict[str, set[QAction]]:
    """Key -> the actions that key would trigger with ``focus`` focused (what Qt's shortcut map asks)."""
    chain = _chain(focus)
    live: dict[str, set[QAction]] = defaultdict(set)
    for act in actions:
        ctx = act.shortcutContext()
        if ctx in (Context.WindowShortcut, Context.ApplicationShortcut):
            on = True
        elif ctx == Context.WidgetWithChildrenShortcut:
            on = any(s in chain for s in _scopes(act))
        else:
            on = focus in _scopes(act)
        if on:
            for seq in act.shortcuts():
                live[seq.toString()].add(act)
    # a widget that claims some keys (ShortcutOverride) takes them ahead of every shortcut
    for widget in reversed(chain):
        if isinstance(widget, ClaimsKeys):
            for act in widget.claimed_actions():
                live[act.shortcut().toString()] = {act}
    return live


def _open_window(make_window, caplog):
    amap = small_map()
    amap.add_source(Source("src", "Sugar taxes work. Sales fell by a fifth in two years.", "Op-ed"))
    with caplog.at_level(logging.WARNING):
        w = make_window(amap)
    return w


def test_no_shortcut_is_bound_twice_in_one_focus_context(make_window, caplog):
    w = _open_window(make_window, caplog)
    # the menus drop a shortcut an earlier action has: nothing may have been dropped
    assert not [r.getMessage() for r in caplog.records if "duplicate shortcut" in r.getMessage()]
    actions = _window_actions(w)
    assert len(actions) > 30  # the walk found the menus', canvas's and source panel's actions
    focusable = [x for x in [w, *w.findChildren(QWidget)] if x.focusPolicy() != Qt.FocusPolicy.NoFocus]
    assert w.view in focusable and w.source_panel.views["src"] in focusable
    clashes = set()
    for focus in focusable:
        for key, acts in _live_actions(w, focus, actions).items():
            if key and len(acts) > 1:
                names = sorted(a.text().replace("&", "") for a in acts)
                clashes.add(f"{key}: {' / '.join(names)} (focus in {type(focus).__name__})")
    assert not clashes, "\n".join(sorted(clashes))


def test_the_walk_finds_a_key_bound_twice(make_window, caplog):
    w = _open_window(make_window, caplog)
    extra = QAction("Extra", w.source_panel)
    extra.setShortcut(QKeySequence("Ctrl+E"))  # the canvas's Evaluate, live in the whole window
    extra.setShortcutContext(Context.WidgetWithChildrenShortcut)
    w.source_panel.addAction(extra)
    actions = _window_actions(w)
    key = QKeySequence("Ctrl+E").toString()
    assert _live_actions(w, w.source_panel.views["src"], actions)[key] == {extra, w.canvas_actions.evaluate}
    assert _live_actions(w, w.view.viewport(), actions)[key] == {w.canvas_actions.evaluate}


def test_the_source_text_and_the_canvas_answer_ctrl_2_each_with_their_own_action(make_window, caplog):
    w = _open_window(make_window, caplog)
    actions = _window_actions(w)
    key = QKeySequence("Ctrl+2").toString()
    (on_canvas,) = _live_actions(w, w.view.viewport(), actions)[key]
    (in_source,) = _live_actions(w, w.source_panel.views["src"], actions)[key]
    assert on_canvas is w.canvas_actions.kind_premise
    assert in_source is w.source_panel.make_actions[Kind.PREMISE]


def _mnemonic(text: str) -> str | None:
    i = 0
    while (i := text.find("&", i)) >= 0 and i + 1 < len(text):
        if text[i + 1] != "&":
            return text[i + 1].lower()
        i += 2
    return None


def _unreachable(menu: QMenu, strict: bool) -> list[str]:
    """Items of ``menu`` (and its submenus) that no key reaches: without a mnemonic of their own
    in the menu and without a shortcut.  ``strict``: no two items share a mnemonic at all."""
    problems = []
    items = [a for a in menu.actions() if not a.isSeparator() and a.isVisible()]
    seen: dict[str, list[str]] = defaultdict(list)
    for a in items:
        m = _mnemonic(a.text())
        if m:
            seen[m].append(a.text())
    for a in items:
        m = _mnemonic(a.text())
        own = m is not None and len(seen[m]) == 1
        if not own and (a.menu() is not None or not a.shortcuts()):
            problems.append(f"{menu.title() or 'context menu'} › {a.text()!r}: no mnemonic of its own, no shortcut")
        if a.menu() is not None:
            problems += _unreachable(a.menu(), strict)
    if strict:
        problems += [f"{menu.title()}: &{m} for {', '.join(texts)}" for m, texts in seen.items() if len(texts) > 1]
    return problems


def test_every_menu_item_is_reachable_by_keyboard(qtbot, make_window, caplog):
    w = _open_window(make_window, caplog)
    bar = w.menuBar()
    tops = [a for a in bar.actions() if a.menu() is not None]
    letters = [_mnemonic(a.text()) for a in tops]
    assert None not in letters and len(set(letters)) == len(letters), [a.text() for a in tops]
    problems = []
    for a in tops:
        a.menu().aboutToShow.emit()  # menus filled when they open
        problems += _unreachable(a.menu(), strict=True)
    # the context menus: on a card, on empty canvas, in the source text
    view = w.view
    for pos in (view.mapFromScene(view.map_scene.item_for("c").pos()), QPoint(3, 3)):
        event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, view.viewport().mapToGlobal(pos))
        view.contextMenuEvent(event)
        menu = view.interaction.menu
        assert menu is not None
        problems += _unreachable(menu, strict=False)
        menu.close()
    source = w.source_panel.views["src"]
    source.select_range(0, 5)
    menu = w.source_panel.build_menu(source, QPoint(20, 20))
    problems += _unreachable(menu, strict=False)
    menu.deleteLater()
    assert not problems, "\n".join(problems)
