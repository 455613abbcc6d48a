"""Tests for coursekit.script."""

from __future__ import annotations

import html.parser
import json

import markdown
import pytest
from content_names import SCENARIOS
from hypothesis import given, settings
from hypothesis import strategies as st

from coursekit.errors import CourseInputError
from coursekit.script import FIELDS, ScriptInputs, build_script, script_from_mapping

FULL = {
    "manager_name": "Priya",
    "what_drew_you": "the chance to lead the analytics team",
    "why_declined": "I was afraid of leaving a safe job",
    "what_changed": "I saw that fear was making the decision for me",
    "what_job_offers": "use the full range of my training",
    "misstep": "I said I was thrilled, then turned it down by email a week later",
    "cost_to_manager": "you lost a week and had to restart the search",
}

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[x](javascript:alert(1))",
    "![y](javascript:alert(2))",
    "<javascript:alert(3)>",
    "<a href='javascript:alert(4)'>click</a>",
    "# heading\n- list",
    "**bold** _em_ `code`",
    "&lt;script&gt;",
]


class _Elements(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(markup: str) -> _Elements:
    parser = _Elements()
    parser.feed(markup)
    parser.close()
    return parser


def _assert_inert(markup: str) -> None:
    parsed = _parse(markup)
    for tag, attrs in parsed.tags:
        assert tag not in {"script", "img", "a", "iframe", "object", "h1", "ul"}, tag
        for name, value in attrs.items():
            assert not name.startswith("on"), name
            assert "javascript:" not in (value or "").lower()


@pytest.mark.parametrize("scenario", [1, 2])
def test_moves_follow_the_scenario(scenario: int) -> None:
    script = build_script(FULL, scenario=scenario)
    assert script.move_ids == SCENARIOS[scenario].move_ids
    assert script.missing == ()


def test_learner_words_appear_in_every_format() -> None:
    script = build_script(FULL, scenario=2)
    for fmt in ("text", "markdown", "html"):
        rendered = script.render(fmt)
        assert "analytics team" in rendered
        assert "Priya" in rendered


def test_scenario_2_opens_with_the_greeting_and_the_repair() -> None:
    first = build_script(FULL, scenario=2).lines[0].text
    assert first.startswith("Hello Priya,")
    assert "turned it down by email" in first
    assert "sorry" in first.lower()


def test_missing_fields_give_prompts_never_none() -> None:
    script = build_script({}, scenario=2)
    text = script.to_text()
    assert "None" not in text
    assert "[add: why you declined]" in text
    assert "[add: what it cost the manager]" in text
    assert set(script.missing) == set(FIELDS) - {"manager_name"}
    assert "Hello," in text


def test_scenario_1_does_not_ask_for_scenario_2_fields() -> None:
    assert build_script({"what_drew_you": "x"}, scenario=1).missing == (
        "why_declined",
        "what_changed",
        "what_job_offers",
    )


def test_variants_change_connecting_sentences_only() -> None:
    texts = {build_script(FULL, variant=v).spoken() for v in range(3)}
    assert len(texts) == 3
    assert all("analytics team" in t for t in texts)


def test_filled_role_aims_at_future_openings() -> None:
    spoken = build_script(FULL, aim="future_roles", channel="meeting").spoken()
    assert "filled" in spoken and "future" in spoken
    assert "meet in person" not in spoken


def test_phone_call_asks_for_a_meeting() -> None:
    assert "meet in person" in build_script(FULL, channel="phone").spoken()
    assert "meet in person" not in build_script(FULL, channel="meeting").spoken()


def test_trailing_punctuation_is_not_doubled() -> None:
    spoken = build_script({"what_drew_you": "the team!!"}).spoken()
    assert "the team." in spoken


@pytest.mark.parametrize("payload", HOSTILE)
def test_learner_markup_is_visible_text_in_every_format(payload: str) -> None:
    script = build_script({"what_drew_you": payload, "manager_name": payload})
    cleaned = ScriptInputs(what_drew_you=payload).what_drew_you
    # Plain text keeps the words exactly.
    assert cleaned in script.to_text()
    # HTML fragment: no live elements from the learner, and the words are visible.
    html_out = script.to_html()
    _assert_inert(html_out)
    assert cleaned in "".join(_parse(html_out).text)
    # Markdown rendered by the markdown package: same.
    rendered = markdown.markdown(script.to_markdown())
    _assert_inert(rendered)
    assert cleaned in " ".join("".join(_parse(rendered).text).split())


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"scenario": 3}, "scenario"),
        ({"scenario": True}, "scenario"),
        ({"channel": "fax"}, "channel"),
        ({"aim": "other"}, "aim"),
        ({"variant": 7}, "variant"),
    ],
)
def test_bad_options_name_the_field(kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(CourseInputError) as info:
        build_script(FULL, **kwargs)  # type: ignore[arg-type]
    assert info.value.field == field


def test_bad_fields_name_the_field() -> None:
    with pytest.raises(CourseInputError) as info:
        build_script({"what_changed": 5})
    assert info.value.field == "what_changed"
    with pytest.raises(CourseInputError, match="too long"):
        build_script({"why_declined": "x" * 100_000})
    with pytest.raises(CourseInputError) as info:
        script_from_mapping({"scenario": 1, "favourite_colour": "blue"})
    assert info.value.field == "favourite_colour"
    with pytest.raises(CourseInputError):
        script_from_mapping(["not", "an", "object"])


def test_to_dict_is_json_ready() -> None:
    data = build_script(FULL, scenario=2).to_dict()
    assert json.loads(json.dumps(data)) == data
    assert [m["id"] for m in data["moves"]] == list(SCENARIOS[2].move_ids)


_texts = st.one_of(
    st.text(max_size=300),
    st.sampled_from(HOSTILE),
    st.just("x" * 100_000),
    st.just("\u202eevil\u202c \u200b\u200d مرحبا 👩‍💻 \x00"),
    st.none(),
)


@settings(max_examples=150, deadline=None)
@given(
    st.fixed_dictionaries({}, optional={name: _texts for name in FIELDS}),
    st.sampled_from([1, 2]),
    st.sampled_from(["phone", "meeting"]),
)
def test_build_script_properties(answers: dict[str, object], scenario: int, channel: str) -> None:
    try:
        script = build_script(answers, scenario=scenario, channel=channel)
    except CourseInputError as exc:
        assert exc.field in FIELDS
        return
    assert script.move_ids == SCENARIOS[scenario].move_ids
    assert "None" not in script.spoken() or any(
        "None" in str(v) for v in answers.values() if v is not None
    )
    _assert_inert(script.to_html())
    _assert_inert(markdown.markdown(script.to_markdown()))
