"""The reviewer's accuracy on its labelled corpus (tests/data/reviewer/, see the README there).

The tuning set (every tuning*.toml file: the tuning two-thirds, plus the items added later)
must stay at 0.95 or more per move (a regression guard while rules change). The held-out files
(every heldout*.toml) are only scored by benchmarks/bench_reviewer_accuracy.py; here their
hashes are pinned, so editing one (for example to tune on it) fails loudly.
"""

from __future__ import annotations

import functools
import hashlib
import re
import tomllib
from pathlib import Path

import pytest
from content_names import MOVES

from coursekit.review import review_turn

CORPUS = Path(__file__).resolve().parent / "data" / "reviewer"
#: The held-out files and their pinned hashes: the first third, then the held-out shares of eleven
#: writers who had not seen the rules.
HELDOUT_SHA256 = {
    "heldout": "4fdcbd7bb5698e897fbb93e49bc28f340aaa89697246e8c5e9b3c0c73245ecc7",
    "heldout_fresh": "df966e2f7029027ab5a753ad0aae0840ad0777e1ab093a816fd697217ca56cc4",
    "heldout_dev2": "1420fea81276d819d38b0c15fc88956d4c73454ee019f0d584906ec277d2ae14",
    "heldout_dev3": "704a84543f6e683cd7f248f0105e028a2aa69b31ab516e7331a8383d52d58b28",
    "heldout_dev4": "8cf2325fd5b59d1913b24ecd46ed6fb2a8200d0b7637582b7b632ab8b9fc45b0",
    "heldout_dev5": "affcc8c5f7bb672421372409744e0851588ee8c28af6e350e563cc29c16f5c3e",
    "heldout_dev6": "7110d9f27f20b8a4c51e8235a2876ba9751c471a63f7f05a74d2c9947e37074e",
    "heldout_dev7": "5e7d804b1c3cf3ae581782af02fab9f96e0451b219613e267c60b04e9c982363",
    "heldout_dev8": "281dd12674101064ce370764df03687e2ac0b3aa0665f5bf3fbf7fdf5eab37f8",
    "heldout_dev9": "1b9348f12c816eeb6bb7115c1176674ab5f0e0a38d462b2c82ec13e70abe0ff8",
    "heldout_dev10": "984cbaeda6336e9a9e22ea7d1460a4d947f4c3ddd42195596f9e9e2c991837f7",
    "heldout_dev11": "e32c9ba195b2dc3600fd4a4eb7f90c85fc7353e044225b37675d6255b44f4cbc",
    "heldout_dev26": "37db981cdf4b2a71ce3d1a75e0181c3e1cdb99945e2ad129e2b864bdb76fcd2a",
    "heldout_dev27": "a683651793e69d191578211950cbdaa06277f322b34a69a2f02c367010af6379",
    "heldout_dev28": "15bb39616923217b1dd415ea00cf3e72c74416c0cf257c041ff979475efccf8a",
    "heldout_dev29": "a20f6a89233d014b56a2bdd053ced095727b0b8e1b63ad66543a156f53376d23",
    "heldout_dev30": "167d2bd5035b647a61c060bbace13b1a38a38a31e317afdfead5cd0a85c4cd66",
}
TARGET = 0.95
#: A practice-call turn may open with the manager's line ("[Manager: ...]") for the labeller's
#: context. In the course only the learner's own words reach the reviewer: only they are reviewed.
MANAGER_LINE = re.compile(r"^\s*\[Manager:[^\]]*\]\s*")


@functools.cache  # read once: several tests go through every item (callers only read them)
def _items(name: str) -> list[dict[str, object]]:
    with (CORPUS / f"{name}.toml").open("rb") as handle:
        items: list[dict[str, object]] = tomllib.load(handle)["item"]
    return items


def test_the_held_out_third_is_unchanged() -> None:
    found = sorted(path.stem for path in CORPUS.glob("heldout*.toml"))
    assert found == sorted(HELDOUT_SHA256), "a held-out file was added or removed"
    for name, pinned in HELDOUT_SHA256.items():
        digest = hashlib.sha256((CORPUS / f"{name}.toml").read_bytes()).hexdigest()
        assert digest == pinned, f"{name}.toml changed: a held-out file must not be edited"


TUNING_FILES = sorted(path.stem for path in CORPUS.glob("tuning*.toml"))


def _tuning() -> list[dict[str, object]]:
    return [item for name in TUNING_FILES for item in _items(name)]


def _fingerprint(text: object) -> str:
    """Return a hash of a text with case and spacing ignored (held-out texts are compared so)."""
    return hashlib.sha256(" ".join(str(text).casefold().split()).encode()).hexdigest()


def test_tuning_items_share_no_text_with_the_held_out_third() -> None:
    held_out = {_fingerprint(item["text"]) for name in HELDOUT_SHA256 for item in _items(name)}
    shared = [item["id"] for item in _tuning() if _fingerprint(item["text"]) in held_out]
    assert shared == [], "tuning items that repeat a held-out text"
    ids = [item["id"] for item in _tuning()]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("name", [*HELDOUT_SHA256, *TUNING_FILES])
def test_corpus_items_are_well_formed(name: str) -> None:
    items = _items(name)
    ids = [item["id"] for item in items]
    assert len(ids) == len(set(ids))
    for item in items:
        assert isinstance(item["text"], str) and item["text"].strip()
        assert isinstance(item["voice"], str) and item["voice"]
        labels = item["moves"]
        assert isinstance(labels, list) and set(labels) <= set(MOVES), item["id"]


def test_the_corpus_is_big_and_split_in_thirds() -> None:
    """The corpus as first built is split in thirds; tuning_added.toml only adds tuning items."""
    heldout, tuning = _items("heldout"), _items("tuning")
    assert len(heldout) + len(tuning) >= 180
    assert abs(len(heldout) / (len(heldout) + len(tuning)) - 1 / 3) < 0.02
    voices = {item["voice"] for item in heldout} & {item["voice"] for item in tuning}
    for voice in ("very short", "rambling", "formal", "texting", "non-native", "typos",
                  "negation", "hedged", "bare mention"):
        assert voice in voices
    for items in (heldout, tuning):  # every move is labelled present and absent in both sets
        for move in MOVES:
            present = sum(move in item["moves"] for item in items)  # type: ignore[operator]
            assert 8 <= present < len(items)


@pytest.fixture(scope="module")
def found_in_tuning() -> dict[str, set[str]]:
    """Review each tuning item once for every move (each move is checked on its own)."""
    found: dict[str, set[str]] = {}
    for item in _tuning():
        review = review_turn(MANAGER_LINE.sub("", str(item["text"])), list(MOVES))
        found[str(item["id"])] = {move for move in MOVES if review.made(move)}
    return found


@pytest.mark.parametrize("move", list(MOVES))
def test_tuning_precision_and_recall_stay_high(
    move: str, found_in_tuning: dict[str, set[str]]
) -> None:
    hits = false_alarms = misses = 0
    wrong: list[str] = []
    for item in _tuning():
        labelled = move in item["moves"]  # type: ignore[operator]
        found = move in found_in_tuning[str(item["id"])]
        hits += found and labelled
        false_alarms += found and not labelled
        misses += labelled and not found
        if found != labelled:
            wrong.append(f"{item['id']}: {item['text']}")
    precision = hits / (hits + false_alarms) if hits + false_alarms else 1.0
    recall = hits / (hits + misses) if hits + misses else 1.0
    assert precision >= TARGET and recall >= TARGET, "\n".join(wrong)
