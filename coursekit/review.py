"""Review a learner's freehand draft of the call opener against the column's moves.

The reviewer is rule-based and transparent: every move has a few *cues*, and each cue is a
plain-words description plus one or more *word families* (lists of phrases) that must appear
close together in one sentence of the draft. The cues are ordinary data in :data:`CUES`, so a
learner can read exactly what the reviewer looks for (:func:`describe_cues`) and what it cannot
judge (:data:`LIMITS`).

>>> draft = '''I really enjoyed meeting your team and the role still appeals to me.
... I turned it down because I was nervous about leaving a safe job.
... If you have already hired someone, I completely understand.'''
>>> review = review_draft(draft, 1)
>>> review.summary()
'3 of 3 moves covered'
>>> [(move.id, move.covered) for move in review.moves]
[('reaffirm', True), ('explain_change', True), ('easy_out', True)]
>>> review.moves[2].evidence
'If you have already hired someone, I completely understand.'
>>> missing = review_draft("I'm calling about the position.", 2)
>>> missing.covered_count, missing.order_ok
(0, True)
>>> missing.summary()
'0 of 6 moves covered'
>>> missing.moves[0].tip.startswith("Name what you did")
True
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from types import MappingProxyType

from .errors import CourseInputError
from .knowledge import knowledge
from .textsafe import MAX_DRAFT_CHARS, clean_text

__all__ = [
    "CUES",
    "LIMITS",
    "REPAIR_MOVES",
    "TIPS",
    "Cue",
    "Family",
    "MoveCheck",
    "Review",
    "describe_cues",
    "review_draft",
    "split_sentences",
]

#: What the reviewer cannot judge, shown beside every review.
LIMITS = (
    "This review only spots the moves by their wording, one sentence at a time. It cannot "
    "judge your tone, whether you mean it, whether you are being honest, or whether your "
    "reason for changing your mind is a good one. It misses sarcasm and jokes, and it only "
    "catches simple negation (a 'not', 'never' or '-n't' word just before the key word), so "
    "a phrase like 'I don't think I was ever excited' can still count. It cannot tell "
    "which job you are talking about, or whether a sentence is about the manager or "
    "someone else. It reads English only: a draft in another language gets no credit "
    "even when it makes every move. A move said in unusual words may be missed, and a "
    "move mentioned in passing may be credited, so treat the result as a prompt to reread "
    "your draft, not as a grade."
)

#: The Scenario 2 moves that repair the misstep; they belong before the explanation.
REPAIR_MOVES: tuple[str, ...] = ("own_misstep", "invite_response", "permission")

#: A short suggestion, in our own words, for adding each move when it is missing.
TIPS: Mapping[str, str] = MappingProxyType(
    {
        "reaffirm": "Say what genuinely drew you to the role or the team, for example the "
        "work itself or the people you met.",
        "explain_change": "Add a sentence on why you said no and what has changed since; "
        "'I've changed my mind' on its own is not yet a reason.",
        "easy_out": "Let them off the hook: say you'd understand if the role has been "
        "filled, and ask to be kept in mind for other openings.",
        "own_misstep": "Name what you did (for example, waiting too long or going quiet), "
        "say what it cost them, and apologise for that.",
        "invite_response": "Pause and ask how it was for them, for example 'How did that "
        "land for you?', then listen.",
        "permission": "Tell them it is fair to take what happened into account when they "
        "decide.",
    }
)

# --------------------------------------------------------------------------------------------
# Word families and cues: the data the reviewer runs on.
# --------------------------------------------------------------------------------------------

_GAP = "..."  # in a phrase, stands for "up to four other words here"
# Gaps never cross a newline: the reviewer matches all sentences at once, one per line.
_WORD_BREAK = r"[^\w\n]+"
_WORD_GAP = r"[^\w\n]+(?:\w+[^\w\n]+){0,4}?"


def _phrase_symbols(phrase: str) -> tuple[str, ...]:
    """Turn one plain phrase into a sequence of small regex pieces, one per character."""
    symbols: list[str] = []
    pending_gap = False
    for word in phrase.casefold().split():
        if word == _GAP:
            pending_gap = True
            continue
        if symbols:
            symbols.append(_WORD_GAP if pending_gap else _WORD_BREAK)
        pending_gap = False
        stem = word.endswith("*")
        for char in word.rstrip("*"):
            if char == "'":
                symbols.append("'?")
            elif char == "-":
                symbols.append(r"[- ]?")
            else:
                symbols.append(re.escape(char))
        if stem:
            symbols.append(r"\w*")
    return tuple(symbols)


_ONE_WORD_CHAR = re.compile(r"\w")


def _first_word(symbols: tuple[str, ...]) -> tuple[str, bool]:
    """Return the word characters a phrase's pattern starts with, and whether they are a whole word.

    A match can only begin where a word of the draft starts with these characters (the
    pattern needs a word boundary before the match and consumes them literally); when a word
    break follows them in the phrase, or nothing does, that word must be exactly them.
    """
    letters: list[str] = []
    for symbol in symbols:
        if not _ONE_WORD_CHAR.fullmatch(symbol):
            return "".join(letters), symbol in (_WORD_BREAK, _WORD_GAP)
        letters.append(symbol)
    return "".join(letters), True


_Trie = dict[str, "_Trie"]


def _trie_regex(sequences: set[tuple[str, ...]]) -> str:
    """Return one regex for many phrases, sharing common beginnings so it stays fast."""
    trie: _Trie = {}
    for sequence in sequences:
        node = trie
        for symbol in sequence:
            node = node.setdefault(symbol, {})
        node[""] = {}  # the phrase may end here
    return _trie_node_regex(trie)


def _trie_node_regex(node: _Trie) -> str:
    """Return the regex for one trie node; longer continuations are tried first."""
    branches = [
        symbol + _trie_node_regex(node[symbol]) if symbol else ""
        for symbol in sorted(node, key=lambda key: (key == "", key))
    ]
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


@dataclass(frozen=True)
class Family:
    """A named family of words and phrases that count as the same idea.

    In a phrase, ``*`` at the end of a word allows any ending (``apologi*`` covers
    apologise, apologize and apologies) and ``...`` allows up to four other words.
    ``not_after`` lists words that cancel a match when they come right before it.

    >>> feeling = Family.of("a feeling word", ("excited", "drawn to"))
    >>> bool(feeling.pattern.search("i was drawn   to it"))
    True
    """

    name: str
    phrases: tuple[str, ...]
    not_after: tuple[str, ...] = ()

    @classmethod
    def of(cls, name: str, phrases: tuple[str, ...], not_after: tuple[str, ...] = ()) -> Family:
        """Build a family; its pattern is compiled on first use (the first review), then kept."""
        return cls(name, tuple(phrases), tuple(not_after))

    @property
    def pattern(self) -> re.Pattern[str]:
        """The pattern matching any of the phrases, as a whole-word match."""
        return self._compiled[0]

    @property
    def first_words(self) -> frozenset[str] | None:
        """The phrases' first words (``"drawn"`` for ``drawn to``), where a match can start.

        None when some phrase does not start with a word character: search everywhere.
        """
        return self._compiled[1]

    @property
    def first_stems(self) -> frozenset[str]:
        """How the other phrases' first words begin (``"apologi"`` for ``apologi*``)."""
        return self._compiled[2]

    @cached_property
    def _compiled(self) -> tuple[re.Pattern[str], frozenset[str] | None, frozenset[str]]:
        # Compiling every family costs tens of milliseconds, so it waits for the first
        # review instead of slowing down every ``import coursekit``.
        symbols = {_phrase_symbols(p) for p in self.phrases}
        body = _trie_regex(symbols)
        guards = "".join(f"(?<!\\b{re.escape(word)} )" for word in self.not_after)
        pattern = re.compile(rf"{guards}(?<!\w)(?<!\w')(?:{body})(?!\w)")
        firsts = [_first_word(sequence) for sequence in symbols]
        if any(not letters for letters, _whole in firsts):
            return pattern, None, frozenset()
        words = frozenset(letters for letters, whole in firsts if whole)
        stems = frozenset(letters for letters, whole in firsts if not whole)
        return pattern, words, stems

    def examples(self, limit: int = 10) -> str:
        """Return the first few phrases as a readable list."""
        shown = [p.replace("*", "…").replace(" ... ", " … ") for p in self.phrases[:limit]]
        more = ", …" if len(self.phrases) > limit else ""
        return ", ".join(f"“{p}”" for p in shown) + more


