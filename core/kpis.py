"""Key performance indicators: what the team promises leadership for a period, and whether it
was reached.

An indicator belongs to one period (its first and last day) and has a name, a level
("output", "outcome" or "impact", the three kinds of indicator a plan needs), a measure, a
target and the unit it is counted in ("posting", "pengikut", "%"). Indicators of a period are
ordered by `position` (0, 1, 2, …).

Realisation, over the indicator's period and the accounts in scope (`evaluate`):

- "posts_published": the post variants published in the period (one per account a post went
  out on), by the day they went out (the calendar's day: published, else planned);
- "follower_growth": the sum of the accounts' changes by `core.figures.growth` (start value
  by the one rule, fallback included); accounts without a growth are left out, and with none
  there is no realisation;
- "engagement_rate": the pooled rate of the accounts, Σ engagements ÷ Σ base, each account's
  pair as `core.figures.account_engagement` computes it (the method in settings; by default
  the period's engagements over the followers at its end). Accounts without a rate are left
  out. Pooling weighs each account by its audience, so a small account's high rate does not
  hide a large account's low one (the mean of the rates would). Pooled per calendar month;
  over several months, the months' pooled rates are averaged, since targets and benchmarks
  are monthly rates (`core.figures.monthly_engagement`);
- "manual": the value the team entered (`manual_value`), e.g. a survey score or media mentions.

Rates (target and realisation of "engagement_rate") are fractions, 0.025 = 2,5%, as everywhere
in `core.figures`; a text with "%" ("2,5%") is read as a percentage. `percent` is realisation ÷
target; `achieved` is realisation ≥ target (so ≥ 100%). Without a realisation both are None
("no data yet"); with a target of 0, `percent` is None.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass

from core import figures, validate
from core.db import Database, new_uid, now_iso
from core.errors import NotFound, ValidationError
from core.i18n import N_, _

LEVELS = ("output", "outcome", "impact")
LEVEL_TITLES = {"output": N_("Output"), "outcome": N_("Outcome"), "impact": N_("Impact")}
MEASURES = ("posts_published", "follower_growth", "engagement_rate", "manual")
MEASURE_TITLES = {
    "posts_published": N_("Posts published"),
    "follower_growth": N_("Follower growth"),
    "engagement_rate": N_("Engagement rate"),
    "manual": N_("Value entered by hand"),
}
#: Measures computed from the data; "manual" takes `manual_value`.
COMPUTED = ("posts_published", "follower_growth", "engagement_rate")
EDITABLE = (
    "period_start",
    "period_end",
    "name",
    "level",
    "measure",
    "target",
    "unit",
    "manual_value",
)


def level_title(level: str) -> str:
    return _(LEVEL_TITLES[level])


def measure_title(measure: str) -> str:
    return _(MEASURE_TITLES[measure])


@dataclass(frozen=True)
class Kpi:
    id: int
    period_start: str
    period_end: str
    name: str
    level: str
    measure: str
    target: float
    unit: str
    manual_value: float | None
    position: int


def _row(row) -> Kpi:
    return Kpi(
        row["id"],
        row["period_start"],
        row["period_end"],
        row["name"],
        row["level"],
        row["measure"],
        row["target"],
        row["unit"],
        row["manual_value"],
        row["position"],
    )


# --- checks ------------------------------------------------------------------------------


def _number(field: str, value: object, *, required: bool, rate: bool = False) -> float | None:
    """A finite number: int, float, or text as people type it ("76.670", "3,5", "90%").

    For a rate (`rate`), typed text is a percentage, with or without "%": "2,5" and "2,5%"
    are both 0.025, as the form says; numbers given as numbers are fractions (0.025). For
    other measures "90%" is 90 (the unit says what it counts)."""
    from core import parse

    if value is None or (isinstance(value, str) and parse.is_no_value(value)):
        if required:
            raise ValidationError(field, value, _("a number is required"))
        return None
    if isinstance(value, bool):
        raise ValidationError(field, value, _("must be a number"))
    try:
        if isinstance(value, str):
            text = value.strip().removesuffix("%").strip()
            number = parse.number(text)
            if rate and number is not None:
                number = number / 100
        else:
            number = float(value)
    except (TypeError, ValueError) as error:
        raise ValidationError(field, value, _("must be a number")) from error
    if number is None or not math.isfinite(number):
        raise ValidationError(field, value, _("must be a number"))
    return float(number)


def _check(fields: dict) -> dict:
    """The fields cleaned, or a ValidationError naming the first bad one."""
    clean = {
        "period_start": validate.date("period_start", fields["period_start"]),
        "period_end": validate.date("period_end", fields["period_end"]),
        "name": validate.text("name", fields["name"], max_length=200),
        "level": validate.choice("level", fields["level"], LEVELS),
        "measure": validate.choice("measure", fields["measure"], MEASURES),
    }
    rate = clean["measure"] == "engagement_rate"
    clean["target"] = _number("target", fields["target"], required=True, rate=rate)
    clean["unit"] = validate.text("unit", fields["unit"], required=False, max_length=40)
    clean["manual_value"] = _number("manual_value", fields["manual_value"], required=False)
    if clean["period_end"] < clean["period_start"]:
        raise ValidationError(
            "period_end", clean["period_end"], _("the end comes before the start")
        )
    if clean["target"] < 0:
        raise ValidationError("target", fields["target"], _("must not be negative"))
    if clean["measure"] == "engagement_rate" and clean["target"] > 1:
        raise ValidationError("target", fields["target"], _("a rate is at most 100%"))
    return clean


# --- reading and writing -----------------------------------------------------------------


def get(db: Database, kpi_id: int) -> Kpi:
    row = db.conn.execute("SELECT * FROM kpis WHERE id = ?", (kpi_id,)).fetchone()
    if row is None:
        raise NotFound(_("indicator"), kpi_id)
    return _row(row)


def list_for(db: Database, start: dt.date | str, end: dt.date | str) -> list[Kpi]:
    """The indicators of exactly this period (first and last day), by position."""
    start_day, end_day = validate.date("start", start), validate.date("end", end)
    return [
        _row(row)
        for row in db.query(
            "SELECT * FROM kpis WHERE period_start = ? AND period_end = ? ORDER BY position, id",
            (start_day, end_day),
        )
    ]


def _renumber(db: Database, order: list[int]) -> None:
    for position, kpi_id in enumerate(order):
        db.conn.execute("UPDATE kpis SET position = ? WHERE id = ?", (position, kpi_id))


def create(
    db: Database,
    start: dt.date | str,
    end: dt.date | str,
    name: str,
    level: str,
    measure: str,
    target: object,
    unit: str = "",
    manual_value: object = None,
) -> Kpi:
    """A new indicator at the end of its period's list."""
    clean = _check(
        {
            "period_start": start,
            "period_end": end,
            "name": name,
            "level": level,
            "measure": measure,
            "target": target,
            "unit": unit,
            "manual_value": manual_value,
        }
    )
    now = now_iso()
    with db.transaction():
        position = db.conn.execute(
            "SELECT count(*) FROM kpis WHERE period_start = ? AND period_end = ?",
            (clean["period_start"], clean["period_end"]),
        ).fetchone()[0]
        cursor = db.conn.execute(
            """INSERT INTO kpis (uid, period_start, period_end, position, name, level, measure,
                                 target, unit, manual_value, created_at, updated_at)
               VALUES (:uid, :period_start, :period_end, :position, :name, :level, :measure,
                       :target, :unit, :manual_value, :now, :now)""",
            {**clean, "uid": new_uid(), "position": position, "now": now},
        )
    return get(db, cursor.lastrowid)


