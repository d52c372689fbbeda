"""Write a realistic sample X data archive: the real file shapes, a few hundred posts.

    python scripts/sample_archive.py OUT_DIR [--posts 420] [--seed 7] [--zip]

Writes OUT_DIR/data/tweets.js (`window.YTD.tweets.part0 = [...]`), OUT_DIR/data/
tweets-part1.js (large archives are split), OUT_DIR/data/account.js, and with --zip the
archive as X delivers it (OUT_DIR.zip). The account is a small coffee roaster
(@salesy_demo) whose posts drift from personal and helpful in spring to a salesy holiday
season, with replies, reposts of others (left out by `salesy audit`), t.co links with their
expanded form, HTML entities and emoji, as X's archive writes them. Deterministic by seed.
"""

# ruff: noqa: E501 (sample posts are kept on one line each, as they are posted)
from __future__ import annotations

import argparse
import json
import random
import sys
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

ACCOUNT = {"username": "salesy_demo", "accountId": "1450000000000000001"}

PERSONAL = [
    "Roasted a tiny batch of Ethiopian naturals this morning. The whole street smells of blueberries.",
    "I burned 4 kg of beans today because I was answering email. Lesson learned: one job at a time.",
    "What do you all grind with at home? I'm curious how many people still use a hand grinder.",
    "Thanks @ana_roasts for the tip on lowering the charge temperature, the Kenya tastes so much cleaner.",
    "Here is what I learned about water this year: 80 ppm of hardness is our sweet spot &amp; tap is fine.",
    "Closed the shop early to watch my daughter's football match. She scored twice 😀",
    "Three things that made our espresso better: fresher beans, a finer grind, and patience.",
    "Our neighbour's bakery just opened, their cardamom buns are wonderful. Go say hi to @lenabakes.",
    "Cupping notes from today: the Colombian is sweeter than last year, the Brazil a bit flat.",
    "Why we stopped selling flavoured beans: a short thread on what we learned.",
    "I read that roasting lighter keeps more acidity, so we tested it side by side. It does.",
    "Rainy Monday. Two regulars brought us pastries. This job is mostly about people.",
    "Question for baristas: how do you keep milk jugs from smelling by closing time?",
    "Great piece by @coffeescience on why grind size matters more than dose: {link}",
]
PROMOTIONAL = [
    "Our new Guatemala is in. I tasted it blind and picked it over two pricier lots, honestly. {link}",
    "We finally have a subscription: beans roasted on Monday, at your door on Wednesday. Took us a year to get right. {link}",
    "Proud of this one: our Kenya AA is back, limited roast this week. What would you pair it with? {link}",
    "I wrote up how we source our beans, and yes, the new Honduras is on the shop now. {link}",
]
PURE_AD = [
    "BUY NOW: 20% off all beans with code ROAST20 🔥🔥🔥 Shop today! {link}",
    "LAST CHANCE!!! Holiday gift boxes $29.99, order now before they're gone! {link} #coffee #gift #sale #deal",
    "FLASH SALE ☕ 2 bags for $25 this weekend only. Link in bio! #coffee #sale #shoplocal",
    "Black Friday: 30% off EVERYTHING, today only! Use code FRIDAY30 at checkout {link}",
    "Subscribe to our newsletter for exclusive deals and discounts! {link}",
    "Don't miss out! Free shipping on orders over $40, ends tonight! {link} #freeshipping",
    "Follow us and RT to win a year of free coffee! 🎁🎁 #giveaway #contest",
]
REPLIES = [
    "@{who} Thank you! The Ethiopian is my favourite too.",
    "@{who} Good question: we rest it 5 days before brewing espresso.",
    "@{who} Sorry about the late delivery, I'll look into it today.",
    "@{who} Ha, yes, that grinder is older than me and still works.",
    "@{who} Use code THANKS15 for 15% off your next order! {link}",
]
WHO = ["ana_roasts", "lenabakes", "coffeescience", "tom_brews", "mira_k"]
REPOSTS = [
    "RT @coffeescience: New study: the paper filter you use changes the taste more than you think.",
    "RT @lenabakes: Cardamom buns are back on Saturday!",
]

# (month start, posts in that month, weights of personal/promotional/pure ad/reply/repost):
# helpful in spring, drifting salesy towards the holidays.
SEASON = [
    ("2026-03-01", (6, 1, 0, 3, 1)),
    ("2026-04-01", (6, 1, 1, 3, 1)),
    ("2026-05-01", (5, 2, 1, 3, 1)),
    ("2026-06-01", (5, 2, 1, 2, 1)),
    ("2026-07-01", (4, 2, 2, 2, 1)),
    ("2026-08-01", (4, 2, 2, 2, 1)),
    ("2026-09-01", (3, 2, 3, 2, 1)),
    ("2026-10-01", (2, 2, 5, 2, 1)),
    ("2026-11-01", (1, 2, 7, 1, 1)),
]
KINDS = ("personal", "promotional", "pure_ad", "reply", "repost")
SHOP = "https://shop.example.com/beans"


def _created_at(moment: datetime) -> str:
    return moment.strftime("%a %b %d %H:%M:%S +0000 %Y")