@dataclass(frozen=True)
class Cue:
    """One way a sentence can show a move: word families that must appear close together.

    The first family is the *anchor*; every other family must match within ``window`` words
    of it in the same sentence. When ``negatable`` is true, an anchor straight after "not",
    "never" or a "-n't" word does not count. Anchors inside an ``exclude`` phrase do not
    count. ``max_words`` limits the cue to short sentences.
    """

    description: str
    families: tuple[Family, ...]
    window: int = 12
    negatable: bool = True
    exclude: Family | None = None
    max_words: int | None = None
    same_clause: bool = False

    def explain(self) -> str:
        """Return the cue in plain words with the phrases it looks for."""
        parts = [self.description]
        for index, family in enumerate(self.families):
            lead = "Looks for" if index == 0 else f"together with (within {self.window} words)"
            if index and self.same_clause:
                lead += " in the same part of the sentence (not across 'but' or ';')"
            parts.append(f"{lead} {family.name}: {family.examples()}.")
        if self.negatable:
            parts.append("Does not count straight after 'not', 'never' or a '-n't' word.")
        if self.exclude is not None:
            parts.append(f"Ignores {self.exclude.name}: {self.exclude.examples()}.")
        if self.max_words is not None:
            parts.append(f"Only in a sentence of {self.max_words} words or fewer.")
        return " ".join(parts)


# -- reaffirm --------------------------------------------------------------------------------

_FEELING = Family.of(
    "a positive-feeling word",
    (
        "excited", "exciting", "excites me", "thrilled", "love", "loved", "loving", "drawn to",
        "drew me", "appeal*", "impressed", "impressive", "interested", "interest in",
        "keen", "enthusiastic", "enthusiasm", "admire*", "really wanted", "really want",
        "still want", "always wanted", "truly wanted", "great fit", "perfect fit",
        "good fit", "right fit", "eager", "passionate", "passion for", "inspired",
        "inspiring", "attracted", "attractive", "really liked", "liked", "enjoyed",
        "dream job", "dream role", "dream team", "dream company", "ideal", "meant a lot",
        "stuck with me", "can't stop thinking", "couldn't stop thinking",
        "keep thinking about", "kept thinking about", "still think about", "delighted",
        "honoured", "honored", "flattered", "fascinat*", "energis*", "energiz*", "stood out",
        "stands out", "exactly what i", "what i was looking for",
        "what i've been looking for", "wanted to join", "want to join", "fond of",
        "stayed with me", "stays with me", "great match", "good match", "perfect match",
        "strong match", "a dream", "over the moon", "chuffed", "stoked", "buzzing",
        "how much i wanted", "how much i want", "i wanted this", "i want this",
        "i really do want", "most interesting", "so interesting", "really interesting",
        "genuinely interesting", "was happy", "was very happy", "was so happy",
        "was really happy", "very happy", "so happy", "really happy", "happy about",
        "amazing", "brilliant", "fantastic", "awesome", "wonderful", "incredible",
        "great team", "great role", "great company", "great place", "great opportunity",
        "really great", "so great",
    ),
)
_FEELING_POLITE = Family.of(
    "polite phrases that are not about the role",
    (
        "love to explain", "love to know", "love to talk", "love to hear", "love to chat",
        "love to discuss", "love to ask", "love to catch up", "love to find out",
        "love the chance to explain", "interested to know", "interested to hear",
        "interested in hearing", "keen to know", "keen to hear", "keen to explain",
        "keen to talk", "eager to hear", "eager to know", "eager to explain",
        "excited to hear", "liked to call", "liked to explain", "interested in knowing",
        "interested in finding out", "interested to find out", "keen to find out",
        "happy to discuss", "happy to talk", "happy to chat", "happy to explain",
        "happy to answer", "happy to meet", "happy to hear", "happy to help",
    ),
)
_ROLE = Family.of(
    "a word for the role or team",
    (
        "role", "job", "position", "post", "offer", "team", "opportunit*", "the work",
        "your work", "work you do", "company", "organisation", "organization", "firm",
        "department", "project*", "mission", "product*", "vacancy", "joining", "join you",
        "join your", "working with you", "working for you", "work with you",
        "work for you", "working with your", "working for your", "work with your",
        "work for your", "working there", "work there", "your business", "the business",
        "what you're building", "culture", "the people", "manager", "the place",
        "this chance", "the chance", "you all", "colleagues",
    ),
    not_after=("current", "present", "existing", "old", "previous", "last", "other", "my"),
)
_BENEFIT = Family.of(
    "a way the role suits you",
    (
        "chance to use", "chance to grow", "chance to learn", "chance to lead",
        "chance to build", "chance to work", "chance to do", "chance to develop",
        "chance to contribute", "use my skills", "use the full range", "full range of",
        "use everything i", "grow", "growth", "learn a lot", "stretch me", "right for me",
        "fit for me", "suits me", "suit me", "suited me", "matches my", "match my",
        "aligned with my", "aligns with my", "where i want to be", "what i want to do",
        "next step in my career", "career goals", "fits where", "fits my", "fit my",
        "what i want to be doing", "what i'd love to do", "what i love doing",
        "what i want to work on", "want to be doing", "exactly the work",
        "fits what i", "where i want my career",
    ),
)

