"""The web page's messages: each beside the field it is about, once, in the page's words (not the CLI's).

Every failure a coach can cause from the page is made through the real app, and each alert is read
back from the HTML: where it is (its `err-` slot) and what it says.
"""

from __future__ import annotations

import html
import re

import pytest
from conftest import library_stretch_fields
from starlette.testclient import TestClient

from handout.content.library import library
from handout.web.app import create_app
from handout.web.page_words import for_the_page

CLI_WORDS = re.compile(
    r"--[a-z]|\[\[|key_points|\bTOML\b|\.toml\)|handout (stretches|build)|translations\.toml"
)
"""What only the command line or a routine file's writer knows: none of it is shown on the page."""


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(base_url="http://127.0.0.1", app=create_app())


def form(**extra: str) -> dict[str, str]:
    return {
        "title": "Post-run",
        **library_stretch_fields(1, "calf-wall"),
        "layout": "grid",
        "paper": "a4",
        "orientation": "portrait",
        **extra,
    }


def many(count: int, **extra: str) -> dict[str, str]:
    fields = form(**extra)
    for number, entry_id in enumerate(list(library())[:count], start=1):
        fields |= library_stretch_fields(number, entry_id)
    return fields


def alerts(page: str) -> dict[str, list[str]]:
    """The page's alerts that say something, by their slot (the id after `err-`), each message as text."""
    found: dict[str, list[str]] = {}
    for slot, inner in re.findall(
        r'id="err-([^"]+)" role="alert"(?: hx-swap-oob="true")?>(.*?)</div>', page, re.S
    ):
        found.setdefault(slot, []).extend(
            html.unescape(text) for text in re.findall(r"<p>(.*?)</p>", inner, re.S)
        )
    return {slot: messages for slot, messages in found.items() if messages}


ROUTINE_FILES = {
    "not a routine": (b"title = \n", "routine_file", "is not a routine file this page can read (line 1"),
    "an unknown key": (
        b'title = "a"\n[[stretches]]\nuse = "calf-wall"\ncolour = "red"\n',
        "routine_file",
        "“colour” is not something this page knows: it was left out",
    ),
    "a stretch the library lacks": (
        b'title = "a"\n[[stretches]]\nuse = "wall-calf"\n',
        "routine_file",
        "“wall-calf” is not a stretch of the library (closest: calf-wall",
    ),
    "no stretches": (b'title = "a"\n', "routine_file", "no stretches: add them from the library"),
    "a language the sheet lacks": (
        b'title = "a"\nlang = "xx"\n[[stretches]]\nuse = "calf-wall"\n',
        "routine_file",
        "the language “xx” is not one the sheet prints",
    ),
    "not text": (b"\xff\xfe\x00", "routine_file", "is not a routine file nor a saved sheet (.zip)"),
}


@pytest.mark.parametrize("case", ROUTINE_FILES)
def test_open_says_what_is_wrong_with_the_file_beside_open(client: TestClient, case: str) -> None:
    content, slot, said = ROUTINE_FILES[case]
    page = client.post("/edit", data=form(action="open"), files={"routine_file": ("r.toml", content)}).text
    found = alerts(page)
    assert any(said in message for message in found.get(slot, [])), found
    assert '<details class="panel more" data-no-preview open>' in page  # the alert is in view, not folded


def test_a_file_without_stretches_leaves_the_sheet_as_it_was(client: TestClient) -> None:
    page = client.post(
        "/edit", data=form(action="open"), files={"routine_file": ("r.toml", b'title = "a"\n')}
    )
    assert page.status_code == 422
    assert f'value="{library()["calf-wall"]["name"]}"' in html.unescape(page.text)


EDITS = {
    "an empty name": (form(**{"s1-name": ""}), "s1-name", "Stretch 1: Name is empty: write it"),
    "no key points": (form(**{"s1-points": ""}), "s1-points", "Key points: write 1 to 8, one per line"),
    "too many key points": (
        form(**{"s1-points": "\n".join(f"step {n}" for n in range(12))}),
        "s1-points",
        "Key points: 12 lines; keep 1 to 8",
    ),
    "a long title": (form(title="x" * 300), "title", "Title is 300 characters long"),
    "too many for the layout": (
        many(6, layout="two-up"),
        "layout",
        "the two-up layout takes at most 4; remove some, or choose another layout in Print options: "
        "grid (up to 8)",
    ),
}


