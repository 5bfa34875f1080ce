"""Importing metrics from spreadsheets: one pipeline for every format.

read → detect → map → validate → preview → write. Nothing is written until `write`.

Public API (the CLI `import` command and the app's import dialog use only this):

    from core import importing

    options = importing.Options(
        format="auto",          # or a format's name (importing.formats.names())
        account=None,           # "handle" or "platform:handle" for files without those columns
        create_accounts=False,  # create unknown platform:handle accounts when writing
        date_order=None,        # "dmy" | "mdy" | "ymd" when a file's dates read two ways
        mapping=None,           # {file header: our field or "" to leave it out}
    )
    plan = importing.plan(db, [path, ...], options, progress=None)   # never writes
    if plan.ok:
        result = importing.write(db, plan, progress=None)            # Result(added, changed)

`Plan` (preview):
- `adds`: list of `Row` new to the database; `changes`: list of (Row, {field: (old, new)})
  holding only the figures that differ; `unchanged`: count of rows equal to what is stored;
  `skipped`: rows with an account and date but no figure at all.
- `problems`: list of `Problem(file, row, column, message)`: `row` as a spreadsheet numbers
  it (header = 1; None for the whole file), `column` the header text (None: row or file).
  `str(problem)` is "FILE:ROW:COLUMN: message". Any problem refuses the whole import.
- `warnings`: Problems worth a look that do not stop the import (followers falling by
  more than half between two snapshots).
- `unknown_headers`: headers no format knows (the app offers a mapping step: give
  `Options.mapping` and plan again; remember the choice under `header_signature`). The
  fields to choose from: `formats.FIELDS`, titled by `_(formats.FIELD_TITLES[field])`;
  `formats.IGNORE` ("") leaves a column out.
- `unknown_accounts`: "platform:handle" (or "handle") names not in the database; a problem
  unless `create_accounts` (then `accounts_to_create` lists (platform, handle)).
- `needs_account`: a file has no account columns: plan again with `Options.account`.
- `ambiguous_dates`: a file's dates all read two ways (03/04/2021) and none decides: plan
  again with `Options.date_order`.
- `ok` (no problems), `something` (writing would change anything), `summary()` (one
  translated paragraph), `files`, `format_names`.
- `recognised`: one `Recognised(file, format, used={header: field}, left_out=[...])` per file
  (per CSV of a ZIP); `str()` of one, or `formats_text()`, says it in a sentence.
- `post_adds`, `post_changes` ((PostRow, {field: (old, new)})), `post_unchanged`: the per-post
  rows of a platform's export. `PostRow(account_id, post_id, date, published_at, url, caption,
  values, variant_id, matched_by)`: `variant_id` None is a post published outside the plan;
  `matched_by` says how it was matched ("linked", "id", "url", "text").

`Row(file, line, platform, handle, account_id, date, values)`: `values` has only the figures
the file gives (followers, reach, impressions, engagements, posts_published), so a
followers-only file never empties a day's reach; `account_id` is None for an account to create.

`write(db, plan)`: one transaction, all or nothing, returning `Result(added, changed,
posts_added, posts_changed)`; refuses a plan with problems (`ImportRefused`). `progress` is a `core.progress.Progress`: both steps report rows and
raise `Cancelled` when cancelled; a cancelled write is rolled back.

Formats: `core.importing.formats` (`Format`, `FORMATS`, `GENERIC`); the platforms' own
exports (Meta, X, YouTube Studio, TikTok Studio) are in `core.importing.platforms`, their
per-post rows in `core.importing.posts` (the posts no planned variant matches are read back
by `core.outside_plan`). Reading (CSV encodings and delimiters, XLSX, ZIPs of CSV files):
`core.importing.read`.
"""

from __future__ import annotations

from core.importing import formats
from core.importing.cells import parse_account_option
from core.importing.formats import FIELDS, FORMATS, GENERIC, Format
from core.importing.pipeline import (
    ImportRefused,
    Options,
    Plan,
    Problem,
    Recognised,
    Result,
    Row,
    plan,
    write,
)
from core.importing.posts import PostRow

__all__ = [
    "FIELDS",
    "FORMATS",
    "GENERIC",
    "Format",
    "ImportRefused",
    "Options",
    "Plan",
    "PostRow",
    "Problem",
    "Recognised",
    "Result",
    "Row",
    "formats",
    "parse_account_option",
    "plan",
    "write",
]
