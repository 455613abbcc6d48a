"""Unit tests for the plan export (coursekit.plan)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from content_names import (
    MISSTEPS,
    MOVES,
    PERSONAS,
    QUIZZES,
    REACTIONS,
    ROLEPLAYS,
    SCENARIOS,
    WORKED_PATH,
    attribution,
    persona_plan_answers,
)

from coursekit.entries import (
    DRAFT,
    REPLIES,
    REPLY_IDS,
    SCRIPT,
    SITUATION,
    DraftEntry,
    Entries,
    QuizEntry,
    RepliesEntry,
    RoleplayEntry,
    ScriptEntry,
    SituationEntry,
    read_entries,
)
from coursekit.errors import CourseInputError
from coursekit.interface import ui
from coursekit.journal import ENV_VAR, Journal
from coursekit.plan import export_plan, plan_html, plan_markdown, plan_missing
from coursekit.textsafe import escape_markdown
from coursekit.views.plan import reply_label

ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "main",
    "h1", "h2", "h3", "p", "ul", "li", "blockquote", "br", "strong", "em", "hr",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"html": {"lang"}, "meta": {"charset", "name", "content"}}

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    "![pic](http://example.com/x.png)",
    "<a href='javascript:alert(1)'>click</a>",
    "<!-- hidden --> <iframe src=//evil></iframe>",
    "&lt;script&gt; &amp; &#60;b&#62;",
    "`code` *em* **strong** _u_ __uu__ \\ {brace}",
    "# heading\n===\n---\n> quote\n    indented code\n1. one\n2) two\n- item\n+ plus\n~~~",
    "<http://example.com> [ref]: javascript:alert(1)",
]


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv(ENV_VAR, raising=False)


class PageReader(HTMLParser):
    """Collect the tags, attributes and visible text of an HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.comments: list[str] = []
        self.declarations: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in ("style", "title", "script"):
            self._hidden += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "title", "script"):
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.text.append(data)

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)

    def handle_decl(self, decl: str) -> None:
        self.declarations.append(decl)

    def handle_pi(self, data: str) -> None:
        self.comments.append(data)


def read_page(page: str) -> PageReader:
    reader = PageReader()
    reader.feed(page)
    reader.close()
    return reader


def assert_no_live_markup(page: str) -> PageReader:
    reader = read_page(page)
    assert reader.comments == []
    assert [d.lower() for d in reader.declarations] == ["doctype html"]
    for tag, attrs in reader.tags:
        assert tag in ALLOWED_TAGS, f"unexpected <{tag}>"
        assert set(attrs) <= ALLOWED_ATTRIBUTES.get(tag, set()), f"unexpected {attrs} on <{tag}>"
    assert [tag for tag, _ in reader.tags].count("style") == 1
    return reader


def squash(text: str) -> str:
    return "".join(ch for ch in text if not ch.isspace())


def visible(page: str) -> str:
    return squash("".join(read_page(page).text))


def full_answers(text: str = "") -> dict[str, Any]:
    """A journal's worth of answers, with ``text`` added to every learner-text slot."""
    return {
        SITUATION: {
            "scenario": 2,
            "missteps": ["went_silent", "showed_enthusiasm"],
            "reactions": ["insulted"],
            "moves": ["own_misstep", "reaffirm"],
            "reasons": [f"The commute changed {text}"],
        },
        SCRIPT: {"scenario": 2, "text": f"Hi Sam,\nI owe you an apology.\n{text}"},
        REPLIES: {
            "filled": f"Thank you for telling me. {text}",
            "open_wary": f"I understand the doubt. {text}",
            "open_glad": f"Could we meet in person? {text}",
        },
        DRAFT: {
            "scenario": 1,
            "text": f"I loved the team.\n\nThings changed. {text}",
            "review": {
                "moves": [
                    {"id": "reaffirm", "covered": True, "evidence": f"loved {text}", "tip": ""},
                    {"id": "explain_change", "covered": True, "evidence": "changed", "tip": ""},
                    {"id": "easy_out", "covered": False, "evidence": "", "tip": f"Ask {text}"},
                ],
                "order_ok": False,
            },
        },
        "reflection:why_now": f"It ends the regret. {text}",
        "reflection:what_changed": "",
        "quiz:scenarios": {"score": 3, "out_of": 4},
        "roleplay:wary_manager": {"ending": f"meeting booked {text}", "path": ["open", text]},
    }


