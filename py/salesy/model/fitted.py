"""Weights and thresholds fitted by `salesy train` (generated: run `make train`, never edit).

Placeholder: the hand-picked weights, until the first fit is written.
"""

RULES = {
    "SL101": 30,
    "SL102": 10,
    "SL103": 25,
    "SL104": 20,
    "SL105": 15,
    "SL106": 10,
    "SL107": 10,
    "SL108": 15,
    "SL109": 10,
    "SL110": 30,
    "SL111": 25,
    "SL112": 15,
    "SL113": 20,
    "SL114": 30,
    "SL201": 35,
    "SL202": 35,
    "SL203": 25,
    "SL301": 30,
    "SL302": 25,
    "SL303": 20,
    "SL401": 25,
    "SL402": 20,
    "SL403": 15,
    "SL404": 20,
    "SL405": 20,
}
THRESHOLDS = {"promotion": 30, "pure_ad": 30, "value": 20, "value_share": 40}
VALUE_CAP = 100
WORDS = ""
WORD_WEIGHTS = b""
WORDING = {"scale": 100, "min_words": 4}
DATA: list[dict[str, object]] = []
