"""One widget interaction with the course's logic vs a bare widget update of the same size.

Run: .venv/bin/python benchmarks/bench_interaction.py [--reps N] [--profile]

A real IPython kernel is started from the project's venv (jupyter_client), with the journal
in a temporary folder. Each timed step is one `execute` round trip, from sending the request
to the kernel going idle (so every widget update it caused has been published), which is what
a learner waits for. Ours and the baseline alternate, rep by rep.

(a) classify: set a control on situation_classifier() and click its button, vs setting an
    ipywidgets.HTML value to a string as long as the classifier's result HTML.
(b) script keystroke: add one character to script_builder()'s "what_drew_you" field (the
    preview rebuilds and the answers are saved), vs an HTML update as long as the preview.
(c) review: set the reviewer's text to a 2,000-word draft and click review, vs an HTML update
    as long as the draft plus the review's HTML (the bytes our interaction sends). Each rep
    edits one sentence of the draft, so no rep reviews a text seen before.

Target: median ratio <= 1.5 for each; the p95 ratio is printed too. --profile runs cProfile
inside the kernel on each of our interactions and prints the top functions.
"""

from __future__ import annotations

import argparse
import os
import queue
import shutil
import subprocess
import tempfile
import textwrap
import time
from typing import Any

from _bench import fmt_seconds, header, median, p95, ratio_line, venv_python

TARGET = 1.5

_SETUP = r"""
import ipywidgets as w
import coursekit.widgets as cw

_SENTENCES = [
    "I really enjoyed meeting the team, and the work on the new platform stuck with me.",
    "When you offered me the job I said no because I was nervous about leaving a safe post.",
    "Since then my manager has left and I have realised how much I want to build things again.",
    "I know it has been a few weeks and you may well have hired someone else by now.",
    "If the role has been filled, I completely understand, and I hope we can stay in touch.",
    "I am sorry that I went quiet for so long before I gave you my answer.",
    "That must have left you waiting while other candidates moved on.",
    "How did that land for you, and is there anything you would like to tell me about it?",
    "It is completely fair for you to weigh that in your decision about me.",
    "The chance to lead a small team is what this job would let me do.",
    "My family situation has also changed, so the move to your city is now easy for us.",
    "I keep thinking about the conversation we had about the roadmap for next year.",
]


def _draft(words, extra=""):
    out, n, i = [], 0, 0
    while n < words:
        sentence = _SENTENCES[i % len(_SENTENCES)]
        out.append(sentence)
        n += len(sentence.split())
        i += 1
        if i % 4 == 0:
            out.append("\n\n")
    return " ".join(out) + extra


# Every rep reviews a draft it has not seen before: the same 2,000 words with one sentence
# edited (a number that changes each time), as when a learner edits and reviews again.
_DRAFT = _draft(2000)
_MIDDLE = _DRAFT.index(_SENTENCES[5], len(_DRAFT) // 2)
DRAFT_TEMPLATE = _DRAFT[:_MIDDLE] + "I waited {n} days to answer. " + _DRAFT[_MIDDLE:]

cls = cw.situation_classifier()
cls.misstep_boxes["went_silent"].value = True
cls.classify_button.click()

sb = cw.script_builder()
for _name, _text in {
    "manager_name": "Sam Rivera",
    "what_drew_you": "the team's care for its users and the chance to ship every week",
    "why_declined": "I was worried about the commute and about leaving a stable job",
    "what_changed": "we have moved closer, and I have learned what I want from my work",
    "what_job_offers": "leading a small team on the product I admired in the interview",
    "misstep": "I went quiet for two weeks before answering",
    "cost_to_manager": "you had to keep the other candidates waiting",
}.items():
    sb.fields[_name].value = _text
_TYPING = "; and the way the whole team talked about their users, which I still remember. "

rv = cw.draft_reviewer(scenario=2)
rv.text.value = DRAFT_TEMPLATE.format(n=0)
rv.review_button.click()

bare = w.HTML()


def _pad(n, i):
    return ("ab"[i % 2] * n)[:n]


def a_ours(i):
    cls.days.value = 30 + i % 2
    cls.classify_button.click()


def b_ours(i):
    field = sb.fields["what_drew_you"]
    if len(field.value) > 1500:
        field.value = field.value[:80]
    field.value = field.value + _TYPING[i % len(_TYPING)]


def c_ours(i):
    rv.text.value = DRAFT_TEMPLATE.format(n=i)
    rv.review_button.click()


SIZE_A = len(cls.result.value)
SIZE_B = len(sb.preview.value)
SIZE_C = len(rv.text.value) + len(rv.result.value)
PAD_A = [_pad(SIZE_A, 0), _pad(SIZE_A, 1)]
PAD_B = [_pad(SIZE_B, 0), _pad(SIZE_B, 1)]
PAD_C = [_pad(SIZE_C, 0), _pad(SIZE_C, 1)]


def a_base(i):
    bare.value = PAD_A[i % 2]


def b_base(i):
    bare.value = PAD_B[i % 2]


def c_base(i):
    bare.value = PAD_C[i % 2]


def _check():
    problems = []
    if "saved" not in cls.result.value:
        problems.append("classifier: " + cls.result.value[:200])
    if "Saved" not in sb.status.value:
        problems.append("script builder: " + sb.status.value[:200])
    if "moves covered" not in rv.result.value:
        problems.append("reviewer: " + rv.result.value[:200])
    saved = cls.journal.get("script_inputs")["inputs"]["what_drew_you"]
    if saved != sb.fields["what_drew_you"].value:
        problems.append("script builder: the last keystroke was not saved")
    return problems
"""

