"""The PySide6 desktop editor: the only layer that imports Qt."""
