"""Property: any mutation of a valid config is accepted or rejected with errors, never raises."""

import copy
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from salesy import config
from salesy.protocol import handle

VALID = {
    "salesy": 1,
    "name": "Acme social",
    "description": "One voice",
    "extends": "salesy:strict",
    "rules": {"SL101": {"enabled": True, "weight": 30}, "SL106": False},
    "thresholds": {"promotion": 30, "value": 20, "value_share": 40},
    "terms": {"promotion": ["Acme Cloud"], "allow": ["free software"]},
    "balance": {"target": "80/20", "window": 50},
    "examples": {"flag": ["Acme Cloud: buy now, 20% off"], "pass": ["I fixed my bike today"]},
}

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**12), 10**12)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=12,
)


def paths(doc: object, prefix: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    found = [prefix]
    if isinstance(doc, dict):
        for key, value in doc.items():
            found += paths(value, (*prefix, key))
    elif isinstance(doc, list):
        for index, value in enumerate(doc):
            found += paths(value, (*prefix, index))
    return found


ALL_PATHS = paths(VALID)
KEYS = st.sampled_from(
    [*config.TOP_KEYS, "SL101", "SL999", "enabled", "weight", "flag", "pass", "allow", "x"]
)


@st.composite
def mutated(draw: st.DrawFn) -> object:
    doc: object = copy.deepcopy(VALID)
    for _ in range(draw(st.integers(1, 4))):
        path = draw(st.sampled_from(ALL_PATHS))
        action = draw(st.sampled_from(["replace", "delete", "add"]))
        if not path:
            if action == "replace":
                doc = draw(json_values)
            continue
        parent: object = doc
        try:
            for step in path[:-1]:
                parent = parent[step]  # type: ignore[index]
            if action == "replace":
                parent[path[-1]] = draw(json_values)  # type: ignore[index]
            elif action == "delete":
                del parent[path[-1]]  # type: ignore[attr-defined]
            elif isinstance(parent, dict):
                parent[draw(KEYS)] = draw(json_values)
            elif isinstance(parent, list):
                parent.append(draw(json_values))
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed or reshaped this path
    return doc


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutations_are_accepted_or_rejected_never_raise(doc: object) -> None:
    merged, errors = config.validate(doc)
    assert isinstance(errors, list) and all(isinstance(e, str) and ": " in e for e in errors)
    # whatever came in, what goes out is a config the engine can use, and it is JSON
    assert json.loads(json.dumps(merged)) == merged
    again, second = config.validate(merged)
    assert again == merged
    assert all(e.startswith("examples.") for e in second)
    # the share code and the engine's protocol cope with it too
    decoded, problems = config.decode_share(config.encode_share(merged))
    assert problems == [] and config.merge(decoded) == config.merge(merged)
    assert handle({"type": "config-inspect", "doc": doc})["ok"] is True


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_any_pasted_text_is_a_clear_error_or_a_config(text: str) -> None:
    doc, errors = config.decode_share(text)
    assert (doc is None) == bool(errors)
    doc, errors = config.parse(text)
    assert (doc is None and errors) or not errors
