"""The course opens on Binder: its configuration is complete and pinned, and (slow) an environment
built from requirements.txt alone has a working JupyterLab with the widget and plotly extensions.

The slow smoke test builds one fresh venv (a few minutes, needs PyPI); deselect it locally with
`-m "not slow"`.
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
REQUIREMENTS = REPO / "requirements.txt"
# What a learner's browser needs from the environment for the course to work.
BINDER_MUST_INSTALL = ("jupyterlab", "ipywidgets", "jupyterlab_widgets", "plotly", "nbformat", "ipykernel")
LAB_EXTENSIONS = ("@jupyter-widgets/jupyterlab-manager", "jupyterlab-plotly")
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _load_fresh_venv():
    """benchmarks/fresh_venv.py, which the benchmark script also uses to report the install size."""
    spec = importlib.util.spec_from_file_location("fresh_venv", REPO / "benchmarks" / "fresh_venv.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def requirement_lines(path: Path = REQUIREMENTS) -> list[str]:
    """The requirement lines of a requirements file: comments and blank lines dropped."""
    lines = (line.split("#", 1)[0].strip() for line in path.read_text().splitlines())
    return [line for line in lines if line]


def pinned_versions(path: Path = REQUIREMENTS) -> dict[str, str]:
    """{normalised name: version} for every `name==version` line."""
    pins = {}
    for line in requirement_lines(path):
        if "==" in line:
            name, version = line.split("==", 1)
            pins[re.sub(r"[-_.]+", "-", name.strip().lower())] = version.strip()
    return pins


# --- configuration (fast) ----------------------------------------------------------------------------

def test_runtime_txt_asks_binder_for_python_3_11():
    assert (REPO / "runtime.txt").read_text().strip() == "python-3.11"


def _from_this_checkout(line: str) -> bool:
    """`-e .` or `./folder`: a package from this repository, so the commit itself pins it."""
    path = line.removeprefix("-e").strip()
    return path.startswith(".") and (REPO / path).resolve().is_relative_to(REPO) and (REPO / path).exists()


def test_every_requirement_is_pinned_except_packages_from_this_checkout():
    loose = [line for line in requirement_lines()
             if not _from_this_checkout(line) and not re.fullmatch(r"[A-Za-z0-9_.\-\[\],]+==\S+", line)]
    assert not loose, f"requirements.txt lines not pinned with '==': {loose}"
    assert "-e ." in requirement_lines(), "requirements.txt must install the course package itself (-e .)"


@pytest.mark.parametrize("package", BINDER_MUST_INSTALL)
def test_requirements_install_what_the_browser_needs(package):
    assert re.sub(r"[-_.]+", "-", package) in pinned_versions(), f"requirements.txt does not pin {package}"


def test_nothing_overrides_requirements_txt_on_binder():
    # repo2docker reads only binder/ (or .binder/) when one exists, and environment.yml or Pipfile win over
    # requirements.txt: any of them would silently drop runtime.txt and these pins.
    overriding = [p for p in ("binder", ".binder", "environment.yml", "Pipfile", "Pipfile.lock") if (REPO / p).exists()]
    assert not overriding, f"these would override requirements.txt/runtime.txt on Binder: {overriding}"


def test_the_environment_under_test_has_the_binder_pins():
    # The browser tests only vouch for Binder if they ran against the versions Binder installs.
    from importlib.metadata import PackageNotFoundError, version

    def installed(name: str) -> str:
        try:
            return version(name)
        except PackageNotFoundError:
            return "(not installed)"

    differ = {name: (pin, installed(name)) for name, pin in pinned_versions().items() if installed(name) != pin}
    assert not differ, f"pinned vs installed here: {differ}; run pip install -r requirements-test.txt"


# --- a fresh environment from requirements.txt alone (slow) ---------------------------------------------

@pytest.fixture(scope="module")
def binder_venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One fresh venv from requirements.txt, shared by the smoke tests below."""
    fresh_venv = _load_fresh_venv()
    venv = tmp_path_factory.mktemp("binder") / "venv"
    try:
        fresh_venv.build_fresh_venv(venv)
    except subprocess.CalledProcessError as exc:
        pytest.fail(f"pip install -r requirements.txt failed:\n{exc.stdout}\n{exc.stderr}")
    size = fresh_venv.installed_size_bytes(venv)
    print(f"\nfresh Binder environment from requirements.txt: {fresh_venv.format_mb(size)} installed ({venv})")
    return venv


def _jupyter(venv: Path, *args: str) -> str:
    jupyter = _load_fresh_venv().venv_bin(venv, "jupyter")
    done = subprocess.run([str(jupyter), *args], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, f"jupyter {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"
    return ANSI.sub("", done.stdout + done.stderr)


@pytest.mark.slow
@pytest.mark.parametrize("extension", LAB_EXTENSIONS)
def test_fresh_binder_env_has_lab_extension_enabled_and_ok(binder_venv, extension):
    listing = _jupyter(binder_venv, "labextension", "list")
    assert re.search(rf"^\s*{re.escape(extension)} v\S+ enabled\s+OK\b", listing, re.MULTILINE), listing


@pytest.mark.slow
def test_fresh_binder_env_has_jupyterlab_server_extension_enabled_and_ok(binder_venv):
    listing = _jupyter(binder_venv, "server", "extension", "list")
    assert re.search(r"^\s*jupyterlab enabled\b", listing, re.MULTILINE), listing
    assert re.search(r"^\s*jupyterlab \S+ OK\b", listing, re.MULTILINE), listing


@pytest.mark.slow
def test_fresh_binder_env_starts_the_pinned_jupyterlab(binder_venv):
    assert _jupyter(binder_venv, "lab", "--version").strip() == pinned_versions()["jupyterlab"]


@pytest.mark.slow
def test_fresh_binder_env_imports_the_course(binder_venv):
    python = _load_fresh_venv().venv_bin(binder_venv, "python")
    done = subprocess.run([str(python), "-c", "import ankle_course, ipywidgets, plotly; print('ok')"],
                          capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == "ok", done.stderr