def update(db: Database, kpi_id: int, **fields: object) -> Kpi:
    """Change the fields given (any of `EDITABLE`); the others stay. An indicator moved to
    another period goes to the end of that period's list."""
    unknown = sorted(set(fields) - set(EDITABLE))
    if unknown:
        raise ValidationError(unknown[0], fields[unknown[0]], _("unknown field"))
    before = get(db, kpi_id)
    clean = _check({name: fields.get(name, getattr(before, name)) for name in EDITABLE})
    moved = (clean["period_start"], clean["period_end"]) != (before.period_start, before.period_end)
    with db.transaction():
        if moved:
            clean["position"] = db.conn.execute(
                "SELECT count(*) FROM kpis WHERE period_start = ? AND period_end = ?",
                (clean["period_start"], clean["period_end"]),
            ).fetchone()[0]
        assignments = ", ".join(f"{name} = :{name}" for name in clean)
        db.conn.execute(
            f"UPDATE kpis SET {assignments}, updated_at = :now WHERE id = :id",
            {**clean, "now": now_iso(), "id": kpi_id},
        )
        if moved:
            _close_gap(db, before.period_start, before.period_end)
    return get(db, kpi_id)


def _close_gap(db: Database, start: str, end: str) -> None:
    _renumber(db, [kpi.id for kpi in list_for(db, start, end)])


