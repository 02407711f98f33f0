"""The browser-only site's app view: pages run as they open, with pictures and page links that work there."""

from __future__ import annotations

import base64
from urllib.parse import parse_qs, urlparse

from ankle_course.lite_app import SETUP, app_markdown, app_requirements, app_url, run_cell


def test_the_app_url_runs_the_setup_then_the_page_with_code_hidden_and_no_toolbar():
    query = parse_qs(urlparse(app_url("notebooks/01_anatomy.ipynb")).query)
    assert query["code"] == [SETUP, "from ankle_course.lite_app import install_for_app, show_page; "
                                    "await install_for_app(); show_page('notebooks/01_anatomy.ipynb')"]
    assert query["hideCodeInput"] == ["1"] and "toolbar" not in query and query["showBanner"] == ["0"]
    assert "execute" not in query  # the REPL runs the given code unless told execute=0


def test_pictures_are_inlined_relative_to_the_notebook_folder():
    asked = []

    def read(path):
        asked.append(path)
        return b"<svg/>"

    text = app_markdown("See ![The inside of the ankle](../images/anatomy_medial_view.svg).", "notebooks/01.ipynb",
                        read, "..")
    assert asked == ["images/anatomy_medial_view.svg"]
    assert f"](data:image/svg+xml;base64,{base64.b64encode(b'<svg/>').decode()})" in text


def test_a_missing_picture_says_so_in_words():
    def read(path):
        raise FileNotFoundError(path)

    assert "not found: images/x.png" in app_markdown("![x](../images/x.png)", "notebooks/a.ipynb", read, "..")


def test_links_to_other_pages_open_their_app_view_and_other_links_stay():
    text = app_markdown("[Next](02_causes.ipynb) and [web](https://example.org) and [1](#ankle-ref-a-b)",
                        "notebooks/01_anatomy.ipynb", lambda p: b"", "http://site")
    assert "](http://site/repl/index.html?" in text and "notebooks%2F02_causes.ipynb" in text
    assert "](https://example.org)" in text and "](#ankle-ref-a-b)" in text


def test_a_cell_shows_its_last_value_and_an_error_does_not_stop_the_page():
    shown, errors, namespace = [], [], {}
    run_cell("x = 2\nx * 3", namespace, shown.append, lambda: errors.append(1))
    run_cell("print\nNone", namespace, shown.append, lambda: errors.append(1))
    run_cell("1 / 0", namespace, shown.append, lambda: errors.append(1))
    assert shown == [6] and errors == [1] and namespace["x"] == 2


def test_the_app_view_installs_the_course_requirements_but_plotly():
    requires = ["marshmallow<5,>=4", "plotly>=6", "ipywidgets<9,>=8", "tzdata", "Plotly_Resampler ; extra == 'x'",
                "filelock<5,>=4.3; python_version >= '3.11'"]
    assert app_requirements(requires) == ["marshmallow<5,>=4", "ipywidgets<9,>=8", "tzdata", "filelock<5,>=4.3"]
    assert "--no-deps ankle-course" in SETUP and "nbformat" not in SETUP


def test_no_page_imports_plotly_so_the_app_view_can_leave_it_out():
    """The app view does not install plotly: every view module must import, and module 1's figures build,
    with plotly unimportable."""
    import pkgutil
    import subprocess
    import sys

    import ankle_course.widgets

    modules = [f"ankle_course.widgets.{m.name}" for m in pkgutil.iter_modules(ankle_course.widgets.__path__)]
    code = ("import sys; sys.modules['plotly'] = None\n" + "".join(f"import {m}\n" for m in modules)
            + "from ankle_course.widgets.anatomy import explorer, motions, name_that_structure, tunnel_section\n"
            "explorer(); motions(); tunnel_section(); name_that_structure()\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
