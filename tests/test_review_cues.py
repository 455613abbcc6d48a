"""The reviewer's cue files are validated on load, and review_turn reviews one spoken turn."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from content_names import MOVES

from coursekit.errors import CourseInputError
from coursekit.fields import PACKAGE_CONTENT, Problem
from coursekit.knowledge import knowledge
from coursekit.loader import check
from coursekit.review import cues, describe_cues, limits, review_draft, review_turn, tips
from coursekit.review.language import read_language
from coursekit.review.loader import read_cues
from coursekit.review.matching import find_move
from coursekit.review.reading import read_all
from coursekit.review.sentences import split_sentences


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    copy = tmp_path / "content"
    shutil.copytree(PACKAGE_CONTENT, copy)
    return copy


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _named(problems: list[Problem]) -> list[tuple[str, str]]:
    return [(problem.file, problem.key) for problem in problems]


def test_the_shipped_cue_files_are_valid() -> None:
    assert check() == []
    assert set(cues()) == set(MOVES) and set(tips()) == set(MOVES)


def test_an_unknown_move_id_is_named_with_file_and_key(folder: Path) -> None:
    _edit(folder / "review" / "permission.toml", 'move = "permission"', 'move = "flatter"')
    (folder / "review" / "flatter.toml").write_text('move = "flatter"\n', encoding="utf-8")
    problems = check(folder)
    assert _named(problems) == [("review/permission.toml", "move"), ("review/flatter.toml", "")]
    assert "'flatter' should match the file name 'permission'" in str(problems[0])
    assert "unknown move 'flatter'" in str(problems[1])


def test_an_empty_phrase_is_named_with_file_and_key(folder: Path) -> None:
    _edit(folder / "review" / "reaffirm.toml", '"excited",', '"  ",')
    problems = check(folder)
    assert _named(problems) == [("review/reaffirm.toml", "family.feeling.phrases[0]")]
    assert "is empty" in problems[0].message


def test_a_bad_regular_expression_is_named_with_file_and_key(folder: Path) -> None:
    _edit(folder / "review" / "easy_out.toml", '"keep me in mind",', '"re:keep (me",')
    problems = check(folder)
    assert _named(problems) == [("review/easy_out.toml", "family.door_open.phrases[0]")]
    assert "is not a valid regular expression" in problems[0].message


def test_a_cue_with_no_families_is_named_with_file_and_key(folder: Path) -> None:
    _edit(folder / "review" / "own_misstep.toml", 'families = ["self_blame"]', "families = []")
    problems = check(folder)
    assert _named(problems) == [("review/own_misstep.toml", "cue[4].families")]
    assert problems[0].message == "is empty"


def test_unknown_family_keys_and_bad_toml_are_reported_together(folder: Path) -> None:
    _edit(folder / "review" / "own_misstep.toml", 'families = ["apology", "apology_object"]',
          'families = ["apology", "nope"]')
    (folder / "review" / "invite_response.toml").write_text("move = [", encoding="utf-8")
    problems = check(folder)
    assert _named(problems) == [("review/own_misstep.toml", "cue[0].families"),
                                ("review/invite_response.toml", "")]
    assert "unknown family 'nope'" in problems[0].message
    lines = (folder / "review" / "own_misstep.toml").read_text(encoding="utf-8").splitlines()
    assert lines[(problems[0].line or 0) - 1].startswith("families = ")
    assert "is not valid TOML" in problems[1].message
    found: list[Problem] = []
    read_cues(folder, found, knowledge().moves, None)
    assert found == problems  # the cue files' own reader finds the same


def test_an_author_can_add_a_phrase_without_python(folder: Path) -> None:
    _edit(folder / "review" / "reaffirm.toml", '"excited",', '"excited", "smitten with",')
    problems: list[Problem] = []
    loaded = read_cues(folder, problems, knowledge().moves, None)
    assert problems == []
    feeling = loaded["reaffirm"].cues[0].families[0]
    assert feeling.pattern.search("i was smitten with the team")


def test_a_pattern_phrase_keeps_its_upper_case_escapes(folder: Path) -> None:
    """Plain phrases are read in lower case; a ``re:`` phrase is not, so ``\\W`` stays ``\\W``."""
    phrase = '"re:keen\\\\W+as\\\\W+mustard",'
    _edit(folder / "review" / "reaffirm.toml", '"excited",', f'"excited", {phrase}')
    problems: list[Problem] = []
    loaded = read_cues(folder, problems, knowledge().moves, None)
    assert problems == []
    feeling = loaded["reaffirm"].cues[0].families[0]
    assert feeling.pattern.search("i was keen, as mustard")
    assert not feeling.pattern.search("i was keenly as mustard")


# ---------------------------------------------------------------------------- review_turn


def test_review_turn_reviews_only_the_moves_asked_for() -> None:
    turn = review_turn("I loved the team. I'm sorry I kept you waiting.", ["own_misstep"])
    assert [check.id for check in turn.moves] == ["own_misstep"]
    check = turn.moves[0]
    assert check.covered and check.evidence == "I'm sorry I kept you waiting."
    assert check.cue and check.tip is None
    assert turn.made("own_misstep") and not turn.made("reaffirm")
    assert turn.limits == limits()


def test_review_turn_says_what_is_missing_with_a_tip() -> None:
    turn = review_turn("I hope you won't hold it against me.", ["permission", "own_misstep"])
    assert [(c.id, c.covered, c.evidence) for c in turn.moves] == [
        ("permission", False, None),
        ("own_misstep", False, None),
    ]
    assert turn.moves[0].tip == tips()["permission"]


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


def test_a_bad_reading_rule_is_named_with_its_key(folder: Path) -> None:
    _edit(folder / "review" / "language.toml", "min_length = 4", "min_length = 0")
    _edit(folder / "review" / "language.toml", "reach = 5", 'reach = "five"')
    problems: list[Problem] = []
    read_language(folder, problems)
    assert _named(problems) == [("review/language.toml", "typos.min_length"),
                                ("review/language.toml", "negation.reach")]
    assert [p.message for p in problems] == ["must be 1 or more",
                                             "must be a whole number, not str"]


def test_cue_descriptions_show_plain_phrases_never_patterns() -> None:
    """A learner reads example phrases; a family's regular expressions are not shown."""
    shown = [text for move in MOVES for text in describe_cues(move)]
    assert shown and all("re:" not in text and "(?:" not in text for text in shown)


