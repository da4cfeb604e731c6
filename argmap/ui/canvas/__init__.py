"""The map canvas: scene, graphics items, view, mouse and keyboard, canvas actions and clipboard."""
