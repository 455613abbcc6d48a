"""Tests for coursekit.classify."""

from __future__ import annotations

import json

import pytest
from content_names import MISSTEPS, SCENARIOS
from hypothesis import given, settings
from hypothesis import strategies as st

from coursekit.classify import Classification, Situation, classify
from coursekit.errors import CourseInputError


def test_clean_decline_is_scenario_1_with_three_moves() -> None:
    result = classify(Situation(missteps=(), time_since_days=3, role_status="open"))
    assert result.scenario == 1
    assert result.move_ids == ("reaffirm", "explain_change", "easy_out")
    assert result.reaction_ids == ("flattered",)
    assert any("Scenario 1" in reason for reason in result.reasons)


@pytest.mark.parametrize("misstep", sorted(MISSTEPS))
def test_any_misstep_is_scenario_2_with_repair_first(misstep: str) -> None:
    result = classify(Situation(missteps=(misstep,)))
    assert result.scenario == 2
    assert result.move_ids == SCENARIOS[2].move_ids
    assert result.move_ids[:3] == ("own_misstep", "invite_response", "permission")
    assert result.missteps == (misstep,)
    # The column puts no condition on flattery, so it stays possible, after the misstep's reactions.
    assert "flattered" in result.reaction_ids
    assert result.reaction_ids.index("flattered") > 0


def test_went_silent_brings_insulted_and_enthusiasm_brings_hurt() -> None:
    assert "insulted" in classify(Situation(missteps=("went_silent",))).reaction_ids
    hurt = classify(Situation(missteps=("showed_enthusiasm",))).reactions
    assert [r.id for r in hurt] == ["hurt", "flattered", "position_filled"]
    assert "accept" in hurt[0].why


def test_two_missteps_merge_into_one_reaction_with_both_reasons() -> None:
    result = classify(Situation(missteps=("showed_enthusiasm", "other_offence")))
    hurt = [r for r in result.reactions if r.id == "hurt"]
    assert len(hurt) == 1
    assert "accept" in hurt[0].why and "stung" in hurt[0].why


def test_duplicate_missteps_are_kept_once() -> None:
    assert classify(Situation(missteps=("went_silent", "went_silent"))).missteps == (
        "went_silent",
    )


def test_filled_role_aims_moves_at_future_roles() -> None:
    result = classify(Situation(role_status="filled"))
    assert result.aim == "future_roles"
    assert "position_filled" in result.reaction_ids
    assert any("future roles" in reason and "Colette Brown" in reason for reason in result.reasons)
    easy_out = result.moves[-1]
    assert "future" in easy_out.guidance


def test_open_role_does_not_predict_filled() -> None:
    assert "position_filled" not in classify(Situation(role_status="open")).reaction_ids


def test_long_wait_with_unknown_status_warns_role_may_be_filled() -> None:
    late = classify(Situation(time_since_days=40)).reactions
    filled = next(r for r in late if r.id == "position_filled")
    assert "40 days" in filled.why
    early = classify(Situation(time_since_days=2)).reactions
    assert "40" not in next(r for r in early if r.id == "position_filled").why


def test_channel_shapes_the_next_step() -> None:
    assert "face-to-face" in classify(Situation(channel="phone")).next_step
    assert "meet in person" in classify(Situation(channel="meeting")).reasons[-1]


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"missteps": ["forgot_to_call"]}, "missteps"),
        ({"missteps": "went_silent"}, "missteps"),
        ({"missteps": [3]}, "missteps"),
        ({"missteps": ["went_silent", "delayed_reply"]}, "missteps"),
        ({"time_since_days": -1}, "time_since_days"),
        ({"time_since_days": 2.5}, "time_since_days"),
        ({"time_since_days": True}, "time_since_days"),
        ({"time_since_days": "3"}, "time_since_days"),
        ({"time_since_days": 10**9}, "time_since_days"),
        ({"role_status": "maybe"}, "role_status"),
        ({"channel": "email"}, "channel"),
        ({"chanel": "phone"}, "chanel"),
    ],
)
def test_bad_situations_name_the_field(data: dict[str, object], field: str) -> None:
    with pytest.raises(CourseInputError) as info:
        classify(data)
    assert info.value.field == field


def test_contradiction_message_explains_itself() -> None:
    with pytest.raises(CourseInputError, match="never told them or told them late"):
        Situation(missteps=("went_silent", "delayed_reply"))


def test_not_a_mapping_is_rejected() -> None:
    with pytest.raises(CourseInputError) as info:
        classify([1, 2])  # type: ignore[arg-type]
    assert info.value.field == "situation"


def test_to_dict_is_json_with_documented_keys() -> None:
    data = classify({"missteps": ["delayed_reply"], "time_since_days": 9}).to_dict()
    assert json.loads(json.dumps(data)) == data
    assert {"scenario", "missteps", "reactions", "moves", "reasons"} <= set(data)


situations = st.fixed_dictionaries(
    {},
    optional={
        "missteps": st.lists(st.sampled_from(sorted(MISSTEPS)) | st.text(max_size=12)),
        "time_since_days": st.integers(-5, 50_000) | st.floats() | st.text(max_size=5),
        "role_status": st.sampled_from(["open", "filled", "unknown"]) | st.text(max_size=8),
        "channel": st.sampled_from(["phone", "meeting"]) | st.text(max_size=8),
    },
)


@settings(max_examples=200, deadline=None)
@given(situations)
def test_classify_only_ever_raises_the_input_error(data: dict[str, object]) -> None:
    try:
        result = classify(data)
    except CourseInputError as exc:
        assert exc.field in {"missteps", "time_since_days", "role_status", "channel"}
        return
    assert isinstance(result, Classification)
    assert result.scenario == (2 if result.missteps else 1)
    assert result.reasons and all(isinstance(r, str) and r for r in result.reasons)