# -- explain_change --------------------------------------------------------------------------

_HINDSIGHT = Family.of(
    "a hindsight or realisation phrase",
    (
        "realised", "realized", "realise now", "realize now", "now realise", "now realize",
        "came to realise", "came to realize", "come to realise", "come to realize",
        "looking back", "look back", "in hindsight", "with hindsight", "in retrospect",
        "on reflection", "upon reflection", "having reflected", "after reflecting",
        "after thinking", "after some thought", "after more thought",
        "after a lot of thought", "thinking it over", "thought it over",
        "thought about it more", "had time to think", "had time to reflect",
        "had a chance to reflect", "had a chance to think", "now i see", "i now see",
        "i see now", "now i know", "i know now", "i now know", "now i understand",
        "i understand now", "it dawned on me", "it hit me", "i've come to see",
        "i came to see", "i've learned", "i've learnt", "i have learned", "i have learnt",
        "since learned", "since learnt", "it turns out", "it turned out", "second thoughts",
        "changed my perspective", "opened my eyes", "woke up to", "since then",
        "didn't realise", "didn't realize", "did not realise", "did not realize",
        "hadn't realised", "hadn't realized", "i now understand", "i've since",
        "i have since",
    ),
)
_DOUBT_THEN = Family.of(
    "a fear or doubt you had at the time",
    (
        "i was afraid", "i was scared", "i was worried", "i was nervous", "i was anxious",
        "i was unsure", "i was uncertain", "i was hesitant", "i was overwhelmed",
        "i was too comfortable", "i got scared", "i got nervous", "i panicked",
        "got scared", "got nervous", "got cold feet", "i was frightened", "i felt afraid",
        "i felt scared", "i felt unsure",
        "fear of", "my fear*", "the fear", "out of fear", "cold feet", "doubted myself",
        "self-doubt", "i wasn't sure", "i wasn't ready", "i didn't feel ready",
        "i didn't think i", "at the time i", "back then i", "i thought at the time",
        "i felt at the time", "comfort zone", "played it safe", "play it safe",
        "safe option", "the unknown", "held me back", "kept me back", "holding me back",
        "scared me", "frightened me", "spooked me", "put me off", "worried me",
        "made me nervous",
    ),
)
_DECLINED = Family.of(
    "a word for saying no",
    (
        "declined", "decline", "declining", "turned it down", "turned the offer down",
        "turned the role down", "turned the job down", "turned the position down",
        "turned you down", "turned down", "turning it down", "turning down", "said no",
        "saying no", "say no", "passed on", "rejected", "walked away", "didn't accept",
        "did not accept", "chose to stay", "decided to stay", "stayed where", "stay where",
        "stayed put", "staying where", "bailed", "pulled out", "backed out", "withdrew",
    ),
)
_REASON = Family.of(
    "a reason word",
    (
        "because", "cause", "cos", "coz", "as i", "due to", "out of", "the reason",
        "reason was", "ill", "sick", "illness", "health", "pregnan*", "salary", "money",
        "pay cut", "commute", "relocat*", "moving", "family", "kids", "children", "partner",
        "wife", "husband", "visa", "lease", "notice period", "for family reasons",
        "for personal reasons", "for financial reasons",
        "for health reasons", "worried", "afraid", "scared", "fear", "counter*",
        "thought i", "believed", "felt i", "so that",
    ),
)
_CHANGED_MIND = Family.of(
    "a change-of-mind phrase",
    (
        "changed my mind", "change my mind", "changing my mind", "change of heart",
        "reconsider*", "rethought", "re-thought", "rethink*", "re-think*", "think again",
        "thinking again", "thought again", "changed my decision", "feel differently",
        "see it differently", "see things differently", "mind has changed",
    ),
)
_CONNECTOR = Family.of(
    "a word that gives the reason",
    (
        "because", "cause", "as i", "after", "now that", "due to", "having", "made me",
        "makes me", "realis*", "realiz*", "which is why", "that's why", "the reason",
        "thanks to", "once i", "cos", "coz",
    ),
)
_WHAT_CHANGED = Family.of(
    "a description of what changed",
    (
        "what changed is", "what changed was", "what's changed is", "what has changed is",
        "what changed for me", "things have changed", "things changed",
        "circumstances have changed", "circumstances changed", "circumstances has changed",
        "situation has changed", "situation changed", "priorities have changed",
        "priorities changed", "plans have changed", "plans changed",
        "perspective has changed", "perspective changed", "thinking has changed",
        "counteroffer", "counter-offer", "counter offer", "has changed since",
        "have changed since", "is different now", "are different now", "different now",
        "what's different", "what is different", "now that i", "now that my", "now that we",
        "now that the", "sorted now", "resolved now", "fixed now", "no longer an issue",
        "no longer a problem", "not a problem anymore", "not an issue anymore",
    ),
)

# -- easy_out --------------------------------------------------------------------------------

