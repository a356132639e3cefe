"""The house keeps its shape: stages import only the stages below them, modules stay small, types check.

`lint-imports` reads the contracts in pyproject.toml; these tests run it on the package as it is, and on a
copy with one forbidden import added, to show the check can fail.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "handout"
MODULES = sorted(PACKAGE.rglob("*.py"))
DRAWING = ("reportlab.pdfgen", "reportlab.graphics", "reportlab.lib.utils", "PIL", "pypdfium2")


def lint_imports(project: Path) -> subprocess.CompletedProcess[str]:
    command = [
        sys.executable,
        "-c",
        "import sys; from importlinter.cli import lint_imports_command; sys.exit(lint_imports_command())",
    ]
    return subprocess.run(
        command, cwd=project, capture_output=True, text=True, timeout=120, env={"PYTHONPATH": str(project)}
    )


def imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
    return names


def test_the_layer_contracts_are_kept() -> None:
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_a_layout_module_importing_the_canvas_breaks_the_build(tmp_path: Path) -> None:
    shutil.copytree(PACKAGE, tmp_path / "handout", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    engine = tmp_path / "handout" / "layout" / "composition.py"
    engine.write_text(
        engine.read_text(encoding="utf-8") + "\nimport reportlab.pdfgen.canvas\n", encoding="utf-8"
    )
    result = lint_imports(tmp_path)
    assert result.returncode != 0
    assert "handout.layout.composition -> reportlab" in result.stdout


def test_a_lower_stage_importing_a_higher_one_breaks_the_build(tmp_path: Path) -> None:
    shutil.copytree(PACKAGE, tmp_path / "handout", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    model = tmp_path / "handout" / "model.py"
    model.write_text(model.read_text(encoding="utf-8") + "\nimport handout.share.batch\n", encoding="utf-8")
    result = lint_imports(tmp_path)
    assert result.returncode != 0
    assert "handout.model -> handout.share.batch" in result.stdout


def test_the_layout_engine_measures_text_but_draws_nothing() -> None:
    for path in sorted((PACKAGE / "layout").glob("*.py")):
        drawing = {name for name in imported_modules(path) if name.startswith(DRAWING)}
        assert not drawing, f"{path.name} imports {drawing}"


def test_every_stage_says_what_it_takes_and_gives() -> None:
    for stage in ("content", "layout", "draw", "share", "web"):
        doc = ast.get_docstring(ast.parse((PACKAGE / stage / "__init__.py").read_text(encoding="utf-8")))
        assert doc, stage
        assert "->" in doc.splitlines()[0], stage


def test_no_module_is_over_500_lines() -> None:
    long = {
        path.relative_to(PACKAGE): n for path in MODULES if (n := len(path.read_text().splitlines())) > 500
    }
    assert not long


def test_every_package_is_installed() -> None:
    """`pip install .` ships only the packages pyproject.toml lists: a new folder left out of the list
    works in a checkout and is missing from every installation."""
    import tomllib

    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"]
    )
    found = {".".join(path.parent.relative_to(ROOT).parts) for path in PACKAGE.rglob("__init__.py")}
    assert found <= listed, f"add to [tool.setuptools] packages: {sorted(found - listed)}"


def test_the_package_type_checks(tmp_path: Path) -> None:
    """mypy, with reportlab's stubs, finds nothing in handout/ (its settings are in pyproject.toml)."""
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path), "handout"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
