"""Register hints at their thresholds: each rule stays quiet just below and speaks just above,
and says what it found."""

import pytest

from core import hints
from core.hints import CAPS_RUN, LONG_SENTENCE, STYLES


def rules(platform, text, hashtags="", **kw):
    return [hint.rule for hint in hints.hints(platform, text, hashtags, **kw)]


def words(n):
    return " ".join(["kata"] * n) + "."


def test_a_plain_short_post_has_no_hints():
    for platform in STYLES:
        assert rules(platform, "Selamat pagi, Sobat Mutu! Ada kuis hari ini.") == [], platform


@pytest.mark.parametrize("platform", ["instagram", "x", "facebook", "tiktok", "youtube"])
def test_hashtags_at_the_platform_s_most_are_fine_one_more_is_not(platform):
    most = STYLES[platform].hashtags
    tags = " ".join(f"#tagar{i}" for i in range(most + 1))
    first = tags.rsplit(" ", 1)[0]
    assert "hashtags" not in rules(platform, "Judul\nIsi", first)
    assert "hashtags" in rules(platform, "Judul\nIsi", tags)


def test_emoji_over_the_platform_s_most():
    most = STYLES["facebook"].emoji
    assert "emoji" not in rules("facebook", "Hai " + "🎉" * most)
    assert "emoji" in rules("facebook", "Hai " + "🎉" * (most + 1))
    assert "emoji" not in rules("facebook", "Lihat → halaman © BMSN")  # arrows and © are no emoji


def test_three_words_in_capitals_shout_acronyms_do_not():
    run = " ".join(["PENTING"] * CAPS_RUN)
    two = " ".join(["PENTING"] * (CAPS_RUN - 1))
    assert "caps" in rules("instagram", f"{run} untuk Sobat")
    assert "caps" not in rules("instagram", f"{two} untuk Sobat")
    assert "caps" not in rules("instagram", "BMSN dan SNI bersama UMKM di #HUTRI")


def test_a_sentence_over_the_longest_is_flagged_with_its_start():
    assert "sentence" not in rules("facebook", words(LONG_SENTENCE))
    found = hints.hints("facebook", "Pendek. " + "Ini " + words(LONG_SENTENCE))
    assert [h.rule for h in found] == ["sentence"]
    assert "Ini kata kata" in found[0].message


def test_formal_phrases_are_flagged_only_on_informal_platforms():
    text = "Dalam rangka Hari Guru, kami mengucapkan terima kasih."
    formal = ("dalam rangka", "sehubungan dengan")
    assert "formal" in rules("instagram", text, formal=formal)
    assert "formal" in rules("x", text, formal=formal)
    assert "formal" not in rules("facebook", text, formal=formal)
    message = hints.hints("tiktok", text, formal=formal)[0].message
    assert "dalam rangka" in message and "sehubungan" not in message


def test_words_to_avoid_are_whole_words_on_every_platform():
    assert "avoid" in rules("youtube", "Judul\nJangan norak ya", avoid=("norak",))
    assert "avoid" in rules("facebook", "Teks", "#Norak", avoid=("norak",))
    assert "avoid" not in rules("facebook", "Kenorakan bukan kata itu", avoid=("norak",))


def test_x_posts_past_the_short_mark():
    short = STYLES["x"].short
    assert "length" not in rules("x", "a" * short)
    assert "length" in rules("x", "a" * (short + 1))


def test_youtube_titles_past_what_search_results_show():
    most = STYLES["youtube"].title
    assert "length" not in rules("youtube", "J" * most + "\nDeskripsi panjang " * 30)
    assert "length" in rules("youtube", "J" * (most + 1) + "\nDeskripsi")


def test_instagram_s_main_point_must_come_before_the_fold():
    point_first = "Kuis hari ini berhadiah! " + "Penjelasan panjang. " * 20
    buried = "Sobat " + "yang terhormat dan " * 10 + "kuisnya hari ini. Detail."
    assert "length" not in rules("instagram", point_first)
    assert "length" in rules("instagram", buried)
    assert "length" not in rules("instagram", "Singkat saja.")
