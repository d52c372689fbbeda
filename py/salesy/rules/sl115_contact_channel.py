"""Contact channel (SL115).

What it does:
    Finds the ways a seller asks to be reached outside the post: a phone number, a short code
    to text ("txt WIN to 80086"), an e-mail address, a messenger handle ("kik: …",
    "whatsapp 0712 …"), "call now".

Why is this bad?
    A post that hands readers a number to call or a code to text is steering them to a sale
    (or a scam) off the platform. Real conversations on X happen in replies, not on hotlines.

Example:
    Call FREE 0800 1956669 or text LOAN to 80086 for a quote

Use instead:
    We answer questions in the replies; ask away.
"""

from salesy import signals
from salesy import tokens as tk
from salesy.doc import Doc, Phrases

ID = "SL115"
NAME = "contact-channel"
CATEGORY = "promotion"
NOUN = ("a number to call or text", "numbers to call or text")
MESSAGE = "Contact channel: a phone number, short code or address steers readers off X to a sale."
SUGGESTION = "Invite questions in the replies; give contact details only to people who ask."

MESSENGERS = Phrases(
    [
        "kik {word}",
        "kik me",
        "skype {word}",
        "whatsapp {number}",
        "whatsapp me",
        "whatsapp us",
        "telegram {mention}",
        "wechat {word}",
        "call now",
        "call today",
        "call free",
        "freephone",
        "toll free",
        "toll-free",
        "text {code} to",
        "txt {code} to",
        "text {word} to {number}",
        "txt {word} to {number}",
        "reply {code} to",
        "send {code} to",
        "sms {code} to",
    ]
)

FLAG = [
    "Call FREE 0800 1956669 or text LOAN to 80086 for a quote",
    "For details email offers@example.com",
    "kik: pander26 for more",
]
PASS = [
    "My flight 1234 was cancelled again",
    "The meeting is at 10:30 in room 4012",
    "Population of the city is 1,250,000",
]


def detect(doc: Doc, config: dict[str, object]) -> list[tuple[int, int]]:
    spans = MESSENGERS.spans(doc)
    for first, last in signals.channels(doc):
        if doc.tokens[first].kind != tk.URL:  # a link is a channel too, but an ordinary one
            spans.append(doc.span(first, last))
    return spans
