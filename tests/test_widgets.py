"""Widget tests in the kernel: drive each builder from Python, check its state and journal."""

from __future__ import annotations

import html.parser
import re
from pathlib import Path
from typing import Any

import ipywidgets as w
import pytest
from content_names import PERSONAS, QUIZZES, ROLEPLAYS, WORKED_PATH

from coursekit import widgets as cw
from coursekit.journal import Journal
from coursekit.review import review_draft

HOSTILE = '<script>alert(1)</script><img src=x onerror="alert(2)">[x](javascript:alert(3))'


@pytest.fixture
def journal(journal_path: Path) -> Journal:
    return Journal(journal_path)


class _Tags(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.extend(attrs)


def assert_inert(markup: str) -> None:
    parser = _Tags()
    parser.feed(markup)
    assert "script" not in parser.tags and "img" not in parser.tags
    for name, value in parser.attrs:
        assert not name.startswith("on")
        assert "javascript:" not in (value or "")


class _Text(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._skip += tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._skip -= tag == "style"

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def shown(markup: str) -> str:
    """Return the text a reader sees in a fragment, whitespace collapsed."""
    parser = _Text()
    parser.feed(markup)
    return " ".join("".join(parser.parts).split())


_CALLOUT = re.compile(
    r'class="sc-callout sc-callout-(\w+)".*?<p class="sc-callout-heading">'
    r'<span class="sc-callout-icon"[^>]*>[^<]*</span>(.*?)</p>',
    re.S,
)


def callouts(markup: str) -> list[tuple[str, str]]:
    """Return each feedback callout in a fragment as (kind, heading text)."""
    return [(kind, shown(heading)) for kind, heading in _CALLOUT.findall(markup)]


def all_widgets(root: w.Widget) -> list[w.Widget]:
    found = [root]
    for child in getattr(root, "children", ()):
        found.extend(all_widgets(child))
    return found


def html_of(root: w.Widget) -> str:
    return "".join(x.value for x in all_widgets(root) if isinstance(x, w.HTML))


def assert_every_control_labelled(root: w.Widget) -> None:
    for widget in all_widgets(root):
        if isinstance(widget, w.Button):
            assert widget.description.strip(), widget
        elif isinstance(widget, w.ValueWidget) and not isinstance(widget, w.HTML | w.Label):
            assert str(widget.description).strip(), type(widget).__name__


BUILDERS = {
    "classifier": lambda j: cw.situation_classifier(j),
    "script-builder": lambda j: cw.script_builder(j),
    "reviewer": lambda j: cw.draft_reviewer(j),
    "quiz": lambda j: cw.quiz("05_scenario2", j),
    "roleplay": lambda j: cw.roleplay("call_scenario1", j),
    "reflection": lambda j: cw.reflection("why_now", "Why now?", j),
    "replies": lambda j: cw.replies(j),
    "progress": lambda j: cw.progress_panel(j),
}


@pytest.mark.parametrize("kind", sorted(BUILDERS))
def test_builders_return_labelled_tagged_widgets(kind: str, journal: Journal) -> None:
    view = BUILDERS[kind](journal)
    assert isinstance(view, w.Box)
    assert "sc-widget" in view._dom_classes and f"sc-{kind}" in view._dom_classes
    assert_every_control_labelled(view)
    assert repr(view).startswith("[Interactive exercise:")


def test_classifier_classifies_saves_and_restores(journal: Journal) -> None:
    view = cw.situation_classifier(journal)
    view.misstep_boxes["went_silent"].value = True
    view.days.value = 30
    view.classify_button.click()
    saved = journal.get("situation")
    assert isinstance(saved, dict)
    assert saved["scenario"] == 2 and saved["moves"][0] == "own_misstep"
    assert callouts(view.result.value)[0] == ("info", "Scenario 2 — saved")
    assert "Insulted" in shown(view.result.value)
    assert "position_filled" not in view.result.value and "own_misstep" not in view.result.value
    again = cw.situation_classifier(journal)
    assert again.misstep_boxes["went_silent"].value is True
    assert again.days.value == 30
    assert again.classification is not None and again.classification.scenario == 2


def test_classifier_contradiction_is_a_friendly_message(journal: Journal) -> None:
    view = cw.situation_classifier(journal)
    view.misstep_boxes["went_silent"].value = True
    view.misstep_boxes["delayed_reply"].value = True
    view.classify_button.click()
    assert callouts(view.result.value) == [("warn", "Please check your answer")]
    assert "never told them or told them late" in view.result.value
    assert "Traceback" not in view.result.value


def test_script_builder_previews_escapes_and_autosaves(journal: Journal) -> None:
    view = cw.script_builder(journal, scenario=1)
    for field, value in PERSONAS["maya"].answers.items():
        view.fields[field].value = value
    view.fields["what_drew_you"].value = HOSTILE
    assert "&lt;script&gt;" in view.preview.value
    assert_inert(view.preview.value)
    saved = journal.get("script")
    assert isinstance(saved, dict) and HOSTILE in str(saved["text"])
    assert "Helen" in view.plain_text.value
    restored = cw.script_builder(journal)
    assert restored.fields["what_drew_you"].value == HOSTILE
    assert restored.fields["manager_name"].value == "Helen"


def test_script_builder_takes_scenario_from_the_classifier(journal: Journal) -> None:
    classifier = cw.situation_classifier(journal)
    classifier.misstep_boxes["showed_enthusiasm"].value = True
    classifier.classify_button.click()
    view = cw.script_builder(journal)
    assert view.scenario.value == 2
    assert view.script is not None and view.script.move_ids[0] == "own_misstep"


def test_script_builder_keeps_too_long_answers_and_explains(journal: Journal) -> None:
    view = cw.script_builder(journal)
    view.fields["why_declined"].value = "x" * 5000
    assert "too long" in view.status.value
    assert cw.script_builder(journal).fields["why_declined"].value == "x" * 5000


def test_reviewer_checklist_and_order(journal: Journal) -> None:
    view = cw.draft_reviewer(journal, scenario=2)
    view.text.value = PERSONAS["dev"].draft
    view.review_button.click()
    assert view.review is not None
    found = callouts(view.result.value)
    assert ("correct", "Covered: Own the misstep and its cost") in found
    assert any(k == "notyet" and h.startswith("Missing: Reaffirm") for k, h in found)
    assert found[0][0] == "partly"  # the whole review: some moves are still missing
    saved = journal.get("draft")
    assert isinstance(saved, dict) and saved["review"]["order_ok"] is True
    wrong_order = cw.draft_reviewer(journal, scenario=2)
    wrong_order.text.value = (
        "I changed my mind because I realised fear made the decision. "
        "I'm sorry I went quiet on you for two weeks."
    )
    wrong_order.review_button.click()
    assert wrong_order.review is not None and wrong_order.review.order_ok is False
    assert ("notyet", "Order: not yet repair first") in callouts(wrong_order.result.value)


def test_reviewer_shows_the_latest_draft_only_when_clicked(journal: Journal) -> None:
    view = cw.draft_reviewer(journal, scenario=2)
    view.text.value = "I'm sorry I went quiet for two weeks."
    view.text.value = PERSONAS["dev"].draft  # reviewed as it arrives, shown on the click
    assert view.result.value == "" and "draft" not in journal
    view.review_button.click()
    assert view.review == review_draft(PERSONAS["dev"].draft, 2)
    saved = journal.get("draft")
    assert isinstance(saved, dict) and saved["text"] == PERSONAS["dev"].draft


def test_reviewer_escapes_learner_text(journal: Journal) -> None:
    view = cw.draft_reviewer(journal, scenario=1)
    view.text.value = f"I loved the role {HOSTILE}. If it is filled, I understand."
    view.review_button.click()
    assert_inert(view.result.value)


@pytest.mark.parametrize("quiz_id", sorted(QUIZZES))
def test_quiz_perfect_answers_score_full_marks(quiz_id: str, journal: Journal) -> None:
    view = cw.quiz(quiz_id, journal)
    for question_view in view.questions:
        question_view.set_answer(question_view.question.answer_key())
        question_view.check_button.click()
        assert callouts(question_view.feedback.value) == [("correct", "Correct")]
    out_of = len(QUIZZES[quiz_id].questions)
    assert f"Score: {out_of} of {out_of} correct" in view.score.value
    saved = journal.get(f"quiz:{quiz_id}")
    assert isinstance(saved, dict) and saved["score"] == out_of


def test_quiz_wrong_answer_feedback_retry_and_restore(journal: Journal) -> None:
    view = cw.quiz("05_scenario2", journal)
    first = view.questions[0]
    question = first.question
    key = question.answer_key()
    wrong = list(reversed(key)) if isinstance(key, list) else key
    first.set_answer(wrong)
    first.check_button.click()
    assert callouts(first.feedback.value)[0][0] in ("partly", "notyet")
    assert first.retry_button.disabled is False
    first.retry_button.click()
    assert callouts(first.feedback.value) == [("info", "Try again")]
    first.set_answer(key)
    first.check_button.click()
    restored = cw.quiz("05_scenario2", journal)
    assert callouts(restored.questions[0].feedback.value) == [("correct", "Correct")]
    assert restored.attempt.attempts[question.id] == 2


@pytest.mark.parametrize("build", [lambda j: cw.quiz("03_scenarios", j), cw.situation_classifier])
def test_controls_share_one_layout_and_style_per_kind(build: Any, journal: Journal) -> None:
    """Each control would otherwise bring two widget models of its own to send and draw."""
    view = build(journal)
    shown = list(_descendants(view))
    assert len(shown) > 10
    layouts = {item.layout.model_id for item in shown}
    styles = {item.style.model_id for item in shown if hasattr(item, "style")}
    assert len(layouts) <= 3 and len(styles) <= 4
    assert all(item.layout.width == "auto" for item in shown if isinstance(item, w.Button))


def _descendants(widget: w.Widget) -> Any:
    for child in getattr(widget, "children", ()):
        yield child
        yield from _descendants(child)


def test_quiz_unanswered_check_is_friendly(journal: Journal) -> None:
    view = cw.quiz("06_comments", journal)
    view.questions[0].check_button.click()
    assert callouts(view.questions[0].feedback.value)[0][0] == "warn"


@pytest.mark.parametrize("roleplay_id", sorted(ROLEPLAYS))
def test_roleplay_walks_to_debrief_goes_back_and_resumes(
    roleplay_id: str, journal: Journal
) -> None:
    view = cw.roleplay(roleplay_id, journal)
    view.back_button.click()  # always there (one update less per step): says where you are
    assert "at the start of the call" in view.last_step.value
    for choice_id in WORKED_PATH[roleplay_id]:
        view.choose(choice_id)
    assert view.session.is_over
    assert "Call over" in view.debrief.value
    assert view.say_button.disabled is True
    saved = journal.get(f"roleplay:{roleplay_id}")
    assert isinstance(saved, dict) and saved["path"] == list(WORKED_PATH[roleplay_id])
    view.back_button.click()
    assert not view.session.is_over and view.debrief.value == ""
    resumed = cw.roleplay(roleplay_id, journal)
    assert resumed.session.path == tuple(WORKED_PATH[roleplay_id][:-1])


def test_roleplay_say_without_choice_is_friendly(journal: Journal) -> None:
    view = cw.roleplay("call_scenario2", journal)
    view.say_button.click()
    assert callouts(view.last_step.value)[0][0] == "warn"


def test_roleplay_typed_turn_sends_the_call_and_options_first(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The page draws a frame after each update it gets: the feedback goes first, one message
    # per widget, and only then do controls show, hide or empty.
    view = cw.roleplay("call_scenario1", journal)
    view.own_words.value = "I'm sorry I kept you waiting ten days after I said I would sign."
    sent: list[tuple[w.Widget, list[str]]] = []

    def record(widget: w.Widget, msg: dict[str, Any], buffers: Any = None) -> None:
        sent.append((widget, sorted(msg.get("state", {}))))

    monkeypatch.setattr(w.Widget, "_send", record)
    view.say_own()
    widgets = [widget for widget, _keys in sent]
    assert widgets[:2] == [view.transcript, view.choices], sent
    assert len({id(widget) for widget in widgets}) == len(widgets), sent
    assert (view.own_words, ["value"]) in sent[2:] and view.own_words.value == ""
    # the box hides by the style sheet, from the call's markup: no message of its own
    assert "sc-can-type" not in view.transcript.value and view.own_box.layout not in widgets


def test_reflection_and_replies_autosave(journal: Journal) -> None:
    view = cw.reflection("why_now", "Why now?", journal)
    view.text.value = "Because waiting only makes it harder."
    assert journal.get("reflection:why_now") == "Because waiting only makes it harder."
    assert cw.reflection("why_now", "Why now?", journal).text.value.startswith("Because")
    replies = cw.replies(journal)
    replies.fields["filled"].value = "Please keep me in mind."
    assert callouts(replies.status.value) == [("partly", "Saved: 1 of 3 replies prepared")]
    assert journal.get("replies") == {
        "filled": "Please keep me in mind.",
        "open_wary": "",
        "open_glad": "",
    }


def test_progress_panel_reset_and_export(journal: Journal, tmp_path: Path) -> None:
    journal.save("situation", {"scenario": 1})
    journal.save("reflection:why_now", HOSTILE)
    panel = cw.progress_panel(journal, folder=tmp_path / "out")
    assert "✓ Done: Classify your situation" in shown(panel.checklist.value)
    assert "Build your call script" in shown(panel.missing.value)
    panel.export_button.click()
    page = (tmp_path / "out" / "my-second-call-plan.html").read_text(encoding="utf-8")
    assert page.lower().startswith("<!doctype html>")
    assert_inert(page)
    assert "download=" in panel.download.value and 'class="sc-button"' in panel.download.value
    panel.reset_all_button.click()
    assert "Nothing was erased" in panel.status.value
    assert journal.get("situation") is not None
    panel.choice.value = "situation"
    panel.reset_button.click()
    assert journal.get("situation") is None
    panel.confirm_all.value = True
    panel.reset_all_button.click()
    assert journal.answers() == {}
    assert "0 of" in panel.checklist.value


def test_corrupt_journal_is_reported_in_the_panel(journal_path: Path) -> None:
    journal_path.write_text("{ not json", encoding="utf-8")
    with pytest.warns(UserWarning):
        panel = cw.progress_panel(Journal(journal_path))
    assert "moved" in panel.status.value.lower() or "set aside" in panel.status.value.lower()


# Transcript, one flow, feedback design, display helpers ------------------------------------


def test_roleplay_transcript_keeps_each_line_with_its_feedback(journal: Journal) -> None:
    view = cw.roleplay("call_scenario2", journal)
    path = WORKED_PATH["call_scenario2"][:3]
    for choice_id in path:
        view.choose(choice_id)
    turns = view.turns
    assert [t.speaker for t in turns] == ["manager", "you"] * 3 + ["manager"]
    assert all(t.verdict is not None for t in turns if t.speaker == "you")
    items = re.findall(r"<li class=\"sc-turn sc-turn-(\w+)\".*?</li>", view.transcript.value, re.S)
    assert items == ["manager", "you"] * 3 + ["manager"]
    you_lines = re.findall(
        r'<li class="sc-turn sc-turn-you".*?</div></div></li>', view.transcript.value, re.S
    )
    assert len(you_lines) == 3 and all("sc-callout" in line for line in you_lines)
    children = list(view.children)
    assert children.index(view.transcript) < children.index(view.choices)
    view.back_button.click()
    assert len(view.turns) == 5
    view.restart_button.click()
    assert len(view.turns) == 1 and "sc-turn-you" not in view.transcript.value


def test_builder_and_reviewer_follow_the_classification(journal: Journal) -> None:
    classifier = cw.situation_classifier(journal)
    classifier.misstep_boxes["went_silent"].value = True
    classifier.classify_button.click()
    builder = cw.script_builder(journal)
    assert builder.scenario.value == 2
    assert "your situation" in shown(builder.scenario_note.value)
    practice = cw.script_builder(journal, scenario=1)
    assert "Practising Scenario 1" in shown(practice.scenario_note.value)
    assert "Scenario 2" in shown(practice.scenario_note.value)
    reviewer = cw.draft_reviewer(journal)
    assert reviewer.scenario.value == 2
    reviewer.scenario.value = 1
    assert "Practising Scenario 1" in shown(reviewer.scenario_note.value)


def test_builder_re_saves_a_script_written_for_the_other_scenario(journal: Journal) -> None:
    practice = cw.script_builder(journal, scenario=1)
    practice.fields["what_changed"].value = "We moved closer."
    assert isinstance(journal.get("script"), dict) and journal.get("script")["scenario"] == 1
    journal.save("situation", {"scenario": 2})
    cw.script_builder(journal)
    saved = journal.get("script")
    assert isinstance(saved, dict) and saved["scenario"] == 2


def test_signals_agree_with_their_text(journal: Journal) -> None:
    builder = cw.script_builder(journal, scenario=1)
    kind, heading = callouts(builder.status.value)[0]
    assert kind == "partly" and "still to fill in" in heading
    for field, value in PERSONAS["maya"].answers.items():
        builder.fields[field].value = value
    assert callouts(builder.status.value)[0] == (
        "correct",
        "Every part of your script is filled in",
    )
    reviewer = cw.draft_reviewer(journal, scenario=2)
    reviewer.text.value = "I'm sorry I went quiet for two weeks; that cost you time."
    reviewer.review_button.click()
    found = dict((h, k) for k, h in callouts(reviewer.result.value))
    assert found["Order: not checked yet"] == "info"


def test_progress_panel_counts_only_its_own_exercises(journal: Journal, tmp_path: Path) -> None:
    own = ["script", "roleplay:call_scenario1", "roleplay:call_scenario2"]
    panel = cw.progress_panel(journal, folder=tmp_path, exercises=own)
    assert "0 of 3 exercises done." in shown(panel.checklist.value)
    assert "notebook" not in shown(panel.checklist.value)
    assert shown(panel.missing.value).count("☐") == 1  # only the script is this panel's
    assert [value for _label, value in panel.choice.options] == own
    assert panel.reset_all_button.disabled is True
    panel.confirm_all.value = True
    assert panel.reset_all_button.disabled is False


SHOW_CALLS = {
    "scenarios": lambda: cw.show_scenarios(),
    "moves": lambda: cw.show_moves(2),
    "reactions": lambda: cw.show_reactions(),
    "missteps": lambda: cw.show_missteps(),
    "quote": lambda: cw.show_quote("make_the_call", "nothing_to_lose"),
    "lessons": lambda: cw.show_lessons("explain_change"),
    "commenter": lambda: cw.show_commenter("Kimberly", "worth_it"),
    "vignettes": lambda: cw.show_vignettes(),
    "script": lambda: cw.show_persona_script("maya"),
    "draft": lambda: cw.show_persona_draft("dev"),
    "review": lambda: cw.show_review("I loved the team.", 1),
    "path": lambda: cw.show_worked_path("call_scenario1"),
    "keys": lambda: cw.show_answer_keys(["05_scenario2"]),
    "agenda": lambda: cw.show_agenda(90),
    "room": lambda: cw.show_room(
        Path(__file__).parent.parent / "notebooks/facilitator/sample-cards"
    ),
}


@pytest.mark.parametrize("name", sorted(SHOW_CALLS))
def test_show_helpers_render_words_not_ids(name: str) -> None:
    block = SHOW_CALLS[name]()
    markup = str(block.data)
    assert markup.startswith("<style>") and "sc-surface" in markup
    assert_inert(markup)
    text = repr(block)
    assert text.strip() and "<" not in text.replace("&lt;", "")
    for move_id in ("own_misstep", "explain_change", "easy_out", "invite_response"):
        assert move_id not in shown(markup)
    assert "position_filled" not in shown(markup)


def test_room_chart_writes_every_number_beside_its_bar() -> None:
    block = cw.show_room(Path(__file__).parent.parent / "notebooks/facilitator/sample-cards")
    markup = str(block.data)
    bars = re.findall(r'class="sc-bar-value">([^<]+)<', markup)
    assert bars and all(re.fullmatch(r"\d+%?", value) for value in bars)
    assert "Cards counted: 5" in shown(markup)


def test_roleplay_announces_each_step_and_takes_a_typed_turn(journal: Journal) -> None:
    view = cw.roleplay("call_scenario1", journal)
    view.choose(WORKED_PATH["call_scenario1"][0])
    kind, heading = callouts(view.last_step.value)[0]
    assert (kind, heading.split(".")[0]) == callouts(view.transcript.value)[-2]  # then the status
    typed = cw.roleplay("call_scenario1", Journal(journal.path.with_name("typed.json")))
    typed.say_own("If you've filled it, that's fine. I'd love <b>another</b> look.")
    assert typed.turns[-2].typed
    assert "You (in your own words):" in shown(typed.transcript.value)
    assert "&lt;b&gt;another&lt;/b&gt;" in typed.transcript.value
    assert callouts(typed.transcript.value)[-2][0] in ("correct", "partly", "notyet")


def test_roleplay_in_jupyterlite_gets_fresh_choices_after_a_pick(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.platform", "emscripten")
    view = cw.roleplay("call_scenario1", journal)
    first = view.choices
    view.choices.value = view.choices.options[0][1]
    view.say()
    assert view.choices is not first and first.comm is None  # the old control is closed
    assert view.choices in view.children and first not in view.children
    assert view.choices.value is None and view.choices.options
    assert view.choices.layout is first.layout and "sc-choices" in view.choices._dom_classes
    view.choices.value = view.choices.options[0][1]
    view.say()
    assert len(view.turns) >= 2
