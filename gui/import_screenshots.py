"""The import preview as the `screenshots` command pictures it: a small spreadsheet of
Linimasa's own columns, and a Meta Business Suite Instagram export of the session's last
posts (matched to the plan by their links) with one post published outside it. The files
are written to a temporary folder, planned on this thread and shown, never imported."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtWidgets import QDialog, QWidget

from core import importing
from gui.import_dialog import ImportDialog
from gui.session import Session

#: A small generic file as an admin keeps it: Indonesian headers and numbers, semicolons.
#: Its first row changes the demo's reach of 1 November; the rest are new days.
SCREENSHOT_CSV = """platform;akun;tanggal;pengikut;jangkauan
instagram;bmsn_ri;01/11/2026;163.112;81.240
instagram;bmsn_ri;08/11/2026;163.540;70.115
instagram;bmsn_ri;15/11/2026;164.021;92.310
instagram;bmsn_ri;22/11/2026;164.850;88.004
facebook;bmsn.ri;08/11/2026;10.556;7.902
facebook;bmsn.ri;15/11/2026;10.561;9.340
facebook;bmsn.ri;22/11/2026;10.570;8.615
"""


def preview_for_screenshot(parent: QWidget | None, session: Session) -> QDialog:
    """The preview of a small demo file, planned on this thread and shown (for `screenshots`)."""
    with tempfile.TemporaryDirectory(prefix="linimasa-import-") as folder:
        path = Path(session.temp_dir or folder) / "metrik-november-2026.csv"
        path.write_text(SCREENSHOT_CSV, encoding="utf-8")
        plan = importing.plan(session.db, [path])
        path.unlink()
    dialog = ImportDialog(session, [path], parent)
    dialog.show_plan(plan)
    dialog.show()
    return dialog


#: A Meta Business Suite Instagram export's header, as the platform writes it.
META_INSTAGRAM_HEADER = (
    "Post ID",
    "Account ID",
    "Account username",
    "Account name",
    "Description",
    "Duration (sec)",
    "Publish time",
    "Permalink",
    "Post type",
    "Data comment",
    "Date",
    "Views",
    "Reach",
    "Likes",
    "Shares",
    "Follows",
    "Comments",
    "Saves",
)


def platform_preview_for_screenshot(parent: QWidget | None, session: Session) -> QDialog:
    """The preview of a Meta Business Suite Instagram export (for `screenshots`): the file's
    last published posts, which match the plan by their links, and one reel published outside
    the plan the evening before."""
    import csv
    import datetime as dt
    import io

    found = session.db.query(
        """SELECT a.handle, v.url, v.published_at, v.text FROM post_variants v
           JOIN accounts a ON a.id = v.account_id
           WHERE a.platform = 'instagram' AND a.peer = 0 AND v.status = 'published'
             AND v.url != '' AND v.published_at IS NOT NULL
           ORDER BY v.published_at DESC LIMIT 3"""
    )
    handle = found[0][0] if found else "bmsn_ri"
    evening = dt.datetime.combine(session.today - dt.timedelta(days=1), dt.time(20, 15))
    posts = [
        (h, url, dt.datetime.fromisoformat(published).replace(tzinfo=None), text)
        for h, url, published, text in found
    ]
    posts.append(
        (
            handle,
            "https://www.instagram.com/reel/DRk2mYtEaQp/",
            evening,
            "Cuplikan malam puncak Bulan Mutu Nasional 2026 ✨ Terima kasih, Sobat Mutu!",
        )
    )
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(META_INSTAGRAM_HEADER)
    for number, (h, url, moment, caption) in enumerate(posts):
        views = 4210 + number * 1873
        writer.writerow(
            [
                str(18_061_234_567_890_100 + number * 7919),
                "17841401234567890",
                h,
                "BMSN",
                caption,
                "0",
                moment.strftime("%m/%d/%Y %H:%M"),
                url,
                "IG reel" if "/reel/" in url else "IG image",
                "",
                "Lifetime",
                f"{views:,}",
                f"{views * 2 // 3:,}",
                str(180 + number * 41),
                str(12 + number),
                str(3 + number),
                str(9 + number * 2),
                str(21 + number * 5),
            ]
        )
    with tempfile.TemporaryDirectory(prefix="linimasa-import-") as folder:
        path = Path(session.temp_dir or folder) / "Instagram posts Nov 2026.csv"
        path.write_text(text.getvalue(), encoding="utf-8-sig")
        plan = importing.plan(session.db, [path])
        path.unlink()
    dialog = ImportDialog(session, [path], parent)
    dialog.show_plan(plan)
    dialog.tabs.setCurrentWidget(dialog.posts_view)
    dialog.show()
    return dialog
