"""Tests for coursekit.review: the rule-based reviewer of a learner's freehand draft.

Each draft below lists, for every move of its scenario, the sentence that should be quoted as
evidence (or ``None`` when the move is missing). Decisions the drafts pin down:

* Saying "I've changed my mind" without a reason does not cover explain_change.
* Apologising for small things ("Sorry I'm late, the traffic...") does not cover own_misstep;
  the apology has to be about the decline, its cost, or be a stand-alone "I'm sorry."
* Asking whether the role is still open, or ending with "I hope to hear from you", is not an
  invitation to respond; a bare question mark is not enough.
* Asking the manager *not* to weigh the misstep ("please don't hold it against me") is the
  opposite of permission, so it does not count.
* Talking about the role without a feeling or a reason it suits you does not cover reaffirm.
"""

from __future__ import annotations

import json
from dataclasses import FrozenInstanceError, dataclass

import pytest
from content_names import MOVES, SCENARIOS
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from coursekit.errors import CourseInputError
from coursekit.review import (
    MoveCheck,
    Review,
    cues,
    describe_cues,
    limits,
    review_draft,
    review_turn,
    split_sentences,
    tips,
)
from coursekit.textsafe import MAX_DRAFT_CHARS, clean_text

S1 = ("reaffirm", "explain_change", "easy_out")
S2 = ("own_misstep", "invite_response", "permission", *S1)


@dataclass(frozen=True)
class Case:
    """A draft, its scenario and the evidence expected for each move (None = missing)."""

    name: str
    scenario: int
    text: str
    evidence: dict[str, str | None]
    order_ok: bool = True


