"""Packaging: the export map, environment.yml mirrors pyproject.toml, a wheel carries the seeds and notebooks."""

from __future__ import annotations

import importlib
import pkgutil
import re
import subprocess
import sys
import sysconfig
import tomllib
import zipfile

import pytest
from conftest import REPO

import xivn


def test_every_export_names_the_module_that_defines_it():
    for name, module in xivn._EXPORTS.items():
        assert getattr(importlib.import_module(module), name).__module__ == module, name
    for name in xivn._SUBMODULES:
        assert getattr(xivn, name) is importlib.import_module(f"xivn.{name}")


@pytest.mark.parametrize(
    "package", ["xivn", *(f"xivn.{m.name}" for m in pkgutil.iter_modules(xivn.__path__) if m.ispkg)]
)
def test_no_module_is_named_like_a_name_its_package_exports(package):
    """The naming rule: a module named like an exported function would shadow it."""
    module = importlib.import_module(package)
    exported = set(getattr(module, "_EXPORTS", None) or getattr(module, "__all__", ()))
    assert not {m.name for m in pkgutil.iter_modules(module.__path__)} & exported


def requirement_names(requirements: list[str]) -> set[str]:
    return {re.split(r"[<>=!~\[ ]", req, maxsplit=1)[0].strip().lower() for req in requirements}


def environment_yml_packages() -> set[str]:
    """Package names under ``dependencies:`` in environment.yml (conda and pip lists)."""
    lines = (REPO / "environment.yml").read_text().split("dependencies:", 1)[1].splitlines()
    entries = [line.strip()[2:] for line in lines if line.strip().startswith("- ")]
    return requirement_names([e for e in entries if not e.endswith(":") and not e.startswith("-e ")])


def test_environment_yml_lists_the_same_packages_as_pyproject():
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    wanted = requirement_names(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        wanted |= requirement_names(extra)
    assert environment_yml_packages() - {"python", "pip"} == wanted


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> zipfile.ZipFile:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(out), str(REPO)],
        check=True,
        capture_output=True,
    )
    (path,) = out.glob("xivn-*.whl")
    return zipfile.ZipFile(path)


def test_wheel_carries_seeds_notebooks_and_data(wheel):
    names = set(wheel.namelist())
    seeds = sorted(p.name for p in (REPO / "seeds").iterdir())
    assert {f"xivn/seeds/{name}" for name in seeds} <= names
    assert {f"xivn/notebooks/{p.name}" for p in (REPO / "notebooks").glob("*.ipynb")} <= names
    assert "xivn/corpus/data/paragraph_kinds.toml" in names
    assert {"xivn/rare_earths/data/rare_earth_claims.toml", "xivn/rare_earths/data/rare_earths_usgs.csv"} <= names
    assert {"xivn/rare_earths/data/places.csv", "xivn/rare_earths/data/places.md"} <= names


def test_non_editable_install_loads_the_bundled_seeds(wheel, tmp_path):
    """Import xivn from the unpacked wheel only (no .pth processing, so not the checkout)."""
    site = tmp_path / "site"
    wheel.extractall(site)
    dependencies = sysconfig.get_paths()["purelib"]
    code = (
        f"import sys; sys.path[:0] = [{str(site)!r}]; sys.path.append({dependencies!r}); "
        "import xivn; c = xivn.load_corpus(); print(len(c), xivn.paths.seeds_dir().parent.name)"
    )
    result = subprocess.run(
        [sys.executable, "-S", "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["5", "xivn"]


def test_only_the_top_level_imports_modules_by_name():
    """Stages and submodules are imported as objects, so the import contract sees every import."""
    by_name = [p for p in (REPO / "xivn").rglob("*.py") if "import_module" in p.read_text(encoding="utf-8")]
    assert [p.relative_to(REPO).as_posix() for p in by_name] == ["xivn/__init__.py"]
