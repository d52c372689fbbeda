"""Share codes: a compact, chat-safe text form of a config that round-trips exactly."""

import pytest

from salesy import config
from salesy.config import share

TEAM = {
    "salesy": 1,
    "name": "Équipe 😀",
    "rules": {"SL106": False, "SL101": {"weight": 45}},
    "terms": {"promotion": ["Acme Cloud", "Widget™"], "allow": ["free software"]},
    "balance": {"target": 25},
    "examples": {"flag": ["Acme Cloud: 20% off today"], "pass": ["Thanks @ana for the fix!"]},
}


def test_round_trip_gives_the_same_config() -> None:
    merged = config.merge(TEAM)
    code = config.encode_share(merged)
    doc, errors = config.decode_share(code)
    assert errors == []
    assert config.merge(doc) == merged


def test_code_uses_only_chat_safe_characters() -> None:
    code = config.encode_share(config.merge(TEAM))
    assert code.startswith("SALESY1-")
    assert set(code) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567-0123456789")


def test_defaults_make_a_short_code() -> None:
    assert len(config.encode_share(config.defaults())) < 40


def test_survives_wrapping_case_and_links() -> None:
    code = config.encode_share(config.merge(TEAM))
    wrapped = "\n".join(code[i : i + 60] for i in range(0, len(code), 60))
    assert config.decode_share("  " + wrapped.lower() + "\n")[1] == []
    link = "chrome-extension://abc/options/options.html#config=" + code
    assert config.decode_share(link)[1] == []


@pytest.mark.parametrize(
    ("mangle", "error"),
    [
        (lambda c: "", "share code: empty; paste a code that starts with SALESY1"),
        (lambda c: "hello", "share code: not a Salesy share code (it starts with SALESY1-)"),
        (
            lambda c: c.rsplit("-", 1)[0],
            "share code: incomplete; copy the whole code, up to its last part",
        ),
        (
            lambda c: c[:20] + c[30:],
            "share code: damaged (its checksum does not match); copy it again in full",
        ),
        (
            lambda c: c[:-1] + ("0" if c[-1] != "0" else "1"),
            "share code: damaged (its checksum does not match); copy it again in full",
        ),
    ],
)
def test_damaged_codes_are_refused_clearly(mangle, error) -> None:  # type: ignore[no-untyped-def]
    code = config.encode_share(config.merge(TEAM))
    doc, errors = config.decode_share(mangle(code))
    assert doc is None
    assert errors == [error]


def test_a_code_holding_bad_json_is_an_error_not_an_exception() -> None:
    payload = share._b32encode(b'{"salesy": ')
    code = "SALESY1-" + payload + "-" + share._checksum(payload)
    doc, errors = config.decode_share(code)
    assert doc is None and errors[0].startswith("(file): not valid JSON")
