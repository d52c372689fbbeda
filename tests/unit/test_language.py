"""Which drafts Salesy reads as English: its rules read English only, and the card says so
("English only") rather than a green OK for a draft it cannot read."""

from __future__ import annotations

import pytest

import salesy
from salesy.incremental import Checker

OTHER = (
    "Jetzt kaufen!",  # two words, but both of another language's: not "too short to tell"
    "Jetzt kaufen! 50% Rabatt auf alles",
    "Achtung! Nur heute: alle Schuhe 30% reduziert. Jetzt im Shop bestellen",
    "Soldes d'hiver : -50 % sur tout le magasin, c'est maintenant !",
    "Compra ahora y ahorra 20% en todos los productos",
    "Diskon 50% untuk semua produk, beli sekarang juga",
    "Hoje tem promoção: você não vai acreditar nos preços",
    "Nu 30% korting op alle schoenen, alleen vandaag",
    "今日だけ全品半額セール実施中です",
)
ENGLISH = (
    "Buy now, only today!",
    "Los Angeles to Las Vegas tonight, yo",  # place names and slang of other languages
    "Danke schön @ana for the help today",
    "5pm EST flight from MIT to Les Mis, non-stop",
    "Shop",
    "ok",
    "Gracias! That was fun",
    "Order yours before they're gone",  # no "the", "and", "you": English all the same
)


@pytest.mark.parametrize("text", OTHER)
def test_a_draft_in_another_language_is_reported_as_not_english(text: str) -> None:
    assert salesy.check(text)["language"] == "other"


@pytest.mark.parametrize("text", ENGLISH)
def test_english_drafts_stay_english(text: str) -> None:
    assert salesy.check(text)["language"] == "en"


@pytest.mark.parametrize("text", OTHER[:4] + ENGLISH[:3])
def test_the_incremental_checker_reads_the_language_as_a_full_check(text: str) -> None:
    checker = Checker()
    long_text = "\n\n".join([text] * 3)
    assert checker.check(long_text)["language"] == salesy.check(long_text)["language"]
