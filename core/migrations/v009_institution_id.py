"""An institution's stable id (issue 17): created with its first file, carried by the units'
packages and templates, so that the bureau merges only its own units' files. Names are
retyped differently ("Arsip Nasional RI", "ANRI"); the id is not. Stored as the setting
"institution.id" (a UUID); an empty file that merges its first package takes the package's.
"""

import uuid
from sqlite3 import Connection


def upgrade(conn: Connection) -> None:
    conn.execute(
        "INSERT OR IGNORE INTO settings (key, value) VALUES ('institution.id', ?)",
        (str(uuid.uuid4()),),
    )