_GONE_WORDS = ("role", "position", "job", "post", "vacancy", "it", "opening")
_FILLED = Family.of(
    "a way of saying the role may be gone",
    (
        "filled", "fill the role", "fill the position", "fill the job", "fill it",
        "been taken", "already taken", "is taken", "it's taken", "was taken", "been closed",
        "already closed", "is closed", "it's closed", "is gone", "it's gone", "has gone",
        "been gone", "already gone", "gone to someone", "hired someone", "hired somebody",
        "hired another", "hired a replacement", "found someone", "found somebody",
        "found another", "found the right person", "found a replacement",
        "found a candidate", "someone else", "somebody else", "another candidate",
        "another person", "another applicant", "moved on", "extended another offer",
        "extended an offer", "made another offer", "offered it to", "offered the role to",
        "offered the job to", "offered the position to", "no longer available",
        "no longer open", "no longer vacant", "no longer an option", "too late",
        "ship has sailed", "not available anymore", "not available any more",
        "not open anymore", "not open any more", "not hiring", "no longer hiring",
        "stopped hiring",
        *(f"{word} ... {state}" for word in _GONE_WORDS
          for state in ("not available", "isn't available", "not open", "isn't open")),
    ),
)
_FILLED_NOT = Family.of(
    "filling in forms",
    ("filled in the form", "filled in a form", "filled out", "filled in an application",
     "filled in the application", "filled in my", "filled in your"),
)
_HEDGE = Family.of(
    "a word that allows for it",
    (
        "if", "may", "might", "maybe", "perhaps", "possibly", "probably", "likely",
        "could", "should the", "should it", "in the event", "understand", "understandable",
        "in case", "whether", "chance",
        "assume", "suspect", "imagine", "guess", "wouldn't be surprised",
        "won't be surprised", "of course", "fine", "okay", "ok", "no problem", "expect",
    ),
)
_NO_HARD_FEELINGS = Family.of(
    "a phrase that makes 'no' easy to say",
    (
        "understand if", "understand completely if", "understand entirely if",
        "no hard feelings", "no problem if", "no worries if", "totally fine if",
        "perfectly fine if", "completely fine if", "no pressure", "won't be offended",
        "wouldn't be offended", "won't be upset", "wouldn't be upset",
        "won't take it personally", "wouldn't take it personally", "feel free to say no",
        "if the answer is no", "if the answer's no", "if it's a no", "a no is fine",
    ),
)
_NO_HARD_FEELINGS_NOT = Family.of(
    "phrases that are about weighing your misstep instead",
    (
        "understand if ... against me", "understand if ... into account",
        "understand if ... factor*", "understand if ... weigh*", "understand if ... count*",
        "understand if ... affect*", "understand if ... how you see", "understand if ... shape*",
        "understand if ... colour*", "understand if ... color*",
        "understand if ... your view", "understand if ... your opinion",
    ),
)
_DOOR_OPEN = Family.of(
    "a request to be kept in mind for later",
    (
        "keep me in mind", "bear me in mind", "have me in mind", "keep me on file",
        "keep my details", "keep my cv", "keep my résumé", "keep my resume",
        "keep me on your radar", "keep me on your list", "think of me for",
        "think of me if", "think of me in", "consider me for", "considered for other",
        "considered for future", "keep in touch", "stay in touch", "door open",
        "if anything comes up", "if something comes up", "if anything else comes up",
        "if something else comes up", "if anything opens", "if something opens",
        "if another role", "if another position", "if another opening",
        "if other roles", "if there are other", "future roles", "future openings",
        "future opportunities", "future positions", "future vacancies", "upcoming roles",
        "upcoming openings", "upcoming opportunities", "anything similar",
        "something similar", "that comes up", "future role", "considered for anything",
        "something else opens", "anything else opens", "something opens up",
        "anything opens up", "else comes up",
        "considered for something",
    ),
)
_OTHER_ROLES = Family.of(
    "a word for other roles",
    (
        "other roles", "other openings", "other opportunities", "other positions",
        "other vacancies", "other jobs", "other options", "other teams", "another opening",
        "another role", "another position", "another opportunity", "similar role",
        "similar roles", "similar position", "similar positions",
    ),
)
_ASK = Family.of(
    "a word that asks to be considered",
    (
        "if", "consider", "considered", "open to", "interested", "happy", "glad", "love",
        "welcome", "would like", "i'd like", "talk about", "hear about", "let me know",
        "any", "future", "later", "instead", "too", "also", "keen", "mind",
    ),
)
_LATER = Family.of(
    "a word for later",
    (
        "in the future", "in future", "down the road", "down the line", "later on",
        "some day", "someday", "another time", "next time", "going forward",
        "at some point",
    ),
)
_CONTACT = Family.of(
    "a word about working together",
    (
        "role", "position", "job", "opening", "opportunit*", "options", "something",
        "anything", "work with you", "work for you", "working with you", "working together",
        "join", "team", "talk", "in touch", "hear from you", "consider me", "chance",
    ),
)

# -- own_misstep -----------------------------------------------------------------------------

_APOLOGY = Family.of(
    "an apology word",
    ("sorry", "apologi*", "apology", "regret how", "regret the way"),
)
_APOLOGY_SMALL_TALK = Family.of(
    "apologies for small things",
    (
        "sorry to bother", "sorry to disturb", "sorry to trouble", "sorry to interrupt",
        "sorry to hear", "sorry for your loss", "sorry not sorry", "sorry i'm late",
        "sorry i am late", "sorry i was late", "sorry for being late", "sorry to be late",
        "sorry i'm running late", "sorry for running late", "sorry ... traffic",
        "sorry ... noise", "sorry ... line", "sorry ... connection",
        "sorry ... signal", "sorry to call", "sorry for calling", "sorry to reach out",
        "sorry for reaching out", "sorry to email", "sorry to take up",
        "sorry for taking up", "sorry to take your time", "sorry for the long",
        "apologies for the long", "sorry for rambling", "sorry, i didn't catch",
        "sorry, what", "sorry, could you repeat", "sorry for the typo",
        "apologies for the typo",
    ),
)
_APOLOGY_OBJECT = Family.of(
    "what the apology is for",
    (
        "to you", "for my", "about my", "for the way", "how i", "the way i", "handled",
        "decline*", "silence", "silent", "quiet", "ghost*", "wait*", "delay*", "kept you",
        "left you", "time", "trouble", "inconvenienc*", "confusion", "mess", "hassle",
        "if that", "for that", "about that", "for this", "about this", "what happened",
        "offend*", "hurt", "upset", "mistake", "behaviour", "behavior", "for not",
        "for never", "for leaving", "for going", "for waiting", "for taking", "for keeping",
        "for backing", "for ignoring", "for disappearing", "never told", "never called",
        "never replied", "never responded", "never got back", "didn't tell", "didn't call",
        "didn't reply", "didn't respond", "didn't get back", "didn't let", "so long",
        "back out", "backed out", "backing out", "reversed", "went back on",
        "going back on", "changed my answer", "didn't", "did not", "never", "wasn't",
        "was not", "late", "sooner", "earlier", "quickly",
    ),
)
_SHOULD_HAVE_DONE = (
    "told", "called", "replied", "responded", "answered", "honest", "upfront", "clearer",
    "let you know", "got back", "gotten back", "reached out", "emailed", "written",
    "contacted", "sooner", "earlier", "straight away", "right away", "immediately",
    "faster", "quicker", "promptly",
)
_SHOULD_NOT_HAVE_DONE = (
    "kept you", "waited", "gone silent", "gone quiet", "ignored", "left you", "strung",
    "dragged", "taken so long", "delayed", "disappeared", "ghosted", "said yes", "led you",
    "accepted",
)
_SELF_BLAME = Family.of(
    "a phrase that takes the blame",
    (
        "my fault",
        *(f"{lead} ... {done}" for lead in ("should have", "should've", "ought to have")
          for done in _SHOULD_HAVE_DONE),
        *(f"{lead} ... {done}" for lead in ("shouldn't have", "should not have")
          for done in _SHOULD_NOT_HAVE_DONE),
        "let you down", "inconvenienced you", "inconvenience i caused",
        "inconvenience this caused", "inconvenience it caused", "caused you",
        "wasted your time", "waste your time", "waste of your time", "cost you",
        "left you hanging", "left you in the lurch", "kept you waiting", "kept you hanging",
        "made you wait", "strung you along", "ghosted you", "i went silent", "i went quiet",
        "i went dark", "i disappeared", "that was unprofessional", "was unprofessional",
        "unprofessional of me", "was not professional", "wasn't professional",
        "was not very professional", "wasn't very professional", "i take responsibility",
        "i take full responsibility",
        "take responsibility for", "i own that", "owe you an apology", "handled it badly",
        "handled it poorly", "handled that badly", "handled that poorly",
        "handled things badly", "handled things poorly", "didn't handle it well",
        "did not handle it well", "didn't handle that well", "didn't handle things well",
        "badly handled", "poorly handled", "messed you around", "i messed up",
        "it was wrong of me", "it was rude", "i was rude", "offended you", "hurt you",
        "upset you", "didn't give you the courtesy", "didn't treat you", "i never told you",
        "i didn't tell you", "i never replied", "i never got back", "i didn't get back",
        "i didn't reply", "i didn't respond", "i never responded", "not fair to you",
        "unfair to you", "i wasn't straight with you", "i wasn't honest with you",
        "i wasn't upfront", "i backed out", "i went back on my word", "dropped the ball",
        "stopped answering", "stopped replying", "stopped responding", "i ignored you",
        "i ignored your", "left it too long", "waited too long", "took too long",
        "took so long", "dragged my feet", "i went back on", "that's on me",
        "that was on me", "it's on me", "it was on me", "entirely on me", "all on me",
        "wasn't cool", "was not cool", "not cool of me", "wasn't fair on you",
        "way to treat you", "way i treated you", "how i treated you",
        "wasn't fair to you", "not fair on you",
    ),
)

