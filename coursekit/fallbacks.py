"""The notebooks' static fallbacks, generated from the content: what a reader sees when the
widgets cannot run (a static render on GitHub, a PDF, a screen reader without the kernel).

A fallback cell is a Markdown cell whose metadata holds ``{"second_call": {"fallback":
"<kind>:<id>"}}``; ``scripts/refresh_notebooks.py`` fills it with :func:`fallback_markdown`:
quizzes with a collapsed answer key, role-plays' branches, and the other exercises' questions
or checklist, in words, with no ids and no terminal commands. Tags: ``quiz:<id>``,
``roleplay:<id>``, ``classifier``, ``builder[:<scenario>]``, ``reviewer[:<scenario>]``,
``progress``.

>>> text = fallback_markdown("quiz:08_plan")
>>> text.startswith("<details>") and "Answer key" in text and "08_first_line" not in text
True
>>> "s1_pickup" in fallback_markdown("roleplay:call_scenario1")
False
>>> "coursekit " in fallback_markdown("builder:2") or "coursekit " in fallback_markdown("progress")
False
"""

from __future__ import annotations

from string import ascii_uppercase as _LETTERS

from .interface import texts
from .knowledge import knowledge
from .loader import course, quizzes, roleplays, script_wording
from .quiz import CORRECT, WRONG, Matching, MultipleChoice, Ordering, Question, SingleChoice
from .roleplay import QUALITY_LABELS

_ui, _md = texts("views.fallback"), texts("markdown")
#: The kinds of content a fallback cell can be generated from.
FALLBACK_KINDS = ("quiz", "roleplay", "classifier", "builder", "reviewer", "progress")


def _question(number: int, question: Question) -> str:
    lines = []
    if isinstance(question, SingleChoice | MultipleChoice):
        lines = [_md("option", letter=letter, text=option.text)
                 for letter, option in zip(_LETTERS, question.options, strict=False)]
    elif isinstance(question, Ordering | Matching):
        items = question.presented() if isinstance(question, Ordering) else question.left
        lines = [_md("item", text=item.text) for item in items]
    if isinstance(question, Matching):
        lines += ["", _ui("match", targets="; ".join(t.text for t in question.right))]
    return _md("question", number=number, prompt=question.prompt, lines="\n".join(lines))


def _key(number: int, question: Question) -> str:
    lines = []
    if isinstance(question, SingleChoice | MultipleChoice):
        verdicts = {True: _md("right", sign=CORRECT), False: _md("wrong", sign=WRONG)}
        lines = [_md("key_option", letter=letter, verdict=verdicts[option.correct],
                     why=option.feedback)
                 for letter, option in zip(_LETTERS, question.options, strict=False)]
    elif isinstance(question, Ordering):
        lines = [_md("key_item", number=n, text=item.text, feedback=item.feedback)
                 for n, item in enumerate(question.items, 1)]
    elif isinstance(question, Matching):
        lines = [_md("key_match", text=item.text, target=question.target(item.match).text,
                     feedback=item.feedback) for item in question.left]
    return _md("key", number=number, lines="\n".join(lines), why=question.explanation)


def quiz_markdown(quiz_id: str) -> str:
    """Return a quiz's fallback: every question and option, then the answer key, collapsed."""
    numbered = list(enumerate(quizzes()[quiz_id].questions, 1))
    return _ui("quiz", questions="".join(_question(n, q) for n, q in numbered),
               keys="".join(_key(n, q) for n, q in numbered))


def roleplay_markdown(roleplay_id: str) -> str:
    """Return a role-play's fallback: the situation, each point of the call with the replies to
    choose from (how each lands in a collapsed block), and the endings."""
    roleplay = roleplays()[roleplay_id]
    nodes, endings = [], []
    for node in map(roleplay.node, roleplay.reading_order):
        if node.ending is not None:
            endings.append(_md("ending", title=node.ending.title, debrief=node.ending.debrief))
        elif node.fork:
            choices = "\n".join(_md("item", text=choice.text) for choice in node.choices)
            nodes.append(_md("then", cue=f" {node.cue}" if node.cue else "", choices=choices))
        else:
            replies, lands = [], []
            for letter, choice in zip(_LETTERS, node.choices, strict=False):
                quality = QUALITY_LABELS.get(choice.quality, choice.quality)
                replies.append(_md("reply", letter=letter, text=choice.text))
                lands.append(_md("lands", letter=letter, quality=quality, feedback=choice.feedback))
            nodes.append(_ui("turn", line=node.speaker_line, replies="\n".join(replies),
                             lands="\n".join(lands)))
    return _ui("roleplay", situation=roleplay.situation, nodes="".join(nodes),
               endings="\n".join(endings))


def _scenarios(scenario: str) -> tuple[int, ...]:
    """Return the scenarios a builder or reviewer fallback covers (both when not given)."""
    if scenario and scenario not in ("1", "2"):
        raise KeyError(scenario)
    return (int(scenario),) if scenario else (1, 2)


def _moves_list(number: int, with_how: bool) -> str:
    return "\n".join(_md("move", number=step, title=move.title,
                         text=move.how if with_how else move.purpose)
                     for step, move in enumerate(knowledge().scenario_moves(number), 1))


def classifier_markdown() -> str:
    """Return the classifier's questions and how the answers decide the scenario."""
    facts = knowledge()
    one, two = facts.scenarios[1], facts.scenarios[2]
    missteps = "\n".join(_md("misstep", label=m.label, example=m.example)
                         for m in facts.missteps.values())
    return _ui("classifier", missteps=missteps, one_title=one.title, one_summary=one.summary,
               two_title=two.title, two_summary=two.summary)


def builder_markdown(scenario: str = "") -> str:
    """Return the script builder's questions and the moves the answers are put into."""
    numbers = _scenarios(scenario)
    fields = [entry for entry in script_wording().fields if not entry.scenario
              or entry.scenario in numbers]
    return _ui("builder", questions="\n".join(_md("numbered", number=n, text=entry.prompt)
                                              for n, entry in enumerate(fields, 1)),
               scenarios="".join(_ui("builder_moves", number=number,
                                     moves=_moves_list(number, with_how=False))
                                 for number in numbers))


def reviewer_markdown(scenario: str = "") -> str:
    """Return the draft reviewer's checklist: each move of the scenario, and the order."""
    numbers = _scenarios(scenario)
    scenarios = "".join(_ui("reviewer_moves", number=n, moves=_moves_list(n, with_how=True))
                        for n in numbers)
    return _ui("reviewer", scenarios=scenarios,
               repair_first=_ui("repair_first") if 2 in numbers else "")


def progress_markdown() -> str:
    """Return what the progress panel lists and does, from the course manifest."""
    notebooks = [_md("notebook", number=notebook.number, title=notebook.title,
                     exercises="; ".join(exercise.label for exercise in notebook.exercises))
                 for notebook in course().notebooks if notebook.exercises]
    return _ui("progress", notebooks="\n".join(notebooks))


def fallback_markdown(tag: str) -> str:
    """Return the fallback text for one of the tags the module docstring lists (else KeyError)."""
    kind, _, content_id = tag.partition(":")
    by_id = {"quiz": quiz_markdown, "roleplay": roleplay_markdown, "builder": builder_markdown,
             "reviewer": reviewer_markdown}
    if kind in by_id:
        return by_id[kind](content_id)
    return {"classifier": classifier_markdown, "progress": progress_markdown}[tag]()
