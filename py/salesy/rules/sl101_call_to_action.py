"""Call to action (SL101).

What it does:
    Finds calls to action, built from two signals: an imperative, and what it is aimed at. "Shop
    the …", "Sign up:", "Register today", "Order yours" (a sentence opening with an order to the
    reader, "please" and "hey guys" allowed before it), "visit our site", "click the link",
    "call 0800 …", "txt WIN to 80086" (an imperative aimed at a channel), "buy now", "link in
    bio", "DM to order" (unmistakable wherever they stand). In a post that carries a link, a
    request that opens a sentence ("Please help me go here", "Like this page!", "Vote for her")
    is aimed at that link. A verb in the middle of a chat ("what time can you get here?") is not
    an order.

Why is this bad?
    X is pay-it-forward, not a billboard. A post that tells readers to buy, shop, order or
    click treats them as customers, not as people in a conversation; followers tune out
    accounts that read like an email list.

Example:
    BUY NOW and get yours today. Link in bio!

Use instead:
    We spent a year on this and learned a lot about glazes. Happy to answer questions.
"""

from salesy import signals
from salesy import tokens as tk
from salesy.doc import Doc, Phrases

ID = "SL101"
NAME = "call-to-action"
CATEGORY = "promotion"
NOUN = ("a call to action", "calls to action")
MESSAGE = "Call to action: this tells readers to buy, order or click."
SUGGESTION = "Say what you made or learned and why it matters; let readers decide to look."

# Verbs of a sale that are an order wherever they stand next to "now/today/here/online"
# ("buy now", "order today"); ordinary verbs such as "get" or "try" are not ("get here").
SALE_VERBS = (
    "buy",
    "shop",
    "order",
    "pre-order",
    "preorder",
    "purchase",
    "book",
    "reserve",
    "register",
    "enroll",
    "enrol",
    "subscribe",
    "download",
    "install",
    "sign up",
    "claim",
    "snag",
    "grab",
    "upgrade",
    "donate",
    "apply",
    "redeem",
    "rsvp",
    "shop for",
    "lock in",
)
NOW = ("now", "today", "online", "right now", "here", "yours now", "yours today", "it now")
# At the start of a sentence a verb gives an order when its object is what is on sale: the
# reader's ("your"), the seller's ("our", "my"), or a thing ("the sale", "tickets", "it").
ORDER_OBJECTS = (
    "yours",
    "your",
    "our",
    "my",
    "the",
    "it",
    "one",
    "them",
    "this",
    "these",
    "a copy",
    "tickets",
    "a ticket",
    "a spot",
    "a seat",
    "now",
    "today",
    "online",
    "here",
    "at",
    "via",
    "{url}",
    "{price}",
    "{percent}",
    "free",
    "for free",
    "up",
)
# Everyday verbs give an order only when aimed at a channel or the seller: "Try our app",
# "Visit our store", "Call 0800 …", "Check out my channel" — never "call me", "get well".
CHANNEL_VERBS = (
    "get",
    "try",
    "call",
    "join",
    "visit",
    "start",
    "discover",
    "explore",
    "check out",
    "check",
    "take a look at",
    "have a look at",
    "look at",
    "see",
    "watch",
    "listen to",
    "find",
    "find out",
    "learn",
    "learn more",
    "go to",
    "head to",
    "head over to",
    "click",
    "tap",
    "text",
    "txt",
    "reply",
    "send",
    "dial",
    "ring",
    "contact",
    "email",
    "message",
    "whatsapp",
    "enter",
    "save",
    "switch",
    "pick up",
    "come",
)
SELLER_OBJECTS = ("our", "us", "my", "the link", "the site", "the website", "the shop")
# Verbs of a request that, opening a sentence of a post that carries a link, aim the reader
# at it: "Please help me go here http://…", "Like this page! https://…", "VOTE for her: …".
LINKED_VERBS = (
    "help",
    "share",
    "like",
    "follow",
    "vote",
    "support",
    "read",
    "add",
    "look",
    "look at",
    "listen",
    "play",
    "spread",
    "search",
    "use",
    "give",
)
# Subjects that make the verb a statement, not an order: "Like I said", "Help we need".
NOT_AN_ORDER = {"i", "we", "he", "she", "they", "i'm", "i've", "i'd"}
# Words that name where a click or a call goes.
CHANNEL_WORDS = {
    "link",
    "links",
    "website",
    "site",
    "store",
    "shop",
    "bio",
    "page",
    "channel",
    "profile",
    "app",
    "online",
    "youtube",
    "instagram",
    "facebook",
    "whatsapp",
    "telegram",
    "kik",
    "skype",
    "snapchat",
    "tiktok",
    "twitter",
    "twitch",
    "youtu",
    "video",
    "videos",
    "playlist",
    "soundcloud",
    "spotify",
    "amazon",
    "etsy",
}
# Stream tokens after the verb in which a channel may stand ("Call the Co FREE on 0800 …").
CHANNEL_REACH = 8

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
    "add to cart",
    "add it to your cart",
    "place your order",
    "place an order",
    "order online",
    "shop online",
    "shop the look",
    "link to buy",
    "link to shop",
    "link to order",
    "don't forget to order",
    "don't forget to buy",
    "hurry and order",
    "learn more at",
    "find out more at",
    "more info at",
    "details at",
    "available at {url}",
    "get started today",
    "get started now",
    "start your free trial",
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
)


def _anywhere() -> list[str]:
    phrases = list(FIXED)
    for verb in SALE_VERBS:
        for after in NOW:
            phrases.append(verb + " " + after)
    return phrases


