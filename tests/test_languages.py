# ruff: noqa: RUF001  (the test texts are Chinese, Japanese, Greek and Cyrillic on purpose)
"""Languages: Chinese, Japanese and Korean sheets (Noto Sans CJK cut to the sheet, embedded; reportlab's
CID fonts without the extra), Greek and Cyrillic (the bundled font), read back from the PDF; and the
characters no font has, refused by name."""

from __future__ import annotations

import copy
import email
import email.policy
from dataclasses import asdict, replace
from pathlib import Path

import pypdf
import pytest
from conftest import MIN_MARGIN, assert_in_order, error_mentions, expected_sequence, realistic, to_toml
from test_pdf_readback import overlap, text_lines

from handout.content.routine import check_routine
from handout.content.sheet_words import translations, words_for
from handout.draw import render
from handout.layout import cjk, cjk_faces
from handout.layout.composition import lay_out
from handout.layout.fonts import CJK_FONTS, missing_characters, sheet_metrics
from handout.layout.layout_file import load_layout
from handout.layout.paper import paper_named
from handout.model import FrameBox, TextBox
from handout.pipeline import make_page

LONG_CHINESE_POINT = (
    "保持上身挺直不要弯腰驼背，呼气时慢慢把身体重心向前移动，直到大腿后侧感到轻微而持续的拉伸，"
    "整个过程中保持自然呼吸，不要憋气，也不要上下弹动，如果感到刺痛或者膝盖不舒服就立刻减小幅度，"
    "两侧交替进行，每侧重复两到三次，拉伸结束后慢走一分钟让心率平稳下来再离开跑道。"
)

CHINESE = {
    "title": "跑步后的拉伸",
    "subtitle": "先慢走几分钟，然后每个动作两侧各做一次。",
    "stretches": [
        {
            "name": "站立小腿拉伸",
            "target": "小腿（小腿后侧）",
            "hold": "每侧 20–30 秒",
            "key_points": [
                "面对墙站立，双手扶墙与肩同高。",
                "一只脚向后迈一步，脚跟压向地面，脚尖朝前。",
                "慢慢弯曲前腿膝盖，直到后腿小腿有拉伸感。",
            ],
        },
        {
            "name": "坐姿腘绳肌拉伸",
            "target": "腘绳肌（大腿后侧）",
            "hold": "30 s",
            "key_points": ["坐在地上，一条腿伸直。", LONG_CHINESE_POINT, "Switch legs 换腿，再做一次。"],
        },
    ],
}

JAPANESE = {
    "title": "ランニング後のストレッチ",
    "stretches": [
        {
            "name": "ふくらはぎのストレッチ",
            "target": "下腿三頭筋（ふくらはぎ）",
            "hold": "左右 30 秒ずつ",
            "key_points": [
                "壁に両手をつき、片足を後ろに引きます。",
                "かかとを床につけたまま、前の膝をゆっくり曲げます。",
            ],
        },
        {
            "name": "大腿四頭筋",  # kanji only: still in the sheet's Japanese font
            "target": "太もも前側",
            "key_points": ["片足で立ち、足首を持ってかかとをお尻に近づけます。"],
        },
    ],
}

KOREAN = {
    "title": "달리기 후 스트레칭",
    "stretches": [
        {
            "name": "종아리 스트레칭",
            "target": "종아리 근육",
            "hold": "양쪽 30초씩",
            "key_points": [
                "벽을 마주 보고 서서 두 손을 벽에 댑니다.",
                "한쪽 발을 뒤로 빼고 발뒤꿈치를 바닥에 붙입니다.",
            ],
        }
    ],
}

GERMAN = {
    "title": "Dehnübungen nach dem Laufen",
    "subtitle": "Gehen Sie zuerst zwei Minuten locker; jede Übung auf beiden Seiten.",
    "stretches": [
        {
            "name": "Wadendehnung im Stehen",
            "image": "none",  # the library's German alias: no figure, as in the other languages
            "target": "Wadenmuskulatur (Rückseite des Unterschenkels)",
            "hold": "20–30 s pro Bein",
            "key_points": [
                "Füße hüftbreit, Ferse fest auf den Boden drücken.",
                "Größer werden, ruhig atmen.",
            ],
        }
    ],
}

RUSSIAN = {
    "title": "Растяжка после бега",
    "subtitle": "Сначала пройдитесь пешком пару минут.",
    "stretches": [
        {
            "name": "Растяжка икроножной мышцы",
            "target": "Икры (задняя поверхность голени)",
            "hold": "20–30 с на каждую ногу",
            "key_points": ["Встаньте лицом к стене, упритесь в неё руками.", "Отведите одну ногу назад."],
        }
    ],
}