_CASES = (
    ("a", "classify and show", "a_ours", "a_base", "SIZE_A"),
    ("b", "script preview on a keystroke", "b_ours", "b_base", "SIZE_B"),
    ("c", "review a 2,000-word draft", "c_ours", "c_base", "SIZE_C"),
)


class Kernel:
    """A kernel from the project's venv, driven over the Jupyter protocol."""

    def __init__(self, env: dict[str, str]) -> None:
        from jupyter_client.manager import KernelManager

        self.km = KernelManager(kernel_name="python3")
        python = venv_python()
        spec = self.km.kernel_spec
        if spec is not None:
            spec.argv = [python, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
        # The kernel's stderr only carries its start-up notices; errors come back as messages.
        self.km.start_kernel(env=env, cwd=str(env["BENCH_TMP"]), stderr=subprocess.DEVNULL)
        self.kc = self.km.blocking_client()
        self.kc.start_channels()
        self.kc.wait_for_ready(timeout=120)

    def run(self, code: str, timeout: float = 120) -> tuple[float, list[str], Any]:
        """Execute ``code``; return (round trip seconds, errors, last expression value)."""
        start = time.perf_counter()
        msg_id = self.kc.execute(code, store_history=False)
        errors: list[str] = []
        value: Any = None
        while True:
            try:
                msg = self.kc.get_iopub_msg(timeout=timeout)
            except queue.Empty as exc:
                raise RuntimeError(f"kernel did not answer within {timeout} s") from exc
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            kind = msg["msg_type"]
            content = msg["content"]
            if kind == "status" and content["execution_state"] == "idle":
                break
            if kind == "error":
                errors.append("\n".join(content["traceback"][-3:]))
            elif kind == "stream" and content["name"] == "stderr":
                errors.append(content["text"])
            elif kind in ("execute_result", "stream"):
                value = content.get("data", {}).get("text/plain", content.get("text"))
        elapsed = time.perf_counter() - start
        reply = self.kc.get_shell_msg(timeout=timeout)
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = self.kc.get_shell_msg(timeout=timeout)
        if reply["content"]["status"] != "ok" and not errors:
            errors.append(f"{reply['content'].get('ename')}: {reply['content'].get('evalue')}")
        return elapsed, errors, value

    def must(self, code: str) -> Any:
        _elapsed, errors, value = self.run(code)
        if errors:
            raise RuntimeError("kernel error:\n" + "\n".join(errors))
        return value

    def close(self) -> None:
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=True)


_PROFILE = r"""
import cProfile, pstats, io
_prof = cProfile.Profile()
_prof.enable()
for _i in range({n}):
    {func}(10_000 + _i)
_prof.disable()
_out = io.StringIO()
pstats.Stats(_prof, stream=_out).sort_stats("cumulative").print_stats({top})
print(_out.getvalue())
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=200, help="round trips per side for a, b")
    parser.add_argument(
        "--review-reps", type=int, default=60, help="round trips per side for c (slower)"
    )
    parser.add_argument("--profile", action="store_true", help="cProfile our side in the kernel")
    args = parser.parse_args()

    folder = tempfile.mkdtemp(prefix="bench-interaction-")
    env = {
        **os.environ,
        "SECOND_CALL_JOURNAL": os.path.join(folder, "journal.json"),
        "BENCH_TMP": folder,
    }
    env.pop("PYTHONPATH", None)
    kernel = Kernel(env)
    try:
        kernel.must(_SETUP)
        sizes = {key: int(kernel.must(size)) for key, _label, _o, _b, size in _CASES}
        results: dict[str, tuple[list[float], list[float]]] = {}
        for key, _label, ours, base, _size in _CASES:
            reps = args.review_reps if key == "c" else args.reps
            for i in range(5):  # warm up both sides
                kernel.must(f"{ours}({i})")
                kernel.must(f"{base}({i})")
            ours_t: list[float] = []
            base_t: list[float] = []
            for i in range(5, reps + 5):
                first, second = (ours, base) if i % 2 else (base, ours)
                for func in (first, second):
                    elapsed, errors, _value = kernel.run(f"{func}({i})")
                    if errors:
                        raise RuntimeError(f"{func}: " + "\n".join(errors))
                    (ours_t if func == ours else base_t).append(elapsed)
            results[key] = (ours_t, base_t)
        problems = kernel.must("_check()")
        profiles = {}
        if args.profile:
            for key, _label, ours, _base, _size in _CASES:
                n = 20 if key == "c" else 100
                profiles[key] = kernel.must(_PROFILE.format(n=n, func=ours, top=25))
    finally:
        kernel.close()
        shutil.rmtree(folder, ignore_errors=True)

    header("bench_interaction: one interaction in a real kernel vs a bare HTML update")
    print("  execute round trips (request sent -> kernel idle), ours and baseline alternating")
    for key, label, _ours, _base, _size in _CASES:
        ours_t, base_t = results[key]
        print(f"  ({key}) {label}: {len(ours_t)} reps per side, baseline HTML {sizes[key]:,} chars")
        print(
            f"      ours      median {fmt_seconds(median(ours_t)):>9}   "
            f"p95 {fmt_seconds(p95(ours_t)):>9}"
        )
        print(
            f"      baseline  median {fmt_seconds(median(base_t)):>9}   "
            f"p95 {fmt_seconds(p95(base_t)):>9}"
        )
        print(ratio_line("    median ratio", median(ours_t) / median(base_t), TARGET))
        print(ratio_line("    p95 ratio", p95(ours_t) / p95(base_t), None))
    print(f"  state after the run: {'OK' if problems in ('[]', None) else problems}")
    for key, text in profiles.items():
        print(f"\n--- cProfile of ({key}), cumulative ---")
        print(textwrap.indent(str(text).strip(), "  "))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
