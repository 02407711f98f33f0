"""Build the course as a static JupyterLite site that needs no server and no network at run time.

Run it with the build environment's Python (see the README):
    python lite/build.py [--out build/lite-site]

At build time it reaches only the package registries: PyPI (wheels) and npm (Pyodide's core files).
The site it writes loads nothing from anywhere but the host that serves it. Always built from clean:
an incremental JupyterLite build was seen to drop the local Pyodide setting and fall back to a CDN.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
import tomllib
from pathlib import Path

import nbformat

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
# Pure-Python wheels the notebooks import, served from the site's own index (pypi/).
# jsonschema 4.17 with pure pyrsistent: newer jsonschema needs the compiled rpds-py (nbformat -> jsonschema).
SITE_WHEELS = [
    "marshmallow==4.4.0", "filelock==4.3.1", "plotly==7.1.0", "narwhals", "ipywidgets==8.1.9", "jupyterlab_widgets==3.0.17",
    "comm", "nbformat==5.11.1", "fastjsonschema", "jupyter_core", "platformdirs", "jsonschema==4.17.3",
    "pyrsistent==0.20.0", "attrs",
    # spaced review and the exercise calendar (see requirements.txt)
    "fsrs==6.3.2", "typing_extensions==4.16.0", "icalendar==7.3.0", "python-dateutil==4.0.0", "tzdata==2026.6",
]
# Packages the kernel itself loads from Pyodide's lock file at start-up; their files must sit beside pyodide.mjs.
KERNEL_LOCK_ROOTS = ["micropip", "ipython", "jedi", "packaging", "traitlets", "attrs", "six"]
SETUP_CELL = """# Setting up the course in your browser (the first time takes a little while).
%pip install -q ankle-course nbformat"""


def run(*cmd: str, cwd: Path | None = None) -> None:
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, cwd=cwd, check=True)


def pip_download(specs: list[str], dest: Path, python_version: str) -> None:
    run(sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:", "--platform", "any",
        "--python-version", python_version, "--implementation", "py", "-d", str(dest), *specs)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fetch_pyodide(version: str, static: Path) -> None:
    """Pyodide's core from the npm package; the npm package holds no package wheels."""
    with tempfile.TemporaryDirectory() as tmp:
        run("npm", "pack", f"pyodide@{version}", "--silent", cwd=Path(tmp))
        with tarfile.open(next(Path(tmp).glob("pyodide-*.tgz"))) as tar:
            tar.extractall(tmp, filter="data")
        static.mkdir(parents=True)
        for name in ("pyodide.mjs", "pyodide.js", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip",
                     "pyodide-lock.json"):
            shutil.copy2(Path(tmp) / "package" / name, static / name)


def localise_lock(static: Path, python_version: str) -> None:
    """Put the kernel's own lock packages beside pyodide.mjs, as PyPI's pure wheels.

    Pyodide rebuilds even pure packages, so the lock's sha256 differs from PyPI's: rewrite each entry's
    file name and hash to the wheel we ship, or the kernel refuses to load it.
    """
    lock_path = static / "pyodide-lock.json"
    lock = json.loads(lock_path.read_text())
    packages = lock["packages"]
    def key(name: str) -> str:  # the lock's keys use '-', its "depends" lists often '_'
        return name.lower().replace("_", "-")

    needed: list[str] = []
    todo = [key(n) for n in KERNEL_LOCK_ROOTS]
    while todo:
        name = todo.pop()
        if name in needed or name not in packages:
            continue
        needed.append(name)
        todo.extend(key(d) for d in packages[name]["depends"])
    with tempfile.TemporaryDirectory() as tmp:
        specs = [f"{packages[n]['name']}=={packages[n]['version']}" for n in needed]
        pip_download(specs, Path(tmp), python_version)
        wheels = {w.name.split("-")[0].lower().replace("_", "-"): w for w in Path(tmp).glob("*.whl")}
        for name in needed:
            wheel = wheels[packages[name]["name"].lower().replace("_", "-")]
            shutil.copy2(wheel, static / wheel.name)
            packages[name].update(file_name=wheel.name, sha256=sha256(wheel), package_type="package")
    # Whatever the site serves from pypi/ must not also be in the lock, or micropip asks for the lock's
    # file (absent here) first. The lock's jsonschema also needs compiled rpds-py, whose wasm build we cannot fetch.
    served = {key(spec.split("==")[0]) for spec in SITE_WHEELS}
    for name in served | {"jsonschema-specifications", "referencing", "rpds-py"}:
        if name not in needed:
            packages.pop(name, None)
    lock_path.write_text(json.dumps(lock))
    print(f"lock: {len(needed)} kernel packages served locally: {', '.join(sorted(needed))}")


def build_wheels(pypi: Path, python_version: str) -> None:
    pypi.mkdir(parents=True)
    pip_download(SITE_WHEELS, pypi, python_version)
    run(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(pypi), str(ROOT))


