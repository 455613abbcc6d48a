"""Anonymous poll cards: what each learner chose, gathered by a facilitator for the debrief.

A card holds only choices — the learner's scenario, quiz scores and role-play endings, each
one of the course's own ids — and nothing typed freehand. A facilitator collects the cards in
a folder and reads them back as a summary of the room, shown as text bar charts.

>>> answers = {"situation": {"scenario": 2}, "quiz:03_scenarios": {"score": 2, "out_of": 3},
...            "roleplay:call_scenario1": {"ending_id": "end_s1_meeting"},
...            "reflection:why_now": "private words"}
>>> card = poll_card(answers, card_id="a1")
>>> card["scenario"], card["quizzes"], card["roleplays"]
(2, {'03_scenarios': [2, 3]}, {'call_scenario1': 'end_s1_meeting'})
>>> "private words" in str(card)
False
>>> summary = summarise([card, {**card, "card_id": "b2", "scenario": 1}])
>>> print(bar_chart("Scenario", summary.scenarios))
Scenario
  Scenario 1  ████████████████████ 1
  Scenario 2  ████████████████████ 1
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

__all__ = [
    "CARD_FORMAT",
    "CardFolder",
    "RoomSummary",
    "bar_chart",
    "poll_card",
    "read_cards",
    "room_report",
    "summarise",
    "titles",
    "write_card",
]

CARD_FORMAT = "second-call-poll-card"
CARD_VERSION = 1
_MAX_CARD_BYTES = 20_000
_ID = re.compile(r"^[A-Za-z0-9_.-]{1,80}$")


def _int(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def poll_card(answers: Mapping[str, object], card_id: str | None = None) -> dict[str, Any]:
    """Return an anonymous card of the learner's choices from their journal answers."""
    known_roleplays, known_quizzes = loader.roleplays(), loader.quizzes()
    entries = read_entries(answers)
    quizzes = {
        name: [entry.score, entry.out_of]
        for name, entry in entries.quizzes.items()
        if name in known_quizzes
    }
    roleplays = {
        name: entry.ending_id
        for name, entry in entries.roleplays.items()
        if name in known_roleplays and entry.ending_id in _ending_ids(name)
    }
    return {
        "format": CARD_FORMAT,
        "version": CARD_VERSION,
        "card_id": card_id or uuid.uuid4().hex,
        "scenario": entries.scenario,
        "quizzes": dict(sorted(quizzes.items())),
        "roleplays": dict(sorted(roleplays.items())),
    }


def _ending_ids(roleplay_id: str) -> set[str]:
    known_roleplays = loader.roleplays()

    return {n.ending.id for n in known_roleplays[roleplay_id].nodes if n.ending is not None}


def write_card(answers: Mapping[str, object], folder: str | Path) -> Path:
    """Write a new anonymous card into a folder and return its path."""
    card = poll_card(answers)
    target = Path(folder) / f"second-call-card-{card['card_id'][:12]}.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(card, indent=1) + "\n", encoding="utf-8")
    return target


def _check_card(data: object) -> str | None:
    """Return what is wrong with a card, or None if it is a good one."""
    if not isinstance(data, dict) or data.get("format") != CARD_FORMAT:
        return "is not a Second Call poll card"
    if data.get("version") != CARD_VERSION:
        return f"has an unknown card version {data.get('version')!r}"
    if not isinstance(data.get("card_id"), str) or not _ID.match(data["card_id"]):
        return "has no valid card id"
    if data.get("scenario") not in (1, 2, None):
        return "has an unknown scenario"
    quizzes, roleplays = data.get("quizzes"), data.get("roleplays")
    if not isinstance(quizzes, dict) or not isinstance(roleplays, dict):
        return "is missing its quizzes or role-plays"
    for name, pair in quizzes.items():
        ok = (
            _ID.match(name)
            and isinstance(pair, list)
            and len(pair) == 2
            and all(_int(x) is not None for x in pair)
            and 0 <= pair[0] <= pair[1]
            and pair[1] > 0
        )
        if not ok:
            return "has a malformed quiz score"
    if not all(_ID.match(k) and isinstance(v, str) and _ID.match(v) for k, v in roleplays.items()):
        return "has a malformed role-play ending"
    return None


