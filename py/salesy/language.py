"""Is a draft English? Salesy's rules read English; a draft in another language is reported
as such rather than silently judged ok.

A stop-word test, as cheap as it is crude: English function words make up a large share of any
English text of a few words, and almost none of a French, German or Indonesian one; a text
mostly in a non-Latin script is not English either. The function words of the languages most
written on X in Latin letters count against: a text with more of them than of English ones is
not English, however short ("Jetzt kaufen!", "Nur heute: 30 % auf alles"). Too short to tell,
in Latin letters with none of those: English.
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
    "before", "after", "yours", "they're", "we're", "that's", "there's", "let's", "isn't",
    "won't", "which", "where", "these", "those", "did", "does", "had", "were", "much", "many",
    "most", "some", "any", "very", "want", "think", "really", "never", "always", "every",
    "again", "into", "make", "made",
}  # fmt: skip
# The same for German, French, Spanish, Portuguese, Italian, Dutch and Indonesian, leaving out
# every word English uses too ("die", "was", "will", "hat", "pour", "con", "per", "yo", "non")
# and names and abbreviations English posts carry ("Las Vegas", "Les Mis", "MIT", "EST", "Dem",
# "Mon", "todo list", "Dan").
FOREIGN_WORDS = {
    # German
    "und", "der", "das", "ist", "nicht", "ich", "sie", "auf", "für", "ein", "eine", "einen",
    "sich", "auch", "wir", "jetzt", "nur", "noch", "wie", "aber", "oder", "wenn", "bei", "zum",
    "zur", "über", "sind", "haben", "wird", "werden", "kann", "mehr", "sehr", "schon", "heute",
    "hier", "alle", "mein", "meine", "deine", "unser", "euch", "uns", "nach", "dich", "mich",
    "ihr", "ihre", "gibt", "bitte", "danke",
    # French
    "une", "du", "pas", "que", "qui", "dans", "sur", "avec", "vous", "nous", "je", "cette",
    "mais", "très", "tous", "ses", "mes", "votre", "vos", "notre", "nos", "être", "c'est",
    "j'ai", "aujourd'hui", "maintenant", "merci",
    # Spanish
    "es", "por", "para", "una", "muy", "pero", "como", "más", "esta", "este", "ahora", "hoy",
    "su", "sus", "también", "aquí", "todos", "gracias", "nuestro", "nuestra",
    # Portuguese
    "não", "você", "uma", "muito", "isso", "está", "são", "obrigado", "hoje", "agora",
    "meu", "minha",
    # Italian
    "il", "sono", "questo", "anche", "molto", "oggi", "adesso",
    # Dutch
    "het", "een", "niet", "wij", "zijn", "voor", "maar", "ook", "vandaag", "deze",
    # Indonesian
    "ini", "itu", "tidak", "dengan", "untuk", "saya", "kamu", "akan", "sudah", "juga", "bisa",
    "aku",
}  # fmt: skip
MIN_WORDS = 4  # fewer words than this cannot be told apart
MIN_SHARE = 10  # percent of words that must be English function words


def language(doc: Doc) -> str:
    """ "en" or "other"."""
    return judged(*counts(doc))


def counts(doc: Doc) -> tuple[int, int, int, int]:
    """(words, English function words, words in Latin letters, other languages' function
    words): sums over a text's parts are the whole text's (the incremental checker adds up
    its paragraphs')."""
    words = 0
    english = 0
    latin = 0
    foreign = 0
    for index in doc.indices(tk.WORD):
        token = doc.tokens[index]
        words += 1
        if token.low in FUNCTION_WORDS:
            english += 1
        elif token.low in FOREIGN_WORDS:
            foreign += 1
        if token.head < "\u0250":  # Latin letters and digits
            latin += 1
    return words, english, latin, foreign


def judged(words: int, english: int, latin: int, foreign: int = 0) -> str:
    """The language those counts say."""
    # Mostly another script ("今日だけ全品半額", a word to the tokenizer), or more of other
    # languages' function words than of English ones: not English, however short.
    if latin * 2 < words or foreign > english:
        return "other"
    if words < MIN_WORDS:
        return "en"
    return "en" if english * 100 >= words * MIN_SHARE else "other"
