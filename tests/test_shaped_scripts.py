"""Arabic, Hebrew, Hindi, Thai, Bengali and Tamil sheets: shaped, right to left where the script is, read
back in logical order, inside their cards, in their own words; and CJK cuts that never mix up their glyphs."""

from __future__ import annotations

import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import pypdf
import pypdfium2
import pytest
from conftest import actual_texts, realistic

from handout.content.routine import check_routine
from handout.content.sheet_words import words_for
from handout.layout import scripts, shaping
from handout.layout.fonts import script_font_path
from handout.layout.layout_file import load_layout
from handout.layout.paper import paper_named
from handout.model import FrameBox, ImageBox, TextBox
from handout.pipeline import make_page

ROUTINES: dict[str, dict[str, Any]] = {
    "ar": {
        "title": "تمارين الإطالة بعد الجري",
        "subtitle": "امشِ بضع دقائق أولًا، ثم اثبت في كل تمرين 30 ثانية.",
        "stretches": [
            {
                "name": "إطالة الساق على الحائط",
                "image": "calf-wall",
                "target": "عضلة الساق (الربلة)",
                "hold": "30 ثانية لكل ساق",
                "key_points": [
                    "قف مواجهًا للحائط وضع يديك عليه بمستوى الكتفين.",
                    "أرجع قدمًا واحدة Kinesio إلى الخلف واضغط كعبها على الأرض.",
                    "اثنِ الركبة الأمامية ببطء حتى تشعر بالشد في ساق الخلف.",
                ],
            },
            {
                "name": "إطالة الفخذ الأمامية وقوفًا",
                "image": "standing-quad",
                "target": "العضلة الرباعية (مقدمة الفخذ)",
                "key_points": ["قف على ساق واحدة وأمسك كاحل الساق الأخرى خلفك.", "أبقِ الركبتين متلاصقتين."],
            },
        ],
    },
    "he": {
        "title": "מתיחות אחרי ריצה",
        "subtitle": "הליכה של כמה דקות קודם, ואז כל מתיחה 30 שניות לכל צד.",
        "stretches": [
            {
                "name": "מתיחת שוק מול הקיר",
                "image": "calf-wall",
                "target": "שרירי השוק (החלק האחורי של הרגל)",
                "hold": "30 שניות לכל רגל",
                "key_points": [
                    "עמדו מול הקיר והניחו את שתי הידיים עליו בגובה הכתפיים.",
                    "הרחיקו רגל אחת Kinesio לאחור ולחצו את העקב לרצפה.",
                ],
            }
        ],
    },
    "hi": {
        "title": "दौड़ के बाद स्ट्रेचिंग",
        "subtitle": "पहले कुछ मिनट टहलें, फिर हर स्ट्रेच दोनों तरफ़ करें।",
        "stretches": [
            {
                "name": "दीवार पर पिंडली का स्ट्रेच",
                "image": "calf-wall",
                "target": "पिंडली (निचले पैर का पिछला हिस्सा)",
                "hold": "हर पैर 30 सेकंड",
                "key_points": [
                    "दीवार की ओर मुँह करके खड़े हों और दोनों हाथ कंधे की ऊँचाई पर दीवार पर रखें।",
                    "एक पैर पीछे ले जाएँ और उसकी एड़ी ज़मीन पर दबाएँ।",
                ],
            }
        ],
    },
    "th": {
        "title": "ยืดเหยียดหลังวิ่ง",
        "subtitle": "เดินช้า ๆ สักสองสามนาทีก่อน แล้วค้างแต่ละท่าทั้งสองข้าง",
        "stretches": [
            {
                "name": "ยืดน่องกับกำแพง",
                "image": "calf-wall",
                "target": "น่อง (ด้านหลังของขาท่อนล่าง)",
                "hold": "ข้างละ 30 วินาที",
                "key_points": [
                    "ยืนหันหน้าเข้ากำแพง แล้ววางมือทั้งสองข้างบนกำแพงระดับไหล่",
                    "ก้าวเท้าข้างหนึ่งไปด้านหลัง แล้วกดส้นเท้าลงกับพื้น",
                ],
            }
        ],
    },
    "bn": {
        "title": "দৌড়ের পরে স্ট্রেচিং",
        "subtitle": "প্রথমে কয়েক মিনিট হাঁটুন, তারপর প্রতিটি স্ট্রেচ দুই দিকেই করুন।",
        "stretches": [
            {
                "name": "দেয়ালে পায়ের ডিমের স্ট্রেচ",
                "image": "calf-wall",
                "target": "পায়ের ডিম (হাঁটুর নিচে পেছনের অংশ)",
                "hold": "প্রতি পায়ে ৩০ সেকেন্ড",
                "key_points": [
                    "দেয়ালের দিকে মুখ করে দাঁড়ান এবং কাঁধের উচ্চতায় দুই হাত দেয়ালে রাখুন।",
                    "এক পা পেছনে নিন এবং গোড়ালি মাটিতে চেপে রাখুন।",
                ],
            }
        ],
    },
    "ta": {
        "title": "ஓட்டத்துக்குப் பின் நீட்சி",
        "subtitle": "முதலில் சில நிமிடங்கள் நடக்கவும், பிறகு ஒவ்வொரு பயிற்சியையும் இரு பக்கமும் செய்யவும்.",
        "stretches": [
            {
                "name": "சுவரில் கால் நீட்சி",
                "image": "calf-wall",
                "target": "கெண்டைக்கால் (கீழ்க்காலின் பின்பகுதி)",
                "hold": "ஒவ்வொரு காலுக்கும் 30 வினாடி",
                "key_points": [
                    "சுவரை நோக்கி நின்று, தோள் உயரத்தில் இரு கைகளையும் சுவரில் வைக்கவும்.",
                    "ஒரு காலைப் பின்னால் வைத்து, குதிகாலைத் தரையில் அழுத்தவும்.",
                ],
            }
        ],
    },
}
FONTS = {
    "ar": "NotoSansArabic",
    "he": "NotoSansHebrew",
    "hi": "NotoSansDevanagari",
    "th": "NotoSansThai",
    "bn": "NotoSansBengali",
    "ta": "NotoSansTamil",
}


