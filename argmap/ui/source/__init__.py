"""The source panel: the text being mapped, its tints, anchors and the edits made from passages."""
