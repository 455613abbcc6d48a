"""The reviewer's cue files are validated on load, and review_turn reviews one spoken turn."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from content_names import MOVES

from coursekit.errors import CourseInputError
from coursekit.review import (
    CueFileError,
    check_cue_folder,
    cues,
    describe_cues,
    limits,
    review_draft,
    review_turn,
    tips,
)
from coursekit.review.loader import load_cue_folder

PACKAGE_CUES = Path(__file__).resolve().parent.parent / "coursekit" / "content" / "review"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    copy = tmp_path / "review"
    shutil.copytree(PACKAGE_CUES, copy)
    return copy


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_shipped_cue_files_are_valid() -> None:
    assert check_cue_folder(PACKAGE_CUES) == []
    assert set(cues()) == set(MOVES) and set(tips()) == set(MOVES)


def test_an_unknown_move_id_is_named_with_file_and_key(folder: Path) -> None:
    _edit(folder / "permission.toml", 'move = "permission"', 'move = "flatter"')
    (folder / "flatter.toml").write_text('move = "flatter"\n', encoding="utf-8")
    problems = check_cue_folder(folder)
    assert any(p.startswith("permission.toml: move:") and "flatter" in p for p in problems)
    assert any(p.startswith("flatter.toml: move:") for p in problems)


def test_an_empty_phrase_is_named_with_file_and_key(folder: Path) -> None:
    _edit(folder / "reaffirm.toml", '"excited",', '"  ",')
    problems = check_cue_folder(folder)
    assert any(p.startswith("reaffirm.toml: family.feeling.phrases[0]: empty") for p in problems)


def test_a_bad_regular_expression_is_named_with_file_and_key(folder: Path) -> None:
    _edit(folder / "easy_out.toml", '"keep me in mind",', '"re:keep (me",')
    problems = check_cue_folder(folder)
    assert any(
        p.startswith("easy_out.toml: family.door_open.phrases[0]: bad regular expression")
        for p in problems
    )


def test_unknown_family_keys_and_bad_toml_are_reported_together(folder: Path) -> None:
    _edit(folder / "own_misstep.toml", 'families = ["apology", "apology_object"]',
          'families = ["apology", "nope"]')
    (folder / "invite_response.toml").write_text("move = [", encoding="utf-8")
    problems = check_cue_folder(folder)
    assert any(p.startswith("own_misstep.toml: cue[0]: unknown family 'nope'") for p in problems)
    assert any(p.startswith("invite_response.toml: cannot be read") for p in problems)
    with pytest.raises(CueFileError) as info:
        load_cue_folder(folder)
    assert len(info.value.problems) == len(problems) >= 2


def test_an_author_can_add_a_phrase_without_python(folder: Path) -> None:
    assert check_cue_folder(folder) == []
    _edit(folder / "reaffirm.toml", '"excited",', '"excited", "smitten with",')
    loaded = load_cue_folder(folder)
    feeling = loaded["reaffirm"].cues[0].families[0]
    assert feeling.pattern.search("i was smitten with the team")


# ---------------------------------------------------------------------------- review_turn


def test_review_turn_reviews_only_the_moves_asked_for() -> None:
    turn = review_turn("I loved the team. I'm sorry I kept you waiting.", ["own_misstep"])
    assert [check.id for check in turn.moves] == ["own_misstep"]
    check = turn.moves[0]
    assert check.covered and check.evidence == "I'm sorry I kept you waiting."
    assert check.cue and check.tip is None
    assert turn.made("own_misstep") and not turn.made("reaffirm") and turn.all_made
    assert turn.limits == limits()
    assert turn.to_dict()["moves"] == [
        {"id": "own_misstep", "made": True, "evidence": check.evidence, "cue": check.cue}
    ]


def test_review_turn_says_what_is_missing_with_a_tip() -> None:
    turn = review_turn("I hope you won't hold it against me.", ["permission", "own_misstep"])
    assert [(c.id, c.covered, c.evidence) for c in turn.moves] == [
        ("permission", False, None),
        ("own_misstep", False, None),
    ]
    assert turn.moves[0].tip == tips()["permission"]
    assert not turn.all_made


def test_review_turn_agrees_with_the_draft_review() -> None:
    text = "Looking back, I was scared of the commute. If it's filled, no worries."
    draft = {c.id: c.evidence for c in review_draft(text, 1).moves}
    turn = {c.id: c.evidence for c in review_turn(text, list(draft)).moves}
    assert turn == draft


@pytest.mark.parametrize("moves", [[], ["flatter"], "own_misstep", None, [3]])
def test_review_turn_rejects_unknown_moves(moves: object) -> None:
    with pytest.raises(CourseInputError) as info:
        review_turn("I'm sorry.", moves)  # type: ignore[arg-type]
    assert info.value.field == "moves"


def test_review_turn_rejects_text_that_is_not_text() -> None:
    with pytest.raises(CourseInputError) as info:
        review_turn(b"sorry", ["own_misstep"])  # type: ignore[arg-type]
    assert info.value.field == "turn"


def test_every_phrase_written_in_a_sentence_is_found_by_its_family() -> None:
    """The reader's respelling and softening never hide a phrase an author wrote."""
    from coursekit.review.reading import read

    tried = 0
    for move_cues in cues().values():
        for cue in move_cues:
            for family in (*cue.families, *([cue.exclude] if cue.exclude else [])):
                for phrase in family.phrases:
                    if phrase.startswith("re:"):
                        continue
                    words = [w.rstrip("*") for w in phrase.split() if w != "..."]
                    sentence = read("well " + " ".join(words) + " then")
                    assert family.pattern.search(sentence.folded), (family.key, phrase)
                    tried += 1
    assert tried > 1000


def test_a_bad_reading_rule_is_named_with_its_key(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from coursekit.review import reading

    _edit(folder / "language.toml", "min_length = 4", "min_length = 0")
    _edit(folder / "language.toml", "reach = 5", 'reach = "five"')
    monkeypatch.setattr(reading, "cue_folder", lambda: folder)
    reading.language.cache_clear()
    try:
        with pytest.raises(CueFileError) as info:
            reading.language()
    finally:
        reading.language.cache_clear()
    assert [p.split(":")[1].strip() for p in info.value.problems] == [
        "typos.min_length", "negation.reach"
    ]


def test_cue_descriptions_show_plain_phrases_never_patterns() -> None:
    """A learner reads example phrases; a family's regular expressions are not shown."""
    shown = [text for move in MOVES for text in describe_cues(move)]
    assert shown and all("re:" not in text and "(?:" not in text for text in shown)