CASES = [
    # ---------------------------------------------------------------- Scenario 1 drafts
    Case(
        "formal_letter",
        1,
        "Dear Ms Patel,\n"
        "Thank you for taking my call. I remain genuinely enthusiastic about the analyst "
        "position and the calibre of your team.\n"
        "On reflection, my decision to decline was driven by an unwarranted concern about "
        "relocating, which I have since resolved.\n"
        "Should the post already have been filled, I would entirely understand.",
        {
            "reaffirm": "I remain genuinely enthusiastic about the analyst position and the "
            "calibre of your team.",
            "explain_change": "On reflection, my decision to decline was driven by an "
            "unwarranted concern about relocating, which I have since resolved.",
            "easy_out": "Should the post already have been filled, I would entirely "
            "understand.",
        },
    ),
    Case(
        "casual_terse",
        1,
        "Hi Tom, quick one. Still keen on the job. Said no cos of the commute, but we've "
        "moved house since. If it's gone, fair enough.",
        {
            "reaffirm": "Still keen on the job.",
            "explain_change": "Said no cos of the commute, but we've moved house since.",
            "easy_out": "If it's gone, fair enough.",
        },
    ),
    Case(
        "text_message_style",
        1,
        "hey sam!! honestly still cant stop thinking about ur team 😅 i said no cos i got "
        "cold feet about moving cities tbh. totally get it if uve filled the spot already",
        {
            "reaffirm": "honestly still cant stop thinking about ur team 😅",
            "explain_change": "i said no cos i got cold feet about moving cities tbh.",
            "easy_out": "totally get it if uve filled the spot already",
        },
    ),
    Case(
        "bullet_points",
        1,
        "- the team really impressed me\n"
        "- I turned it down because I was worried about the pay cut\n"
        "- if you've hired someone else I get it",
        {
            "reaffirm": "the team really impressed me",
            "explain_change": "I turned it down because I was worried about the pay cut",
            "easy_out": "if you've hired someone else I get it",
        },
    ),
    Case(
        "numbered_list_in_a_different_order",
        1,
        "1) If someone else has the job by now, no hard feelings at all.\n"
        "2) Since then my partner has found work in your city, so the move is no longer an "
        "obstacle.\n"
        "3) The product you are building is exactly what I want to work on.",
        {
            "reaffirm": "The product you are building is exactly what I want to work on.",
            "explain_change": "Since then my partner has found work in your city, so the move "
            "is no longer an obstacle.",
            "easy_out": "If someone else has the job by now, no hard feelings at all.",
        },
    ),
    Case(
        "no_punctuation_run_on",
        1,
        "i really loved the people on your team and i said no because i was afraid of the "
        "long commute but now i work from home most days so that is not a problem anymore "
        "and i totally understand if you have already hired someone",
        {
            "reaffirm": "i really loved the people on your team",
            "explain_change": "and i said no because i was afraid of the long commute",
            "easy_out": "and i totally understand if you have already hired someone",
        },
    ),
    Case(
        "british_spelling",
        1,
        "Having had time to reflect, I've realised I turned the role down for the wrong "
        "reasons. The programme you described really appealed to me and I'd still love to "
        "be part of your organisation. If the vacancy has been filled, do keep me in mind "
        "for other roles.",
        {
            "reaffirm": "The programme you described really appealed to me and I'd still love "
            "to be part of your organisation.",
            "explain_change": "Having had time to reflect, I've realised I turned the role "
            "down for the wrong reasons.",
            "easy_out": "If the vacancy has been filled, do keep me in mind for other roles.",
        },
    ),
    Case(
        "american_spelling_and_hindsight",
        1,
        "In hindsight I was too comfortable where I was. Your organization is the kind of "
        "place I admire. Of course, you may have moved on and found a great candidate.",
        {
            "reaffirm": "Your organization is the kind of place I admire.",
            "explain_change": "In hindsight I was too comfortable where I was.",
            "easy_out": "Of course, you may have moved on and found a great candidate.",
        },
    ),
    Case(
        "non_native_phrasing",
        1,
        "I am still want very much this job, the team was great for me. Before I say no "
        "because I am afraid to move my family. Now my family agree to move. If you already "
        "take other person, no problem, maybe other position in future.",
        {
            "reaffirm": "I am still want very much this job, the team was great for me.",
            "explain_change": "Before I say no because I am afraid to move my family.",
            "easy_out": "If you already take other person, no problem, maybe other position "
            "in future.",
        },
    ),
    Case(
        "rambling",
        1,
        "So, um, I hope this isn't too strange, and I know you're busy, and honestly I've "
        "rehearsed this about ten times. Anyway. I keep coming back to our conversation. The "
        "way you described the data platform work, and the people I met on the panel, it "
        "all really stuck with me and I was drawn to the mission. I know I said no. My "
        "current employer made a counter-offer and I took it, which felt safe, and I "
        "regret it. The counter-offer didn't change the work at all. I guess what I'm "
        "saying is, if the door is still open, great, and if it's not, could you bear me in "
        "mind down the line?",
        {
            "reaffirm": "The way you described the data platform work, and the people I met "
            "on the panel, it all really stuck with me and I was drawn to the mission.",
            "explain_change": "My current employer made a counter-offer and I took it, which "
            "felt safe, and I regret it.",
            "easy_out": "I guess what I'm saying is, if the door is still open, great, and if "
            "it's not, could you bear me in mind down the line?",
        },
    ),
    Case(
        "reason_and_easy_out_but_no_feeling",
        1,
        "I turned the offer down because my father was ill, and he has recovered now. The "
        "role is in the finance department. If another candidate has the job by now, I "
        "understand completely.",
        {
            "reaffirm": None,
            "explain_change": "I turned the offer down because my father was ill, and he has "
            "recovered now.",
            "easy_out": "If another candidate has the job by now, I understand completely.",
        },
    ),
    Case(
        "near_misses_make_no_move",
        1,
        "I'm calling about the analyst position. I interviewed in March and spoke to the "
        "hiring manager. The role involves reporting and some travel. I have changed my "
        "mind. I realize this is out of the blue. Is the job still open? I hope to hear from "
        "you soon.",
        {"reaffirm": None, "explain_change": None, "easy_out": None},
    ),
    Case(
        "negated_moves",
        1,
        "I was never excited about the role, to be honest. I don't regret saying no to it. "
        "I assume the position is still open and I could start on Monday. I'm not at all "
        "interested in other roles.",
        {"reaffirm": None, "explain_change": None, "easy_out": None},
    ),
    Case(
        "negation_then_real_feeling",
        1,
        "I wasn't that interested in the job at first, but now I'm really keen on the team. "
        "I haven't changed my mind lightly.",
        {
            "reaffirm": "I wasn't that interested in the job at first, but now I'm really "
            "keen on the team.",
            "explain_change": None,
            "easy_out": None,
        },
    ),
    Case(
        "emoji_rtl_and_zero_width",
        1,
        "مرحبا! I loved\u200b the team 😍 I said no because I was scared\u200f of the "
        "move 😬 If the role is filled that's totally fine 🙏",
        {
            "reaffirm": "I loved\u200b the team 😍",
            "explain_change": "I said no because I was scared\u200f of the move 😬",
            "easy_out": "If the role is filled that's totally fine 🙏",
        },
    ),
    Case(
        "curly_apostrophes_and_markup",
        1,
        "<p>I’ve had time to think, and I’ve learned I was wrong to let the salary decide."
        "</p> <p>I couldn’t stop thinking about the job.</p> <p>I’d understand if the answer "
        "is no.</p>",
        {
            "reaffirm": "<p>I couldn’t stop thinking about the job.</p>",
            "explain_change": "<p>I’ve had time to think, and I’ve learned I was wrong to let "
            "the salary decide.</p>",
            "easy_out": "<p>I’d understand if the answer is no.</p>",
        },
    ),
    Case(
        "spanish_draft_gets_no_credit",
        1,
        "Me encantó el equipo. Dije que no porque tenía miedo. Entiendo si el puesto ya "
        "está ocupado.",
        {"reaffirm": None, "explain_change": None, "easy_out": None},
    ),
    # ---------------------------------------------------------------- Scenario 2 drafts
    Case(
        "all_six_in_the_right_order",
        2,
        "I apologise for how I handled things last month. I accepted verbally and then "
        "backed out by email, which must have set your search back weeks. How did that land "
        "on your side? It's completely fair if you take that into account. I still admire "
        "the work your team does. Looking back, I let money cloud my judgement. If the role "
        "has gone, please think of me for future openings.",
        {
            "own_misstep": "I apologise for how I handled things last month.",
            "invite_response": "How did that land on your side?",
            "permission": "It's completely fair if you take that into account.",
            "reaffirm": "I still admire the work your team does.",
            "explain_change": "Looking back, I let money cloud my judgement.",
            "easy_out": "If the role has gone, please think of me for future openings.",
        },
    ),
    Case(
        "explanation_before_repair",
        2,
        "Looking back, I let money cloud my judgement. I apologise for how I handled things "
        "last month. How did that land on your side? It's completely fair if you take that "
        "into account.",
        {
            "own_misstep": "I apologise for how I handled things last month.",
            "invite_response": "How did that land on your side?",
            "permission": "It's completely fair if you take that into account.",
            "reaffirm": None,
            "explain_change": "Looking back, I let money cloud my judgement.",
            "easy_out": None,
        },
        order_ok=False,
    ),
    Case(
        "only_permission_comes_late",
        2,
        "I went silent on you after the final interview, and that was unprofessional. I'd "
        "really like to hear your side of it. The truth is I panicked about leaving my "
        "comfort zone. Whatever you decide, I know it's your call.",
        {
            "own_misstep": "I went silent on you after the final interview, and that was "
            "unprofessional.",
            "invite_response": "I'd really like to hear your side of it.",
            "permission": "Whatever you decide, I know it's your call.",
            "reaffirm": None,
            "explain_change": "The truth is I panicked about leaving my comfort zone.",
            "easy_out": None,
        },
        order_ok=False,
    ),
    Case(
        "non_native_all_six",
        2,
        "Im very sorry for my late answer to you, it was not professional. Please tell me "
        "honestly what you think. You can consider this in your decision, it is your right. "
        "I am still very interested for this position. After I think again I understand my "
        "fear of change was wrong. If position is not available anymore I understand.",
        {
            "own_misstep": "Im very sorry for my late answer to you, it was not "
            "professional.",
            "invite_response": "Please tell me honestly what you think.",
            "permission": "You can consider this in your decision, it is your right.",
            "reaffirm": "I am still very interested for this position.",
            "explain_change": "After I think again I understand my fear of change was wrong.",
            "easy_out": "If position is not available anymore I understand.",
        },
    ),
    Case(
        "terse_fragments",
        2,
        "My fault for ghosting you. Your thoughts? Weigh it as you see fit. Loved the role. "
        "Got scared of the salary drop. If it's filled, no worries.",
        {
            "own_misstep": "My fault for ghosting you.",
            "invite_response": "Your thoughts?",
            "permission": "Weigh it as you see fit.",
            "reaffirm": "Loved the role.",
            "explain_change": "Got scared of the salary drop.",
            "easy_out": "If it's filled, no worries.",
        },
    ),
    Case(
        "one_line_per_move_no_punctuation",
        2,
        "i am sorry i kept you waiting three weeks\n"
        "how did that affect your hiring\n"
        "its fair if you weigh that\n"
        "i still love the team\n"
        "i said no because my mum was ill\n"
        "if its filled i understand",
        {
            "own_misstep": "i am sorry i kept you waiting three weeks",
            "invite_response": "how did that affect your hiring",
            "permission": "its fair if you weigh that",
            "reaffirm": "i still love the team",
            "explain_change": "i said no because my mum was ill",
            "easy_out": "if its filled i understand",
        },
    ),
    Case(
        "repair_and_feeling_in_one_sentence",
        2,
        "I'm sorry I kept you waiting, and I realise now that fear of the unknown held me "
        "back from a job I was genuinely excited about.",
        {
            "own_misstep": "I'm sorry I kept you waiting, and I realise now that fear of the "
            "unknown held me back from a job I was genuinely excited about.",
            "invite_response": None,
            "permission": None,
            "reaffirm": "I'm sorry I kept you waiting, and I realise now that fear of the "
            "unknown held me back from a job I was genuinely excited about.",
            "explain_change": "I'm sorry I kept you waiting, and I realise now that fear of "
            "the unknown held me back from a job I was genuinely excited about.",
            "easy_out": None,
        },
    ),
    Case(
        "repair_without_an_explanation",
        2,
        "I've changed my mind and I'd like to explain why. I'm sorry for keeping you waiting "
        "two weeks for an answer. I'd understand if you hold it against me.",
        {
            "own_misstep": "I'm sorry for keeping you waiting two weeks for an answer.",
            "invite_response": None,
            "permission": "I'd understand if you hold it against me.",
            "reaffirm": None,
            "explain_change": None,
            "easy_out": None,
        },
    ),
    Case(
        "explanation_without_repair",
        2,
        "I loved the team. I declined because I was nervous about managing people, and "
        "I've since done a course on it.",
        {
            "own_misstep": None,
            "invite_response": None,
            "permission": None,
            "reaffirm": "I loved the team.",
            "explain_change": "I declined because I was nervous about managing people, and "
            "I've since done a course on it.",
            "easy_out": None,
        },
    ),
    Case(
        "small_talk_apology_and_near_misses",
        2,
        "Sorry I'm late, the traffic was terrible. I'm calling about the position you "
        "advertised. I'd like to know if the role is still open? It's fair to say the "
        "commute was long. I had to take my family into account. I hope to hear from you "
        "soon.",
        {move: None for move in S2},
    ),
    Case(
        "small_talk_apology_then_real_one",
        2,
        "Sorry I'm late, traffic. I'm also sorry for going quiet after you made the offer. "
        "I'm listening. I was scared of the pay cut back then.",
        {
            "own_misstep": "I'm also sorry for going quiet after you made the offer.",
            "invite_response": "I'm listening.",  # a draft is judged by the cues alone
            "permission": None,
            "reaffirm": None,
            "explain_change": "I was scared of the pay cut back then.",
            "easy_out": None,
        },
    ),
    Case(
        "negated_repair",
        2,
        "I'm not sorry I said no. Please don't hold it against me. I don't want to hear "
        "any excuses about the delay.",
        {move: None for move in S2},
    ),
    Case(
        "bullets_in_the_wrong_order",
        2,
        "- I realised the long commute was the only thing holding me back\n"
        "- I'm sorry I left you hanging for a fortnight\n"
        "- Please weigh that however you need to\n"
        "- I'd still love to join the team",
        {
            "own_misstep": "I'm sorry I left you hanging for a fortnight",
            "invite_response": None,
            "permission": "Please weigh that however you need to",
            "reaffirm": "I'd still love to join the team",
            "explain_change": "I realised the long commute was the only thing holding me back",
            "easy_out": None,
        },
        order_ok=False,
    ),
    Case(
        "plain_spoken_all_six",
        2,
        "Right, I'll get straight to it. Three weeks ago I told you I'd sign, and then I went "
        "quiet until the recruiter chased me. That was a lousy way to treat you. What was "
        "that like from where you sit? I'd fully understand if it shapes how you see my "
        "application now. The project work you described is what I want to be doing. My "
        "old boss offered me a promotion and I grabbed it, but it turned out to be more of "
        "the same. If you've found someone else, I'd still like to be considered for future "
        "openings.",
        {
            "own_misstep": "Three weeks ago I told you I'd sign, and then I went quiet until "
            "the recruiter chased me.",
            "invite_response": "What was that like from where you sit?",
            "permission": "I'd fully understand if it shapes how you see my application now.",
            "reaffirm": "The project work you described is what I want to be doing.",
            "explain_change": "My old boss offered me a promotion and I grabbed it, but it "
            "turned out to be more of the same.",
            "easy_out": "If you've found someone else, I'd still like to be considered for "
            "future openings.",
        },
    ),
    Case(
        "standalone_apology_sentence",
        2,
        "I told you I'd accept and then I went quiet for three weeks. I'm so sorry. Tell me "
        "how that was for you. I would not blame you if it colours your view of me.",
        {
            "own_misstep": "I told you I'd accept and then I went quiet for three weeks.",
            "invite_response": "Tell me how that was for you.",
            "permission": "I would not blame you if it colours your view of me.",
            "reaffirm": None,
            "explain_change": None,
            "easy_out": None,
        },
    ),
]