GREEK = {
    "title": "Διατάσεις μετά το τρέξιμο",
    "stretches": [
        {
            "name": "Διάταση γάμπας",
            "target": "Γαστροκνήμιος (πίσω μέρος της κνήμης)",
            "hold": "30 δευτερόλεπτα",
            "key_points": ["Σταθείτε απέναντι σε έναν τοίχο.", "Πιέστε τη φτέρνα στο έδαφος, ήρεμη αναπνοή."],
        }
    ],
}


def compact(text: str) -> str:
    """Text with no whitespace at all: a CJK line may break between any two characters."""
    return "".join(text.split())


def fonts_of(path: Path) -> dict[str, bool]:
    """The page's fonts: base font name (subset prefix removed) -> embedded."""
    found = {}
    for reference in pypdf.PdfReader(path).pages[0]["/Resources"]["/Font"].values():
        font = reference.get_object()
        descriptor = (font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font).get(
            "/FontDescriptor"
        )
        embedded = descriptor is not None and any(
            key in descriptor.get_object() for key in ("/FontFile", "/FontFile2", "/FontFile3")
        )
        found[str(font["/BaseFont"]).lstrip("/").split("+")[-1]] = embedded
    return found


CJK_ROUTINES = {"zh": CHINESE, "ja": JAPANESE, "ko": KOREAN}


@pytest.mark.parametrize("language", CJK_ROUTINES)
def test_a_cjk_routine_builds_and_reads_back_with_pypdf_and_pdfplumber(
    build_pdf, open_pdf, language: str
) -> None:
    data = CJK_ROUTINES[language]
    path = build_pdf(data)
    expected = [compact(text) for text in expected_sequence(data)]
    assert_in_order(compact(pypdf.PdfReader(path).pages[0].extract_text()), expected)
    # In the order the PDF draws it: pdfplumber's default reads the two columns of cards row by row.
    assert_in_order(compact(open_pdf(path).pages[0].extract_text(use_text_flow=True)), expected)


NOTO_CJK = {"zh": "NotoSansSC-Regular", "ja": "NotoSansJP-Regular", "ko": "NotoSansKR-Regular"}


@pytest.mark.parametrize("language", CJK_ROUTINES)
def test_a_cjk_sheet_embeds_its_languages_noto_font_cut_to_the_sheet(build_pdf, language):
    path = build_pdf(CJK_ROUTINES[language])
    fonts = fonts_of(path)
    (cut,) = [name for name in fonts if name.startswith(NOTO_CJK[language])]
    assert fonts.pop(cut) is True
    assert fonts and all(fonts.values()), fonts  # DejaVu Sans for ":" and digits, embedded
    assert not set(fonts) & set(CJK_FONTS.values())
    assert path.stat().st_size < 300_000


TRADITIONAL = {
    "title": "跑步後的伸展",
    "subtitle": "先慢走幾分鐘，然後每個動作兩側各做一次。",
    "stretches": [
        {
            "name": "扶牆小腿伸展",
            "image": "calf-wall",
            "target": "小腿（小腿後側）",
            "hold": "每側 20–30 秒",
            "key_points": ["面對牆站立，雙手扶牆與肩同高。", "一隻腳向後跨一步，腳跟壓向地面。"],
        }
    ],
}


@pytest.mark.parametrize("lang", ["zh-Hant", "zh-TW", "zh-HK"])
def test_a_traditional_chinese_sheet_embeds_noto_sans_tc_and_prints_traditional_words(build_pdf, lang):
    path = build_pdf({**TRADITIONAL, "lang": lang})
    reader = pypdf.PdfReader(path)
    assert reader.trailer["/Root"]["/Lang"] == lang
    fonts = fonts_of(path)
    (cut,) = [name for name in fonts if name.startswith("NotoSansTC-Regular")]
    assert fonts.pop(cut) is True
    assert all(fonts.values()) and not [name for name in fonts if name.startswith("NotoSansSC")], fonts
    words = words_for("zh-Hant")
    assert (words.target, words.hold) == ("目標肌肉", "維持")
    stretch = TRADITIONAL["stretches"][0]
    expected = [
        TRADITIONAL["title"],
        stretch["name"],
        f"{words.target}:{stretch['target']}",
        f"{words.hold}:{stretch['hold']}",
        *stretch["key_points"],
        words.safety,
    ]
    assert_in_order(compact(reader.pages[0].extract_text()), [compact(text) for text in expected])
    assert path.stat().st_size < 300_000


