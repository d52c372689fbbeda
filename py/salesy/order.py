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
    return [item for _key, item in merge_runs([(key(item), item) for item in items])]


def merge_runs(keyed: "list[tuple[Any, T]]") -> "list[tuple[Any, T]]":
    """(key, item) pairs ordered by key, equal keys in input order: the runs already in
    order found in one pass, then merged two by two. Input in order, the common case, costs
    one comparison an item; k runs cost about log2(k) passes."""
    n = len(keyed)
    bounds = [0]
    for i in range(1, n):
        if keyed[i][0] < keyed[i - 1][0]:
            bounds.append(i)
    bounds.append(n)
    while len(bounds) > 2:
        merged: list[tuple[Any, T]] = []
        next_bounds = [0]
        for r in range(0, len(bounds) - 1, 2):
            low, mid = bounds[r], bounds[r + 1]
            high = bounds[r + 2] if r + 2 < len(bounds) else mid
            i, j = low, mid
            if mid < high and not keyed[mid][0] < keyed[mid - 1][0]:
                merged.extend(keyed[low:high])
            else:
                while i < mid and j < high:
                    if keyed[j][0] < keyed[i][0]:
                        merged.append(keyed[j])
                        j += 1
                    else:
                        merged.append(keyed[i])
                        i += 1
                merged.extend(keyed[i:mid])
                merged.extend(keyed[j:high])
            next_bounds.append(high)
        keyed = merged
        bounds = next_bounds
    return keyed


def _same(value: int) -> int:
    return value


def sort_ints(items: list[int]) -> list[int]:
    """Integers in ascending order. Short lists use the built-in sort: equal integers are
    interchangeable (stability is moot) and quicksort's worst case is harmless at this size."""
    if len(items) <= 64:
        return sorted(items)
    return sort_by(items, _same)
