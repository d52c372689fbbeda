"""The wording rule's (SL119) sum of its most telling weights and the words it shows, against
their definitions."""

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
        pool = [-5, 5, 0, -60, 60, 127, -127, -128]
        size = rng.choice([0, 1, 9, 10, 11, 12, 30, 64, 65, 200])
        weights = [
            rng.choice(pool) if rng.random() < 0.5 else rng.randint(-128, 127) for _ in range(size)
        ]
        assert wording.telling(weights) == by_definition(weights), weights


def test_a_tie_at_the_cut_takes_the_positive() -> None:
    assert wording.telling([-5] * 6 + [5] * 6) == 5 * 6 - 5 * 4


def shown_by_definition(heavy: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
    """The heaviest first, ties in text order, each kept unless it overlaps one kept."""
    out: list[tuple[int, int]] = []
    taken: set[int] = set()
    for _weight, first, last in sorted(heavy, key=lambda h: (-h[0], h[1], h[2])):
        if first in taken or last in taken:
            continue
        taken.update((first, last))
        out.append((first, last))
        if len(out) == wording.SHOWN:
            break
    return out


def test_the_words_shown_are_the_heaviest_that_do_not_overlap() -> None:
    rng = random.Random(5)
    for _ in range(3000):
        heavy = []  # in text order, as weigh() makes it: at each position a pair, then a word
        for p in range(rng.randint(0, 120)):
            if p and rng.random() < 0.3:
                heavy.append((rng.choice([3, 40, 127, rng.randint(1, 127)]), p - 1, p))
            if rng.random() < 0.6:
                heavy.append((rng.choice([3, 40, 127, rng.randint(1, 127)]), p, p))
        assert wording.shown(heavy) == shown_by_definition(heavy), heavy
