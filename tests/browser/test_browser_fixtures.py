"""Prove the browser fixtures on throwaway notebooks generated in the test's temp dir.

These do not depend on the course notebooks: they build a small widget (a ``.sc-widget`` VBox
with a Text, a Button and an ``.sc-feedback`` HTML area) and check that JupyterLab and Voila
really render it, that clicks and the keyboard reach the kernel, and that the gates (errors,
raw reprs, console errors, axe) catch what they should.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import labkit
import nbformat
import pytest
from nbclient import NotebookClient

LAB = labkit.LAB_SCOPE

PROBE_WIDGET = """\
import ipywidgets as w

feedback = w.HTML(value="Not checked yet")
feedback.add_class("sc-feedback")
name = w.Text(description="Your name", placeholder="e.g. Sam")
check = w.Button(description="Check", tooltip="Check my answer")
clicks = {"n": 0}

def on_check(_):
    clicks["n"] += 1
    feedback.value = f"Checked {clicks['n']} time(s) for {name.value or 'nobody'}"

check.on_click(on_check)
box = w.VBox([name, check, feedback])
box.add_class("sc-widget")
box.add_class("sc-quiz")
box"""


def write_notebook(path: Path, sources: list[str], execute: bool = True) -> Path:
    """Write a notebook of code cells (a leading "# " source makes a markdown cell).

    With ``execute`` it is stored with the outputs of a run, like the course notebooks.
    """
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
    }
    nb.cells = [
        nbformat.v4.new_markdown_cell(s) if s.startswith("# ") else nbformat.v4.new_code_cell(s)
        for s in sources
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    if execute:
        NotebookClient(
            nb,
            kernel_name="python3",
            timeout=60,
            allow_errors=True,
            resources={"metadata": {"path": str(path.parent)}},
        ).execute()
    nbformat.write(nb, path)
    return path


@pytest.fixture(scope="module")
def probe(lab_server: labkit.ServerProcess) -> str:
    """The probe notebook inside the Lab server's root (a copy of notebooks/); its name."""
    write_notebook(
        lab_server.root / "_probe" / "probe.ipynb",
        [
            "# Probe\n\nA throwaway notebook for the browser fixtures.",
            PROBE_WIDGET,
            "",
            "print('all cells ran')",
        ],
    )
    return "_probe/probe.ipynb"


def feedback_text(page: Any) -> str:
    return page.locator(".sc-widget .sc-feedback").first.inner_text().strip()


def test_open_run_render_click(lab_page: Any, probe: str, timings: dict[str, float]) -> None:
    with labkit.timed("open+idle", timings):
        labkit.open_notebook(lab_page, probe)
    # open_notebook returned on a named, idle kernel; it may briefly turn busy again (the
    # front end asks the kernel for comm info after opening), so allow it to settle.
    status = ""
    for _ in range(60):
        status = labkit.kernel_status(lab_page)
        if "| Idle" in status:
            break
        lab_page.wait_for_timeout(500)
    assert "| Idle" in status, status
    # No "get notified about official Jupyter news?" toast: in JupyterLab 4.6 only the user
    # setting fetchNews="false" stops it (--LabApp.news_url=None alone does not).
    assert lab_page.locator(".Toastify__toast").all_inner_texts() == []
    with labkit.timed("run all", timings):
        labkit.run_all(lab_page)
    with labkit.timed("widgets", timings):
        roots = labkit.assert_sc_widgets_rendered(lab_page, scope=LAB, what=probe)
    assert [r["kinds"] for r in roots] == [["sc-quiz"]]

    # Rendered as a widget, not as text.
    assert lab_page.locator(".jp-OutputArea-output .jupyter-widgets.sc-widget").count() == 1
    assert lab_page.locator(".sc-widget .widget-button").count() == 1
    outputs = " ".join(lab_page.locator(".jp-OutputArea-output").all_inner_texts())
    assert "VBox(children=" not in outputs
    assert "all cells ran" in outputs  # the cell after the empty one ran too

    # Every code cell ran in this kernel (empty cells have no number).
    prompts = [c["prompt"] for c in labkit.cell_prompts(lab_page) if not c["empty"]]
    assert prompts == ["[1]:", "[2]:"], prompts

    # Mouse: type a name, click, see the kernel answer.
    assert feedback_text(lab_page) == "Not checked yet"
    lab_page.locator(".sc-widget").get_by_label("Your name").fill("Sam")
    lab_page.locator(".sc-widget").get_by_role("button", name="Check", exact=True).click()
    lab_page.wait_for_function(
        "() => document.querySelector('.sc-widget .sc-feedback').innerText.includes('Sam')"
    )
    assert feedback_text(lab_page) == "Checked 1 time(s) for Sam"
    lab_page.sc_console.assert_clean(probe)


