"""The error a command raises for a user-facing failure."""

from __future__ import annotations


class CommandError(Exception):
    """A user-facing failure of a command: printed as one line, exit status 1 (or ``status``)."""

    def __init__(self, message: str, status: int = 1) -> None:
        super().__init__(message)
        self.status = status