def _evidence(review: Review) -> dict[str, str | None]:
    return {move.id: move.evidence for move in review.moves}


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_draft_moves_and_evidence(case: Case) -> None:
    review = review_draft(case.text, case.scenario)
    assert tuple(move.id for move in review.moves) == SCENARIOS[case.scenario].move_ids
    assert set(case.evidence) == set(SCENARIOS[case.scenario].move_ids)
    assert _evidence(review) == case.evidence
    for move in review.moves:
        assert move.covered is (move.evidence is not None)
        if move.covered:
            assert move.tip is None and move.cue
        else:
            assert move.tip == tips()[move.id] and move.cue is None
    assert review.order_ok is case.order_ok
    assert review.covered_count == sum(e is not None for e in case.evidence.values())


def _covered(review: Review) -> set[str]:
    return {move.id for move in review.moves if move.covered}


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_case_apostrophes_and_small_talk_do_not_change_the_result(case: Case) -> None:
    expected = {move for move, evidence in case.evidence.items() if evidence is not None}
    shouted = case.text.upper().replace("'", "’")
    assert _covered(review_draft(shouted, case.scenario)) == expected
    padded = "Hi, it's Alex from the March interviews. Thanks for picking up.\n" + case.text
    padded_review = review_draft(padded, case.scenario)
    assert _covered(padded_review) == expected
    assert padded_review.order_ok is case.order_ok


