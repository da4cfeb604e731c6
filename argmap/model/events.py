"""Change events that an ArgumentMap emits once per operation."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

_EMPTY: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Change:
    """What one model operation did.

    Ids are unique across statements, relations and sources, so a view looks
    an id up in its own tables.  ``changed`` lists elements whose record was
    replaced (text, kind, premises, target, ...); ``moved`` those whose
    position or pin changed; ``meta`` is true when the map's own metadata
    changed.
    """

    op: str
    added: frozenset[str] = _EMPTY
    removed: frozenset[str] = _EMPTY
    changed: frozenset[str] = _EMPTY
    moved: frozenset[str] = _EMPTY
    meta: bool = False

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed or self.moved or self.meta)


Listener = Callable[[Change], None]


class Emitter:
    """A minimal observer list (the model must not depend on Qt signals)."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener(change)`` after every operation; returns the unsubscriber."""
        self._listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return unsubscribe

    def _emit(self, change: Change) -> None:
        if not change:
            return
        for listener in list(self._listeners):
            listener(change)
