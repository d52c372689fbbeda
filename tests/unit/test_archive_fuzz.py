"""Fuzzed archives: whatever a file holds, reading it gives posts or one clear ArchiveError
naming the file, never another exception (the popup keeps the history either way)."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from salesy.archive import ArchiveError, read
from salesy.protocol import handle

GOOD = "window.YTD.tweets.part0 = " + json.dumps(
    [
        {
            "tweet": {
                "id_str": "1",
                "full_text": "BUY NOW 50% off! https://t.co/x",
                "created_at": "Wed Oct 10 20:19:24 +0000 2018",
                "entities": {"urls": [{"url": "https://t.co/x", "expanded_url": "https://a.io"}]},
            }
        },
        {
            "tweet": {
                "id_str": "2",
                "full_text": "RT @ana: hello",
                "created_at": "Thu Oct 11 08:00:00 +0000 2018",
                "in_reply_to_status_id_str": "7",
            }
        },
    ]
)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12,
)


def read_or_refuse(name: str, text: object) -> None:
    try:
        found = read([(name, text)])
    except ArchiveError as error:
        assert str(error).startswith(name + ": "), error
        assert "\n" not in str(error)
        return
    assert isinstance(found["posts"], list)


@settings(max_examples=300, deadline=None)
@given(st.integers(0, len(GOOD)), st.integers(0, 40), st.text(max_size=20))
def test_a_cut_or_spliced_archive_is_read_or_refused(at: int, cut: int, insert: str) -> None:
    read_or_refuse("tweets.js", GOOD[:at] + insert + GOOD[at + cut :])


@settings(max_examples=300, deadline=None)
@given(json_values)
def test_any_json_after_the_prefix_is_read_or_refused(value: object) -> None:
    read_or_refuse("tweets.js", "window.YTD.tweets.part0 = " + json.dumps(value))


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.fixed_dictionaries(
            {
                "tweet": st.dictionaries(
                    st.sampled_from(
                        [
                            "id_str",
                            "full_text",
                            "created_at",
                            "entities",
                            "in_reply_to_status_id_str",
                            "retweeted",
                        ]
                    ),
                    json_values,
                    max_size=6,
                )
            }
        ),
        max_size=5,
    )
)
def test_posts_with_odd_fields_are_read_or_refused(items: list[object]) -> None:
    read_or_refuse("tweets.js", "window.YTD.tweets.part0 = " + json.dumps(items))


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=64) | st.text(max_size=64) | json_values)
def test_the_engine_request_answers_an_error_not_a_crash(data: object) -> None:
    text = data.decode("latin-1") if isinstance(data, bytes) else data
    answer = handle({"type": "archive", "files": [{"name": "tweets.js", "text": text}]})
    assert answer["ok"] is True, answer
    result = answer["result"]
    assert isinstance(result, dict) and ("error" in result or "posts" in result)
