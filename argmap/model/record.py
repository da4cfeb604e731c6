"""Value records without dataclasses: equality, hashing, repr and ``replace()`` over ``__slots__``.

``@dataclass`` writes and ``exec``s methods for each class it makes, and importing
``dataclasses`` brings ``inspect``, ``ast`` and ``dis``: together a tenth of a
second of a command's start-up for the classes argmap loads.  A subclass of
:class:`Record` lists its fields in ``__slots__`` (in its constructor's order)
and writes its ``__init__`` by hand; equality, repr, :meth:`Record.replace`
and :meth:`Record.asdict` are shared here.

A :class:`FrozenRecord` cannot be changed once made and hashes by its fields.
Its constructor is a ``__new__`` that fills in a *draft* (``cls._Draft``, the
same class but assignable) and then turns it into the record::

    def __new__(cls, x: int, y: int) -> Point:
        self = _new(cls._Draft)
        self.x = x
        self.y = y
        self.__class__ = cls
        return self

which makes a record three times faster than a frozen dataclass's
``object.__setattr__`` per field (file loads make thousands).
"""
from __future__ import annotations

from operator import attrgetter

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover - a TypeVar bound by name compiles code at import: a few ms
    from typing import Any, Callable

    from typing_extensions import Self

new_object = object.__new__  # for FrozenRecord constructors: ``self = new_object(cls._Draft)``


class Record:
    """Fields named by ``__slots__``; equal when of the same class with equal fields.  Not hashable
    (it can change), unless a :class:`FrozenRecord`."""

    __slots__ = ()
    _fields: tuple[str, ...] = ()
    _values: Callable[[Any], tuple[Any, ...]]  # the fields' values, in order (one C call)

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        names = tuple(cls.__dict__.get("__slots__", ()))
        if not names:  # adds no fields: keeps its base's
            return
        names = cls._fields + names
        getter = attrgetter(*names)
        cls._fields = names
        cls._values = staticmethod(getter if len(names) > 1 else lambda obj: (getter(obj),))  # type: ignore
        cls.__match_args__ = names

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return self._values(self) == self._values(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={value!r}" for name, value in zip(self._fields, self._values(self)))
        return f"{self.__class__.__qualname__}({fields})"

    def asdict(self) -> dict[str, Any]:
        """The fields as a new dict, in order (not recursive)."""
        return dict(zip(self._fields, self._values(self)))

    def replace(self, **changes: Any) -> Self:
        """A copy with ``changes`` (field name -> value), like ``dataclasses.replace``; an unknown
        name is a TypeError."""
        values = dict(zip(self._fields, self._values(self)))
        values.update(changes)
        return self.__class__(**values)


class FrozenRecord(Record):
    """A record that cannot change once made; hashes by its fields (when they all hash)."""

    __slots__ = ()
    _Draft: type  # this class with assignable fields, for its constructor only

    def __init_subclass__(cls, draft: bool = False, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if not draft:
            namespace = {"__slots__": (), "__setattr__": object.__setattr__, "__delattr__": object.__delattr__}
            cls._Draft = type(f"{cls.__name__}Draft", (cls,), namespace, draft=True)

    def __hash__(self) -> int:
        return hash(self._values(self))

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete field {name!r}")

    def __reduce__(self) -> tuple[Any, ...]:  # copy and pickle through the constructor
        return self.__class__, self._values(self)


def replace(record: Any, /, **changes: Any) -> Any:
    """``record`` with ``changes``, like ``dataclasses.replace``."""
    return record.replace(**changes)
