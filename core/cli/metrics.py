"""Metric commands: `export metrics` (every follower snapshot, one row per account and day) and
`export post-metrics` (every post's figures, one row per post and day)."""

from __future__ import annotations

import argparse
import datetime as dt

from core import accounts, metrics
from core.cli import parse_date
from core.cli.export import export_kind
from core.db import Database
from core.errors import UsageError
from core.i18n import N_, _
from core.tabular import Table

METRIC_COLUMNS = ("unit", "platform", "handle", "date", "followers", *metrics.SNAPSHOT_COUNTS)
POST_METRIC_COLUMNS = (
    "unit",
    "platform",
    "handle",
    "post_id",
    "url",
    "published_at",
    "date",
    *metrics.POST_COUNTS,
    "planned_post",
    "source",
)


def _day(option: str, text: str | None) -> str | None:
    day = parse_date(option, text)
    return day.isoformat() if day else None


def _period(args: argparse.Namespace) -> tuple[str | None, str | None]:
    """--from and --to as ISO days (either may be missing), in order."""
    start, end = _day("--from", args.start), _day("--to", args.end)
    if start and end and start > end:
        raise UsageError(_("--from {start} is after --to {end}").format(start=start, end=end))
    return start, end


def _period_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--from", dest="start", metavar="YYYY-MM-DD", help=_("first day to include")
    )
    parser.add_argument("--to", dest="end", metavar="YYYY-MM-DD", help=_("last day to include"))


@export_kind(
    "metrics",
    N_("follower figures: one row per account and day (reach, impressions, engagements…)"),
    _period_options,
)
def export_metrics(db: Database, args: argparse.Namespace) -> Table:
    start, end = _period(args)
    units = {row.account.id: row.unit_name for row in accounts.table_rows(db, True)}

    def rows():
        for account in accounts.list_all(db, include_archived=True):
            for snap in metrics.snapshots(db, account.id, start, end):
                yield (
                    units.get(account.id, ""),
                    account.platform,
                    account.handle,
                    dt.date.fromisoformat(snap.date),
                    snap.followers,
                    *(getattr(snap, name) for name in metrics.SNAPSHOT_COUNTS),
                )

    return Table(_("Followers"), METRIC_COLUMNS, rows())


@export_kind(
    "post-metrics",
    N_(
        "figures per post: one row per post and day (reach, impressions, reactions…), "
        "planned posts and those published outside the plan"
    ),
    _period_options,
)
def export_post_metrics(db: Database, args: argparse.Namespace) -> Table:
    start, end = _period(args)
    units = {row.account.id: row.unit_name for row in accounts.table_rows(db, True)}
    known = {a.id: a for a in accounts.list_all(db, include_archived=True)}

    def rows():
        for figure in metrics.post_figures(db, start, end):
            account = known[figure.account_id]
            yield (
                units.get(account.id, ""),
                account.platform,
                account.handle,
                figure.post_id,
                figure.url,
                figure.published_at or "",
                dt.date.fromisoformat(figure.date),
                *(figure.values.get(name) for name in metrics.POST_COUNTS),
                figure.planned_post,
                figure.source,
            )

    return Table(_("Post figures"), POST_METRIC_COLUMNS, rows())
