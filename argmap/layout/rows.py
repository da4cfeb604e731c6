"""One-dimensional free-space search along a row of disjoint intervals."""

from __future__ import annotations

from bisect import bisect_left, bisect_right


class Row:
    """Disjoint occupied intervals ``[left, right]`` along a row, kept sorted."""

    __slots__ = ("lefts", "rights")

    def __init__(self) -> None:
        self.lefts: list[float] = []
        self.rights: list[float] = []

    def add(self, left: float, right: float) -> None:
        i = bisect_left(self.lefts, left)
        self.lefts.insert(i, left)
        self.rights.insert(i, right)

    def free_spot(self, want: float, half: float, gap: float, rightwards: bool = False) -> float:
        """The centre nearest ``want`` (or, with ``rightwards``, the first one
        at or after it) for an interval of half-width ``half`` that stays
        ``gap`` clear of every occupied interval."""
        lefts, rights = self.lefts, self.rights
        n = len(lefts)
        # rightwards
        c = want
        i = bisect_right(rights, c - half - gap)
        while i < n and lefts[i] - gap < c + half:
            if rights[i] + gap > c - half:
                c = rights[i] + gap + half
            i += 1
        right = c
        if right == want or rightwards:
            return right
        # leftwards
        c = want
        j = bisect_left(lefts, c + half + gap) - 1
        while j >= 0 and rights[j] + gap > c - half:
            if lefts[j] - gap < c + half:
                c = lefts[j] - gap - half
            j -= 1
        return c if want - c < right - want else right


class Blocks:
    """Occupied intervals that may overlap one another (fixed obstacles); a
    sorted interval union answers free-spot queries."""

    def __init__(self, spans: list[tuple[float, float]]) -> None:
        merged: list[list[float]] = []
        for a, b in sorted(spans):
            if merged and a <= merged[-1][1]:
                if b > merged[-1][1]:
                    merged[-1][1] = b
            else:
                merged.append([a, b])
        self.row = Row()
        self.row.lefts = [m[0] for m in merged]
        self.row.rights = [m[1] for m in merged]

    def free_spot(self, want: float, half: float, gap: float, rightwards: bool = False) -> float:
        return self.row.free_spot(want, half, gap, rightwards)
