"""Demo data: a fictional national standards agency with four accounts, seven years of
follower history and a content calendar around today.

The follower figures pass exactly through the ones in the product brief (January and
August 2019), so that a demo file reproduces the sentence a real report once printed.
Everything is derived from `today` and `seed`, never from the clock or the global RNG.
"""

from __future__ import annotations

import calendar
import datetime as dt
import importlib
import pkgutil
import random
from dataclasses import dataclass

from core import accounts, members, metrics, posts, settings, units
from core.db import Database
from core.errors import LinimasaError
from core.i18n import _

INSTITUTION = "Badan Mutu Standar Nasional"
INSTITUTION_SHORT = "BMSN"
ADMIN_NICKNAME = "Mimin BeEmEs"
AUDIENCE = "Sobat Mutu"
HANDLE = "bmsn_ri"
PLATFORMS = ("facebook", "instagram", "x", "youtube")

HISTORY_START = dt.date(2019, 1, 1)
BRIEF_DATE = dt.date(2019, 8, 1)
# Followers on 1 January and 1 August 2019: the figures of the agency's own report.
START_FOLLOWERS = {"facebook": 7853, "instagram": 52300, "x": 9900, "youtube": 692}
BRIEF_FOLLOWERS = {"facebook": 8470, "instagram": 76670, "x": 13300, "youtube": 905}
# Average monthly change after August 2019, per calendar year; later years use the last one.
MONTHLY_GROWTH = {
    "facebook": {2019: 60, 2020: 35, 2021: 30, 2022: 25, 2023: 20, 2024: 18, 2025: 15, 2026: 12},
    "instagram": {
        2019: 2200,
        2020: 1500,
        2021: 1200,
        2022: 1000,
        2023: 850,
        2024: 750,
        2025: 650,
        2026: 550,
    },
    "x": {2019: 250, 2020: 110, 2021: 90, 2022: 70, 2023: -25, 2024: 50, 2025: 45, 2026: 40},
    "youtube": {2019: 25, 2020: 25, 2021: 22, 2022: 20, 2023: 18, 2024: 17, 2025: 16, 2026: 15},
}
MONTHLY_DETAIL_FROM = dt.date(2024, 1, 1)
# Per platform: engagements / followers, reach / followers, impressions / reach, posts per month.
MONTHLY_RANGES = {
    "facebook": ((0.004, 0.012), (0.5, 1.1), (1.3, 1.8), (14, 24)),
    "instagram": ((0.015, 0.03), (0.35, 0.6), (1.6, 2.4), (20, 30)),
    "x": ((0.002, 0.006), (0.8, 1.6), (1.2, 1.6), (18, 30)),
    "youtube": ((0.01, 0.025), (2.0, 4.0), (4.0, 8.0), (8, 12)),
}
POST_COUNT = 120
X_LIMIT = 280


class DatabaseNotEmpty(LinimasaError):
    def __init__(self) -> None:
        super().__init__(
            _(
                "This database already holds accounts or posts. Demo data can only be added to an "
                "empty database: create a new file for the demo."
            )
        )


@dataclass(frozen=True)
class DemoContext:
    """What a capability's demo data can build on: the day, the seed and the base rows' ids."""

    today: dt.date
    seed: int
    unit_ids: dict[str, int]
    account_ids: dict[str, int]
    post_ids: list[int]


def demo_extensions() -> list:
    """Every core module's `populate_demo(db, context)`, in `DEMO_ORDER` (default 100), then name.

    A capability adds its demo data from its own module this way; this file need not change.
    """
    import core

    found = []
    for info in pkgutil.iter_modules(core.__path__):
        if info.ispkg or info.name == "demo":
            continue
        module = importlib.import_module(f"core.{info.name}")
        extend = getattr(module, "populate_demo", None)
        if callable(extend):
            found.append((getattr(module, "DEMO_ORDER", 100), info.name, extend))
    return [extend for _order, _name, extend in sorted(found, key=lambda f: f[:2])]


@dataclass(frozen=True)
class DemoSummary:
    units: int
    members: int
    accounts: int
    snapshots: int
    posts: int
    variants: int
    post_metrics: int


@dataclass(frozen=True)
class _Topic:
    title: str
    kind: str
    unit: str
    ig: str
    x: str
    fb: str
    tags: tuple[str, ...] = ()
    video: bool = False
    yt: str = ""
    notes: str = ""


# --- content catalogue -------------------------------------------------------------------

_IG_CTA = {
    "infografis": "Geser untuk lihat infografis lengkapnya 👉 dan simpan biar nggak lupa 📌",
    "edukasi": "Simpan postingan ini biar nggak lupa ya 📌",
    "layanan": "Masih ada pertanyaan? Tulis di kolom komentar atau kirim DM ke Mimin 💬",
    "acara": "Info lengkap dan pendaftaran lewat tautan di bio 🔗",
    "kegiatan": "Terima kasih untuk semua yang sudah hadir! 🙌",
    "video": "Tonton videonya sampai habis ya 🎬",
    "interaksi": "Yuk ramaikan kolom komentar! 👇",
}
_FB_CTA = {
    "infografis": "Simak infografis selengkapnya pada gambar di atas dan bagikan kepada keluarga serta rekan Sobat Mutu.",
    "edukasi": "Semoga bermanfaat. Silakan bagikan informasi ini agar semakin banyak yang memahami pentingnya standar.",
    "layanan": "Pertanyaan lain dapat disampaikan melalui kolom komentar atau pesan langsung ke halaman ini.",
    "acara": "Informasi lengkap dan tautan pendaftaran tersedia di laman resmi BMSN.",
    "kegiatan": "Dokumentasi lengkap kegiatan ini dapat dilihat di laman resmi BMSN.",
    "video": "Tonton video selengkapnya di kanal YouTube BMSN RI.",
    "interaksi": "Kami tunggu partisipasi Sobat Mutu di kolom komentar.",
}
_YT_FOOTER = (
    "Jangan lupa like, subscribe, dan aktifkan lonceng notifikasi agar tidak ketinggalan video "
    "terbaru dari BMSN.\n\nIkuti juga:\nInstagram & X: @bmsn_ri\nFacebook: Badan Mutu Standar Nasional\n\n"
    "#BMSN #TandaMutuNasional #SobatMutu"
)
_NOTES = {
    "infografis": "Infografis 4 slide; desain oleh tim Humas.",
    "video": "Video 2–3 menit; potongan 60 detik untuk Reels.",
    "kuis": "Hadiah 3 suvenir; pemenang diumumkan Senin.",
    "acara": "Tautan pendaftaran dari Pusdiklat; cek sisa kuota sebelum tayang.",
    "kegiatan": "Foto kegiatan dari unit penyelenggara.",
    "ucapan": "Kartu ucapan memakai templat hari besar.",
    "interaksi": "Pantau dan balas komentar pada hari pertama.",
}
_CHECKED_BY_EXPERT = "Jawaban sudah dicek oleh Made Suarta (Pusdiklat)."


def _hashtags(tags: tuple[str, ...]) -> str:
    return " ".join(f"#{t}" for t in ("SobatMutu", "TandaMutuNasional", *tags, "BMSN"))


def _x_text(body: str, tags: tuple[str, ...]) -> str:
    text = body
    for tag in tags[:2]:
        if len(text) + len(tag) + 2 <= X_LIMIT:
            text += f" #{tag}"
    return text


def _topic(
    title: str,
    kind: str,
    unit: str,
    ig: str,
    x: str,
    fb: str,
    tags: tuple[str, ...] = (),
    notes: str | None = None,
) -> _Topic:
    video = kind == "video"
    return _Topic(
        title=title,
        kind=kind,
        unit=unit,
        ig=f"Halo {AUDIENCE}! 👋\n\n{ig}\n\n{_IG_CTA[kind]}\n– Mimin\n\n{_hashtags(tags)}",
        x=_x_text(x, tags),
        fb=f"{fb}\n\n{_FB_CTA[kind]}\n\n#SobatMutu #BMSN",
        tags=tags,
        video=video,
        yt=f"{title}\n\n{fb}\n\n{_YT_FOOTER}" if video else "",
        notes=_NOTES.get(kind, "") if notes is None else notes,
    )


_PRODUCTS = (
    ("Helm", "helm", "kepala tetap terlindungi saat berkendara"),
    (
        "Mainan Anak",
        "mainan anak",
        "mainan bebas cat bertimbal dan bagian kecil yang mudah tertelan",
    ),
    ("Kabel Listrik", "kabel listrik", "kabel tidak mudah panas dan risiko korsleting berkurang"),
    ("Setrika Listrik", "setrika listrik", "pemakaian sehari-hari aman dari sengatan listrik"),
    ("Lampu LED", "lampu LED", "lampu hemat energi dan awet"),
    ("Regulator Kompor Gas", "regulator kompor gas", "risiko kebocoran gas di dapur bisa ditekan"),
    ("Ban Kendaraan", "ban kendaraan", "ban tetap mencengkeram jalan saat hujan"),
    (
        "Air Minum dalam Kemasan",
        "air minum dalam kemasan",
        "air yang diminum higienis dan layak konsumsi",
    ),
    ("Botol Susu Bayi", "botol susu bayi", "botol bebas bahan kimia berbahaya bagi si kecil"),
    ("Pemanas Air", "pemanas air", "pengaman suhunya bekerja dengan baik"),
    ("Stopkontak", "stopkontak", "sambungan listrik pas dan tidak mudah longgar"),
    ("Baja Tulangan Beton", "baja tulangan beton", "bangunan berdiri kokoh dan aman"),
    ("Semen", "semen", "kekuatan beton sesuai perhitungan"),
    ("Pupuk", "pupuk", "kandungan hara sesuai dengan yang tertulis di label"),
    (
        "Sepatu Pengaman Kerja",
        "sepatu pengaman kerja",
        "kaki terlindungi dari benturan dan benda tajam",
    ),
    ("Pakaian Bayi", "pakaian bayi", "kain bebas zat pewarna berbahaya"),
    ("Minyak Goreng Kemasan", "minyak goreng kemasan", "mutu minyak terjaga sampai ke dapur"),
    ("Tabung Gas", "tabung gas", "tabung kuat menahan tekanan"),
    ("Kipas Angin", "kipas angin", "kipas aman dipakai berjam-jam"),
    ("Penanak Nasi Listrik", "penanak nasi listrik", "pemakaian aman dan hemat listrik"),
)


def _shopping_topics() -> list[_Topic]:
    return [
        _topic(
            f"Belanja Cerdas: Cek Tanda Mutu Nasional pada {name}",
            "infografis",
            "humas",
            f"Mau beli {thing}? 🛒 Cek dulu logo Tanda Mutu Nasional di produk atau kemasannya ya. "
            f"Produk bertanda ini sudah lolos uji laboratorium, jadi {benefit}. ✅",
            f"Sebelum beli {thing}, cek logo Tanda Mutu Nasional. Produk bertanda ini sudah lolos uji, "
            f"jadi {benefit}.",
            f"Sebelum membeli {thing}, pastikan produk tersebut mencantumkan logo Tanda Mutu Nasional. "
            "Logo ini menunjukkan bahwa produk telah diuji di laboratorium terakreditasi dan memenuhi "
            f"standar nasional, sehingga {benefit}. Jika menemukan produk tanpa tanda atau dengan logo "
            "yang mencurigakan, laporkan melalui kanal pengaduan BMSN.",
            ("BelanjaCerdas",),
        )
        for name, thing, benefit in _PRODUCTS
    ]


