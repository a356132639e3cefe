"""A coach's tasks in a real browser: Playwright drives Debian's Chromium against the real server.

No browser is ever downloaded: Debian's `chromium-headless-shell` on PATH is used, else its `chromium`.
Without either the tests skip with one line, except in CI (CI=true), where a missing browser is a failure.
"""

from __future__ import annotations

import email
import email.policy
import functools
import io
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import PAGE_LABELS
from PIL import Image
from pypdf import PdfReader
from web_server import running_server, slowed

CHROMIUM = shutil.which("chromium-headless-shell") or shutil.which("chromium")
"""The headless shell is the same Blink and V8 without the desktop browser around them, as Playwright
itself runs headless tests: the browser tests take half the processor time with it (29 s against 64 s
for the 30 tests, one process)."""
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
if CHROMIUM is None and os.environ.get("CI") != "true":
    pytest.skip(
        "chromium is not installed (apt-get install chromium-headless-shell): browser tests skipped",
        allow_module_level=True,
    )

from playwright.sync_api import Page, expect, sync_playwright  # noqa: E402


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with running_server() as address:
        yield address


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    assert CHROMIUM is not None, "CI needs chromium: .ci/run installs it"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: object, server: str) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(server + "/")
    yield page
    context.close()


def wait_until_settled(page: Page) -> None:
    """Wait until htmx is loaded and has wired up everything it swapped in.

    htmx inserts swapped-in content at once but attaches its triggers some 20 ms later, when it settles.
    Text typed in between fires nothing (the search never runs), and a button pressed in between submits
    the form the no-JavaScript way, reloading the page. A coach cannot act that fast; Playwright can,
    so the tests wait as a coach's hands do.
    """
    page.wait_for_function(
        "() => document.readyState === 'complete' && window.htmx !== undefined && !document.querySelector("
        "'.htmx-request, .htmx-swapping, .htmx-added, .htmx-settling')"
    )


def add_first_found(page: Page, search: str) -> str:
    """Search the library and press the first Add button; returns the stretch's name."""
    wait_until_settled(page)
    page.get_by_label("Search stretches").fill(search)
    grid = page.locator("#library-grid")
    button = grid.get_by_role("button", name=re.compile(r"^Add ")).first
    expect(grid.locator(".card")).not_to_have_count(0)
    page.wait_for_function(
        "q => [...document.querySelectorAll('#library-grid .card')].every("
        "c => c.textContent.toLowerCase().includes(q))",
        arg=search,
    )
    wait_until_settled(page)
    name = (button.get_attribute("aria-label") or "")[4:]
    count = page.locator("fieldset.stretch").count()
    button.click()
    expect(page.locator("fieldset.stretch")).to_have_count(count + 1)
    wait_until_settled(page)
    return name


def test_a_coach_builds_a_sheet_from_an_empty_page(page: Page, tmp_path: Path) -> None:
    expect(page.get_by_alt_text("Preview of the sheet")).to_have_count(0)
    calf = add_first_found(page, "calf")
    quad = add_first_found(page, "quad")
    second = page.get_by_role("group", name="Stretch 2")
    expect(second.get_by_label("Name")).to_have_value(quad)
    points = second.get_by_label("Key points")
    first_points = points.input_value().splitlines()
    points.fill("\n".join(["Hold a fence for balance.", *first_points[1:]]))
    page.get_by_label("Club").fill("Riverside Runners")
    page.get_by_label("Paper").select_option("letter")
    preview = page.get_by_alt_text("Preview of the sheet")
    expect(preview).to_be_visible()
    # the live preview follows the paper: US letter is wider for its height than A4
    page.wait_for_function(
        "() => { const i = document.querySelector('img[alt=\"Preview of the sheet\"]');"
        " return i && i.naturalWidth && Math.abs(i.naturalHeight / i.naturalWidth - 11 / 8.5) < 0.01; }"
    )
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download PDF").click()
    path = tmp_path / "sheet.pdf"
    download_info.value.save_as(path)
    reader = PdfReader(path)
    text = reader.pages[0].extract_text()
    assert float(reader.pages[0].mediabox.width) == pytest.approx(612)
    assert "Riverside Runners" in text and "Hold a fence for balance." in text
    assert text.index(calf) < text.index(quad)
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download e-mail").click()
    assert download_info.value.suggested_filename.endswith(".eml")


SIX_SEARCHES = ("calf", "quad", "hamstring", "hip flexor", "glute", "it band")
"""A post-run routine of six library stretches, found the way a coach would: by searching for a muscle."""