def expected(data: dict[str, Any], lang: str) -> list[str]:
    words = words_for(lang)
    first = data["stretches"][0]
    return [
        data["title"],
        first["name"],
        f"{words.target}: {first['target']}",
        f"{words.hold}: {first['hold']}",
        "1.",
        first["key_points"][0].split(" ")[0],
    ]


@pytest.mark.parametrize("lang", ROUTINES)
def test_a_sheet_in_the_script_is_written_in_its_own_words_and_reads_back_in_logical_order(build_pdf, lang):
    """Without `lang`: the script picks the language, its words, and the PDF's /Lang."""
    path = build_pdf(ROUTINES[lang])
    assert pypdf.PdfReader(path).trailer["/Root"]["/Lang"] == lang
    spans = actual_texts(path)
    joined = " ".join(spans)  # a name may wrap (Tamil is wide): its lines follow each other
    position = 0
    for text in expected(ROUTINES[lang], lang):
        found = joined.find(text, position)
        assert found >= 0, (text, joined[position : position + 200])
        position = found + len(text)
    assert words_for(lang).safety.split(" ")[0] in joined
    assert words_for(lang).safety != words_for("en").safety


@pytest.mark.parametrize("lang", ["hi", "th", "bn", "ta"])
def test_a_left_to_right_shaped_sheet_reads_back_whole_in_pdfium(build_pdf, lang):
    """Shaped Devanagari and Thai glyphs are conjuncts and stacked marks, many without a character of
    their own: the text layer reads the words, not private codes."""
    path = build_pdf(ROUTINES[lang])
    document = pypdfium2.PdfDocument(path)
    text = document[0].get_textpage().get_text_range()
    document.close()
    data = ROUTINES[lang]
    for part in (data["title"], data["stretches"][0]["name"], data["stretches"][0]["key_points"][1]):
        assert part in text.replace("\r\n", " ").replace("\n", " ")
    assert not [char for char in text if 0xE000 <= ord(char) <= 0xF8FF]


@pytest.mark.parametrize("lang", ROUTINES)
def test_every_font_is_embedded_and_the_sheet_is_small(build_pdf, lang):
    path = build_pdf(ROUTINES[lang])
    fonts = set()
    for reference in pypdf.PdfReader(path).pages[0]["/Resources"]["/Font"].values():
        font = reference.get_object()
        assert "/FontFile2" in font["/FontDescriptor"].get_object()
        fonts.add(str(font["/BaseFont"]).split("+")[-1])
    assert f"{FONTS[lang]}-Regular" in fonts
    assert path.stat().st_size < 100_000


