"""Account commands: `export accounts` (the account list as CSV or XLSX)."""

from __future__ import annotations

import argparse
import datetime as dt

from core import accounts, security, timezone, units
from core.cli.export import export_kind
from core.db import Database
from core.i18n import N_, _
from core.tabular import Table

ACCOUNT_COLUMNS = (
    "platform",
    "handle",
    "display_name",
    "unit",
    "responsible",
    "url",
    "start_date",
    "peer",
    "archived",
    "security_status",
    "followers",
    "followers_date",
)


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


@export_kind("accounts", N_("every account with its unit, responsible member and followers"))
def export_accounts(db: Database, _args: argparse.Namespace) -> Table:
    today = timezone.today(db)
    badges = security.statuses(db, today)  # red, unchecked, amber, green; peers have none
    unit_paths = units.path_names(db)
    rows = (
        (
            row.account.platform,
            row.account.handle,
            row.account.display_name,
            unit_paths.get(row.account.unit_id, ""),
            row.responsible_name,
            row.account.url,
            _date(row.account.start_date),
            row.account.peer,
            row.account.archived,
            badges.get(row.account.id, ""),
            row.followers,
            _date(row.followers_date),
        )
        for row in accounts.table_rows(db, include_archived=True)
    )
    return Table(_("Accounts"), ACCOUNT_COLUMNS, rows)
