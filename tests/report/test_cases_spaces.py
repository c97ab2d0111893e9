"""The labelled development cases' | tables set in columns by spaces, as a PDF's text layer sets them:
no error that was not planted."""
from __future__ import annotations

import re
import unicodedata

import pytest

from engine.report.checkfile import check_file
from labelled import WITH_TABLES, label


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def set_in_spaces(text: str, words: str, figures: str) -> str:
    """The case's | tables set in columns by spaces, as a PDF's text layer gives them: each column as
    wide as its widest cell and two spaces; words and figures set left, right or centred."""
    def pad(cell: str, width: int, how: str) -> str:
        gap = width - _width(cell)
        return {"left": cell + " " * gap, "right": " " * gap + cell}.get(how, " " * (gap // 2) + cell + " " * (gap - gap // 2))
    out, block = [], []

    def flush():
        rows = [[c.strip() for c in line.strip().strip("|").split("|")] for line in block]
        if rows:
            n = max(len(r) for r in rows)
            rows = [r + [""] * (n - len(r)) for r in rows]
            widths = [max(_width(r[k]) for r in rows) for k in range(n)]   # and two spaces after each column
            out.extend("".join(pad(c, widths[k], figures if re.fullmatch(r"[-+≥≤=<>]?[\d.,]+%?\S{0,3}", c) else words)
                               + "  " for k, c in enumerate(r)).rstrip() for r in rows)
        block.clear()
    for line in text.splitlines():
        if line.strip().startswith("|") and line.count("|") >= 3:
            block.append(line)
        else:
            flush()
            out.append(line)
    flush()
    return "\n".join(out)


# how a PDF's text layer may set a table's words and figures: each case set one way, the ways taken in turn
# (every way over a third of the cases: the three for each case took a third of make test's time)
SETTINGS = (("left", "right"), ("center", "right"), ("center", "center"))


@pytest.mark.parametrize("case, setting", [(case, SETTINGS[k % len(SETTINGS)]) for k, case in enumerate(WITH_TABLES)],
                         ids=lambda v: v.name.split("-")[0] if hasattr(v, "name") else "-".join(v))
def test_a_pipe_case_set_in_spaces_raises_no_false_error(case, setting, tmp_path):
    """The same tables as a PDF's text layer sets them: whatever is read of them, no error that was
    not planted (a form misread under the wrong columns says nothing rather than something false)."""
    for words, figures in (setting,):
        path = tmp_path / f"{words}-{figures}.txt"
        path.write_text(set_in_spaces(case.read_text(encoding="utf-8"), words, figures), encoding="utf-8")
        planted = [e["code"] for e in label(case)["errors"]]
        for finding in (f for f in check_file(path).findings if f.severity == "error"):
            assert finding.code in planted, (words, figures, finding.message)
            planted.remove(finding.code)
