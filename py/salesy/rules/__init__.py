"""The rule registry: one module per rule, listed here by hand.

MicroPython has no pkgutil or importlib.resources, so the list is explicit; a unit test
checks that it names exactly the files in this folder, in id order.
"""

from salesy.rules import (
    sl101_call_to_action,
    sl102_price,
    sl103_discount,
    sl104_free_offer,
    sl105_urgency,
    sl106_hype,
    sl107_shouting,
    sl108_hashtag_pile,
    sl109_emoji_pile,
    sl110_link_only,
    sl111_email_list,
    sl112_team_terms,
    sl113_announcement,
    sl114_sponsored,
    sl201_follow_begging,
    sl202_engagement_bait,
    sl203_mass_mention,
    sl301_undisclosed_tie,
    sl302_vague_disclosure,
    sl303_buried_ad,
    sl401_personal_voice,
    sl402_question,
    sl403_conversation,
    sl404_credit,
    sl405_substance,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from types import ModuleType

    from salesy.doc import Doc

    Detect = Callable[[Doc, dict[str, object]], list[tuple[int, int]]]

MODULES = (
    sl101_call_to_action,
    sl102_price,
    sl103_discount,
    sl104_free_offer,
    sl105_urgency,
    sl106_hype,
    sl107_shouting,
    sl108_hashtag_pile,
    sl109_emoji_pile,
    sl110_link_only,
    sl111_email_list,
    sl112_team_terms,
    sl113_announcement,
    sl114_sponsored,
    sl201_follow_begging,
    sl202_engagement_bait,
    sl203_mass_mention,
    sl301_undisclosed_tie,
    sl302_vague_disclosure,
    sl303_buried_ad,
    sl401_personal_voice,
    sl402_question,
    sl403_conversation,
    sl404_credit,
    sl405_substance,
)

CATEGORIES = ("promotion", "engagement", "disclosure", "value")


class Rule:
    """A rule module's metadata and detect(), typed once so the engine need not guess."""

    def __init__(self, module: "ModuleType") -> None:
        self.module = module
        self.ID: str = module.ID
        self.NAME: str = module.NAME
        self.CATEGORY: str = module.CATEGORY
        self.MESSAGE: str = module.MESSAGE
        self.SUGGESTION: str = module.SUGGESTION
        self.WEIGHT: int = module.WEIGHT
        self.NOUN: tuple[str, str] = module.NOUN
        self.FLAG: list[str] = module.FLAG
        self.PASS: list[str] = module.PASS
        self.DOC: str = module.__doc__ or ""
        # The config a rule's examples run with (team terms need one); None for defaults.
        self.CONFIG: dict[str, object] | None = getattr(module, "CONFIG", None)
        self.detect: Detect = module.detect

    def __repr__(self) -> str:
        return "Rule(" + self.ID + " " + self.NAME + ")"


RULES = tuple(Rule(module) for module in MODULES)
BY_ID = {rule.ID: rule for rule in RULES}


def select(prefix: str) -> list[Rule]:
    """Rules whose id or slug starts with prefix, as ruff selects by code prefix ("SL1")."""
    wanted = prefix.upper()
    return [r for r in RULES if r.ID.startswith(wanted) or prefix.lower() == r.NAME]
