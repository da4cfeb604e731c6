"""What a screen reader finds: every control of the window named, and the selected card read in full."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF
from PySide6.QtGui import QAccessible, QAccessibleInterface, QColor, QImage, QPalette
from PySide6.QtWidgets import QAbstractScrollArea, QComboBox, QDockWidget, QWidget

from argmap import io
from argmap.model import Kind
from argmap.ui.export.dialog import ExportDialog
from argmap.ui.paint.theme import HIGH_CONTRAST, LIGHT
from argmap.ui.shell import settings
from argmap.ui.shell.palette import apply_theme
from argmap.ui.shell.preferences import PreferencesDialog
from argmap.ui.shell.quick_start import QuickStart
from argmap.ui.shell.shortcut_sheet import ShortcutSheet
from argmap.ui.shell.start_screen import StartScreen

SAMPLE = Path(__file__).resolve().parents[3] / "samples" / "kim-putin-summit.argmap.json"

# what a user can act on: these need a name of their own (static text, panes and groups can do without)
INTERACTIVE = {
    QAccessible.Role.Button,
    QAccessible.Role.PushButton,
    QAccessible.Role.CheckBox,
    QAccessible.Role.RadioButton,
    QAccessible.Role.ComboBox,
    QAccessible.Role.EditableText,
    QAccessible.Role.SpinBox,
    QAccessible.Role.Slider,
    QAccessible.Role.List,
    QAccessible.Role.Tree,
    QAccessible.Role.Table,
    QAccessible.Role.PageTabList,
    QAccessible.Role.ButtonMenu,
    QAccessible.Role.ButtonDropDown,
    QAccessible.Role.MenuItem,
}


def _is_qt_part(widget: QWidget) -> bool:
    """Qt's own pieces (scroll bars' containers, a toolbar's overflow button, a scroll area's viewport, a
    combo box's pop-up list) are named by Qt or stand for their owner."""
    if widget.objectName().startswith("qt_"):
        return True
    parent = widget.parentWidget()
    if isinstance(parent, QAbstractScrollArea) and parent.viewport() is widget:
        return True
    return any(isinstance(w, QComboBox) for w in _ancestors(widget))


def _ancestors(widget: QWidget) -> list[QWidget]:
    found = []
    parent = widget.parentWidget()
    while parent is not None:
        found.append(parent)
        parent = parent.parentWidget()
    return found


def unnamed_controls(root: QWidget) -> list[str]:
    """Widgets under ``root`` that a user can act on (focusable, or a control's role) but that have no
    accessible name, walked through QAccessible as assistive technology walks them."""
    missing = []

    def walk(iface: QAccessibleInterface | None, path: str) -> None:
        if iface is None or not iface.isValid():
            return
        obj = iface.object()
        if isinstance(obj, QWidget) and not _is_qt_part(obj):
            state = iface.state()
            interactive = state.focusable or iface.role() in INTERACTIVE
            if interactive and iface.role() != QAccessible.Role.Separator and not iface.text(QAccessible.Text.Name):
                missing.append(f"{path}/{type(obj).__name__}({obj.objectName()!r}, {iface.role().name})")
        here = f"{path}/{type(obj).__name__}" if obj is not None else path
        for i in range(iface.childCount()):
            walk(iface.child(i), here)

    walk(QAccessible.queryAccessibleInterface(root), "")
    return missing


def test_every_control_of_the_window_has_an_accessible_name(make_window):
    w = make_window(io.load_map(SAMPLE))
    for dock in w.findChildren(QDockWidget):  # every panel, shown
        dock.show()
    w.find_bar.show()
    assert unnamed_controls(w) == []
    w.doc.select(["c"] if "c" in w.doc.map.statements else [next(iter(w.doc.map.statements))])
    assert unnamed_controls(w) == []  # the statement page of the Inspector too


def test_every_control_of_the_start_screen_has_an_accessible_name(qtbot, manager):
    screen = StartScreen(manager)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitExposed(screen)
    assert unnamed_controls(screen) == []


def _spoken(view: QWidget) -> tuple[str, str]:
    iface = QAccessible.queryAccessibleInterface(view)
    assert iface is not None
    return iface.text(QAccessible.Text.Name), iface.text(QAccessible.Text.Description)


def test_selected_card_is_read_with_its_kind_number_title_text_and_relations(make_window, request):
    w = make_window()  # the small map: c <- (p1 + p2), c <- p3, p2 <- e1, c <- o1 (attack), R4 <- u1 (undercut)
    view = w.view
    view.setFocus()
    QAccessible.setActive(True)  # as when a screen reader listens: the canvas also sends focus events
    request.addfinalizer(lambda: QAccessible.setActive(False))
    assert _spoken(view)[0] == "Argument map"
    w.doc.select(["p2"])
    name, description = _spoken(view)
    assert name == "Premise 3: Taxes reduce what people buy."
    assert description == (
        "Premise 3: Taxes reduce what people buy. "
        "Together with ‘Sugary drinks cause obesity.’, supports ‘Soda tax’; supported by ‘A 2019 study found a "
        "20% fall in sales.’."
    )
    w.doc.select(["c"])
    name, description = _spoken(view)
    assert name == "Conclusion 1: Soda tax"
    assert description.startswith("Conclusion 1: Soda tax. Cities should tax sugary drinks. ")
    assert (
        "Supported by ‘Sugary drinks cause obesity.’ and ‘Taxes reduce what people buy.’ together "
        "and by ‘The tax money can fund school sport.’; attacked by ‘The tax hits poor households hardest.’."
    ) in description
    w.doc.select(["o1"])  # named by its role, as its card is labelled, and by its kind
    assert _spoken(view)[0] == "Objection 6 (premise): The tax hits poor households hardest."
    w.doc.select(["u1"])
    assert _spoken(view)[0] == "Undercut 7 (premise): Poor households gain most from better health."
    assert "Undercuts the link from ‘The tax hits poor households hardest.’ to ‘Soda tax’" in _spoken(view)[1]
    w.doc.select(["R1"])
    assert _spoken(view) == (
        "Linked support relation",
        "Linked support: ‘Sugary drinks cause obesity.’ and ‘Taxes reduce what people buy.’ support ‘Soda tax’.",
    )
    w.doc.select(["R4"])
    assert _spoken(view)[1] == "Objection: ‘The tax hits poor households hardest.’ attacks ‘Soda tax’."
    w.doc.select([])
    assert _spoken(view) == ("Argument map", "Argument map: 7 statements, 5 relations; nothing selected.")


