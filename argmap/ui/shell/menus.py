"""Menus, toolbar and actions of the main window, with standard shortcuts and none used twice.

Each menu names where its commands live: the shell's own (files, windows, theme, about) are here
and in ``main_window``; canvas edits and zooms are ``ui.canvas.actions``; find is ``ui.panels``;
images and printing are ``ui.export``; undo and redo are the document's stack (``ui.document``);
the Source menu is ``ui.source``'s actions, added by ``source_dock``.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QToolBar

from ... import __version__
from ...resources import sample_paths
from . import settings
from .focus import keeping_focus
from .help_menu import add_help_actions
from .palette import apply_theme
from .preferences import edit_preferences
from .start_screen import sample_title

if TYPE_CHECKING:  # pragma: no cover
    from .main_window import MainWindow

log = logging.getLogger(__name__)
Std = QKeySequence.StandardKey
# standard keys some platforms leave unbound (Quit on Windows, or under the offscreen platform)
FALLBACK_KEYS = {
    Std.Quit: ("Ctrl+Q",),
    Std.Close: ("Ctrl+W",),
    Std.FindNext: ("F3",),
    Std.FindPrevious: ("Shift+F3",),
    Std.Redo: ("Ctrl+Shift+Z",),
}


def _action(
    w: MainWindow, name: str, text: str, slot: Callable[..., Any] | None, shortcut: Any = None, tip: str = ""
) -> QAction:
    act = QAction(text, w)
    act.setObjectName(name)
    if shortcut is not None:
        if isinstance(shortcut, QKeySequence.StandardKey):
            act.setShortcuts(
                QKeySequence.keyBindings(shortcut) or [QKeySequence(k) for k in FALLBACK_KEYS.get(shortcut, ())]
            )
        else:
            act.setShortcut(QKeySequence(shortcut))
    if tip:
        act.setStatusTip(tip)
    if slot is not None:
        act.triggered.connect(lambda _checked=False: slot())
    w.named_actions[name] = act
    return act


def dedupe_shortcuts(actions: Iterable[QAction]) -> list[str]:
    """Drop any shortcut already used by an earlier action (an ambiguous shortcut fires nothing in Qt)."""
    used: dict[str, str] = {}
    dropped = []
    for act in actions:
        keep = []
        for seq in act.shortcuts():
            key = seq.toString()
            if not key:
                continue
            if key in used and used[key] != act.objectName():
                dropped.append(f"{key}: {act.text()!r} (kept for {used[key]!r})")
                continue
            used[key] = act.objectName() or act.text()
            keep.append(seq)
        if len(keep) != len(act.shortcuts()):
            act.setShortcuts(keep)
    for line in dropped:
        log.warning("duplicate shortcut dropped: %s", line)
    return dropped


def build_menus(w: MainWindow) -> tuple[QMenu, QToolBar]:
    """Fill the window's menu bar and toolbar; returns the Open Recent menu and the toolbar."""
    # the canvas's own actions are scoped to the canvas, so typing elsewhere is never taken over
    canvas = w.view.canvas_actions
    edit_actions = list(canvas.edit_actions)
    structure_actions = list(canvas.structure_actions)
    view_actions = list(canvas.view_actions)
    bar = w.menuBar()
    # ------------------------------------------------------------------ File
    # files and windows: main_window and window_manager; Export and Print: ui.export
    m = bar.addMenu("&File")
    m.addAction(_action(w, "new", "&New", w.new_file, Std.New, "Start a new map in a new window"))
    m.addAction(_action(w, "open", "&Open…", keeping_focus(w, w.open_file), Std.Open, "Open a map"))
    recent = m.addMenu("Open &Recent")
    recent.aboutToShow.connect(lambda: fill_recent_menu(w, recent))
    fill_recent_menu(w, recent)
    samples = m.addMenu("Open Sa&mple")
    for i, path in enumerate(sample_paths()):
        act = samples.addAction(f"&{i + 1} {sample_title(path)}" if i < 9 else sample_title(path))
        act.setStatusTip("Open a copy of this sample map")
        act.triggered.connect(lambda _c=False, p=path: w.manager.open_sample(p, near=w))
    samples.setEnabled(bool(sample_paths()))
    m.addSeparator()
    m.addAction(_action(w, "save", "&Save", keeping_focus(w, w.save), Std.Save))
    m.addAction(_action(w, "save_as", "Save &As…", keeping_focus(w, w.save_as), Std.SaveAs))
    m.addSeparator()
    m.addAction(
        _action(w, "import", "&Import…", keeping_focus(w, w.import_file), None, "Open another format (Argdown, AIF, …)")
    )
    export = m.addMenu("&Export")
    for kind in ("svg", "png", "pdf"):
        export.addAction(
            _action(
                w,
                f"export_{kind}",
                {"svg": "&SVG image…", "png": "P&NG image…", "pdf": "P&DF…"}[kind],
                keeping_focus(w, lambda k=kind: w.export_image(k)),
            )
        )
    export.addAction(
        _action(
            w,
            "export_report",
            "&Report (PDF, Markdown, HTML)…",
            keeping_focus(w, lambda: w.export_image("report")),
            None,
            "The map with numbered cards, then a key to every card and the relations in outline",
        )
    )
    export.addSeparator()
    export.addAction(_action(w, "export_other", "&Other format…", keeping_focus(w, w.export_file)))
    m.addAction(
        _action(
            w,
            "print",
            "&Print…",
            keeping_focus(w, w.print_map),
            Std.Print,
            "Print the map (or the selected statements)",
        )
    )
    m.addAction(
        _action(
            w,
            "print_preview",
            "Print Pre&view…",
            keeping_focus(w, lambda: w.print_map(preview=True)),
            None,
            "See the pages before printing: fitted on one page or spread over several",
        )
    )
    m.addSeparator()
    m.addAction(_action(w, "close", "&Close", w.close, Std.Close))
    m.addAction(_action(w, "quit", "&Quit", lambda: w.manager.quit(), Std.Quit))
    # ------------------------------------------------------------------ Edit
    # undo/redo: ui.document; statement edits and clipboard: ui.canvas; Copy as Image: ui.export;
    # find: ui.panels.find_bar
    m = bar.addMenu("&Edit")
    undo = w.doc.undo_stack.createUndoAction(w, "&Undo")
    undo.setObjectName("undo")
    undo.setShortcuts(QKeySequence.keyBindings(Std.Undo))
    redo = w.doc.undo_stack.createRedoAction(w, "&Redo")
    redo.setObjectName("redo")
    # Ctrl+Y as well as the platform's keys: X11's standard Redo is Ctrl+Shift+Z alone, while most
    # editors on Windows and Linux also redo with Ctrl+Y
    redo_keys = QKeySequence.keyBindings(Std.Redo)
    if QKeySequence("Ctrl+Y") not in redo_keys:
        redo_keys.append(QKeySequence("Ctrl+Y"))
    redo.setShortcuts(redo_keys)
    w.named_actions["undo"] = undo
    w.named_actions["redo"] = redo
    m.addActions([undo, redo])
    m.addSeparator()
    m.addActions(edit_actions)
    m.addAction(
        _action(
            w,
            "copy_image",
            "Copy as &Image",
            w.copy_as_image,
            "Ctrl+Shift+C",
            "Copy the selection (or the whole map) as a picture for other programs",
        )
    )
    m.addSeparator()
    m.addAction(_action(w, "find", "&Find…", w.find_bar.open_bar, Std.Find, "Find statements"))
    m.addAction(_action(w, "find_next", "Find Ne&xt", w.find_bar.find_next, Std.FindNext))
    m.addAction(_action(w, "find_previous", "Find Pre&vious", w.find_bar.find_previous, Std.FindPrevious))
    m.addSeparator()
    prefs = _action(
        w, "preferences", "Preference&s…", keeping_focus(w, lambda: edit_preferences(w)), None, "Your name as analyst"
    )
    prefs.setMenuRole(QAction.MenuRole.PreferencesRole)
    m.addAction(prefs)
    # ------------------------------------------------------------- Argument
    # ui.canvas.actions, turned into commands by ui.canvas.edits
    m = bar.addMenu("&Argument")
    m.addActions(structure_actions)
    # ------------------------------------------------------------------ View
    # zoom, arrange, titles only, legend, evaluate: ui.canvas; panels and theme: the shell
    m = bar.addMenu("&View")
    m.addActions(view_actions)
    m.addSeparator()
    panels = m.addMenu("&Panels")
    for dock, text in (
        (w.outline_dock, "&Outline"),
        (w.inspector_dock, "&Inspector"),
        (w.source_dock, "So&urce"),  # also in the Source menu
        (w.problems_dock, "&Problems"),
        (w.overview_dock, "O&verview"),
    ):
        dock.toggleViewAction().setText(text)
        panels.addAction(dock.toggleViewAction())
    theme_menu = m.addMenu("T&heme")
    group = QActionGroup(w)
    current = settings.theme()
    for name in settings.THEMES:
        act = _action(w, f"theme_{name}", f"&{name.replace('-', ' ').title()}", lambda n=name: _set_theme(w, n))
        act.setCheckable(True)
        act.setChecked(name == current)
        group.addAction(act)
        theme_menu.addAction(act)
    # ------------------------------------------------------------------ Help
    m = bar.addMenu("&Help")
    add_help_actions(w, m)  # shortcuts, quick start, documentation: help_menu
    m.addAction(_action(w, "about", "&About argmap", lambda: _about(w)))
    # --------------------------------------------------------------- toolbar
    tb = QToolBar("Main toolbar", w)
    tb.setObjectName("main-toolbar")
    tb.setIconSize(QSize(18, 18))
    w.addToolBar(tb)
    tb.addActions([w.named_actions["new"], w.named_actions["open"], w.named_actions["save"]])
    tb.addSeparator()
    tb.addActions([undo, redo])
    tb.addSeparator()
    for act, label in (
        (canvas.add_support, "+ Reason"),
        (canvas.add_objection, "− Objection"),
        (canvas.add_evidence, "+ Evidence"),
        (canvas.zoom_in, "Zoom In"),
        (canvas.zoom_out, "Zoom Out"),
        (canvas.zoom_fit, "Fit"),
    ):
        act.setIconText(label)
        tb.addAction(act)
    tb.addSeparator()
    tb.addAction(w.named_actions["find"])
    canvas.evaluate.setIconText("Evaluate")
    tb.addAction(canvas.evaluate)
    # every action reachable from the window, in menu order: no shortcut twice
    all_actions = list(w.named_actions.values()) + edit_actions + structure_actions + view_actions
    dedupe_shortcuts(dict.fromkeys(all_actions))
    for act in edit_actions + structure_actions + view_actions:
        if act not in w.actions():
            w.addAction(act)
    return recent, tb


def fill_recent_menu(w: MainWindow, menu: QMenu) -> None:
    menu.clear()
    files = settings.recent_files()
    for i, path in enumerate(files):
        label = os.path.basename(path)
        act = menu.addAction(f"&{i + 1} {label}" if i < 9 else label)
        act.setStatusTip(path)
        act.setToolTip(path)
        act.triggered.connect(lambda _c=False, p=path: w.manager.open_path(p, near=w))
    if files:
        menu.addSeparator()
        menu.addAction("&Clear Menu", lambda: (settings.clear_recent_files(), w.manager.recent_files_changed()))
    menu.setEnabled(bool(files))


def _set_theme(w: MainWindow, name: str) -> None:
    settings.set_theme(name)
    app = QApplication.instance()
    if isinstance(app, QApplication):
        apply_theme(app, name)
    for win in w.manager.windows:
        act = win.named_actions.get(f"theme_{name}")
        if act is not None:
            act.setChecked(True)


def _about(w: MainWindow) -> None:
    QMessageBox.about(
        w,
        "About argmap",
        f"<b>argmap {__version__}</b><p>Map the conclusions, premises and evidence of "
        "persuasive writing, and the reasons and objections between them.</p>",
    )
