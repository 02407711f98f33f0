"""Start and stop a throwaway JupyterLab server for the browser tests.

The server runs from the test's own interpreter so the kernel, ipywidgets and plotly are exactly the
versions under test, and it serves a temporary *copy* of the notebooks so a run never writes into the
checkout. Everything a learner's own Jupyter set-up could change (user config, lab settings, saved
workspaces, kernelspecs in ~/.local, IPython startup files) is pointed at temporary folders. The lab
extensions (the widget manager, plotly's renderer) are this environment's own, from share/jupyter,
less any JupyterLite-only one (see is_lite_only).
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

# Lab settings for the run, written into the temporary user-settings folder.
LAB_SETTINGS: dict[str, dict[str, object]] = {
    # Attach every cell to the DOM: the default ("contentVisibility") lets the browser skip laying out
    # off-screen cells, so sizes of off-screen plots and the audit's view of them would depend on scrolling.
    "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none", "autoStartDefaultKernel": True},
    # No "fetch news?" toast and no request to the internet for news or updates.
    "@jupyterlab/apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False},
}
STARTUP_TIMEOUT_S = 90.0


@dataclass
class LabServer:
    """A running JupyterLab: where it is, how to log in, and the folder it serves."""

    process: subprocess.Popen[bytes]
    port: int
    token: str
    root_dir: Path
    course_home: Path
    log_path: Path
    notebooks_path: str = "notebooks"  # where the notebooks are, relative to root_dir (as on Binder)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def api(self, method: str, path: str) -> object:
        """Call the server's REST API with the token; returns the decoded JSON body (or None)."""
        request = urllib.request.Request(f"{self.base_url}{path}", method=method,
                                         headers={"Authorization": f"token {self.token}"})
        with urllib.request.urlopen(request, timeout=10) as response:
            body = response.read()
        return json.loads(body) if body else None

    def shutdown_all_sessions(self) -> None:
        """Stop every kernel, so the next notebook does not share two cores with the last one's kernel."""
        for session in self.api("GET", "/api/sessions") or []:
            try:
                self.api("DELETE", f"/api/sessions/{session['id']}")
            except urllib.error.HTTPError:
                pass  # already gone