def test_there_are_plenty_of_varied_drafts() -> None:
    assert len(CASES) >= 24
    assert {case.scenario for case in CASES} == {1, 2}


# -------------------------------------------------------------------------- order


def test_order_note_explains_what_could_not_be_checked() -> None:
    no_explanation = review_draft("I'm sorry for keeping you waiting so long.", 2)
    assert no_explanation.order_ok is True
    assert "does not yet explain" in no_explanation.order_note
    no_repair = review_draft("I said no because I was afraid of the commute.", 2)
    assert no_repair.order_ok is True
    assert "none of the repair moves" in no_repair.order_note
    neither = review_draft("", 2)
    assert neither.order_ok is True and "not checked" in neither.order_note


def test_wrong_order_names_the_late_moves() -> None:
    review = review_draft(
        "I declined because I was afraid of the commute. I'm sorry I kept you waiting.", 2
    )
    assert review.order_ok is False
    assert "own the misstep" in review.order_note.lower()
    assert "repair" in review.summary()


def test_scenario_1_order_is_always_ok() -> None:
    review = review_draft("If it's filled, fine. Looking back, I was scared. I loved the job.", 1)
    assert review.order_ok is True
    assert review.covered_count == 3


def test_first_explaining_sentence_sets_the_order() -> None:
    text = (
        "Looking back, I rushed my decision. I'm sorry for leaving you hanging. "
        "I said no because I was afraid of the travel."
    )
    assert review_draft(text, 2).order_ok is False