# (title, kind, unit, Instagram, X, Facebook, tags)
_TOPICS = (
    (
        "Kenali Standar: Apa Itu Standar?",
        "edukasi",
        "humas",
        "Pernah kepikiran kenapa colokan listrik di rumah selalu pas? 🔌 Itu berkat standar: "
        "kesepakatan tertulis tentang cara membuat produk atau memberi layanan yang baik. Standar "
        "disusun bareng produsen, konsumen, akademisi, dan pemerintah.",
        "Kenapa colokan listrik selalu pas? Karena ada standar: kesepakatan tertulis tentang cara "
        "membuat produk atau memberi layanan yang baik, disusun bersama banyak pihak.",
        "Standar adalah dokumen yang berisi kesepakatan tentang cara membuat produk, menjalankan "
        "proses, atau memberikan layanan yang baik. Standar nasional disusun bersama oleh produsen, "
        "konsumen, akademisi, dan pemerintah, sehingga kepentingan semua pihak terwakili.",
        ("KenaliStandar",),
    ),
    (
        "Kenali Standar: Standar Wajib dan Sukarela",
        "edukasi",
        "humas",
        "Sobat tahu nggak? 🤔 Sebagian besar standar nasional itu sukarela lho. Standar baru jadi "
        "wajib kalau pemerintah memberlakukannya untuk melindungi keselamatan, kesehatan, dan "
        "lingkungan, misalnya untuk helm dan mainan anak.",
        "Sebagian besar standar nasional bersifat sukarela. Standar menjadi wajib bila diberlakukan "
        "pemerintah demi keselamatan, kesehatan, dan lingkungan, misalnya helm dan mainan anak.",
        "Sebagian besar standar nasional bersifat sukarela: produsen menerapkannya untuk "
        "meningkatkan mutu dan daya saing. Standar menjadi wajib apabila pemerintah memberlakukannya "
        "untuk melindungi keselamatan, kesehatan, dan lingkungan, seperti pada helm, mainan anak, "
        "dan kabel listrik.",
        ("KenaliStandar",),
    ),
    (
        "Kenali Standar: Bagaimana Standar Nasional Disusun",
        "edukasi",
        "humas",
        "Standar itu nggak dibuat di balik meja, Sobat! 📝 Rancangannya dibahas di komite teknis, "
        "lalu dibuka untuk jajak pendapat publik. Siapa pun, termasuk kamu, boleh kasih masukan.",
        "Rancangan standar dibahas di komite teknis, lalu dibuka untuk jajak pendapat publik "
        "sebelum ditetapkan. Siapa pun boleh memberi masukan.",
        "Setiap standar nasional melalui beberapa tahap: usulan, pembahasan di komite teknis, jajak "
        "pendapat publik, hingga penetapan. Pada tahap jajak pendapat, masyarakat dapat membaca "
        "rancangan standar dan menyampaikan masukan secara terbuka.",
        ("KenaliStandar",),
    ),
    (
        "Kenali Standar: Apa Itu Akreditasi Laboratorium?",
        "edukasi",
        "humas",
        "Hasil uji lab bisa dipercaya kalau labnya terakreditasi 🔬 Akreditasi adalah pengakuan "
        "bahwa laboratorium itu kompeten: alatnya terkalibrasi, personelnya terlatih, dan metodenya "
        "teruji.",
        "Akreditasi adalah pengakuan bahwa laboratorium kompeten menguji: alat terkalibrasi, "
        "personel terlatih, metode teruji. Hasilnya pun bisa dipercaya.",
        "Akreditasi laboratorium adalah pengakuan formal bahwa sebuah laboratorium kompeten "
        "melakukan pengujian atau kalibrasi tertentu. Penilaian mencakup peralatan, kompetensi "
        "personel, metode, dan sistem mutunya, sehingga hasil ujinya dapat dipercaya.",
        ("KenaliStandar",),
    ),
    (
        "Kenali Standar: Sistem Manajemen Mutu",
        "edukasi",
        "pusdiklat",
        "Kerja rapi itu bisa dipelajari 💼 Sistem manajemen mutu bantu organisasi bekerja "
        "konsisten: prosesnya tertulis, suara pelanggan didengar, dan perbaikan jalan terus.",
        "Sistem manajemen mutu membantu organisasi bekerja konsisten: proses tertulis, pelanggan "
        "didengar, perbaikan berkelanjutan.",
        "Sistem manajemen mutu membantu organisasi, besar maupun kecil, bekerja secara konsisten. "
        "Prosesnya terdokumentasi, masukan pelanggan ditindaklanjuti, dan perbaikan dilakukan "
        "terus-menerus. Standar ini dapat diterapkan oleh pabrik, rumah sakit, sekolah, hingga "
        "instansi pemerintah.",
        ("KenaliStandar",),
    ),
    (
        "Kenali Standar: Keamanan Pangan untuk Usaha Kuliner",
        "edukasi",
        "pusdiklat",
        "Buat Sobat yang punya usaha kuliner 🍜 Standar keamanan pangan bantu memastikan makanan "
        "aman dari bahan baku sampai ke piring pelanggan: kebersihan dapur, suhu penyimpanan, sampai "
        "pelatihan karyawan.",
        "Punya usaha kuliner? Standar keamanan pangan membantu menjaga makanan tetap aman, dari "
        "bahan baku, kebersihan dapur, suhu penyimpanan, hingga penyajian.",
        "Standar keamanan pangan membantu pelaku usaha kuliner mengendalikan risiko di setiap tahap, "
        "mulai dari pemilihan bahan baku, kebersihan dapur, suhu penyimpanan, hingga penyajian. "
        "Penerapannya melindungi konsumen sekaligus meningkatkan kepercayaan pelanggan.",
        ("KenaliStandar", "KeamananPangan"),
    ),
    (
        "Kenali Standar: Manajemen Lingkungan",
        "edukasi",
        "humas",
        "Peduli bumi juga bisa lewat standar 🌱 Standar manajemen lingkungan bantu perusahaan "
        "menghemat energi dan air, mengurangi limbah, dan mematuhi aturan lingkungan.",
        "Standar manajemen lingkungan membantu organisasi menghemat energi dan air, mengurangi "
        "limbah, dan memenuhi aturan lingkungan.",
        "Standar sistem manajemen lingkungan memberi kerangka bagi organisasi untuk mengenali dampak "
        "kegiatannya terhadap lingkungan, menghemat energi dan air, mengurangi limbah, serta "
        "memenuhi peraturan yang berlaku.",
        ("KenaliStandar",),
    ),
    (
        "Kenali Standar: Keselamatan dan Kesehatan Kerja",
        "edukasi",
        "humas",
        "Pulang kerja dengan selamat itu hak semua pekerja 👷 Standar keselamatan dan kesehatan "
        "kerja bantu tempat kerja mengenali bahaya dan mencegah kecelakaan sebelum terjadi.",
        "Standar keselamatan dan kesehatan kerja membantu tempat kerja mengenali bahaya dan mencegah "
        "kecelakaan sebelum terjadi.",
        "Standar sistem manajemen keselamatan dan kesehatan kerja membantu organisasi "
        "mengidentifikasi bahaya, menilai risiko, dan menetapkan pengendalian, sehingga kecelakaan "
        "dan penyakit akibat kerja dapat dicegah.",
        ("KenaliStandar", "K3"),
    ),
    (
        "Kenali Standar: Kenapa Alat Ukur Perlu Dikalibrasi",
        "edukasi",
        "pusdiklat",
        "Termometer, timbangan, meteran… semua bisa meleset seiring waktu ⚖️ Kalibrasi memastikan "
        "alat ukur tetap memberi hasil yang benar. Kecil tapi penting!",
        "Alat ukur bisa meleset seiring waktu. Kalibrasi memastikan termometer, timbangan, dan "
        "meteran tetap memberi hasil yang benar.",
        "Kalibrasi adalah kegiatan membandingkan alat ukur dengan acuan yang tertelusur untuk "
        "mengetahui penyimpangannya. Alat ukur yang terkalibrasi memastikan hasil pengukuran di "
        "industri, laboratorium, dan layanan kesehatan dapat dipercaya.",
        ("KenaliStandar", "Kalibrasi"),
    ),
    (
        "Kenali Standar: Apa Itu Penilaian Kesesuaian?",
        "edukasi",
        "humas",
        "Istilahnya mungkin asing, tapi manfaatnya dekat 🙌 Penilaian kesesuaian adalah cara "
        "membuktikan produk atau layanan memenuhi standar: lewat pengujian, inspeksi, atau "
        "sertifikasi.",
        "Penilaian kesesuaian adalah cara membuktikan produk atau layanan memenuhi standar, lewat "
        "pengujian, inspeksi, atau sertifikasi.",
        "Penilaian kesesuaian adalah rangkaian kegiatan untuk membuktikan bahwa produk, proses, atau "
        "layanan memenuhi standar. Bentuknya dapat berupa pengujian di laboratorium, inspeksi, "
        "maupun sertifikasi oleh lembaga yang terakreditasi.",
        ("KenaliStandar",),
    ),
    (
        "Kenali Standar: Standar untuk Produk Ekspor",
        "edukasi",
        "humas",
        "Mau produk lokal mendunia? 🌏 Standar jadi bahasa bersama dalam perdagangan internasional. "
        "Produk yang memenuhi standar lebih mudah diterima pembeli di luar negeri.",
        "Standar adalah bahasa bersama perdagangan internasional. Produk yang memenuhi standar lebih "
        "mudah diterima pasar ekspor.",
        "Dalam perdagangan internasional, standar berfungsi sebagai bahasa bersama antara penjual "
        "dan pembeli. Produk yang memenuhi standar yang diakui lebih mudah menembus pasar ekspor "
        "karena mutunya dapat dibuktikan.",
        ("KenaliStandar", "UMKMNaikKelas"),
    ),
    (
        "Kenali Standar: Standar Pelayanan Publik",
        "edukasi",
        "humas",
        "Standar bukan cuma untuk produk, Sobat! 🏛️ Layanan publik juga punya standar: waktu "
        "layanan, biaya, persyaratan, dan cara menyampaikan pengaduan harus jelas dan terbuka.",
        "Layanan publik juga punya standar: waktu layanan, biaya, persyaratan, dan cara pengaduan "
        "harus jelas dan terbuka.",
        "Standar tidak hanya berlaku untuk produk. Setiap unit layanan publik wajib memiliki standar "
        "pelayanan yang memuat persyaratan, prosedur, waktu, biaya, dan mekanisme pengaduan, serta "
        "mengumumkannya secara terbuka kepada masyarakat.",
        ("KenaliStandar", "PelayananPublik"),
    ),
    (
        "Infografis: 5 Langkah Mendapatkan Tanda Mutu Nasional",
        "infografis",
        "humas",
        "Mau produkmu bertanda mutu? Ini 5 langkahnya 👇\n1️⃣ Siapkan dokumen mutu\n2️⃣ Ajukan "
        "permohonan daring\n3️⃣ Audit tempat produksi\n4️⃣ Uji contoh produk\n5️⃣ Sertifikat terbit!",
        "5 langkah mendapatkan Tanda Mutu Nasional: siapkan dokumen mutu, ajukan permohonan daring, "
        "audit tempat produksi, uji contoh produk, sertifikat terbit.",
        "Berikut lima langkah memperoleh sertifikat Tanda Mutu Nasional: (1) menyiapkan dokumen "
        "sistem mutu, (2) mengajukan permohonan secara daring, (3) audit tempat produksi, "
        "(4) pengujian contoh produk di laboratorium terakreditasi, dan (5) penerbitan sertifikat.",
        ("Sertifikasi",),
    ),
    (
        "Infografis: Cara Membaca Label Produk Bertanda Mutu",
        "infografis",
        "humas",
        "Label kemasan itu penuh info penting lho 🏷️ Cek logo Tanda Mutu Nasional, nomor standar, "
        "nama dan alamat produsen, serta kode produksi. Kalau ada yang janggal, laporkan ke Mimin!",
        "Cara membaca label produk bertanda mutu: cek logo Tanda Mutu Nasional, nomor standar, "
        "identitas produsen, dan kode produksi.",
        "Label produk bertanda mutu memuat logo Tanda Mutu Nasional, nomor standar yang diacu, nama "
        "dan alamat produsen, serta kode produksi. Informasi ini memudahkan konsumen menelusuri asal "
        "produk dan memastikan keasliannya.",
        ("BelanjaCerdas",),
    ),
    (
        "Infografis: Standar di Sekitar Rumah Kita",
        "infografis",
        "humas",
        "Coba lihat sekeliling rumahmu 🏠 Kabel, stopkontak, helm, mainan, sampai air minum kemasan, "
        "semuanya punya standar. Berapa banyak yang sudah Sobat cek?",
        "Kabel, stopkontak, helm, mainan, air minum kemasan: banyak barang di rumah kita punya "
        "standar. Sudah dicek belum?",
        "Tanpa disadari, banyak barang di rumah kita diatur oleh standar: kabel dan stopkontak, "
        "peralatan dapur, helm, mainan anak, hingga air minum dalam kemasan. Standar tersebut "
        "memastikan barang-barang itu aman dipakai sehari-hari.",
        ("MutuDiRumah",),
    ),
    (
        "Infografis: Perjalanan Produk Menuju Tanda Mutu Nasional",
        "infografis",
        "humas",
        "Dari pabrik ke rak toko, ini perjalanan produk sampai boleh memakai logo Tanda Mutu "
        "Nasional 🚚 Ada audit, uji laboratorium, dan pengawasan rutin setelahnya.",
        "Sebelum memakai logo Tanda Mutu Nasional, produk melewati audit, uji laboratorium, dan "
        "pengawasan rutin.",
        "Sebuah produk tidak serta-merta boleh memakai logo Tanda Mutu Nasional. Produsen harus "
        "lolos audit, contoh produknya diuji di laboratorium terakreditasi, dan setelah sertifikat "
        "terbit, produk tetap diawasi secara berkala di pabrik maupun di pasar.",
        ("Sertifikasi",),
    ),
    (
        "Infografis: Mitos dan Fakta Produk Bersertifikat",
        "infografis",
        "humas",
        "Mitos: produk bersertifikat pasti mahal 💸 Fakta: banyak produk UMKM bertanda mutu dengan "
        "harga terjangkau! Geser untuk mitos dan fakta lainnya.",
        "Mitos: produk bersertifikat pasti mahal. Fakta: banyak produk UMKM bertanda mutu dengan "
        "harga terjangkau.",
        "Masih banyak anggapan keliru tentang produk bersertifikat, misalnya bahwa harganya pasti "
        "mahal atau hanya untuk produk pabrik besar. Faktanya, banyak produk UMKM telah bertanda "
        "mutu dengan harga yang terjangkau.",
        ("MitosAtauFakta",),
    ),
    (
        "Infografis: Tips Aman Memakai Kompor Gas",
        "infografis",
        "humas",
        "Masak aman, hati tenang 🔥 Pakai regulator dan selang bertanda mutu, cek kebocoran dengan "
        "air sabun, dan pastikan dapur punya ventilasi yang cukup.",
        "Tips aman memakai kompor gas: pakai regulator dan selang bertanda mutu, cek kebocoran "
        "dengan air sabun, jaga ventilasi dapur.",
        "Agar aman saat memasak, gunakan regulator dan selang gas yang bertanda mutu, periksa "
        "kebocoran dengan air sabun secara berkala, dan pastikan dapur memiliki ventilasi yang "
        "cukup. Segera matikan kompor dan buka jendela bila tercium bau gas.",
        ("AmanDiRumah",),
    ),
    (
        "Infografis: Maklumat Pelayanan BMSN",
        "infografis",
        "humas",
        "Ini janji layanan kami untuk Sobat Mutu 🤝 Cepat, transparan, tanpa pungutan liar. Kalau "
        "ada yang tidak sesuai, sampaikan lewat kanal pengaduan resmi ya.",
        "Maklumat pelayanan BMSN: cepat, transparan, tanpa pungutan liar. Sampaikan keluhan lewat "
        "kanal pengaduan resmi.",
        "BMSN menyatakan sanggup menyelenggarakan pelayanan sesuai standar pelayanan yang telah "
        "ditetapkan: cepat, transparan, dan tanpa pungutan liar. Apabila pelayanan tidak sesuai, "
        "masyarakat dapat menyampaikan pengaduan melalui kanal resmi.",
        ("PelayananPublik",),
    ),
    (
        "Infografis: Kanal Layanan Informasi dan Pengaduan",
        "infografis",
        "humas",
        "Mau tanya atau menyampaikan keluhan? 📞 Sobat bisa hubungi kami lewat pusat panggilan, "
        "surel, layanan tatap muka, atau DM ke akun resmi ini.",
        "Kanal layanan informasi dan pengaduan BMSN: pusat panggilan, surel, layanan tatap muka, dan "
        "pesan langsung ke akun resmi ini.",
        "Masyarakat dapat memperoleh informasi dan menyampaikan pengaduan melalui pusat panggilan, "
        "surat elektronik, layanan tatap muka di kantor BMSN, maupun pesan langsung ke akun media "
        "sosial resmi BMSN.",
        ("PelayananPublik",),
    ),
    (
        "Infografis: Hemat Listrik dengan Label Hemat Energi",
        "infografis",
        "humas",
        "Tagihan listrik bikin pusing? 💡 Pilih peralatan berlabel hemat energi. Makin banyak "
        "bintangnya, makin hemat listriknya!",
        "Pilih peralatan berlabel hemat energi: makin banyak bintangnya, makin hemat listriknya.",
        "Label hemat energi membantu konsumen membandingkan konsumsi listrik peralatan rumah tangga. "
        "Semakin banyak jumlah bintang pada label, semakin hemat energi peralatan tersebut.",
        ("HematEnergi",),
    ),
    (
        "Infografis: Akun Resmi BMSN",
        "infografis",
        "humas",
        "Waspada akun palsu! 🚨 Akun resmi BMSN hanya @bmsn_ri di Instagram dan X, halaman Facebook "
        "Badan Mutu Standar Nasional, dan kanal YouTube BMSN RI. Semuanya terverifikasi.",
        "Waspada akun palsu! Akun resmi BMSN hanya @bmsn_ri di Instagram dan X, halaman Facebook "
        "Badan Mutu Standar Nasional, dan kanal YouTube BMSN RI.",
        "Waspadai akun palsu yang mengatasnamakan BMSN. Akun resmi BMSN hanya @bmsn_ri di Instagram "
        "dan X, halaman Facebook Badan Mutu Standar Nasional, serta kanal YouTube BMSN RI. BMSN "
        "tidak pernah meminta data pribadi atau pembayaran melalui pesan langsung.",
        ("WaspadaPenipuan",),
    ),
    (
        "Infografis: Waspada Penipuan Mengatasnamakan BMSN",
        "infografis",
        "humas",
        "Hati-hati ya, Sobat! ⚠️ BMSN nggak pernah minta biaya sertifikasi lewat pesan pribadi atau "
        "transfer ke rekening perorangan. Ragu? Cek dulu ke kanal resmi kami.",
        "BMSN tidak pernah meminta biaya lewat pesan pribadi atau transfer ke rekening perorangan. "
        "Ragu? Tanyakan ke kanal resmi kami.",
        "Beredar pesan yang mengatasnamakan BMSN dan meminta sejumlah biaya untuk mempercepat "
        "sertifikasi. BMSN tidak pernah meminta pembayaran melalui pesan pribadi atau ke rekening "
        "perorangan. Jika ragu, konfirmasikan melalui kanal layanan resmi BMSN.",
        ("WaspadaPenipuan",),
    ),
    (
        "Video: Sehari di Laboratorium Uji BMSN",
        "video",
        "humas",
        "Penasaran apa saja yang terjadi di laboratorium uji? 🔬 Ikut Mimin jalan-jalan seharian di "
        "lab BMSN, dari uji benturan helm sampai uji air minum kemasan!",
        "Ikut seharian di laboratorium uji BMSN: dari uji benturan helm sampai uji air minum "
        "kemasan. Tonton videonya!",
        "Bagaimana sebuah produk diuji sebelum memperoleh Tanda Mutu Nasional? Dalam video ini, kami "
        "mengajak Sobat Mutu melihat kegiatan sehari-hari di laboratorium uji BMSN, mulai dari uji "
        "benturan helm hingga pengujian air minum dalam kemasan.",
        ("DiBalikLayar",),
    ),
    (
        "Video: Cara Mengecek Keaslian Sertifikat",
        "video",
        "humas",
        "Cuma butuh 1 menit! ⏱️ Tonton cara mengecek keaslian sertifikat Tanda Mutu Nasional lewat "
        "laman resmi BMSN.",
        "Satu menit untuk mengecek keaslian sertifikat Tanda Mutu Nasional. Simak videonya.",
        "Video tutorial singkat ini menunjukkan langkah-langkah mengecek keaslian sertifikat Tanda "
        "Mutu Nasional melalui laman resmi BMSN.",
        ("Sertifikasi",),
    ),
    (
        "Video: Kisah UMKM Keripik Tembus Pasar Ritel",
        "video",
        "bls",
        "Dari dapur rumah ke rak swalayan 🛍️ Simak kisah UMKM keripik pisang dari Kendari yang "
        "produknya tembus pasar ritel setelah bertanda mutu!",
        "Kisah UMKM keripik pisang dari Kendari yang tembus pasar ritel setelah produknya bertanda "
        "mutu.",
        "Berawal dari dapur rumah, sebuah UMKM keripik pisang di Kendari kini memasok jaringan "
        "swalayan setelah produknya memperoleh Tanda Mutu Nasional dengan pendampingan Balai Layanan "
        "Standar Wilayah Timur. Simak kisahnya dalam video berikut.",
        ("UMKMNaikKelas",),
    ),
    (
        "Video: Kenapa Helm Harus Diuji Benturan?",
        "video",
        "humas",
        "Helm yang kelihatannya kokoh belum tentu aman 🪖 Lihat langsung bagaimana helm diuji "
        "benturan di laboratorium!",
        "Helm yang kelihatannya kokoh belum tentu aman. Lihat bagaimana helm diuji benturan di "
        "laboratorium.",
        "Helm yang tampak kokoh belum tentu mampu melindungi kepala saat terjadi benturan. Video ini "
        "memperlihatkan proses uji benturan dan uji penetrasi helm di laboratorium, syarat sebelum "
        "helm memperoleh Tanda Mutu Nasional.",
        ("HelmBermutu",),
    ),
    (
        "Video: Mengenal Komite Teknis Penyusun Standar",
        "video",
        "humas",
        "Siapa sih yang nyusun standar? 👥 Kenalan yuk sama komite teknis, tempat para ahli, "
        "produsen, dan konsumen duduk bersama.",
        "Siapa yang menyusun standar? Kenalan dengan komite teknis, tempat ahli, produsen, dan "
        "konsumen duduk bersama.",
        "Standar nasional disusun oleh komite teknis yang beranggotakan perwakilan produsen, "
        "konsumen, pakar, dan pemerintah. Video ini memperkenalkan cara kerja komite teknis dalam "
        "merumuskan sebuah standar.",
        ("KenaliStandar",),
    ),
    (
        "Video Tutorial: Mengajukan Sertifikasi Secara Daring",
        "video",
        "humas",
        "Ajukan sertifikasi sekarang bisa dari rumah 💻 Tonton tutorial langkah demi langkahnya di "
        "sini!",
        "Tutorial langkah demi langkah mengajukan sertifikasi Tanda Mutu Nasional secara daring.",
        "Permohonan sertifikasi Tanda Mutu Nasional kini dapat diajukan secara daring. Video "
        "tutorial ini memandu Sobat Mutu langkah demi langkah, mulai dari membuat akun hingga "
        "mengunggah dokumen.",
        ("Sertifikasi",),
    ),
    (
        "Video Animasi: Apa Itu Standar?",
        "video",
        "humas",
        "Versi animasinya sudah tayang! 🎬 Dalam 2 menit, kenali apa itu standar dan kenapa hidup "
        "kita jadi lebih aman karenanya.",
        "Dalam dua menit: apa itu standar dan mengapa hidup kita lebih aman karenanya. Tonton "
        "animasinya!",
        "Melalui video animasi berdurasi dua menit ini, Sobat Mutu dapat memahami apa itu standar, "
        "siapa yang menyusunnya, dan bagaimana standar membuat kehidupan sehari-hari lebih aman.",
        ("KenaliStandar",),
    ),
    (
        "Video: Di Balik Uji Keamanan Mainan Anak",
        "video",
        "humas",
        "Mainan anak diuji apa saja sih? 🧸 Dari uji tarik bagian kecil sampai uji kandungan logam "
        "berat. Tonton videonya, Sobat!",
        "Mainan anak diuji apa saja? Dari uji tarik bagian kecil sampai uji kandungan logam berat.",
        "Sebelum sampai ke tangan anak-anak, mainan bertanda mutu melewati serangkaian pengujian, "
        "antara lain uji tarik untuk bagian kecil, uji tepi tajam, dan uji kandungan logam berat "
        "pada cat.",
        ("MainanAman",),
    ),
    (
        "Sorotan: Pelatihan Auditor Sistem Manajemen Mutu",
        "video",
        "pusdiklat",
        "Lima hari belajar, diskusi, dan praktik audit 📋 Ini momen-momen seru Pelatihan Auditor "
        "Sistem Manajemen Mutu di Pusdiklat BMSN!",
        "Sorotan Pelatihan Auditor Sistem Manajemen Mutu di Pusdiklat BMSN: lima hari belajar dan "
        "praktik audit.",
        "Pusdiklat BMSN telah menyelenggarakan Pelatihan Auditor Sistem Manajemen Mutu selama lima "
        "hari. Peserta mempelajari prinsip audit, menyusun daftar periksa, dan mempraktikkan audit "
        "di lingkungan kerja nyata.",
        ("PusdiklatBMSN",),
    ),
    (
        "Sorotan: Kelas Guru Budaya Mutu",
        "video",
        "pusdiklat",
        "Guru-guru hebat belajar cara mengenalkan budaya mutu ke murid 👩‍🏫 Terima kasih sudah ikut "
        "kelasnya!",
        "Sorotan Kelas Guru: para guru SMA dan SMK belajar mengenalkan budaya mutu kepada murid.",
        "Puluhan guru SMA dan SMK mengikuti Kelas Guru: Mengenalkan Budaya Mutu di Sekolah yang "
        "diselenggarakan Pusdiklat BMSN secara daring. Peserta berbagi praktik baik mengajarkan "
        "ketelitian dan kerja rapi di kelas.",
        ("PusdiklatBMSN", "BudayaMutu"),
    ),
    (
        "Podcast Sobat Mutu: Karier di Bidang Standardisasi",
        "video",
        "humas",
        "Episode baru podcast Sobat Mutu! 🎧 Ngobrol santai soal karier di bidang standardisasi: "
        "auditor, penguji, sampai penyusun standar.",
        "Episode baru Podcast Sobat Mutu: ngobrol soal karier di bidang standardisasi, dari auditor "
        "sampai penguji laboratorium.",
        "Episode terbaru Podcast Sobat Mutu membahas peluang karier di bidang standardisasi dan "
        "penilaian kesesuaian, seperti auditor, penguji laboratorium, dan penyusun standar, bersama "
        "narasumber dari Pusdiklat BMSN.",
        ("PodcastSobatMutu",),
    ),
    (
        "Podcast Sobat Mutu: Belanja Daring yang Aman",
        "video",
        "humas",
        "Suka belanja online? 🛒 Di episode ini kita bahas cara memilih produk aman di lokapasar, "
        "termasuk cara cek tanda mutu dari foto produk.",
        "Podcast Sobat Mutu: cara memilih produk aman saat belanja daring, termasuk memeriksa tanda "
        "mutu dari foto produk.",
        "Belanja daring memudahkan, tetapi konsumen perlu lebih teliti. Dalam episode ini, "
        "narasumber membagikan cara memilih produk yang aman di lokapasar, termasuk memeriksa tanda "
        "mutu dan informasi produsen.",
        ("PodcastSobatMutu", "BelanjaCerdas"),
    ),
    (
        "Video: Pengujian Produk Lokal di Laboratorium BLS Timur",
        "video",
        "bls",
        "Lab di BLS Timur siap melayani produk lokal dari kawasan timur 🧪 Intip proses ujinya di "
        "video ini!",
        "Intip pengujian produk lokal di laboratorium Balai Layanan Standar Wilayah Timur.",
        "Laboratorium Balai Layanan Standar Wilayah Timur melayani pengujian produk pangan dan "
        "nonpangan dari pelaku usaha di kawasan timur Indonesia, sehingga produsen tidak perlu "
        "mengirim contoh produk jauh-jauh.",
        ("BLSTimur",),
    ),
    (
        "Tantangan #MutuDiRumah: Foto Produk Bertanda Mutu di Rumahmu",
        "interaksi",
        "humas",
        "Ikutan tantangan #MutuDiRumah yuk! 📸 Foto satu barang bertanda mutu di rumahmu, unggah ke "
        "feed, tag @bmsn_ri, dan ceritakan kenapa kamu memilihnya. Ada hadiah menarik untuk 5 cerita "
        "terbaik!",
        "Ikutan #MutuDiRumah! Foto barang bertanda mutu di rumahmu, unggah, dan tag @bmsn_ri. Ada "
        "hadiah untuk 5 cerita terbaik.",
        "Ikuti tantangan #MutuDiRumah: foto satu barang bertanda mutu di rumah Sobat, unggah di akun "
        "Facebook atau Instagram, tandai akun BMSN, dan ceritakan alasan memilihnya. Lima cerita "
        "terbaik akan mendapat hadiah dari BMSN.",
        ("MutuDiRumah",),
    ),
    (
        "Pemenang Lomba Foto Mutu di Sekitar Kita",
        "interaksi",
        "humas",
        "Selamat untuk para pemenang lomba foto Mutu di Sekitar Kita! 🏆 Karya kalian keren banget. "
        "Hadiah akan dikirim minggu depan, cek DM ya.",
        "Selamat kepada para pemenang lomba foto Mutu di Sekitar Kita! Terima kasih untuk semua "
        "peserta.",
        "Selamat kepada para pemenang lomba foto Mutu di Sekitar Kita. Terima kasih kepada seluruh "
        "peserta yang telah berbagi cerita tentang produk bermutu di lingkungan masing-masing. "
        "Pemenang akan dihubungi melalui pesan langsung.",
        ("LombaFotoMutu",),
    ),
    (
        "Polling: Produk Apa yang Paling Sering Sobat Cek Labelnya?",
        "interaksi",
        "humas",
        "Polling dulu yuk! 🗳️ Produk apa yang paling sering Sobat cek labelnya sebelum beli? Makanan "
        "kemasan, peralatan listrik, atau mainan anak? Jawab di kolom komentar!",
        "Produk apa yang paling sering kamu cek labelnya sebelum beli? Makanan kemasan, peralatan "
        "listrik, atau mainan anak?",
        "Sobat Mutu, produk apa yang paling sering Sobat periksa labelnya sebelum membeli: makanan "
        "kemasan, peralatan listrik, atau mainan anak? Bagikan jawaban Sobat di kolom komentar.",
        ("BelanjaCerdas",),
    ),
    (
        "Survei Kepuasan Layanan BMSN",
        "layanan",
        "humas",
        "Suara Sobat penting buat kami 🙏 Isi survei kepuasan layanan BMSN lewat tautan di bio, cuma "
        "5 menit!",
        "Bantu kami memperbaiki layanan: isi survei kepuasan layanan BMSN, hanya lima menit.",
        "Dalam rangka meningkatkan kualitas pelayanan publik, BMSN mengundang masyarakat yang pernah "
        "menggunakan layanan kami untuk mengisi survei kepuasan layanan. Pengisian hanya memerlukan "
        "waktu sekitar lima menit.",
        ("PelayananPublik",),
    ),
    (
        "Kenalan dengan Tim Humas BMSN",
        "interaksi",
        "humas",
        "Siapa sih di balik akun ini? 👀 Kenalan yuk sama tim Humas BMSN yang tiap hari menyiapkan "
        "konten buat Sobat Mutu!",
        "Di balik akun ini ada tim Humas BMSN yang tiap hari menyiapkan informasi buat Sobat Mutu. "
        "Salam kenal!",
        "Di balik akun resmi BMSN ada tim Biro Hubungan Masyarakat yang setiap hari menyiapkan "
        "informasi, menjawab pertanyaan, dan mendengarkan masukan Sobat Mutu. Salam kenal dari kami!",
        ("DiBalikLayar",),
    ),
    (
        "Ruang Baca Standar Kini Buka Hari Sabtu",
        "layanan",
        "humas",
        "Kabar baik! 📖 Mulai bulan ini Ruang Baca Standar BMSN juga buka hari Sabtu pukul "
        "08.00–12.00. Cocok buat mahasiswa yang lagi nyusun skripsi!",
        "Mulai bulan ini Ruang Baca Standar BMSN juga buka hari Sabtu pukul 08.00–12.00.",
        "Untuk memperluas akses informasi standar, Ruang Baca Standar BMSN kini juga melayani "
        "pengunjung pada hari Sabtu pukul 08.00–12.00 WIB. Layanan ini terbuka untuk umum tanpa "
        "biaya.",
        ("RuangBacaStandar",),
    ),
    (
        "Live Instagram: Ngobrol Mutu bersama Komunitas Konsumen Muda",
        "interaksi",
        "humas",
        "Nanti malam live bareng Komunitas Konsumen Muda! 🎙️ Kita bahas tips jadi konsumen cerdas. "
        "Siapkan pertanyaanmu ya!",
        "Nanti malam, Live Instagram @bmsn_ri bersama Komunitas Konsumen Muda membahas tips jadi "
        "konsumen cerdas.",
        "Saksikan siaran langsung Instagram @bmsn_ri bersama Komunitas Konsumen Muda yang membahas "
        "kiat menjadi konsumen cerdas. Siapkan pertanyaan Sobat Mutu untuk sesi tanya jawab.",
        ("KonsumenCerdas",),
    ),
    (
        "Tips: Merawat Helm Supaya Tetap Aman",
        "edukasi",
        "humas",
        "Helm juga perlu dirawat 🪖 Jangan dijemur terik terlalu lama, cuci busa bagian dalam "
        "secara berkala, dan ganti helm yang pernah terbentur keras.",
        "Rawat helmmu: hindari jemur terik terlalu lama, cuci busa dalam secara berkala, ganti helm "
        "yang pernah terbentur keras.",
        "Helm yang baik perlu dirawat agar tetap melindungi. Hindari menjemur helm di bawah terik "
        "matahari terlalu lama, bersihkan busa bagian dalam secara berkala, dan segera ganti helm "
        "yang pernah mengalami benturan keras.",
        ("HelmBermutu",),
    ),
    (
        "Tips: Hindari Colokan Bertumpuk",
        "edukasi",
        "humas",
        "Colokan numpuk di satu stopkontak? Bahaya, Sobat! ⚡ Pakai stopkontak bertanda mutu, jangan "
        "melebihi daya, dan cabut yang tidak dipakai.",
        "Hindari colokan bertumpuk di satu stopkontak. Pakai stopkontak bertanda mutu, jangan "
        "melebihi daya, cabut yang tak dipakai.",
        "Menumpuk banyak colokan pada satu stopkontak dapat menyebabkan panas berlebih dan "
        "korsleting. Gunakan stopkontak bertanda mutu, perhatikan batas daya, dan cabut peralatan "
        "yang tidak digunakan.",
        ("AmanDiRumah",),
    ),
    (
        "Kuliah Umum Standardisasi di Kampus",
        "kegiatan",
        "pusdiklat",
        "Budaya mutu masuk kampus! 🎓 Terima kasih untuk mahasiswa yang sudah ramai hadir di kuliah "
        "umum standardisasi pekan ini.",
        "Terima kasih kepada mahasiswa yang hadir di kuliah umum standardisasi pekan ini. Budaya "
        "mutu masuk kampus!",
        "BMSN bekerja sama dengan sejumlah perguruan tinggi menyelenggarakan kuliah umum tentang "
        "standardisasi dan penilaian kesesuaian. Kegiatan ini bertujuan mengenalkan budaya mutu "
        "kepada generasi muda sejak di bangku kuliah.",
        ("BudayaMutu",),
    ),
    (
        "Tips: Memilih Mainan Sesuai Usia Anak",
        "edukasi",
        "humas",
        "Mainan yang aman itu yang sesuai usia 🧸 Cek label usia di kemasan, hindari mainan dengan "
        "bagian kecil untuk balita, dan pastikan ada logo Tanda Mutu Nasional.",
        "Pilih mainan sesuai usia: cek label usia, hindari bagian kecil untuk balita, pastikan ada "
        "logo Tanda Mutu Nasional.",
        "Saat membeli mainan, perhatikan label batas usia pada kemasan. Hindari mainan dengan bagian "
        "kecil untuk anak di bawah tiga tahun, dan pastikan mainan mencantumkan logo Tanda Mutu "
        "Nasional.",
        ("MainanAman",),
    ),
    (
        "Tips: Cek Tanda Mutu Saat Belanja Daring",
        "edukasi",
        "humas",
        "Belanja online tetap bisa cerdas 📱 Perbesar foto produk, cari logo Tanda Mutu Nasional "
        "dan nomor sertifikatnya, lalu cek di laman resmi BMSN.",
        "Belanja daring? Perbesar foto produk, cari logo Tanda Mutu Nasional dan nomor "
        "sertifikatnya, lalu cek di laman resmi BMSN.",
        "Saat berbelanja daring, perbesar foto produk dan kemasannya untuk menemukan logo Tanda Mutu "
        "Nasional beserta nomor sertifikatnya. Nomor tersebut dapat dicek kebenarannya melalui laman "
        "resmi BMSN.",
        ("BelanjaCerdas",),
    ),
    (
        "Tips: Menyimpan Air Minum Kemasan dengan Benar",
        "edukasi",
        "humas",
        "Air minum kemasan jangan disimpan di bawah sinar matahari langsung ya ☀️ Simpan di tempat "
        "sejuk dan perhatikan tanggal kedaluwarsanya.",
        "Simpan air minum kemasan di tempat sejuk, jauh dari sinar matahari langsung, dan "
        "perhatikan tanggal kedaluwarsanya.",
        "Air minum dalam kemasan sebaiknya disimpan di tempat yang sejuk dan terlindung dari sinar "
        "matahari langsung. Periksa juga kondisi segel dan tanggal kedaluwarsa sebelum dikonsumsi.",
        ("AmanDiRumah",),
    ),
    (
        "Kunjungan Pelajar SMK ke Laboratorium BMSN",
        "kegiatan",
        "humas",
        "Seru banget kedatangan adik-adik SMK hari ini! 🧪 Mereka lihat langsung cara kerja "
        "laboratorium uji dan belajar pentingnya ketelitian.",
        "Hari ini laboratorium BMSN kedatangan pelajar SMK yang belajar langsung cara kerja "
        "laboratorium uji.",
        "Laboratorium BMSN menerima kunjungan pelajar SMK yang ingin mengenal dunia pengujian. Para "
        "pelajar melihat langsung peralatan uji dan belajar pentingnya ketelitian dalam setiap "
        "pengukuran.",
        ("BudayaMutu",),
    ),
    (
        "Jajak Pendapat Rancangan Standar Dibuka",
        "layanan",
        "humas",
        "Sobat bisa ikut menentukan isi standar lho! 🗳️ Jajak pendapat rancangan standar periode ini "
        "sudah dibuka. Baca rancangannya dan kirim masukanmu lewat laman resmi BMSN.",
        "Jajak pendapat rancangan standar periode ini dibuka. Baca rancangannya dan kirim masukan "
        "lewat laman resmi BMSN.",
        "BMSN membuka jajak pendapat atas sejumlah rancangan standar nasional. Masyarakat, pelaku "
        "usaha, dan akademisi dapat membaca rancangan tersebut dan menyampaikan masukan melalui "
        "laman resmi BMSN sebelum batas waktu yang ditentukan.",
        ("KenaliStandar",),
    ),
    (
        "Tips: Memilih Helm untuk Anak",
        "edukasi",
        "humas",
        "Helm anak bukan helm dewasa versi mini 🧒 Pilih ukuran yang pas di kepala, tali dagu yang "
        "kuat, dan logo Tanda Mutu Nasional.",
        "Pilih helm anak yang ukurannya pas, tali dagunya kuat, dan bertanda mutu.",
        "Helm untuk anak harus dipilih sesuai ukuran kepala, memiliki tali dagu yang kuat, dan "
        "mencantumkan logo Tanda Mutu Nasional. Helm yang terlalu besar tidak akan melindungi dengan "
        "baik.",
        ("HelmBermutu",),
    ),
)