def _tweet(index: int, moment: datetime, kind: str, rng: random.Random) -> dict[str, object]:
    post_id = str(1_700_000_000_000_000_000 + index * 7919)
    short = f"https://t.co/{rng.randrange(36**8):08x}"
    urls: list[dict[str, object]] = []
    mentions: list[dict[str, object]] = []
    reply_to = None
    if kind == "personal":
        text = rng.choice(PERSONAL)
    elif kind == "promotional":
        text = rng.choice(PROMOTIONAL)
    elif kind == "pure_ad":
        text = rng.choice(PURE_AD)
    elif kind == "reply":
        reply_to = rng.choice(WHO)
        text = rng.choice(REPLIES).replace("{who}", reply_to)
    else:
        text = rng.choice(REPOSTS)
    if "{link}" in text:
        start = text.index("{link}")
        text = text.replace("{link}", short)
        urls.append(
            {
                "url": short,
                "expanded_url": SHOP + f"?utm_source=x&p={index}",
                "display_url": "shop.example.com/beans",
                "indices": [str(start), str(start + len(short))],
            }
        )
    for who in WHO:
        if "@" + who in text:
            start = text.index("@" + who)
            mentions.append(
                {
                    "name": who.replace("_", " ").title(),
                    "screen_name": who,
                    "indices": [str(start), str(start + len(who) + 1)],
                    "id_str": str(900 + WHO.index(who)),
                    "id": str(900 + WHO.index(who)),
                }
            )
    tweet: dict[str, object] = {
        "edit_info": {
            "initial": {
                "editTweetIds": [post_id],
                "editableUntil": "",
                "editsRemaining": "5",
                "isEditEligible": True,
            }
        },
        "retweeted": False,
        "source": '<a href="https://mobile.twitter.com" rel="nofollow">Twitter Web App</a>',
        "entities": {"hashtags": [], "symbols": [], "user_mentions": mentions, "urls": urls},
        "display_text_range": ["0", str(len(text))],
        "favorite_count": str(rng.randrange(0, 40)),
        "id_str": post_id,
        "truncated": False,
        "retweet_count": "0" if kind == "repost" else str(rng.randrange(0, 8)),
        "id": post_id,
        "created_at": _created_at(moment),
        "favorited": False,
        "full_text": text,
        "lang": "en",
    }
    if reply_to:
        tweet["in_reply_to_status_id_str"] = str(1_600_000_000_000_000_000 + index)
        tweet["in_reply_to_status_id"] = tweet["in_reply_to_status_id_str"]
        tweet["in_reply_to_user_id_str"] = str(900 + WHO.index(reply_to))
        tweet["in_reply_to_screen_name"] = reply_to
    if rng.random() < 0.1 and kind in ("personal", "promotional"):
        media = f"https://t.co/{rng.randrange(36**8):08x}"
        tweet["full_text"] = text + " " + media
        tweet["entities"]["media"] = [{"url": media, "type": "photo"}]  # type: ignore[index]
    return {"tweet": tweet}


def sample_tweets(posts: int = 420, seed: int = 7) -> list[dict[str, object]]:
    """The archive's items, oldest first (X writes them newest first)."""
    rng = random.Random(seed)
    per_month = posts // len(SEASON)
    items = []
    index = 0
    for start_text, weights in SEASON:
        start = datetime.fromisoformat(start_text).replace(tzinfo=UTC)
        count = per_month + (1 if index < posts % len(SEASON) else 0)
        times = sorted(rng.randrange(0, 28 * 86400) for _ in range(count))
        for offset in times:
            kind = rng.choices(KINDS, weights=weights)[0]
            items.append(_tweet(index, start + timedelta(seconds=offset), kind, rng))
            index += 1
    return items


def _js(kind: str, part: int, items: list[dict[str, object]]) -> str:
    return f"window.YTD.{kind}.part{part} = " + json.dumps(items, indent=2, ensure_ascii=False)


def write_archive(out: Path, posts: int = 420, seed: int = 7, make_zip: bool = False) -> Path:
    """Writes the archive under `out` (and `out`.zip); returns the data folder."""
    items = list(reversed(sample_tweets(posts, seed)))  # newest first, as X writes them
    data = out / "data"
    data.mkdir(parents=True, exist_ok=True)
    half = len(items) // 2
    (data / "tweets.js").write_text(_js("tweets", 0, items[:half]), encoding="utf-8")
    (data / "tweets-part1.js").write_text(_js("tweets", 1, items[half:]), encoding="utf-8")
    (data / "account.js").write_text(
        _js("account", 0, [{"account": {**ACCOUNT, "createdAt": "2021-03-02T10:00:00.000Z"}}]),
        encoding="utf-8",
    )
    (data / "like.js").write_text(
        _js("like", 0, [{"like": {"tweetId": "1", "fullText": "Nice!"}}]), encoding="utf-8"
    )
    if make_zip:
        with zipfile.ZipFile(out.with_suffix(".zip"), "w", zipfile.ZIP_DEFLATED) as archive:
            for file in sorted(data.iterdir()):
                archive.write(file, "data/" + file.name)
    return data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--posts", type=int, default=420)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--zip", action="store_true")
    args = parser.parse_args(argv)
    data = write_archive(args.out, args.posts, args.seed, args.zip)
    print(f"wrote {data}/ (tweets.js, tweets-part1.js, account.js, like.js)")
    if args.zip:
        print(f"wrote {args.out.with_suffix('.zip')} (the archive as X sends it)")
        print(f"try: salesy audit {args.out.with_suffix('.zip')}")
    else:
        print(f"try: salesy audit {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
