"""Undisclosed commercial tie (SL301).

What it does:
    Finds signs of a commercial tie (an affiliate, referral or tracking link, "my code", "my link",
    "gifted", "sent me", "in partnership with") in a post with no clear disclosure
    (`#ad`, `#sponsored`, "paid partnership", "Ad:" up front).

Why is this bad?
    Readers have a right to know when you are paid. The FTC, the UK's ASA/CAP code and X's
    paid-partnership policy all require a clear disclosure; a hidden tie also costs trust
    the moment someone notices.

Example:
    Obsessed with my new serum 😍 Use my code ANNA15 for 15% off!

Use instead:
    #ad I've used this serum for 3 months; it helped, the smell did not. Code ANNA15 = 15% off.
"""

from salesy import tokens as tk
from salesy.doc import Doc, Phrases
from salesy.rules.sl303_buried_ad import buried
from salesy.tokens import Token

ID = "SL301"
NAME = "undisclosed-tie"
CATEGORY = "disclosure"
NOUN = ("an undisclosed tie", "undisclosed ties")
MESSAGE = "Undisclosed tie: an affiliate link, personal code or gift, and no #ad."
SUGGESTION = 'Put #ad (or "Paid partnership") at the start, where readers see it first.'

# Each signal is specific: "my code" alone is also a programmer's ("my code compiles").
SIGNALS = Phrases(
    [
        "my code {code}",
        "my code is {code}",
        "use my code",
        "with my code",
        "my discount code",
        "my promo code",
        "use my link",
        "with my link",
        "through my link",
        "my affiliate link",
        "my referral link",
        "#gifted",
        "gifted by",
        "gifted me",
        "was gifted",
        "this gifted",
        "gifted to me",
        "{mention} sent me",
        "for sending me",
        "kindly sent",
        "thanks to {mention} for sending",
        "thank you {mention} for sending",
        "pr package",
        "in partnership with",
        "partnered with {mention}",
        "teamed up with {mention}",
        "ambassador for {mention}",
        "brand ambassador",
        "#ambassador",
        "#brandambassador",
        "#affiliate",
        "#liketkit",
    ]
)
# What counts as a clear disclosure. "Sponsored by @x" and "paid partnership" name the tie.
DISCLOSED = Phrases(
    [
        "#ad",
        "#ads",
        "#advert",
        "#advertisement",
        "#sponsored",
        "#paidpartnership",
        "#paid",
        "paid partnership",
        "paid post",
        "sponsored by",
        "sponsored post",
        "this is sponsored",
        "this is an ad",
        "i earn a commission",
        "affiliate link",
        "affiliate links",
    ]
)
# Hosts and URL parts of affiliate and tracking links.
AFFILIATE_HOSTS = (
    "amzn.to",
    "amzn.eu",
    "liketk.it",
    "shopmy.us",
    "go.shopmy.us",
    "rstyle.me",
    "howl.me",
    "shareasale.com",
    "click.linksynergy.com",
    "awin1.com",
    "tidd.ly",
)
AFFILIATE_PARTS = (
    "tag=",
    "ref=",
    "aff=",
    "affid=",
    "affiliate",
    "/r/",
    "irclickid",
    "ranmid=",
    # referral links: whoever shares one is paid in credit or cash for each sign-up
    "referral",
    "/refer/",
    "/invite/",
    "friend=",
    "?r=",
    "&r=",
)

FLAG = [
    "Obsessed with my new serum from @glowco 😍 Use my code ANNA15 for 15% off!",
    "This blender changed my mornings. Get yours here: https://amzn.to/3Qx9abc",
    "Loving this gifted skincare set from @purebeauty",
    "Thanks to @techbrand for sending me these headphones!",
    "Best budgeting app I've tried: https://example.com/invite/ana42",
]
PASS = [
    "#ad Gifted by @deskco: I've used this desk for six months. Use my code ELI10 for 10% off.",
    "I bought this jacket with my own money three years ago. Not sponsored.",
    "Sponsored by @vpnco: my link gets you a month free",
]


def _is_affiliate(token: Token) -> bool:
    low = token.low
    for host in AFFILIATE_HOSTS:
        if host in low:
            return True
    return any(part in low for part in AFFILIATE_PARTS)


def disclosed(doc: Doc) -> bool:
    """Is there a clear disclosure, or "Ad" / "Ad:" / "AD |" opening the post? An #ad buried
    after other hashtags (SL303) does not count: regulators say readers miss it."""
    hidden = buried(doc)
    for span in DISCLOSED.spans(doc):
        if span not in hidden:
            return True
    return bool(doc.stream) and doc.tokens[doc.stream[0]].low in ("ad", "advert", "sponsored")


def detect(doc: Doc, config: dict[str, object]) -> list[tuple[int, int]]:
    if disclosed(doc):
        return []
    spans = SIGNALS.spans(doc)
    for index in doc.indices(tk.URL):
        token = doc.tokens[index]
        if _is_affiliate(token):
            spans.append((token.start, token.end))
    return spans
