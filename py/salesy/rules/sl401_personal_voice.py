"""Personal voice (SL401), a value signal.

What it does:
    Finds a person speaking: "I" or "we" with an experience or an opinion ("I finally fixed",
    "we spent two years", "I think", "I'm proud"). It lowers the verdict instead of raising
    it. Corporate formulas ("we're excited to announce", "we offer") do not count.

Why is this bad?
    It is not: it is what makes X social. Showing the person behind the account is the
    first thing the doctrine asks for, and a post with a real voice in it is not a pure ad.

Example:
    I finally fixed my bike today, took me three weekends.

Use instead:
    Keep it. A launch told in your own words ("we spent two years on this") is welcome.
"""

from salesy import tokens as tk
from salesy.doc import Doc, Phrases

ID = "SL401"
NAME = "personal-voice"
CATEGORY = "value"
NOUN = ("a personal voice", "a personal voice")
MESSAGE = "Personal voice: you speak from your own experience or opinion."
SUGGESTION = "Keep it: this is what makes a post worth reading."

SUBJECTS = {
    "i",
    "i'm",
    "i've",
    "i'd",
    "im",
    "ive",
    "we",
    "we've",
    "we're",
    "we'd",
    # "my daughter asked", "our team spent": a person telling what happened.
    "my",
    "our",
}
# The subject words as a phrase set of their own: the post's index then says where they are.
SUBJECT_WORDS = Phrases(sorted(SUBJECTS))
# Verbs and adjectives of experience or opinion. Past tenses in -ed are found by ending.
VOICE = {
    "think",
    "thought",
    "believe",
    "feel",
    "felt",
    "love",
    "hate",
    "learnt",
    "spent",
    "finally",
    "tried",
    "made",
    "built",
    "wrote",
    "remember",
    "wish",
    "was",
    "were",
    "had",
    "got",
    "went",
    "found",
    "miss",
    "lost",
    "broke",
    "ran",
    "read",
    "saw",
    "met",
    "grew",
    "quit",
    "wonder",
    "agree",
    "disagree",
    "guess",
    "hope",
    "can't",
    "couldn't",
    "don't",
    "didn't",
    "never",
    "always",
    "proud",
    "happy",
    "sad",
    "tired",
    "grateful",
    "thankful",
    "honored",
    "honoured",
    "nervous",
    "scared",
    "glad",
    "sorry",
    "lucky",
    "curious",
    "obsessed",
    "convinced",
    "bought",
    "took",
    "taught",
    "fell",
    "came",
    "left",
    "kept",
    "began",
    "forgot",
    "understand",
    "know",
    "knew",
    "learn",
    "struggle",
    "spend",
    "still",
    "really",
    "honestly",
    "actually",
    "used",
    "ate",
    "drove",
    "slept",
    "woke",
    "sat",
    "heard",
    "sold",
    "won",
    "fixed",
    "gave",
    "did",
    "thank",
    "appreciate",
    "admire",
    "enjoy",
    "enjoyed",
    "been",
    "working",
    "learning",
    "writing",
    "trying",
    "thinking",
    "feeling",
    "struggling",
    "reading",
    "cried",
    "written",
    "done",
    "seen",
    "taken",
    "grown",
    "known",
    "given",
    "fallen",
}
# Past tenses that announce a product rather than tell an experience.
COMMERCIAL_ED = {
    "launched",
    "released",
    "dropped",
    "restocked",
    "added",
    "opened",
    "lowered",
    "discounted",
    "reduced",
    "extended",
    "partnered",
    "teamed",
    "included",
    "priced",
    "listed",
    "stocked",
    "updated",
    "upgraded",
}
# "we're excited to announce …", "we are proud to offer …": press-release voice.
ANNOUNCE = {
    "announce",
    "share",
    "introduce",
    "present",
    "offer",
    "launch",
    "unveil",
    "bring",
    "welcome",
    "release",
    "reveal",
    "partner",
    "help",
}

FLAG = [
    "I finally fixed my bike today, took me three weekends",
    "We spent two years building this and learned a ton",
    "I think most productivity advice is backwards",
    "Honestly I'm proud of how this turned out",
]
PASS = [
    "We're excited to announce our summer collection",
    "We offer free delivery on all orders",
    "New drop just landed. Shop now",
    "Ice cream truck on Elm Street until 6pm",
]

LOOKAHEAD = 3


def _is_voice(word: str) -> bool:
    if word in VOICE:
        return True
    return len(word) > 4 and word.endswith("ed") and word not in COMMERCIAL_ED


def detect(doc: Doc, config: dict[str, object]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    stream = doc.stream
    tokens = doc.tokens
    brk = doc.brk
    count = len(stream)
    # Only where a subject word stands: the post's word index says where.
    free = 0
    for p, _below in doc.shared_starts(SUBJECT_WORDS.shared_id):
        if p < free or tokens[stream[p]].kind != tk.WORD:
            continue
        hit = -1
        for q in range(p + 1, min(count, p + 1 + LOOKAHEAD)):
            if brk[q]:
                break
            if _is_voice(tokens[stream[q]].low):
                hit = q
                break
        if hit < 0:
            continue
        # "excited to announce", "happy to offer": a press release, not a person.
        after = hit + 2
        if (
            after < count
            and not brk[after - 1]
            and not brk[after]
            and tokens[stream[after - 1]].low == "to"
            and tokens[stream[after]].low in ANNOUNCE
        ):
            free = after + 1
            continue
        spans.append(doc.span(stream[p], stream[hit]))
        free = hit + 1
    return spans
