"""Build the offline JupyterLite site of the course. Run it through ``bash lite/build.sh``.

What the site holds, and why (every file is served by the site itself; nothing comes from a CDN):

- the JupyterLab app of jupyterlite-core, without source maps;
- the Pyodide kernel and the widget manager labextension (jupyterlab_widgets);
- Pyodide itself, from the npm registry's ``pyodide`` package at the exact version the installed
  kernel names; that package has the runtime but no package wheels, so the wheels the kernel
  loads at start (micropip, ipython, jedi and their dependencies, as listed in
  ``pyodide-lock.json``) are fetched from PyPI as pure-Python wheels and the lock is rewritten to
  point at them (file name and sha256); every other package is pruned from the lock, so a
  notebook asking for one fails at once instead of fetching from elsewhere;
- a piplite index (``pypi/all.json``) with the coursekit wheel built from this repository and the
  wheels in ``lite/piplite-requirements.txt``, with the PyPI fallback switched off, so that
  ``%pip install coursekit`` in a notebook installs from the site;
- the same wheels in Pyodide's lock too, and the kernel told to load ``coursekit`` as Pyodide
  starts (``loadPyodideOptions.packages`` in ``jupyter-lite.json``), so every notebook can
  import the course with no install cell at all;
- the notebooks from ``notebooks/`` (with their subfolders), plus any ``--contents`` folders.

Downloads are kept in ``lite/.cache/downloads`` between runs; everything else (the build's own
cache and doit database, and the output folder) is deleted first, so each run is a clean build.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tarfile
import time
import zipfile
from email.parser import Parser
from pathlib import Path
from typing import Any

from jupyterlite_pyodide_kernel import constants as kernel_constants  # type: ignore[import-not-found]
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name, parse_wheel_filename
from packaging.version import Version

LITE = Path(__file__).resolve().parent
ROOT = LITE.parent
CACHE = LITE / ".cache"
DOWNLOADS = CACHE / "downloads"
WORK = CACHE / "build"  # the jupyterlite "lite dir": config, Pyodide and wheels; rebuilt every run
DEFAULT_OUTPUT = LITE / "_output"

PYODIDE_VERSION = kernel_constants.PYODIDE_VERSION
PYODIDE_KERNEL_PLUGIN_ID = kernel_constants.PYODIDE_KERNEL_PLUGIN_ID

#: what the Pyodide kernel loads from the lock while it starts (its worker runs
#: ``loadPackage(["micropip"])`` and then ``piplite.install`` of ipykernel, comm, pyodide-kernel,
#: jedi and ipython; the others come from the kernel's own piplite wheels or ours)
KERNEL_START_PACKAGES = ("micropip", "jedi", "ipython")

#: the files of the npm ``pyodide`` package that the site needs (no source maps, typings or demos)
PYODIDE_FILES = (
    "package.json",
    "pyodide-lock.json",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "pyodide.js",
    "pyodide.mjs",
    "python_stdlib.zip",
)


def log(message: str) -> None:
    print(f"[lite] {message}", flush=True)


def run(cmd: list[str | Path], cwd: Path | None = None, env: dict[str, str] | None = None) -> None:
    log("$ " + " ".join(str(part) for part in cmd))
    subprocess.run([str(part) for part in cmd], check=True, cwd=cwd, env=env)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def wheel_metadata(wheel: Path) -> tuple[str, Version, list[str], str | None]:
    """Return a wheel's canonical name, version, Requires-Dist lines and Requires-Python."""
    name, version, _build, _tags = parse_wheel_filename(wheel.name)
    with zipfile.ZipFile(wheel) as archive:
        meta_name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        meta = Parser().parsestr(archive.read(meta_name).decode("utf-8"))
    return name, version, meta.get_all("Requires-Dist") or [], meta.get("Requires-Python")


def is_pure(wheel_name: str) -> bool:
    _name, _version, _build, tags = parse_wheel_filename(wheel_name)
    return all(tag.abi == "none" and tag.platform == "any" for tag in tags)


# ---------------------------------------------------------------------------------------------
# downloads (kept between runs)


def fetch_pyodide() -> Path:
    """Return the npm registry's ``pyodide`` tarball at the kernel's exact version."""
    target = DOWNLOADS / "npm" / f"pyodide-{PYODIDE_VERSION}.tgz"
    if not target.is_file():
        target.parent.mkdir(parents=True, exist_ok=True)
        run(["npm", "pack", "--silent", f"pyodide@{PYODIDE_VERSION}", "--pack-destination",
             target.parent])
    if not target.is_file():
        sys.exit(f"npm pack did not produce {target}")
    return target


