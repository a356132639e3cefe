"""Plain templates ({{ detail }}, {% if detail %}) are filled without Jinja2, exactly as Jinja2 fills them."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import examples
from hypothesis import given, settings
from hypothesis import strategies as st

from handout.content import furniture
from handout.content.furniture import fill_with_jinja
from handout.content.plain_template import JINJA_NAMES, MAX_OUTPUT, fill_plain, plain_pieces
from handout.content.template_sandbox import MAX_TEXT
from handout.errors import HandoutError
from handout.layout.layout_file import bundled_layouts

NAMES = ("club", "date", "name", "group", "true", "range", "class")
TOKENS = st.sampled_from(
    [
        *(f"{{{{ {name} }}}}" for name in NAMES),
        *(f"{{% if {name} %}}" for name in NAMES),
        "{% endif %}",
        "{{name}}",
        "{%if club%}",
        "{%endif%}",
        "{% else %}",
        "{{- club }}",
        "{{ club | upper }}",
    ]
)
TEXTS = st.text(alphabet="ab ·{}%#-", max_size=6)
PLAIN = st.recursive(
    st.one_of(st.text(alphabet="ab ·}%", max_size=4), st.sampled_from([f"{{{{ {n} }}}}" for n in NAMES[:4]])),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4).map("".join),
        st.tuples(st.sampled_from(NAMES[:4]), inner).map(lambda p: f"{{% if {p[0]} %}}{p[1]}{{% endif %}}"),
    ),
    max_leaves=10,
)
"""Templates that are plain by construction: text, printed details and if-blocks inside each other."""
VALUES = st.dictionaries(st.sampled_from(NAMES[:4]), st.sampled_from(["", "Riverside", "A · B", "{{ x }}"]))


def jinja_fill(source: str, variables: dict[str, str]) -> str | None:
    """What the Jinja2 sandbox prints, or None when it refuses the template or its details."""
    try:
        return fill_with_jinja(source, variables, "club.toml", "header")
    except HandoutError:
        return None


@settings(max_examples=examples(400), deadline=None)
@given(st.lists(st.one_of(TOKENS, TEXTS), max_size=12), VALUES)
def test_a_plain_template_prints_what_jinja2_prints(parts, variables):
    source = "".join(parts)
    pieces = plain_pieces(source)
    if pieces is None:
        return  # not plain: Jinja2 fills it, as before
    expected = jinja_fill(source, variables)
    assert expected is not None or furniture.template_problem(source) is None
    assert fill_plain(pieces, variables) == expected


@settings(max_examples=examples(300), deadline=None)
@given(PLAIN, VALUES)
def test_a_template_made_of_details_and_ifs_is_plain_and_prints_what_jinja2_prints(source, variables):
    pieces = plain_pieces(source)
    assert pieces is not None
    assert fill_plain(pieces, variables) == jinja_fill(source, variables)


@pytest.mark.parametrize(
    "source",
    [
        "{{ club | upper }}",
        "{% if club %}x{% else %}y{% endif %}",
        "{{- club }}",
        "{% if club %}x",
        "x{% endif %}",
        "{{{ club }}",
        "{# note #}{{ club }}",
        "{{ range }}",
        "{% if true %}x{% endif %}",
        "{% for x in [1] %}{{ x }}{% endfor %}",
    ],
)
def test_anything_beyond_printing_and_testing_details_goes_to_jinja2(source):
    assert plain_pieces(source) is None


def test_an_unset_detail_that_is_printed_is_left_to_jinja2_which_names_it():
    source = "{{ club }}"
    assert fill_plain(plain_pieces(source), {}) is None
    with pytest.raises(HandoutError, match='uses "club", which is not set'):
        furniture.fill(source, {}, "club.toml", "header")


def test_a_result_over_the_budget_is_refused_as_jinja2_refuses_it():
    source = "{{ club }}" * 20
    assert fill_plain(plain_pieces(source), {"club": "x" * 300}) is None
    with pytest.raises(HandoutError, match="prints more than 4,000 characters"):
        furniture.fill(source, {"club": "x" * 300}, "club.toml", "header")


def test_the_limits_agree_with_the_sandbox_and_its_names():
    assert MAX_OUTPUT == MAX_TEXT
    sandbox_names = set(furniture._environment().globals)
    assert sandbox_names <= JINJA_NAMES


def test_every_bundled_template_is_plain():
    for layout in bundled_layouts():
        for source in (layout.header_template, layout.footer_template):
            assert not source or plain_pieces(source) is not None, (layout.name, source)


def test_a_default_build_does_not_import_jinja2(tmp_path):
    script = (
        "import sys\nfrom handout.cli import main\n"
        f"main(['build', '--set', 'club=Riverside', '-o', {str(tmp_path / 'x.pdf')!r}])\n"
        "print(sorted(name for name in sys.modules if name.split('.')[0] in ('jinja2', 'rapidfuzz')))"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1] == "[]"