# -------------------------------------------------------------------------- result shape


def test_empty_draft_lists_every_move_with_tips() -> None:
    for scenario in (1, 2):
        review = review_draft("", scenario)
        assert review.covered_count == 0
        assert [move.tip for move in review.moves] == [
            tips()[move_id] for move_id in SCENARIOS[scenario].move_ids
        ]
        assert review.summary() == f"0 of {len(review.moves)} moves covered"


def test_to_dict_shape_and_json() -> None:
    review = review_draft("I loved the team. If it's filled, I understand.", 1)
    data = review.to_dict()
    assert set(data) == {"scenario", "moves", "order_ok", "order_note"}
    assert data["order_ok"] is True
    moves = data["moves"]
    assert isinstance(moves, list)
    assert [m["id"] for m in moves] == list(S1)
    assert all(set(m) == {"id", "covered", "evidence", "tip"} for m in moves)
    assert json.loads(json.dumps(data)) == data
    assert review.summary() == "2 of 3 moves covered"


def test_results_are_frozen_and_carry_titles_and_limits() -> None:
    review = review_draft("I loved the team.", 1)
    assert review.limits == limits()
    first = review.moves[0]
    assert isinstance(first, MoveCheck)
    assert first.title == MOVES["reaffirm"].title
    with pytest.raises(FrozenInstanceError):
        first.covered = False  # type: ignore[misc]