def pip_download(specs: list[str], dest: Path, python_version: str) -> list[Path]:
    """Download pure-Python wheels for ``name==version`` specs; return them in order."""
    dest.mkdir(parents=True, exist_ok=True)

    def find(spec: str) -> Path | None:
        req = Requirement(spec)
        for wheel in sorted(dest.glob("*.whl")):
            name, version, _build, _tags = parse_wheel_filename(wheel.name)
            if name == canonicalize_name(req.name) and req.specifier.contains(version, True):
                return wheel
        return None

    missing = [spec for spec in specs if find(spec) is None]
    if missing:
        run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
             "--only-binary=:all:", "--implementation", "py", "--abi", "none",
             "--platform", "any", "--python-version", python_version, "--dest", dest, *missing])
    wheels = []
    for spec in specs:
        wheel = find(spec)
        if wheel is None or not is_pure(wheel.name):
            sys.exit(f"No pure-Python wheel for {spec} in {dest}")
        wheels.append(wheel)
    return wheels


# ---------------------------------------------------------------------------------------------
# Pyodide with a lock that points at wheels in the site


def prepare_pyodide(tarball: Path, dest: Path) -> tuple[dict[str, Any], dict[str, Path]]:
    """Unpack Pyodide into ``dest`` with its start-up wheels and a rewritten, pruned lock.

    Returns the lock and the wheels put beside it (by canonical name).
    """
    unpacked = WORK / "npm-pyodide"
    with tarfile.open(tarball) as archive:
        archive.extractall(unpacked, filter="data")
    dest.mkdir(parents=True)
    for name in PYODIDE_FILES:
        shutil.copy2(unpacked / "package" / name, dest / name)
    shutil.rmtree(unpacked)

    lock = json.loads((dest / "pyodide-lock.json").read_text(encoding="utf-8"))
    packages: dict[str, str] = {canonicalize_name(key): key for key in lock["packages"]}
    python_version = ".".join(lock["info"]["python"].split(".")[:2])

    # the start-up packages and everything they depend on, by the lock's own "depends"
    needed: list[str] = []
    todo: list[str] = [canonicalize_name(name) for name in KERNEL_START_PACKAGES]
    todo += [canonicalize_name(Requirement(spec).name) for spec in piplite_specs()]
    while todo:
        name = todo.pop()
        if name in needed or name not in packages:
            continue
        needed.append(name)
        todo.extend(canonicalize_name(dep) for dep in lock["packages"][packages[name]]["depends"])
    for name in KERNEL_START_PACKAGES:
        if canonicalize_name(name) not in needed:
            sys.exit(f"{name} is not in Pyodide {PYODIDE_VERSION}'s lock; the kernel needs it")

    specs = [f"{name}=={lock['packages'][packages[name]]['version']}" for name in sorted(needed)]
    wheels = pip_download(specs, DOWNLOADS / "pypi-pyodide", python_version)

    kept: dict[str, Any] = {}
    placed: dict[str, Path] = {}
    for name, wheel in zip(sorted(needed), wheels, strict=True):
        entry = dict(lock["packages"][packages[name]])
        if entry.get("package_type", "package") != "package":
            sys.exit(f"{name} in the lock is not a Python package; cannot replace it")
        shutil.copy2(wheel, dest / wheel.name)
        entry["file_name"] = wheel.name
        entry["sha256"] = sha256_of(wheel)
        entry["unvendored_tests"] = False
        kept[packages[name]] = entry
        placed[name] = dest / wheel.name
    dropped = len(lock["packages"]) - len(kept)
    lock["packages"] = kept
    (dest / "pyodide-lock.json").write_text(json.dumps(lock, indent=2) + "\n", encoding="utf-8")
    log(f"Pyodide {PYODIDE_VERSION} (Python {lock['info']['python']}): kept {len(kept)} "
        f"packages in the lock, with wheels from PyPI; pruned {dropped}")
    return lock, placed


# ---------------------------------------------------------------------------------------------
# piplite wheels


def piplite_specs() -> list[str]:
    lines = (LITE / "piplite-requirements.txt").read_text(encoding="utf-8").splitlines()
    return [line.split("#")[0].strip() for line in lines if line.split("#")[0].strip()]