# Content -----------------------------------------------------------------------------------


def test_empty_journal_shows_every_section_as_not_done() -> None:
    page = plan_markdown({})
    assert page.startswith(f"# {ui('views.plan.title')}\n")
    for heading in (
        "## My situation",
        "## My script",
        "## Replies I prepared",
        "## My reviewed draft",
        "## My reflections",
        "## Quiz scores",
        "## Role-play endings",
    ):
        assert f"{heading}\n\n_Not done yet._" in page
    assert "None" not in page
    assert escape_markdown(attribution()) in page


def test_full_plan_content() -> None:
    page = plan_markdown(full_answers())
    assert f"Scenario 2: {escape_markdown(SCENARIOS[2].title)}" in page
    for label in (MISSTEPS["went_silent"].label, MISSTEPS["showed_enthusiasm"].label):
        assert f"- {escape_markdown(label)}" in page
    assert f"- {REACTIONS['insulted'].label}" in page
    assert f"- {MOVES['own_misstep'].title}" in page
    assert "- The commute changed" in page
    assert "> Hi Sam,  \n> I owe you an apology." in page
    for reply_id in REPLY_IDS:
        assert f"**{escape_markdown(reply_label(reply_id))}:**" in page
    assert "> Could we meet in person?" in page
    assert "> I loved the team.\n>\n> Things changed." in page
    assert f"- ✓ Covered: {MOVES['reaffirm'].title} — you wrote: “loved”" in page
    assert f"- ✗ Not yet covered: {MOVES['easy_out'].title} — tip: Ask" in page
    assert "- ✗ Not in order:" in page
    assert "### Why now\n\n> It ends the regret." in page
    assert "What changed" not in page  # blank reflections are skipped
    assert "- Scenarios: 3 out of 4" in page
    assert "- Wary manager: ended with “meeting booked”" in page
    assert "None" not in page


def test_scenario_one_and_order_ok() -> None:
    answers = {
        SITUATION: {"scenario": 1, "missteps": [], "reactions": ["flattered"]},
        DRAFT: {"scenario": 1, "text": "Hello", "review": {"moves": [], "order_ok": True}},
    }
    page = plan_markdown(answers)
    assert f"Scenario 1: {SCENARIOS[1].title}" in page
    assert "What went wrong" not in page
    assert "- ✓ In order:" in page


def test_next_step_order_note_and_exercise_names() -> None:
    answers = {
        SITUATION: {"scenario": 1, "next_step": "Call on *Monday*"},
        DRAFT: {
            "scenario": 1,
            "text": "Hi",
            "review": {"moves": [], "order_ok": False, "order_note": "Say sorry <first>."},
        },
        "quiz:01_dilemma": {"score": 2, "out_of": 2},
        "roleplay:call_scenario1": {"ending": "Door left open", "path": []},
    }
    page = plan_markdown(answers)
    assert "**My next step:** Call on \\*Monday\\*" in page
    assert "- ✗ Not in order: Say sorry &lt;first&gt;." in page
    assert f"- {escape_markdown(QUIZZES['01_dilemma'].title)}: 2 out of 2" in page
    roleplay_title = escape_markdown(ROLEPLAYS["call_scenario1"].title)
    assert f"- {roleplay_title}: ended with “Door left open” after 0 choices" in page
    assert " — path:" not in page


