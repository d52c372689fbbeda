"""The wording rule's (SL119) sum of its most telling weights, against its definition."""

from __future__ import annotations

import random

import pytest

from salesy.rules import sl119_ad_wording as wording


def by_definition(weights: list[int]) -> int:
    """The TELLING weights furthest from zero, the positive first on a tie, summed."""
    ordered = sorted(weights, key=lambda w: (-abs(w), -w))
    return sum(ordered[: wording.TELLING])


@pytest.mark.parametrize("seed", range(4))
def test_telling_sums_the_weights_furthest_from_zero(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(3000):
        # Ties at the cut (-5 and 5, zeros) are what the order decides; sizes past 64 too.
        pool = [-5, 5, 0, -60, 60, 127, -127]
        size = rng.choice([0, 1, 9, 10, 11, 12, 30, 64, 65, 200])
        weights = [
            rng.choice(pool) if rng.random() < 0.5 else rng.randint(-127, 127) for _ in range(size)
        ]
        assert wording.telling(weights) == by_definition(weights), weights


def test_a_tie_at_the_cut_takes_the_positive() -> None:
    assert wording.telling([-5] * 6 + [5] * 6) == 5 * 6 - 5 * 4
