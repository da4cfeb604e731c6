"""The application shell: start-up, main windows, menus, the start screen, settings and files."""