def test_draft_without_a_review_says_so() -> None:
    page = plan_markdown({DRAFT: {"scenario": 1, "text": "Hello"}})
    assert "_Not reviewed yet._" in page


def test_unknown_ids_are_shown_as_escaped_text() -> None:
    page = plan_markdown({SITUATION: {"scenario": 1, "moves": ["made_up_*move*"]}})
    assert "- made\\_up\\_\\*move\\*" in page


def test_extra_reply_ids_are_kept() -> None:
    page = plan_markdown({REPLIES: {"counter_offer": "Let me think."}})
    assert "**Counter offer:**\n\n> Let me think." in page
    assert "**If the role has been filled:** _Not done yet._" in page


ODD_VALUES: list[object] = [
    None,
    0,
    1.5,
    True,
    "",
    "   ",
    "text",
    [],
    [None, 1, {"a": 1}],
    {},
    {"scenario": None, "text": None},
    {"scenario": "1", "text": 5, "missteps": "went_silent", "moves": None},
    {"scenario": True, "text": ["a"], "review": "good"},
    {"scenario": 9, "text": "x", "review": {"moves": [None, {"covered": "yes"}], "order_ok": 1}},
    {"scenario": 1, "text": "x", "review": {"moves": {"id": "reaffirm"}, "order_ok": None}},
    {"score": "3", "out_of": 4},
    {"score": 5, "out_of": 4},
    {"score": 1, "out_of": 0},
    {"score": None, "out_of": None},
    {"ending": None, "path": None},
    {"ending": "done", "path": "not a list"},
    {"filled": None, "open_wary": 3, "open_glad": ["x"]},
]


@pytest.mark.parametrize("odd", ODD_VALUES)
def test_odd_shapes_never_crash_or_print_none(odd: object) -> None:
    answers = {
        key: odd
        for key in (
            SITUATION,
            SCRIPT,
            REPLIES,
            DRAFT,
            "reflection:x",
            "quiz:x",
            "roleplay:x",
        )
    }
    page = plan_markdown(answers)
    assert "None" not in page
    html_page = plan_html(answers)
    assert "None" not in html_page
    assert_no_live_markup(html_page)


def test_non_mapping_answers_give_an_empty_plan() -> None:
    assert plan_markdown(None) == plan_markdown({})  # type: ignore[arg-type]
    assert plan_markdown({1: "x", None: "y"}) == plan_markdown({})  # type: ignore[dict-item]


# Escaping ----------------------------------------------------------------------------------


@pytest.mark.parametrize("payload", PAYLOADS)
def test_learner_text_is_escaped_in_markdown(payload: str) -> None:
    page = plan_markdown({"reflection:x": payload})
    assert "<" not in page  # the plan writes no HTML of its own, and learner "<" is escaped
    assert "](" not in page.replace("\\](", "")  # no link or image syntax survives
    for line in payload.split("\n"):
        line = line.strip()
        if line and not re.match(r"[=~]|\d+\)", line):
            assert f"> {escape_markdown(line)}" in page


@pytest.mark.parametrize("payload", PAYLOADS)
def test_learner_text_is_visible_and_never_live_in_html(payload: str) -> None:
    page = plan_html(full_answers(payload))
    reader = assert_no_live_markup(page)
    assert not any(tag in ("script", "img", "a", "iframe") for tag, _ in reader.tags)
    shown = visible(page)
    for slot in (
        f"It ends the regret. {payload}",
        f"Could we meet in person? {payload}",
        f"meeting booked {payload}",
    ):
        assert squash(slot) in shown


def test_script_tag_is_shown_as_text() -> None:
    page = plan_html({"reflection:x": "<script>alert(1)</script>"})
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert(1)</script>" in "".join(read_page(page).text)


def test_line_breaks_are_kept_in_html() -> None:
    page = plan_html({SCRIPT: {"scenario": 1, "text": "one\ntwo\n\nthree"}})
    assert "<p>one<br>\ntwo</p>\n<p>three</p>" in page