# (question, Instagram answer, X answer, Facebook answer)
_QUESTIONS = (
    (
        "Berapa lama proses sertifikasi Tanda Mutu Nasional?",
        "Rata-rata 30 hari kerja sejak dokumen lengkap, tergantung jadwal uji laboratorium ya ⏳",
        "Rata-rata 30 hari kerja sejak dokumen lengkap, tergantung jadwal uji laboratorium.",
        "Proses sertifikasi rata-rata memerlukan 30 hari kerja sejak dokumen permohonan dinyatakan "
        "lengkap. Waktu tersebut dapat bervariasi bergantung pada jadwal pengujian di laboratorium.",
    ),
    (
        "Apakah UMKM bisa mengajukan sertifikasi?",
        "Bisa banget! 💪 UMKM bisa dapat pendampingan gratis dari Balai Layanan Standar di wilayah "
        "masing-masing, mulai dari menyiapkan dokumen sampai uji produk.",
        "Bisa. UMKM dapat pendampingan gratis dari Balai Layanan Standar di wilayahnya, dari "
        "penyiapan dokumen sampai uji produk.",
        "Bisa. Pelaku UMKM dapat memperoleh pendampingan tanpa biaya dari Balai Layanan Standar di "
        "wilayah masing-masing, mulai dari penyiapan dokumen mutu hingga pengujian produk.",
    ),
    (
        "Bagaimana cara mengecek keaslian sertifikat?",
        "Gampang! 🔍 Masukkan nomor sertifikat di laman cek sertifikat BMSN. Nama pemegang, jenis "
        "produk, dan masa berlakunya langsung muncul.",
        "Masukkan nomor sertifikat di laman cek sertifikat BMSN; nama pemegang, produk, dan masa "
        "berlakunya akan tampil.",
        "Keaslian sertifikat dapat diperiksa dengan memasukkan nomor sertifikat pada laman cek "
        "sertifikat BMSN. Sistem akan menampilkan nama pemegang sertifikat, jenis produk, dan masa "
        "berlakunya.",
    ),
    (
        "Ke mana melaporkan produk dengan logo palsu?",
        "Laporkan ke kanal pengaduan BMSN ya 📣 Sertakan foto produk, tempat membeli, dan tanggal "
        "pembelian supaya bisa cepat ditindaklanjuti.",
        "Laporkan ke kanal pengaduan BMSN dengan foto produk, tempat, dan tanggal pembelian.",
        "Silakan laporkan melalui kanal pengaduan BMSN dengan melampirkan foto produk, nama dan "
        "alamat tempat pembelian, serta tanggal pembelian. Setiap laporan akan ditindaklanjuti dan "
        "identitas pelapor dijaga kerahasiaannya.",
    ),
    (
        "Berapa lama sertifikat Tanda Mutu Nasional berlaku?",
        "Sertifikat berlaku 4 tahun, Sobat 📅 Selama itu, pemegang sertifikat diaudit setiap tahun "
        "supaya mutunya tetap terjaga.",
        "Empat tahun, dengan audit surveilans setiap tahun agar mutu produk tetap terjaga.",
        "Sertifikat berlaku selama empat tahun. Selama masa berlaku, pemegang sertifikat menjalani "
        "audit surveilans setiap tahun untuk memastikan mutu produknya tetap konsisten.",
    ),
    (
        "Apakah dokumen standar bisa dibaca gratis?",
        "Bisa! 📚 Sobat bisa baca dokumen standar secara gratis di Ruang Baca Standar BMSN, baik "
        "datang langsung maupun lewat layanan baca daring.",
        "Bisa, dokumen standar dapat dibaca gratis di Ruang Baca Standar BMSN, langsung maupun "
        "daring.",
        "Dokumen standar nasional dapat dibaca tanpa biaya di Ruang Baca Standar BMSN, baik dengan "
        "datang langsung maupun melalui layanan baca daring.",
    ),
    (
        "Apakah mahasiswa bisa magang di BMSN?",
        "Bisa dong 🎓 Pendaftaran magang dibuka dua kali setahun. Pantau terus pengumumannya di akun "
        "resmi kami ya!",
        "Bisa. Pendaftaran magang dibuka dua kali setahun; pantau pengumumannya di akun resmi kami.",
        "Bisa. BMSN membuka pendaftaran magang bagi mahasiswa dua kali dalam setahun. Informasi "
        "persyaratan dan jadwalnya diumumkan melalui laman dan akun media sosial resmi BMSN.",
    ),
    (
        "Di mana saja kantor layanan BMSN?",
        "Kantor pusat kami di Jakarta, dan ada Balai Layanan Standar di beberapa wilayah, termasuk "
        "BLS Timur yang melayani Sobat di kawasan timur Indonesia 📍",
        "Kantor pusat di Jakarta, plus Balai Layanan Standar di beberapa wilayah, termasuk BLS "
        "Timur untuk kawasan timur Indonesia.",
        "Layanan BMSN tersedia di kantor pusat di Jakarta dan di Balai Layanan Standar di sejumlah "
        "wilayah, termasuk Balai Layanan Standar Wilayah Timur yang melayani masyarakat di kawasan "
        "timur Indonesia.",
    ),
    (
        "Apakah layanan sertifikasi dipungut biaya?",
        "Ada tarif resmi sesuai ketentuan PNBP, dan semuanya dibayar lewat kanal resmi 💳 Mimin "
        "ingatkan: petugas BMSN nggak pernah minta transfer ke rekening pribadi!",
        "Ada tarif resmi sesuai ketentuan PNBP, dibayar lewat kanal resmi. Petugas BMSN tidak pernah "
        "meminta transfer ke rekening pribadi.",
        "Layanan sertifikasi dikenai tarif resmi sesuai ketentuan Penerimaan Negara Bukan Pajak "
        "(PNBP) dan dibayarkan melalui kanal pembayaran resmi. Petugas BMSN tidak pernah meminta "
        "pembayaran ke rekening pribadi.",
    ),
)


