"""Anonymous poll cards: what each learner chose, gathered by a facilitator for the debrief.

A card holds only the course's own ids and numbers: the learner's scenario, quiz scores,
role-play endings and the moves their draft review missed; never anything typed. Cards reach
the facilitator as files (:func:`read_cards`), uploads or the room service (:mod:`coursekit.room`).

>>> answers = {"situation": {"scenario": 2}, "quiz:03_scenarios": {"score": 2, "out_of": 3},
...            "roleplay:call_scenario1": {"ending_id": "end_s1_meeting"},
...            "reflection:why_now": "private words"}
>>> card = poll_card(answers, card_id="a1")
>>> card["scenario"], card["quizzes"], card["roleplays"], card["missed"]
(2, {'03_scenarios': [2, 3]}, {'call_scenario1': 'end_s1_meeting'}, [])
>>> "private words" in str(card), check_card({**card, "note": "<b>hi</b>"})
(False, 'has fields a card never has')
>>> summarise([card, {**card, "card_id": "b2", "scenario": 1}]).scenarios
{'Scenario 1': 1, 'Scenario 2': 1}
"""

from __future__ import annotations

import json
import re
import uuid
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import loader
from .entries import read_entries
from .interface import texts
from .knowledge import knowledge

CARD_FORMAT = "second-call-poll-card"
CARD_VERSION = 1
#: A card is a few hundred bytes; anything much bigger is not a card.
MAX_CARD_BYTES = 20_000
_CARD_ID = re.compile(r"[A-Za-z0-9_.-]{1,80}")
_ui = texts("engines.card")
_KEYS = frozenset({"format", "version", "card_id", "scenario", "quizzes", "roleplays", "missed"})


def _endings(roleplay_id: str) -> dict[str, str]:
    """Return the title of each ending of a role-play, by ending id."""
    nodes = loader.roleplays()[roleplay_id].nodes
    return {node.ending.id: node.ending.title for node in nodes if node.ending is not None}


def poll_card(answers: Mapping[str, object], card_id: str | None = None) -> dict[str, Any]:
    """Return an anonymous card of the learner's choices from their journal answers."""
    entries = read_entries(answers)
    quizzes = {name: [quiz.score, quiz.out_of] for name, quiz in entries.quizzes.items()
               if name in loader.quizzes()}
    roleplays = {name: play.ending_id for name, play in entries.roleplays.items()
                 if name in loader.roleplays() and play.ending_id in _endings(name)}
    review = entries.draft.review if entries.draft is not None else None
    missed = {move.id for move in review.moves if not move.covered} if review else set()
    return _card(card_id or uuid.uuid4().hex, entries.scenario, quizzes, roleplays,
                 missed & set(knowledge().moves))


def _card(card_id: str, scenario: object, quizzes: Mapping[str, Any],
          roleplays: Mapping[str, Any], missed: Iterable[str]) -> dict[str, Any]:
    """Return a card's fields in their fixed order, each list and table sorted."""
    return {"format": CARD_FORMAT, "version": CARD_VERSION, "card_id": card_id,
            "scenario": scenario, "quizzes": {name: list(v) for name, v in sorted(quizzes.items())},
            "roleplays": dict(sorted(roleplays.items())), "missed": sorted(missed)}


def write_card(answers: Mapping[str, object], folder: str | Path) -> Path:
    """Write the learner's new anonymous card into a folder (to hand in) and return its path."""
    card = poll_card(answers)
    target = Path(folder) / f"second-call-card-{card['card_id'][:12]}.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(card, indent=1) + "\n", encoding="utf-8")
    return target


def _score_ok(pair: object) -> bool:
    """Say whether a card's quiz score is ``[score, out_of]`` as a quiz could give it."""
    match pair:
        case [int(score), int(out_of)] if type(score) is int and type(out_of) is int:
            return 0 <= score <= out_of and 0 < out_of <= 100
    return False


def check_card(data: object) -> str | None:
    """Return what is wrong with a card (a reason a facilitator may read), or None if it is good.

    Every id must be one of this course's ids, and no other field may ride along. Cards from
    before the missed moves still count.
    """
    if not isinstance(data, dict) or data.get("format") != CARD_FORMAT:
        return _ui("foreign")
    if set(data) - _KEYS:
        return _ui("extra_fields")
    if not _KEYS - {"missed"} <= set(data):
        return _ui("missing")
    if data["version"] != CARD_VERSION:
        return _ui("version")
    if not isinstance(data["card_id"], str) or not _CARD_ID.fullmatch(data["card_id"]):
        return _ui("card_id")
    if data["scenario"] not in (1, 2, None) or isinstance(data["scenario"], bool):
        return _ui("scenario")
    quizzes, roleplays = data["quizzes"], data["roleplays"]
    if not isinstance(quizzes, dict) or not isinstance(roleplays, dict):
        return _ui("no_lists")
    if not set(quizzes) <= set(loader.quizzes()):
        return _ui("quiz")
    if not all(_score_ok(pair) for pair in quizzes.values()):
        return _ui("score")
    if not all(name in loader.roleplays() and isinstance(ending, str) and ending in _endings(name)
               for name, ending in roleplays.items()):
        return _ui("ending")
    missed = data.get("missed", [])
    if not isinstance(missed, list) or len(set(map(str, missed))) != len(missed):
        return _ui("missed")
    if not all(isinstance(move, str) and move in knowledge().moves for move in missed):
        return _ui("move")
    return None