LITE_NOTE = """> **🌐 You are using the in-browser version of this course.** Python runs inside your browser, so
> nothing is sent anywhere. The first run of a page takes a little longer while Python starts.
> Your progress is kept in this browser's storage for this site: use *Export my progress* on the start
> page to keep a copy. Everything works here, the printable handout included. The same pages, with no code
> and no menus, are the site's app view: its address ends in `app/`."""
APP_INDEX = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Inside Ankle Pain — the course as an app</title>
<style>body{{font-family:system-ui,sans-serif;font-size:18px;line-height:1.5;max-width:40em;margin:1em auto;
padding:0 1em}}a{{display:inline-block;padding:10px 0;min-height:24px}}li{{margin:4px 0}}</style></head><body>
<h1>Inside Ankle Pain</h1>
<p>An interactive course about pain on the inside of the ankle. Each page opens ready to use: Python starts
inside your browser (the first page takes a little while), and nothing is sent anywhere.</p>
<p><strong>Education, not a diagnosis.</strong> The start page lists the warning signs that need medical care
now or today.</p>
<ol start="0">{items}</ol>
<p>Prefer notebooks, with the code? <a href="../lab/index.html?path=notebooks/00_start_here.ipynb">Open the
course in JupyterLab</a>.</p>
</body></html>
"""


def write_app_index(out: Path) -> None:
    """The app view's front door: one link per learner page, each opening that page's app view."""
    sys.path.insert(0, str(ROOT))  # lite_app needs only the standard library, like this build's Python
    from ankle_course.lite_app import app_url

    modules = tomllib.loads((ROOT / "ankle_course" / "content" / "data" / "modules.toml").read_text())["module"]
    items = "".join(f'<li><a href="{html.escape(app_url("notebooks/" + m["notebook"]))}">{html.escape(m["title"])}'
                    f'</a> — {html.escape(m["teaches"])}</li>' for m in modules)
    (out / "app").mkdir(exist_ok=True)
    (out / "app" / "index.html").write_text(APP_INDEX.format(items=items), encoding="utf-8")


def prepare_contents(contents: Path) -> None:
    """Copy the course folder (notebooks and their data files, beside images/ so that relative links hold
    as in the repository). Each notebook gets a note on what differs
    in the browser and a first cell that installs the course from the site's own index."""
    source_root = ROOT / "notebooks"
    for source in sorted(source_root.rglob("*")):
        if ".ipynb_checkpoints" in source.parts or not source.is_file():
            continue
        target = contents / "notebooks" / source.relative_to(source_root)  # same layout as the repository
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.suffix != ".ipynb":
            shutil.copy2(source, target)
            continue
        nb = nbformat.read(source, as_version=4)
        note = nbformat.v4.new_markdown_cell(LITE_NOTE)
        note.id = "lite-note"
        cell = nbformat.v4.new_code_cell(SETUP_CELL)
        cell.metadata["jupyter"] = {"source_hidden": True}
        cell.id = "lite-setup"
        nb.cells[:0] = [note, cell]
        nbformat.write(nb, target)
    for extra in ("images",):
        if (ROOT / extra).is_dir():
            shutil.copytree(ROOT / extra, contents / extra)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "lite-site")
    args = parser.parse_args(argv)

    from jupyterlite_pyodide_kernel.constants import PYODIDE_VERSION

    work = ROOT / "build" / "lite-work"
    shutil.rmtree(work, ignore_errors=True)
    shutil.rmtree(args.out, ignore_errors=True)
    lite_dir, contents = work / "lite", work / "contents"
    shutil.copytree(HERE / "lite-dir", lite_dir)
    python_version = "3.14"

    fetch_pyodide(PYODIDE_VERSION, lite_dir / "static" / "pyodide")
    localise_lock(lite_dir / "static" / "pyodide", python_version)
    build_wheels(lite_dir / "pypi", python_version)
    prepare_contents(contents)

    run(sys.executable, "-m", "jupyter", "lite", "build", "--lite-dir", str(lite_dir), "--contents", str(contents),
        "--output-dir", str(args.out), "--no-sourcemaps", "--no-unused-shared-packages", cwd=work)

    config = json.loads((args.out / "jupyter-lite.json").read_text())
    pyodide_url = json.dumps(config).split('"pyodideUrl": "', 1)[-1].split('"', 1)[0]
    if not pyodide_url.startswith("./"):
        print(f"build refused: the site would load Pyodide from {pyodide_url!r}, not from itself", file=sys.stderr)
        return 1
    write_app_index(args.out)
    size = sum(f.stat().st_size for f in args.out.rglob("*") if f.is_file())
    print(f"site: {args.out} ({size / 1e6:.1f} MB); Pyodide from {pyodide_url}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
