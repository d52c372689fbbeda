"""Every word a user reads in the extension comes from _locales/en/messages.json (chrome.i18n),
so a translator adds a language by adding a folder: the manifest's name and description, the
pages' HTML text (data-i18n) and the strings the scripts build (t("key", ...))."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXTENSION = ROOT / "extension"
MESSAGES = json.loads((EXTENSION / "_locales/en/messages.json").read_text(encoding="utf-8"))
MANIFEST = json.loads((ROOT / "manifest.json").read_text(encoding="utf-8"))
PAGES = sorted(EXTENSION.rglob("*.html"))
SCRIPTS = sorted(p for p in EXTENSION.rglob("*.js") if "vendor" not in p.parts)
# Text that is the same in every language: the product's name, symbols.
UNTRANSLATED = {"Salesy", "%", "×", "–", "·"}


class Texts(HTMLParser):
    """Collects (key, English) for data-i18n elements and attributes, and loose text."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[list] = []  # [tag, key, text, has_children]
        self.keyed: list[tuple[str, str]] = []
        self.loose: list[str] = []
        self.parents_of_keyed_children: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        given = dict(attrs)
        for name, key in given.items():
            if name.startswith("data-i18n-") and key:
                self.keyed.append((key, given.get(name.removeprefix("data-i18n-")) or ""))
        if self.stack:
            self.stack[-1][3] = True
        if tag not in {"input", "br", "img", "meta", "link", "source"}:
            self.stack.append([tag, given.get("data-i18n"), "", False])

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            name, key, text, has_children = self.stack.pop()
            if key:
                self.keyed.append((key, " ".join(text.split())))
                if has_children:
                    self.parents_of_keyed_children.append(key)
            elif self.stack:
                self.stack[-1][2] += text
            if name == tag:
                break

    def handle_data(self, data: str) -> None:
        if not self.stack or self.stack[-1][0] in {"style", "script", "py-config"}:
            return
        keyed = any(frame[1] for frame in self.stack)
        words = re.search(r"[^\W\d_]", data) and data.strip() not in UNTRANSLATED
        if not keyed and words and not (self.stack[-1][0] == "title" and data.strip() == "Salesy"):
            self.loose.append(data.strip())
        self.stack[-1][2] += data


def _texts(page: Path) -> Texts:
    texts = Texts()
    texts.feed(page.read_text(encoding="utf-8"))
    return texts


def test_the_manifest_names_itself_through_the_default_locale() -> None:
    assert MANIFEST["default_locale"] == "en"
    for field in (MANIFEST["name"], MANIFEST["description"], MANIFEST["action"]["default_title"]):
        key = re.fullmatch(r"__MSG_(\w+)__", field)
        assert key and key.group(1) in MESSAGES, field
    assert len(MESSAGES["ext_description"]["message"]) <= 132  # the store's summary limit


def test_every_message_is_well_formed() -> None:
    for key, entry in MESSAGES.items():
        assert re.fullmatch(r"[A-Za-z0-9_]+", key), key
        assert isinstance(entry.get("message"), str) and entry["message"].strip(), key
        # chrome.i18n replaces $1-$9; a lone "$" before a digit beyond that would be lost.
        assert all(int(n) <= 9 for n in re.findall(r"\$(\d+)", entry["message"])), key
        # "$NAME$" is a named placeholder, and Chrome refuses to load the extension when one
        # is not defined: "$2$3" reads as the placeholder "2" (use names for such messages).
        named = {name.lower() for name in re.findall(r"\$([A-Za-z0-9_@]+)\$", entry["message"])}
        assert named <= set(entry.get("placeholders", {})), key


def test_the_pages_say_in_english_what_the_messages_say() -> None:
    for page in PAGES:
        texts = _texts(page)
        for key, english in texts.keyed:
            assert key in MESSAGES, f"{page.name}: no message {key}"
            assert MESSAGES[key]["message"] == english, f"{page.name}: {key}"
        # Localising an element replaces its text: it must hold no other element.
        assert texts.parents_of_keyed_children == [], page.name


def test_no_page_has_words_outside_a_message() -> None:
    # The engine's pages are offscreen and sandboxed: no one sees them.
    for page in (p for p in PAGES if "engine" not in p.parts):
        assert _texts(page).loose == [], page.name


CALLS = re.compile(r"\bt\(\s*\"(\w+)\"|plural\([^,]+,\s*\"(\w+)\",\s*\"(\w+)\"")


def test_every_message_the_scripts_ask_for_exists() -> None:
    asked = set()
    for script in SCRIPTS:
        for match in CALLS.finditer(script.read_text(encoding="utf-8")):
            asked.update(key for key in match.groups() if key)
    assert asked, "the scripts ask for no message at all"
    assert sorted(asked - MESSAGES.keys()) == []


def test_every_message_is_used() -> None:
    sources = [p.read_text(encoding="utf-8") for p in [*PAGES, *SCRIPTS]]
    sources.append(json.dumps(MANIFEST))
    unused = [
        key
        for key in MESSAGES
        if not any(f'"{key}"' in s or f"__MSG_{key}__" in s for s in sources)
    ]
    assert unused == []


# A literal English sentence given straight to the page: text, a tooltip or a label.
LITERAL_UI_TEXT = re.compile(
    r"""(?:textContent|title|placeholder|innerText)\s*=\s*(["'`])[^"'`$]*[A-Za-z]{2}"""
    r"""|setAttribute\(\s*"(?:aria-label|title|placeholder)",\s*(["'`])[^"'`$]*[A-Za-z]{2}"""
)


def test_no_script_writes_english_into_the_page() -> None:
    found = [
        f"{script.relative_to(EXTENSION)}: {match.group(0)}"
        for script in SCRIPTS
        for match in LITERAL_UI_TEXT.finditer(script.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_the_verdict_labels_have_one_map_for_the_pages_and_one_for_the_content_scripts() -> None:
    """The pages take a verdict's label from ui/verdict.js, the content scripts from their
    i18n twin: a second copy of the map would drift (it had, four times)."""
    for key in ("verdict_ok", "verdict_promotional", "verdict_pure_ad", "verdict_a_pure_ad"):
        holders = sorted(
            str(script.relative_to(EXTENSION))
            for script in SCRIPTS
            if f'"{key}"' in script.read_text(encoding="utf-8")
        )
        pages_only = key == "verdict_a_pure_ad"  # no content script says "a pure ad"
        assert holders == (
            ["ui/verdict.js"] if pages_only else ["content/i18n.js", "ui/verdict.js"]
        )
