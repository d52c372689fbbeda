"""Engagement bait (SL202).

What it does:
    Finds requests for likes, reposts and tags: "RT to win", "like and share",
    "like and retweet", "tag 3 friends", "share if you agree", "comment YES below".

Why is this bad?
    Bait games the algorithm instead of earning attention. Readers know it, X downranks it,
    and it turns a conversation into a chore.

Example:
    RT to win a free hoodie! Like and tag 3 friends 👇

Use instead:
    What's the one tool you'd never give up in your workshop? Mine is a cheap block plane.
"""

from salesy.doc import Doc, Phrases

ID = "SL202"
NAME = "engagement-bait"
CATEGORY = "engagement"
NOUN = ("a bit of engagement bait", "bits of engagement bait")
MESSAGE = "Engagement bait: asking for likes, reposts or tags games the feed."
SUGGESTION = "Ask a real question, or share something people want to pass on by themselves."

# Bait that is bait wherever it stands.
ANYWHERE = Phrases(
    [
        "rt to win",
        "retweet to win",
        "repost to win",
        "like to win",
        "follow to win",
        "rt to enter",
        "retweet to enter",
        "like to enter",
        "follow to enter",
        "to enter the giveaway",
        "to enter the draw",
        "for a chance to win",
        "please like and share",
        "share if you agree",
        "rt if you agree",
        "retweet if you agree",
        "like if you agree",
        "like this tweet",
        "like this comment if",
        "vote for me",
        "vote for us",
        "vote for my",
        "vote for our",
        "like this post",
        "smash that like",
        "smash the like button",
        "tag {number} friends",
        "tag {word} friends",
        "tag someone who",
        "in the comments if",
        "retweet if",
        "rt if",
        "repost if",
        "comment if",
        "if you want part 2",
        "for part 2",
        "like for {word}",
        "retweet for {word}",
        "will retweet this",
        "will rt this",
        "only real ones",
        "#retweet",
        "#rtandfollow",
    ]
)
# Imperatives that are ordinary words in a sentence ("I like and share her art"): bait only
# when they open a sentence.
AT_START = Phrases(
    [
        "like if",
        "like this if",
        "thumbs up if",
        "like and share",
        "like and retweet",
        "like and rt",
        "like rt",
        "like repost",
        "like and repost",
        "like and follow",
        "like follow",
        "rt and follow",
        "retweet and follow",
        "follow and rt",
        "follow and retweet",
        "follow rt",
        "rt and like",
        "retweet and like",
        "retweet this",
        "rt this",
        "repost this",
        "share this post",
        "share this tweet",
        "share this with",
        "comment below",
        "comment yes",
        "comment done",
        "drop a comment",
        "tag someone",
        "tag a friend",
        "tag your friends",
        "tag your bestie",
        "reply done",
        "type yes",
        "type amen",
    ]
)

FLAG = [
    "Retweet if you remember this song 🎶",
    "RT to win a free hoodie! Like and tag 3 friends 👇",
    "Like and retweet if you agree",
    "Share this post with someone who needs it. Comment below!",
    "Tag someone who needs to see this",
]
PASS = [
    "I'd like if we could all take a breath here",
    "I like and share my sister's art whenever I can, she's brilliant",
    "Someone shared this old photo of my street, 1962",
    "Tag along on my morning run? I'll be at the park at 7",
]


def detect(doc: Doc, config: dict[str, object]) -> list[tuple[int, int]]:
    spans = ANYWHERE.spans(doc)
    for first, last in AT_START.find(doc):
        if doc.sentence_start(first):
            spans.append(doc.span(doc.stream[first], doc.stream[last]))
    return spans
