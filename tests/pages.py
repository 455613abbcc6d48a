"""One page driver for the course in a browser: JupyterLab, JupyterLite (the same UI) and Voilà.

Pages come from pytest-playwright's fixtures; this module only knows the course's pages: open a
notebook and wait for an idle kernel, Run All, and the gates every client must pass (widgets
rendered, no traceback or text repr, axe, layout, Log Console).
"""

from __future__ import annotations

import re
from typing import Any

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"
LAB = ".jp-NotebookPanel"  # outputs of notebooks, not of the Log Console
# The status bar's kernel item, e.g. "Python 3 (ipykernel) | Idle" (its title is "Change
# kernel for <file>"); the toolbar's indicator says idle before any kernel exists.
KERNEL = '#jp-main-statusbar .jp-StatusBar-TextItem[title^="Change kernel"]'
OUTPUT = ".jp-OutputArea-output"
STDERR = '[data-mime-type="application/vnd.jupyter.stderr"]'
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
# A widget's text repr instead of the widget, or ipywidgets' own failure texts.
RAW_REPR = re.compile(
    r"\b[A-Z][A-Za-z]*\((children|description|value|options|layout|style|placeholder)="
    r"|Error displaying widget|A Jupyter widget could not be displayed"
)

_JS_IDLE = """(sel) => { const t = (document.querySelector(sel) || {}).textContent || '';
  return /\\|\\s*Idle\\s*$/.test(t) && !/^\\s*No Kernel/i.test(t); }"""

# Done when the notebook's execution indicator no longer says busy (it stays busy while any cell
# Run All scheduled is still to run, so it does not blink idle between cells; the course's code
# cells hide their input, so their prompts are not in the page), the kernel is idle, no shown
# prompt says [*], and every shown code cell has a number; or when Run All stopped at an error,
# which the gates then report.
_JS_RUN_DONE = """([panel, kernel]) => {
  const root = document.querySelector(panel), k = document.querySelector(kernel);
  if (!root || !k || !/\\|\\s*Idle\\s*$/.test(k.textContent)) return false;
  const failed = Array.from(root.querySelectorAll('.jp-OutputArea-output[data-mime-type$=stderr]'))
    .some(o => /Traceback|\\w+Error\\b/.test(o.textContent));
  const run = root.querySelector('.jp-Notebook-ExecutionIndicator');
  if (!run || run.dataset.status !== 'idle') return failed;
  for (const c of root.querySelectorAll('.jp-Notebook .jp-Cell.jp-CodeCell')) {
    const p = (c.querySelector('.jp-InputArea-prompt') || {}).textContent || '';
    const src = c.querySelector('.jp-InputArea-editor .cm-content');
    if (p.includes('*') || (src && src.textContent.trim() && !/\\[\\d+\\]/.test(p))) return failed;
  }
  return true;
}"""


def open_notebook(page: Page, url: str, timeout_ms: int = 240_000) -> str:
    """Go to a notebook's URL (Lab or Lite); return the kernel status once it is idle."""
    page.goto(url)
    page.locator(f"{PANEL} .jp-Notebook").first.wait_for(state="visible", timeout=timeout_ms)
    page.wait_for_function(_JS_IDLE, arg=KERNEL, timeout=timeout_ms)
    return kernel_status(page)


def kernel_status(page: Page) -> str:
    return " ".join(page.locator(KERNEL).first.inner_text().split())


def menu(page: Page, top: str, label: str) -> None:
    """Click a main-menu entry by its visible labels, as a person would (Run > Run All Cells)."""
    page.locator("#jp-menu-panel .lm-MenuBar-item", has_text=re.compile(rf"^{top}$")).click()
    label_loc = page.locator(".lm-Menu-itemLabel", has_text=re.compile(rf"^{re.escape(label)}$"))
    page.locator(".lm-Menu .lm-Menu-item").filter(has=label_loc).first.click()


def run_all(page: Page, timeout_ms: int = 240_000) -> None:
    """Clear stored outputs (so a number proves a cell ran here), Run All, wait until done."""
    menu(page, "Edit", "Clear Outputs of All Cells")
    menu(page, "Run", "Run All Cells")
    page.wait_for_timeout(500)  # the first prompts turn to [*]
    page.wait_for_function(_JS_RUN_DONE, arg=[PANEL, KERNEL], timeout=timeout_ms)


