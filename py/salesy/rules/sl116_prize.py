"""Prize bait (SL116).

What it does:
    Finds the vocabulary of prizes and giveaways aimed at the reader: "you have won", "you've
    been selected", "claim your prize", "cash prize", "a chance to win", "giveaway", "winner!",
    and money for nothing ("earn real money", "free gift card codes"). A post about who won a
    match, or congratulating a friend, is not prize bait.

Why is this bad?
    Telling readers they may win, or have won, is how giveaways buy reach and how scams
    start. Either way the post is there to make people act, not to say something.

Example:
    URGENT! You have won a 1 week FREE membership in our £100,000 Prize Jackpot!

Use instead:
    We drew the raffle at the fair today: the quilt went to a very happy Mrs. Okafor.
"""

from salesy.doc import Doc, Phrases

ID = "SL116"
NAME = "prize-bait"
CATEGORY = "promotion"
NOUN = ("prize bait", "prize bait")
MESSAGE = "Prize bait: telling readers they may win or have won is a lure, not a post."
SUGGESTION = "If you run a giveaway, say what it is for and keep the rules in a reply."

MATCHER = Phrases(
    [
        "you have won",
        "you've won",
        "you won a",
        "you won the",
        "u have won",
        "you are a winner",
        "you're a winner",
        "you are the winner",
        "you have been selected",
        "you've been selected",
        "you have been chosen",
        "you've been chosen",
        "you are selected",
        "has been selected to receive",
        "selected to receive",
        "claim your prize",
        "claim your reward",
        "claim your gift",
        "claim your cash",
        "claim your voucher",
        "claim your free",
        "claim ur prize",
        "to claim your",
        "to claim ur",
        "prize jackpot",
        "won a prize",
        "a guaranteed prize",
        "you are awarded",
        "you have been awarded",
        "claim code",
        "cash prize",
        "guaranteed {price}",
        "{price} prize",
        "chance to win",
        "your chance to win",
        "a chance to win",
        "to win a",
        "to win an",
        "to win {price}",
        "win a free",
        "win a brand new",
        "win an iphone",
        "win a trip",
        "win {price}",
        "giveaway",
        "our giveaway",
        "we're giving away",
        "we are giving away",
        "i'm giving away",
        "#giveaway",
        "#contest",
        "raffle ticket",
        "lucky winner",
        "lucky winners",
        "winners will be",
        "winner will be",
        "winner announced",
        "free entry",
        "enter to win",
        "entry into our",
        "draw to win",
        "prize draw",
        # Money for nothing is the same lure: "earn real money", "free gift card codes".
        "earn money",
        "earn real money",
        "earn free money",
        "earn extra money",
        "earn easy money",
        "easy money",
        "make money online",
        "money from home",
        "free gift card",
        "free gift cards",
        "free giftcard",
        "free giftcards",
        "gift card codes",
        "giftcard codes",
    ]
)

FLAG = [
    "URGENT! You have won a 1 week FREE membership in our £100,000 Prize Jackpot!",
    "Congratulations, you've been selected to receive a $500 gift card. Claim your reward.",
    "Huge giveaway this weekend 🎁 enter to win",
    "Earn real money from home with this game: example.com/play",
]
PASS = [
    "We won the match 3-1, what a night",
    "Congrats to the winner of the chess club final, well played Sam",
    "I won't be at the party, sorry",
    "Airlines make money on bag fees, not on tickets",
]


def detect(doc: Doc, config: dict[str, object]) -> list[tuple[int, int]]:
    return MATCHER.spans(doc)