def _question_topics() -> list[_Topic]:
    return [
        _topic(
            f"Tanya Mimin: {question}",
            "layanan",
            "humas",
            f"Pertanyaan dari {AUDIENCE} nih: “{question}” 🙋\n\n{ig}",
            f"Tanya Mimin: {question} {x}",
            f"Pertanyaan dari {AUDIENCE}: {question}\n\n{fb}",
            ("TanyaMimin",),
            _CHECKED_BY_EXPERT,
        )
        for question, ig, x, fb in _QUESTIONS
    ]


# (course, audience, how it runs)
_COURSES = (
    (
        "Pelatihan Auditor Sistem Manajemen Mutu",
        "pegawai dan profesional mutu",
        "secara tatap muka selama lima hari",
    ),
    (
        "Lokakarya Penyusunan Dokumen Mutu untuk UMKM",
        "pelaku UMKM",
        "secara daring selama dua hari",
    ),
    (
        "Kelas Daring Pengantar Standardisasi",
        "mahasiswa",
        "secara daring setiap Sabtu selama sebulan",
    ),
    (
        "Pelatihan Petugas Pengambil Contoh Produk",
        "petugas laboratorium dan lembaga sertifikasi",
        "secara tatap muka selama tiga hari",
    ),
    ("Lokakarya Penulisan Standar", "anggota komite teknis", "secara tatap muka selama dua hari"),
    (
        "Pelatihan Dasar Kalibrasi Alat Ukur",
        "teknisi laboratorium",
        "secara tatap muka selama empat hari",
    ),
    (
        "Kelas Guru: Mengenalkan Budaya Mutu di Sekolah",
        "guru SMA dan SMK",
        "secara daring selama dua hari",
    ),
    (
        "Lokakarya Keamanan Pangan untuk Usaha Katering",
        "pengelola usaha katering",
        "secara tatap muka selama dua hari",
    ),
    ("Webinar Standar dan Ekspor Produk UMKM", "pelaku UMKM", "secara daring selama setengah hari"),
)