def test_limits_names_what_the_reviewer_cannot_judge() -> None:
    lowered = limits().lower()
    for word in ("tone", "honest", "reason", "sarcasm", "negation", "english"):
        assert word in lowered


def test_the_negation_limits_stated_in_limits_are_real() -> None:
    # The limits name plain negations it catches and a roundabout one it misses; keep both honest.
    assert "it would be a stretch to say I was excited about the role" in limits()
    missed = review_draft("It would be a stretch to say I was excited about the role.", 1)
    assert missed.moves[0].covered
    for caught in ("I'm not sorry.", "I hope you won't hold it against me."):
        assert f"'{caught[:-1]}'" in limits()
        assert review_draft(caught, 2).covered_count == 0
    assert not review_draft("I don't think I was ever excited about the role.", 1).moves[0].covered


# -------------------------------------------------------------------------- cues as data


def test_every_move_has_visible_cues() -> None:
    for move_id in S2:
        assert cues()[move_id]
        descriptions = describe_cues(move_id)
        assert len(descriptions) == len(cues()[move_id])
        assert all(isinstance(d, str) and "Looks for" in d for d in descriptions)


def test_describe_cues_shows_the_words_it_looks_for() -> None:
    text = " ".join(describe_cues("reaffirm"))
    assert "excited" in text and "team" in text
    assert "not" in text  # the negation rule is stated
    apology = " ".join(describe_cues("own_misstep"))
    assert "sorry" in apology and "Ignores" in apology


