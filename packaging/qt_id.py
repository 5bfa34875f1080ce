"""Write resources/locale/qt/qtbase_id.ts, the Indonesian text of Qt's own strings that
Linimasa's users meet (standard dialog buttons, text-field context menus, file dialogs).

Qt ships no Indonesian catalog. Run `python packaging/qt_id.py` and then
`pyside6-lrelease resources/locale/qt/qtbase_id.ts` after changing the table below;
the compiled .qm is committed so that running from source needs no Qt tools.
"""

from pathlib import Path
from xml.sax.saxutils import escape

STRINGS = {
    "QPlatformTheme": {
        "OK": "OK",
        "Save": "Simpan",
        "Save All": "Simpan Semua",
        "Open": "Buka",
        "&Yes": "&Ya",
        "Yes to &All": "Ya untuk &Semua",
        "&No": "&Tidak",
        "N&o to All": "T&idak untuk Semua",
        "Abort": "Batalkan",
        "Retry": "Coba Lagi",
        "Ignore": "Abaikan",
        "Close": "Tutup",
        "Cancel": "Batal",
        "Discard": "Buang",
        "Help": "Bantuan",
        "Apply": "Terapkan",
        "Reset": "Atur Ulang",
        "Restore Defaults": "Kembalikan Bawaan",
    },
    "QLineEdit": {
        "&Undo": "&Urungkan",
        "&Redo": "U&lang",
        "Cu&t": "Po&tong",
        "&Copy": "&Salin",
        "&Paste": "T&empel",
        "Delete": "Hapus",
        "Select All": "Pilih Semua",
    },
    "QWidgetTextControl": {
        "&Undo": "&Urungkan",
        "&Redo": "U&lang",
        "Cu&t": "Po&tong",
        "&Copy": "&Salin",
        "Copy &Link Location": "Salin &Alamat Tautan",
        "&Paste": "T&empel",
        "Delete": "Hapus",
        "Select All": "Pilih Semua",
    },
    "QMessageBox": {
        "Show Details...": "Tampilkan Rincian…",
        "Hide Details...": "Sembunyikan Rincian…",
        "About Qt": "Tentang Qt",
        "OK": "OK",
    },
    "QProgressDialog": {"Cancel": "Batal"},
    "QDialogButtonBox": {"OK": "OK", "Cancel": "Batal", "&OK": "&OK", "&Cancel": "&Batal"},
    "QFileDialog": {
        "Look in:": "Cari di:",
        "File &name:": "&Nama berkas:",
        "Files of type:": "Jenis berkas:",
        "&Open": "&Buka",
        "&Save": "&Simpan",
        "&Choose": "&Pilih",
        "Back": "Kembali",
        "Forward": "Maju",
        "Parent Directory": "Folder Induk",
        "Create New Folder": "Buat Folder Baru",
        "List View": "Tampilan Daftar",
        "Detail View": "Tampilan Rincian",
        "New Folder": "Folder Baru",
        "&Delete": "&Hapus",
        "&Rename": "&Ganti Nama",
        "Show &hidden files": "Tampilkan berkas &tersembunyi",
        "All Files (*)": "Semua Berkas (*)",
        "My Computer": "Komputer Saya",
        "Recent Places": "Tempat Terakhir",
        "Directory:": "Folder:",
        "File": "Berkas",
        "Folder": "Folder",
        "Directories": "Folder",
        "Open": "Buka",
        "Save As": "Simpan Sebagai",
        "%1 already exists.\nDo you want to replace it?": "%1 sudah ada.\nGanti berkas itu?",
        "%1\nFile not found.\nPlease verify the correct file name was given.": "%1\nBerkas tidak ditemukan.\nPeriksa kembali nama berkasnya.",
    },
    "QFileSystemModel": {
        "Name": "Nama",
        "Size": "Ukuran",
        "Type": "Jenis",
        "Date Modified": "Tanggal Diubah",
    },
}


def write_ts(path: Path) -> None:
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        "<!DOCTYPE TS>",
        '<TS version="2.1" language="id">',
    ]
    for context, messages in STRINGS.items():
        lines.append(f"<context><name>{context}</name>")
        for source, translation in messages.items():
            lines.append(
                f"<message><source>{escape(source)}</source><translation>{escape(translation)}</translation></message>"
            )
        lines.append("</context>")
    lines.append("</TS>")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    write_ts(
        Path(__file__).resolve().parent.parent / "resources" / "locale" / "qt" / "qtbase_id.ts"
    )
