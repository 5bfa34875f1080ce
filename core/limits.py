"""Each platform's limits on a post's text, in one table, and how each platform counts.

The numbers are the platforms' published limits (checked November 2026); update `LIMITS`
when a platform changes one. X counts characters its own way (twitter-text's weighted
length): every URL counts as 23, and characters outside the Latin, general punctuation and
similar ranges (emoji, CJK) count as 2. A YouTube variant's first line is the video's title,
the rest its description.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from core.i18n import _


@dataclass(frozen=True)
class Limit:
    #: The most characters the text may have (None: no limit we know of).
    text: int | None
    #: The most hashtags (None: no limit).
    hashtags: int | None = None
    #: YouTube: the title (the first line) and the description (the rest) have their own limits.
    title: int | None = None
    #: Where the platform folds a long text behind "… more" in the feed: characters, lines.
    fold_chars: int | None = None
    fold_lines: int | None = None
    #: The first image's shape in the feed, width / height (Instagram: 4:5 portrait at most).
    image_ratio: tuple[int, int] = (1, 1)
    #: How the text is counted: "chars" (code points) or "x" (X's weighted length).
    counting: str = "chars"


LIMITS: dict[str, Limit] = {
    "x": Limit(text=280, fold_chars=None, image_ratio=(16, 9), counting="x"),
    "instagram": Limit(text=2200, hashtags=30, fold_chars=125, image_ratio=(4, 5)),
    "facebook": Limit(text=63206, fold_chars=480, fold_lines=3, image_ratio=(1, 1)),
    "youtube": Limit(text=5000, title=100, image_ratio=(16, 9)),
    "tiktok": Limit(text=2200, fold_chars=80, image_ratio=(9, 16)),
    "other": Limit(text=None),
}

#: What X counts a link as, whatever its length (t.co wraps every link).
X_URL_LENGTH = 23

_URL = re.compile(
    r"(?:https?://|www\.)[^\s<>\"']+"
    r"|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|id|org|net|co|io|ly|me)\b(?![.\w-]*\w)"
    r"(?:/[^\s<>\"']*)?",
    re.IGNORECASE,
)
# Punctuation right after a link ends the sentence, not the link (as twitter-text reads it).
_TRAILING = ".,;:!?)]}'\"…"
_HASHTAG = re.compile(r"(?<![\w&])#(\w+)", re.UNICODE)
# twitter-text's v3 configuration: these code point ranges weigh 1, all others 2.
_X_LIGHT = ((0, 4351), (8192, 8205), (8208, 8223), (8242, 8247))
_JOINERS = {0x200D, 0xFE0F, 0xFE0E}
# Marks that belong to the character before them: the keycap (1️⃣), skin tones, tag letters
# (the subdivision flags' England, Scotland, Wales).
_PART_OF_PREVIOUS = ((0x1F3FB, 0x1F3FF), (0xE0020, 0xE007F))
_KEYCAP = 0x20E3  # makes the digit before it an emoji: 2 in all


def limit(platform: str) -> Limit:
    return LIMITS.get(platform, LIMITS["other"])


def _links(text: str) -> list[tuple[int, int]]:
    """Where the links are: (start, end), with punctuation after a link left out."""
    found = []
    for match in _URL.finditer(text):
        end = match.end()
        while end > match.start() and text[end - 1] in _TRAILING:
            if text[end - 1] == ")" and "(" in text[match.start() : end - 1]:
                break  # a link that has its own brackets (Wikipedia's)
            end -= 1
        found.append((match.start(), end))
    return found


def urls(text: str) -> list[str]:
    return [text[start:end] for start, end in _links(text)]


def hashtags(text: str) -> list[str]:
    return _HASHTAG.findall(text)


def _x_weight(segment: str) -> int:
    total = 0
    previous_joined = False
    for char in segment:
        code = ord(char)
        if code in _JOINERS:
            previous_joined = code == 0x200D
            continue
        if code == _KEYCAP:
            total += 1  # the digit counted 1; a keycap emoji counts 2
            continue
        if (
            previous_joined
            or unicodedata.combining(char)
            or any(low <= code <= high for low, high in _PART_OF_PREVIOUS)
        ):
            previous_joined = False
            continue  # part of the emoji before it (a ZWJ sequence, a skin tone, an accent)
        if 0x1F1E6 <= code <= 0x1F1FF:
            total += 1  # a regional indicator: two make one flag, which weighs 2
            continue
        total += 1 if any(low <= code <= high for low, high in _X_LIGHT) else 2
    return total


def length(platform: str, text: str) -> int:
    """The text's length as the platform counts it."""
    if limit(platform).counting != "x":
        return len(text)
    total, position = 0, 0
    for start, end in _links(text):
        total += _x_weight(text[position:start]) + X_URL_LENGTH
        position = end
    return total + _x_weight(text[position:])


def compose(text: str, tags: str) -> str:
    """The text as it goes out: the variant's text, then its hashtags on a line of their own."""
    text, tags = text.strip(), tags.strip()
    return f"{text}\n\n{tags}" if text and tags else text or tags


@dataclass(frozen=True)
class Count:
    """A text measured against its platform's limit: what the editor's counter shows."""

    used: int
    allowed: int | None
    hashtags: int
    hashtags_allowed: int | None
    #: YouTube: the title's length and limit.
    title_used: int | None = None
    title_allowed: int | None = None

    @property
    def over(self) -> bool:
        return bool(self.problems())

    def problems(self) -> list[str]:
        found = []
        if self.allowed is not None and self.used > self.allowed:
            found.append(
                _("{used} characters, {over} over the limit of {allowed}").format(
                    used=self.used, over=self.used - self.allowed, allowed=self.allowed
                )
            )
        if self.hashtags_allowed is not None and self.hashtags > self.hashtags_allowed:
            found.append(
                _("{used} hashtags, more than the {allowed} allowed").format(
                    used=self.hashtags, allowed=self.hashtags_allowed
                )
            )
        if (
            self.title_allowed is not None
            and self.title_used is not None
            and self.title_used > self.title_allowed
        ):
            found.append(
                _("the title (first line) has {used} characters, more than {allowed}").format(
                    used=self.title_used, allowed=self.title_allowed
                )
            )
        return found


def count(platform: str, text: str, tags: str = "") -> Count:
    """Measure a variant (its text and hashtags, as they go out) against the platform's limits."""
    rule = limit(platform)
    full = compose(text, tags)
    if rule.title is not None:
        title, _newline, body = full.partition("\n")
        return Count(
            length(platform, body.strip()),
            rule.text,
            len(hashtags(full)),
            rule.hashtags,
            length(platform, title.strip()),
            rule.title,
        )
    return Count(length(platform, full), rule.text, len(hashtags(full)), rule.hashtags)


def folded(platform: str, text: str) -> tuple[str, bool]:
    """What the feed shows before "… more": the text up to the fold, and whether it is cut."""
    rule = limit(platform)
    shown, cut = text, False
    if rule.fold_lines is not None:
        lines = shown.split("\n")
        if len(lines) > rule.fold_lines:
            shown, cut = "\n".join(lines[: rule.fold_lines]), True
    if rule.fold_chars is not None and len(shown) > rule.fold_chars:
        shown, cut = shown[: rule.fold_chars].rstrip(), True
    return shown, cut