# -- invite_response -------------------------------------------------------------------------

_HOW_IT_LANDED = Family.of(
    "a question about how it landed for them",
    (
        "how did ... land", "how does ... land", "how ... landed", "how ... affected you",
        "how ... affect you", "how ... impacted you", "how ... impact you",
        "how ... affected your", "how ... affect your", "how ... impacted your",
        "how ... impact your", "how did ... affect", "how did ... impact",
        "how does ... affect", "how has ... affected", "how has ... impacted",
        "how ... made you feel", "how ... make you feel", "how do you feel",
        "how did you feel", "how you feel about that", "how you feel about it",
        "how you feel about this", "how you felt", "how ... came across",
        "how ... come across", "how it was for you", "how that was for you",
        "how this was for you", "how you took it", "how did you take it",
        "what it cost you", "what that cost you", "what it did to", "how much trouble",
        "how you see it", "how you saw it", "how ... on your end", "how ... on your side",
        "how are you feeling about", "how you're feeling", "how you are feeling",
        "how did ... sit", "how ... sat with you", "how ... sit with you",
        "what was that like", "what was it like", "what that was like", "what it was like",
        "from where you sit", "from your side", "from your end", "from your point of view",
        "how ... went for you",
    ),
)
_INVITE = Family.of(
    "an invitation to give their side",
    (
        "want to hear", "like to hear", "love to hear", "happy to hear", "open to hearing",
        "ready to hear", "hear your", "hear how", "hear what", "hear anything",
        "welcome your", "i'm listening", "i am listening", "i'll listen", "i will listen",
        "want to listen", "here to listen", "ready to listen", "happy to listen",
        "willing to listen", "like to listen", "all ears", "your side", "your perspective",
        "your point of view", "your view", "your thoughts", "your reaction", "your take",
        "what you think", "what you thought", "what do you think", "what did you think",
        "what you make of", "on your mind", "hear your concerns", "share your concerns",
        "any concerns", "other concerns", "concerns you have", "concerns you might have",
        "concerns you may have", "off your chest", "anything you want to say",
        "anything you'd like to say", "anything to say", "anything you want to add",
        "anything you'd like to add", "anything you want to raise",
        "anything you'd like to raise", "want to say anything", "like to say anything",
        "anything you want to tell", "anything you'd like to tell",
        "tell me how that", "tell me how it", "tell me how this", "tell me how you",
        "tell me what", "tell me honestly", "tell me straight",
        "be honest with me", "be frank with me", "be straight with me", "be candid",
        "over to you", "the floor is yours", "your turn", "let you respond",
        "let you speak", "let you talk", "let you react", "let you have your say",
        "your say", "give you a chance to respond", "give you a chance to react",
        "give you a chance to say", "give you a chance to speak",
        "give you a chance to talk", "give you space", "give you room", "i'll pause",
        "let me pause", "i'll stop there", "i'll stop talking", "did i cause",
        "did that cause", "did it cause", "did this cause", "was that a problem",
        "was it a problem",
    ),
)

# -- permission ------------------------------------------------------------------------------

_WEIGH_IT = Family.of(
    "a phrase that lets them weigh it",
    (
        "into account", "into consideration", "factor that", "factor this", "factor it",
        "factor in", "factor what", "factor these", "factor those", "factor my",
        "factored in", "factoring in", "factor ... into", "weigh that", "weigh this",
        "weigh it", "weigh what", "weigh my", "weigh ... in your", "weigh ... against",
        "weighs against", "weighing it",
        "count ... against me", "counts ... against me", "counted ... against me",
        "hold ... against me", "held ... against me", "holding ... against me",
        "use ... against me", "mark against me", "fair if", "fair for you",
        "fair to weigh", "fair to consider", "fair to factor", "fair to take",
        "fair to hold", "fair to count", "fair to let", "fair to be", "only fair",
        "would be fair", "completely fair", "perfectly fair", "totally fair",
        "entirely fair", "understandable if you", "reasonable if you",
        "reasonable for you to", "wouldn't blame you", "won't blame you",
        "couldn't blame you", "can't blame you", "your call", "your decision",
        "your choice", "decision is yours", "call is yours", "up to you whether",
        "up to you if", "entirely up to you", "completely up to you", "totally up to you",
        "within your rights", "if you'd rather not", "if you would rather not",
        "i'll respect that", "i will respect that", "i'd respect that", "respect your decision",
        "you're entitled to", "you are entitled to", "you'd be entitled to",
        "you would be entitled to", "your right to", "every right",
        "affects your decision", "affect your decision", "influence your decision",
        "influences your decision", "colours your", "colors your", "colour your",
        "color your", "shape your decision", "part of your decision", "in your decision",
        "if you're wary", "if you are wary", "if you're cautious", "if you are cautious",
        "if you have doubts", "if you have reservations", "if you decide not to",
        "if you decide against", "if you choose not to", "how you see me",
        "how you see my", "shapes how you", "shape how you", "affects how you",
        "affect how you", "colours how you", "colors how you", "changes how you",
        "affects your view", "affect your view", "affects your opinion",
        "affect your opinion", "changes your view of me",
    ),
)
_YOU = Family.of("a word addressed to them", ("you", "your", "yours", "please", "feel free"))
_WEIGH_IT_NOT = Family.of(
    "everyday uses of 'fair' and 'factor'",
    ("fair to say", "to be fair", "factor in my decision", "factor in my choice"),
)