@pytest.mark.parametrize("case", EDITS)
def test_each_problem_is_beside_its_field_in_the_page_words(client: TestClient, case: str) -> None:
    fields, slot, said = EDITS[case]
    for path in ("/edit", "/preview"):
        found = alerts(client.post(path, data={**fields, "action": "refresh"}).text)
        assert found.get(slot) and any(said in message for message in found[slot]), (path, found)


def test_a_bad_own_layout_is_said_beside_the_layout(client: TestClient) -> None:
    page = client.post(
        "/edit", data=form(action="refresh"), files={"layout_file": ("l.toml", b"[page\n")}
    ).text
    said = "Your own layout file cannot be read (line 1, column 6: "
    assert any(message.startswith(said) for message in alerts(page)["layout"])


def test_a_bad_address_for_the_email_is_said_beside_it_once(client: TestClient) -> None:
    page = client.post("/download", data=form(action="eml", email_to="not an address")).text
    found = alerts(page)
    assert found == {
        "email_to": [
            "“not an address” in E-mail to is not an e-mail address: give one address like coach@example.org"
        ]
    }


def test_an_import_problem_is_said_beside_import(client: TestClient) -> None:
    found = alerts(client.post("/edit", data=form(action="import")).text)
    assert list(found) == ["article"]


def test_no_message_the_page_shows_speaks_the_command_line() -> None:
    cases = [
        'the routine: stretch 2: "use" names no stretch in the library: "x" (closest: calf-wall); '
        "list them with: handout stretches",
        "the routine: 6 stretches: the two-up layout takes at most 4; "
        "split the routine into two sheets or use --layout grid (up to 8)",
        "the routine: no stretches: add at least one [[stretches]] table with name, target and key_points",
        'r.toml: "lang" is "xx": handout prints its own words (Target, Hold, the safety advice) in "en"; '
        "use one of them, or add your language to handout/content/translations.toml",
        'stretch 3 "A" needs the most room, and the routine does not fit on one a4 page at 8 pt by about 2 '
        'lines: give it short cues, like cues = ["Heel to bottom"] '
        "or use a layout with fewer stretches per page",
        'the routine: stretch 1 "A": "key_points" has 0 key points: give 1 to 8',
        "r.toml: not valid TOML: Invalid value (at line 1, column 9)",
        '--to "x" is not an e-mail address: give one plain address like coach@example.org',
    ]
    for message in cases:
        worded = for_the_page(message)
        assert not CLI_WORDS.search(worded), worded


@pytest.mark.parametrize("case", [*EDITS])
def test_the_pages_alerts_have_no_command_line_words(client: TestClient, case: str) -> None:
    fields, _, _ = EDITS[case]
    for messages in alerts(client.post("/edit", data={**fields, "action": "refresh"}).text).values():
        for message in messages:
            assert not CLI_WORDS.search(message), message


def test_a_file_with_many_problems_is_said_in_a_few_lines_and_a_count(client: TestClient) -> None:
    keys = "".join(f"extra_{number} = 1\n" for number in range(300))
    content = f'title = "a"\n[[stretches]]\nuse = "calf-wall"\n{keys}'.encode()
    page = client.post("/edit", data=form(action="open"), files={"routine_file": ("r.toml", content)}).text
    said = alerts(page)["routine_file"]
    assert len(said) == 9 and "“extra_0” is not something this page knows" in said[0]
    assert said[-1] == "... and 292 more problems: fix the ones above first"


def test_an_address_longer_than_any_is_refused_beside_it(client: TestClient) -> None:
    page = client.post("/download", data=form(action="eml", email_from="a" * 300 + "@club.example"))
    assert page.status_code == 422
    assert "in E-mail from is not an e-mail address" in alerts(page.text)["email_from"][0]
