"""Each platform's limits, counted the way the platform counts: what the editor's counter
shows and what blocks approval."""

import pytest

from core import limits

FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # man ZWJ woman ZWJ girl
FLAG_ID = "\U0001f1ee\U0001f1e9"  # 🇮🇩
THUMBS_DARK = "\U0001f44d\U0001f3fd"  # 👍 with a medium skin tone
SMILE = "\U0001f600"


# --- X's weighted length ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "https://bmsn.go.id",
        "https://www.bmsn.go.id/berita/2026/11/25/bulan-mutu-nasional-resmi-dibuka-di-jakarta",
        "http://t.co/a",
        "www.bmsn.go.id",
        "bmsn.go.id/layanan",
    ],
)
def test_x_counts_any_link_as_23(url):
    assert limits.length("x", url) == limits.X_URL_LENGTH == 23
    assert limits.length("x", f"Info: {url} ya") == len("Info: ") + 23 + len(" ya")


def test_x_counts_two_links_as_23_each():
    text = "https://a.example.com/1 dan https://b.example.com/" + "x" * 80
    assert limits.length("x", text) == 23 + len(" dan ") + 23


@pytest.mark.parametrize(
    ("emoji", "weight"),
    [(SMILE, 2), (FAMILY, 2), (FLAG_ID, 2), (THUMBS_DARK, 2), ("\u2764\ufe0f", 2)],
)
def test_x_counts_an_emoji_as_2_whatever_it_is_made_of(emoji, weight):
    assert limits.length("x", emoji) == weight
    assert limits.length("x", f"Halo {emoji}!") == len("Halo ") + weight + 1


def test_x_counts_two_flags_as_four():
    assert limits.length("x", FLAG_ID + FLAG_ID) == 4


@pytest.mark.parametrize(
    "text",
    ["Selamat Hari Guru", "café", "cafe\u0301", "Pöso naïve", "Rp1.500.000 – “resmi”"],
)
def test_x_counts_latin_and_accents_as_1_each(text):
    import unicodedata

    assert limits.length("x", text) == len(unicodedata.normalize("NFC", text))


def test_x_280_fits_and_281_is_over():
    fits = limits.count("x", "a" * 280)
    assert (fits.used, fits.allowed, fits.over, fits.problems()) == (280, 280, False, [])
    over = limits.count("x", "a" * 281)
    assert over.over
    (problem,) = over.problems()
    assert "281" in problem and "280" in problem


def test_x_with_emoji_reaches_the_limit_sooner():
    assert not limits.count("x", "a" * 278 + SMILE).over
    assert limits.count("x", "a" * 279 + SMILE).over


def test_other_platforms_count_code_points():
    assert limits.length("instagram", "https://www.bmsn.go.id/berita") == 29
    assert limits.length("facebook", SMILE) == 1


# --- Instagram, YouTube, the others -----------------------------------------------------------


def test_instagram_2200_characters():
    assert not limits.count("instagram", "a" * 2200).over
    assert limits.count("instagram", "a" * 2201).over


def test_instagram_counts_text_and_hashtags_together():
    tags = "#SobatMutu"
    text = "a" * (2200 - 2 - len(tags))
    assert limits.count("instagram", text, tags).used == 2200
    assert not limits.count("instagram", text, tags).over
    assert limits.count("instagram", text + "a", tags).over


def test_instagram_30_hashtags_and_31_over():
    thirty = " ".join(f"#tag{i}" for i in range(30))
    count = limits.count("instagram", "Ayo ikut", thirty)
    assert (count.hashtags, count.hashtags_allowed, count.over) == (30, 30, False)
    over = limits.count("instagram", "Ayo ikut #tag30", thirty)
    assert over.hashtags == 31 and over.over
    (problem,) = over.problems()
    assert "31" in problem and "30" in problem


def test_hashtags_are_words_after_a_hash_not_anchors_or_entities():
    assert limits.hashtags("Ayo #SobatMutu, #BulanMutu2026! &#39; a#b") == [
        "SobatMutu",
        "BulanMutu2026",
    ]


def test_youtube_title_is_the_first_line_at_most_100():
    body = "Deskripsi video."
    fits = limits.count("youtube", "T" * 100 + "\n" + body)
    assert (fits.title_used, fits.title_allowed, fits.used, fits.over) == (
        100,
        100,
        len(body),
        False,
    )
    over = limits.count("youtube", "T" * 101 + "\n" + body)
    assert over.over and over.title_used == 101
    (problem,) = over.problems()
    assert "101" in problem and "100" in problem


def test_youtube_description_is_the_rest_at_most_5000():
    assert not limits.count("youtube", "Judul\n" + "d" * 5000).over
    over = limits.count("youtube", "Judul\n" + "d" * 5001)
    assert over.over and over.used == 5001 and over.title_used == 5


def test_youtube_hashtags_go_into_the_description():
    count = limits.count("youtube", "Judul", "#SobatMutu")
    assert count.title_used == 5 and count.used == len("#SobatMutu")


def test_an_unknown_platform_has_no_limit():
    assert not limits.count("other", "a" * 100_000).over
    assert limits.limit("mastodon") == limits.LIMITS["other"]


# --- the fold and the text as it goes out ---------------------------------------------------


def test_instagram_folds_at_125_characters():
    short = "a" * 125
    assert limits.folded("instagram", short) == (short, False)
    shown, cut = limits.folded("instagram", "b" * 126)
    assert (shown, cut) == ("b" * 125, True)


def test_facebook_folds_after_three_lines():
    three = "satu\ndua\ntiga"
    assert limits.folded("facebook", three) == (three, False)
    assert limits.folded("facebook", three + "\nempat\nlima") == (three, True)


def test_x_does_not_fold():
    assert limits.folded("x", "a" * 280) == ("a" * 280, False)


def test_compose_puts_hashtags_on_a_line_of_their_own():
    assert limits.compose("  Selamat pagi \n", " #SobatMutu ") == "Selamat pagi\n\n#SobatMutu"
    assert limits.compose("Selamat pagi", "") == "Selamat pagi"
    assert limits.compose("", "#SobatMutu") == "#SobatMutu"
    assert limits.compose("  ", "  ") == ""


# --- known miscounts (X) --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Info: https://bmsn.go.id.", len("Info: ") + 23 + 1),
        ("(https://bmsn.go.id)", 1 + 23 + 1),
        ("https://bmsn.go.id, ya", 23 + len(", ya")),
    ],
)
def test_x_counts_punctuation_after_a_link(text, expected):
    assert limits.length("x", text) == expected


def test_x_counts_a_keycap_emoji_as_2():
    assert limits.length("x", "1\ufe0f\u20e3") == 2


def test_x_does_not_take_a_missing_space_after_a_full_stop_for_a_link():
    text = "Daftar sekarang.Mereka menunggu"
    assert limits.urls(text) == []
    assert limits.length("x", text) == len(text)
