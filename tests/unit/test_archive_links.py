"""Links in an archive are expanded once each, over the original text, and capped (issue 15,
point 3): replacing every occurrence of every short link in turn let an archive of a few
hundred bytes grow exponentially (each expansion holding the next link twice)."""

from __future__ import annotations

import json

from salesy import archive
from salesy.protocol import handle

AT = "Wed Oct 10 20:19:24 +0000 2018"


def tweets_js(*tweets: dict[str, object]) -> str:
    return "window.YTD.tweets.part0 = " + json.dumps([{"tweet": t} for t in tweets])


def tweet(text: str, urls: list[dict[str, object]], media: object = None) -> dict[str, object]:
    entities: dict[str, object] = {"urls": urls}
    if media is not None:
        entities["media"] = media
    return {"id_str": "1", "full_text": text, "created_at": AT, "entities": entities}


def test_an_exploding_archive_expands_each_link_once() -> None:
    levels = 18
    urls = [
        {"url": f"https://t.co/{i}", "expanded_url": f"https://t.co/{i + 1} https://t.co/{i + 1}"}
        for i in range(levels)
    ]
    text = tweets_js(tweet("see https://t.co/0", urls))
    assert len(text) < 3000
    (post,) = archive.read_file(text)["posts"]  # type: ignore[misc]
    # The one link in the text became what X says it stands for; nothing else was expanded.
    assert post["text"] == "see https://t.co/1 https://t.co/1"


def test_indices_say_which_occurrence_is_the_link() -> None:
    text = "https://t.co/x is the link, not https://t.co/x"
    start = text.rindex("https://t.co/x")
    urls = [
        {
            "url": "https://t.co/x",
            "expanded_url": "https://shop.example.com/x",
            "indices": [str(start), str(start + 14)],  # archives write them as strings
        }
    ]
    (post,) = archive.read_file(tweets_js(tweet(text, urls)))["posts"]  # type: ignore[misc]
    assert post["text"] == "https://t.co/x is the link, not https://shop.example.com/x"


def test_wrong_indices_fall_back_to_the_next_occurrence_and_entities_are_unescaped() -> None:
    text = "Beans &amp; cups: https://t.co/a and https://t.co/b https://t.co/m"
    urls = [
        {"url": "https://t.co/a", "expanded_url": "https://a.example", "indices": [0, 5]},
        {"url": "https://t.co/b", "display_url": "b.example/…"},
    ]
    media = [{"url": "https://t.co/m", "indices": ["999", "1013"]}]
    (post,) = archive.read_file(tweets_js(tweet(text, urls, media)))["posts"]  # type: ignore[misc]
    assert post["text"] == "Beans & cups: https://a.example and b.example/…"


def test_odd_entities_are_ignored_not_a_crash() -> None:
    for entities in (5, {"urls": 7, "media": "x"}, {"urls": [None, {"url": 3}, {"url": ""}]}):
        text = tweets_js({"id_str": "1", "full_text": "hi", "created_at": AT, "entities": entities})
        (post,) = archive.read_file(text)["posts"]  # type: ignore[misc]
        assert post["text"] == "hi"


def test_the_expanded_text_is_capped() -> None:
    long = "https://example.com/" + "a" * 5000
    urls = [{"url": f"https://t.co/{i}", "expanded_url": long} for i in range(200)]
    text = " ".join(f"https://t.co/{i}" for i in range(200))
    (post,) = archive.read_file(tweets_js(tweet(text, urls)))["posts"]  # type: ignore[misc]
    assert len(post["text"]) <= archive.MAX_POST_TEXT  # type: ignore[arg-type]
    assert post["text"].startswith("https://example.com/aaa")  # type: ignore[union-attr]


def test_the_browser_import_reads_a_file_in_slices_as_the_cli_reads_it_whole() -> None:
    """The popup parses the file (JSON.parse) and the engine reads its items a slice at a
    time: the same posts as reading the file in one go."""
    tweets = [
        {"id_str": str(i), "full_text": f"post {i} https://t.co/{i}", "created_at": AT}
        | {
            "entities": {
                "urls": [{"url": f"https://t.co/{i}", "expanded_url": f"https://x.io/{i}"}]
            }
        }
        for i in range(10)
    ] + [{"full_text": "RT @ana: hers", "id_str": "99", "created_at": AT}, {"nope": 1}]
    text = tweets_js(*tweets)
    whole = archive.read_file(text)
    head = handle({"type": "archive-head", "name": "tweets.js", "head": text[:300]})["result"]
    assert head == {"kind": "tweets", "part": "0", "label": "window.YTD.tweets.part0"}
    items = json.loads(text.split("=", 1)[1])
    posts: list[object] = []
    reposts = skipped = 0
    for start in range(0, len(items), 5):
        part = handle(
            {
                "type": "archive-items",
                "name": "tweets.js",
                **head,
                "items": items[start : start + 5],
            }
        )["result"]
        posts += part["posts"]
        reposts += part["reposts"]
        skipped += part["skipped"]
    assert posts == whole["posts"]
    assert (reposts, skipped) == (whole["reposts"], whole["skipped"]) == (1, 1)


def test_the_browser_import_says_what_is_wrong_with_a_file() -> None:
    def head(name: str, text: str, parse_error: str | None = None) -> str:
        request = {"type": "archive-head", "name": name, "head": text, "parse_error": parse_error}
        return str(handle(request)["result"].get("error"))

    assert "holds your likes" in head("like.js", "window.YTD.like.part0 = [")
    assert "plain JSON" in head("x.json", '[{"a": 1}]')
    assert "is not valid JSON (Unexpected end)" in head(
        "tweets.js", "window.YTD.tweets.part0 = [", "Unexpected end"
    )
    done = handle(
        {"type": "archive-file-done", "name": "tweets.js", "items": 3, "posts": 0, "skipped": 3}
    )
    assert "none of its 3 items reads as a post" in done["result"]["error"]
    items = handle(
        {"type": "archive-items", "name": "t.js", "kind": "tweets", "label": "L", "items": None}
    )
    assert "should be a list of posts" in items["result"]["error"]
