"""HTML fragments the exercises show: learner text escaped, results as a sign plus a word.

Nothing here depends on ipywidgets; the widget layer puts these fragments into its controls.

>>> status_html("✓", "Saved")
"<div role='status' aria-live='polite'><strong>✓ Saved</strong></div>"
>>> "&lt;b&gt;" in status_html("⚠", "Check", escape_html("<b>"))
True
"""

from __future__ import annotations

from .classify import Classification
from .knowledge import knowledge
from .quiz import Result
from .review import LIMITS, Review, describe_cues
from .textsafe import escape_html

__all__ = [
    "ERROR",
    "OK",
    "classification_html",
    "cues_html",
    "result_html",
    "review_html",
    "status_html",
]

OK = "✓"
ERROR = "✗"


def status_html(symbol: str, label: str, body_html: str = "") -> str:
    """Return feedback markup: a text symbol and a word, never colour alone."""
    body = f"<div class='sc-feedback-body'>{body_html}</div>" if body_html else ""
    return (
        f"<div role='status' aria-live='polite'><strong>{escape_html(symbol)} "
        f"{escape_html(label)}</strong>{body}</div>"
    )


def classification_html(result: Classification) -> str:
    """Return the classification as escaped HTML for the feedback area."""
    reactions = "".join(
        f"<li><strong>{escape_html(r.label)}</strong>: {escape_html(r.why)}</li>"
        for r in result.reactions
    )
    moves = "".join(
        f"<li><strong>{escape_html(m.title)}</strong> — {escape_html(m.guidance)}</li>"
        for m in result.moves
    )
    reasons = "".join(f"<li>{escape_html(reason)}</li>" for reason in result.reasons)
    return (
        f"<p><strong>Scenario {result.scenario}</strong></p>"
        f"<p>How the manager may feel:</p><ul>{reactions}</ul>"
        f"<p>Your moves, in order:</p><ol>{moves}</ol>"
        f"<p>Why:</p><ul>{reasons}</ul>"
        f"<p>Next step: {escape_html(result.next_step)}</p>"
    )


def review_html(review: Review) -> str:
    """Return a review as escaped HTML: one line per move with a sign, a word and evidence."""
    rows = []
    for check in review.moves:
        if check.covered:
            detail = f"found in: “{escape_html(check.evidence or '')}”"
            head = f"{OK} Covered"
        else:
            detail = f"tip: {escape_html(check.tip or '')}"
            head = f"{ERROR} Missing"
        rows.append(f"<li><strong>{head}: {escape_html(check.title)}</strong> — {detail}</li>")
    order = (
        ""
        if review.scenario == 1
        else (
            f"<p><strong>{OK if review.order_ok else ERROR} Order:</strong> "
            f"{escape_html(review.order_note)}</p>"
        )
    )
    return f"<ol>{''.join(rows)}</ol>{order}"


def cues_html(scenario: int) -> str:
    """Return, in a collapsible block, what the reviewer looks for and its limits."""
    parts = []
    for move_id in knowledge().scenarios[scenario].move_ids:
        cues = "".join(f"<li>{escape_html(text)}</li>" for text in describe_cues(move_id))
        parts.append(f"<li>{escape_html(knowledge().moves[move_id].title)}<ul>{cues}</ul></li>")
    return (
        "<details><summary>What the reviewer looks for, and its limits</summary>"
        f"<ul>{''.join(parts)}</ul><p>{escape_html(LIMITS)}</p></details>"
    )


def result_html(result: Result) -> str:
    """Return a graded answer as escaped HTML: sign and word, feedback lines, explanation."""
    lines = "".join(f"<li>{escape_html(line)}</li>" for line in result.feedback)
    explanation = (
        f"<p><em>Why:</em> {escape_html(result.explanation)}</p>" if result.explanation else ""
    )
    return status_html(result.symbol, result.label, f"<ul>{lines}</ul>{explanation}")
