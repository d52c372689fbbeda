"""Product announcement (SL113).

What it does:
    Finds a product being announced or made available: "introducing", "it's here",
    "now available", "out now", "just launched", "back in stock", "new collection",
    "orders open", "on Kickstarter", "tickets are available".

Why is this bad?
    Announcing your product is promotion, even when it's exciting news. Now and then, with
    the story behind it, that is fine; announcement after announcement is a billboard.

Example:
    Introducing the all-new Notely Pro. Now available on iOS and Android.

Use instead:
    We rebuilt Notely because sync kept losing people's notes. Here is what we changed.
"""

from salesy.doc import Doc, Phrases

ID = "SL113"
NAME = "announcement"
CATEGORY = "promotion"
NOUN = ("a product announcement", "product announcements")
MESSAGE = "Product announcement: telling people a product is out is promotion."
SUGGESTION = "Tell the story behind it: why you made it, what you learned, who it is for."

MATCHER = Phrases(
    [
        "introducing",
        "introducing the",
        "meet the new",
        "say hello to",
        # "Slides are here", "spring is here": only a product or collection arriving counts.
        "it's here",
        "is here now",
        "are here now",
        "collection is here",
        "drop is here",
        "has arrived",
        "have arrived",
        "has landed",
        "just landed",
        "just dropped",
        "new drop",
        "new arrivals",
        "new arrival",
        "new collection",
        "new product",
        "new release",
        "new flavor",
        "new flavour",
        "new menu item",
        "now available",
        "available now",
        "is available",
        "are available",
        "now in stock",
        "back in stock",
        "restocked",
        "in stock now",
        "in stores now",
        "in stores and online",
        "out now",
        "it's out",
        "is out today",
        "it's out today",
        "out of beta",
        "now live",
        "is live",
        "are live",
        "it's live",
        "we're live",
        "goes live",
        "just launched",
        "we launched",
        "we've launched",
        "i launched",
        "launched on",
        "launching today",
        "launches today",
        "we're launching",
        "i'm launching",
        "launch day",
        "launch week",
        "shipping day",
        "release day",
        "on sale now",
        "on kickstarter",
        "on product hunt",
        "on the app store",
        "on google play",
        "on amazon",
        "on steam",
        "on etsy",
        "on bandcamp",
        "wherever books are sold",
        "in our shop",
        "in the shop",
        "orders open",
        "orders are open",
        "pre-orders open",
        "preorders open",
        "pre-orders are open",
        "sign-ups open",
        "signups open",
        "registration is open",
        "registration open",
        "enrollment is open",
        "tickets are available",
        "tickets are still available",
        "tickets are out",
        "tickets available",
        "early access",
        "now open",
        "grand opening",
    ]
)

FLAG = [
    "Introducing the all-new Notely Pro.",
    "Our summer collection is here ☀️",
    "The album is out now on all platforms",
    "Back in stock: the linen shirts",
]
PASS = [
    "I'm out today, back tomorrow",
    "Huge thanks to everyone who came. Slides are here: slides.example.com",
    "Is anyone else watching the eclipse?",
    "The library reopened after renovations",
]


def detect(doc: Doc, config: dict[str, object]) -> list[tuple[int, int]]:
    return MATCHER.spans(doc)
