"""Is a draft English? Salesy's rules read English; a draft in another language is reported
as such rather than silently judged ok.

A stop-word test, as cheap as it is crude: English function words make up a large share of any
English text of a few words, and almost none of a French, German or Indonesian one; a text
mostly in a non-Latin script is not English either. Too short to tell: English.
"""

from salesy import tokens as tk
from salesy.doc import Doc

# The most frequent English function words (they are common in every register, ads
# included); words shared with other languages ("a", "de", "die", "in", "so") are left out.
FUNCTION_WORDS = {
    "the", "and", "to", "of", "is", "you", "it", "for", "that", "on", "with", "my", "this",
    "are", "be", "at", "your", "have", "we", "was", "just", "not", "but", "all", "can", "i",
    "me", "so", "if", "do", "what", "up", "out", "get", "now", "our", "will", "they", "from",
    "how", "when", "new", "one", "about", "there", "no", "like", "an", "by", "or", "has",
    "can't", "don't", "i'm", "it's", "you're", "he", "she", "her", "his", "them", "their",
    "been", "would", "could", "should", "than", "then", "here", "more", "only", "who",
    "why", "today", "off", "free", "shop", "buy", "u", "ur", "im", "dont", "thanks",
    "please", "love", "good", "day", "time", "back", "need", "know", "see", "going", "got",
}  # fmt: skip
MIN_WORDS = 4  # fewer words than this cannot be told apart
MIN_SHARE = 10  # percent of words that must be English function words


def language(doc: Doc) -> str:
    """ "en" or "other"."""
    words, english, latin = counts(doc)
    return judged(words, english, latin)


def counts(doc: Doc) -> tuple[int, int, int]:
    """(words, English function words, words in Latin letters): sums over a text's parts
    are the whole text's (the incremental checker adds up its paragraphs')."""
    words = 0
    english = 0
    latin = 0
    for index in doc.indices(tk.WORD):
        token = doc.tokens[index]
        words += 1
        if token.low in FUNCTION_WORDS:
            english += 1
        if token.head < "\u0250":  # Latin letters and digits
            latin += 1
    return words, english, latin


def judged(words: int, english: int, latin: int) -> str:
    """The language those counts say."""
    if words < MIN_WORDS:
        return "en"
    if latin * 2 < words:
        return "other"
    return "en" if english * 100 >= words * MIN_SHARE else "other"