def free_port() -> int:
    """A TCP port nothing listens on right now (the server is told not to retry another one)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def isolated_env(scratch: Path, course_home: Path) -> dict[str, str]:
    """The server's environment: the caller's, with user-level Jupyter/IPython state moved to `scratch`."""
    env = dict(os.environ)
    for var, sub in (("JUPYTER_CONFIG_DIR", "config"), ("JUPYTER_DATA_DIR", "data"),
                     ("JUPYTER_RUNTIME_DIR", "runtime"), ("IPYTHONDIR", "ipython")):
        env[var] = str(scratch / sub)
        (scratch / sub).mkdir(parents=True, exist_ok=True)
    env["ANKLE_COURSE_HOME"] = str(course_home)
    env.pop("JUPYTER_PATH", None)  # extensions must come from this environment's share/jupyter only
    env["PYTHONUNBUFFERED"] = "1"
    return env


def write_lab_settings(config_dir: Path, settings: dict[str, dict[str, object]] = LAB_SETTINGS) -> None:
    """Write user settings so JupyterLab starts the same way on every machine."""
    for plugin, values in settings.items():
        path = config_dir / "lab" / "user-settings" / f"{plugin}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values, indent=2))


def is_lite_only(extension: str) -> bool:
    """JupyterLite's own extensions (`@jupyterlite/...`) only work inside JupyterLite.

    A developer's environment may also hold the JupyterLite build tools (the course builds them into a
    venv of their own), and jupyterlite-pyodide-kernel puts its extension into that share/jupyter. A JupyterLab *server* still loads a disabled
    extension's code (4.1+ lets users re-enable it), and this one then throws "Shared module
    @jupyterlite/services doesn't exist". Binder never installs it, so the server under test must not
    serve it at all.
    """
    return extension.startswith("@jupyterlite/")


def server_labextensions(dest: Path) -> Path:
    """A labextensions folder linking to every extension of this environment except JupyterLite-only ones
    (the widget manager and plotly renderer among them), to serve instead of share/jupyter/labextensions."""
    from jupyter_core.paths import jupyter_path

    for folder in reversed(jupyter_path("labextensions")):  # earlier entries of jupyter_path win
        for package_json in Path(folder).glob("**/package.json"):
            extension = package_json.parent
            name = extension.relative_to(folder).as_posix()
            is_package = name.count("/") == (1 if name.startswith("@") else 0)  # "name" or "@scope/name"
            if not is_package or is_lite_only(name):
                continue
            link = dest / name
            link.parent.mkdir(parents=True, exist_ok=True)
            if link.is_symlink():
                link.unlink()
            link.symlink_to(extension, target_is_directory=True)
    return dest


def lab_command(port: int, token: str, root_dir: Path, labextensions: Path) -> list[str]:
    """`jupyter lab` from the current interpreter, loopback only, token auth on, nothing phoned home."""
    return [
        sys.executable, "-m", "jupyter", "lab",
        "--no-browser",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        "--ServerApp.allow_root=True",  # CI and dev containers run as root
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={root_dir}",
        f"--LabApp.labextensions_path={labextensions}",
        # The tests drive JupyterLab's own commands through window.jupyterapp (as Galata does).
        "--LabApp.expose_app_in_browser=True",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--LabApp.news_url=None",
        "--LabApp.extension_manager=readonly",  # no PyPI queries from the extension manager
    ]


def referenced_siblings(notebooks_dir: Path) -> set[str]:
    """Folders beside notebooks/ that notebooks link to as `../name/...` (images, data)."""
    names = set()
    for notebook in notebooks_dir.rglob("*.ipynb"):
        names.update(re.findall(r"\.\./([A-Za-z0-9_.-]+)/", notebook.read_text(errors="replace")))
    return {n for n in names if n not in ("..", ".") and (notebooks_dir.parent / n).is_dir()}


def copy_course(notebooks_dir: Path, dest: Path) -> Path:
    """Lay out a copy like the repository Binder serves: `dest/notebooks/` plus the sibling folders
    the notebooks link to (so `../images/x.svg` still resolves). Returns the copied notebooks folder."""
    ignore = shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__", "handouts")
    shutil.copytree(notebooks_dir, dest / notebooks_dir.name, ignore=ignore)
    for sibling in referenced_siblings(notebooks_dir):
        shutil.copytree(notebooks_dir.parent / sibling, dest / sibling, ignore=ignore)
    return dest / notebooks_dir.name


def wait_until_up(server: LabServer, timeout_s: float = STARTUP_TIMEOUT_S) -> None:
    """Poll /api/status until the server answers, failing early if its process died."""
    deadline = time.monotonic() + timeout_s
    url = f"{server.base_url}/api/status?token={server.token}"
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"JupyterLab exited with {server.process.returncode}; "
                               f"log:\n{server.log_path.read_text(errors='replace')[-4000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.25)
    raise TimeoutError(f"JupyterLab did not answer {url} within {timeout_s:.0f}s; "
                       f"log:\n{server.log_path.read_text(errors='replace')[-4000:]}")


def start_lab(notebooks_dir: Path, scratch: Path, log_path: Path) -> LabServer:
    """Start JupyterLab on a copy of `notebooks_dir`; `scratch` holds every file the run writes."""
    root_dir = scratch / "course"
    copy_course(notebooks_dir, root_dir)
    course_home = scratch / "course-home"
    course_home.mkdir()
    env = isolated_env(scratch, course_home)
    write_lab_settings(Path(env["JUPYTER_CONFIG_DIR"]))
    labextensions = server_labextensions(scratch / "labextensions")
    port, token = free_port(), secrets.token_hex(24)
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with log_path.open("wb") as log:
        process = subprocess.Popen(lab_command(port, token, root_dir, labextensions), cwd=root_dir, env=env,
                                   stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                   start_new_session=True)
    server = LabServer(process, port, token, root_dir, course_home, log_path, notebooks_dir.name)
    try:
        wait_until_up(server)
    except BaseException:
        stop_lab(server)
        raise
    return server


def stop_lab(server: LabServer, grace_s: float = 15.0) -> None:
    """SIGTERM the server's process group (it then shuts its kernels down), SIGKILL if it lingers."""
    if server.process.poll() is not None:
        return
    try:
        os.killpg(server.process.pid, signal.SIGTERM)
        server.process.wait(timeout=grace_s)
    except subprocess.TimeoutExpired:
        os.killpg(server.process.pid, signal.SIGKILL)
        server.process.wait(timeout=5)
    except ProcessLookupError:
        pass
