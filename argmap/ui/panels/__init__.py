"""Side panels of the main window: the outline, the inspector and the find bar."""