def _cues() -> dict[str, tuple[Cue, ...]]:
    return {
        "reaffirm": (
            Cue(
                "A positive feeling about the role or team in the same sentence.",
                (_FEELING, _ROLE),
                window=12,
                exclude=_FEELING_POLITE,
                same_clause=True,
            ),
            Cue(
                "Says how the role suits you or lets you grow.",
                (_BENEFIT, _ROLE),
                window=15,
                same_clause=True,
            ),
        ),
        "explain_change": (
            Cue(
                "Hindsight or a realisation about your decision.",
                (_HINDSIGHT,),
                negatable=False,
            ),
            Cue(
                "Names a fear or doubt you had at the time.",
                (_DOUBT_THEN,),
                negatable=False,
            ),
            Cue(
                "Gives the reason you said no.",
                (_DECLINED, _REASON),
                window=12,
                negatable=False,
            ),
            Cue(
                "Says you changed your mind and why, in the same sentence.",
                (_CHANGED_MIND, _CONNECTOR),
                window=20,
            ),
            Cue(
                "Says what has changed since you declined.",
                (_WHAT_CHANGED,),
            ),
        ),
        "easy_out": (
            Cue(
                "Allows that the role may already be filled.",
                (_FILLED, _HEDGE),
                window=12,
                exclude=_FILLED_NOT,
                same_clause=True,
            ),
            Cue(
                "Makes it easy for them to say no.",
                (_NO_HARD_FEELINGS,),
                exclude=_NO_HARD_FEELINGS_NOT,
            ),
            Cue(
                "Asks to be kept in mind for later.",
                (_DOOR_OPEN,),
            ),
            Cue(
                "Asks about other roles.",
                (_ASK, _OTHER_ROLES),
                window=10,
                same_clause=True,
            ),
            Cue(
                "Hopes to work together later.",
                (_LATER, _CONTACT),
                window=10,
                same_clause=True,
            ),
        ),
        "own_misstep": (
            Cue(
                "Apologises for what you did or what it cost them.",
                (_APOLOGY, _APOLOGY_OBJECT),
                window=10,
                exclude=_APOLOGY_SMALL_TALK,
            ),
            Cue(
                "A short sentence that is just an apology.",
                (_APOLOGY,),
                exclude=_APOLOGY_SMALL_TALK,
                max_words=5,
            ),
            Cue(
                "Takes the blame for the misstep or its cost.",
                (_SELF_BLAME,),
            ),
        ),
        "invite_response": (
            Cue(
                "Asks how it landed for them.",
                (_HOW_IT_LANDED,),
            ),
            Cue(
                "Invites them to give their side, or says you will listen.",
                (_INVITE,),
            ),
        ),
        "permission": (
            Cue(
                "Tells them it is fair to weigh what happened in their decision.",
                (_WEIGH_IT, _YOU),
                window=8,
                exclude=_WEIGH_IT_NOT,
            ),
        ),
    }


#: The cues for each move, in the order they are tried.
CUES: Mapping[str, tuple[Cue, ...]] = MappingProxyType(_cues())


def describe_cues(move_id: str) -> list[str]:
    """Return, in plain words, what the reviewer looks for to credit a move.

    >>> describe_cues("permission")[0].split(" Looks for")[0]
    'Tells them it is fair to weigh what happened in their decision.'
    """
    if not isinstance(move_id, str) or move_id not in CUES:
        known = ", ".join(CUES)
        raise CourseInputError("move_id", f"must be one of {known}")
    return [cue.explain() for cue in CUES[move_id]]


# --------------------------------------------------------------------------------------------
# Results.
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MoveCheck:
    """Whether the draft makes one move, and the sentence that shows it."""

    id: str
    title: str
    covered: bool
    evidence: str | None
    tip: str | None
    cue: str | None


@dataclass(frozen=True)
class Review:
    """The review of one draft: a check per move, plus the order check for Scenario 2."""

    scenario: int
    moves: tuple[MoveCheck, ...]
    order_ok: bool
    order_note: str
    limits: str = LIMITS

    @property
    def covered_count(self) -> int:
        """Return how many moves the draft covers."""
        return sum(1 for move in self.moves if move.covered)

    def summary(self) -> str:
        """Return one plain line, such as '2 of 3 moves covered'."""
        line = f"{self.covered_count} of {len(self.moves)} moves covered"
        if not self.order_ok:
            line += "; put the repair before your explanation"
        return line

    def to_dict(self) -> dict[str, object]:
        """Return the review as JSON-ready data."""
        return {
            "scenario": self.scenario,
            "moves": [
                {
                    "id": move.id,
                    "covered": move.covered,
                    "evidence": move.evidence,
                    "tip": move.tip,
                }
                for move in self.moves
            ],
            "order_ok": self.order_ok,
            "order_note": self.order_note,
        }


# --------------------------------------------------------------------------------------------
# Sentences.
# --------------------------------------------------------------------------------------------

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
_HAS_END = re.compile(r"[.!?…。！？؟।]")
_RUN_ON_BREAK = re.compile(
    r"\s(?=(?:but|however|anyway|also|plus|and i|and if|so i|and now|now i|and since|"
    r"then i|and also)\b)",
    re.IGNORECASE,
)
_RUN_ON_WORDS = 25
_RUN_ON_MIN_PIECE = 3
_WORD = re.compile(r"\w+")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return (start, end) spans of the sentences in already-cleaned text.

    Newlines and bullet markers start a new sentence; so do full stops, question and
    exclamation marks and emoji. A long line with no punctuation at all is broken before
    words like "but" or "and I".

    >>> text = "- I loved the team\\n- Sorry. I waited too long 😬 really"
    >>> [text[a:b] for a, b in split_sentences(text)]
    ['I loved the team', 'Sorry.', 'I waited too long 😬', 'really']
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
            if end.group().startswith(".") and _is_abbreviation(line[cursor : end.start()]):
                continue
            pieces.append((cursor, end.end()))
            cursor = end.end()
        pieces.append((cursor, len(line)))
        first = len(spans)
        for a, b in pieces:
            for c, d in _break_run_on(line, a, b):
                c, d = _trim(line, c, d)
                if c >= d:
                    continue
                if len(spans) > first and not _WORD.search(line, c, d):
                    spans[-1] = (spans[-1][0], start + d)  # stray ". . ." joins the sentence
                else:
                    spans.append((start + c, start + d))
    return spans


