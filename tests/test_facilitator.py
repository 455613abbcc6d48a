"""The facilitator's surfaces: agendas a facilitator can run, answer keys with every option,
the room as a chart with numbers, and a guide notebook with no code in the way."""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from coursekit.classify import classify
from coursekit.fallbacks import FALLBACK_KINDS, fallback_markdown
from coursekit.knowledge import knowledge
from coursekit.loader import course, quizzes, roleplays
from coursekit.manifest import NOTE_LABELS, Agenda, AgendaBlock
from coursekit.quiz import MultipleChoice, SingleChoice
from coursekit.room import read_room
from coursekit.views.examples import case_card
from coursekit.views.facilitator import (
    agenda_html,
    answer_keys_html,
    bar_chart_html,
)
from coursekit.views.markup import tag as element
from coursekit.views.room import live_room_html
from coursekit.views.text import ui_html

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "notebooks" / "facilitator" / "facilitator_guide.ipynb"


def _cells() -> list[dict[str, Any]]:
    cells: list[dict[str, Any]] = json.loads(GUIDE.read_text(encoding="utf-8"))["cells"]
    return cells


def _source(cell: dict[str, Any]) -> str:
    text = cell["source"]
    return "".join(text) if isinstance(text, list) else str(text)


@pytest.mark.parametrize("minutes", [60, 90])
def test_agenda_blocks_list_notebook_activity_and_discussion_and_add_up(minutes: int) -> None:
    agenda = course().agenda(minutes)
    assert agenda.total == minutes == sum(b.activity_minutes + b.discussion_minutes
                                          for b in agenda.blocks)
    numbers = {entry.number for entry in course().notebooks}
    for block in agenda.blocks:
        assert block.activity and block.activity_minutes > 0
        assert block.discussion_minutes >= 0
        assert not block.notebook or block.notebook in numbers
    assert sum(b.discussion_minutes for b in agenda.blocks) >= minutes // 6, "time to discuss"
    assert any(not b.notebook and "Transition" in b.activity for b in agenda.blocks)
    page = agenda_html(agenda)
    for header in ("Notebook", "Activity (min)", "Discussion (min)", "teaching notes below"):
        assert header in page
    assert f"Total {minutes} min" in page


def test_sixty_covers_deciding_classifying_the_moves_and_a_pair_roleplay() -> None:
    sixty = [block.notebook for block in course().agenda(60).blocks]
    assert {"01", "03", "07"} <= set(sixty)
    assert set(sixty) & {"04", "05"}
    assert sixty.index("01") < sixty.index("03") < sixty.index("07"), "in course order"
    pair = course().agenda(60).blocks[sixty.index("07")]
    assert "pair" in pair.activity.lower()


def test_ninety_adds_the_push_back_and_the_meeting() -> None:
    sixty = {block.notebook for block in course().agenda(60).blocks}
    ninety = course().agenda(90).blocks
    assert sixty - {""} <= {block.notebook for block in ninety}
    assert "06" in {block.notebook for block in ninety}
    meeting = [b for b in ninety if b.notebook == "07" and "meeting" in b.activity.lower()]
    assert meeting, "a block for the face-to-face meeting role-play"
    assert "course's own" in meeting[0].notes, "the meeting is labelled as the course's advice"
    push_back = next(b for b in ninety if b.notebook == "06")
    assert "Steve W" in push_back.notes


@pytest.mark.parametrize("minutes", [60, 90])
def test_every_block_has_teaching_notes_ask_watch_for_timing(minutes: int) -> None:
    for block in course().agenda(minutes).blocks:
        labels = [label for label, text in block.note_parts() if text]
        assert labels == list(NOTE_LABELS), f"{block.activity}: notes need {NOTE_LABELS}"


def test_notes_without_labels_stay_whole() -> None:
    assert AgendaBlock("x", 1, 0, "Just a note.").note_parts() == (("", "Just a note."),)
    assert Agenda(5, "Tiny", ()).total == 0


def test_answer_keys_show_every_option_right_or_wrong_and_why() -> None:
    page = answer_keys_html(quizzes().values())
    for quiz in quizzes().values():
        for question in quiz.questions:
            if isinstance(question, SingleChoice | MultipleChoice):
                for option in question.options:
                    assert _escaped(option.text) in page
                    assert _escaped(option.feedback) in page or _escaped(
                        str(getattr(option, "why", ""))) in page
    assert "✓ Right" in page and "✗ Wrong" in page, "icon and word, not colour alone"


def _escaped(text: str) -> str:
    return html.escape(text, quote=True)


def test_bar_chart_writes_each_number_beside_its_bar() -> None:
    chart = bar_chart_html("Which scenario", {"Scenario 1": 3, "Scenario 2": 1})
    assert re.search(r"Scenario 1</span>.*?>3</span>", chart)
    assert re.search(r"Scenario 2</span>.*?>1</span>", chart)
    assert "No data yet" in bar_chart_html("Empty", {})


def test_guide_has_hidden_code_no_print_and_rendered_surfaces() -> None:
    cells = _cells()
    code = [cell for cell in cells if cell["cell_type"] == "code"]
    assert code
    for cell in code:
        meta = cell["metadata"]
        assert isinstance(meta, dict) and meta.get("jupyter", {}).get("source_hidden") is True
        assert "print(" not in _source(cell)
        for output in cell.get("outputs", []):
            assert output["output_type"] != "stream", "no printed output"
            assert output["output_type"] != "error"
    text = "\n".join(_source(cell) for cell in cells)
    for call in ("cw.show_agenda(60)", "cw.show_agenda(90)", "cw.show_answer_keys(",
                 "cw.show_room("):
        assert call in text
    assert "workshop app" in text.lower() and "Lite site" in text
    assert any(
        cell["metadata"].get("second_call", {}).get("slot") == "room_view"
        for cell in cells
    ), "a marked place for the live room view"