def wait_voila(page: Page, url: str, timeout_ms: int = 120_000) -> None:
    """Open a Voilà app and wait until every cell ran and its widgets rendered.

    With progressive rendering the text shows first and each code cell holds a placeholder
    (``.voila-skeleton-container``) until its output arrives.
    """
    page.goto(url, timeout=timeout_ms)
    page.wait_for_function(
        "() => { const cells = document.getElementById('rendered_cells');"
        " return document.readyState === 'complete' && !document.getElementById('loading')"
        " && !!cells && cells.style.display !== 'none'"
        " && !document.querySelector('.voila-skeleton-container'); }",
        timeout=timeout_ms,
    )


def say_it_my_way(page: Page, box: Any, text: str, wait_ms: int = 30_000) -> tuple[str, str]:
    """Type a turn, say it, and return (the typed line with its feedback, the manager's reply)."""
    before = box.locator(".sc-turn").count()
    area = box.locator(".sc-own-words textarea").first
    area.scroll_into_view_if_needed()
    area.fill(text)
    area.press("Tab")  # the typed words sync when the learner leaves the box
    page.wait_for_timeout(300)
    box.locator("button", has_text="Say it your way").first.click()
    box.locator(".sc-feedback-step [role=status]").first.wait_for(timeout=wait_ms)
    page.wait_for_function(
        "([el, n]) => el.querySelectorAll('.sc-turn').length === n + 2",
        arg=[box.element_handle(), before],
        timeout=wait_ms,
    )
    mine = box.locator(".sc-turn-you").last.inner_text()
    reply = box.locator(".sc-turn-manager").last.inner_text()
    return mine, reply


def error_outputs(page: Page, scope: str = "") -> list[str]:
    """Texts of error outputs that carry a Python traceback or an error's name."""
    texts = page.locator(f"{scope} {OUTPUT}{STDERR}".strip()).all_inner_texts()
    return [t[-1500:] for t in texts if "Traceback" in t or re.search(r"\b\w+Error\b", t)]


_JS_SC_ROOTS = """([scope, mime, need]) => {
  const outs = Array.from(document.querySelectorAll(scope + ' .jp-OutputArea-output'));
  // Voilà's widget outputs say "Loading widget..." until the widget manager rendered them.
  if (outs.some(o => /Loading widget\\.\\.\\./.test(o.textContent) ||
      (o.getAttribute('data-mime-type') === mime && !o.querySelector('.jupyter-widgets'))))
    return null;
  const roots = Array.from(document.querySelectorAll(scope + ' .sc-widget'))
    .filter(el => !el.parentElement.closest('.sc-widget'));
  return (need && !roots.length) ? null : roots.map(el => {
      const r = el.getBoundingClientRect();
      return {kinds: Array.from(el.classList).filter(c => /^sc-/.test(c) && c !== 'sc-widget'),
              live: !!el.closest('.jupyter-widgets') && !!el.closest('.jp-OutputArea-output'),
              size: r.width >= 1 && r.height >= 1};
    });
}"""


def sc_roots(page: Page, scope: str = "", require_any: bool = True) -> list[dict[str, Any]]:
    """The course's root widgets once every widget output rendered (and, if asked, one exists)."""
    try:
        found = page.wait_for_function(_JS_SC_ROOTS, arg=[scope, WIDGET_MIME, require_any])
    except PlaywrightTimeoutError:  # say what is there instead
        found = page.wait_for_function(_JS_SC_ROOTS, arg=[scope, WIDGET_MIME, False])
    roots: list[dict[str, Any]] = found.json_value()
    return roots


def widget_problems(page: Page, scope: str = "", require_any: bool = True) -> list[str]:
    """Wait for the widgets to render; say what is wrong: tracebacks, text reprs, dead widgets."""
    roots = sc_roots(page, scope, require_any)
    texts = page.locator(f"{scope} {OUTPUT}".strip()).all_inner_texts()
    problems = [f"error output: {e}" for e in error_outputs(page, scope)]
    problems += [f"shown as text, not a widget: {t[:200]}" for t in texts if RAW_REPR.search(t)]
    problems += [f"not a live, visible widget: {r}" for r in roots if not (r["live"] and r["size"])]
    if require_any and not roots:
        problems.append("no .sc-widget rendered at all")
    return problems