def delete(db: Database, kpi_id: int) -> None:
    """Remove an indicator; the ones after it move up."""
    kpi = get(db, kpi_id)
    with db.transaction():
        db.conn.execute("DELETE FROM kpis WHERE id = ?", (kpi_id,))
        _close_gap(db, kpi.period_start, kpi.period_end)


def move(db: Database, kpi_id: int, position: int) -> Kpi:
    """Put an indicator at `position` (0 first) of its period's list; the others shift. A
    position past the end means last."""
    kpi = get(db, kpi_id)
    if isinstance(position, bool) or not isinstance(position, int) or position < 0:
        raise ValidationError("position", position, _("must not be negative"))
    order = [other.id for other in list_for(db, kpi.period_start, kpi.period_end)]
    order.remove(kpi_id)
    order.insert(min(position, len(order)), kpi_id)
    with db.transaction():
        _renumber(db, order)
    return get(db, kpi_id)


# --- realisation -------------------------------------------------------------------------


@dataclass(frozen=True)
class KpiResult:
    kpi: Kpi
    realisation: float | None
    """None: no data to compute it from (or no value entered)."""
    percent: float | None
    """realisation ÷ target (1.0 = 100%); None without a realisation or with a target of 0."""
    achieved: bool | None
    """realisation ≥ target; None without a realisation."""


def _our_accounts(db: Database) -> list[int]:
    return [row[0] for row in db.query("SELECT id FROM accounts WHERE peer = 0 ORDER BY id")]


def _posts_published(db: Database, account_ids: list[int], start: str, end: str) -> int:
    if not account_ids:
        return 0
    marks = ", ".join("?" for _id in account_ids)
    return db.conn.execute(
        f"""SELECT count(*) FROM post_variants
            WHERE status = 'published' AND account_id IN ({marks})
              AND substr(COALESCE(published_at, planned_at), 1, 10) BETWEEN ? AND ?""",
        (*account_ids, start, end),
    ).fetchone()[0]


def _follower_growth(db: Database, account_ids: list[int], start: str, end: str) -> int | None:
    found = [figures.growth(db, account_id, start, end) for account_id in account_ids]
    changes = [growth.change for growth in found if growth is not None]
    return sum(changes) if changes else None


def pooled_engagement(
    db: Database, account_ids: Iterable[int], start: str, end: str
) -> float | None:
    """Σ engagements ÷ Σ base of the accounts that have a rate, per calendar month of the
    period, and the months' pooled rates averaged as `figures.monthly_engagement` averages
    one account's (see the module docstring)."""
    account_ids = list(account_ids)
    per_account = [figures.monthly_engagement(db, i, start, end) for i in account_ids]
    rates = []
    for month in range(len(per_account[0].months) if per_account else 0):
        engagements = base = 0
        for found in per_account:
            figure = found.months[month]
            if figure.rate is not None:
                engagements += figure.engagements or 0
                base += figure.base or 0
        rate = figures.engagement_rate(engagements, base) if base else None
        if rate is not None:
            rates.append(rate)
    return sum(rates) / len(rates) if rates else None


