"""The tone checklist's costs, against what the editor already did per keystroke, same run.

    QT_QPA_PLATFORM=offscreen python bench/guidelines.py [--repeat 200]

The post editor redraws a variant's checklist and register hints on every keystroke, beside
the character counter it already updated then. The bench opens the demo file's caption in
review (the one the screenshots show) in a post editor and times, alternately:

- baseline: `VariantEditor.refresh_count` (the counter, the limits and the preview), the
  keystroke's work before the checklist;
- `hints.hints` alone, and `guidelines.checklist` alone (items, ticks, flags, persona);
- `VariantEditor.refresh_checklist` (both, and the list view's model reset);
- `workflow.needs_override` (the gate, as the Approve button's state and approval read it);
- `guidelines.compliance` over a month and over the demo's whole history (the report's
  section and the Kepatuhan view).

Medians in milliseconds and the ratio to the baseline; nothing is asserted.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]
sys.path.insert(0, str(ROOT))

import argparse  # noqa: E402
import datetime as dt  # noqa: E402
import statistics  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402

TODAY = dt.date(2026, 11, 25)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from core import demo, guidelines, hints, i18n, posts, workflow
    from core.db import open_database
    from gui.post_editor import PostEditor
    from gui.session import Session

    i18n.set_language("id")
    folder = tempfile.TemporaryDirectory()
    db = open_database(Path(folder.name) / "demo.sqlite", create=True)
    demo.populate(db, today=TODAY)
    variant_id = guidelines.demo_hinted_variant(db, TODAY)
    variant = posts.get_variant(db, variant_id)
    editor = PostEditor(Session(db, today=TODAY), variant.post_id, variant_id=variant_id)
    tab = editor.tabs.currentWidget()
    voice = guidelines.persona(db)
    published = db.conn.execute(
        "SELECT count(*) FROM post_variants WHERE status = 'published'"
    ).fetchone()[0]

    cases = {
        "baseline: refresh_count (counter, limits, preview)": tab.refresh_count,
        "hints.hints": lambda: hints.hints(
            "instagram",
            variant.text,
            variant.hashtags,
            avoid=voice.words_avoid,
            formal=voice.formal_phrases,
        ),
        "guidelines.checklist": lambda: guidelines.checklist(db, variant_id),
        "refresh_checklist (both + list view)": tab.refresh_checklist,
        "workflow.needs_override": lambda: workflow.needs_override(db, variant_id),
        "compliance, one month": lambda: guidelines.compliance(
            db, dt.date(2026, 10, 1), dt.date(2026, 10, 31)
        ),
        f"compliance, all history ({published} published)": lambda: guidelines.compliance(
            db, dt.date(2000, 1, 1), TODAY
        ),
    }
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _round in range(args.repeat):
        for name, run in cases.items():
            began = time.perf_counter()
            run()
            times[name].append((time.perf_counter() - began) * 1000)
        app.processEvents()
    baseline = statistics.median(next(iter(times.values())))
    print(f"{args.repeat} rounds, medians (ms) and ratio to the baseline")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"  {name:<52} {median:8.2f}  {median / baseline:6.1f}×")
    editor.close()
    db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