def _course_topics() -> list[_Topic]:
    return [
        _topic(
            f"Pendaftaran {course}",
            "acara",
            "pusdiklat",
            f"Ada kelas baru nih! 📢 Pusdiklat BMSN membuka pendaftaran {course} untuk {audience}. "
            f"Kelas berlangsung {how}, kuotanya terbatas, jadi jangan sampai kehabisan ya!",
            f"Pusdiklat BMSN membuka pendaftaran {course} untuk {audience}, {how}. Kuota terbatas!",
            f"Pusat Pendidikan dan Pelatihan BMSN membuka pendaftaran {course} bagi {audience}. "
            f"Kegiatan dilaksanakan {how}. Peserta yang menyelesaikan pelatihan akan memperoleh "
            "sertifikat. Kuota terbatas; pendaftaran ditutup apabila kuota telah terpenuhi.",
            ("PusdiklatBMSN",),
        )
        for course, audience, how in _COURSES
    ]


# (title, city, activity, what happened)
_REGIONAL = (
    (
        "Pendampingan UMKM Olahan Sagu",
        "Jayapura",
        "pendampingan UMKM olahan sagu",
        "Para pelaku usaha belajar menyusun dokumen mutu dan menyiapkan produk untuk pengujian.",
    ),
    (
        "Klinik Mutu Minyak Kayu Putih",
        "Ambon",
        "klinik mutu bagi produsen minyak kayu putih",
        "Produsen berkonsultasi langsung tentang kemasan, pelabelan, dan pengujian kadar minyak.",
    ),
    (
        "Sosialisasi Standar Garam Beryodium",
        "Kupang",
        "sosialisasi standar garam beryodium bagi petambak garam",
        "Peserta mempraktikkan cara sederhana memeriksa kandungan yodium pada garam.",
    ),
    (
        "Pelatihan Keamanan Pangan Produsen Cakalang Fufu",
        "Manado",
        "pelatihan keamanan pangan bagi produsen cakalang fufu",
        "Materi mencakup kebersihan tempat produksi, pengasapan yang aman, dan penyimpanan produk.",
    ),
    (
        "Pendampingan Produsen Olahan Pala",
        "Sorong",
        "pendampingan produsen olahan pala",
        "Pendampingan difokuskan pada mutu bahan baku dan pelabelan produk.",
    ),
    (
        "Sosialisasi Standar Mutu Beras",
        "Merauke",
        "sosialisasi standar mutu beras bagi pengelola penggilingan padi",
        "Peserta mempelajari kelas mutu beras serta cara menjaga mutu selama penyimpanan.",
    ),
    (
        "Temu Pelanggan Layanan Standar",
        "Makassar",
        "temu pelanggan layanan standar",
        "Para pelanggan menyampaikan masukan untuk perbaikan layanan sertifikasi dan pengujian.",
    ),
    (
        "Pendampingan Produsen Olahan Rumput Laut",
        "Kendari",
        "pendampingan produsen olahan rumput laut",
        "Produsen dibimbing menerapkan cara produksi pangan olahan yang baik.",
    ),
    (
        "Klinik Mutu Kopi Lokal",
        "Ternate",
        "klinik mutu bagi pengolah kopi lokal",
        "Pengolah kopi mendapat masukan tentang sortasi biji, kadar air, dan pengemasan.",
    ),
)