def widget_kinds(page: Page, scope: str = "") -> set[str]:
    return {kind for r in sc_roots(page, scope) for kind in r["kinds"]}


def axe_problems(page: Page, scope: str = "") -> list[str]:
    """Serious and critical axe-core findings inside the course's widgets (the rest is not ours)."""
    if not page.locator(f"{scope} .sc-widget".strip()).count():
        return []
    found = Axe().run(page, context=f"{scope} .sc-widget".strip()).response["violations"]
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes'][:5]]}"
        for v in found
        if v["impact"] in ("serious", "critical")
    ]


_JS_LAYOUT = """(scope) => {
  const bad = [], roots = Array.from(document.querySelectorAll(scope + ' .sc-widget'))
      .filter(el => !el.parentElement.closest('.sc-widget'));
  const name = (e) => e ? (e.tagName.toLowerCase() + ' "' + (e.innerText || e.value ||
      e.getAttribute('aria-label') || '').trim().slice(0, 60) + '"') : 'nothing';
  for (const root of roots) {
    // every control's centre is the control (a person clicks where it is drawn)
    const controls = 'input:not([type=hidden]), button, select, textarea, a[href]';
    for (const c of root.querySelectorAll(controls)) {
      const st = getComputedStyle(c);
      if (st.display === 'none' || st.visibility === 'hidden') continue;
      if (c.getBoundingClientRect().width < 1) continue;
      c.scrollIntoView({block: 'center'});
      const r = c.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      if (!(hit && (hit === c || c.contains(hit) || hit.contains(c) ||
            Array.from(c.labels || []).some(l => l.contains(hit)))))
        bad.push(name(c) + ' is covered by ' + name(hit));
    }
    // no text drawn over other text
    const boxes = [], walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      if (!n.textContent.trim() || n.parentElement.closest('style, script, select')) continue;
      const shut = n.parentElement.closest('details:not([open])');  // not drawn while closed
      if (shut && !n.parentElement.closest('summary')) continue;
      const range = document.createRange(); range.selectNodeContents(n);
      for (const r of range.getClientRects()) if (r.width > 1 && r.height > 1) boxes.push({n, r});
    }
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i], b = boxes[j];
      if (a.n === b.n) continue;
      const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
      const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
      if (w > 3 && h > 3) bad.push('text "' + a.n.textContent.trim().slice(0, 50) +
                                    '" overlaps "' + b.n.textContent.trim().slice(0, 50) + '"');
    }
  }
  return Array.from(new Set(bad));
}"""


def layout_problems(page: Page, scope: str = "") -> list[str]:
    """Controls a click cannot reach and text drawn over text, inside the course's widgets."""
    found: list[str] = page.evaluate(_JS_LAYOUT, scope)
    return found


def assert_gates(page: Page, what: str, scope: str = "", require_any: bool = True) -> None:
    """Every client's gates: widgets live, no errors or reprs, axe clean, layout clean."""
    problems = widget_problems(page, scope, require_any)
    problems += [f"axe: {p}" for p in axe_problems(page, scope)]
    problems += [f"layout: {p}" for p in layout_problems(page, scope)]
    assert not problems, f"{what}:\n" + "\n".join(f"  - {p}" for p in problems)


def log_console_errors(page: Page) -> list[str]:
    """Errors the kernel logged outside any cell (a widget callback that raised).

    JupyterLab shows those in its Log Console, announced by a status-bar item; open it and
    return the error and critical entries.
    """
    item = page.locator("#jp-main-statusbar .jp-LogConsoleStatusItem:not(.lm-mod-hidden)")
    if not item.count():
        return []
    if not page.locator(".jp-LogConsolePanel").count():
        item.first.locator(".jp-StatusBar-GroupItem").first.click()
        page.locator(".jp-LogConsolePanel").first.wait_for(state="attached")
    entries: list[str] = page.evaluate(
        """() => Array.from(document.querySelectorAll(
              '.jp-LogConsolePanel .jp-OutputArea-prompt[data-log-level]'))
            .filter(p => ['error', 'critical'].includes(p.dataset.logLevel))
            .map(p => (p.parentElement.querySelector('.jp-OutputArea-output') || p)
                      .innerText.slice(-1500))"""
    )
    return entries
