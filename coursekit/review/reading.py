"""How the reviewer reads a sentence: spelling, typos, negation and bare mentions.

The rules are data in ``coursekit/content/review/language.toml`` (read by ``language``): texting
forms and common misspellings, which words negate and how far, and what a bare mention looks
like, "your" read as "you're" ("your not"), and fillers set off by commas or dashes, read as
one softened word (``~``) without the marks. Two fixed rules sit in code: "should of" is read
"should have", and a question mark after a word is set apart ("you ?") so a cue can ask for a
question.

>>> sentence = read("tbh i shouldnt of ghosted u")
>>> sentence.folded
"tbh i shouldn't have ghosted you"
>>> read("if ur not keen").folded
"if you're not keen"
>>> read("I didn't, I think, enjoy it").folded
"i didn't ~ enjoy it"
>>> negated(read("I'm not going to pretend I'm sorry"), 31)
True
>>> negated(read("I can't tell you how sorry I am"), 20)
False
>>> only_mentions(read("the offer i backed out of"), 12)
True
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import cache, cached_property

from .cues import soften
from .language import Language, language
from .loader import cues
from .sentences import WORD, fold

__all__ = [
    "TOKEN", "Language", "Sentence", "language", "negated", "only_mentions", "read", "read_all"
]

TOKEN = re.compile(r"\w[\w']*")
_REPEAT = re.compile(r"(\w)\1{2,}")
_SCOPE_MARK = re.compile(r"[,;:()\-–—.?!]")  # ends a negation's reach
#: Splits a sentence into parts for `same_clause`; a dash does not (it often sets off an aside).
_CLAUSE_MARK = re.compile(r"[;:()]")
_BRACKETED = re.compile(r"\([^()\n]*\)")  # an aside in brackets splits nothing
#: "should of" is read as "should have" (not in "would of course").
_SHOULD_OF = re.compile(r"\b((?:should|could|would|must)(?:n't)?) of\b(?! course)")
_QUESTION = re.compile(r"(?<=\w)\?")  # "you?" is read "you ?", so a cue can look for the mark
#: No cue word is this long: a longer word is not read as a typo of one (and costs no search).
_LONGEST_WORD = 30
_CLAUSE_WORD = re.compile(r"\b(?:but|however|although|though|whereas|yet)\b")


def _likely_typo(token: str, word: str) -> bool:
    """Say whether ``token`` is more likely a typo of ``word`` than a word of its own.

    A typo keeps the first letter, and is not the word with an ending added or dropped
    ("plan" and "plans", "though" and "thought" are different words).
    """
    return token[0] == word[0] and not (token.startswith(word) or word.startswith(token))


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


@cache
def _cue_words() -> tuple[frozenset[str], tuple[str, ...], dict[str, str]]:
    """Return the words the cue phrases use, the stems written with ``*``, and typo forms.

    A typo form is a cue word of five letters or more with one letter missing: a word read
    with one letter added, changed or swapped has a deletion in common with it.
    """
    written = {
        word
        for move in cues().values()
        for cue in move
        for family in (*cue.families, *([cue.exclude] if cue.exclude else []))
        for phrase in family.phrases
        if not phrase.startswith("re:")
        for word in re.findall(r"\w[\w'*]*", phrase.casefold())
    }
    vocabulary = {word.rstrip("*") for word in written}
    near: dict[str, str] = {}
    for word in sorted(vocabulary):
        if len(word) > 4 and "'" not in word:
            for variant in _deletions(word) | {word}:
                near.setdefault(variant, word)
    stems = tuple(sorted(word.rstrip("*") for word in written if word.endswith("*")))
    return frozenset(vocabulary), stems, near


@cache
def _respell(token: str) -> str:
    """Return how the reviewer reads one word: texting forms, stretched letters, typos."""
    rules = language()
    vocabulary, stems, near = _cue_words()
    if token in rules.spelling:
        return rules.spelling[token]
    if (
        token in vocabulary
        or token in rules.keep
        or token in rules.known
        or len(token) < rules.min_length
    ):
        return token
    if token.startswith(stems):
        return token
    doubled = _REPEAT.sub(r"\1\1", token)  # "fillled" is "filled", "soooo" is "so"
    if doubled != token:
        known = doubled in vocabulary or doubled in rules.known
        return doubled if known else _respell(_REPEAT.sub(r"\1", token))
    if "'" in token or token.isdigit() or len(token) > _LONGEST_WORD:
        return token
    if token in near and _likely_typo(token, near[token]):  # one letter missing
        return near[token]
    for variant in sorted(_deletions(token)):  # one letter added, changed or swapped
        if variant in near and _likely_typo(token, near[variant]):
            return near[variant]
    return token


class Sentence:
    """One sentence: as written, as read (folded, respelled), and where its words start."""

    def __init__(self, text: str, folded: str) -> None:
        self.text = text
        self.folded = folded

    @cached_property
    def starts(self) -> tuple[int, ...]:
        """Return where each word of ``folded`` starts."""
        return tuple(m.start() for m in WORD.finditer(self.folded))

    @cached_property
    def clauses(self) -> tuple[int, ...]:
        """Return the index of the first word after each clause break, in order."""
        marks = [m.start() for m in _CLAUSE_MARK.finditer(self.folded)]
        marks += [m.start() for m in _CLAUSE_WORD.finditer(self.folded)]
        asides = [m.span() for m in _BRACKETED.finditer(self.folded)]
        marks = [mark for mark in marks if not any(a <= mark < b for a, b in asides)]
        return tuple(sorted(bisect_right(self.starts, mark) for mark in marks))

    def word_at(self, position: int) -> int:
        """Return the index of the word at or before a character position of ``folded``."""
        return bisect_right(self.starts, position) - 1

    def clause_of(self, word: int) -> int:
        """Return which part of the sentence (split at 'but' ';' and the like) a word is in."""
        return bisect_right(self.clauses, word)


def read_all(texts: Sequence[str]) -> list[Sentence]:
    """Read sentences, none holding a newline, in one pass: fold, then respell each word."""
    if not texts:
        return []
    # A writer's own `~` is not a softened word: only :func:`soften` writes one for the cues.
    joined = fold("\n".join(texts)).replace("~", " ")
    respelled = {t: r for t in set(TOKEN.findall(joined)) if (r := _respell(t)) != t}
    if respelled:  # a word (as TOKEN finds it: after any leading apostrophes) is replaced
        alternatives = "|".join(map(re.escape, sorted(respelled, key=len, reverse=True)))
        pattern = re.compile(rf"(?<![\w'])('*)({alternatives})(?![\w'])")
        joined = pattern.sub(lambda m: m.group(1) + respelled[m.group(2)], joined)
    rules = language()
    joined = rules.youre.sub("you're ", _SHOULD_OF.sub(r"\1 have", joined))
    folded = rules.aside.sub(" ~ ", soften(_QUESTION.sub(" ?", joined), rules.softener))
    return [Sentence(text, line) for text, line in zip(texts, folded.split("\n"), strict=True)]


def read(text: str) -> Sentence:
    """Read one sentence: fold it, then respell each word."""
    return read_all([" ".join(text.split("\n"))])[0]


#: How far back (in characters) the negation and mention rules look; a clause is rarely longer.
_LOOK_BACK = 240
#: How far past the anchor a phrase that does not negate may reach ("haven't *stopped*").
_LOOK_AHEAD = 40


def _clause_before(sentence: Sentence, position: int) -> str:
    """Return the text of the anchor's clause up to the anchor (at most ``_LOOK_BACK`` long)."""
    before = sentence.folded[max(0, position - _LOOK_BACK) : position]
    marks = [m.end() for m in _SCOPE_MARK.finditer(before)]
    marks += [m.start() for m in _CLAUSE_WORD.finditer(before)]
    return before[max(marks, default=0) :]


