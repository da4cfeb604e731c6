"""One open map: the document controller and every undo command."""
