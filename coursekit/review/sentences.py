"""Split a draft into sentences, and fold a sentence into the plain form the cues match.

>>> text = "- I loved the team\\n- Sorry. I waited too long 😬 really"
>>> [text[a:b] for a, b in split_sentences(text)]
['I loved the team', 'Sorry.', 'I waited too long 😬', 'really']
>>> fold("I’m  SO sorry…")
"i'm so sorry..."
>>> text = "Sorry. If it's gone. I understand. It will count. And that's fair."
>>> [fold(text[a:b]) for a, b in split_sentences(text)]
['sorry.', "if it's gone, i understand.", "it will count, and that's fair."]
"""

from __future__ import annotations

import re
import unicodedata
from itertools import pairwise

__all__ = ["WORD", "fold", "split_sentences"]

_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
_QUOTES = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201b": "'", "\u02bc": "'", "\u2032": "'",
        "\u00b4": "'", "`": "'", "\u201c": '"', "\u201d": '"', "\u2010": "-", "\u2011": "-",
    }
)
_SPACE_LIKE = "\\s\u200b-\u200f\u2060\ufeff"
_BULLET = re.compile(
    r"(?:[-*+•·◦‣▪▫●○■□➢➤►→>~]+|\(?\d{1,3}[.)]|\(?[a-zA-Z]\))" f"[{_SPACE_LIKE}]+"
)
_SENTENCE_END = re.compile(
    r"(?:[.!?…。！？؟।]+|[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF][\uFE0F\u200D"
    r"\U0001F3FB-\U0001F3FF\U0001F000-\U0001FAFF\u2600-\u27BF]*)[\"'”’»)\]]*"
    r"(?:</?[a-zA-Z][\w-]*\s?/?>)*"
    f"(?=[{_SPACE_LIKE}]|$)"
)
_ABBREVIATIONS = frozenset(
    {"mr", "mrs", "ms", "dr", "prof", "st", "etc", "vs", "approx", "e.g", "i.e", "jr",
     "sr", "inc", "ltd"}
)
_LAST_WORD = re.compile(r"([\w.]+)\.*$")
#: A short clause that opens with "if" or the like and holds no comma ("If it's gone.") is not
#: a sentence of its own: ended by a full stop, it runs on into the next, and is read as if a
#: comma ended it ("If it's gone. I understand." is read "if it's gone, i understand.").
_LEAD = (
    r"(?:if|even if|whatever|whichever|unless|in case|should|assuming|supposing|provided|"
    r"when|since|although|though|because|once)\b"
)
_LEAD_CLAUSE = re.compile(_LEAD + r"[^,;:.?!\-–—]*$", re.IGNORECASE)
_LEAD_STOP = re.compile(rf"^({_LEAD}[^,;:.?!\-–—\n]*\w)\.(?= \w)", re.MULTILINE)
_LEAD_CLAUSE_WORDS = 12
#: So is a short remark that only judges what the sentence before said ("I know it will count
#: against me. And that's fair."): it is read as the end of that sentence, after a comma.
_TAIL = (
    r"(?:and |but )?(?:(?:that|which|this|it)(?:'s| is| was| would be|'d be| will be|'ll be|"
    r" seems)|rightly|quite rightly|as it should|so it should|and so it should)\b"
)
_TAIL_CLAUSE = re.compile(_TAIL + r"[^,;:.?!\-–—]*$", re.IGNORECASE)
_TAIL_STOP = re.compile(rf"(?<=\w)\. ({_TAIL}[^,;:.?!\-–—\n]*[.!]?)$", re.MULTILINE)
_TAIL_WORDS = 5
_HAS_END = re.compile(r"[.!?…。！？؟।]")
_RUN_ON_BREAK = re.compile(
    r"\s(?=(?:but|however|anyway|also|plus|and i|and if|so i|and now|now i|and since|"
    r"then i|and also)\b)",
    re.IGNORECASE,
)
_RUN_ON_WORDS = 25
_RUN_ON_MIN_PIECE = 3
#: A longer stretch without a break is read in pieces of this many words, which keeps every
#: cue's search within one piece short (a pasted wall of text once took minutes).
_MAX_WORDS = 150
WORD = re.compile(r"\w+")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return (start, end) spans of the sentences in already-cleaned text.

    Newlines and bullet markers start a new sentence; so do full stops, question and
    exclamation marks and emoji. A long line with no punctuation at all is broken before
    words like "but" or "and I" (examples in the module docstring).
    """
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        start = offset
        offset += len(line) + 1
        bullet = _BULLET.match(line)
        cursor = bullet.end() if bullet else 0
        pieces: list[tuple[int, int]] = []
        for end in _SENTENCE_END.finditer(line, cursor):
            if end.group().startswith(".") and (
                _is_abbreviation(line[cursor : end.start()])
                or _is_lead_clause(line[cursor : end.start()])
            ):
                continue
            _add_piece(line, pieces, cursor, end.end())
            cursor = end.end()
        _add_piece(line, pieces, cursor, len(line))
        first = len(spans)
        for a, b in pieces:
            for c, d in [cut for run in _break_run_on(line, a, b) for cut in _cap(line, *run)]:
                c, d = _trim(line, c, d)
                if c >= d:
                    continue
                if len(spans) > first and not WORD.search(line, c, d):
                    spans[-1] = (spans[-1][0], start + d)  # stray ". . ." joins the sentence
                else:
                    spans.append((start + c, start + d))
    return spans


def _add_piece(line: str, pieces: list[tuple[int, int]], a: int, b: int) -> None:
    """Add a piece of a line, or join it to the one before when it is a short tail remark."""
    if pieces and line[: pieces[-1][1]].rstrip().endswith(".") and _is_tail(line[a:b]):
        pieces[-1] = (pieces[-1][0], b)
    else:
        pieces.append((a, b))


def _is_tail(piece: str) -> bool:
    piece = piece.strip().rstrip(".!")
    return bool(_TAIL_CLAUSE.match(piece)) and len(WORD.findall(piece)) <= _TAIL_WORDS


def _is_lead_clause(piece: str) -> bool:
    piece = piece.strip()
    return bool(_LEAD_CLAUSE.match(piece)) and len(WORD.findall(piece)) <= _LEAD_CLAUSE_WORDS


def _is_abbreviation(before: str) -> bool:
    match = _LAST_WORD.search(before)
    return match is not None and match.group(1).casefold() in _ABBREVIATIONS


def _break_run_on(line: str, a: int, b: int) -> list[tuple[int, int]]:
    chunk = line[a:b]
    if _HAS_END.search(chunk) or len(WORD.findall(chunk)) <= _RUN_ON_WORDS:
        return [(a, b)]
    cuts = [a]
    for match in _RUN_ON_BREAK.finditer(chunk):
        cut = a + match.start()
        if len(WORD.findall(line, cuts[-1], cut)) >= _RUN_ON_MIN_PIECE:
            cuts.append(cut)
    if len(cuts) > 1 and len(WORD.findall(line, cuts[-1], b)) < _RUN_ON_MIN_PIECE:
        cuts.pop()
    cuts.append(b)
    return list(pairwise(cuts))


def _cap(line: str, a: int, b: int) -> list[tuple[int, int]]:
    starts = [match.start() for match in WORD.finditer(line, a, b)]
    if len(starts) <= _MAX_WORDS:
        return [(a, b)]
    return list(pairwise([a, *starts[_MAX_WORDS::_MAX_WORDS], b]))


def _trim(line: str, a: int, b: int) -> tuple[int, int]:
    while a < b and (line[a].isspace() or _INVISIBLE.match(line[a])):
        a += 1
    while b > a and (line[b - 1].isspace() or _INVISIBLE.match(line[b - 1])):
        b -= 1
    return a, b


def fold(sentence: str) -> str:
    """Return text folded for matching: no invisible marks, straight quotes, casefolded.

    Runs of spaces become one space; line breaks stay, so many sentences fold in one call.
    """
    text = _INVISIBLE.sub("", sentence)
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    text = "\n".join(" ".join(line.split()) for line in text.split("\n"))
    return _TAIL_STOP.sub(_tail_comma, _LEAD_STOP.sub(_lead_comma, text))


def _tail_comma(match: re.Match[str]) -> str:
    """Return a short tail remark after a comma instead of a full stop."""
    return (", " if _is_tail(match.group(1)) else ". ") + match.group(1)


def _lead_comma(match: re.Match[str]) -> str:
    """Return a run-on lead clause ended by a comma instead of its full stop, if it is short."""
    clause = match.group(1)
    return clause + ("," if _is_lead_clause(clause) else ".")
