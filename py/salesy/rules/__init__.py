"""The rule registry: one module per rule, listed here by hand.

MicroPython has no pkgutil or importlib.resources, so the list is explicit; a unit test
checks that it names exactly the files in this folder, in id order.
"""

from salesy.model import fitted
from salesy.rules import (
    sl101_call_to_action,
    sl102_price,
    sl103_discount,
    sl104_offer,
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
    sl115_contact_channel,
    sl116_prize,
    sl117_opt_out,
    sl118_reader_address,
    sl119_ad_wording,
    sl201_follow_begging,
    sl202_engagement_bait,
    sl203_mass_mention,
    sl204_subscribe_begging,
    sl205_support_begging,
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

    Spans = list[tuple[int, int]]
    Detect = Callable[[Doc, dict[str, object]], Spans]
    Grade = Callable[[Doc, dict[str, object]], tuple[int, Spans]]

MODULES = (
    sl101_call_to_action,
    sl102_price,
    sl103_discount,
    sl104_offer,
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
    sl115_contact_channel,
    sl116_prize,
    sl117_opt_out,
    sl118_reader_address,
    sl119_ad_wording,
    sl201_follow_begging,
    sl202_engagement_bait,
    sl203_mass_mention,
    sl204_subscribe_begging,
    sl205_support_begging,
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
        # The weight is fitted on labelled posts (salesy train), never picked by hand, except
        # for a rule whose hits only a user's config defines (team terms): FIXED_WEIGHT says it.
        self.FIXED: int | None = getattr(module, "FIXED_WEIGHT", None)
        self.WEIGHT: int = fitted.RULES.get(module.ID, self.FIXED or 0)
        # A graded rule's detect() returns (level 0-100, spans): it counts that share of its
        # weight (the wording rule); any other rule counts in full once it finds a span.
        self.GRADED: bool = getattr(module, "GRADED", False)
        self.NOUN: tuple[str, str] = module.NOUN
        self.FLAG: list[str] = module.FLAG
        self.PASS: list[str] = module.PASS
        self.DOC: str = module.__doc__ or ""
        # The config a rule's examples run with (team terms need one); None for defaults.
        self.CONFIG: dict[str, object] | None = getattr(module, "CONFIG", None)
        self.detect: Detect = module.detect

    def run(self, doc: "Doc", config: dict[str, object]) -> "tuple[int, Spans]":
        """(level 0-100, spans): how much of its weight the rule counts, and where."""
        if self.GRADED:
            grade: Grade = self.module.detect
            return grade(doc, config)
        spans = list(self.detect(doc, config))
        return (100 if spans else 0), spans

    def __repr__(self) -> str:
        return "Rule(" + self.ID + " " + self.NAME + ")"


RULES = tuple(Rule(module) for module in MODULES)
BY_ID = {rule.ID: rule for rule in RULES}


def select(prefix: str) -> list[Rule]:
    """Rules whose id or slug starts with prefix, as ruff selects by code prefix ("SL1")."""
    wanted = prefix.upper()
    return [r for r in RULES if r.ID.startswith(wanted) or prefix.lower() == r.NAME]
