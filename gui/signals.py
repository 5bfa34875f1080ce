"""App-wide signals: a change is broadcast once and the views that show it refresh themselves.

A change says what changed (`Change.kinds`, and the ids of the rows touched when known),
so that a tab refreshes only for the kinds it shows (`Tab.WATCHES`). Emit with
`notify("accounts", ids={account.id})`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

#: Every kind of data a change can name.
KINDS = frozenset(
    {
        "accounts",
        "snapshots",
        "posts",
        "settings",
        "units",
        "members",
        "pillars",
        "snippets",
        "guidelines",
    }
)
#: For "posts", `ids` are variant ids (post_variants.id) when known: the calendar then
#: updates only those variants' chips.
#: Older names still accepted from `data_changed.emit("…")` callers.
ALIASES = {"metrics": ("snapshots",), "team": ("units", "members")}


@dataclass(frozen=True)
class Change:
    """What one change touched: kinds of data, and the ids of the rows when known (empty:
    any row of those kinds)."""

    kinds: frozenset[str]
    ids: frozenset[int] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        unknown = set(self.kinds) - KINDS
        if unknown:
            raise ValueError(f"unknown kind of change {sorted(unknown)}; known: {sorted(KINDS)}")

    @classmethod
    def of(cls, what: Change | str | Iterable[str], ids: Iterable[int] = ()) -> Change:
        """A Change from a Change, one name or several names (aliases included).

        A name that is not known at all stands for everything, so that an older caller
        never leaves a view stale."""
        if isinstance(what, Change):
            return what
        names = (what,) if isinstance(what, str) else tuple(what)
        kinds: set[str] = set()
        for name in names:
            if name in KINDS:
                kinds.add(name)
            elif name in ALIASES:
                kinds.update(ALIASES[name])
            else:
                kinds.update(KINDS)
        return cls(frozenset(kinds), frozenset(ids))

    def touches(self, kinds: Iterable[str]) -> bool:
        return not self.kinds.isdisjoint(kinds)


class AppSignals(QObject):
    #: Emitted after a core call changed data, with a `Change` (older callers: a str such as
    #: "accounts"; receivers read either through `Change.of`).
    data_changed = Signal(object)
    #: Emitted after the interface language changed; widgets call their translate_ui().
    language_changed = Signal(str)
    #: Emitted when another database file was opened.
    database_opened = Signal()


_signals: AppSignals | None = None


def app_signals() -> AppSignals:
    global _signals
    if _signals is None:
        _signals = AppSignals()
    return _signals


def notify(*kinds: str, ids: Iterable[int] = ()) -> Change:
    """Tell open views that data of these kinds changed (e.g. `notify("accounts", ids={7})`)."""
    unknown = set(kinds) - KINDS
    if unknown or not kinds:
        raise ValueError(f"unknown kind of change {sorted(unknown)}; known: {sorted(KINDS)}")
    change = Change(frozenset(kinds), frozenset(ids))
    app_signals().data_changed.emit(change)
    return change
