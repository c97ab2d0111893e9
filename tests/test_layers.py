"""The architecture is checked, not described: import-linter keeps engine/ in its layers
(pyproject.toml [tool.importlinter]); the contracts must hold, and must catch a breach."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ROOT

LINT = Path(sys.executable).with_name("lint-imports")


def lint(root: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(root))   # the packages under `root`, not the installed ones
    return subprocess.run([str(LINT), "--config", str(root / "pyproject.toml"), "--no-cache"], cwd=root, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=300)


def test_the_layers_hold():
    result = lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.fixture
def copy_of_the_tree(tmp_path):
    for package in ("engine", "udfs", "workbook", "templates"):
        shutil.copytree(ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__", "*.xlsm"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    return tmp_path


@pytest.mark.parametrize("module, line, broken", [
    ("engine/core/rounding.py", "import openpyxl", "the core is pure"),
    ("engine/core/parsing.py", "from engine.book import names", "engine is layered"),
    ("engine/book/names.py", "from engine.bureau import batch", "engine is layered"),
    ("engine/files/atomic.py", "from engine.cli import main", "engine is layered"),
    ("udfs/registry.py", "from engine.book import recalc", "udfs is the Excel face"),
    ("engine/core/errors.py", "from engine.core import evaluation", "no import cycles"),
])
def test_a_breach_is_caught(copy_of_the_tree, module, line, broken):
    path = copy_of_the_tree / module
    path.write_text(path.read_text(encoding="utf-8") + f"\n{line}  # noqa\n", encoding="utf-8")
    result = lint(copy_of_the_tree)
    assert result.returncode != 0, result.stdout
    assert f"{broken}" in result.stdout.split("Broken contracts")[-1], result.stdout
