"""A stable sort that is O(n log n) on both interpreters.

MicroPython's list.sort is a plain quicksort with the last element as pivot: on input that
is already (nearly) in order it goes quadratic, with tuple keys catastrophically so (8 000
findings took 22 s in the pinned build). The engine's lists often arrive in order, so it
sorts through here. Both branches are stable and compare keys only, so they agree exactly.
"""

import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from typing import Any, TypeVar

    T = TypeVar("T")

_NATIVE = sys.implementation.name == "cpython"


def sort_by(items: "Iterable[T]", key: "Callable[[T], Any]") -> "list[T]":
    """Items ordered by key, equal keys kept in input order."""
    if _NATIVE:
        return sorted(items, key=key)
    keyed = [(key(item), item) for item in items]
    n = len(keyed)
    width = 1
    while width < n:
        merged = []
        for low in range(0, n, 2 * width):
            mid = min(low + width, n)
            high = min(low + 2 * width, n)
            i, j = low, mid
            if mid < high and not keyed[mid][0] < keyed[mid - 1][0]:
                merged.extend(keyed[low:high])  # already in order: the common case
                continue
            while i < mid and j < high:
                if keyed[j][0] < keyed[i][0]:
                    merged.append(keyed[j])
                    j += 1
                else:
                    merged.append(keyed[i])
                    i += 1
            merged.extend(keyed[i:mid])
            merged.extend(keyed[j:high])
        keyed = merged
        width *= 2
    return [item for _key, item in keyed]


def _same(value: int) -> int:
    return value


def sort_ints(items: list[int]) -> list[int]:
    """Integers in ascending order. Short lists use the built-in sort: equal integers are
    interchangeable (stability is moot) and quicksort's worst case is harmless at this size."""
    if len(items) <= 64:
        return sorted(items)
    return sort_by(items, _same)