def evaluate(db: Database, kpi: Kpi, account_ids: Iterable[int] | None = None) -> KpiResult:
    """The indicator's realisation over its period and the accounts in scope (None: every
    account of ours); see the module docstring for each measure."""
    ids = _our_accounts(db) if account_ids is None else list(dict.fromkeys(account_ids))
    start, end = kpi.period_start, kpi.period_end
    realisation: float | None
    if kpi.measure == "posts_published":
        realisation = float(_posts_published(db, ids, start, end))
    elif kpi.measure == "follower_growth":
        found = _follower_growth(db, ids, start, end)
        realisation = None if found is None else float(found)
    elif kpi.measure == "engagement_rate":
        realisation = pooled_engagement(db, ids, start, end)
    else:
        realisation = kpi.manual_value
    if realisation is None:
        return KpiResult(kpi, None, None, None)
    percent = realisation / kpi.target if kpi.target > 0 else None
    return KpiResult(kpi, realisation, percent, realisation >= kpi.target)


STATUS_TITLES = {
    True: N_("Achieved"),
    False: N_("Not achieved"),
    None: N_("No data yet"),
}


def status_title(result: KpiResult) -> str:
    """ "Tercapai", "Belum tercapai" or "Belum ada data"."""
    return _(STATUS_TITLES[result.achieved])


def input_text(kpi: Kpi, value: float | None) -> str:
    """A target or value as the form shows it for editing, read back the same by `create`
    and `update`: "1,50%" for a rate, "8.000" or "3,62" otherwise (no unit)."""
    from babel import numbers as bnumbers

    from core import fmt
    from core.i18n import babel_locale

    if value is None:
        return ""
    if kpi.measure == "engagement_rate":
        return fmt.percent(value, 2)
    return bnumbers.format_decimal(value, "#,##0.##", locale=babel_locale())


def percent_text(result: KpiResult) -> str:
    """Realisation ÷ target as a whole percentage, never rounded up to 100% while the
    target is not reached (249 of 250 is 99%, not 100%)."""
    from core import fmt

    if result.percent is None:
        return "–"
    percent = result.percent
    if not result.achieved:
        percent = math.floor(percent * 100) / 100
    return fmt.percent(percent, 0)


def value_text(kpi: Kpi, value: float | None) -> str:
    """A target or realisation as the report shows it: "2,50%" for a rate; otherwise the
    number (up to two decimals) and the unit: "80 posting", "3,62"."""
    if value is None:
        return "–"
    if kpi.measure == "engagement_rate":
        return input_text(kpi, value)
    return f"{input_text(kpi, value)} {kpi.unit}".strip()


# --- demo --------------------------------------------------------------------------------

# (name, level, measure, target, unit, manual value): a month's and the year's indicators.
DEMO_MONTH = (
    ("Unggahan terbit di semua akun", "output", "posts_published", 80, "unggahan", None),
    ("Tingkat interaksi gabungan", "outcome", "engagement_rate", 0.015, "%", None),
    ("Pertanyaan warganet dijawab dalam 1×24 jam", "outcome", "manual", 90, "persen", 94),
    ("Pemberitaan media daring yang mengutip akun resmi", "impact", "manual", 12, "berita", 9),
)
DEMO_YEAR = (
    ("Unggahan terbit di semua akun", "output", "posts_published", 250, "unggahan", None),
    ("Pertumbuhan pengikut", "outcome", "follower_growth", 8000, "pengikut", None),
    ("Indeks kepuasan layanan informasi (survei)", "impact", "manual", 3.5, "skala 1–4", 3.62),
)


def populate_demo(db: Database, context) -> None:
    """Indicators for the demo's last full month (a monthly report's default period), its
    current month and its year, some reached and some not. Follower growth is a yearly
    indicator only: the demo records figures on the 1st, so within a month it reads 0."""
    today = context.today
    month_start = today.replace(day=1)
    next_month = dt.date(today.year + today.month // 12, today.month % 12 + 1, 1)
    last_month = (month_start - dt.timedelta(days=1)).replace(day=1)
    periods = (
        (last_month, month_start - dt.timedelta(days=1), DEMO_MONTH),
        (month_start, next_month - dt.timedelta(days=1), DEMO_MONTH),
        (dt.date(today.year, 1, 1), dt.date(today.year, 12, 31), DEMO_YEAR),
    )
    for start, end, rows in periods:
        for name, level, measure, target, unit, manual in rows:
            create(db, start, end, name, level, measure, target, unit, manual)