def _is_negator(word: str, rules: Language) -> bool:
    return word in rules.negators or word.endswith("n't")


def negated(sentence: Sentence, position: int) -> bool:
    """Say whether a negation word governs the anchor starting at ``position``.

    The nearest negation within reach counts unless a stop word comes between, it starts a
    phrase that does not negate ("can't stop"), or an earlier negation in the clause cancels it.
    """
    rules = language()
    clause = _clause_before(sentence, position)
    ahead = clause + sentence.folded[position : position + _LOOK_AHEAD]  # "haven't stopped"
    words = [(m.start(), m.group()) for m in TOKEN.finditer(clause)]
    counted = 0
    for index in range(len(words) - 1, -1, -1):
        start, word = words[index]
        if _is_negator(word, rules):
            between = {w for _, w in words[index + 1 :]}
            if between & rules.stops:
                return False
            if any(m.start() <= start < m.end() for m in rules.pseudo.finditer(ahead)):
                return False
            earlier = [w for _, w in words[:index]]
            return not any(_is_negator(w, rules) for w in earlier)
        if word not in rules.skip:
            counted += 1
            if counted > rules.reach:
                return False
    return False


def only_mentions(sentence: Sentence, position: int) -> bool:
    """Say whether the anchor at ``position`` only names the offer or the speaker."""
    clause = _clause_before(sentence, position)
    return any(pattern.search(clause) for pattern in language().mention)