def build_coursekit_wheel(source: Path, dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", source, "-w", dest])
    wheels = sorted(dest.glob("coursekit-*.whl"))
    if len(wheels) != 1:
        sys.exit(f"Expected one coursekit wheel in {dest}, found {wheels}")
    return wheels[0]


def precompile(wheel: Path, pyodide_dir: Path) -> None:
    """Add bytecode compiled by the site's Pyodide to a pure-Python wheel, in place.

    A wheel from PyPI or ``pip wheel`` holds only sources, so every page load would compile
    each module again in the browser. The ``.pyc`` files are unchecked-hash ones (a browser
    unpacks a wheel without its files' times) and are listed in the wheel's RECORD.
    """
    unpacked = WORK / "precompile" / wheel.stem
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(unpacked)
        infos = archive.infolist()
    run(["node", LITE / "compile_pyc.mjs", pyodide_dir, unpacked])
    new = sorted(p.relative_to(unpacked).as_posix() for p in unpacked.rglob("*.pyc"))
    record = next(i.filename for i in infos if i.filename.endswith(".dist-info/RECORD"))
    lines = (unpacked / record).read_text(encoding="utf-8").splitlines()
    for name in new:
        data = (unpacked / name).read_bytes()
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        lines.insert(-1, f"{name},sha256={digest},{len(data)}")
    (unpacked / record).write_text("\n".join(lines) + "\n", encoding="utf-8")
    with zipfile.ZipFile(wheel, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in [i for i in infos if i.filename != record]:
            archive.writestr(info, (unpacked / info.filename).read_bytes())
        for name in [*new, record]:
            archive.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)),
                             (unpacked / name).read_bytes(), zipfile.ZIP_DEFLATED)
    log(f"{wheel.name}: {len(new)} modules precompiled for Pyodide")


def check_installable(lock: dict[str, Any], wheels: list[Path]) -> None:
    """Fail unless every requirement of the site's wheels can be met inside the site.

    Markers are evaluated as Pyodide would (``sys_platform == "emscripten"``), so a dependency
    that only the desktop needs can be kept out of the browser with a marker.
    """
    full = lock["info"]["python"]
    environment = {
        "implementation_name": "cpython",
        "implementation_version": full,
        "os_name": "posix",
        "platform_machine": "wasm32",
        "platform_python_implementation": "CPython",
        "platform_release": "",
        "platform_system": "Emscripten",
        "platform_version": "",
        "python_full_version": full,
        "python_version": ".".join(full.split(".")[:2]),
        "sys_platform": "emscripten",
        "extra": "",
    }
    available: dict[str, list[Version]] = {}
    for entry in lock["packages"].values():
        available.setdefault(canonicalize_name(entry["name"]), []).append(Version(entry["version"]))
    kernel_wheels = sorted((Path(sys.prefix) / "share/jupyter/labextensions").glob(
        "@jupyterlite/pyodide-kernel-extension/static/pypi/*.whl"))
    for wheel in [*wheels, *kernel_wheels]:
        name, version, _build, _tags = parse_wheel_filename(wheel.name)
        available.setdefault(name, []).append(version)

    problems = []
    for wheel in wheels:
        wheel_name, _version, requires, requires_python = wheel_metadata(wheel)
        if requires_python and not SpecifierSet(requires_python).contains(full, True):
            problems.append(f"{wheel.name} needs Python {requires_python}; Pyodide has {full}")
        for line in requires:
            req = Requirement(line)
            if req.marker and not req.marker.evaluate(environment):
                continue
            versions = available.get(canonicalize_name(req.name), [])
            if not any(req.specifier.contains(v, True) for v in versions):
                problems.append(
                    f"{wheel_name} requires {line!r}, which the site cannot provide "
                    f"(has {[str(v) for v in versions] or 'nothing'} of it)"
                )
    if problems:
        hint = (
            "`%pip install coursekit` would fail in the browser. Serve a pure-Python wheel for "
            "it (lite/piplite-requirements.txt) or, if only the desktop needs it, add a marker "
            "in pyproject.toml, e.g. \"jupyterlab>=4.0; sys_platform != 'emscripten'\"."
        )
        sys.exit("\n".join(["Some requirements cannot be met in JupyterLite:", *problems, hint]))


