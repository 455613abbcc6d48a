"""The course's shared style sheet: form layout, feedback callouts and teaching surfaces.

Every exercise and every rendered teaching surface carries it (browsers apply a repeated
style sheet once), so the look is the same in JupyterLab, Voilà and JupyterLite.

>>> STYLE.startswith("<style>") and ".sc-callout-correct" in STYLE
True
"""

from __future__ import annotations

from .markup import Html

__all__ = ["STYLE"]

_CSS = """
.sc-widget, .sc-surface {
  --sc-ink: #1a1a1a; --sc-muted: #4a4a4a; --sc-paper: #ffffff; --sc-line: #8a8a8a;
  --sc-accent: #0b5cad; --sc-accent-ink: #ffffff;
  --sc-body-font: var(--jp-content-font-family, system-ui, -apple-system, "Segoe UI", Roboto,
    "Helvetica Neue", Arial, sans-serif);
  font-family: var(--sc-body-font); color: var(--sc-ink); line-height: 1.5;
  max-width: 45rem; box-sizing: border-box;
}
.sc-widget *, .sc-surface * { box-sizing: border-box; }
.sc-widget p, .sc-widget li, .sc-surface p, .sc-surface li { max-width: 75ch; }
.sc-widget h4.sc-title { margin: .2em 0 .6em; font-size: 1.15em; }
/* Form layout: every label above its control, one column. */
.sc-widget .widget-inline-hbox:not(.widget-checkbox) {
  flex-direction: column; align-items: stretch; height: auto; overflow: visible;
  margin: 0 0 .9em 0; width: 100%;
}
.sc-widget .widget-inline-hbox:not(.widget-checkbox) > .widget-label {
  width: auto; max-width: none; text-align: left; line-height: 1.4; height: auto;
  font-weight: 600; margin: 0 0 .3em 0; white-space: normal; overflow: visible;
}
.sc-widget .widget-inline-hbox:not(.widget-checkbox) > :not(.widget-label) { flex: none; }
.sc-widget .widget-radio > .widget-label,
.sc-widget .widget-toggle-buttons > .widget-label { font-weight: 600; }
.sc-widget .widget-html, .sc-widget .widget-html-content { height: auto; line-height: 1.5; }
.sc-widget .widget-html-content > p:first-child { margin-top: .2em; }
.sc-widget .widget-checkbox, .sc-widget .widget-checkbox label { height: auto; }
.sc-widget .widget-checkbox label, .sc-widget .widget-label { white-space: normal; }
.sc-widget input, .sc-widget textarea, .sc-widget select {
  font-family: var(--sc-body-font); font-size: 1em; line-height: 1.4; max-width: 100%;
}
.sc-widget .widget-text input, .sc-widget .widget-textarea textarea,
.sc-widget .widget-dropdown select { padding: .35em .5em; min-height: 2.1em; }
.sc-widget .widget-textarea, .sc-widget .widget-text { overflow: visible; }
.sc-widget .widget-dropdown select { max-width: 100%; height: auto; }
/* Radio answers: long labels wrap instead of overlapping. */
.sc-widget .widget-radio-box label { display: flex; align-items: flex-start; gap: .5em;
  height: auto; line-height: 1.35; white-space: normal; margin-bottom: .5em; }
.sc-widget .widget-radio-box input { order: -1; flex: none; margin: .2em 0 0 0; }
/* Buttons: sized to their label, grouped in a row. */
.sc-widget .jupyter-button, .sc-button {
  width: auto; height: auto; min-height: 2.2em; padding: .3em 1em; line-height: 1.4;
  font-family: var(--sc-body-font); font-size: .95em; white-space: normal;
  border-radius: 4px;
}
.sc-widget .sc-actions { gap: .5em; flex-wrap: wrap; margin: .3em 0 .8em; }
.sc-widget .jupyter-button.mod-primary, .sc-button {
  background: var(--sc-accent); color: var(--sc-accent-ink); border: 1px solid #083f78;
}
.sc-button { display: inline-block; text-decoration: none; font-weight: 600; }
.sc-button:hover { background: #083f78; }
.sc-widget .jupyter-button.sc-danger { background: #fff; color: #8c1d18;
  border: 1px solid #8c1d18; }
.sc-widget .sc-danger-zone { margin-top: 1.5em; padding: .6em .9em;
  border: 1px dashed var(--sc-line); border-radius: 4px; }
/* Scenario toggles: the selected one is filled and ticked, not just a shade darker. */
.sc-widget .widget-toggle-buttons .jupyter-button { border: 1px solid var(--sc-line);
  background: #fff; color: var(--sc-ink); margin-right: .4em; }
.sc-widget .widget-toggle-buttons .jupyter-button.mod-active {
  background: var(--sc-accent); color: var(--sc-accent-ink); font-weight: 700;
  box-shadow: inset 0 0 0 2px #083f78; }
.sc-widget .widget-toggle-buttons .jupyter-button.mod-active::before { content: "✓ "; }
.sc-widget button:focus-visible, .sc-widget input:focus-visible,
.sc-widget textarea:focus-visible, .sc-widget select:focus-visible,
.sc-button:focus-visible { outline: 3px solid #083f78; outline-offset: 2px; }
/* Feedback callouts: icon, heading, coloured left border. */
.sc-callout { display: block; margin: .6em 0; padding: .55em .9em; border-left: 6px solid;
  border-radius: 3px; color: #1a1a1a; }
.sc-callout-icon { display: inline-block; width: 1.3em; font-size: 1.15em; font-weight: 700; }
.sc-callout-heading { margin: 0; font-weight: 700; }
.sc-callout-body { padding-left: 1.75em; }
.sc-callout-body > :first-child { margin-top: .3em; }
.sc-callout-body > :last-child { margin-bottom: 0; }
.sc-callout-correct { border-color: #1a7f37; background: #edf7ef; }
.sc-callout-correct .sc-callout-icon { color: #14622a; }
.sc-callout-partly { border-color: #9a6700; background: #fff6df; }
.sc-callout-partly .sc-callout-icon { color: #7a5200; }
.sc-callout-notyet { border-color: #b3261e; background: #fdeeed; }
.sc-callout-notyet .sc-callout-icon { color: #8c1d18; }
.sc-callout-info { border-color: #0b5cad; background: #eef4fb; }
.sc-callout-info .sc-callout-icon { color: #0b4a8c; }
.sc-callout-warn { border-color: #8a4b00; background: #fff1e0; }
.sc-callout-warn .sc-callout-icon { color: #6e3c00; }
/* Teaching surfaces. */
.sc-surface { margin: .4em 0 .8em; }
.sc-card { border: 1px solid #c8c8c8; border-radius: 6px; padding: .7em 1em; margin: .6em 0;
  background: #fff; color: #1a1a1a; }
.sc-card h4, .sc-card h5 { margin: 0 0 .3em; font-size: 1.05em; }
.sc-card dl { margin: .3em 0 0; display: grid; grid-template-columns: max-content 1fr;
  gap: .2em .8em; }
.sc-card dt { font-weight: 700; } .sc-card dd { margin: 0; }
.sc-step { display: inline-block; min-width: 1.7em; padding: 0 .4em; margin-right: .4em;
  border-radius: 1em; background: #1a1a1a; color: #fff; text-align: center; }
.sc-badge { display: inline-block; padding: .15em .7em; border-radius: 1em; font-weight: 700;
  border: 2px solid #1a1a1a; background: #fff; color: #1a1a1a; }
.sc-badge-2 { border-style: double; border-width: 4px; }
.sc-script, .sc-quoted { font-family: var(--sc-body-font); background: #f6f6f4;
  border-left: 4px solid #4a4a4a; padding: .6em 1em; margin: .6em 0; color: #1a1a1a; }
.sc-script ol { padding-left: 1.4em; margin: .4em 0 0; }
.sc-script li { margin-bottom: .6em; }
.sc-script .sc-prompt { color: #6b3a00; }
.sc-script h3 { font-size: 1.05em; margin: 0; }
.sc-surface blockquote, .sc-widget blockquote { margin: .6em 0; padding: .4em 1em;
  border-left: 4px solid #4a4a4a; background: #f6f6f4; color: #1a1a1a; }
.sc-quote p { margin: 0; font-size: 1.05em; }
.sc-quote footer { margin-top: .3em; color: #3a3a3a; font-size: .95em; }
.sc-who { font-weight: 700; }
.sc-stance { display: inline-block; padding: 0 .5em; border: 1px solid #4a4a4a;
  border-radius: 3px; font-size: .85em; margin-left: .4em; }
.sc-surface table { border-collapse: collapse; margin: .5em 0 1em; }
.sc-surface th, .sc-surface td { border: 1px solid #bdbdbd; padding: .3em .6em;
  text-align: left; vertical-align: top; }
.sc-surface caption { text-align: left; font-weight: 700; padding-bottom: .3em; }
/* Bar charts: the number is written beside every bar. */
.sc-chart { margin: .5em 0 1em; }
.sc-chart .sc-bar-row { display: grid; grid-template-columns: minmax(8em, 16em) 1fr;
  gap: .6em; align-items: center; margin: .2em 0; }
.sc-chart .sc-bar { display: flex; align-items: center; gap: .4em; }
.sc-chart .sc-bar-fill { height: 1.1em; background: #3a3a3a; min-width: 2px; }
/* Role-play transcript. */
.sc-transcript { list-style: none; padding: 0; margin: .4em 0; }
.sc-turn { margin: .5em 0; max-width: 38rem; padding: .5em .8em; border-radius: 8px;
  border: 1px solid #bdbdbd; background: #fff; color: #1a1a1a; }
.sc-turn-manager { margin-right: 4rem; background: #f3f3f3; }
.sc-turn-you { margin-left: 4rem; border-color: #0b5cad; }
.sc-turn .sc-who { display: block; font-size: .9em; }
.sc-turn .sc-callout { margin: .5em 0 0; }
.sc-cue { font-style: italic; color: #3a3a3a; }
/* Page measure in Voilà: a centred column. */
body[data-voila] #rendered_cells > div { max-width: 52rem; margin: 0 auto; }
body[data-voila] details.sc-fallback, body[data-voila] .jp-RenderedMarkdown > details {
  display: none; }
body[data-voila] .jp-RenderedMarkdown, .jp-Notebook .jp-RenderedMarkdown > * {
  max-width: 75ch; }
"""

#: The style sheet as a ``<style>`` element, ready to put in front of any fragment.
STYLE = Html(f"<style>{_CSS}</style>")
