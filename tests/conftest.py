"""Shared fixtures: a complete, clean dept-common submission and the sample workbooks."""
from __future__ import annotations

import copy
import os
import tempfile

# the template reference cache of the tests lives and dies with the test run
os.environ.setdefault("PERFSCORE_CACHE", tempfile.mkdtemp(prefix="perfscore-cache-"))

import pytest

from helpers import COMMON_INDICATORS, COMMON_INPUTS
from workbook import SAMPLES_DIR


@pytest.fixture
def common_submission() -> dict:
    return {"rule_set": "dept-common", "dept_name": "测试局", "fiscal_year": 2024,
            "inputs": copy.deepcopy(COMMON_INPUTS), "indicators": copy.deepcopy(COMMON_INDICATORS)}


@pytest.fixture(scope="session")
def samples(tmp_path_factory):
    """The bundled samples built into workbooks (demo's first step), by number: "004" → path."""
    from engine.bureau.samples import build_samples
    folder = tmp_path_factory.mktemp("samples")
    return {p.name[:3]: p for p in build_samples(SAMPLES_DIR, folder / "submissions", folder / "templates")}