def _is_abbreviation(before: str) -> bool:
    match = _LAST_WORD.search(before)
    return match is not None and match.group(1).casefold() in _ABBREVIATIONS


def _break_run_on(line: str, a: int, b: int) -> list[tuple[int, int]]:
    chunk = line[a:b]
    if _HAS_END.search(chunk) or len(_WORD.findall(chunk)) <= _RUN_ON_WORDS:
        return [(a, b)]
    cuts = [a]
    for match in _RUN_ON_BREAK.finditer(chunk):
        cut = a + match.start()
        if len(_WORD.findall(line, cuts[-1], cut)) >= _RUN_ON_MIN_PIECE:
            cuts.append(cut)
    if len(cuts) > 1 and len(_WORD.findall(line, cuts[-1], b)) < _RUN_ON_MIN_PIECE:
        cuts.pop()
    cuts.append(b)
    return [(cuts[i], cuts[i + 1]) for i in range(len(cuts) - 1)]


def _trim(line: str, a: int, b: int) -> tuple[int, int]:
    while a < b and (line[a].isspace() or _INVISIBLE.match(line[a])):
        a += 1
    while b > a and (line[b - 1].isspace() or _INVISIBLE.match(line[b - 1])):
        b -= 1
    return a, b


def _normalise(sentence: str) -> str:
    """Return a sentence folded for matching: no invisible marks, straight quotes, casefolded."""
    text = _INVISIBLE.sub("", sentence)
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return " ".join(text.casefold().split())


# --------------------------------------------------------------------------------------------
# Matching.
# --------------------------------------------------------------------------------------------

_NEGATORS = frozenset(
    {"not", "no", "never", "nor", "neither", "hardly", "barely", "scarcely", "cannot",
     "without", "dont", "didnt", "doesnt", "wasnt", "werent", "isnt", "arent", "havent",
     "hasnt", "hadnt", "wont", "wouldnt", "couldnt", "shouldnt", "cant", "aint", "mustnt",
     "neednt", "nothing", "none"}
)
_NEGATION_RESET = frozenset({"only", "just", "merely"})
_NEGATION_CANCEL = frozenset(
    {"more", "but", "how", "realise", "realize", "know", "knew", "expect", "notice", "see"}
)
_CLAUSE_BREAK = re.compile(r".*[,;:()\-–—]")
_PREFIX_WORD = re.compile(r"[\w']+")
_NEGATION_REACH = 3


def _negated(text: str, start: int, floor: int = 0) -> bool:
    """Say whether a 'not', 'never' or '-n't' word comes just before ``start``."""
    prefix = text[max(floor, start - 80) : start]
    brk = _CLAUSE_BREAK.match(prefix)
    if brk:
        prefix = prefix[brk.end() :]
    words = _PREFIX_WORD.findall(prefix)[-_NEGATION_REACH:]
    for index in range(len(words) - 1, -1, -1):
        word = words[index].strip("'")
        if word in _NEGATORS or word.endswith("n't"):
            rest = words[index + 1 :]
            if rest and rest[0] in _NEGATION_RESET:
                return False
            if _NEGATION_CANCEL.intersection(rest):
                return False
            if word == "never" and "so" in rest:
                return False
            return True
    return False


class _Draft:
    """All sentences of a draft, folded for matching and joined one per line.

    Each word family is searched once over the whole draft; matches are then mapped back to
    their sentence, so the cost grows with the length of the draft, not with
    sentences x families.
    """

    __slots__ = (
        "_clause_breaks",
        "_initials",
        "_matches",
        "_stems",
        "_tokens",
        "folded",
        "line_starts",
        "line_words",
        "words",
    )

    def __init__(self, sentences: list[str]) -> None:
        self.folded = "\n".join(_normalise(sentence) for sentence in sentences)
        self.line_starts: list[int] = []
        offset = 0
        for line in self.folded.split("\n"):
            self.line_starts.append(offset)
            offset += len(line) + 1
        self.words = [m.start() for m in _WORD.finditer(self.folded)]
        self.line_words = [bisect_left(self.words, start) for start in self.line_starts]
        self._matches: dict[int, list[re.Match[str]]] = {}
        self._clause_breaks: list[int] | None = None
        self._tokens: dict[str, list[int]] = {}
        self._initials: dict[str, list[str]] = {}
        self._stems: dict[str, list[str]] = {}

    def line_of(self, position: int) -> int:
        """Return the sentence index of a character position."""
        return bisect_right(self.line_starts, position) - 1

    def word_index(self, position: int) -> int:
        """Return the index of the word at or before a character position."""
        return bisect_right(self.words, position) - 1

    def word_count(self, line: int) -> int:
        """Return how many words a sentence has."""
        end = self.line_words[line + 1] if line + 1 < len(self.line_words) else len(self.words)
        return end - self.line_words[line]

    def matches(self, family: Family) -> list[re.Match[str]]:
        """Return (and remember) where a family matches in the draft.

        The same matches as ``family.pattern.finditer`` over the whole draft, found by trying
        the pattern only at words that start like one of the family's phrases (a match can
        begin nowhere else), which is several times faster on a long draft.
        """
        found = self._matches.get(id(family))
        if found is None:
            found = self._search(family)
            self._matches[id(family)] = found
        return found

    def _search(self, family: Family) -> list[re.Match[str]]:
        words = family.first_words
        if words is None:
            return list(family.pattern.finditer(self.folded))
        tokens = self._token_starts()
        found_at: set[int] = set()
        for word in words:
            found_at.update(tokens.get(word, ()))
        for stem in family.first_stems:
            for token in self._tokens_with_stem(stem):
                found_at.update(tokens[token])
        found: list[re.Match[str]] = []
        match = family.pattern.match
        end = 0
        for position in sorted(found_at):
            if position < end:
                continue  # inside the previous match: finditer would not look here either
            hit = match(self.folded, position)
            if hit is not None:
                found.append(hit)
                end = hit.end()
        return found

    def _token_starts(self) -> dict[str, list[int]]:
        """Return where each distinct word of the draft starts."""
        tokens = self._tokens
        if not tokens and self.words:
            for start, token in zip(self.words, _WORD.findall(self.folded), strict=True):
                positions = tokens.get(token)
                if positions is None:
                    tokens[token] = [start]
                else:
                    positions.append(start)
            for token in tokens:
                self._initials.setdefault(token[0], []).append(token)
        return tokens

    def _tokens_with_stem(self, stem: str) -> list[str]:
        """Return the distinct words of the draft that start with ``stem``."""
        listed = self._stems.get(stem)
        if listed is None:
            candidates = self._initials.get(stem[0], ())
            listed = [token for token in candidates if token.startswith(stem)]
            self._stems[stem] = listed
        return listed

    def clause(self, word: int) -> int:
        """Return which part of a sentence (split at 'but', ';' and the like) a word is in."""
        if self._clause_breaks is None:
            self._clause_breaks = [
                bisect_left(self.words, m.start()) for m in _CLAUSE_SPLIT.finditer(self.folded)
            ]
        return bisect_right(self._clause_breaks, word)


