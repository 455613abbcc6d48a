"""Negative controls: the gates every client test relies on do catch what they should.

A throwaway notebook in the Lab server's folder holds a traceback, a widget's text repr, an
image without alt text (axe), radio labels drawn over each other (layout), and a button whose
callback raises (JupyterLab's Log Console); the console fixture catches a console error.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import nbformat
import pytest
from pages import (
    LAB,
    axe_problems,
    error_outputs,
    layout_problems,
    log_console_errors,
    open_notebook,
    run_all,
    widget_problems,
)

pytestmark = [pytest.mark.client, pytest.mark.timeout(300)]

BAD_CELLS = [
    "import ipywidgets as w\n"
    "bad = w.HTML('<img src=\"data:,\">')  # an image with no alt text\n"
    "bad.add_class('sc-widget')\n"
    "bad",
    "print(repr(w.VBox(children=[w.Button(description='x')])))",
    # Long options wrap inside ipywidgets' fixed-height radio rows and overlap.
    "long = 'A long answer that has to wrap onto a second line of the box. ' * 3\n"
    "radios = w.RadioButtons(options=[long, 'Short answer'], description='Pick',\n"
    "    style={'description_width': 'initial'}, layout=w.Layout(width='100%'))\n"
    "box = w.VBox([radios], layout=w.Layout(max_width='30rem', width='100%'))\n"
    "box.add_class('sc-widget')\n"
    "box",
    "def fail(_):\n"
    "    raise RuntimeError('callback failed')\n"
    "boom = w.Button(description='Boom')\n"
    "boom.on_click(fail)\n"
    "boom",
    "raise ValueError('probe failure')",
    "print('never runs')",
]


def test_gates_catch_bad_output(
    page: Any, lab: Callable[[str], str], lab_server: tuple[str, Path], console: Any
) -> None:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)"}
    nb.cells = [nbformat.v4.new_code_cell(source) for source in BAD_CELLS]
    (lab_server[1] / "_probe").mkdir(exist_ok=True)
    nbformat.write(nb, lab_server[1] / "_probe" / "bad.ipynb")
    open_notebook(page, lab("_probe/bad.ipynb"))
    run_all(page)  # returns although Run All stopped at the error

    errors = error_outputs(page, LAB)
    assert len(errors) == 1 and "probe failure" in errors[0], errors
    problems = widget_problems(page, LAB)
    assert any("VBox(children=" in p for p in problems), problems
    assert any(p.startswith("image-alt") for p in axe_problems(page, LAB))
    overlaps = layout_problems(page, LAB)
    assert any("A long answer" in o and "Short answer" in o for o in overlaps), overlaps

    assert log_console_errors(page) == []
    page.get_by_role("button", name="Boom", exact=True).click()
    page.locator("#jp-main-statusbar .jp-LogConsoleStatusItem:not(.lm-mod-hidden)").wait_for()
    logged = log_console_errors(page)
    assert len(logged) == 1 and "callback failed" in logged[0], logged

    page.evaluate("() => console.error('Failed to load resource: the server responded "
                  "with a status of 404 (Not Found)')")
    page.evaluate("() => console.error('Error: widget view failed')")
    page.evaluate("() => setTimeout(() => { throw new TypeError('coursekit boom'); }, 0)")
    page.wait_for_timeout(500)
    assert any("widget view failed" in e for e in console.errors), console.errors
    assert any("coursekit boom" in e for e in console.errors), console.errors
    assert not any("status of 404" in e for e in console.errors), console.errors
    console.errors.clear()  # or the console fixture fails this test at teardown