def parse_card(data: object) -> tuple[dict[str, Any] | None, str]:
    """Return ``(card, "")`` for a good card (bytes or JSON data), rebuilt from its known fields
    only, else ``(None, why)``."""
    if isinstance(data, bytes):
        if len(data) > MAX_CARD_BYTES:
            return None, _ui("too_large")
        try:
            data = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            return None, _ui("not_json")
    problem = check_card(data)
    if problem or not isinstance(data, dict):
        return None, problem or ""
    return _card(data["card_id"], data["scenario"], data["quizzes"], data["roleplays"],
                 data.get("missed", [])), ""


def sort_cards(
    items: Iterable[tuple[str, object]],
) -> tuple[list[dict[str, Any]], list[tuple[str, str]]]:
    """Return the good cards among labelled items (bytes or JSON data), each card counted once,
    and ``(label, why)`` for every other item, ``why`` as "it has ..." or "a duplicate ..."."""
    good: list[dict[str, Any]] = []
    skipped: list[tuple[str, str]] = []
    seen: set[str] = set()
    for label, item in items:
        card, problem = parse_card(item)
        if card is None:
            skipped.append((label, _ui("it", problem=problem)))
        elif card["card_id"] in seen:
            skipped.append((label, _ui("duplicate")))
        else:
            seen.add(card["card_id"])
            good.append(card)
    return good, skipped


@dataclass(frozen=True)
class CardFolder:
    """The good cards read from a folder, and a message for each file that was skipped."""

    cards: tuple[dict[str, Any], ...]
    messages: tuple[str, ...]


def read_cards(folder: str | Path) -> CardFolder:
    """Read every ``*.json`` card in a folder, skipping foreign, corrupt and duplicate files."""
    root = Path(folder)
    if not root.is_dir():
        return CardFolder((), (_ui("no_folder", name=repr(root.name)),))
    cards, skipped = sort_cards((path.name, _head(path)) for path in sorted(root.glob("*.json")))
    # A file that is no card at all has always been worded without the "it is".
    bare = {_ui("it", problem=why): why.removeprefix("is ")
            for why in (_ui("not_json"), _ui("too_large"))}
    messages = (_ui("skipped_file", name=name, why=bare.get(why, why)) for name, why in skipped)
    return CardFolder(tuple(cards), tuple(messages))


def _head(path: Path) -> bytes:
    """Return a file's bytes, at most one more than a card may have (b"" if unreadable)."""
    try:
        with path.open("rb") as handle:
            return handle.read(MAX_CARD_BYTES + 1)
    except OSError:
        return b""


@dataclass(frozen=True)
class RoomSummary:
    """Counts and averages across the room's cards."""

    learners: int
    scenarios: dict[str, int] = field(default_factory=dict)
    quiz_percent: dict[str, int] = field(default_factory=dict)
    endings: dict[str, dict[str, int]] = field(default_factory=dict)


def summarise(cards: Iterable[Mapping[str, Any]]) -> RoomSummary:
    """Return how many learners chose each scenario, quiz averages and role-play endings."""
    cards = list(cards)
    scenarios: Counter[str] = Counter()
    got: Counter[str] = Counter()
    out_of: Counter[str] = Counter()
    endings: dict[str, Counter[str]] = {}
    for card in cards:
        scenario = card.get("scenario")
        scenarios[_ui("scenario_n", number=scenario) if scenario in (1, 2)
                  else _ui("not_classified")] += 1
        for name, (score, most) in card.get("quizzes", {}).items():
            got[name] += score
            out_of[name] += most
        for name, ending in card.get("roleplays", {}).items():
            endings.setdefault(name, Counter())[ending] += 1
    percent = {name: round(100 * got[name] / out_of[name]) for name in sorted(out_of)}
    return RoomSummary(len(cards), dict(sorted(scenarios.items())), percent,
                       {name: dict(sorted(c.items())) for name, c in sorted(endings.items())})


def titles() -> dict[str, str]:
    """Return the title of every quiz, role-play and ending a card may name, by id."""
    named = {quiz_id: quiz.title for quiz_id, quiz in loader.quizzes().items()}
    for roleplay_id, roleplay in loader.roleplays().items():
        named[roleplay_id] = roleplay.title
        named.update(_endings(roleplay_id))
    return named