def top_level_imports(wheel: Path) -> list[str]:
    """Return the importable top-level names a pure-Python wheel installs."""
    names: set[str] = set()
    with zipfile.ZipFile(wheel) as archive:
        for member in archive.namelist():
            first = member.split("/")[0]
            if first.endswith((".dist-info", ".data")):
                continue
            if "/" in member:
                names.add(first)
            elif member.endswith(".py"):
                names.add(first.removesuffix(".py"))
    return sorted(names)


def add_to_lock(lock: dict[str, Any], pyodide_dir: Path, wheels: list[Path]) -> None:
    """Put the site's own wheels into Pyodide's lock, so Pyodide can load them at start.

    Each entry's ``depends`` lists the requirements (for Pyodide's environment) that the lock
    holds; the others (e.g. ``widgetsnbextension``, a stub the kernel serves) are left to
    piplite, as before. The lock is rewritten in ``pyodide_dir``.
    """
    environment = {"sys_platform": "emscripten", "platform_system": "Emscripten", "extra": ""}
    added = {wheel_metadata(wheel)[0]: wheel for wheel in wheels}
    known = {canonicalize_name(entry["name"]) for entry in lock["packages"].values()} | set(added)
    for name, wheel in added.items():
        _name, version, requires, _python = wheel_metadata(wheel)
        depends = []
        for line in requires:
            req = Requirement(line)
            if req.marker and not req.marker.evaluate(environment):
                continue
            if canonicalize_name(req.name) in known:
                depends.append(canonicalize_name(req.name))
        shutil.copy2(wheel, pyodide_dir / wheel.name)
        lock["packages"][name] = {
            "name": name,
            "version": str(version),
            "file_name": wheel.name,
            "install_dir": "site",
            "sha256": sha256_of(wheel),
            "package_type": "package",
            "imports": top_level_imports(wheel),
            "depends": sorted(set(depends)),
            "unvendored_tests": False,
        }
    (pyodide_dir / "pyodide-lock.json").write_text(json.dumps(lock, indent=2) + "\n",
                                                   encoding="utf-8")
    log(f"Pyodide's lock also holds the site's wheels: {', '.join(sorted(added))}")


# ---------------------------------------------------------------------------------------------
# the site


