"""Drafts for the review benchmark: ordinary Scenario 1 drafts that each lack one move.

A learner's long draft rambles: background, small talk and logistics, with the moves it does
make somewhere in the middle or near the end, not all in its opening lines. These drafts are
built that way from a pool of plain sentences (deterministically, so every run reviews the
same text), plus the sentences for the moves the draft makes.

>>> len(draft(300, lacking="easy_out").split()) >= 300
True
"""

from __future__ import annotations

import random

__all__ = ["MOVE_SENTENCES", "draft"]

#: One sentence per Scenario 1 move, in a learner's words.
MOVE_SENTENCES = {
    "reaffirm": "I was really excited about the role when we met, and I still think it is a "
    "great team.",
    "explain_change": "I turned it down because my partner was ill and I could not face a "
    "move; she has recovered now, so things have changed.",
    "easy_out": "If the job has already gone to someone else, I completely understand, and I "
    "would still like to hear about future openings.",
}

_POOL = [
    "Hello Sam, this is Alex Morgan calling about the operations analyst position.",
    "We spoke a few weeks ago, after my second interview at your office.",
    "I hope the quarter has been going well for you and everyone there.",
    "I have kept up with the news about your company on its website.",
    "At the moment I am still at the logistics firm where I have worked for four years.",
    "Most of my days are spent on supplier reports and the weekly planning meeting.",
    "Last month we moved to a new planning system, which took a lot of evenings.",
    "I led the data clean-up for that move, and it went better than anyone expected.",
    "I mention it because it is close to the reporting work you described.",
    "My commute is about forty minutes each way, which gives me time to read.",
    "I have been reading about warehouse forecasting, which I had not studied before.",
    "I also finished the spreadsheet modelling course I told you I had started.",
    "I know your team was planning to change how orders are tracked this spring.",
    "I would be glad to talk through how I would approach that, if it helps.",
    "I could come in any morning next week, or talk again by phone if that suits you better.",
    "My notice period is four weeks, and I have no holidays booked before summer.",
    "I have kept the notes from our interview, including the questions you asked me.",
    "One of them was about a time I disagreed with a manager, and I have thought more about it.",
    "I would answer it differently now, with a clearer example from my current job.",
    "I have also talked this through with a former colleague who works in your sector.",
    "She told me a bit about how teams like yours plan their year.",
    "Please let me know the best way to follow up after this call.",
    "I can send a short summary of what we discussed by email today.",
    "Thank you for taking the time to pick up the phone.",
]


def draft(words: int, lacking: str, seed: int = 1) -> str:
    """Return a Scenario 1 draft of at least ``words`` words that makes every move but one."""
    moves = [text for move, text in MOVE_SENTENCES.items() if move != lacking]
    rng = random.Random(f"{seed}-{words}-{lacking}")
    sentences: list[str] = []
    count = sum(len(text.split()) for text in moves)
    while count < words:
        sentence = rng.choice(_POOL)
        sentences.append(sentence)
        count += len(sentence.split())
    # the moves it makes sit at about the middle and near the end, as in a real draft
    for share, text in zip((0.5, 0.85), moves, strict=True):
        sentences.insert(int(len(sentences) * share), text)
    paragraphs = [" ".join(sentences[i : i + 5]) for i in range(0, len(sentences), 5)]
    return "\n\n".join(paragraphs)