def test_keyboard_only(lab_page: Any, probe: str) -> None:
    labkit.open_notebook(lab_page, probe)
    labkit.run_all(lab_page)
    labkit.assert_sc_widgets_rendered(lab_page, scope=LAB, what=probe)

    field = lab_page.locator(".sc-widget").get_by_label("Your name")
    field.focus()  # start inside the widget; from here on only keys
    lab_page.keyboard.type("Kim", delay=80)
    # ipywidgets buffers fast state updates until the kernel acknowledges earlier ones, while a
    # click goes out at once; a person pauses before moving on, and so does the test.
    lab_page.wait_for_timeout(600)
    lab_page.keyboard.press("Tab")
    focused = labkit.focused_element(lab_page)
    assert focused["tag"] == "BUTTON" and "Check" in focused["text"], focused

    lab_page.keyboard.press("Enter")
    lab_page.wait_for_function(
        "() => document.querySelector('.sc-widget .sc-feedback').innerText.includes('1 time')"
    )
    assert feedback_text(lab_page) == "Checked 1 time(s) for Kim"

    lab_page.keyboard.press("Space")
    lab_page.wait_for_function(
        "() => document.querySelector('.sc-widget .sc-feedback').innerText.includes('2 time')"
    )
    assert feedback_text(lab_page) == "Checked 2 time(s) for Kim"
    # JupyterLab must not have taken the keys (e.g. Enter switching the cell to edit mode).
    assert "Mode: Command" in lab_page.locator("#jp-main-statusbar").inner_text()


def test_axe_clean_on_probe(lab_page: Any, probe: str) -> None:
    labkit.open_notebook(lab_page, probe)
    labkit.run_all(lab_page)
    labkit.assert_sc_widgets_rendered(lab_page, scope=LAB, what=probe)
    labkit.assert_no_axe_violations(lab_page, probe, scope=LAB)
    labkit.assert_layout_ok(lab_page, LAB, probe)
    assert labkit.kernel_log_errors(lab_page) == []


def test_gates_catch_bad_output(lab_page: Any, lab_server: labkit.ServerProcess) -> None:
    """Negative controls: a traceback, a raw repr, an axe violation and an error in a widget
    callback (which JupyterLab logs to its Log Console, not the notebook) are all reported."""
    name = "_probe/bad.ipynb"
    write_notebook(
        lab_server.root / name,
        [
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
            "    print('about to fail')\n"
            "    raise RuntimeError('callback failed')\n"
            "boom = w.Button(description='Boom')\n"
            "boom.on_click(fail)\n"
            "boom",
            "raise ValueError('probe failure')",
            "print('never runs')",
        ],
        execute=False,
    )
    labkit.open_notebook(lab_page, name)
    labkit.run_all(lab_page)  # must return although Run All stopped at the error

    errors = labkit.error_outputs(lab_page, LAB)
    assert len(errors) == 1 and "ValueError" in errors[0] and "probe failure" in errors[0]
    assert any("VBox(children=" in r for r in labkit.raw_widget_reprs(lab_page, LAB))
    with pytest.raises(AssertionError, match="error output"):
        labkit.assert_sc_widgets_rendered(lab_page, scope=LAB, what=name)

    violations = labkit.axe_violations(lab_page, scope=LAB)
    assert "image-alt" in {v["id"] for v in violations}, violations

    overlaps = labkit.overlapping_text(lab_page, LAB)
    assert any("A long answer" in o and "Short answer" in o for o in overlaps), overlaps

    assert labkit.kernel_log_errors(lab_page) == []
    lab_page.get_by_role("button", name="Boom", exact=True).click()
    lab_page.locator("#jp-main-statusbar .jp-LogConsoleStatusItem:not(.lm-mod-hidden)").wait_for()
    logged = labkit.kernel_log_errors(lab_page)
    assert len(logged) == 1 and "callback failed" in logged[0], logged


def test_console_collector(lab_page: Any, probe: str) -> None:
    labkit.open_notebook(lab_page, probe)
    collector: labkit.ConsoleCollector = lab_page.sc_console
    assert collector.problems == [], collector.problems
    lab_page.evaluate(
        "() => console.error('Failed to load resource: the server responded "
        "with a status of 404 (Not Found)')"
    )
    lab_page.evaluate("() => console.error('Error: widget view failed')")
    lab_page.evaluate("() => setTimeout(() => { throw new TypeError('coursekit boom'); }, 0)")
    lab_page.wait_for_timeout(300)
    texts = [m.text for m in collector.problems]
    assert any("widget view failed" in t for t in texts), texts
    assert any("coursekit boom" in t for t in texts), texts
    assert not any("status of 404" in t for t in texts), texts  # known noise is ignored
    with pytest.raises(AssertionError, match="Console errors"):
        collector.assert_clean()
    collector.clear()  # or the page fixture fails this test at teardown


def test_voila_fixture(
    voila: Any, voila_page: Any, tmp_path: Path, timings: dict[str, float]
) -> None:
    nb = write_notebook(tmp_path / "app" / "probe_app.ipynb", ["# Probe app", PROBE_WIDGET])
    with labkit.timed("voila start", timings):
        server = voila(nb)
    with labkit.timed("voila render", timings):
        page = voila_page(server)
    roots = labkit.assert_sc_widgets_rendered(page, what="Voila probe")
    assert [r["kinds"] for r in roots] == [["sc-quiz"]]
    assert page.locator(".sc-widget .widget-button").count() == 1
    assert "VBox(children=" not in page.locator("body").inner_text()

    page.locator(".sc-widget").get_by_label("Your name").fill("Ana")
    page.locator(".sc-widget").get_by_role("button", name="Check", exact=True).click()
    page.wait_for_function(
        "() => document.querySelector('.sc-widget .sc-feedback').innerText.includes('Ana')"
    )
    assert feedback_text(page) == "Checked 1 time(s) for Ana"
    labkit.assert_no_axe_violations(page, "Voila probe")
    labkit.assert_layout_ok(page, what="Voila probe")
    page.sc_console.assert_clean("Voila probe")