ANYWHERE = Phrases(_anywhere())
# A verb, then what it is aimed at: matched as two small sets rather than every pair (the
# pairs would be a thousand phrases to compile on each engine start).
SALE_VERB_WORDS = Phrases(list(SALE_VERBS))
CHANNEL_VERB_WORDS = Phrases(list(CHANNEL_VERBS))
ORDER_OBJECT_WORDS = Phrases(list(ORDER_OBJECTS) + ["and"], shared=False)
SELLER_OBJECT_WORDS = Phrases(list(SELLER_OBJECTS), shared=False)
LINKED_VERB_WORDS = Phrases(list(LINKED_VERBS))


FLAG = [
    "BUY NOW and get yours today. Link in bio!",
    "New drop just landed. Shop now 🔥",
    "Order yours before they're gone",
    "DM to order, shipping worldwide",
    "Sign up today at our website and start saving",
    "Check out my new course on copywriting",
    "Book your table for Valentine's night",
    "Upgrade now at example.com/pricing",
    "Shop the official store today.",
    "Txt CLAIM to 81010 to get your prize",
    "Please visit https://example.com for more",
    "https://example.com/fundraiser Please share and help my friend!",
]
PASS = [
    "I bought a new bike and I love it",
    "Call me later, I'm on the train",
    "Our book club is reading Middlemarch this month",
    "Should I buy a bike or fix the old one?",
    "Order of operations still confuses my kids",
    "I'll get the kids from school today",
    "what time you think you can get here?",
    "Get well soon, we miss you at practice",
    "Like I said yesterday, the view was worth it https://example.com/view.jpg",
]


def _sale_verb_alone(doc: Doc, last: int) -> bool:
    """A sale verb that opens a sentence with nothing of its own after it ("Subscribe!",
    "Shop: summer styles") is an order; followed by another word ("Book club", "Buy-in")
    it is not."""
    index = doc.stream[last] + 1
    after = doc.tokens[index] if index < len(doc.tokens) else None
    if after is None:
        return True
    if after.kind == tk.PUNCT:
        return after.head in ":!" or (after.head in tk.SENTENCE_END and after.head != ".")
    following = last + 1
    return following < len(doc.stream) and doc.brk[following] and after.kind == tk.EMOJI


def _channel_after(doc: Doc, last: int, channel_at: dict[int, bool]) -> int:
    """The stream position of a link, phone number, short code or channel word within reach
    after stream position `last`, in the same sentence or as the first thing after it
    ("Watch my new video! https://…"), or -1."""
    stream = doc.stream
    for q in range(last + 1, min(len(stream), last + 1 + CHANNEL_REACH)):
        index = stream[q]
        if doc.brk[q]:
            return q if index in channel_at and doc.tokens[index].kind == tk.URL else -1
        if index in channel_at or doc.tokens[index].low in CHANNEL_WORDS:
            return q
    return -1


def _aimed_at_link(doc: Doc, first: int, last: int, linked: set[int]) -> bool:
    """An order at stream positions first..last stands in a paragraph with a link, and no
    subject follows its verb ("Like I said" is not an order)."""
    stream = doc.stream
    following = last + 1
    if (
        following < len(stream)
        and not doc.brk[following]
        and doc.tokens[stream[following]].low in NOT_AN_ORDER
    ):
        return False
    return signals.paragraph_of(doc, stream[first]) in linked


def calls(doc: Doc, config: dict[str, object]) -> list[tuple[int, int]]:
    """detect(), worked out once per post: the offer rule asks too."""
    found = doc.memo.get(ID)
    if found is None:
        found = doc.memo[ID] = _detect(doc)
    return found  # type: ignore[return-value]


def detect(doc: Doc, config: dict[str, object]) -> list[tuple[int, int]]:
    return list(calls(doc, config))


def _detect(doc: Doc) -> list[tuple[int, int]]:
    spans = ANYWHERE.spans(doc)
    stream = doc.stream
    # Found once, read by both loops below.
    sale_verbs = SALE_VERB_WORDS.find(doc)
    channel_verbs = CHANNEL_VERB_WORDS.find(doc)
    # An order: "Shop the sale", "Download and start", "Try our app", "Subscribe!".
    for finder, objects, found in (
        (SALE_VERB_WORDS, ORDER_OBJECT_WORDS, sale_verbs),
        (CHANNEL_VERB_WORDS, SELLER_OBJECT_WORDS, channel_verbs),
    ):
        for first, last in found:
            if not signals.opens_directive(doc, first):
                continue
            size = signals.followed_by(doc, last, objects)
            if size:
                spans.append(doc.span(stream[first], stream[last + size]))
            elif finder is SALE_VERB_WORDS and _sale_verb_alone(doc, last):
                spans.append(doc.span(stream[first], stream[last]))
    # Any imperative aimed at a channel: "Please visit example.com", "Txt WIN to 80086".
    channel_at = {first: True for first, _last in signals.channels(doc)}
    # A paragraph that carries a link and tells the reader to do something: the link is what
    # the order is aimed at, wherever it stands ("https://… Like this page!").
    linked = {signals.paragraph_of(doc, i) for i in channel_at if doc.tokens[i].kind == tk.URL}
    for finder in (SALE_VERB_WORDS, CHANNEL_VERB_WORDS, LINKED_VERB_WORDS):
        if finder is LINKED_VERB_WORDS and not linked:
            break
        if finder is SALE_VERB_WORDS:
            found = sale_verbs
        elif finder is CHANNEL_VERB_WORDS:
            found = channel_verbs
        else:
            found = finder.find(doc)
        for first, last in found:
            if not signals.opens_directive(doc, first):
                continue
            if finder is not LINKED_VERB_WORDS:
                target = _channel_after(doc, last, channel_at)
                if target >= 0:
                    spans.append(doc.span(stream[first], stream[target]))
            if linked and _aimed_at_link(doc, first, last, linked):
                spans.append(doc.span(stream[first], stream[last]))
    return spans
