"""The browser-only site's app view: a course page as text and widgets, run as it opens, with no code.

Voici (Voilà for JupyterLite) needs a JupyterLite older than the site's (voici-core 0.10 asks for
jupyterlite-core < 0.8) and a xeus kernel from outside the package registries, so the site uses what its
own JupyterLite offers instead: the REPL app, told by its URL to run two cells as it opens (install the
course from the site's index; `show_page`), to hide each cell's code once run, and to show no toolbar or
banner. `show_page` then shows the notebook's Markdown and runs its code cells in order, so their widgets
and figures appear where the notebook has them. Images become data: URLs and links to other pages become
links to their app view, since the REPL has no notebook folder to resolve them against.

`app_url` and `app_markdown` are pure; `show_page` is the only part that needs a kernel.
"""

from __future__ import annotations

import base64
import json
import mimetypes
import re
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from urllib.parse import quote, urlencode

# The course alone first; then its own requirements but plotly (see app_requirements). nbformat, which the
# notebook view installs for plotly's display machinery, is not needed here either.
SETUP = "%pip install -q --no-deps ankle-course"
# Never imported by a page: every course figure is already plotly.js's JSON (ankle_course.figures), and the
# site draws it with the plotly lab extension built into it. The wheel is 9.7 MB, thousands of files for
# Pyodide to unpack on every first visit, for nothing the app view uses.
APP_LEAVES_OUT = frozenset({"plotly"})
SKIP_CELLS = ("lite-note", "lite-setup")  # what lite/build.py adds for the notebook view
# no "toolbar" option: the REPL keeps its toolbar whenever the parameter is present, even as toolbar=0
REPL_OPTIONS = (("kernel", "python"), ("showBanner", "0"), ("hideCodeInput", "1"),
                ("clearCodeContentOnExecute", "1"), ("promptCellPosition", "bottom"))
IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)\s]+)\)")
PAGE_LINK = re.compile(r"\]\(([A-Za-z0-9_./-]+\.ipynb)(#[^)\s]*)?\)")
DRIVE = Path("/drive")  # where JupyterLite's kernel sees the site's files


def app_url(notebook: str, base: str = "..") -> str:
    """The app view of `notebook` (a path inside the site's files, e.g. notebooks/01_anatomy.ipynb)."""
    codes = (SETUP, "from ankle_course.lite_app import install_for_app, show_page; "
                    f"await install_for_app(); show_page({notebook!r})")
    query = urlencode([*REPL_OPTIONS, *(("code", c) for c in codes)], quote_via=quote)
    return f"{base}/repl/index.html?{query}"


def app_requirements(requires: list[str]) -> list[str]:
    """The package's own requirements (as importlib.metadata gives them) that the app view installs: one
    list of dependencies (pyproject.toml), less what no page imports and any extra's."""
    kept = []
    for requirement in requires:
        name = re.match(r"[A-Za-z0-9._-]+", requirement.strip())
        if name is None or "extra ==" in requirement.replace("extra==", "extra =="):
            continue
        if re.sub(r"[-_.]+", "-", name.group(0)).lower() not in APP_LEAVES_OUT:
            kept.append(requirement.split(";", 1)[0].strip())
    return kept


async def install_for_app() -> None:
    """Install what the course needs in the app view, from the site's own index (piplite, JupyterLite's pip)."""
    from importlib.metadata import requires

    import piplite  # type: ignore[import-not-found]  # JupyterLite's kernel only

    await piplite.install(app_requirements(requires("ankle-course") or []))


def app_markdown(text: str, notebook: str, read: Callable[[str], bytes], base: str) -> str:
    """A notebook's Markdown as the app shows it: pictures inlined, links to pages turned into app links."""
    folder = PurePosixPath(notebook).parent

    def resolve(target: str) -> str:
        parts: list[str] = []
        for part in (folder / target).parts:
            if part == "..":
                if parts:
                    parts.pop()
            elif part != ".":
                parts.append(part)
        return "/".join(parts)

    def image(match: re.Match) -> str:
        alt, target = match.groups()
        if re.match(r"[a-z]+:", target):
            return match.group(0)
        path = resolve(target)
        try:
            data = read(path)
        except OSError:
            return f"*({alt or 'picture'} not found: {path})*"
        mime = mimetypes.guess_type(path)[0] or "application/octet-stream"
        return f"![{alt}](data:{mime};base64,{base64.b64encode(data).decode('ascii')})"

    def page(match: re.Match) -> str:
        return f"]({app_url(resolve(match.group(1)), base)})"

    return PAGE_LINK.sub(page, IMAGE.sub(image, text))


def _site_base() -> str:
    """The site's address, from the kernel worker's own URL (…/extensions/@jupyterlite/…)."""
    try:
        import js  # type: ignore[import-not-found]  # Pyodide's bridge to the browser

        href = str(js.location.href)
    except Exception:  # noqa: BLE001 - outside a browser there is no site
        return ".."
    return href.split("/extensions/", 1)[0] if "/extensions/" in href else href.rsplit("/", 2)[0]


def _read(path: str) -> bytes:
    for candidate in (Path(path), DRIVE / path):
        if candidate.is_file():
            return candidate.read_bytes()
    raise FileNotFoundError(path)


def show_page(notebook: str) -> None:
    """Show a course page as the app: its Markdown, and each code cell run in turn, code hidden."""
    from IPython import get_ipython
    from IPython.display import Markdown, display

    cells = json.loads(_read(notebook))["cells"]
    shell = get_ipython()
    base = _site_base()
    for cell in cells:
        if cell.get("id") in SKIP_CELLS:
            continue
        source = "".join(cell["source"])
        if cell["cell_type"] == "markdown":
            display(Markdown(app_markdown(source, notebook, _read, base)))
        elif cell["cell_type"] == "code" and shell is not None:
            run_cell(source, shell.user_ns, display, shell.showtraceback)


def run_cell(source: str, namespace: dict, show: Callable[[object], None], on_error: Callable[[], None]) -> None:
    """Run a cell's code and show its last expression as the notebook would, but as plain display data:
    the REPL would put an "[n]:" prompt beside a result, and there is no code for it to number."""
    import ast

    try:
        tree = ast.parse(source)
        last = tree.body[-1] if tree.body else None
        if isinstance(last, ast.Expr):
            tree.body.pop()
        else:
            last = None
        exec(compile(tree, "<course page>", "exec"), namespace)  # noqa: S102 - the course's own notebook
        if last is not None:
            value = eval(compile(ast.Expression(last.value), "<course page>", "eval"), namespace)  # noqa: S307
            if value is not None:
                show(value)
    except Exception:  # noqa: BLE001 - shown as the notebook would show it, and the page goes on
        on_error()