def test_a_coach_makes_the_clubs_post_run_sheet_with_six_stretches(page: Page) -> None:
    """The issue's done-when: six library stretches, the club's name, live preview, PDF and e-mail."""
    names = [add_first_found(page, search) for search in SIX_SEARCHES]
    assert len(set(names)) == 6
    expect(page.get_by_text("6 of 8")).to_be_visible()
    preview = page.get_by_alt_text("Preview of the sheet")
    expect(preview).to_be_visible()
    before = preview.get_attribute("src")
    page.get_by_label("Club").fill("Riverside Runners")
    expect(preview).not_to_have_attribute("src", before or "")  # redrawn with the club's name
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download PDF").click()
    assert download_info.value.suggested_filename.endswith(".pdf")
    reader = PdfReader(download_info.value.path())
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    assert "Riverside Runners" in text
    places = [text.find(" ".join(name.split())) for name in names]
    assert -1 not in places, (names, text[:300])
    assert places == sorted(places)
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download e-mail").click()
    message = email.message_from_bytes(
        Path(download_info.value.path()).read_bytes(), policy=email.policy.default
    )
    assert message["Subject"] and "Stretches after your run" in message["Subject"]
    attached = [part for part in message.iter_attachments() if part.get_content_type() == "application/pdf"]
    assert len(attached) == 1
    sheet = PdfReader(io.BytesIO(attached[0].get_content()))
    assert len(sheet.pages) == 1 and "Riverside Runners" in sheet.pages[0].extract_text()


def test_german_puts_the_library_stretches_in_german_and_asks_for_the_one_the_coach_wrote_in(
    page: Page,
) -> None:
    add_first_found(page, "calf")
    add_first_found(page, "quad")
    second = page.get_by_role("group", name="Stretch 2")
    english_target = second.get_by_label("Target").input_value()
    second.get_by_label("Name").fill("Quads at the fence")
    page.get_by_label("Language").focus()  # as a keyboard user reaches it
    page.get_by_label("Language").select_option("de")
    first = page.get_by_role("group", name="Stretch 1")
    expect(first.get_by_label("Name")).not_to_have_value(re.compile("calf", re.IGNORECASE))
    german = first.get_by_label("Name").input_value()
    assert "Wade" in german
    assert "Wand" in first.get_by_label("Key points").input_value()  # every line sent back, CRLF and all
    expect(second.get_by_label("Name")).to_have_value("Quads at the fence")  # kept whole, in English
    expect(second.get_by_label("Target")).to_have_value(english_target)
    expect(page.get_by_label("Language")).to_be_focused()  # the keyboard stays where it was
    expect(page.get_by_label("Title", exact=True)).to_have_value("Dehnen nach dem Laufen")  # never typed in
    expect(
        page.get_by_text("Stretch 2 “Quads at the fence” has your own words, so it stayed in English.")
    ).to_be_visible()
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download PDF").click()
    text = "".join(PdfReader(download_info.value.path()).pages[0].extract_text().split())
    assert "".join(german.split()) in text and "Quadsatthefence" in text
    page.get_by_role("button", name="Put it in Deutsch (your changes are replaced)").click()
    expect(second.get_by_label("Name")).not_to_have_value("Quads at the fence")
    assert "Oberschenkel" in second.get_by_label("Target").input_value() or "Quadrizeps" in (
        second.get_by_label("Target").input_value()
    )
    expect(page.get_by_text("has your own words")).to_have_count(0)


def test_a_cleared_name_shows_the_alert_beside_it(page: Page) -> None:
    add_first_found(page, "calf")
    name = page.get_by_role("group", name="Stretch 1").get_by_label("Name")
    name.fill("")
    alert = page.locator("#err-s1-name")
    expect(alert).to_have_attribute("role", "alert")
    expect(alert).to_contain_text("Name is empty: write it")
    expect(page.get_by_role("status")).to_contain_text("cannot be made as it is")
    expect(page.get_by_alt_text("Preview of the sheet")).to_be_visible()  # the last sheet stays in view
    name.fill("Calf stretch")
    expect(alert).to_be_hidden()
    expect(page.get_by_alt_text("Preview of the sheet")).to_be_visible()


def test_a_download_problem_is_said_once_beside_its_field_without_leaving_the_page(page: Page) -> None:
    add_first_found(page, "calf")
    page.evaluate("() => { window.stillThisPage = true; }")
    page.get_by_role("group", name="Stretch 1").get_by_label("Target").fill("")
    page.get_by_label("E-mail to").fill("runners@riverside.example")
    page.get_by_role("button", name="Download PDF").click()
    alert = page.locator("#err-s1-target")
    expect(alert).to_contain_text("Target is empty: write it")
    wait_until_settled(page)
    assert page.evaluate("() => window.stillThisPage === true")  # no new page: nothing typed is lost
    expect(page.get_by_text("Target is empty")).to_have_count(1)
    expect(page.get_by_label("E-mail to")).to_have_value("runners@riverside.example")


