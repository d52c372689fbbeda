"""Discount or promo code (SL103).

What it does:
    Finds discounts, sales and codes: "50% off", "half price", "flash sale", "BOGO",
    "save 20%", "use code SAVE50", "promo code", "coupon".

Why is this bad?
    Discounts and codes are the language of a flyer. They ask readers to act on a deal, not
    to read, reply or learn; a feed full of them is a billboard.

Example:
    Flash sale! 50% off everything with code SAVE50.

Use instead:
    Three things we got wrong in our first year of selling pottery, and what fixed them.
"""

from salesy.doc import Doc, Phrases

ID = "SL103"
NAME = "discount-code"
CATEGORY = "promotion"
NOUN = ("a discount or code", "discounts and codes")
MESSAGE = "Discount or code: deals and promo codes read like a flyer."
SUGGESTION = "Share the story behind the product; if there is a deal, keep it to a reply."

SEASONS = (
    "flash",
    "summer",
    "winter",
    "spring",
    "autumn",
    "fall",
    "holiday",
    "christmas",
    "easter",
    "clearance",
    "warehouse",
    "anniversary",
    "birthday",
    "weekend",
    "big",
    "huge",
    "massive",
    "mega",
    "annual",
    "end of season",
    "boxing day",
    "year-end",
    "sitewide",
    "site-wide",
)

PHRASES = [
    "{percent} off",
    "{price} off",
    "{number} off",
    "{percent} discount",
    "{price} discount",
    "{percent} savings",
    "save {percent}",
    "save {price}",
    "save up to {percent}",
    "up to {percent} off",
    "half price",
    "half-price",
    "half off",
    "bogo",
    "buy one get one",
    "buy 1 get 1",
    "2 for 1",
    "two for one",
    "sale now on",
    "on sale now",
    "now on sale",
    "on sale today",
    "sale ends",
    "sale starts",
    "sale is live",
    "sale is on",
    "black friday deal",
    "black friday deals",
    "cyber monday deals",
    "black friday",
    "cyber monday",
    "discount code",
    "promo code",
    "coupon code",
    "voucher code",
    "price drop",
    "prices slashed",
    "price slashed",
    "reduced price",
    "special offer",
    "exclusive offer",
    "exclusive deal",
    "deal of the day",
    "best deals",
    "early bird price",
    "early bird pricing",
    "early bird discount",
    "early bird rate",
    "early bird tickets",
    "early bird offer",
    "early bird special",
    "early-bird rate",
    "early-bird pricing",
    "use code {code}",
    "use my code {code}",
    "with code {code}",
    "with my code {code}",
    "my code {code}",
    "code {code}",
    "discount code {code}",
    "promo code {code}",
    "coupon code {code}",
]
for _season in SEASONS:
    PHRASES.append(_season + " sale")

MATCHER = Phrases(PHRASES)

FLAG = [
    "Flash sale! 50% off everything with code SAVE50.",
    "Use code EARLY20 at checkout",
    "Summer sale: save 30% on all sandals",
    "BOGO on all candles this weekend",
    "Everything is half price until Sunday",
]
PASS = [
    "This sale of the company surprised me",
    "I wrote some code today and it finally works",
    "The area code 415 is San Francisco",
    "Turn the lights off at 10% battery",
    "Garage sale finds: a 1970s lamp I'm in love with",
]


def detect(doc: Doc, config: dict[str, object]) -> list[tuple[int, int]]:
    return MATCHER.spans(doc)