def test_control_characters_do_not_reach_the_page() -> None:
    page = plan_html({"reflection:x": "a\x00b\x02c\x03d\x1be\x7f"})
    assert re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", page) is None
    assert "abcde" in visible(page)


def test_long_markup_heavy_text_renders() -> None:
    text = ("<b>*x*</b> [y](javascript:z) & " * 600)[:20_000]
    page = plan_html({"reflection:long": text})
    assert_no_live_markup(page)
    assert squash(text) in visible(page)


# The HTML page -----------------------------------------------------------------------------


def test_html_page_is_self_contained_and_printable() -> None:
    page = plan_html(full_answers())
    assert page.startswith("<!doctype html>")
    assert '<meta charset="utf-8">' in page
    assert f"<title>{ui('views.plan.title')}</title>" in page
    assert "@media print" in page
    lowered = page.lower()
    for external in ("<script", "<link", "src=", "href=", "@import", "url(", "http:", "https:"):
        assert external not in lowered
    assert squash(attribution()) in visible(page)
    assert "✓" in page and "✗" in page
    assert "Not yet covered" in page


# Export ------------------------------------------------------------------------------------


def test_export_plan_reads_the_journal(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "journal.json")
    journal.save(SCRIPT, {"scenario": 1, "text": "Hello <b>Sam</b>"})
    markdown_page = export_plan(journal, "markdown")
    assert "> Hello &lt;b&gt;Sam&lt;/b&gt;" in markdown_page
    html_page = export_plan(journal, "html")
    assert "Hello<b>Sam</b>" in visible(html_page)
    with pytest.raises(CourseInputError) as raised:
        export_plan(journal, "pdf")  # type: ignore[arg-type]
    assert raised.value.field == "fmt"


@pytest.mark.parametrize(("persona_id", "scenario"), [("maya", 1), ("dev", 2)])
def test_persona_plan_answers_follow_the_widgets_shapes(persona_id: str, scenario: int) -> None:
    answers = persona_plan_answers(persona_id)
    roleplay_id = f"call_scenario{scenario}"
    assert set(answers) == {"situation", "script", "draft", f"roleplay:{roleplay_id}"}
    situation = answers["situation"]
    assert isinstance(situation, dict)
    assert situation["scenario"] == scenario
    assert situation["situation"] == PERSONAS[persona_id].situation.to_dict()
    script = answers["script"]
    assert isinstance(script, dict)
    assert script["scenario"] == scenario
    assert script["missing"] == []
    draft = answers["draft"]
    assert isinstance(draft, dict)
    assert draft["text"] == PERSONAS[persona_id].draft
    roleplay = answers[f"roleplay:{roleplay_id}"]
    assert isinstance(roleplay, dict)
    assert roleplay["path"] == list(WORKED_PATH[roleplay_id])
    assert roleplay["outcome"] == "good"


def test_a_persona_plan_is_the_page_a_learner_would_export() -> None:
    page = plan_markdown(persona_plan_answers("dev"))
    assert page.splitlines()[0] == "# My Second Call plan"
    assert page == plan_markdown(persona_plan_answers("dev"))  # deterministic
    assert "Hello Marcus" in page
    assert "✗ Not yet covered: Reaffirm what drew you to the offer" in page
    assert "A second hearing, face to face" in page


# Typed entries, ids and the one flow -------------------------------------------------------


