"""Post commands: `export posts` (the content calendar, one row per platform variant)."""

from __future__ import annotations

import argparse
import datetime as dt

from core.cli.export import export_kind
from core.cli.metrics import _day, _period_options
from core.db import Database
from core.errors import UsageError
from core.i18n import N_, _
from core.posts import POST_COLUMNS
from core.tabular import Table

_ROWS = """
    SELECT COALESCE(v.published_at, v.planned_at) AS at, a.handle, a.platform, v.status,
           p.title, v.text, v.hashtags, coalesce(pl.name, ''), p.campaign,
           coalesce(owner.name, ''), coalesce(approver.name, ''), v.url
    FROM post_variants v
    JOIN posts p ON p.id = v.post_id
    JOIN accounts a ON a.id = v.account_id
    LEFT JOIN pillars pl ON pl.id = p.pillar_id
    LEFT JOIN members owner ON owner.id = p.owner_id
    LEFT JOIN members approver ON approver.id = p.approver_id
"""


@export_kind(
    "posts",
    N_("the content calendar: one row per post and platform (date, status, text, who…)"),
    _period_options,
)
def export_posts(db: Database, args: argparse.Namespace) -> Table:
    """Variants on the days from --from to --to (published: the day they went out; else the
    planned day), in the institution's local time; variants with no date yet come last."""
    from core import timezone

    start, end = _day("--from", args.start), _day("--to", args.end)
    if start and end and start > end:
        raise UsageError(_("--from {start} is after --to {end}").format(start=start, end=end))
    clauses, params = [], []
    if start:
        clauses.append("COALESCE(v.published_at, v.planned_at) >= ?")
        params.append(start)
    if end:
        clauses.append("COALESCE(v.published_at, v.planned_at) < ?")
        params.append((dt.date.fromisoformat(end) + dt.timedelta(days=1)).isoformat())
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    rows = db.query(f"{_ROWS} {where} ORDER BY at IS NULL, at, a.platform, v.id", tuple(params))
    tz = timezone.institution_zone(db)

    def table_rows():
        for at, *rest in rows:
            moment = timezone.parse(at, tz) if at else None
            yield (
                moment.date() if moment else None,
                moment.strftime("%H:%M") if moment else "",
                *rest,
            )

    return Table(_("Posts"), POST_COLUMNS, table_rows())
