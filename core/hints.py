"""Register hints: simple, explainable checks of a post's text for its platform, shown while
writing: length against the platform's fold or sweet spot, hashtags, emoji, words in
capitals, very long sentences, stiff formal phrases on informal platforms, and words the
persona avoids. Each hint says what it found and why it may matter; they advise, and only
the reviewer decides. The thresholds are our house rules (`STYLES`), one table to adjust.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from core import accounts, limits
from core.i18n import _


@dataclass(frozen=True)
class Style:
    """Where a platform's text reads best (our house thresholds; each hint says its reason)."""

    #: Hashtags beyond this many look like spam (Instagram advises 3–5, YouTube shows 3).
    hashtags: int
    #: Emoji beyond this many make an official account read like a personal one.
    emoji: int
    #: X: the length conversational posts stay under (the platform allows 280).
    short: int | None = None
    #: YouTube: search results cut a title after about this many characters.
    title: int | None = None


STYLES = {
    "x": Style(hashtags=2, emoji=3, short=200),
    "instagram": Style(hashtags=5, emoji=5),
    "facebook": Style(hashtags=2, emoji=3),
    "youtube": Style(hashtags=3, emoji=3, title=70),
    "tiktok": Style(hashtags=5, emoji=5),
}
#: Platforms where stiff official phrasing reads out of place.
INFORMAL = ("x", "instagram", "tiktok")
#: A sentence longer than this many words is hard to read on a phone.
LONG_SENTENCE = 25
#: This many words in capitals in a row read as shouting (one acronym does not).
CAPS_RUN = 3

_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")
_TAG_OR_MENTION = re.compile(r"[#@]\w+|(?:https?://|www\.)\S+", re.UNICODE)


@dataclass(frozen=True)
class Hint:
    #: "length", "hashtags", "emoji", "caps", "sentence", "formal" or "avoid".
    rule: str
    message: str


def _phrase_hits(text: str, phrases: tuple[str, ...]) -> list[str]:
    """The phrases found in the text as whole words, ignoring case, each once, in list order."""
    folded = text.casefold()
    return [
        phrase
        for phrase in phrases
        if re.search(rf"(?<!\w){re.escape(phrase.casefold())}(?!\w)", folded)
    ]


def _emoji(text: str) -> int:
    # Symbols from the miscellaneous symbols block on (☀, ✅, 😀…), not arrows or ©.
    return sum(1 for char in text if ord(char) >= 0x2600 and unicodedata.category(char) == "So")


def _caps_runs(text: str) -> list[str]:
    """Runs of CAPS_RUN or more words in capitals (two letters or more each)."""
    runs, current = [], []
    for word in _WORD.findall(_TAG_OR_MENTION.sub(" ", text)):
        if len(word) >= 2 and word.isupper():
            current.append(word)
            continue
        if len(current) >= CAPS_RUN:
            runs.append(" ".join(current))
        current = []
    if len(current) >= CAPS_RUN:
        runs.append(" ".join(current))
    return runs


def _sentences(text: str) -> list[str]:
    return [part.strip() for part in _SENTENCE_END.split(text) if part.strip()]


def hints(
    platform: str,
    text: str,
    hashtags: str = "",
    *,
    avoid: tuple[str, ...] = (),
    formal: tuple[str, ...] = (),
) -> list[Hint]:
    """Simple, explainable checks of register for the text as written: each says what it
    found and why it may matter. They advise; the reviewer decides."""
    style = STYLES.get(platform)
    full = limits.compose(text, hashtags)
    found: list[Hint] = []
    avoided = _phrase_hits(full, avoid)
    if avoided:
        found.append(Hint("avoid", _("Words to avoid: {words}").format(words=", ".join(avoided))))
    if style is None:
        return found
    found += _length_hints(platform, text, style)
    tags = len(limits.hashtags(full))
    if tags > style.hashtags:
        found.append(
            Hint(
                "hashtags",
                _(
                    "{n} hashtags: {platform} posts read best with at most {most}, each one "
                    "relevant."
                ).format(n=tags, platform=accounts.platform_title(platform), most=style.hashtags),
            )
        )
    emoji = _emoji(full)
    if emoji > style.emoji:
        found.append(
            Hint(
                "emoji",
                _(
                    "{n} emoji: more than {most} makes an official account read like a "
                    "personal one."
                ).format(n=emoji, most=style.emoji),
            )
        )
    for run in _caps_runs(text):
        found.append(
            Hint("caps", _("“{words}” is in capitals, which reads as shouting.").format(words=run))
        )
    long = [
        s
        for s in _sentences(_TAG_OR_MENTION.sub(" ", text))
        if len(_WORD.findall(s)) > LONG_SENTENCE
    ]
    if long:
        found.append(
            Hint(
                "sentence",
                _(
                    "{n} sentence(s) of more than {words} words: on a phone a shorter sentence "
                    "is easier to follow. It starts: “{start}…”"
                ).format(n=len(long), words=LONG_SENTENCE, start=" ".join(long[0].split()[:6])),
            )
        )
    if platform in INFORMAL:
        stiff = _phrase_hits(text, formal)
        if stiff:
            found.append(
                Hint(
                    "formal",
                    _(
                        "Formal phrasing on {platform}: {phrases}. Say it the way you would "
                        "say it to the audience."
                    ).format(
                        platform=accounts.platform_title(platform),
                        phrases=", ".join(f"“{p}”" for p in stiff),
                    ),
                )
            )
    return found


def _length_hints(platform: str, text: str, style: Style) -> list[Hint]:
    text = text.strip()
    if not text:
        return []
    if style.title is not None:
        title = text.partition("\n")[0].strip()
        if len(title) > style.title:
            return [
                Hint(
                    "length",
                    _(
                        "The title (first line) has {n} characters: search results cut it "
                        "after about {most}."
                    ).format(n=len(title), most=style.title),
                )
            ]
        return []
    if style.short is not None:
        used = limits.length(platform, text)
        if used > style.short:
            return [
                Hint(
                    "length",
                    _("{n} characters: on {platform} short posts read best (under {most}).").format(
                        n=used, platform=accounts.platform_title(platform), most=style.short
                    ),
                )
            ]
        return []
    shown, cut = limits.folded(platform, text)
    first = _sentences(text)[0]
    if cut and not shown.replace("\n", " ").startswith(first.replace("\n", " ")):
        return [
            Hint(
                "length",
                _(
                    "The first sentence runs past what {platform} shows before “… more”: put "
                    "the main point first."
                ).format(platform=accounts.platform_title(platform)),
            )
        ]
    return []