def test_describe_cues_rejects_unknown_moves() -> None:
    with pytest.raises(CourseInputError) as info:
        describe_cues("flatter")
    assert info.value.field == "move_id"


def test_cue_is_reported_in_plain_words() -> None:
    review = review_draft("I'd understand if the role has been filled.", 1)
    easy_out = review.moves[2]
    assert easy_out.cue == cues()["easy_out"][0].description


# -------------------------------------------------------------------------- input handling


@pytest.mark.parametrize("scenario", [0, 3, -1, True, False, 1.0, "1", None])
def test_bad_scenario_raises_course_input_error(scenario: object) -> None:
    with pytest.raises(CourseInputError) as info:
        review_draft("I loved the team.", scenario)  # type: ignore[arg-type]
    assert info.value.field == "scenario"


@pytest.mark.parametrize("text", [None, 3, b"bytes", ["list"]])
def test_non_text_draft(text: object) -> None:
    if text is None:
        assert review_draft(text, 1).covered_count == 0  # type: ignore[arg-type]
        return
    with pytest.raises(CourseInputError) as info:
        review_draft(text, 1)  # type: ignore[arg-type]
    assert info.value.field == "draft"


def test_too_long_draft_is_rejected() -> None:
    with pytest.raises(CourseInputError) as info:
        review_draft("a" * (MAX_DRAFT_CHARS + 1), 1)
    assert info.value.field == "draft"


def test_a_2000_word_draft_gets_a_review() -> None:
    # Speed is measured by benchmarks/bench_reviewer_accuracy.py, not asserted here.
    paragraph = (
        "I want to say again how much I enjoyed meeting the team and how the role stuck "
        "with me, and honestly I keep going back over our conversation about the work. "
    )
    text = (paragraph * 70) + "If it's been filled, I understand. Looking back I was scared."
    assert len(text.split()) >= 2000
    assert review_draft(text, 2).covered_count == 3


def test_pathological_run_on_gets_a_review() -> None:
    text = ("and i " * 15_000) + ("sorry " * 5_000)
    review = review_draft(text, 2)
    assert [move.covered for move in review.moves] == [False] * 6


# -------------------------------------------------------------------------- sentences


def test_split_sentences_handles_bullets_newlines_and_emoji() -> None:
    text = clean_text(
        "• first point\n2. second point\n\n   \nthird. fourth! fifth 🙂 sixth",
        "draft",
        keep_newlines=True,
    )
    parts = [text[a:b] for a, b in split_sentences(text)]
    assert parts == ["first point", "second point", "third.", "fourth!", "fifth 🙂", "sixth"]


def test_split_sentences_keeps_a_spaced_ellipsis_with_its_sentence() -> None:
    text = "I am sorry if that is the case . . . Then I stopped."
    parts = [text[a:b] for a, b in split_sentences(text)]
    assert parts == ["I am sorry if that is the case . . .", "Then I stopped."]


def test_split_sentences_keeps_abbreviations_together() -> None:
    text = "I met Dr. Lee, e.g. at the panel. Then I left."
    parts = [text[a:b] for a, b in split_sentences(text)]
    assert parts == ["I met Dr. Lee, e.g. at the panel.", "Then I left."]


def test_split_sentences_runs_a_short_if_clause_on_into_the_next() -> None:
    text = "Sorry. If you've filled it. I understand. When? If so, fine. Should be easy."
    parts = [text[a:b] for a, b in split_sentences(text)]
    assert parts == ["Sorry.", "If you've filled it. I understand.", "When?", "If so, fine.",
                     "Should be easy."]
    assert review_turn("If you've filled it. I understand.", ["easy_out"]).made("easy_out")
    assert not review_turn("If you've filled it. I'll be gutted.", ["easy_out"]).made("easy_out")


