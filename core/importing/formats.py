"""Import formats: which of a file's columns hold which of our figures.

A format is data, not code: its name, a `detect(headers)` test and, for each of our fields,
the header texts (aliases) that mean it. Platform importers add a module that builds a
`Format` and appends it to `FORMATS` (before `GENERIC`, which is the fallback).

Headers are compared normalised (`normalise`): NFKC, case-folded, surrounding spaces off,
runs of spaces, underscores and hyphens as one space ("Jumlah_Unggahan " = "jumlah unggahan").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from core import metrics
from core.i18n import N_

#: Our fields, in the order the preview shows them. `platform` and `handle` name the
#: account; `date` the day; the rest are the day's figures (core.metrics' columns).
ACCOUNT_FIELDS = ("platform", "handle")
VALUE_FIELDS = ("followers", "reach", "impressions", "engagements", "posts_published")
FIELDS = (*ACCOUNT_FIELDS, "date", *VALUE_FIELDS)
#: A mapping value that means "leave this column out".
IGNORE = ""
#: Each field's name for a mapping step's choices (translate with `_` where shown).
FIELD_TITLES = {
    "platform": N_("Platform"),
    "handle": N_("Account"),
    **metrics.SNAPSHOT_TITLES,
}

_SEPARATORS = re.compile(r"[\s_\-]+")


def normalise(header: object) -> str:
    """The form headers are compared in."""
    text = unicodedata.normalize("NFKC", "" if header is None else str(header))
    return _SEPARATORS.sub(" ", text.casefold()).strip()


@dataclass(frozen=True)
class Format:
    """How one kind of file maps to our fields.

    `columns`: our field → the header texts that mean it (any case and spacing).
    `ignore`: header texts that are known and deliberately left out (the export's `unit`).
    `detect(headers)`: True when a file with these (raw) headers is of this format; by default
    when a date column and at least one figure column are among the headers.
    """

    name: str
    columns: dict[str, list[str]]
    ignore: Sequence[str] = ()
    detect_headers: Callable[[list[str]], bool] | None = field(default=None, compare=False)

    def field_of(self, header: object) -> str | None:
        """Our field for a header, or None."""
        return self._aliases().get(normalise(header))

    def ignores(self, header: object) -> bool:
        return normalise(header) in {normalise(h) for h in self.ignore}

    def _aliases(self) -> dict[str, str]:
        return {
            normalise(alias): name for name, aliases in self.columns.items() for alias in aliases
        }

    def detect(self, headers: list[str]) -> bool:
        if self.detect_headers is not None:
            return self.detect_headers(headers)
        found = {self.field_of(h) for h in headers}
        return "date" in found and bool(found & set(VALUE_FIELDS))


GENERIC = Format(
    "generic",
    {
        "platform": ["platform", "platforma", "platform media sosial"],
        "handle": ["handle", "akun", "account", "username", "nama akun"],
        "date": ["date", "tanggal"],
        "followers": ["followers", "pengikut", "jumlah pengikut"],
        "reach": ["reach", "jangkauan"],
        "impressions": ["impressions", "tayangan", "impresi"],
        "engagements": ["engagements", "interaksi", "engagement"],
        "posts_published": [
            "posts_published",
            "jumlah_unggahan",
            "posts",
            "unggahan",
            "jumlah posting",
        ],
    },
    ignore=("unit", "unit kerja", "satuan kerja"),
)

#: Every format, tried in order by `--format auto`; GENERIC last (platform formats first).
FORMATS: list[Format] = [GENERIC]


def names() -> list[str]:
    """The names `--format` accepts besides "auto"."""
    return [f.name for f in FORMATS]


def by_name(name: str) -> Format | None:
    return next((f for f in FORMATS if f.name == name), None)


def detect(headers: list[str]) -> Format:
    """The first format that recognises these headers; GENERIC when none does (its unknown
    headers are then reported, or mapped by hand in the app)."""
    return next((f for f in FORMATS if f.detect(headers)), GENERIC)
