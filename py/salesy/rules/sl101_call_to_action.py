"""Call to action (SL101).

What it does:
    Finds calls to action: "buy now", "shop today", "order yours", "sign up now",
    "link in bio", "DM to order", "click here", "check out my …", "upgrade now".

Why is this bad?
    X is pay-it-forward, not a billboard. A post that tells readers to buy, shop, order or
    click treats them as customers, not as people in a conversation; followers tune out
    accounts that read like an email list.

Example:
    BUY NOW and get yours today. Link in bio!

Use instead:
    We spent a year on this and learned a lot about glazes. Happy to answer questions.
"""

from salesy.doc import Doc, Phrases

ID = "SL101"
NAME = "call-to-action"
CATEGORY = "promotion"
WEIGHT = 30
NOUN = ("a call to action", "calls to action")
MESSAGE = "Call to action: this tells readers to buy, order or click."
SUGGESTION = "Say what you made or learned and why it matters; let readers decide to look."

# Verbs of a sale, as imperatives. Alone they are ambiguous ("I'll buy a bike", "book club"),
# so they count anywhere only with "now/today/here/online", and at the start of a sentence
# only with an object that makes them an order to the reader ("Book your table").
VERBS = (
    "buy",
    "shop",
    "order",
    "pre-order",
    "preorder",
    "grab",
    "book",
    "reserve",
    "register",
    "enroll",
    "enrol",
    "subscribe",
    "download",
    "install",
    "sign up",
    "join",
    "claim",
    "snag",
    "get",
    "try",
    "visit",
    "call",
    "shop for",
    "upgrade",
    "donate",
    "apply",
    "lock in",
    "pick up",
    "discover",
    "explore",
    "start",
    "switch",
)
ANYWHERE_AFTER = (
    "now",
    "today",
    "here",
    "online",
    "right now",
    "yours now",
    "yours today",
    "it now",
    "it today",
    "it here",
)
START_AFTER = (
    "yours",
    "your",
    "our",
    "my",
    "the sale",
    "the collection",
    "the new",
    "it",
    "one",
    "them",
    "a copy",
    "tickets",
    "a ticket",
    "a spot",
    "your spot",
    "a seat",
    "the link",
    "us",
    "this",
    "these",
)
# "get", "try", "call", "join", "visit" are too common in ordinary talk to count at a
# sentence start with any object; only their anywhere forms count.
START_VERBS_EXCLUDED = (
    "get",
    "try",
    "call",
    "join",
    "visit",
    "start",
    "discover",
    "explore",
    "pick up",
    "apply",
)

FIXED = (
    "link in bio",
    "link in my bio",
    "link in profile",
    "link in the bio",
    "link below",
    "links below",
    "link in comments",
    "link in the comments",
    "link in reply",
    "link in replies",
    "link in the replies",
    "link in the reply",
    "link in thread",
    "link in first reply",
    "click here",
    "click the link",
    "click link",
    "tap the link",
    "tap link",
    "swipe up",
    "dm to order",
    "dm me to order",
    "dm us to order",
    "dm for prices",
    "dm for price",
    "dm for details",
    "dm for info",
    "dm for more info",
    "dm for orders",
    "dm for bookings",
    "dm to book",
    "dm me for prices",
    "dm us for prices",
    "dm us for details",
    "message us to order",
    "message us to book",
    "whatsapp to order",
    "call us today",
    "call us now",
    "check out my",
    "check out our",
    "check it out at",
    "check out the link",
    "add to cart",
    "add it to your cart",
    "place your order",
    "place an order",
    "get your copy",
    "grab your copy",
    "get your tickets",
    "get tickets",
    "buy tickets",
    "get yours",
    "grab yours",
    "order yours",
    "get started today",
    "get started now",
    "start your free trial",
    "learn more at",
    "find out more at",
    "order online",
    "shop online",
    "shop the look",
    "use the link",
    "see the link",
    "link to buy",
    "link to shop",
    "link to order",
    "don't forget to order",
    "don't forget to buy",
    "hurry and order",
    "visit us",
    "sign up at",
    "sign up via",
    "sign up here",
    "register at",
    "register via",
    "visit our website",
    "visit our store",
    "visit our shop",
    "visit my shop",
    "visit my store",
    "visit my website",
    "visit the shop",
    "visit the store",
)


def _phrases() -> tuple[list[str], list[str]]:
    anywhere = list(FIXED)
    start = []
    for verb in VERBS:
        for after in ANYWHERE_AFTER:
            anywhere.append(verb + " " + after)
        if verb not in START_VERBS_EXCLUDED:
            for after in START_AFTER:
                start.append(verb + " " + after)
        else:
            # "Try our mattress", "Join our list": a business speaking, even with these verbs.
            start.append(verb + " our")
    return anywhere, start


_anywhere, _start = _phrases()
ANYWHERE = Phrases(_anywhere)
AT_START = Phrases(_start)

FLAG = [
    "BUY NOW and get yours today. Link in bio!",
    "New drop just landed. Shop now 🔥",
    "Order yours before they're gone",
    "DM to order, shipping worldwide",
    "Sign up today at our website and start saving",
    "Check out my new course on copywriting",
    "Book your table for Valentine's night",
    "Upgrade now at example.com/pricing",
]
PASS = [
    "I bought a new bike and I love it",
    "Call me later, I'm on the train",
    "Our book club is reading Middlemarch this month",
    "Should I buy a bike or fix the old one?",
    "Order of operations still confuses my kids",
    "I'll get the kids from school today",
]


def detect(doc: Doc, config: dict[str, object]) -> list[tuple[int, int]]:
    spans = ANYWHERE.spans(doc)
    for first, last in AT_START.find(doc):
        if doc.sentence_start(first):
            spans.append(doc.span(doc.stream[first], doc.stream[last]))
    return spans