def test_open_with_a_wrong_file_says_so_beside_open(page: Page, tmp_path: Path) -> None:
    add_first_found(page, "calf")
    wrong = tmp_path / "notes.toml"
    wrong.write_text("These are my notes for Saturday.\n")
    page.get_by_text("Open a saved routine, or import an article").click()
    page.get_by_label("Routine file (.toml) or saved sheet with photos (.zip)").set_input_files(wrong)
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Open routine").click()
    alert = page.locator("#err-routine_file")
    expect(alert).to_be_visible()
    expect(alert).to_contain_text("notes.toml: is not a routine file this page can read")
    expect(page.get_by_role("group", name="Stretch 1")).to_be_visible()  # the sheet is as it was


def test_a_photo_upload(page: Page, tmp_path: Path) -> None:
    add_first_found(page, "calf")
    photo = tmp_path / "wall.jpg"
    Image.new("RGB", (600, 400), (30, 120, 200)).save(photo, "JPEG")
    page.get_by_role("group", name="Stretch 1").get_by_label("Photo").set_input_files(photo)
    expect(page.get_by_text("Showing your photo")).to_be_visible()
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download PDF").click()
    pdf = PdfReader(download_info.value.path())
    assert len(pdf.pages[0].images) == 1


def test_the_strict_content_security_policy_breaks_nothing(
    browser: object, server: str, tmp_path: Path
) -> None:
    """The page loads only its own files: with the server's CSP, no script, style or picture is blocked,
    and htmx is never asked to evaluate code (its event filters would need eval, which the CSP forbids)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    page = context.new_page()
    blocked: list[str] = []
    page.on(
        "console",
        lambda message: (
            blocked.append(message.text)
            if "Content Security" in message.text or "evalDisallowed" in message.text
            else None
        ),
    )
    page.goto(server + "/")
    add_first_found(page, "calf")
    photo = tmp_path / "wall.jpg"
    Image.new("RGB", (600, 400), (30, 120, 200)).save(photo, "JPEG")
    page.get_by_role("group", name="Stretch 1").get_by_label("Photo").set_input_files(photo)
    expect(page.get_by_text("Showing your photo")).to_be_visible()
    expect(page.get_by_alt_text("Preview of the sheet")).to_be_visible()
    wait_until_settled(page)
    context.close()
    assert blocked == []


def test_an_article_is_pasted(page: Page) -> None:
    page.get_by_text("Open a saved routine, or import an article").click()
    page.get_by_label("Article text").fill(
        "Five stretches after a run\n\n1. Calf stretch\nFace a wall and press your heel down.\n\n"
        "2. Quad stretch\nStand tall and hold your ankle behind you.\n"
    )
    page.get_by_role("button", name="Import article").click()
    expect(page.get_by_label("Title", exact=True)).to_have_value("Five stretches after a run")
    expect(page.get_by_role("group", name="Stretch 2")).to_be_visible()


def test_the_keyboard_alone_adds_a_stretch(page: Page) -> None:
    """Tab to an Add button, press Enter: the stretch is added and the focus stays on that button."""
    page.get_by_label("Search stretches").focus()
    page.keyboard.type("calf")
    page.wait_for_function(
        "() => [...document.querySelectorAll('#library-grid .card')].every("
        "c => c.textContent.toLowerCase().includes('calf'))"
    )
    wait_until_settled(page)
    page.keyboard.press("Tab")
    focused = page.evaluate("() => document.activeElement.getAttribute('aria-label')")
    assert focused and focused.startswith("Add ")
    page.keyboard.press("Enter")
    expect(page.get_by_role("group", name="Stretch 1").get_by_label("Name")).to_have_value(focused[4:])
    expect(page.get_by_role("button", name=focused)).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_role("group", name="Stretch 2").get_by_label("Name")).to_have_value(focused[4:])


def test_every_field_has_a_label(page: Page) -> None:
    add_first_found(page, "calf")
    unlabelled = page.evaluate(
        "() => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]"
        ".filter(e => !e.closest('.offscreen') && e.labels.length === 0).map(e => e.name)"
    )
    assert unlabelled == []
    for label in PAGE_LABELS:
        expect(page.get_by_label(label, exact=True)).to_have_count(1)
    for name in ("Download PDF", "Download PNG", "Download e-mail", "Save routine"):
        expect(page.get_by_role("button", name=name)).to_be_visible()


def test_every_field_a_coach_types_in_is_styled_alike_and_big_enough_for_a_finger(
    browser: object, server: str
) -> None:
    """At phone width, with every folded part open: each field has the page's border and is at least 44 px
    tall and as wide as its column (the web-address field of the import was once the browser's bare box),
    and each file field's button is as tall."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(server + "/")
    add_first_found(page, "calf")
    page.evaluate("() => document.querySelectorAll('details').forEach(d => { d.open = true; })")
    odd = page.evaluate(
        """() => [...document.querySelectorAll('input, select, textarea')]
        .filter(e => !['hidden', 'checkbox', 'radio', 'file'].includes(e.type) && e.offsetParent !== null)
        .map(e => [e.id || e.name, getComputedStyle(e).borderTopLeftRadius, e.offsetHeight,
                   e.offsetWidth / e.parentElement.clientWidth])
        .filter(([, radius, height, share]) => radius !== '8px' || height < 44 || share < 0.75)"""
    )
    assert odd == [], odd
    small_file_buttons = page.evaluate(
        """() => [...document.querySelectorAll('input[type=file]')].filter(e => e.offsetParent !== null)
        .filter(e => e.offsetHeight < 44).map(e => e.id || e.name)"""
    )
    assert small_file_buttons == []
    context.close()


def test_it_works_without_javascript(browser: object, server: str, tmp_path: Path) -> None:
    context = browser.new_context(java_script_enabled=False, accept_downloads=True)  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(server + "/")
    page.get_by_label("Search stretches").fill("calf")
    page.get_by_role("button", name="Search").click()
    page.locator("#library-grid").get_by_role("button").first.click()
    expect(page.get_by_role("group", name="Stretch 1")).to_be_visible()
    page.get_by_label("Club").fill("Hill Harriers")
    page.get_by_role("button", name="Update preview").click()
    expect(page.get_by_alt_text("Preview of the sheet")).to_be_visible()
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download PDF").click()
    assert "Hill Harriers" in PdfReader(download_info.value.path()).pages[0].extract_text()
    context.close()


@pytest.mark.parametrize(("width", "name"), [(1280, "web-desktop.png"), (390, "web-phone.png")])
def test_screenshots_for_the_readme(
    browser: object, server: str, tmp_path: Path, width: int, name: str
) -> None:
    """The README's pictures of the page, written to build/ (docs/ holds the optimised copies)."""
    context = browser.new_context(viewport={"width": width, "height": 900 if width > 800 else 844})  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(server + "/")
    for search in SIX_SEARCHES:
        add_first_found(page, search)
    page.get_by_label("Club").fill("Riverside Runners")
    expect(page.get_by_alt_text("Preview of the sheet")).to_be_visible()
    page.get_by_label("Search stretches").fill("")
    expect(page.locator("#library-grid .card")).to_have_count(26)
    page.wait_for_timeout(600)
    # the desktop picture shows the whole sheet beside the form; the phone's, the six stretches folded
    target = "body" if width > 800 else "#h-stretches"
    page.evaluate(
        f"() => {{ document.activeElement.blur(); document.querySelector('{target}').scrollIntoView(); }}"
    )
    out = Path("build") / name
    out.parent.mkdir(exist_ok=True)
    png = page.screenshot()
    with Image.open(io.BytesIO(png)) as shot:
        shot.convert("RGB").quantize(64).save(out, optimize=True)  # a small PNG for the README
    with Image.open(out) as saved:
        assert saved.width == width
    context.close()


def test_a_reload_brings_the_sheet_back(page: Page) -> None:
    add_first_found(page, "calf")
    page.get_by_label("Title", exact=True).fill("Saturday long run")
    page.get_by_label("Club").fill("Riverside Runners")
    page.get_by_label("Paper").select_option("letter")
    wait_until_settled(page)
    page.wait_for_timeout(400)  # the page keeps the sheet 0.3 s after the last key
    page.reload()
    expect(page.get_by_role("group", name="Stretch 1")).to_be_visible()
    expect(page.get_by_label("Title", exact=True)).to_have_value("Saturday long run")
    expect(page.get_by_label("Club")).to_have_value("Riverside Runners")
    expect(page.get_by_label("Paper")).to_have_value("letter")
    expect(page.get_by_text("Your last sheet is back")).to_be_visible()
    page.get_by_role("link", name="Start a new sheet").click()
    expect(page.get_by_text("No stretches yet")).to_be_visible()
    page.reload()
    expect(page.get_by_text("No stretches yet")).to_be_visible()


@pytest.fixture
def slow_edits(monkeypatch: pytest.MonkeyPatch) -> None:
    """The server takes 0.8 s for every button, as on a busy club server or a poor phone line."""
    from handout.web import pages

    slowed(monkeypatch, pages, "edited", 0.8)


def test_download_pressed_during_an_add_has_the_added_stretch(page: Page, slow_edits: None) -> None:
    add_first_found(page, "calf")
    wait_until_settled(page)
    page.get_by_label("Search stretches").fill("quad")
    expect(page.locator("#library-grid .card").first).to_contain_text(re.compile("quad", re.IGNORECASE))
    wait_until_settled(page)
    add = page.locator("#library-grid").get_by_role("button", name=re.compile(r"^Add ")).first
    added = (add.get_attribute("aria-label") or "")[4:]
    add.click()
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download PDF").click()  # at once, while the Add is on its way
    text = " ".join(PdfReader(download_info.value.path()).pages[0].extract_text().split())
    assert " ".join(added.split()) in text


def test_typing_while_the_form_is_redrawn_is_kept(page: Page, slow_edits: None) -> None:
    add_first_found(page, "calf")
    wait_until_settled(page)
    page.locator("#library-grid").get_by_role("button", name=re.compile(r"^Add ")).nth(1).click()
    title = page.get_by_label("Title", exact=True)
    title.click()
    title.press("End")
    title.type(" on Saturday", delay=100)  # typed while the Add is on the server, and after it is back
    expect(page.locator("fieldset.stretch")).to_have_count(2)
    wait_until_settled(page)
    expect(title).to_have_value("Stretches after your run on Saturday")
    assert page.locator("fieldset.stretch").count() == 2  # and the keys pressed no button


@pytest.fixture
def slow_search(monkeypatch: pytest.MonkeyPatch) -> None:
    """The library's search takes 0.5 s, so a coach's press lands while its results are on their way."""
    from handout.web import pages

    slowed(monkeypatch, pages, "searched_library", 0.5)


def first_stretch_name(page: Page) -> str:
    name = page.get_by_role("group", name="Stretch 1").get_by_label("Name")
    expect(name).to_be_visible()
    return name.input_value()


def test_add_pressed_right_after_typing_a_search_adds_a_stretch_found(page: Page, slow_search: None) -> None:
    """The old results are still shown when Add is pressed 0.1 s after the typing: the press must not add one
    of them (the first card of the whole library is not a calf stretch) but land on what the search finds."""
    wait_until_settled(page)
    first_card = page.locator("#library-grid .card").first
    expect(first_card).not_to_contain_text(re.compile("calf", re.IGNORECASE))
    page.get_by_label("Search stretches").fill("calf")
    page.wait_for_timeout(100)
    page.locator("#library-grid").get_by_role("button", name=re.compile(r"^Add ")).first.click()
    assert "calf" in first_stretch_name(page).lower()


def test_enter_in_the_search_adds_the_chosen_result_and_arrows_choose(page: Page, slow_search: None) -> None:
    wait_until_settled(page)
    search = page.get_by_label("Search stretches")
    search.focus()
    page.keyboard.type("calf", delay=250)  # slowly: a search starts after each key and the next replaces it
    page.keyboard.press("Enter")  # before the results are in: it waits for them and adds the first
    found = first_stretch_name(page)
    assert "calf" in found.lower()
    expect(search).to_be_focused()
    wait_until_settled(page)
    status = page.locator("#search-status")
    expect(status).to_contain_text(f"Enter adds “{found}”")
    page.keyboard.press("ArrowDown")
    chosen = page.locator("#library-grid .card.chosen")
    expect(chosen).to_have_count(1)
    second = (chosen.get_by_role("button").get_attribute("aria-label") or "")[4:]
    assert second != found
    expect(status).to_contain_text(f"Enter adds “{second}”")
    page.keyboard.press("Enter")
    expect(page.get_by_role("group", name="Stretch 2").get_by_label("Name")).to_have_value(second)


def test_tab_then_enter_right_after_typing_adds_the_first_found(page: Page, slow_search: None) -> None:
    wait_until_settled(page)
    page.get_by_label("Search stretches").focus()
    page.keyboard.type("hamstring")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # on a result of the old list, about to go
    assert "hamstring" in first_stretch_name(page).lower()


def test_a_phone_photo_is_sent_at_print_size(
    page: Page, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:

    from handout.web import pages

    sizes: list[int] = []  # of every request's body, as the server receives it
    real = pages.read_form

    async def measured(request: object) -> object:
        sizes.append(int(request.headers.get("content-length", 0)))  # type: ignore[attr-defined]
        return await real(request)  # type: ignore[arg-type]

    monkeypatch.setattr(pages, "read_form", measured)

    add_first_found(page, "calf")
    photo = phone_photo(tmp_path / "phone.jpg", 1)  # 12 megapixels, 6.6 MB as a camera saves it
    assert photo.stat().st_size > 5_000_000
    page.get_by_role("group", name="Stretch 1").get_by_label("Photo").set_input_files(photo)
    expect(page.get_by_text("Showing your photo")).to_be_visible()
    wait_until_settled(page)
    page.get_by_label("Title", exact=True).fill("With a photo")
    wait_until_settled(page)
    for _ in range(100):  # the title's preview is sent after a pause in the typing: 600 ms on a quiet machine
        if len(sizes) >= 3:
            break
        page.wait_for_timeout(100)
    assert len(sizes) >= 3 and max(sizes) < 1_000_000, sizes  # the upload too: at print size
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download PDF").click()
    assert len(PdfReader(download_info.value.path()).pages[0].images) == 1


def test_an_import_asks_before_it_replaces_the_sheet_and_keeps_the_club(page: Page) -> None:
    add_first_found(page, "calf")
    page.get_by_label("Club").fill("Riverside Runners")
    wait_until_settled(page)
    page.get_by_text("Open a saved routine, or import an article").click()
    page.get_by_label("Article text").fill(
        "Two stretches\n\n1. Quad stretch\nStand tall and hold your ankle.\n"
    )
    asked: list[str] = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    page.get_by_role("button", name="Import article").click()
    page.wait_for_timeout(300)
    assert asked and "instead of the 1 stretches" in asked[0]
    expect(page.get_by_label("Title", exact=True)).to_have_value("Stretches after your run")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Import article").click()
    expect(page.get_by_label("Title", exact=True)).to_have_value("Two stretches")
    expect(page.get_by_label("Club")).to_have_value("Riverside Runners")


def test_each_stretch_shows_its_picture_and_the_preview_opens_large(page: Page, tmp_path: Path) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    add_first_found(page, "calf")
    add_first_found(page, "hamstring")
    first, second = page.get_by_role("group", name="Stretch 1"), page.get_by_role("group", name="Stretch 2")
    expect(first).to_be_hidden()  # folded on a phone, to the line with its picture
    expect(page.locator("details.fold").first.locator("summary svg")).to_be_visible()
    expect(second.locator(".stretch-picture svg")).to_be_visible()
    photo = tmp_path / "wall.jpg"
    Image.new("RGB", (600, 400), (30, 120, 200)).save(photo, "JPEG")
    second.get_by_label("Photo").set_input_files(photo)
    expect(second.locator(".stretch-picture img")).to_be_visible()
    assert (second.locator(".stretch-picture img").get_attribute("src") or "").startswith("data:image/jpeg")
    page.get_by_role("button", name="Open the preview large").click()
    box = page.locator("#preview").bounding_box()
    assert box is not None and (box["x"], box["y"], box["width"], box["height"]) == (0, 0, 390, 844)
    expect(page.get_by_alt_text("Preview of the sheet")).to_be_in_viewport()
    page.keyboard.press("Escape")
    expect(page.get_by_role("button", name="Open the preview large")).to_be_visible()
    assert not page.evaluate("document.body.classList.contains('preview-large')")


def test_the_keyboard_reaches_download_in_a_few_presses(page: Page) -> None:
    add_first_found(page, "calf")
    page.goto(page.url)  # a fresh start of the page, the sheet brought back
    expect(page.get_by_role("group", name="Stretch 1")).to_be_visible()
    wait_until_settled(page)
    page.locator("body").focus()
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Preview and download")).to_be_focused()
    page.keyboard.press("Enter")
    for _ in range(3):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "Download PDF":
            break
    expect(page.get_by_role("button", name="Download PDF")).to_be_focused()
    ring = page.evaluate("getComputedStyle(document.activeElement).outlineColor")
    assert contrast_on_white(ring) >= 3, ring  # WCAG's least for a focus ring; it was 1.9
    with page.expect_download() as download_info:
        page.keyboard.press("Enter")
    assert PdfReader(download_info.value.path()).pages[0].extract_text()
    assert page.get_by_role("heading", level=1).inner_text() == "handout"


def contrast_on_white(css_color: str) -> float:
    """WCAG's contrast ratio of an rgb(...) colour against white."""
    red, green, blue = (int(part) / 255 for part in re.findall(r"\d+", css_color)[:3])

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.03928 else ((channel + 0.055) / 1.055) ** 2.4

    luminance = 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    return 1.05 / (luminance + 0.05)


def test_on_a_phone_each_stretch_folds_to_a_line_and_a_photo_keeps_the_view(
    page: Page, tmp_path: Path
) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    for search in ("calf", "quad", "hamstring"):
        add_first_found(page, search)
    folds = page.locator("details.fold")
    expect(folds.nth(2)).to_have_attribute("open", "")  # the one just added
    for number in (1, 2):
        expect(page.get_by_role("group", name=f"Stretch {number}")).to_be_hidden()
        expect(folds.nth(number - 1).locator("summary svg")).to_be_visible()  # its picture on its line
    folds.nth(0).locator("summary").click()
    expect(page.get_by_role("group", name="Stretch 1")).to_be_visible()
    add_first_found(page, "glute")
    expect(page.get_by_role("group", name="Stretch 1")).to_be_visible()  # opened by the coach: stays open
    expect(page.get_by_role("group", name="Stretch 2")).to_be_hidden()
    photo = tmp_path / "photo.jpg"
    Image.new("RGB", (1200, 900), (180, 120, 90)).save(photo, "JPEG")
    field = page.get_by_role("group", name="Stretch 4").get_by_label("Photo")
    field.scroll_into_view_if_needed()
    before = page.evaluate("() => window.scrollY")
    field.set_input_files(photo)
    expect(page.get_by_role("group", name="Stretch 4").get_by_text("Showing your photo")).to_be_visible()
    wait_until_settled(page)
    assert abs(page.evaluate("() => window.scrollY") - before) < 150
    folded = folds.nth(1).bounding_box()
    assert folded is not None and folded["height"] < 90  # one line: picture and name
    page.set_viewport_size({"width": 1280, "height": 900})  # wider: nothing is folded
    for number in (1, 2, 3, 4):
        expect(page.get_by_role("group", name=f"Stretch {number}")).to_be_visible()


@pytest.mark.parametrize("width", [1280, 390])
def test_axe_finds_no_serious_accessibility_problem(page: Page, width: int) -> None:
    """axe-core (the checker browsers' own tools use) over the page as a coach leaves it: stretches, a
    problem shown beside its field, the library searched, the more panel open."""
    from axe_playwright_python.sync_playwright import Axe

    page.set_viewport_size({"width": width, "height": 900})
    add_first_found(page, "calf")
    add_first_found(page, "quad")
    page.get_by_role("group", name="Stretch 2").get_by_label("Target").fill("")
    expect(page.locator("#err-s2-target")).to_be_visible()
    page.get_by_text("Open a saved routine, or import an article").click()
    wait_until_settled(page)
    results = Axe().run(page)
    serious = [
        f"{violation['id']} ({violation['impact']}): {violation['help']} at "
        + ", ".join(node["target"][0] for node in violation["nodes"][:3])
        for violation in results.response["violations"]
        if violation["impact"] in ("serious", "critical")
    ]
    assert not serious, "\n".join(serious)


def phone_photo(path: Path, seed: int) -> Path:
    """A 12-megapixel photo as a phone saves it: smooth shapes (its own for each seed) under a sensor's
    grain, over 5 MB."""
    import random

    shapes = Image.frombytes("RGB", (100, 75), random.Random(seed).randbytes(100 * 75 * 3))
    Image.blend(shapes.resize((4000, 3000), Image.Resampling.BICUBIC), sensor_grain(), 0.25).save(
        path, "JPEG", quality=95
    )
    return path


@functools.cache
def sensor_grain() -> Image.Image:
    """12 megapixels of noise, made once: it takes most of a phone photo's making (0.4 s of CPU)."""
    return Image.effect_noise((4000, 3000), 40).convert("RGB")


def downloaded_pdf(page: Page, tmp_path: Path, name: str) -> Path:
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download PDF").click()
    path = tmp_path / name
    download_info.value.save_as(path)
    return path


def open_in_a_new_sheet(page: Page, saved: Path) -> None:
    """Start a new sheet, then Open routine with the file Save routine gave."""
    page.get_by_role("link", name="Start a new sheet").click()
    expect(page.get_by_text("No stretches yet")).to_be_visible()
    page.get_by_text("Open a saved routine, or import an article").click()
    page.get_by_label("Routine file (.toml) or saved sheet with photos (.zip)").set_input_files(saved)
    page.get_by_role("button", name="Open routine").click()


def test_a_coachs_whole_path_on_a_phone_loses_nothing(page: Page, tmp_path: Path) -> None:
    """The issue's done-when, at 390 px: five stretches, two phone photos, another layout, a reload, Save,
    a new sheet, Open the saved file, Download: the same sheet as before the reload, page for page."""
    import pypdfium2

    page.set_viewport_size({"width": 390, "height": 844})
    names = [add_first_found(page, search) for search in ("calf", "quad", "hamstring", "hip flexor", "glute")]
    page.get_by_label("Club").fill("Riverside Runners")
    for number, seed in ((2, 1), (4, 2)):
        fold = page.locator("details.fold").nth(number - 1)
        if fold.get_attribute("open") is None:
            fold.locator("summary").click()
        photo = phone_photo(tmp_path / f"phone-{number}.jpg", seed)
        page.get_by_role("group", name=f"Stretch {number}").get_by_label("Photo").set_input_files(photo)
        expect(
            page.get_by_role("group", name=f"Stretch {number}").get_by_text("Showing your photo")
        ).to_be_visible()
        wait_until_settled(page)
    page.get_by_label("Layout", exact=True).select_option("list")
    wait_until_settled(page)
    before = downloaded_pdf(page, tmp_path, "before.pdf")
    page.wait_for_timeout(400)  # the page keeps the sheet 0.3 s after the last change
    page.reload()
    expect(page.get_by_text("Your last sheet is back")).to_be_visible()
    wait_until_settled(page)
    reloaded = downloaded_pdf(page, tmp_path, "reloaded.pdf")
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Save routine").click()
    saved = tmp_path / download_info.value.suggested_filename
    download_info.value.save_as(saved)
    assert saved.suffix == ".zip"  # a sheet with photos: the routine and its photos in one file
    open_in_a_new_sheet(page, saved)
    expect(page.locator("details.fold")).to_have_count(5)
    expect(page.get_by_label("Layout", exact=True)).to_have_value("list")
    wait_until_settled(page)
    opened = downloaded_pdf(page, tmp_path, "opened.pdf")
    texts = [PdfReader(path).pages[0].extract_text() for path in (before, reloaded, opened)]
    assert texts[0] == texts[1] == texts[2]
    assert "Riverside Runners" in texts[0] and all(
        " ".join(n.split()) in " ".join(texts[0].split()) for n in names
    )
    assert [len(PdfReader(path).pages[0].images) for path in (before, reloaded, opened)] == [2, 2, 2]
    pictures = []
    for path in (before, opened):
        document = pypdfium2.PdfDocument(str(path))
        pictures.append(document[0].render(scale=0.5).to_pil().convert("L"))
        document.close()
    from PIL import ImageChops

    assert (
        ImageChops.difference(pictures[0], pictures[1]).getbbox() is None
    )  # the same sheet, pixel for pixel


def test_four_phone_photos_travel_once_and_every_later_request_stays_small(
    page: Page, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 23: four 12-megapixel photos used to push every press over the 20 MB cap (a 413, no word).
    Each photo now travels once, print-sized; every request after carries only the photos' references."""
    import zipfile

    from handout.web import pages

    sent: list[tuple[str, int]] = []  # every request's body, as the server receives it
    real = pages.read_form

    async def measured(request: object) -> object:
        body = await request.body()  # type: ignore[attr-defined]  # kept by Starlette for the form
        sent.append((request.url.path, len(body)))  # type: ignore[attr-defined]
        return await real(request)  # type: ignore[arg-type]

    monkeypatch.setattr(pages, "read_form", measured)
    names = [add_first_found(page, search) for search in SIX_SEARCHES[:4]]
    photos = [phone_photo(tmp_path / f"phone-{number}.jpg", number) for number in range(1, 5)]
    assert all(photo.stat().st_size > 5_000_000 for photo in photos)
    for number, photo in enumerate(photos, start=1):
        group = page.get_by_role("group", name=f"Stretch {number}")
        group.get_by_label("Photo").set_input_files(photo)
        expect(group.get_by_text(f"Showing your photo “phone-{number}.jpg”")).to_be_visible()
        wait_until_settled(page)
    uploads, sent[:] = list(sent), []
    assert 100_000 < max(size for _, size in uploads) < 1_000_000, uploads  # print-sized in the browser

    page.get_by_label("Club").fill("Riverside Runners")  # the live preview
    wait_until_settled(page)
    expect(page.get_by_alt_text("Preview of the sheet")).to_be_visible()
    page.get_by_role("group", name="Stretch 2").get_by_role("button", name="Move up").click()
    expect(page.get_by_role("group", name="Stretch 1").get_by_label("Name")).to_have_value(names[1])
    wait_until_settled(page)
    add_first_found(page, SIX_SEARCHES[4])
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download PDF").click()
    sheet = PdfReader(download_info.value.path()).pages[0]
    assert len(sheet.images) == 4 and "Riverside Runners" in sheet.extract_text()
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Save routine").click()
    with zipfile.ZipFile(download_info.value.path()) as archive:  # the coach's own copy holds the photos
        assert sorted(archive.namelist()) == sorted(
            [*(f"phone-{n}.jpg" for n in range(1, 5)), "routine.toml"]
        )
        saved = Path(tmp_path / "saved.zip")
        saved.write_bytes(Path(download_info.value.path()).read_bytes())
    assert {"/preview", "/edit", "/download"} <= {path for path, _ in sent}, sent
    assert max(size for _, size in sent) < 100_000, sent  # the form and four references, no photo

    page.reload()  # the sheet this browser kept comes back, its photos by their references
    expect(page.get_by_text("Your last sheet is back")).to_be_visible()
    expect(page.get_by_text("Showing your photo")).to_have_count(4)
    open_in_a_new_sheet(page, saved)
    expect(page.get_by_text("Showing your photo")).to_have_count(4)
    wait_until_settled(page)
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download PDF").click()
    assert len(PdfReader(download_info.value.path()).pages[0].images) == 4
    assert max(size for _, size in sent[-1:]) < 100_000


def test_a_photo_the_server_no_longer_has_is_said_beside_it_and_the_sheet_works_on(
    page: Page, tmp_path: Path
) -> None:
    add_first_found(page, "calf")
    photo = tmp_path / "wall.jpg"
    Image.new("RGB", (600, 400), (30, 120, 200)).save(photo, "JPEG")
    first = page.get_by_role("group", name="Stretch 1")
    first.get_by_label("Photo").set_input_files(photo)
    expect(first.get_by_text("Showing your photo “wall.jpg”")).to_be_visible()
    wait_until_settled(page)
    page.wait_for_timeout(400)  # kept by this browser
    page.context.clear_cookies()  # the session is gone, as after 12 hours
    page.reload()
    alert = page.locator("#err-s1-photo")
    expect(alert).to_have_text(
        'Stretch 1: photo: the server no longer has "wall.jpg": choose the photo again'
    )
    expect(page.get_by_alt_text("Preview of the sheet")).to_be_visible()  # the sheet, with the drawing
    add_first_found(page, "quad")  # the rest of the page works on
    expect(alert).to_be_visible()
    page.get_by_role("group", name="Stretch 1").get_by_label("Photo").set_input_files(photo)
    expect(alert).to_be_hidden()
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download PDF").click()
    assert len(PdfReader(download_info.value.path()).pages[0].images) == 1
