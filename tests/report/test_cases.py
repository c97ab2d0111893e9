"""The labelled development cases through check-report as text: no error that was not planted
(tests/report/labelled.py; their Word documents and PDFs: test_cases_documents.py; their tables set
in spaces: test_cases_spaces.py)."""
from __future__ import annotations

import pytest

from engine.report.checkfile import check_file
from labelled import DEV, label


@pytest.mark.parametrize("case", DEV, ids=lambda p: p.name.split("-")[0])
def test_no_false_error(case):
    """Every error check-report gives on a case is one planted there: a false error costs a
    finance bureau more than a missed one."""
    result = check_file(case)
    planted = [e["code"] for e in label(case)["errors"]]
    for finding in (f for f in result.findings if f.severity == "error"):
        assert finding.code in planted, finding.message
        planted.remove(finding.code)