@pytest.mark.parametrize("lang", ["ar", "he"])
def test_right_to_left_lines_run_right_to_left_with_the_numbers_on_the_right(build_pdf, open_pdf, lang):
    """A key point "word word Kinesio word ...": the Arabic before the Latin word is drawn to its
    right, the rest to its left; the point's number is right of its text; lines end at the right."""
    data = ROUTINES[lang]
    page = open_pdf(build_pdf(data)).pages[0]
    latin = [char for char in page.chars if char["text"] in "Kinesio" and "DejaVu" in char["fontname"]]
    assert "".join(char["text"] for char in latin) == "Kinesio"  # drawn left to right inside
    baseline = latin[0]["matrix"][5]
    line = [char for char in page.chars if abs(char["matrix"][5] - baseline) < 0.5]
    script = [char for char in line if FONTS[lang] in char["fontname"]]
    before = data["stretches"][0]["key_points"][1].split(" Kinesio ")[0]
    path = script_font_path(f"{FONTS[lang]}-Regular")
    glyphs_before = sum(len(shaping.shape(path, word)) for word in before.split(" "))
    right = [char for char in script if char["x0"] >= latin[-1]["x1"] - 0.1]
    left = [char for char in script if char["x1"] <= latin[0]["x0"] + 0.1]
    assert len(right) == glyphs_before and left, (len(right), glyphs_before)
    number = [char for char in line if char["text"] == "2"]
    assert number and number[0]["x0"] > max(char["x1"] for char in script)


def test_shaped_glyphs_are_not_the_letters_one_by_one():
    """Arabic letters take their joined forms (Noto draws a letter as its body and its dots: the bodies,
    the glyphs that advance, are compared); a Devanagari conjunct is fewer glyphs than letters."""
    arabic = script_font_path("NotoSansArabic-Regular")
    word = "بيت"

    def bodies(text: str) -> list[int]:
        return [glyph.gid for glyph in shaping.shape(arabic, text) if glyph.advance]

    joined = bodies(word)
    alone = [gid for letter in reversed(word) for gid in bodies(letter)]  # drawn right to left
    assert len(joined) == len(alone) == 3 and all(a != b for a, b in zip(joined, alone, strict=True))
    devanagari = script_font_path("NotoSansDevanagari-Regular")
    assert len(shaping.shape(devanagari, "स्ट्रे")) < len("स्ट्रे")
    assert shaping.width(arabic, word) != sum(shaping.width(arabic, letter) for letter in word)


@pytest.mark.parametrize("lang", ROUTINES)
def test_every_line_stays_inside_its_card(lang):
    routine = check_routine(ROUTINES[lang], "routine.toml", Path("."), name="routine")
    page = make_page(routine, load_layout("grid"), paper_named("a4"), {})
    frames = {box.card: box.rect for box in page.boxes if isinstance(box, FrameBox)}
    lines = [box for box in page.boxes if isinstance(box, TextBox) and box.card is not None]
    assert lines
    for box in lines:
        assert frames[box.card].contains(box.rect), (box.text, box.rect, frames[box.card])
    if lang in ("ar", "he"):  # right-aligned: name, target and hold end where the card's text ends
        for card in frames:
            ends = {role: box.rect.right for box in lines if box.card == card for role in [box.role]}
            assert abs(ends["name"] - ends["target"]) < 0.01 and ends["number"] > ends["point"], ends


def test_the_script_picks_the_language_without_lang():
    assert scripts.language(["تمارين", "x"]) == "ar"
    assert scripts.language(["מתיחות"]) == "he"
    assert scripts.language(["स्ट्रेच"]) == "hi"
    assert scripts.language(["ยืด"]) == "th"
    assert scripts.language(["Größe", "小腿"]) is None


def test_an_arabic_routine_with_lang_en_keeps_english_words_and_still_prints_arabic(build_pdf):
    data = realistic(2)
    data["lang"] = "en"
    data["stretches"][0]["key_points"].append("تمدد الساق")
    spans = actual_texts(build_pdf(data))
    assert "تمدد الساق" in spans
    assert any(span.startswith("Target: ") for span in spans)


