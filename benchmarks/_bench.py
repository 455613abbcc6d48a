"""Shared helpers for the benchmarks: statistics, verdicts and a uniform report format.

Every benchmark measures a baseline in the same run and reports ratios against it, so a busy
machine slows both sides alike. Figures are medians of several repetitions, taken alternately
(ours, baseline, ours, baseline, ...) so that drift in machine load hits both sides evenly.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def venv_python() -> str:
    """Return the project's venv interpreter if it exists, else the running one."""
    candidate = ROOT / ".venv" / "bin" / "python"
    return str(candidate) if candidate.exists() else PYTHON


def compile_checkout() -> None:
    """Write this checkout's bytecode (``__pycache__``), as installing the course does.

    A learner's coursekit is installed, so its kernels load compiled modules; where
    PYTHONDONTWRITEBYTECODE is set, every kernel of a bare checkout would compile the package
    from source again (about 0.1-0.2 s a kernel), a cost no learner meets and the baseline,
    whose ipywidgets is installed, does not pay.
    """
    command = [venv_python(), "-m", "compileall", "-q", str(ROOT / "coursekit")]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def p95(values: Sequence[float]) -> float:
    """Return the 95th percentile (nearest rank)."""
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(0.95 * len(ordered) + 0.5) - 1))
    return ordered[rank]


def verdict(ratio: float, target: float) -> str:
    return "PASS" if ratio <= target else "MISS"


def fmt_seconds(value: float) -> str:
    if value >= 1:
        return f"{value:.2f} s"
    if value >= 1e-3:
        return f"{value * 1e3:.1f} ms"
    return f"{value * 1e6:.0f} µs"


def ratio_line(label: str, ratio: float, target: float | None) -> str:
    if target is None:
        return f"  {label:<44} ratio {ratio:6.3f}   (informational)"
    return f"  {label:<44} ratio {ratio:6.3f}   target <= {target:.2f}   {verdict(ratio, target)}"


def header(title: str) -> None:
    print(title)
    print(f"  python {sys.version.split()[0]}, {os.cpu_count()} CPU(s), load {_load()}")


def _load() -> str:
    try:
        one, five, _ = os.getloadavg()
    except OSError:
        return "unknown"
    return f"{one:.2f} / {five:.2f} (1 / 5 min)"
