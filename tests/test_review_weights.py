"""The word weights beside the rules: features, the weights file, the decision and its evidence."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest
from content_names import MOVES

from coursekit.fields import PACKAGE_CONTENT
from coursekit.review import review_draft, review_turn
from coursekit.review.language import language
from coursekit.review.loader import say
from coursekit.review.reading import read
from coursekit.review.weights import decide, explain, features, score, weights

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "train_weights.py"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("train_weights", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_features_are_words_and_word_pairs_with_negated_words_marked() -> None:
    found = features("i'm not sorry, i left ?")
    assert {"i'm", "not", "not_sorry", "not not_sorry", "i", "left", "i left", "?"} <= set(found)
    assert "sorry" not in found and "not_i" not in found  # the comma ends the negation
    assert features("") == ()
    assert features("i ~ loved it") == features("i loved it")  # a softened word is skipped


def test_the_weights_file_has_every_move_with_sane_thresholds() -> None:
    data = json.loads((PACKAGE_CONTENT / "review" / "weights.json").read_text(encoding="utf-8"))
    assert set(data["moves"]) == set(MOVES) == set(weights())
    for move in weights().values():
        assert 0.0 < move.low < move.high < 1.0
        assert move.words and all(isinstance(word, str) and word for word in move.words)


def test_the_thresholds_in_the_file_are_the_training_script_s() -> None:
    script = _script()
    for move_id, move in weights().items():
        assert (move.high, move.low) == (script.HIGH[move_id], script.LOW[move_id])


def test_the_training_script_reads_only_tuning_files(tmp_path: Path) -> None:
    def item(text: str, move: str) -> str:
        return f'[[item]]\nid = "{move}"\ntext = "{text}"\nmoves = ["{move}"]\n'

    (tmp_path / "tuning_a.toml").write_text(item("I'm sorry I went quiet.", "own_misstep"))
    (tmp_path / "heldout.toml").write_text(item("If it's filled, I understand.", "easy_out"))
    items = _script().load(tmp_path)
    assert [moves for _sentences, moves in items] == [frozenset({"own_misstep"})]
    assert "sorry" in items[0][0][0]
    (tmp_path / "tuning_heldout_b.toml").write_text(item("Hello.", "easy_out"))
    with pytest.raises(SystemExit, match="held-out"):
        _script().load(tmp_path)


def test_scores_are_probabilities_and_deterministic() -> None:
    sentence = read("I'm so sorry I went quiet after the offer").folded
    first = score("own_misstep", sentence)
    assert 0.0 <= first <= 1.0 and first == score("own_misstep", sentence)
    assert first > score("own_misstep", read("The weather is nice today").folded)


def test_explain_names_the_heaviest_words_first_as_a_reader_says_them() -> None:
    folded = read("Sorry, I didn't call you back.").folded
    words = explain("own_misstep", folded)
    table = weights()["own_misstep"].words
    heaviest = max((f for f in features(folded) if f in table), key=table.__getitem__)
    assert words[0] == heaviest.replace("<s> ", "").replace("not_", "not ") == "sorry"
    assert not any("<s>" in word or "not_" in word for word in words)
    assert len(words) == len(set(words)) <= 3


def test_explain_never_names_only_plain_words() -> None:
    plain = language().weight_plain
    folded = read("If it has gone to someone else, I understand.").folded
    table = weights()["easy_out"].words
    heavy = sorted((f for f in features(folded) if table.get(f, 0) > 0), key=table.__getitem__)
    assert {"if", "<s> if"} & set(heavy[-3:])  # the heaviest words include a plain one
    words = explain("easy_out", folded)
    assert words and "if" not in words
    assert all(any(w not in plain for w in word.split() if w != "not") for word in words)


@pytest.mark.parametrize("move_id", MOVES)
def test_decide_weighs_the_rules_and_the_words(move_id: str) -> None:
    table = weights()[move_id]
    plain = [read("The weather is nice today.").folded]
    assert score(move_id, plain[0]) < table.low
    assert decide(move_id, plain, by_rules=True) is None  # the words overrule the rules
    assert decide(move_id, plain, by_rules=False) is None
    assert decide(move_id, [], by_rules=True) is None


def test_words_alone_can_make_a_move_and_say_which_words(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("coursekit.review.draft.find_move", lambda move_id, sentences: None)
    turn = review_turn("Hello there. I left you hanging for weeks, that is on me.", ["own_misstep"])
    check = turn.moves[0]
    assert check.covered and check.evidence == "I left you hanging for weeks, that is on me."
    assert check.cue is not None and check.cue.startswith("Words that often carry this move")
    assert "'" in check.cue  # the words are quoted


def test_a_credit_with_only_plain_words_says_the_sentence_reads_like_the_move(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("coursekit.review.draft.find_move", lambda move_id, sentences: None)
    monkeypatch.setattr("coursekit.review.draft.explain", lambda move_id, folded: [])
    check = review_turn("I left you hanging for weeks, that is on me.", ["own_misstep"]).moves[0]
    assert check.covered and check.cue == say("cue.weighted_whole")


def test_a_rule_match_keeps_its_sentence_and_cue() -> None:
    turn = review_turn("Hi. If it's filled, I understand.", ["easy_out"])
    check = turn.moves[0]
    assert check.covered and check.evidence == "If it's filled, I understand."
    assert check.cue is not None and not check.cue.startswith("Words that often")


def test_the_weights_file_is_trained_on_the_current_inputs() -> None:
    data = json.loads((PACKAGE_CONTENT / "review" / "weights.json").read_text(encoding="utf-8"))
    assert data["inputs"] == _script().inputs_digest(), (
        "the tuning files or the reviewer changed: run .venv/bin/python scripts/train_weights.py"
    )


def test_a_draft_is_judged_by_the_cues_alone() -> None:
    """A long draft's plain sentences would give the weights many chances to credit falsely."""
    turn = "Yeah, fair. How'd it all go down at your end?"  # only the words hear the invitation
    assert review_turn(turn, ["invite_response"]).made("invite_response")
    assert not review_draft(turn, 2).moves[1].covered
    assert review_draft(turn, 2).moves[1].id == "invite_response"
