"""The PySide6 desktop editor: the only layer that imports Qt.

Its subpackages import downwards only (an import-linter contract in pyproject.toml):
``shell`` (app, windows, menus) uses the features ``canvas``, ``source``, ``panels`` and
``export``, which know nothing of each other and use ``paint`` and ``document``.
"""