def _regional_topics() -> list[_Topic]:
    return [
        _topic(
            f"BLS Timur: {title} di {city}",
            "kegiatan",
            "bls",
            f"Kabar dari timur 🌅 Tim BLS Timur hadir di {city} untuk {activity}. {detail} 👏",
            f"Tim BLS Timur hadir di {city} untuk {activity}. {detail}",
            f"Balai Layanan Standar Wilayah Timur melaksanakan {activity} di {city}. {detail}",
            ("BLSTimur", "UMKMNaikKelas"),
        )
        for title, city, activity, detail in _REGIONAL
    ]


def _topic_pool() -> list[_Topic]:
    return [
        *_shopping_topics(),
        *(_topic(*row) for row in _TOPICS),
        *_question_topics(),
        *_course_topics(),
        *_regional_topics(),
    ]


_QUIZ = (
    "Berapa tahun masa berlaku sertifikat Tanda Mutu Nasional?\nA. 2 tahun\nB. 4 tahun\nC. 10 tahun",
    "Tanggal berapa Hari Standar Dunia diperingati?\nA. 14 Oktober\nB. 20 Mei\nC. 10 November",
    "Apa arti logo Tanda Mutu Nasional pada kemasan?\nA. Produk impor\nB. Produk sudah diuji sesuai standar\nC. Produk diskon",
    "Siapa yang boleh memberi masukan pada rancangan standar?\nA. Hanya pabrik\nB. Hanya pemerintah\nC. Semua pihak, termasuk masyarakat",
    "Alat apa yang perlu rutin dikalibrasi di toko?\nA. Timbangan\nB. Kursi\nC. Rak pajangan",
    "Apa yang diuji pada helm sebelum bertanda mutu?\nA. Warna\nB. Daya redam benturan\nC. Harga",
    "Apa kepanjangan BMSN?\nA. Badan Mutu Standar Nasional\nB. Balai Mutu Sentra Niaga\nC. Biro Mutu dan Standar Negara",
    "Di mana Sobat bisa mengecek keaslian sertifikat?\nA. Laman cek sertifikat BMSN\nB. Kolom komentar\nC. Grup percakapan",
    "Apa fungsi regulator pada kompor gas?\nA. Mengatur tekanan gas\nB. Menyalakan api\nC. Mengukur suhu masakan",
    "Lembaga apa yang menilai kompetensi laboratorium penguji?\nA. Lembaga akreditasi\nB. Bank\nC. Sekolah",
    "Apa nama audit tahunan bagi pemegang sertifikat?\nA. Audit surveilans\nB. Audit kilat\nC. Audit akhir",
    "Kapan Hari Konsumen Nasional diperingati?\nA. 20 April\nB. 17 Agustus\nC. 1 Juni",
    "Bahan apa yang dilarang pada cat mainan anak?\nA. Timbal\nB. Air\nC. Pewarna makanan",
    "Label hemat energi pada lampu menunjukkan apa?\nA. Tingkat hemat energi\nB. Negara asal\nC. Tanggal produksi",
    "Siapa yang menyusun rancangan standar nasional?\nA. Komite teknis\nB. Komite sekolah\nC. Panitia lomba",
    "Sistem manajemen mutu membantu organisasi untuk…\nA. Bekerja konsisten\nB. Menambah hari libur\nC. Mengurangi pelanggan",
    "Mengapa alat ukur perlu dikalibrasi?\nA. Agar hasil ukurnya benar\nB. Agar warnanya cerah\nC. Agar lebih ringan",
    "Air minum kemasan sebaiknya disimpan di…\nA. Tempat sejuk\nB. Bawah terik matahari\nC. Dekat kompor",
    "Apa yang perlu dicek saat membeli mainan anak?\nA. Label usia dan tanda mutu\nB. Warna favorit\nC. Ukuran kardus",
    "Berapa lama rata-rata proses sertifikasi sejak dokumen lengkap?\nA. 30 hari kerja\nB. 1 hari\nC. 5 tahun",
)
# Fridays since the first quiz of the series, to number them.
_QUIZ_SERIES_START = dt.date(2019, 1, 4)


def _quiz_topic(day: dt.date) -> _Topic:
    number = (day - _QUIZ_SERIES_START).days // 7 + 1
    question = _QUIZ[number % len(_QUIZ)]
    tags = ("KuisJumatMutu", "SobatMutu")
    return _Topic(
        title=f"Kuis Jumat Mutu #{number}",
        kind="kuis",
        unit="humas",
        notes=_NOTES["kuis"],
        ig=(
            f"Halo {AUDIENCE}! Waktunya Kuis Jumat Mutu 🧠\n\n{question}\n\nTulis jawabanmu di kolom "
            "komentar ya! Tiga penjawab benar tercepat dapat suvenir dari Mimin 🎁\n– Mimin\n\n"
            f"{_hashtags(('KuisJumatMutu',))}"
        ),
        x=_x_text(f"Kuis Jumat Mutu ke-{number} 🧠\n{question}\nBalas dengan jawabanmu!", tags),
        fb=(
            f"Kuis Jumat Mutu pekan ini:\n\n{question}\n\nTulis jawaban Sobat Mutu di kolom komentar. "
            "Tiga penjawab benar pertama akan mendapat suvenir dari BMSN.\n\n#KuisJumatMutu #SobatMutu"
        ),
        tags=tags,
    )


