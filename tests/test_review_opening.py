"""The reviewer's shortcut for long drafts (opening lines first) never changes a review."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from coursekit.review import _OPENING_CHARS, _review_cleaned, review_draft
from coursekit.textsafe import MAX_DRAFT_CHARS, clean_text

SENTENCES = [
    "I really enjoyed meeting the team, and the work on the new platform stuck with me.",
    "When you offered me the job I said no because I was nervous about leaving a safe post.",
    "Since then I have realised how much I want to build things again.",
    "If the role has been filled, I completely understand.",
    "I am sorry that I went quiet for so long before I gave you my answer.",
    "How did that land for you?",
    "It is completely fair for you to weigh that in your decision about me.",
    "The weather has been lovely this week.",
    "I keep thinking about the roadmap we discussed.",
    "I'm not sorry about anything.",
    "- a bullet with no full stop",
    "We talked about the office move and the parking",
]

drafts = st.lists(
    st.tuples(st.sampled_from(SENTENCES), st.sampled_from([" ", " ", "\n", "\n\n"])),
    min_size=1,
    max_size=220,
).map(lambda parts: "".join(s + sep for s, sep in parts))


@settings(max_examples=120, deadline=None)
@given(drafts, st.sampled_from([1, 2]))
def test_the_shortcut_gives_the_full_review(text: str, scenario: int) -> None:
    cleaned = clean_text(text, "draft", max_chars=MAX_DRAFT_CHARS, keep_newlines=True)
    assert review_draft(text, scenario) == _review_cleaned(cleaned, scenario)


def test_a_long_draft_with_every_move_early_takes_the_shortcut() -> None:
    opening = " ".join(SENTENCES[:7]) + "\n"
    text = opening + ("The weather has been lovely this week.\n" * 200)
    assert len(text) > 2 * _OPENING_CHARS
    review = review_draft(text, 2)
    assert review.covered_count == 6
    assert review == _review_cleaned(
        clean_text(text, "draft", keep_newlines=True, max_chars=MAX_DRAFT_CHARS), 2
    )


def test_a_move_only_late_in_a_long_draft_is_still_found() -> None:
    filler = "The weather has been lovely this week.\n" * 100
    text = " ".join(SENTENCES[:3]) + "\n" + filler + "If the role has been filled, I understand.\n"
    review = review_draft(text, 1)
    easy_out = next(check for check in review.moves if check.id == "easy_out")
    assert easy_out.covered and easy_out.evidence == "If the role has been filled, I understand."
