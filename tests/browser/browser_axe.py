"""Accessibility audit of what the course renders, with axe-core (pinned in tests/browser/package.json).

Only the notebook's output areas are audited: that is the course's own content (widgets, tables, plots,
messages). JupyterLab's chrome around them is JupyterLab's business, not the course's.
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page

AXE_JS = Path(__file__).with_name("node_modules") / "axe-core" / "axe.min.js"
FAILING_IMPACTS = ("serious", "critical")
# Audited: every output area. Not audited: the "[n]:" execution-count prompts JupyterLab draws beside
# each output (JupyterLab's chrome, identical in every notebook).
AXE_CONTEXT = {"include": [[".jp-OutputArea"]], "exclude": [[".jp-OutputPrompt"]]}
AXE_OPTIONS = {"resultTypes": ["violations"]}


def run_axe(page: Page) -> list[dict]:
    """Inject axe-core into the page (once) and return its violations for the output areas."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    return page.evaluate("([context, options]) => window.axe.run(context, options).then(r => r.violations)",
                         [AXE_CONTEXT, AXE_OPTIONS])


def serious_violations(violations: list[dict]) -> list[dict]:
    """The violations a learner using assistive technology would be blocked or badly hindered by."""
    return [v for v in violations if v.get("impact") in FAILING_IMPACTS]


def short_target(target: list) -> str:
    """axe's CSS path, cut to the cell it is in and the last two steps: readable, still findable."""
    steps = " > ".join(map(str, target)).split(" > ")
    return " > ".join(steps) if len(steps) <= 3 else f"{steps[0]} > ... > {' > '.join(steps[-2:])}"


def describe(violations: list[dict], max_nodes: int = 5) -> str:
    """One paragraph per rule: id, impact, help text and URL, then the offending nodes' selectors."""
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']} <{v.get('helpUrl', '')}>")
        for node in v["nodes"][:max_nodes]:
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    {short_target(node['target'])}: {summary[:400]}")
        if len(v["nodes"]) > max_nodes:
            lines.append(f"    ... and {len(v['nodes']) - max_nodes} more")
    return "\n".join(lines)