# (month, day, title, greeting, emoji, message, hashtag, video); {year}, {ri} and {bmsn} are filled in.
_OBSERVANCES = (
    (
        1,
        1,
        "Ucapan Tahun Baru {year}",
        "Selamat Tahun Baru {year}",
        "🎉",
        "Semoga tahun ini membawa semangat baru untuk terus menjaga mutu, di rumah maupun di tempat kerja.",
        "TahunBaru{year}",
        False,
    ),
    (
        3,
        15,
        "Ucapan Hari Hak Konsumen Sedunia {year}",
        "Selamat Hari Hak Konsumen Sedunia",
        "🛡️",
        "Konsumen berhak atas produk yang aman. Yuk biasakan cek Tanda Mutu Nasional sebelum membeli.",
        "HariHakKonsumenSedunia",
        False,
    ),
    (
        4,
        20,
        "Ucapan Hari Konsumen Nasional {year}",
        "Selamat Hari Konsumen Nasional",
        "🛒",
        "Konsumen cerdas memilih produk yang aman dan bermutu. Terima kasih sudah jadi konsumen yang teliti!",
        "HariKonsumenNasional",
        False,
    ),
    (
        4,
        21,
        "Ucapan Hari Kartini {year}",
        "Selamat Hari Kartini",
        "🌸",
        "Untuk perempuan hebat di laboratorium, di ruang kelas, di kantor, dan di rumah: terima kasih telah menginspirasi.",
        "HariKartini",
        False,
    ),
    (
        5,
        2,
        "Ucapan Hari Pendidikan Nasional {year}",
        "Selamat Hari Pendidikan Nasional",
        "📚",
        "Belajar tidak pernah selesai, termasuk belajar menghargai mutu dan ketelitian.",
        "Hardiknas",
        False,
    ),
    (
        5,
        20,
        "Ucapan Hari Metrologi Dunia {year}",
        "Selamat Hari Metrologi Dunia",
        "📏",
        "Pengukuran yang tepat adalah dasar perdagangan yang adil dan produk yang aman.",
        "HariMetrologiDunia",
        False,
    ),
    (
        6,
        1,
        "Ucapan Hari Lahir Pancasila {year}",
        "Selamat Hari Lahir Pancasila",
        "🇮🇩",
        "Pancasila mempersatukan kita. Mari terus berkarya bersama untuk Indonesia.",
        "HariLahirPancasila",
        False,
    ),
    (
        6,
        5,
        "Ucapan Hari Lingkungan Hidup Sedunia {year}",
        "Selamat Hari Lingkungan Hidup Sedunia",
        "🌏",
        "Produk yang memenuhi standar lingkungan ikut membantu menjaga bumi untuk generasi berikutnya.",
        "HariLingkunganHidup",
        False,
    ),
    (
        8,
        17,
        "HUT ke-{ri} Republik Indonesia",
        "Dirgahayu ke-{ri} Republik Indonesia",
        "🇮🇩",
        "Merdeka! Mari isi kemerdekaan dengan karya yang bermutu.",
        "HUTRI{ri}",
        False,
    ),
    (
        10,
        1,
        "Ucapan Hari Kesaktian Pancasila {year}",
        "Selamat Hari Kesaktian Pancasila",
        "🇮🇩",
        "Mari jaga persatuan dan terus berkarya untuk Indonesia.",
        "HariKesaktianPancasila",
        False,
    ),
    (
        10,
        2,
        "Ucapan Hari Batik Nasional {year}",
        "Selamat Hari Batik Nasional",
        "👕",
        "Batik adalah warisan yang kita rawat bersama. Yuk pakai batik hari ini dan dukung perajin lokal!",
        "HariBatikNasional",
        False,
    ),
    (
        10,
        8,
        "Video HUT ke-{bmsn} BMSN",
        "Selamat HUT ke-{bmsn} BMSN",
        "🎂",
        "Terima kasih atas kepercayaan Sobat Mutu. Kami akan terus menjaga mutu produk dan layanan untuk Indonesia.",
        "HUTBMSN{bmsn}",
        True,
    ),
    (
        10,
        14,
        "Video Hari Standar Dunia {year}",
        "Selamat Hari Standar Dunia",
        "🌐",
        "Standar membuat hidup lebih aman dan mudah, dari colokan listrik sampai helm yang Sobat pakai setiap hari.",
        "HariStandarDunia",
        True,
    ),
    (
        10,
        28,
        "Ucapan Hari Sumpah Pemuda {year}",
        "Selamat Hari Sumpah Pemuda",
        "✊",
        "Pemuda hari ini bersatu lewat karya. Yuk jadi generasi yang peduli mutu!",
        "SumpahPemuda",
        False,
    ),
    (
        11,
        10,
        "Ucapan Hari Pahlawan {year}",
        "Selamat Hari Pahlawan",
        "🎖️",
        "Meneruskan perjuangan para pahlawan bisa dimulai dari hal sederhana: bekerja jujur dan memberi yang terbaik.",
        "HariPahlawan",
        False,
    ),
    (
        11,
        25,
        "Ucapan Hari Guru Nasional {year}",
        "Selamat Hari Guru Nasional",
        "👩‍🏫",
        "Terima kasih, Bapak dan Ibu Guru, yang menanamkan disiplin, ketelitian, dan budaya mutu sejak dini.",
        "HariGuruNasional",
        False,
    ),
    (
        12,
        3,
        "Ucapan Hari Disabilitas Internasional {year}",
        "Selamat Hari Disabilitas Internasional",
        "🤝",
        "Layanan publik yang baik bisa dinikmati semua orang. BMSN terus berbenah agar layanannya ramah bagi penyandang disabilitas.",
        "HariDisabilitasInternasional",
        False,
    ),
    (
        12,
        22,
        "Ucapan Hari Ibu {year}",
        "Selamat Hari Ibu",
        "💐",
        "Terima kasih, Ibu, penjaga mutu pertama di rumah kita, yang selalu memastikan semuanya aman untuk keluarga.",
        "HariIbu",
        False,
    ),
    (
        12,
        30,
        "Kilas Balik {year}: Terima Kasih, Sobat Mutu!",
        "Kilas Balik {year}",
        "🎞️",
        "Terima kasih sudah menemani kami sepanjang tahun. Sampai jumpa tahun depan dengan semangat mutu yang baru!",
        "KilasBalik{year}",
        True,
    ),
)
FOUNDING_YEAR = 1997  # of the fictional agency, for its anniversary posts


def _observance_topic(day: dt.date, row: tuple) -> _Topic:
    title, greeting, emoji, message, tag, video = row
    values = {"year": day.year, "ri": day.year - 1945, "bmsn": day.year - FOUNDING_YEAR}
    title, greeting, tag = title.format(**values), greeting.format(**values), tag.format(**values)
    if greeting.startswith("Selamat"):
        fb = f"Keluarga besar {INSTITUTION} mengucapkan {greeting}. {message}"
    else:
        fb = f"{greeting}. {message}"
    tags = (tag, "SobatMutu")
    return _Topic(
        title=title,
        kind="ucapan",
        unit="humas",
        notes=_NOTES["ucapan"],
        ig=f"{greeting}, {AUDIENCE}! {emoji}\n\n{message}\n\n– {ADMIN_NICKNAME}\n\n#{tag} #SobatMutu #BMSN",
        x=_x_text(f"{greeting}! {emoji} {message}", tags),
        fb=f"{fb}\n\n#{tag}",
        tags=tags,
        video=video,
        yt=f"{title} | {INSTITUTION}\n\n{message}\n\n{_YT_FOOTER}" if video else "",
    )


# --- dates -------------------------------------------------------------------------------


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _month_starts(first: dt.date, last: dt.date) -> list[dt.date]:
    result, day = [], first
    while day <= last:
        result.append(day)
        day = _add_months(day, 1)
    return result


# --- follower history --------------------------------------------------------------------


def _follower_history(platform: str, months: list[dt.date], seed: int) -> dict[dt.date, int]:
    """Followers on the first of each month: through the brief's figures, then steady growth."""
    rng = random.Random(f"{seed}:followers:{platform}")
    start, brief = START_FOLLOWERS[platform], BRIEF_FOLLOWERS[platform]
    # January to August 2019: seven uneven steps that add up exactly to the reported growth.
    steps = [rng.uniform(0.6, 1.4) for _ in range(7)]
    total, running = sum(steps), 0.0
    values = {HISTORY_START: start}
    for index, step in enumerate(steps, start=1):
        running += step
        values[_add_months(HISTORY_START, index)] = start + round((brief - start) * running / total)
    followers = brief
    for month in months:
        if month <= BRIEF_DATE:
            continue
        rates = MONTHLY_GROWTH[platform]
        rate = rates.get(month.year, rates[max(rates)])
        followers = max(0, followers + round(rate * rng.uniform(0.65, 1.35)))
        values[month] = followers
    return {month: values[month] for month in months}


def _snapshot_rows(
    account_ids: dict[str, int], today: dt.date, seed: int
) -> tuple[list[dict], dict]:
    months = _month_starts(HISTORY_START, today.replace(day=1))
    rows, history = [], {}
    for platform in PLATFORMS:
        series = _follower_history(platform, months, seed)
        history[platform] = series
        rng = random.Random(f"{seed}:monthly:{platform}")
        rate, reach, views, published = MONTHLY_RANGES[platform]
        for month, followers in series.items():
            row = {
                "account_id": account_ids[platform],
                "date": month,
                "followers": followers,
                "source": "demo",
            }
            if month >= MONTHLY_DETAIL_FROM:
                month_reach = round(followers * rng.uniform(*reach))
                row.update(
                    reach=month_reach,
                    impressions=round(month_reach * rng.uniform(*views)),
                    engagements=round(followers * rng.uniform(*rate)),
                    posts_published=rng.randint(*published),
                )
            rows.append(row)
    return rows, history


# --- the content calendar ----------------------------------------------------------------

_HOURS = {
    "facebook": (9, 10, 13, 15),
    "instagram": (11, 12, 18, 19),
    "x": (7, 8, 12, 16, 19),
    "youtube": (15, 16, 17, 19),
}
_FUTURE_STATUS_WEIGHTS = (  # (days ahead up to, weights for idea, draft, review, approved, scheduled)
    (3, (0, 5, 15, 30, 50)),
    (10, (10, 20, 25, 25, 20)),
    (20, (35, 40, 20, 5, 0)),
    (10**6, (70, 30, 0, 0, 0)),
)
_WORKFLOW = ("idea", "draft", "review", "approved", "scheduled")


def _platforms_for(topic: _Topic, rng: random.Random) -> list[str]:
    if topic.kind == "ucapan":
        chance = {"facebook": 0.9, "instagram": 1.0, "x": 0.9}
    elif topic.kind == "kuis":
        chance = {"facebook": 0.6, "instagram": 1.0, "x": 0.8}
    elif topic.video:
        chance = {"facebook": 0.75, "instagram": 0.8, "x": 0.6}
    else:
        chance = {"facebook": 0.7, "instagram": 0.9, "x": 0.7}
    chosen = [p for p in PLATFORMS if p in chance and rng.random() < chance[p]]
    if topic.video:
        chosen.append("youtube")
    return chosen or ["instagram"]


def _planned_time(platform: str, topic: _Topic, day: dt.date, rng: random.Random) -> dt.datetime:
    if topic.kind == "ucapan":
        hour, minute = rng.choice(((7, 0), (7, 30), (8, 0)))
    elif topic.kind == "kuis":
        hour, minute = 15, rng.choice((0, 30))
    else:
        hour, minute = rng.choice(_HOURS[platform]), rng.choice((0, 15, 30, 45))
    return dt.datetime.combine(day, dt.time(hour, minute))


def _future_status(days_ahead: int, rng: random.Random) -> str:
    weights = next(w for limit, w in _FUTURE_STATUS_WEIGHTS if days_ahead <= limit)
    return rng.choices(_WORKFLOW, weights=weights)[0]