_CLAUSE_SPLIT = re.compile(r"[;\n]|\b(?:but|however|although|though|whereas|yet)\b")


def _first_line(cue: Cue, draft: _Draft) -> int | None:
    """Return the first sentence index in which a cue is shown, if any."""
    anchors = draft.matches(cue.families[0])
    if not anchors:
        return None
    partners: list[list[int]] = []
    for family in cue.families[1:]:
        found = [draft.word_index(m.start()) for m in draft.matches(family)]
        if not found:
            return None
        partners.append(found)
    excluded = draft.matches(cue.exclude) if cue.exclude is not None else []
    excluded_starts = [m.start() for m in excluded]
    for match in anchors:
        start = match.start()
        line = draft.line_of(start)
        if cue.max_words is not None and draft.word_count(line) > cue.max_words:
            continue
        if _inside(excluded, excluded_starts, start):
            continue
        if cue.negatable and _negated(draft.folded, start, draft.line_starts[line]):
            continue
        where = draft.word_index(start)
        if all(_near(draft, positions, where, line, cue) for positions in partners):
            return line
    return None


def _inside(spans: list[re.Match[str]], starts: list[int], position: int) -> bool:
    """Say whether a position falls inside one of some non-overlapping, sorted matches."""
    i = bisect_right(starts, position) - 1
    return i >= 0 and position < spans[i].end()


def _near(draft: _Draft, positions: list[int], where: int, line: int, cue: Cue) -> bool:
    """Say whether a sorted word position lies in the same sentence and close to ``where``."""
    low = max(where - cue.window, draft.line_words[line])
    i = bisect_left(positions, low)
    while i < len(positions) and positions[i] <= where + cue.window:
        word = positions[i]
        same_line = draft.line_of(draft.words[word]) == line
        if same_line and (not cue.same_clause or draft.clause(word) == draft.clause(where)):
            return True
        i += 1
    return False


def _find_move(move_id: str, draft: _Draft) -> tuple[int, Cue] | None:
    """Return the first sentence index that shows a move, and the cue that matched."""
    best: tuple[int, Cue] | None = None
    for cue in CUES[move_id]:
        line = _first_line(cue, draft)
        if line is not None and (best is None or line < best[0]):
            best = (line, cue)
    return best


# --------------------------------------------------------------------------------------------
# The review.
# --------------------------------------------------------------------------------------------


def review_draft(text: str, scenario: int) -> Review:
    """Review a freehand draft against the moves of Scenario 1 or 2.

    Raises :class:`CourseInputError` when the draft is not text or is too long, or when
    ``scenario`` is not the whole number 1 or 2.
    """
    known = knowledge().scenarios
    if isinstance(scenario, bool) or not isinstance(scenario, int) or scenario not in known:
        raise CourseInputError("scenario", "must be the number 1 or 2")
    cleaned = clean_text(text, "draft", max_chars=MAX_DRAFT_CHARS, keep_newlines=True)
    # Sentences never cross a line break, and a move's evidence is the first sentence that
    # shows it, so when the opening lines of a long draft already show every move, the rest
    # cannot change the review: try those lines first.
    cut = cleaned.rfind("\n", 0, _OPENING_CHARS) if len(cleaned) > 2 * _OPENING_CHARS else -1
    if cut > 0:
        opening = _review_cleaned(cleaned[:cut], scenario)
        if all(check.covered for check in opening.moves):
            return opening
    return _review_cleaned(cleaned, scenario)


#: How much of a long draft to review first (see review_draft): about 170 words, the length
#: of a typical call opener (the column's own example opener is about 110 words).
_OPENING_CHARS = 1_000


def _review_cleaned(cleaned: str, scenario: int) -> Review:
    """Review already-cleaned text against a scenario's moves."""
    spans = split_sentences(cleaned)
    raw = [cleaned[a:b] for a, b in spans]
    draft = _Draft(raw)

    checks: list[MoveCheck] = []
    where: dict[str, int] = {}
    for move_id in knowledge().scenarios[scenario].move_ids:
        title = knowledge().moves[move_id].title
        found = _find_move(move_id, draft)
        if found is None:
            checks.append(MoveCheck(move_id, title, False, None, TIPS[move_id], None))
            continue
        index, cue = found
        where[move_id] = index
        checks.append(MoveCheck(move_id, title, True, raw[index], None, cue.description))

    order_ok, order_note = _check_order(scenario, where)
    return Review(scenario, tuple(checks), order_ok, order_note, LIMITS)


def _check_order(scenario: int, where: Mapping[str, int]) -> tuple[bool, str]:
    """Check that, in Scenario 2, the repair comes no later than the explanation."""
    if scenario == 1:
        return True, "In Scenario 1 the moves can come in any order that feels natural."
    repairs = [move_id for move_id in REPAIR_MOVES if move_id in where]
    explain = where.get("explain_change")
    if explain is None and not repairs:
        return True, (
            "Order not checked yet: the draft has no repair move and does not yet explain "
            "your change of heart."
        )
    if explain is None:
        return True, (
            "Order not checked yet: the draft does not yet explain your change of heart, "
            "which should come after the repair."
        )
    if not repairs:
        return True, (
            "Order not checked yet: the draft has none of the repair moves (own the "
            "misstep, let them respond, give permission) to put before your explanation."
        )
    moves = knowledge().moves
    late = [moves[move_id].title.lower() for move_id in repairs if where[move_id] > explain]
    if late:
        return False, (
            "Repair first: move these before you explain your change of heart: "
            + "; ".join(late)
            + "."
        )
    return True, "Good order: the repair comes before you explain your change of heart."
