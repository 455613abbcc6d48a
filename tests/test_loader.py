"""Tests for the content loader and ``coursekit check``: every problem is found and located."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from coursekit import cli
from coursekit.fallbacks import fallback_markdown
from coursekit.fields import PACKAGE_CONTENT, Problem, Table
from coursekit.knowledge import Misstep, Source
from coursekit.loader import check, course, load, quizzes, roleplays
from coursekit.quiz import display_order, shown_order

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def content(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(PACKAGE_CONTENT, folder)
    return folder


def edit(path: Path, old: str, new: str, count: int = -1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def run_check(folder: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    status = cli.main(["check", str(folder)])
    return status, capsys.readouterr().out


def test_shipped_content_has_no_problems(capsys: pytest.CaptureFixture[str]) -> None:
    assert check() == []
    assert cli.main(["check"]) == 0
    assert "No problems" in capsys.readouterr().out


def test_an_unparseable_file_is_named_with_its_line(
    content: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(content / "quizzes" / "03_scenarios.toml", "[[questions]]", "[[questions]", 1)
    status, out = run_check(content, capsys)
    assert status == 2
    assert "quizzes/03_scenarios.toml:" in out and "is not valid TOML" in out
    line = int(out.split("quizzes/03_scenarios.toml:")[1].split(":")[0])
    text = (content / "quizzes" / "03_scenarios.toml").read_text().splitlines()
    assert text[line - 1].startswith("[[questions]")


def test_a_quiz_losing_its_correct_answer_is_named(
    content: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(content / "quizzes" / "08_plan.toml", "correct = true", "correct = false", 1)
    status, out = run_check(content, capsys)
    assert status == 2
    assert "quizzes/08_plan.toml:" in out
    assert "questions[0].options: has no correct option" in out


def test_a_choice_pointing_at_a_missing_node_is_named(
    content: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(content / "roleplays" / "call_scenario1.toml", 'next = "s1_fork"', 'next = "s1_gone"', 1)
    status, out = run_check(content, capsys)
    assert status == 2
    assert "roleplays/call_scenario1.toml:" in out
    assert "nodes[0].choices[0].next" in out and "missing node 's1_gone'" in out


def test_every_problem_is_reported_in_one_run(content: Path) -> None:
    edit(content / "knowledge.toml", 'moves = ["reaffirm"', 'moves = ["reaffirmm"', 1)
    edit(content / "roleplays" / "call_scenario2.toml", 'moves = ["', 'moves = ["no_such_', 1)
    edit(content / "course.toml", "activity_minutes = 4", "activity_minutes = 9", 1)
    edit(content / "examples.toml", '"went_silent"', '"ghosted"', 1)
    problems = check(content)
    text = "\n".join(map(str, problems))
    assert "knowledge.toml" in text and "unknown move 'reaffirmm'" in text
    assert "call_scenario2.toml" in text and "unknown move 'no_such_" in text
    assert "course.toml" in text and "add up to 65 minutes, not 60" in text
    assert "examples.toml" in text and "unknown misstep 'ghosted'" in text
    assert all(isinstance(problem, Problem) and problem.line for problem in problems)


def test_missing_fields_wrong_types_duplicates_and_unreachable_nodes(content: Path) -> None:
    edit(content / "quizzes" / "07_call.toml", "explanation = ", "explained = ", 1)
    edit(content / "quizzes" / "01_dilemma.toml", "correct = true", 'correct = "yes"', 1)
    edit(content / "knowledge.toml", 'id = "hurt"', 'id = "insulted"', 1)
    rp = content / "roleplays" / "call_scenario1.toml"
    edit(rp, 'next = "s1_filled"', 'next = "s1_wary"', 1)
    text = "\n".join(map(str, check(content)))
    assert "07_call.toml" in text and "explanation: is missing" in text
    assert "01_dilemma.toml" in text and "must be true or false, not str" in text
    assert "id 'insulted' is used twice" in text
    assert "node 's1_filled' cannot be reached from the start" in text


def test_a_record_reads_each_field_by_its_type_and_names_what_is_wrong() -> None:
    problems: list[Problem] = []
    data = {"id": "late", "label": "Late", "example": " ", "reactions": ["hurt", 3]}
    misstep = Table(data, "knowledge.toml", "", "missteps[0]", problems).record(Misstep)
    assert misstep == Misstep("late", "Late", " ", ())
    assert [str(p) for p in problems] == [
        "knowledge.toml: missteps[0].example: is empty",
        "knowledge.toml: missteps[0].reactions: must be a list of texts",
    ]
    source = Table({"title": "T", "author": "A", "publication": "P", "publisher": 2},
                   "knowledge.toml", "", "source", problems).record(Source)
    assert source.commenters == () and source.publisher == ""
    assert str(problems[-1]) == "knowledge.toml: source.publisher: must be text, not int"


def test_a_folder_that_is_not_there_is_a_problem(tmp_path: Path) -> None:
    problems = check(tmp_path / "nowhere")
    assert problems and "is not a folder" in str(problems[0])


def test_importing_coursekit_reads_no_content() -> None:
    code = (
        "import builtins, coursekit, coursekit.loader, coursekit.widgets\n"
        "from coursekit.loader import course, quizzes, roleplays, script_wording\n"
        "readers = (course, quizzes, roleplays, script_wording)\n"
        "print(sum(read.cache_info().currsize for read in readers))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=ROOT, timeout=120, check=True)
    assert out.stdout.strip() == "0"


def test_load_returns_the_content_and_the_manifest_lists_every_quiz_and_roleplay() -> None:
    found, problems = load()
    assert problems == []
    kinds = ("quiz", "roleplay")
    listed = {ex.id.partition(":")[2] for ex in course().exercises if ex.kind in kinds}
    assert listed == set(found.quizzes) | set(found.roleplays)
    assert [agenda.total for agenda in course().agendas] == [60, 90]


def test_the_agendas_cover_the_core_of_the_course() -> None:
    sixty = {block.notebook for block in course().agenda(60).blocks}
    ninety = {block.notebook for block in course().agenda(90).blocks}
    assert {"01", "03", "07"} <= sixty and sixty & {"04", "05"}
    assert sixty - {""} <= ninety and "06" in ninety
    assert all(block.notes for agenda in course().agendas for block in agenda.blocks)


def test_display_order_is_stable_per_seed_and_differs_between_seeds() -> None:
    question = quizzes()["05_scenario2"].questions[1]
    first = shown_order(question, "journal-1")
    assert first == shown_order(question, "journal-1")
    assert sorted(first) == sorted(option.id for option in question.options)  # type: ignore[attr-defined]
    seeds = {shown_order(question, f"journal-{n}") for n in range(20)}
    assert len(seeds) > 1
    node = roleplays()["call_scenario1"].start
    assert sorted(shown_order(node, "x")) == sorted(choice.id for choice in node.choices)
    assert display_order(("a", "b", "c"), "x", shuffle=False) == ("a", "b", "c")


@pytest.mark.parametrize("path", sorted((ROOT / "notebooks").rglob("*.ipynb")),
                         ids=lambda p: p.name)
def test_stored_fallback_cells_match_the_content(path: Path) -> None:
    for number, cell in enumerate(json.loads(path.read_text(encoding="utf-8"))["cells"]):
        tag = cell.get("metadata", {}).get("second_call", {}).get("fallback")
        if tag:
            assert "".join(cell["source"]) == fallback_markdown(tag), (
                f"{path.name} cell {number} ({tag}) is out of date with the content; run "
                ".venv/bin/python scripts/refresh_notebooks.py --fallbacks-only"
            )


@pytest.mark.parametrize(
    ("damage", "key"),
    [
        (lambda data: "{not json", ""),
        (lambda data: data["moves"].pop("permission") and data, "moves.permission"),
        (lambda data: data["moves"]["reaffirm"].update(high=2.0) or data, "moves.reaffirm"),
        (lambda data: data["moves"]["easy_out"]["words"].update(x=float("nan")) or data,
         "moves.easy_out"),
    ],
    ids=["unparseable", "move_missing", "threshold_out_of_range", "weight_not_finite"],
)
def test_damaged_word_weights_are_named(
    content: Path, capsys: pytest.CaptureFixture[str], damage: object, key: str
) -> None:
    path = content / "review" / "weights.json"
    data = damage(json.loads(path.read_text(encoding="utf-8")))  # type: ignore[operator]
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    status, out = run_check(content, capsys)
    assert status == 2
    assert f"review/weights.json: {key}" in out if key else "review/weights.json: " in out
