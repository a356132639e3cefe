"""The README's claim about what prints, checked letter by letter: Latin, Greek and Cyrillic as it says."""

from __future__ import annotations

import unicodedata

import pypdf
import pytest
from conftest import realistic

from handout.layout.fonts import missing_characters

AZERBAIJANI = "Qaçışdan sonra əzələ dartılması"  # noqa: RUF001 - the dotless i is Azerbaijani's own letter

COMPLETE_BLOCKS = {
    "Latin-1, Latin Extended-A and -B": (0x00C0, 0x024F),
    "IPA Extensions": (0x0250, 0x02AF),
    "Greek and Coptic": (0x0370, 0x03FF),
    "Cyrillic": (0x0400, 0x04FF),
    "Greek Extended (polytonic)": (0x1F00, 0x1FFF),
}


@pytest.mark.parametrize("block", COMPLETE_BLOCKS)
def test_every_letter_of_the_blocks_the_readme_names_has_a_glyph(block):
    low, high = COMPLETE_BLOCKS[block]
    letters = "".join(
        chr(code) for code in range(low, high + 1) if unicodedata.category(chr(code)).startswith("L")
    )
    assert letters
    assert missing_characters(letters) == ()


def test_azerbaijani_and_polytonic_greek_print_and_read_back(run_cli, write_routine, tmp_path):
    routine = realistic(2)
    routine["title"] = AZERBAIJANI
    routine["stretches"][0]["key_points"] = ["Ἀναπνέετε ἤρεμα καὶ κρατῆστε τὴν θέση"]
    write_routine(routine)
    result = run_cli("build", "routine.toml", "-o", "out.pdf")
    assert result.code == 0, result.err
    text = unicodedata.normalize("NFC", pypdf.PdfReader(tmp_path / "out.pdf").pages[0].extract_text())
    assert AZERBAIJANI in text
    assert "Ἀναπνέετε ἤρεμα" in " ".join(text.split())
