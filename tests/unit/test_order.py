"""The engine's stable sort on the path MicroPython takes (merge_runs), against sorted()."""

from __future__ import annotations

import random

from salesy.order import merge_runs


def test_merge_runs_orders_like_a_stable_sort() -> None:
    rng = random.Random(3)
    for _ in range(3000):
        n = rng.choice([0, 1, 2, 3, 10, 65, 200, 700])
        keys = [rng.randint(0, rng.choice([1, 5, 1000])) for _ in range(n)]
        shape = rng.random()
        if shape < 0.3:
            keys.sort()  # already in order: the common case
        elif shape < 0.6:  # a few runs in order, as findings rule by rule are
            cut = sorted(rng.sample(range(n + 1), min(n + 1, rng.randint(1, 6))))
            keys = [k for a, b in zip([0, *cut], [*cut, n], strict=True) for k in sorted(keys[a:b])]
        keyed = [(k, i) for i, k in enumerate(keys)]  # the item is its input position
        assert merge_runs(keyed) == sorted(keyed, key=lambda pair: pair[0]), keys