def test_two_sheets_cut_from_one_cjk_font_each_read_back_their_own_characters(build_pdf, open_pdf):
    """Each cut of Noto Sans KR is its own font to reportlab: the second sheet is not drawn with the
    first sheet's glyphs."""
    for title in ("달리기 후 스트레칭", "가볍게 당기는 느낌 종아리"):
        data = realistic(1)
        data["title"] = title
        data["lang"] = "ko"
        text = open_pdf(build_pdf(data)).pages[0].extract_text()
        assert title in text and "\x00" not in text


LONG_THAI_POINT = "ค่อยๆงอเข่าข้างหน้าจนรู้สึกตึงที่น่องของขาหลังโดยไม่ยกส้นเท้าขึ้นจากพื้นเลยแม้แต่นิดเดียว"


def test_thai_lines_break_between_words_never_inside_one():
    from pythainlp.tokenize import word_tokenize

    data = {
        "title": "ยืดเหยียดหลังวิ่ง",
        "lang": "th",
        "stretches": [
            {"name": f"ท่าที่ {n}", "image": "none", "target": "น่อง", "key_points": [LONG_THAI_POINT]}
            for n in range(1, 9)
        ],
    }
    routine = check_routine(data, "routine.toml", Path("."), name="routine")
    page = make_page(routine, load_layout("grid"), paper_named("a4"), {})
    lines = [
        box.text for box in page.boxes if isinstance(box, TextBox) and box.role == "point" and box.card == 0
    ]
    assert len(lines) >= 2 and "".join(lines) == LONG_THAI_POINT
    ends = set()
    position = 0
    for word in word_tokenize(LONG_THAI_POINT, engine="newmm"):
        position += len(word)
        ends.add(position)
    position = 0
    for line in lines[:-1]:
        position += len(line)
        assert position in ends, (line, lines)


@pytest.mark.parametrize("lang", ROUTINES)
def test_the_importer_detects_the_scripts_languages(lang):
    from handout.content.importers.language import detect_language

    data = ROUTINES[lang]
    text = " ".join([data["title"], data["subtitle"], *data["stretches"][0]["key_points"]])
    assert detect_language(text) == lang


@pytest.mark.parametrize(("lang", "first_on_the_right"), [("ar", True), ("he", True), ("hi", False)])
def test_a_right_to_left_sheets_first_card_is_at_the_top_right(lang, first_on_the_right):
    data = {**ROUTINES[lang], "stretches": [ROUTINES[lang]["stretches"][0]] * 2}
    routine = check_routine(data, "routine.toml", Path("."), name="routine")
    page = make_page(routine, load_layout("grid"), paper_named("a4"), {})
    frames = {box.card: box.rect for box in page.boxes if isinstance(box, FrameBox)}
    assert abs(frames[0].y - frames[1].y) < 0.01  # one row
    assert (frames[0].x > frames[1].x) is first_on_the_right
    for box in page.boxes:  # each card moved whole: its lines and figure inside its frame
        if isinstance(box, TextBox | ImageBox) and box.card is not None:
            assert frames[box.card].contains(box.rect)


def test_a_cjk_character_no_font_of_the_sheet_has_is_refused_by_name(run_cli, write_routine):
    """Hangul, kana and a Chinese-only character: no one Noto CJK font has them all."""
    data = realistic(1)
    data["stretches"][0]["key_points"] = ["肉く跑리"]
    write_routine(data)
    result = run_cli("build", "routine.toml")
    assert result.code == 2
    assert result.err.startswith("error: 1 character is not in the Korean font") and "U+8DD1" in result.err
    assert len(result.err.splitlines()) == 1


@pytest.mark.parametrize("lang", ["hi", "ta", "th"])
def test_pypdf_and_pdfplumber_read_a_shaped_title_as_its_letters_not_private_codes(build_pdf, open_pdf, lang):
    """They read the fonts' ToUnicode maps, not the spans' ActualText: a conjunct's or a mark's own glyph
    maps to its letters there, so the title reads back letter for letter (in visual order: a Devanagari
    ि before its consonant, as it is drawn)."""
    path = build_pdf(ROUTINES[lang])
    title = ROUTINES[lang]["title"]
    with open_pdf(path) as plumbed:
        readings = [pypdf.PdfReader(path).pages[0].extract_text(), plumbed.pages[0].extract_text()]
    for text in readings:
        first = text.splitlines()[0]
        assert not [char for char in first if 0xE000 <= ord(char) <= 0xF8FF], first
        assert Counter(unicodedata.normalize("NFD", first.replace(" ", ""))) == Counter(
            unicodedata.normalize("NFD", title.replace(" ", ""))
        ), first