def test_split_sentences_ends_a_sentence_with_a_short_remark_on_it() -> None:
    text = "It will count against me. And that's fair. I called? Rightly so"
    parts = [text[a:b] for a, b in split_sentences(text)]
    assert parts == ["It will count against me. And that's fair.", "I called?", "Rightly so"]
    assert review_turn("My no-show will weigh on it. Rightly so.", ["permission"]).made(
        "permission")
    assert not review_turn("It's going to rain. That's only fair.", ["permission"]).made(
        "permission")


# -------------------------------------------------------------------------- properties

_AWKWARD = st.sampled_from(
    [
        "",
        "\x00",
        "\u200b",
        "\u200f",
        "\u202e",
        "\ufeff",
        "<script>alert(1)</script>",
        "مرحبا",
        "שלום",
        "😍",
        "👩🏽‍💻",
        "\n",
        "\r\n",
        "- ",
        "1) ",
        "...",
        "?",
        "’",
        "\ud800",
        "sorry",
        "not",
        "the role",
        "I loved the team",
        "I'm sorry I kept you waiting",
        "if it's filled",
        "looking back",
    ]
)
_DRAFTS = st.lists(st.one_of(st.text(max_size=40), _AWKWARD), max_size=25).map(" ".join)


def _check_review(text: str, scenario: int) -> None:
    try:
        review = review_draft(text, scenario)
    except CourseInputError:
        return
    cleaned = clean_text(text, "draft", max_chars=MAX_DRAFT_CHARS, keep_newlines=True)
    assert isinstance(review, Review)
    assert [move.id for move in review.moves] == list(SCENARIOS[scenario].move_ids)
    for move in review.moves:
        if move.evidence is not None:
            assert move.evidence
            assert move.evidence in cleaned
    data = review.to_dict()
    assert json.loads(json.dumps(data)) == data
    if scenario == 1:
        assert review.order_ok is True


@settings(max_examples=80, deadline=None)
@given(text=_DRAFTS, scenario=st.sampled_from([1, 2]))
def test_any_text_gives_a_review(text: str, scenario: int) -> None:
    _check_review(text, scenario)


@settings(max_examples=60, deadline=None)
@given(text=st.text(), scenario=st.sampled_from([1, 2]))
def test_any_unicode_gives_a_review(text: str, scenario: int) -> None:
    _check_review(text, scenario)


@settings(
    max_examples=5,  # each reviews 100,000 characters: about 2 s
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(seed=_DRAFTS.filter(bool), scenario=st.sampled_from([1, 2]))
@example(seed="#%~", scenario=2)  # once minutes: a cue starting at `~` rescanned the run
def test_very_long_text_gives_a_review(seed: str, scenario: int) -> None:
    text = (seed * (100_000 // len(seed) + 1))[:100_000]
    _check_review(text, scenario)


@settings(max_examples=50, deadline=None)
@given(value=st.one_of(st.integers(), st.floats(), st.booleans(), st.none(), st.text()))
def test_any_scenario_value_gives_a_review_or_course_input_error(value: object) -> None:
    try:
        review = review_draft("I loved the team.", value)  # type: ignore[arg-type]
    except CourseInputError as error:
        assert error.field == "scenario"
    else:
        assert value in (1, 2) and not isinstance(value, bool)
        assert review.scenario == value


@pytest.mark.parametrize(
    ("typed", "read_as"),
    [
        ("though", "though"),  # a real word: not "thought"
        ("writing", "writing"),  # not "waiting"
        ("shared", "shared"),  # not "scared"
        ("apply", "apply"),  # a changed first letter is not a typo ("happy")
        ("plan", "plan"),  # an ending added or dropped is another word ("plans")
        ("becuase", "because"),
        ("impresed", "impressed"),
        ("wating", "waiting"),
    ],
)
def test_typo_reading_keeps_real_words(typed: str, read_as: str) -> None:
    from coursekit.review.reading import read

    assert read(typed).folded == read_as


def test_should_of_and_question_marks_are_read_plainly() -> None:
    from coursekit.review.reading import read

    assert read("i shouldnt of ghosted u").folded == "i shouldn't have ghosted you"
    assert read("I would of course understand").folded == "i would of course understand"
    assert read("Was that a pain for you?").folded == "was that a pain for you ?"