def test_card_description_follows_edits(make_window):
    w = make_window()
    w.doc.select(["o1"])
    w.doc.map.update_statement("o1", title="Regressive")
    assert _spoken(w.view)[0] == "Objection 6 (premise): Regressive"
    w.doc.map.update_statement("p3", implicit=True)
    w.doc.select(["p3"])
    assert _spoken(w.view)[0] == "Implicit premise 4: The tax money can fund school sport."
    w.doc.select(["o1"])
    assert _spoken(w.view)[1].startswith(
        "Objection 6 (premise): Regressive. The tax hits poor households hardest. Attacks"
    )


def test_every_control_of_the_help_and_preferences_dialogs_has_an_accessible_name(qtbot, make_window):
    w = make_window()
    for dialog in (ShortcutSheet(w), QuickStart(w), PreferencesDialog(w)):
        qtbot.addWidget(dialog)
        dialog.show()  # shown, not exec'd: nothing modal stays open
        qtbot.waitExposed(dialog)
        assert unnamed_controls(dialog) == [], type(dialog).__name__
        dialog.close()


def test_every_control_of_the_export_dialog_has_an_accessible_name(qtbot):
    for kind in ("svg", "png", "pdf"):
        dialog = ExportDialog(kind, True)
        qtbot.addWidget(dialog)
        dialog.show()  # never exec'd: nothing modal stays open
        qtbot.waitExposed(dialog)
        assert unnamed_controls(dialog) == [], kind
        dialog.close()


def test_high_contrast_theme_from_the_view_menu(qtbot, qapp, make_window):
    w = make_window()
    action = w.named_actions["theme_high-contrast"]
    assert action.text() == "&High Contrast"
    try:
        action.trigger()
        assert settings.theme() == "high-contrast"
        assert qapp.palette().color(QPalette.ColorRole.Window) == QColor("#ffffff")
        qtbot.waitUntil(lambda: w.view.theme() is HIGH_CONTRAST)
        image = w.view.viewport().grab().toImage()
        item = w.view.map_scene.node_items["p1"]
        centre = w.view.mapFromScene(item.mapToScene(item.card_rect().topLeft() + QPointF(4, 18)))
        assert image.pixelColor(centre) == HIGH_CONTRAST.card[Kind.PREMISE]  # the canvas draws with it
        w.named_actions["theme_light"].trigger()
        qtbot.waitUntil(lambda: w.view.theme() is LIGHT)
    finally:
        apply_theme(qapp, "light")


def test_outline_rows_say_their_role_and_kind(make_window):
    w = make_window()
    w.outline_dock.show()
    w.outline.rebuild()
    names = []

    def walk(iface: QAccessibleInterface | None) -> None:
        if iface is None or not iface.isValid():
            return
        if iface.role() == QAccessible.Role.TreeItem:
            names.append(iface.text(QAccessible.Text.Name))
        for i in range(iface.childCount()):
            walk(iface.child(i))

    walk(QAccessible.queryAccessibleInterface(w.outline))
    assert "Conclusion: Cities should tax sugary drinks." in names
    assert "Objection (premise): Poor households gain most from better health." in names
    assert "Reason (evidence): A 2019 study found a 20% fall in sales." in names


def _darkest(widget: QWidget) -> QColor:
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    return QColor.fromHsl(
        0, 0, min(image.pixelColor(x, y).lightness() for x in range(image.width()) for y in range(image.height()))
    )


def _contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two colours."""

    def lum(c: QColor) -> float:
        def ch(v: float) -> float:
            return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * ch(c.redF()) + 0.7152 * ch(c.greenF()) + 0.0722 * ch(c.blueF())

    low, high = sorted((lum(a), lum(b)))
    return (high + 0.05) / (low + 0.05)


def test_high_contrast_tells_disabled_controls_from_enabled_ones(qtbot, qapp, make_window):
    w = make_window()
    try:
        apply_theme(qapp, "high-contrast")
        palette = qapp.palette()
        for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
            on, off = palette.color(QPalette.ColorGroup.Active, role), palette.color(QPalette.ColorGroup.Disabled, role)
            assert _contrast(off, palette.color(QPalette.ColorRole.Window)) >= 4.5, role  # still readable
            assert _contrast(on, off) >= 4.5, role  # and plainly not the same
        # on the toolbar: Undo (nothing to undo yet) against New
        qtbot.waitUntil(lambda: w.toolbar.palette().color(QPalette.ColorRole.Window) == QColor("#ffffff"))
        undo, new = w.named_actions["undo"], w.named_actions["new"]
        assert not undo.isEnabled() and new.isEnabled()
        disabled, enabled = _darkest(w.toolbar.widgetForAction(undo)), _darkest(w.toolbar.widgetForAction(new))
        assert _contrast(disabled, enabled) >= 4.0
    finally:
        apply_theme(qapp, "light")