def test_a_chinese_sheet_without_lang_keeps_the_simplified_font_and_words(build_pdf):
    path = build_pdf(TRADITIONAL)
    assert [name for name in fonts_of(path) if name.startswith("NotoSansSC-Regular")]
    assert words_for("zh").target in pypdf.PdfReader(path).pages[0].extract_text()


@pytest.mark.parametrize("language", CJK_ROUTINES)
def test_without_the_cjk_extra_a_cjk_sheet_falls_back_to_the_viewers_font_and_says_what_to_install(
    run_cli, write_routine, tmp_path, monkeypatch, language
):
    """The one sheet allowed a font not embedded: the fallback when `handout[cjk]` is not installed."""
    monkeypatch.setattr(cjk_faces, "available", lambda: False)
    monkeypatch.setattr(render, "render_pages", render.render_pages.__wrapped__)
    write_routine(CJK_ROUTINES[language])
    result = run_cli("build", "routine.toml", "-o", "sheet.pdf")
    assert result.code == 0, result.err
    warnings = [line for line in result.err.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1 and "pip install 'handout[cjk]'" in warnings[0], result.err
    fonts = fonts_of(tmp_path / "sheet.pdf")
    assert fonts.pop(CJK_FONTS[language]) is False  # the PDF viewer supplies it
    assert fonts and all(fonts.values()), fonts


def test_with_the_cjk_extra_the_build_says_nothing_about_fonts(run_cli, write_routine):
    write_routine(JAPANESE)
    result = run_cli("build", "routine.toml", "-o", "sheet.pdf")
    assert result.code == 0 and "handout[cjk]" not in result.err, result.err


def test_a_sheet_with_other_languages_refers_to_no_cid_font(build_pdf):
    data = realistic(2)
    data["stretches"][0]["key_points"].append("Ελληνικά, русский, Größe.")
    fonts = fonts_of(build_pdf(data))
    assert all(fonts.values()), fonts
    assert not set(fonts) & set(CJK_FONTS.values())


def test_the_language_is_chosen_from_the_whole_sheet():
    assert cjk.language(["大腿四頭筋", "かかと"]) == "ja"
    assert cjk.language(["小腿"]) == "zh"
    assert cjk.language(["종아리", "かかと", "小腿"]) == "ko"
    assert cjk.language(["Größe", "Ελληνικά", "русский"]) is None


def test_a_pdf_catalog_names_the_cjk_language(build_pdf):
    assert pypdf.PdfReader(build_pdf(JAPANESE)).trailer["/Root"]["/Lang"] == "ja"


def test_a_mixed_line_prints_both_scripts_on_one_baseline(build_pdf, open_pdf):
    page = open_pdf(build_pdf(CHINESE)).pages[0]
    line = [char for char in page.chars if char["text"] in "Switch legs 换腿"]
    latin = [c for c in line if c["text"] == "S"]
    han = [c for c in line if c["text"] == "换"]
    assert latin and han
    assert latin[0]["fontname"].endswith("DejaVuSans")
    assert "+NotoSansSC-Regular-" in han[0]["fontname"]
    assert abs(latin[0]["bottom"] - han[0]["bottom"]) < 3  # one baseline; the fonts' descents differ
    assert "目标肌肉:小腿（小腿后侧）" in compact(page.extract_text())


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_a_long_chinese_key_point_wraps_inside_its_card(paper):
    routine = check_routine(copy.deepcopy(CHINESE), "zh.toml", Path("."), name="zh")
    fonts = sheet_metrics([LONG_CHINESE_POINT])
    page = lay_out(routine, load_layout("grid"), paper_named(paper), fonts)
    cards = {box.card: box.rect for box in page.boxes if isinstance(box, FrameBox)}
    texts = [box for box in page.boxes if isinstance(box, TextBox)]
    long_lines = [box for box in texts if box.role == "point" and box.card == 1]
    assert len(long_lines) >= 4, "the long point wraps onto several lines"
    assert compact(LONG_CHINESE_POINT) in compact("".join(box.text for box in long_lines))
    assert not [box.text for box in texts if box.text[0] in cjk.NO_LINE_START], "kinsoku"
    assert not [box.text for box in texts if box.text[-1] in cjk.NO_LINE_END], "kinsoku"
    for box in texts:
        if box.card is not None:
            assert cards[box.card].contains(box.rect), box.text
        assert box.rect.x >= MIN_MARGIN - 0.01 and box.rect.right <= page.width - MIN_MARGIN + 0.01
    for first_index, first in enumerate(texts):
        for second in texts[first_index + 1 :]:
            assert not first.rect.overlaps(second.rect), (first.text, second.text)


@pytest.mark.parametrize("layout_name", ["grid", "list"])
@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_wrapped_lines_keep_closing_punctuation_on_the_line_before(layout_name, paper):
    sentences = "".join(f"拉伸{'小腿' * n}。（呼吸）" for n in range(1, 12))
    data = {"title": "拉伸", "stretches": [{"name": "小腿", "target": "小腿", "key_points": [sentences]}]}
    routine = check_routine(data, "zh.toml", Path("."), name="zh")
    page = lay_out(routine, load_layout(layout_name), paper_named(paper), sheet_metrics([sentences]))
    lines = [box.text for box in page.boxes if isinstance(box, TextBox) and box.role == "point"]
    assert len(lines) >= 3
    assert not [line for line in lines if line[0] in cjk.NO_LINE_START or line[-1] in cjk.NO_LINE_END]


def test_no_line_starts_with_closing_punctuation():
    assert cjk.segments("拉伸。然后") == ["拉", "伸。", "然", "后"]
    assert cjk.segments("（小腿）") == ["（小", "腿）"]
    assert cjk.segments("小腿stretch") == ["小", "腿", "stretch"]
    assert cjk.segments("종아리") == ["종아리"]  # Korean breaks at spaces, like Latin
    assert cjk.segments("Größe") == ["Größe"]


def test_an_emoji_in_a_chinese_routine_is_refused_by_name_and_field(run_cli, write_routine, tmp_path):
    data = copy.deepcopy(CHINESE)
    data["stretches"][0]["key_points"][1] = "脚跟压向地面 \U0001f9b5"
    write_routine(data)
    result = run_cli("build", "routine.toml", "-o", "sheet.pdf")
    error_mentions(result, "routine.toml", 'stretch 1 "站立小腿拉伸"', "key point 2", "U+1F9B5")
    assert len(result.error_lines) == 1
    assert not (tmp_path / "sheet.pdf").exists()


@pytest.mark.parametrize("data", [GERMAN, RUSSIAN, GREEK], ids=["german", "russian", "greek"])
def test_latin_cyrillic_and_greek_routines_round_trip(build_pdf, open_pdf, data):
    path = build_pdf(data)
    assert_in_order(pypdf.PdfReader(path).pages[0].extract_text(), expected_sequence(data))
    assert_in_order(open_pdf(path).pages[0].extract_text(), expected_sequence(data))
    assert all(fonts_of(path).values())


def test_the_long_chinese_point_reads_back_inside_its_column_without_overlaps(build_pdf, open_pdf):
    page = open_pdf(build_pdf(CHINESE)).pages[0]
    width = float(page.width)
    for char in page.chars:
        assert char["x0"] >= MIN_MARGIN - 1 and char["x1"] <= width - MIN_MARGIN + 1, char
    hits = [page.search(text)[0] for text in ("保持上身挺直", "3. Switch legs")]
    card_left = hits[1]["x0"] - 1  # the card's number column: "3." starts where "2." does
    # by baseline: a CJK glyph's box reaches higher above the line than a Latin one's
    baselines = [
        c["matrix"][5] for hit in hits for c in page.chars if c["x0"] == hit["x0"] and c["top"] == hit["top"]
    ]
    in_point = [
        c
        for c in page.chars
        if baselines[0] + 1 >= c["matrix"][5] > baselines[1] + 1 and c["x0"] >= card_left
    ]
    assert compact("".join(c["text"] for c in in_point)) == "2." + LONG_CHINESE_POINT
    assert len({round(c["top"]) for c in in_point}) >= 4  # wrapped onto several lines, all in the right card
    lines = text_lines(page)
    for index, first in enumerate(lines):
        for second in lines[index + 1 :]:
            assert not overlap(first, second), (first["text"], second["text"])


def test_lang_prints_the_sheets_own_words_in_that_language_and_sets_the_pdf_language(build_pdf):
    data = realistic(2)
    data["lang"] = "de"
    data["title"] = "Dehnen nach dem Lauf"
    path = build_pdf(data)
    reader = pypdf.PdfReader(path)
    assert reader.trailer["/Root"]["/Lang"] == "de"
    text = " ".join(reader.pages[0].extract_text().split())
    german = words_for("de")
    first = data["stretches"][0]
    assert_in_order(text, [f"{german.target}: {first['target']}", f"{german.hold}: {first['hold']}"])
    assert "Zielmuskel:" in text and "Target:" not in text
    assert german.safety in text


def test_every_translation_has_every_word_and_prints_with_the_bundled_fonts():
    table = translations()
    assert {"en", "de", "fr", "es", "zh"} <= set(table)
    for lang, words in table.items():
        for text in asdict(words).values():
            assert text.strip(), lang
            assert not missing_characters(text), (lang, text)


def test_a_chinese_routine_without_lang_prints_chinese_labels(build_pdf):
    text = compact(pypdf.PdfReader(build_pdf(CHINESE)).pages[0].extract_text())
    assert "目标肌肉:" in text and "保持:" in text and "Target" not in text


def test_an_unknown_lang_is_an_error_listing_the_languages(run_cli, write_routine):
    data = realistic(2)
    data["lang"] = "eo"
    write_routine(data)
    error_mentions(
        run_cli("build", "routine.toml"), "routine.toml", '"lang"', '"it"', '"de"', "translations.toml"
    )


def emailed(run_cli, write_routine, tmp_path, data):
    """The e-mail `handout email` writes for the routine `data`, read back as a message."""
    write_routine(data)
    result = run_cli("email", "routine.toml", "--to", "runner@example.org", "-o", "mail.eml")
    assert result.code == 0, result.err
    return email.message_from_bytes((tmp_path / "mail.eml").read_bytes(), policy=email.policy.default)


def test_the_email_labels_follow_the_routine_language(run_cli, write_routine, tmp_path):
    data = realistic(2)
    data["lang"] = "fr"
    plain = emailed(run_cli, write_routine, tmp_path, data).get_body(("plain",)).get_content()
    assert f"Muscle ciblé: {data['stretches'][0]['target']}" in plain
    assert words_for("fr").safety in plain


def test_the_sheets_own_words_in_a_cjk_language_get_its_font_even_when_nothing_else_is_cjk():
    """lang = "zh" on a routine written in English, in a layout whose footer prints no safety advice:
    the card labels ("目标肌肉:") are still Chinese, to be drawn with the Chinese font, not as empty boxes."""
    data = realistic(2)
    data["lang"] = "zh"
    routine = check_routine(data, "routine.toml", Path("."), name="routine")
    layout = replace(load_layout("grid"), footer_template="")
    page = make_page(routine, layout, paper_named("a4"), {})
    labels = [box.text for box in page.boxes if isinstance(box, TextBox) and box.role == "target"]
    assert " ".join(labels).count(f"{words_for('zh').target}: ") == 2
    assert page.cjk_font is not None
    assert page.cjk_font.startswith("NotoSansCJK-")


@pytest.mark.parametrize("value", ['["de"]', '{ code = "de" }'])
def test_a_lang_that_is_a_list_or_table_is_an_error_not_a_crash(run_cli, write_routine, value):
    write_routine(f"lang = {value}\n" + to_toml(realistic(2)))
    error_mentions(run_cli("build", "routine.toml"), "routine.toml", '"lang"', '"de"')


NEW_LATIN_LANGUAGES = {"it": "Muscoli", "pt": "Músculo", "nl": "Spieren", "pl": "Mięśnie", "tr": "Hedef kas"}


def test_the_sheet_has_its_own_words_in_twelve_languages():
    assert set(translations()) >= {"en", "de", "fr", "es", "zh", "ja", "ko", *NEW_LATIN_LANGUAGES}
    english = words_for("en")
    for lang, words in translations().items():
        if lang != "en":
            assert words.target != english.target and words.sheet_attached != english.sheet_attached, lang


@pytest.mark.parametrize("lang", NEW_LATIN_LANGUAGES)
def test_a_sheet_in_italian_portuguese_dutch_polish_or_turkish_prints_its_own_words(
    build_pdf, open_pdf, lang
):
    data = realistic(2)
    data["lang"] = lang
    path = build_pdf(data)
    text = open_pdf(path).pages[0].extract_text()
    words = words_for(lang)
    assert f"{NEW_LATIN_LANGUAGES[lang]}: {data['stretches'][0]['target']}" in text
    assert f"{words.hold}: " in text
    assert words.safety.split(", ")[0] in " ".join(text.split())
    assert pypdf.PdfReader(path).trailer["/Root"]["/Lang"] == lang


def test_the_email_says_the_sheet_is_attached_in_the_routines_language(run_cli, write_routine, tmp_path):
    data = realistic(2)
    data["lang"] = "it"
    message = emailed(run_cli, write_routine, tmp_path, data)
    plain = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert "In allegato la scheda da stampare: routine-grid-a4.pdf" in plain
    assert "In allegato la scheda da stampare: routine-grid-a4.pdf" in html
    assert 'alt="La scheda da stampare: ' in html
    assert "printable sheet" not in plain + html
