"""No file, layout, roster or argument can hang or break the tool: each is refused in one short `error:`
line (exit 2), or, where it is fine, built. The cases come from the red-team pass of issue 10."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest
from conftest import error_mentions, realistic, to_toml
from PIL import Image

from handout.content.input_file import SIZE_LIMITS
from handout.share import smtp
from handout.share.batch import worker_count

LONGEST_LINE = 400
"""Characters: no error line, whatever the input, is longer (they quote user values short)."""


def short_errors(result) -> None:
    assert result.code == 2, (result.code, result.err)
    assert result.error_lines and all(line.startswith("error: ") for line in result.error_lines), result.err
    assert all(len(line) <= LONGEST_LINE for line in result.error_lines), [len(x) for x in result.error_lines]
    assert "Traceback" not in result.err


# --- files that are not files -------------------------------------------------------------------------


@pytest.fixture
def specials(tmp_path: Path) -> dict[str, Path]:
    os.mkfifo(tmp_path / "pipe.toml")
    (tmp_path / "zero.toml").symlink_to("/dev/zero")
    (tmp_path / "random.csv").symlink_to("/dev/urandom")
    (tmp_path / "folder.toml").mkdir()
    return {path.name: path for path in tmp_path.iterdir()}


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["build", "pipe.toml"], "named pipe"),
        (["build", "zero.toml"], "is a device"),
        (["build", "/dev/zero"], "is a device"),
        (["build", "/dev/urandom"], "is a device"),
        (["build", "folder.toml"], "is a folder"),
        (["build", "--layout", "pipe.toml"], "named pipe"),
        (["build", "--layout", "zero.toml"], "is a device"),
        (["build", "--layout", "folder.toml"], "is a folder"),
        (["batch", "pipe.toml"], "named pipe"),
        (["batch", "random.csv"], "is a device"),
        (["batch", "folder.toml"], "is a folder"),
    ],
)
def test_pipes_devices_and_folders_are_refused_without_hanging(run_cli, specials, argv, says):
    result = run_cli(*argv)
    short_errors(result)
    error_mentions(result, says)
    assert "no such" not in result.err and "not found" not in result.err


@pytest.mark.parametrize("name", ["pipe.toml", "folder.toml", "zero.toml"])
def test_a_photo_that_is_not_a_file_is_not_said_to_be_missing(run_cli, write_routine, specials, name):
    routine = realistic(1)
    routine["stretches"][0]["image"] = name
    write_routine(routine)
    result = run_cli("build", "routine.toml")
    short_errors(result)
    error_mentions(result, "is not a file")
    assert "not found" not in result.err


@pytest.mark.parametrize(
    ("kind", "argv"), [("routine", ["build", "big"]), ("layout", ["build", "--layout", "big"])]
)
def test_a_file_over_its_kinds_size_cap_is_refused_before_it_is_read(run_cli, tmp_path, kind, argv):
    with (tmp_path / "big.toml").open("wb") as file:
        file.truncate(SIZE_LIMITS[kind] + 1)
    argv = [arg.replace("big", "big.toml") for arg in argv]
    result = run_cli(*argv)
    short_errors(result)
    error_mentions(result, "big.toml", "too large", f"{SIZE_LIMITS[kind] // 2**20} MB")


# --- photos -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("saved_as", ["EPS", "GIF", "BMP", "TIFF"])
def test_only_jpeg_png_and_webp_photos_are_opened_whatever_their_name(
    run_cli, write_routine, tmp_path, saved_as
):
    """An EPS photo would be handed to Ghostscript by Pillow; the name says .jpg, the content decides."""
    Image.new("RGB", (40, 40), "red").save(tmp_path / "photo.jpg", saved_as)
    routine = realistic(1)
    routine["stretches"][0]["image"] = "photo.jpg"
    write_routine(routine)
    result = run_cli("build", "routine.toml", "-o", "out.pdf")
    short_errors(result)
    error_mentions(result, "photo.jpg", "JPEG, PNG or WebP")
    assert not (tmp_path / "out.pdf").exists()


def test_a_png_named_jpg_is_a_photo(run_cli, write_routine, tmp_path):
    Image.new("RGB", (40, 40), "red").save(tmp_path / "photo.jpg", "PNG")
    routine = realistic(1)
    routine["stretches"][0]["image"] = "photo.jpg"
    write_routine(routine)
    assert run_cli("build", "routine.toml", "-o", "out.pdf").code == 0


# --- TOML ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "option"),
    [
        ("a = " + "[" * 5000 + "]" * 5000, "routine"),
        ("a = " + "{b = " * 3000 + "1" + "}" * 3000, "routine"),
        ('title = "x"\n' + ".".join(["a"] * 5000) + " = 1", "routine"),
        ("[grid]\n" + ".".join(["a"] * 5000) + " = 1", "layout"),
        ("[" + ".".join(["t"] * 3000) + "]\nx = 1", "layout"),
    ],
)
def test_deep_toml_is_one_error_line(run_cli, write_routine, tmp_path, text, option):
    (tmp_path / "deep.toml").write_text(text, encoding="utf-8")
    write_routine(realistic(1))
    argv = (
        ["build", "deep.toml"] if option == "routine" else ["build", "routine.toml", "--layout", "deep.toml"]
    )
    result = run_cli(*argv)
    short_errors(result)
    assert len(result.error_lines) == 1
    error_mentions(result, "deep.toml", "nested")


@pytest.mark.parametrize(
    ("value", "accepted"), [("1.5", False), ("2.0", True), ("2", True), ("0.999", False)]
)
def test_a_count_in_a_layout_must_be_a_whole_number(run_cli, write_routine, tmp_path, value, accepted):
    (tmp_path / "cols.toml").write_text(f"[grid]\ncolumns = {value}\n", encoding="utf-8")
    write_routine(realistic(2))
    result = run_cli("build", "routine.toml", "--layout", "cols.toml", "-o", "out.pdf")
    if accepted:
        assert result.code == 0, result.err
    else:
        error_mentions(result, "cols.toml", '"columns"', value, "whole number")


# --- rosters ------------------------------------------------------------------------------------------


def write(tmp_path: Path, name: str, text: str) -> Path:
    (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path / name


def test_an_unclosed_quote_is_refused_naming_its_line(run_cli, tmp_path):
    write(tmp_path, "members.csv", 'name,group\nAna,A\n"Ben,B\nCat,C\nDan,D\n')
    result = run_cli("batch", "members.csv")
    short_errors(result)
    assert result.error_lines == [
        'error: members.csv: line 3: a double quote (") opens here and never closes: close it, or remove it'
    ]
    assert not (tmp_path / "build").exists()


def test_a_quote_that_closes_lines_later_is_refused_too(run_cli, tmp_path):
    write(tmp_path, "members.csv", 'name,group\n"Ana,A\nBen",B\nCat,C\n')
    result = run_cli("batch", "members.csv")
    short_errors(result)
    error_mentions(result, "members.csv: line 2", "does not close on this line", "line 3")


@pytest.mark.parametrize("row", ["Ana", "Ana,A,extra"])
def test_a_row_with_fewer_or_more_cells_than_the_header_fails(run_cli, tmp_path, row):
    write(tmp_path, "members.csv", f"name,group\n{row}\nBen,B\n")
    result = run_cli("batch", "members.csv", "--jobs", "1")
    assert result.code == 1
    assert [line for line in result.err.splitlines() if line.startswith("error:")] == [
        f"error: members.csv: line 2: {len(row.split(','))} cell{'s' * (row.count(',') > 0)}, but the header "
        "names 2 columns: check for a stray or missing comma (put a cell with a comma in double quotes)"
    ]
    assert "1 of 2 sheets built" in result.out, "a failed row is not counted as built"
    assert sorted(path.name for path in (tmp_path / "build" / "members").iterdir()) == ["ben.pdf"]


def test_a_huge_cell_is_one_error_line(run_cli, tmp_path):
    write(tmp_path, "members.csv", "name,group\n" + "a" * 200_000 + ",A\n")
    result = run_cli("batch", "members.csv")
    short_errors(result)
    assert len(result.error_lines) == 1
    error_mentions(result, "members.csv: line 2", "KB")


def test_the_same_row_error_is_one_line_naming_the_roster_and_lines(run_cli, tmp_path, write_routine):
    """A template that needs a column the roster lacks fails every row the same way: said once."""
    write(tmp_path, "needs.toml", '[header]\ntemplate = "{{ name }} ({{ team }})"\n')
    write_routine(realistic(1))
    write(tmp_path, "members.csv", "name,group\n" + "".join(f"Runner {n},A\n" for n in range(12)))
    result = run_cli("batch", "members.csv", "routine.toml", "--layout", "needs.toml", "--jobs", "2")
    assert result.code == 1
    errors = [line for line in result.err.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, errors
    assert errors[0].startswith(
        "error: members.csv: lines 2-13 (12 rows): needs.toml: [header] template uses"
    )
    assert "0 of 12 sheets built" in result.out


def test_jobs_are_capped_at_the_rows_and_the_cores():
    cores = len(os.sched_getaffinity(0))
    assert worker_count(64, 3) == min(3, cores)
    assert worker_count(None, 1) == 1
    assert worker_count(64, 1000) == cores


def test_ctrl_c_during_a_batch_is_one_line_and_leaves_no_temporary_file(tmp_path):
    rows = "".join(f"Runner {n},G\n" for n in range(400))
    write(tmp_path, "members.csv", "name,group\n" + rows)
    command = [sys.executable, "-m", "handout", "batch", "members.csv", "--jobs", "2", "-o", "out"]
    process = subprocess.Popen(
        command,
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    while not (tmp_path / "out").is_dir() or len(list((tmp_path / "out").iterdir())) < 5:
        assert process.poll() is None, process.communicate()
        time.sleep(0.05)
    os.killpg(process.pid, 2)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130, err
    errors = [line for line in err.splitlines() if not line.startswith("built ")]
    assert len(errors) == 1 and errors[0].startswith("error: interrupted: "), err
    built = int(errors[0].split()[2])
    written = list((tmp_path / "out").iterdir())
    assert all(path.suffix == ".pdf" and not path.name.startswith(".") for path in written)
    assert len(written) == built < 400
    for path in written:
        assert len(pypdf.PdfReader(path).pages) == 1


# --- templates ----------------------------------------------------------------------------------------

HOSTILE_TEMPLATES = [
    "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}",
    "{% for a in range(9000) %}{% for b in range(9000) %}{% endfor %}{% endfor %}",
    "{% set s = 'abcdefghij' * 20 %}"
    "{% for a in s %}{% for b in s %}{% for c in s %}{% endfor %}{% endfor %}{% endfor %}",
    "{{ 'x' * 10**8 }}",
    "{{ [0] * 10**8 }}",
    "{{ '%999999999d' % 1 }}",
    "{{ '%999999999d'|format(1) }}",
    "{{ '{:999999999}'.format(1) }}",
    "{{ 'x'|center(999999999) }}",
    "{{ lipsum(100000) }}",
    "{{ 2**64**64**64 }}",
    "{% set ns = namespace(x='x') %}{% for i in range(60) %}{% set ns.x = ns.x ~ ns.x %}{% endfor %}",
    "{% set x %}{% for i in range(4000) %}{{ 'y' * 3999 }}{% endfor %}{% endset %}"
    "{% set z %}{% for i in range(4000) %}{{ x }}{% endfor %}{% endset %}{{ z|length }}",
    "{% for a in range(3000) %}{% for b in range(30) %}" + "a" * 1500 + "{% endfor %}{% endfor %}",
    "{% include 'other.txt' %}",
    "{% import 'macros.txt' as m %}",
    "{% from 'macros.txt' import m %}",
    "{% extends 'base.txt' %}",
    "{{ 1/0 }}",
    "{{ 'a' + 1 }}",
    "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}",
    "{{ title.__class__ }}",
    "{{ (" * 400 + "1" + ")" * 400 + " }}",
    "{{ x }}" * 1000,
]


@pytest.mark.parametrize("part", ["header", "footer"])
@pytest.mark.parametrize("template", HOSTILE_TEMPLATES)
def test_a_hostile_template_is_one_error_naming_the_layout_and_part(
    run_cli, write_routine, tmp_path, part, template
):
    escaped = template.replace("\\", "\\\\").replace('"', '\\"')
    write(tmp_path, "shared.toml", f'[{part}]\ntemplate = "{escaped}"\n')
    write_routine(realistic(1))
    result = run_cli("build", "routine.toml", "--layout", "shared.toml", "-o", "out.pdf")
    short_errors(result)
    assert len(result.error_lines) == 1, result.err
    error_mentions(result, "shared.toml", f"[{part}]")
    assert not (tmp_path / "out.pdf").exists()


def test_an_ordinary_template_still_loops_and_formats(run_cli, write_routine, tmp_path):
    template = "{% for n in range(3) %}{{ n }}{% endfor %} {{ '%03d' % 7 }} {{ title|upper }}"
    write(tmp_path, "fine.toml", f'[header]\ntemplate = "{template}"\n')
    write_routine(realistic(1))
    assert run_cli("build", "routine.toml", "--layout", "fine.toml", "-o", "out.pdf").code == 0
    text = pypdf.PdfReader(tmp_path / "out.pdf").pages[0].extract_text()
    assert "012 007 COOL-DOWN AFTER FOOTBALL TRAINING" in text


# --- SMTP ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "server", ["127.0.0.1:²", "a..b:25", "a b:25", "-bad-:25", "[zz]:25", "x:0", "x:99999"]
)
def test_a_strange_smtp_server_is_one_error_line(run_cli, tmp_path, server):
    result = run_cli("email", "--to", "runner@example.org", f"--smtp={server}")
    short_errors(result)
    assert len(result.error_lines) == 1
    error_mentions(result, "--smtp", "HOST:PORT")
    assert list(tmp_path.iterdir()) == []


@pytest.fixture
def hostile_server() -> Iterator[tuple[int, list[str]]]:
    """A server on a free port whose behaviour a test picks: "flood" (endless greeting lines), "drip"
    (one byte of greeting a tenth of a second, never a line end) or "refuse" (550 for every recipient)."""
    listener = socket.create_server(("127.0.0.1", 0))
    mode: list[str] = ["flood"]
    stop = threading.Event()

    def talk(connection: socket.socket) -> None:
        with connection, connection.makefile("rb") as reader:
            try:
                if mode[0] == "flood":
                    while not stop.is_set():
                        connection.sendall(b"220-hello and hello again\r\n" * 50)
                elif mode[0] == "drip":
                    while not stop.is_set():
                        connection.sendall(b"2")
                        time.sleep(0.1)
                else:
                    connection.sendall(b"220 ready\r\n")
                    for line in reader:
                        reply = (
                            b"550 5.1.1 no such user here\r\n"
                            if line.upper().startswith(b"RCPT")
                            else b"250 ok\r\n"
                        )
                        connection.sendall(b"221 bye\r\n" if line.upper().startswith(b"QUIT") else reply)
            except OSError:
                return

    def serve() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=talk, args=(connection,), daemon=True).start()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1], mode
    finally:
        stop.set()
        thread.join()
        listener.close()


def test_a_server_streaming_endless_greetings_is_cut_off(run_cli, tmp_path, hostile_server):
    port, _ = hostile_server
    result = run_cli("email", "--to", "runner@example.org", "--smtp", f"127.0.0.1:{port}")
    short_errors(result)
    error_mentions(result, f"127.0.0.1:{port}", "more than 64 KB")


def test_a_server_dripping_bytes_hits_the_overall_deadline(run_cli, tmp_path, hostile_server, monkeypatch):
    port, mode = hostile_server
    mode[0] = "drip"
    monkeypatch.setattr(smtp, "DEADLINE", 1.0)
    result = run_cli("email", "--to", "runner@example.org", "--smtp", f"127.0.0.1:{port}")
    short_errors(result)
    error_mentions(result, "still talking after 1 seconds")


def test_a_refused_recipient_is_a_sentence_not_a_python_repr(run_cli, tmp_path, hostile_server):
    port, mode = hostile_server
    mode[0] = "refuse"
    result = run_cli("email", "--to", "nobody@example.org", "--smtp", f"127.0.0.1:{port}")
    short_errors(result)
    error_mentions(result, "refused to deliver to nobody@example.org (550 5.1.1 no such user here)")
    assert "{" not in result.err and "b'" not in result.err


def test_an_unknown_host_is_a_sentence(run_cli, tmp_path):
    result = run_cli("email", "--to", "runner@example.org", "--smtp", "no-such-host.invalid:25")
    short_errors(result)
    error_mentions(result, 'no server called "no-such-host.invalid"')
    assert "Name or service" not in result.err


# --- language, text and messages ----------------------------------------------------------------------


def lang_of(path: Path) -> str:
    return str(pypdf.PdfReader(path).trailer["/Root"]["/Lang"])


def test_a_korean_club_name_does_not_make_an_english_routine_korean(run_cli, write_routine, tmp_path):
    write_routine(realistic(2))
    result = run_cli("build", "routine.toml", "--set", "club=서울 러닝 클럽", "-o", "out.pdf")
    assert result.code == 0, result.err
    assert lang_of(tmp_path / "out.pdf") == "en"
    assert "Target:" in pypdf.PdfReader(tmp_path / "out.pdf").pages[0].extract_text()


def test_a_korean_runner_in_a_roster_does_not_either(run_cli, write_routine, tmp_path):
    write_routine(realistic(2))
    write(tmp_path, "members.csv", "name\n김민준\n")
    result = run_cli("batch", "members.csv", "routine.toml", "--jobs", "1", "--merge", "-o", "all.pdf")
    assert result.code == 0, result.err
    assert lang_of(tmp_path / "all.pdf") == "en"


def test_a_korean_routine_is_still_korean(run_cli, write_routine, tmp_path):
    routine = realistic(1)
    routine["title"] = "달리기 후 스트레칭"
    write_routine(routine)
    assert run_cli("build", "routine.toml", "-o", "out.pdf").code == 0
    assert lang_of(tmp_path / "out.pdf") == "ko"


def test_decomposed_accents_print_and_invisible_characters_are_dropped(run_cli, write_routine, tmp_path):
    routine = realistic(1)
    routine["title"] = "Cafe\u0301 e\u0301tirements"
    routine["stretches"][0]["name"] = "Calf\u200b stretch\u2060 wall\ufeff"
    routine["stretches"][0]["target"] = "Ca\u200dlves"
    write_routine(routine)
    result = run_cli("build", "routine.toml", "-o", "out.pdf")
    assert result.code == 0, result.err
    text = pypdf.PdfReader(tmp_path / "out.pdf").pages[0].extract_text()
    assert "Café étirements" in text
    assert "Calf stretch wall" in text and "Target: Calves" in text


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("title", "x" * 300_000),
        ("lang", "x" * 300_000),
        ("x" * 300_000, "unknown key"),
        ("subtitle", ["x" * 300_000]),
    ],
)
def test_a_huge_value_is_quoted_short(run_cli, write_routine, tmp_path, field, value):
    routine = realistic(1)
    routine[field] = value
    write_routine(routine)
    short_errors(run_cli("build", "routine.toml"))


def test_a_huge_set_value_and_a_huge_address_are_quoted_short(run_cli, tmp_path):
    short_errors(run_cli("build", "--set", "club=" + "x" * 300_000))
    short_errors(run_cli("build", "--set", "x" * 300_000 + "=club"))
    short_errors(run_cli("email", "--to", "x" * 300_000))


@pytest.mark.parametrize(
    "table",
    [
        '[card]\nimage = ["' + "x" * 300_000 + '"]',
        "[text]\nbody_min_pt = { " + "9" * 300_000 + " = 9 }",
        '[text]\nbody_min_pt = { "²" = 9, 8 = 9 }',
    ],
)
def test_a_huge_value_in_a_layout_list_or_table_is_quoted_short(run_cli, tmp_path, table):
    (tmp_path / "mine.toml").write_text(f'description = "Mine"\n{table}\n', encoding="utf-8")
    short_errors(run_cli("build", "--layout", "mine.toml"))


def test_many_too_long_key_points_are_one_grouped_line(run_cli, write_routine, tmp_path):
    routine = {
        "title": "Too long",
        "stretches": [
            {"name": f"Stretch {n}", "target": "Calves", "key_points": ["x" * 301] * 8} for n in range(1, 9)
        ],
    }
    write_routine(routine)
    result = run_cli("build", "routine.toml")
    short_errors(result)
    assert result.error_lines == [
        "error: routine.toml: 64 key points are over 300 characters (stretches 1-8): keep each under 300"
    ]


def test_a_script_no_font_covers_is_said_once(run_cli, write_routine, tmp_path):
    routine = realistic(3)
    routine["title"] = "ከሩጫ በኋላ መለጠጥ"  # Ethiopic (Amharic): no bundled font has it
    for stretch in routine["stretches"]:
        stretch["key_points"] = ["ቀጥ ብለህ ቁም እና እጆችህን ግድግዳው ላይ አድርግ"]
    write_routine(routine)
    result = run_cli("build", "routine.toml")
    short_errors(result)
    assert len(result.error_lines) == 1
    error_mentions(
        result, "routine.toml", "different characters cannot be printed", "Latin, Greek, Cyrillic, Arabic"
    )


@pytest.mark.parametrize(
    "argv", [["build", ""], ["build", "--layout", ""], ["build", "-o", ""], ["preview", "-o", " "]]
)
def test_an_empty_name_is_refused_not_read_as_the_current_folder(run_cli, tmp_path, argv):
    result = run_cli(*argv)
    short_errors(result)
    error_mentions(result, "is empty")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("folder", ["/dev/null", "pipe"])
def test_figures_into_a_device_or_pipe_says_what_is_in_the_way(run_cli, tmp_path, folder):
    os.mkfifo(tmp_path / "pipe")
    result = run_cli("figures", "-o", folder)
    short_errors(result)
    error_mentions(
        result, folder, "is a device" if folder == "/dev/null" else "is a named pipe", "not a folder"
    )


def test_a_long_paper_name_is_quoted_short(run_cli):
    short_errors(run_cli("build", "--paper", "x" * 100_000))
    short_errors(run_cli("build", "--orientation", "x" * 100_000))


def test_progress_counts_rows_done_and_the_summary_counts_sheets_built(run_cli, tmp_path):
    write(tmp_path, "members.csv", "name\n" + "A" * 400 + "\nBen\n")
    result = run_cli("batch", "members.csv", "--jobs", "1")
    assert result.code == 1
    assert "2 of 2 rows done" in result.err
    assert "1 of 2 sheets built" in result.out


def test_a_routine_file_name_with_a_line_break_makes_safe_file_and_attachment_names(run_cli, tmp_path):
    (tmp_path / 'club "A"\n;b.toml').write_text(to_toml(realistic(1)), encoding="utf-8")
    result = run_cli("email", 'club "A"\n;b.toml', "--to", "runner@example.org")
    assert result.code == 0, result.err
    assert result.out.strip() == "build/club-A-b-grid-a4.eml"
    assert b'filename="club-A-b-grid-a4.pdf"' in (tmp_path / result.out.strip()).read_bytes()


def test_a_thousand_problems_print_the_first_twenty_and_a_count(run_cli, write_routine):
    details = "".join(f'"bad name {n}" = "v"\n' for n in range(1000))
    write_routine(f'title = "x"\n[details]\n{details}[[stretches]]\nuse = "calf-wall"\n')
    result = run_cli("build", "routine.toml")
    short_errors(result)
    assert len(result.error_lines) == 21
    assert result.error_lines[-1] == "error: ... and 980 more problems: fix the ones above first"


def test_ctrl_c_during_a_build_is_one_line_and_leaves_nothing(tmp_path):
    (tmp_path / "routine.toml").write_text(to_toml(realistic(8)), encoding="utf-8")
    script = (
        "import signal, sys\n"
        "import handout.pipeline as pipeline\n"
        "from handout.cli import main\n"
        "real = pipeline.render_page\n"
        "def interrupted(page):\n"
        "    real(page)\n"
        "    raise KeyboardInterrupt\n"
        "pipeline.render_page = interrupted\n"
        "sys.exit(main(['build', 'routine.toml', '-o', 'out.pdf']))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert run.returncode == 130
    assert run.stderr == "error: interrupted: no file was left half-written\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["routine.toml"]


def test_a_toml_date_where_text_is_meant_says_to_quote_it(run_cli, write_routine):
    write_routine('title = 2026-12-05\n[[stretches]]\nuse = "calf-wall"\n')
    error_mentions(run_cli("build", "routine.toml"), '"title"', "a date or time", "quotes")


def test_a_roster_over_the_row_cap_is_refused_before_anything_is_built(run_cli, tmp_path):
    write(tmp_path, "members.csv", "name\n" + "Ana\n" * 10_001)
    result = run_cli("batch", "members.csv")
    short_errors(result)
    error_mentions(result, "members.csv", "10,001 rows", "at most 10,000")
    assert not (tmp_path / "build").exists()


def test_thousands_of_runners_of_one_name_get_distinct_file_names(tmp_path):
    from handout.share.batch import read_roster

    roster = write(tmp_path, "members.csv", "name\n" + "Ana\n" * 10_000)
    stems = [row.file_stem for row in read_roster(roster, "members.csv")]
    assert len(set(stems)) == 10_000
    assert stems[:3] == ["ana", "ana-2", "ana-3"] and stems[-1] == "ana-10000"