def test_entries_of_the_current_release_load_and_round_trip() -> None:
    answers = persona_plan_answers("dev")
    entries = read_entries(answers)
    assert entries.scenario == 2
    assert entries.situation is not None and entries.situation.moves[0] == "own_misstep"
    assert entries.script is not None and entries.script.moves[0].id == "own_misstep"
    assert entries.draft is not None and entries.draft.review is not None
    assert entries.roleplays["call_scenario2"].ending_id
    for entry in (
        entries.situation,
        entries.script,
        entries.draft,
        entries.roleplays["call_scenario2"],
    ):
        assert type(entry).from_json(entry.to_json()) == entry
    quiz = QuizEntry(2, 3, {"quiz_id": "x", "answers": {}})
    again = QuizEntry.from_json(quiz.to_json())
    assert again is not None and (again.score, again.out_of) == (2, 3)
    assert again.attempt["quiz_id"] == "x"
    replies = RepliesEntry({"filled": "Thanks", "open_wary": " "})
    assert replies.prepared == 1 and RepliesEntry.from_json(replies.to_json()) == replies


def test_odd_entries_read_as_absent_not_as_errors() -> None:
    assert read_entries(None) == Entries()
    assert SituationEntry.from_json({"scenario": 3}) is None
    assert ScriptEntry.from_json({"scenario": 1, "text": 5}) is None
    assert DraftEntry.from_json("draft") is None
    assert QuizEntry.from_json({"score": 4, "out_of": 3}) is None
    assert RoleplayEntry.from_json({"path": "x"}) == RoleplayEntry()


def test_plan_shows_words_never_ids() -> None:
    page = plan_markdown(persona_plan_answers("dev")) + plan_markdown(persona_plan_answers("maya"))
    node_ids = {node.id for rp in ROLEPLAYS.values() for node in rp.nodes}
    choice_ids = {c.id for rp in ROLEPLAYS.values() for n in rp.nodes for c in n.choices}
    ids = {*MOVES, *REACTIONS, *MISSTEPS, *node_ids, *choice_ids}
    words = set(re.findall(r"[a-z0-9]+(?:\\?_[a-z0-9]+)+", page))
    assert not {word.replace("\\", "") for word in words} & ids
    assert " — path:" not in page


def test_a_filled_role_is_an_outcome_not_a_feeling() -> None:
    page = plan_markdown(
        {SITUATION: {"scenario": 1, "reactions": ["flattered", "position_filled"]}}
    )
    feelings = page.split("**How the manager may feel:**")[1].split("**", 1)[0]
    assert REACTIONS["flattered"].label in feelings
    assert REACTIONS["position_filled"].label not in page
    assert "**What may have happened:** the role may already be filled." in page


def test_plan_follows_the_classification_and_lists_what_is_missing() -> None:
    answers = {
        SITUATION: {"scenario": 2},
        SCRIPT: {"scenario": 1, "text": "Hi [add: x]", "missing": ["what_changed"]},
    }
    page = plan_markdown(answers)
    assert "Written for Scenario 1" in page and "your own situation is Scenario 2" in page
    missing = plan_missing(answers)
    assert any("What has changed since" in item for item in missing)
    assert any("written for Scenario 1" in item for item in missing)
    assert any("Prepare your replies (0 of 3 done)" in item for item in missing)
    assert "## Still to do" in page and "- ☐ Write a draft and review it." in page
    assert "what_changed" not in " ".join(missing)


def test_order_not_checked_is_never_a_tick() -> None:
    draft = {
        "scenario": 2,
        "text": "I am sorry.",
        "review": {
            "moves": [
                {"id": "own_misstep", "covered": True, "evidence": "sorry", "tip": ""},
                {"id": "explain_change", "covered": False, "evidence": "", "tip": "Say"},
            ],
            "order_ok": True,
            "order_note": "Order not checked yet: the draft does not yet explain why.",
        },
    }
    page = plan_markdown({DRAFT: draft})
    assert "ℹ Order not checked yet" in page
    assert "✓ In order" not in page


def test_a_complete_plan_says_so() -> None:
    answers = persona_plan_answers("dev")
    answers[REPLIES] = dict.fromkeys(REPLY_IDS, "Thank you.")
    assert plan_missing(answers) == []
    assert "**Everything is in place.**" in plan_markdown(answers)