@dataclass(frozen=True)
class CardFolder:
    """The good cards read from a folder, and a message for each file that was skipped."""

    cards: tuple[dict[str, Any], ...]
    messages: tuple[str, ...]


def read_cards(folder: str | Path) -> CardFolder:
    """Read every ``*.json`` card in a folder, skipping foreign, corrupt and duplicate files."""
    cards: list[dict[str, Any]] = []
    messages: list[str] = []
    seen: set[str] = set()
    root = Path(folder)
    if not root.is_dir():
        return CardFolder((), (f"No folder called {root.name!r} was found.",))
    for path in sorted(root.glob("*.json")):
        try:
            if path.stat().st_size > _MAX_CARD_BYTES:
                messages.append(f"Skipped {path.name}: too large to be a poll card.")
                continue
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError, RecursionError):
            messages.append(f"Skipped {path.name}: not readable JSON.")
            continue
        problem = _check_card(data)
        if problem:
            messages.append(f"Skipped {path.name}: it {problem}.")
            continue
        if data["card_id"] in seen:
            messages.append(f"Skipped {path.name}: a duplicate of a card already counted.")
            continue
        seen.add(data["card_id"])
        cards.append(data)
    return CardFolder(tuple(cards), tuple(messages))


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
    scores: dict[str, list[int]] = {}
    endings: dict[str, Counter[str]] = {}
    for card in cards:
        scenario = card.get("scenario")
        scenarios[f"Scenario {scenario}" if scenario in (1, 2) else "Not classified"] += 1
        for name, (score, out_of) in card.get("quizzes", {}).items():
            total = scores.setdefault(name, [0, 0])
            total[0] += score
            total[1] += out_of
        for name, ending in card.get("roleplays", {}).items():
            endings.setdefault(name, Counter())[ending] += 1
    return RoomSummary(
        learners=len(cards),
        scenarios=dict(sorted(scenarios.items())),
        quiz_percent={
            name: round(100 * got / out_of) for name, (got, out_of) in sorted(scores.items())
        },
        endings={name: dict(sorted(c.items())) for name, c in sorted(endings.items())},
    )


def bar_chart(title: str, counts: Mapping[str, int], unit: str = "") -> str:
    """Return a text bar chart: one labelled bar per entry, with its number written out."""
    lines = [title]
    if not counts:
        return f"{title}\n  (no data yet)"
    width = max(len(label) for label in counts)
    top = max(counts.values()) or 1
    for label, value in counts.items():
        bar = "█" * max(1, round(20 * value / top)) if value else ""
        lines.append(f"  {label.ljust(width)}  {bar} {value}{unit}")
    return "\n".join(lines)


def _ending_titles() -> dict[str, str]:
    known_roleplays = loader.roleplays()

    return {
        node.ending.id: node.ending.title
        for roleplay in known_roleplays.values()
        for node in roleplay.nodes
        if node.ending is not None
    }


def titles() -> dict[str, str]:
    """Return the title of every quiz, role-play and ending a card may name, by id."""
    named = {quiz_id: quiz.title for quiz_id, quiz in loader.quizzes().items()}
    named.update({roleplay_id: rp.title for roleplay_id, rp in loader.roleplays().items()})
    named.update(_ending_titles())
    return named


def room_report(folder: str | Path) -> str:
    """Return the whole debrief for a folder of cards: skipped files, then the charts."""
    found = read_cards(folder)
    summary = summarise(found.cards)
    parts = [f"Cards counted: {summary.learners}"]
    parts.extend(found.messages)
    parts.append("")
    parts.append(bar_chart("Which scenario the room is in", summary.scenarios))
    parts.append("")
    parts.append(bar_chart("Average quiz score", summary.quiz_percent, "%"))
    titles = _ending_titles()
    for name, counts in summary.endings.items():
        named = {titles.get(ending, ending): count for ending, count in counts.items()}
        parts.append("")
        parts.append(bar_chart(f"How the {name} role-play ended", named))
    return "\n".join(parts)
