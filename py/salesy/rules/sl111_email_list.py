"""Email-list style (SL111).

What it does:
    Finds posts that treat followers like a mailing list: "subscribe to my newsletter",
    "join my email list", "in case you missed my last offer", "ICYMI", "last reminder",
    "new issue out now".

Why is this bad?
    X is a conversation, not an inbox. Newsletter blasts and reminder after reminder are
    email marketing moved to the feed, and they crowd out everything else you post.

Example:
    In case you missed my last offer: 50% off ends TONIGHT. Subscribe for more deals!

Use instead:
    This week I wrote about why I stopped using to-do apps after ten years. (Newsletter
    link in the replies, if that is your kind of thing.)
"""

from salesy.doc import Doc, Phrases

ID = "SL111"
NAME = "email-list"
CATEGORY = "promotion"
NOUN = ("a mailing-list blast", "mailing-list blasts")
MESSAGE = "Email-list style: this treats followers like a mailing list."
SUGGESTION = "Share one idea from the newsletter in the post itself; people subscribe for that."

MATCHER = Phrases(
    [
        "subscribe to my newsletter",
        "subscribe to our newsletter",
        "subscribe to the newsletter",
        "subscribe now",
        "subscribe today",
        "subscribe here",
        "subscribe so you never miss",
        "don't forget to subscribe",
        "have you subscribed",
        "sign up for my newsletter",
        "sign up for our newsletter",
        "sign up to my newsletter",
        "sign up to our newsletter",
        "join my newsletter",
        "join our newsletter",
        "join my email list",
        "join our email list",
        "join my mailing list",
        "join our mailing list",
        "join my list",
        "my email list",
        "my mailing list",
        "my vip list",
        "our vip list",
        "join my vip list",
        "join the waitlist",
        "join the wait list",
        "join {number} subscribers",
        "join {number} readers",
        "in case you missed my",
        "in case you missed our",
        "in case you missed it",
        "icymi",
        "last reminder",
        "final reminder",
        "friendly reminder",
        "quick reminder",
        "just a reminder",
        "new issue out now",
        "new issue is out",
        "never miss a deal",
        "exclusive deals and offers",
        "deals and offers",
        "straight to your inbox",
        "in your inbox",
    ]
)

FLAG = [
    "In case you missed my last offer: 50% off ends tonight",
    "Subscribe to my newsletter for exclusive deals and offers!",
    "Last reminder: doors close at midnight",
    "ICYMI: our spring sale is still on",
]
PASS = [
    "I read @annewrites' newsletter every Sunday morning with my coffee.",
    "Unsubscribed from 40 newsletters today. My inbox feels like a clean kitchen.",
    "A reminder that the clocks go back this Sunday.",
]


def detect(doc: Doc, config: dict[str, object]) -> list[tuple[int, int]]:
    return MATCHER.spans(doc)