# Static fallbacks ---------------------------------------------------------------------------

#: Widgets whose fallback is notebook prose, not generated: a reflection's question and a reply's
#: prompt are written in the notebook, and the app's panel counts only the app's exercises.
HAND_WRITTEN = ("cw.reflection(", "cw.replies(", "cw.progress_panel(\n")
NOTEBOOKS = sorted(p for p in (ROOT / "notebooks").rglob("*.ipynb")
                   if ".ipynb_checkpoints" not in p.parts and "facilitator" not in p.parts)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_widget_is_followed_by_a_generated_fallback(path: Path) -> None:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    for index, cell in enumerate(cells):
        text = _source(cell)
        if cell["cell_type"] != "code" or not re.search(r"^cw\.(?!show_)\w+\(", text, re.M):
            continue
        if any(call in text for call in HAND_WRITTEN):
            continue
        tag = cells[index + 1]["metadata"].get("second_call", {}).get("fallback", "")
        assert tag.partition(":")[0] in FALLBACK_KINDS, (
            f"{path.name} cell {index + 1} should be a generated fallback cell: give it metadata "
            '{"second_call": {"fallback": "<kind>:<id>"}} and run '
            ".venv/bin/python scripts/refresh_notebooks.py --fallbacks-only"
        )
        assert _source(cells[index + 1]) == fallback_markdown(tag)


@pytest.mark.parametrize("quiz_id", sorted(quizzes()))
def test_quiz_fallback_lists_every_option_then_a_collapsed_key(quiz_id: str) -> None:
    text = fallback_markdown(f"quiz:{quiz_id}")
    questions, _, key = text.partition("<details><summary>Answer key")
    assert key, "the key is inside its own collapsed block"
    for question in quizzes()[quiz_id].questions:
        assert question.prompt in questions
        if isinstance(question, SingleChoice | MultipleChoice):
            for option in question.options:
                assert option.text in questions and option.feedback in key
    assert "✓" not in questions and "Right:" not in questions, "no answers before the key"


@pytest.mark.parametrize("tag", ["classifier", "builder", "builder:1", "builder:2", "reviewer",
                                 "reviewer:1", "reviewer:2", "progress",
                                 *(f"roleplay:{r}" for r in roleplays())])
def test_generated_fallbacks_are_collapsed_words_without_ids_or_terminal(tag: str) -> None:
    text = fallback_markdown(tag)
    assert text.startswith("<details><summary>") and text.endswith("</details>")
    assert "coursekit " not in text and "terminal" not in text
    ids = [*knowledge().moves, *knowledge().missteps, *knowledge().reactions]
    for content_id in ids:
        assert "_" not in content_id or content_id not in text, "ids that are not words"


def test_unknown_fallback_tags_are_refused() -> None:
    for tag in ("builder:3", "classifier:x", "nothing", "quiz:nope"):
        with pytest.raises(KeyError):
            fallback_markdown(tag)


def test_refresh_check_reports_a_stale_fallback_and_names_the_fix(tmp_path: Path) -> None:
    notebook = json.loads((ROOT / "notebooks" / "03_which_scenario.ipynb").read_text("utf-8"))
    for cell in notebook["cells"]:
        if cell["metadata"].get("second_call", {}).get("fallback"):
            cell["source"] = "<details>hand-edited</details>"
    stale = tmp_path / "03_which_scenario.ipynb"
    stale.write_text(json.dumps(notebook), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "refresh_notebooks.py"), "--check", str(stale)],
        capture_output=True, text=True, check=False, cwd=ROOT, timeout=60,
    )
    assert done.returncode == 1
    assert "out of date" in done.stdout and "--fallbacks-only" in done.stdout
    assert "hand-edited" in stale.read_text(encoding="utf-8"), "--check changes nothing"


def test_percent_bars_are_drawn_against_a_hundred() -> None:
    chart = bar_chart_html("Average quiz score", {"Check": 50}, "%", scale=100)
    assert "width: 50%" in chart and ">50%</span>" in chart


SCRIPT = "<script>alert(1)</script>"


def test_template_fields_are_escaped_and_markup_fields_kept() -> None:
    page = ui_html("views.progress.checklist", done=1, total=2, rows=[element("li", SCRIPT)])
    assert "<script>" not in page and "<li>&lt;script&gt;alert(1)&lt;/script&gt;</li>" in page
    assert page.startswith("<p><strong>1 of 2 exercises done.</strong></p><ul ")
    with pytest.raises(KeyError):  # a skeleton's field left out is an error, not a blank
        ui_html("views.progress.checklist", done=1, total=2)


def test_a_learners_script_in_a_template_field_comes_out_escaped() -> None:
    skipped = read_room([b"not json"], names=[f"{SCRIPT}.json"])
    page = live_room_html(skipped, source=SCRIPT)
    assert "<script>" not in page
    assert page.count("&lt;script&gt;alert(1)&lt;/script&gt;") == 2  # the source and the name
    card = case_card(SCRIPT, classify({}), note=SCRIPT)
    assert "<script>" not in card and card.count("&lt;script&gt;") == 2
