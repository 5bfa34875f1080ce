"""Demo data for issue 11: posts the team published outside the plan, as a platform's export
file shows them after an import (a quick clarification of a hoax, live coverage, a
condolence), with their figures. They appear in the calendar's list view and in
`export post-metrics`.
"""

from __future__ import annotations

import datetime as dt
import random

from core import metrics

#: After the base demo and the calendar's extras.
DEMO_ORDER = 150

#: (days before today, platform, hour:minute, caption, figures)
POSTS = (
    (
        3,
        "instagram",
        "19:40",
        "KLARIFIKASI: Beredar pesan berantai tentang penarikan sertifikat mutu produk UMKM. "
        "Informasi tersebut tidak benar. Layanan sertifikasi tetap berjalan seperti biasa.",
        {"reach": 18240, "impressions": 25110, "reactions": 1312, "comments": 188, "shares": 640},
    ),
    (
        9,
        "facebook",
        "10:05",
        "Siaran langsung: Rapat Koordinasi Nasional Standardisasi dan Penilaian Kesesuaian "
        "2026 dari Jakarta.",
        {"reach": 6420, "impressions": 8930, "reactions": 214, "comments": 57, "shares": 31},
    ),
    (
        16,
        "instagram",
        "07:15",
        "Turut berduka cita atas wafatnya pegawai kami, Bapak Suryadi, penguji laboratorium "
        "yang telah mengabdi selama 28 tahun.",
        {"reach": 9870, "impressions": 12050, "reactions": 1870, "comments": 402, "shares": 12},
    ),
)


def populate_demo(db, context) -> None:
    rng = random.Random(context.seed + 11)
    rows = []
    for days, platform, clock, caption, figures in POSTS:
        account_id = context.account_ids.get(platform)
        if account_id is None:
            continue
        day = context.today - dt.timedelta(days=days)
        hour, minute = (int(part) for part in clock.split(":"))
        published = dt.datetime(day.year, day.month, day.day, hour, minute)
        post_id = str(rng.randrange(17_800_000_000_000_000, 18_200_000_000_000_000))
        if platform == "instagram":
            url = f"https://www.instagram.com/p/{rng.randrange(36**10):010x}/"
        else:
            url = f"https://www.facebook.com/permalink/{post_id}"
        rows.append(
            {
                "account_id": account_id,
                "external_post_id": post_id,
                "date": day.isoformat(),
                "published_at": published,
                "url": url,
                "caption": caption,
                "engagements": figures["reactions"] + figures["comments"] + figures["shares"],
                "source": "import",
                **figures,
            }
        )
    metrics.upsert_post_metrics(db, rows)