def verify_site(output: Path) -> None:
    """Check what a clean, offline site must be; fail the build otherwise."""
    config = json.loads((output / "jupyter-lite.json").read_text(encoding="utf-8"))
    settings = config["jupyter-config-data"]["litePluginSettings"][PYODIDE_KERNEL_PLUGIN_ID]
    problems = []
    if settings.get("pyodideUrl") != "./static/pyodide/pyodide.mjs":
        problems.append(f"pyodideUrl is {settings.get('pyodideUrl')!r}, not the site's own")
    if settings.get("disablePyPIFallback") is not True:
        problems.append("disablePyPIFallback is not true")
    if "coursekit" not in settings.get("loadPyodideOptions", {}).get("packages", []):
        problems.append("the kernel does not load coursekit at start (loadPyodideOptions)")
    urls = [url.split("?")[0] for url in settings.get("pipliteUrls", [])]
    if "./pypi/all.json" not in urls or any("://" in url for url in urls):
        problems.append(f"pipliteUrls are not all the site's own: {urls}")
    index = json.loads((output / "pypi" / "all.json").read_text(encoding="utf-8"))
    names = ["coursekit", *(canonicalize_name(Requirement(s).name) for s in piplite_specs())]
    for name in names:
        if name not in index:
            problems.append(f"{name} is missing from pypi/all.json")
    if not (output / "extensions" / "@jupyter-widgets" / "jupyterlab-manager").is_dir():
        problems.append("the jupyterlab_widgets labextension is missing")
    maps = sorted(str(p.relative_to(output)) for p in output.rglob("*.map"))
    if maps:
        problems.append(f"source maps were shipped: {maps[:5]}")
    for config_path in output.rglob("jupyter-lite.json"):
        if "cdn.jsdelivr" in config_path.read_text(encoding="utf-8"):
            problems.append(f"{config_path.relative_to(output)} names a CDN")
    lock = json.loads((output / "static/pyodide/pyodide-lock.json").read_text(encoding="utf-8"))
    if "coursekit" not in lock["packages"]:
        problems.append("coursekit is missing from Pyodide's lock")
    else:
        with zipfile.ZipFile(output / "static/pyodide" / lock["packages"]["coursekit"]["file_name"]
                             ) as archive:
            names = archive.namelist()
        sources = sum(1 for name in names if name.endswith(".py"))
        if sum(1 for name in names if name.endswith(".pyc")) != sources:
            problems.append("the coursekit wheel lacks the bytecode of some modules")
    for entry in lock["packages"].values():
        wheel = output / "static/pyodide" / entry["file_name"]
        if not wheel.is_file() or sha256_of(wheel) != entry["sha256"]:
            problems.append(f"the lock's {entry['file_name']} is missing or its sha256 differs")
    if problems:
        sys.exit("The site is not right:\n  " + "\n  ".join(problems))


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="bash lite/build.sh",
        description="Build the course as an offline JupyterLite site.",
    )
    parser.add_argument("--output-dir", type=Path, default=DEFAULT_OUTPUT,
                        help="where the site goes (default: lite/_output); emptied first")
    parser.add_argument("--contents", type=Path, action="append", default=[],
                        help="another folder whose files go into the site's file browser "
                             "(besides notebooks/); may be given more than once")
    parser.add_argument("--blank", action="store_true",
                        help="build the same site without the course's notebooks, as a "
                             "baseline for benchmarks")
    parser.add_argument("--source", type=Path, default=ROOT,
                        help="the project to build the coursekit wheel from (default: this repo)")
    args = parser.parse_args(argv)
    started = time.monotonic()

    output = args.output_dir.resolve()
    if output in (ROOT, LITE, ROOT / "notebooks") or output in ROOT.parents:
        sys.exit(f"Refusing to use {output} as the output folder (it is emptied first)")

    # a clean build: the build's cache and doit database live in WORK, deleted every time
    shutil.rmtree(WORK, ignore_errors=True)
    shutil.rmtree(output, ignore_errors=True)
    WORK.mkdir(parents=True)
    DOWNLOADS.mkdir(parents=True, exist_ok=True)

    # Pyodide's well-known place in a lite dir: `jupyter lite build` copies it into the site and
    # points the kernel's pyodideUrl at it (as --pyodide would, without a tarball round trip)
    pyodide_dir = WORK / "static" / "pyodide"
    lock, _placed = prepare_pyodide(fetch_pyodide(), pyodide_dir)

    python_version = ".".join(lock["info"]["python"].split(".")[:2])
    wheels_dir = WORK / "wheels"
    piplite = pip_download(piplite_specs(), DOWNLOADS / "pypi-piplite", python_version)
    coursekit = build_coursekit_wheel(args.source.resolve(), wheels_dir)
    precompile(coursekit, pyodide_dir)
    for wheel in piplite:
        shutil.copy2(wheel, wheels_dir / wheel.name)
    site_wheels = sorted(wheels_dir.glob("*.whl"))
    check_installable(lock, site_wheels)
    add_to_lock(lock, pyodide_dir, site_wheels)
    log(f"piplite wheels: {', '.join(w.name for w in site_wheels)}")

    # overrides.json: default settings of the Lite JupyterLab (start the Pyodide kernel without
    # asking, even for a notebook whose metadata names no language)
    for name in ("jupyter_lite_config.json", "jupyter-lite.json", "overrides.json"):
        shutil.copy2(LITE / name, WORK / name)

    course = [] if args.blank else [ROOT / "notebooks"]
    contents = [*course, *(c.resolve() for c in args.contents)]
    for folder in contents:
        if not folder.is_dir():
            sys.exit(f"No such contents folder: {folder}")

    cmd: list[str | Path] = [Path(sys.executable).parent / "jupyter", "lite", "build",
           "--lite-dir", WORK, "--output-dir", output]
    for folder in contents:
        cmd += ["--contents", folder]
    for wheel in site_wheels:
        cmd += ["--piplite-wheels", wheel]
    env = {key: value for key, value in os.environ.items()
           if not key.startswith("JUPYTERLITE_")}
    run(cmd, cwd=WORK, env=env)
    # browsers ask for /favicon.ico before the app names its own; answer instead of a 404
    shutil.copy2(output / "static" / "favicons" / "favicon.ico", output / "favicon.ico")

    verify_site(output)
    size = folder_size(output)
    log(f"coursekit wheel: {coursekit.name}")
    log(f"site: {output} ({size / 1e6:.1f} MB, {sum(1 for p in output.rglob('*') if p.is_file())}"
        f" files), built in {time.monotonic() - started:.0f} s")
    log(f"serve it with: python3 -m http.server -d {output} 8000  (then open /lab/index.html)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