def _schedule(today: dt.date, rng: random.Random) -> list[tuple[dt.date, _Topic]]:
    """About POST_COUNT posts from three months ago to a month ahead, sorted by date."""
    first, last = _add_months(today, -3), _add_months(today, 1)
    plan: list[tuple[dt.date, _Topic]] = []
    for year in (today.year - 1, today.year, today.year + 1):
        for month, day, *row in _OBSERVANCES:
            date = dt.date(year, month, day)
            if first <= date <= last:
                plan.append((date, _observance_topic(date, tuple(row))))
    day = first + dt.timedelta(days=(4 - first.weekday()) % 7)
    while day <= last:
        plan.append((day, _quiz_topic(day)))
        day += dt.timedelta(days=7)
    pool = _topic_pool()
    rng.shuffle(pool)
    count = min(len(pool), POST_COUNT - len(plan))
    span = (last - first).days + 1
    for index, topic in enumerate(pool[:count]):
        offset = int((index + rng.random()) * span / count)
        plan.append((first + dt.timedelta(days=offset), topic))
    plan.sort(key=lambda item: item[0])
    return plan


@dataclass
class _PlannedVariant:
    post: int
    platform: str
    topic: _Topic
    planned: dt.datetime
    status: str = "idea"
    published: dt.datetime | None = None


def _assign_statuses(variants: list[_PlannedVariant], today: dt.date, rng: random.Random) -> None:
    post_status: dict[int, str] = {}
    for variant in variants:
        days_ahead = (variant.planned.date() - today).days
        if days_ahead < 0:
            variant.status = "published"
            variant.published = variant.planned + dt.timedelta(minutes=rng.randint(-3, 9))
            continue
        status = post_status.setdefault(variant.post, _future_status(days_ahead, rng))
        if status in ("approved", "scheduled") and rng.random() < 0.2:
            status = _WORKFLOW[_WORKFLOW.index(status) - 1]
        variant.status = status
    # A few recent variants never went out: still waiting for review or approval.
    recent = [v for v in variants if v.published and (today - v.planned.date()).days <= 14]
    for index, variant in enumerate(rng.sample(recent, min(5, len(recent)))):
        variant.status, variant.published = ("review", "approved")[index % 2], None
    _ensure_every_status(variants, today)


def _ensure_every_status(variants: list[_PlannedVariant], today: dt.date) -> None:
    """Give a status that chance left out to a future variant of a fitting distance."""
    future = sorted((v for v in variants if v.planned.date() >= today), key=lambda v: v.planned)
    for status in _WORKFLOW:
        counts = {s: sum(v.status == s for v in variants) for s in _WORKFLOW}
        if counts[status] or not future:
            continue
        position = (
            (len(future) - 1)
            * (len(_WORKFLOW) - 1 - _WORKFLOW.index(status))
            // (len(_WORKFLOW) - 1)
        )
        for variant in future[position:] + future[:position][::-1]:
            if counts.get(variant.status, 0) > 1:
                variant.status = status
                break


def _variant_text(platform: str, topic: _Topic, status: str) -> str:
    if status == "idea":
        return ""
    return {
        "facebook": topic.fb,
        "instagram": topic.ig,
        "x": topic.x,
        "youtube": topic.yt or topic.fb,
    }[platform]


# --- post figures ------------------------------------------------------------------------


def _post_figures(
    platform: str, topic: _Topic, followers: int, age_days: int, rng: random.Random
) -> dict:
    """Figures a week after publication (or fewer days, for recent posts), relative to followers."""
    grown = min(1.0, (age_days + 1) / 8) ** 0.5
    u = rng.uniform
    if platform == "youtube":
        views = followers * u(0.3, 2.5) * grown
        reach, impressions, reactions = views * u(0.7, 0.9), views * u(6, 14), views * u(0.03, 0.07)
    elif platform == "instagram":
        reach = followers * u(0.06, 0.18) * grown
        impressions, reactions = reach * u(1.15, 1.6), reach * u(0.04, 0.09)
        views = impressions * u(0.9, 1.2) if topic.video else None
    elif platform == "facebook":
        reach = followers * u(0.15, 0.6) * grown
        impressions, reactions = reach * u(1.1, 1.4), reach * u(0.01, 0.04)
        views = reach * u(0.3, 0.6) if topic.video else None
    else:
        impressions = followers * u(0.08, 0.35) * grown
        reach, reactions = impressions * u(0.6, 0.8), impressions * u(0.004, 0.015)
        views = None
    if topic.kind == "ucapan":
        reactions *= 1.5
    comments = reactions * u(0.02, 0.08) * (6 if topic.kind == "kuis" else 1)
    shares = reactions * u(0.03, 0.15)
    saves = (
        reactions * u(0.03, 0.12) * (2 if topic.kind == "infografis" else 1)
        if platform == "instagram"
        else None
    )
    figures = {
        "reach": reach,
        "impressions": impressions,
        "reactions": reactions,
        "comments": comments,
        "shares": shares,
        "saves": saves,
        "video_views": views,
    }
    return {key: None if value is None else round(value) for key, value in figures.items()}


# --- populate ----------------------------------------------------------------------------


def populate(db: Database, today: dt.date | None = None, seed: int = 2019) -> DemoSummary:
    """Fill an empty database with the demo agency; refuse one that holds accounts or posts."""
    today = today or dt.date.today()
    rng = random.Random(seed)
    with db.transaction():
        if db.query("SELECT 1 FROM accounts UNION ALL SELECT 1 FROM posts LIMIT 1"):
            raise DatabaseNotEmpty()
        for key, value in (
            ("institution.name", INSTITUTION),
            ("institution.short_name", INSTITUTION_SHORT),
            ("persona.admin_nickname", ADMIN_NICKNAME),
            ("persona.audience_nickname", AUDIENCE),
        ):
            settings.set(db, key, value)

        humas = units.create(db, "Biro Hubungan Masyarakat", "Humas")
        pusdiklat = units.create(db, "Pusat Pendidikan dan Pelatihan", "Pusdiklat")
        bls = units.create(db, "Balai Layanan Standar Wilayah Timur", "BLS Timur")
        unit_ids = {"humas": humas.id, "pusdiklat": pusdiklat.id, "bls": bls.id}

        admin = members.create(db, "Rina Wulandari", "admin", humas.id)
        editor = members.create(db, "Dimas Prasetyo", "editor", humas.id)
        regional_editor = members.create(db, "Yohanes Rumbiak", "editor", bls.id)
        expert = members.create(db, "Made Suarta", "expert", pusdiklat.id)
        members.create(db, "Hartini Susanto", "approver", humas.id)

        account_specs = (
            (
                "facebook",
                "bmsn.ri",
                INSTITUTION,
                regional_editor,
                "https://www.facebook.com/bmsn.ri",
                "2015-02-09",
            ),
            (
                "instagram",
                HANDLE,
                "BMSN RI",
                admin,
                f"https://www.instagram.com/{HANDLE}",
                "2015-03-02",
            ),
            ("x", HANDLE, "BMSN RI", editor, f"https://x.com/{HANDLE}", "2015-03-02"),
            (
                "youtube",
                "bmsnri",
                "BMSN RI",
                expert,
                "https://www.youtube.com/@bmsnri",
                "2015-10-14",
            ),
        )
        account_ids = {}
        for platform, handle, name, holder, url, start in account_specs:
            account = accounts.create(db, platform, handle, name, humas.id, holder.id, url, start)
            account_ids[platform] = account.id

        snapshot_rows, followers = _snapshot_rows(account_ids, today, seed)
        metrics.upsert_snapshots(db, snapshot_rows)

        owners = {
            "humas": (admin.id, editor.id),
            "pusdiklat": (expert.id,),
            "bls": (regional_editor.id,),
        }
        first, last = _add_months(today, -3), _add_months(today, 1)
        planned: list[_PlannedVariant] = []
        post_rows = []
        for day, topic in _schedule(today, rng):
            owner = editor.id if topic.kind == "kuis" else rng.choice(owners[topic.unit])
            post = posts.create(db, topic.title, topic.notes, unit_ids[topic.unit], owner)
            post_rows.append(post.id)
            for platform in _platforms_for(topic, rng):
                shift = (
                    rng.choices((-1, 0, 1), weights=(1, 8, 1))[0]
                    if topic.kind not in ("ucapan", "kuis")
                    else 0
                )
                variant_day = min(max(day + dt.timedelta(days=shift), first), last)
                planned.append(
                    _PlannedVariant(
                        post.id, platform, topic, _planned_time(platform, topic, variant_day, rng)
                    )
                )
        _assign_statuses(planned, today, rng)

        metric_rows = []
        variant_ids = []
        for item in planned:
            variant = posts.add_variant(
                db,
                item.post,
                account_ids[item.platform],
                _variant_text(item.platform, item.topic, item.status),
                item.status,
                item.planned,
                item.published,
            )
            variant_ids.append(variant.id)
            if item.published is None:
                continue
            published = item.published.date()
            measured = min(published + dt.timedelta(days=7), today)
            # Posts from before the history starts (a demo "today" early in 2019) use its first figure.
            month = max(published.replace(day=1), HISTORY_START)
            audience = followers[item.platform].get(month, START_FOLLOWERS[item.platform])
            figures = _post_figures(
                item.platform, item.topic, audience, (measured - published).days, rng
            )
            metric_rows.append(
                {
                    "variant_id": variant.id,
                    "account_id": account_ids[item.platform],
                    "date": measured,
                    "source": "demo",
                    **figures,
                }
            )
        metrics.upsert_post_metrics(db, metric_rows)
        _backdate(db, planned, variant_ids, today, rng)
        context = DemoContext(today, seed, unit_ids, account_ids, post_rows)
        for extend in demo_extensions():
            extend(db, context)

    return DemoSummary(
        units=len(unit_ids),
        members=5,
        accounts=len(account_ids),
        snapshots=len(snapshot_rows),
        posts=len(post_rows),
        variants=len(planned),
        post_metrics=len(metric_rows),
    )


def _backdate(
    db: Database,
    planned: list[_PlannedVariant],
    variant_ids: list[int],
    today: dt.date,
    rng: random.Random,
) -> None:
    """Give posts and variants the creation and change times a real team's calendar would have."""
    latest = dt.datetime.combine(today - dt.timedelta(days=1), dt.time(16, 0))
    by_post: dict[int, list[tuple[int, _PlannedVariant]]] = {}
    for variant_id, item in zip(variant_ids, planned, strict=True):
        by_post.setdefault(item.post, []).append((variant_id, item))
    post_updates, variant_updates = [], []
    for post_id, items in by_post.items():
        earliest = min(item.planned for _, item in items)
        created = dt.datetime.combine(
            earliest.date() - dt.timedelta(days=rng.randint(4, 21)),
            dt.time(rng.randint(8, 15), rng.randint(0, 59)),
        )
        created = min(
            created, latest - dt.timedelta(hours=rng.randint(1, 6), minutes=rng.randint(0, 59))
        )
        changes = []
        for variant_id, item in items:
            changed = item.published or created + (latest - created) * rng.random()
            changes.append(changed)
            variant_updates.append((changed.replace(microsecond=0).isoformat(), variant_id))
        post_updates.append(
            (created.isoformat(), max(changes).replace(microsecond=0).isoformat(), post_id)
        )
    db.conn.executemany(
        "UPDATE posts SET created_at = ?, updated_at = ? WHERE id = ?", post_updates
    )
    db.conn.executemany("UPDATE post_variants SET updated_at = ? WHERE id = ?", variant_updates)