def test_an_unknown_beside_family_is_named_with_file_and_key(folder: Path) -> None:
    _edit(folder / "review" / "reaffirm.toml", 'beside = "place"', 'beside = "plaice"')
    problems = check(folder)
    assert _named(problems)[0][0] == "review/reaffirm.toml"
    assert _named(problems)[0][1].endswith(".beside")
    assert "unknown family 'plaice'" in problems[0].message


def test_a_cue_with_beside_needs_its_family_in_the_sentence_before_or_after() -> None:
    beside = [cue for cue in cues()["reaffirm"] if cue.beside is not None]
    assert beside, "reaffirm has a cue that looks at the sentences either side"
    def by_rules(text: str) -> bool:  # the cues alone, without the word weights
        sentences = read_all([text[a:b] for a, b in split_sentences(text)])
        return find_move("reaffirm", sentences) is not None

    assert by_rules("I met your crew in May. Loved them.")
    assert by_rules("Loved it. The job, the people, all of it.")
    assert not by_rules("I went to a wedding in May. Loved them.")
    assert not by_rules("Hi. Loved them. Then I left. I met your crew in May.")
    assert not by_rules("I never met your crew. Loved them.")
    assert any("Only just before or after a sentence with" in text
               for text in describe_cues("reaffirm"))


def test_an_aside_in_brackets_does_not_split_a_sentence() -> None:
    from coursekit.review.reading import read
    sentence = read("the team (sam above all) was great; i left")
    assert sentence.clause_of(1) == sentence.clause_of(6) != sentence.clause_of(8)
    assert review_turn("The team (Sam especially) was brilliant.", ["reaffirm"]).made("reaffirm")
