"""Which report belongs to which workbook: the same file name once the words that mark a
report are removed (某局.xlsx and 某局-自评报告.docx), else the same 单位名称 and 年度."""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from ..core.parsing import text_key
from .results import REPORT, WORKBOOK, DATA, kind_of

# what people add to a report's (or a workbook's) name: -自评报告, _报告, 绩效自评表, (定稿) …
_MARKS = re.compile(r"[-_—–·.\s]*(?:[(（\[【][^)）\]】]*[)）\]】])?[-_—–·.\s]*"
                    r"(?:部门)?(?:单位)?(?:整体)?(?:支出)?(?:绩效)?(?:自评)?(?:报告|自评表|评分表|工作簿)"
                    r"(?:[(（\[【][^)）\]】]*[)）\]】])?$")


def pair_key(path: Path) -> str:
    stem = unicodedata.normalize("NFKC", path.stem)
    previous = None
    while previous != stem:
        previous, stem = stem, _MARKS.sub("", stem)
    return text_key(stem.strip(" -_.")).lower()


def by_name(files: list[Path]) -> list[tuple[Path, ...]]:
    """Jobs: a (workbook or data, report) pair where exactly one of each shares a name; the rest alone."""
    groups: dict[str, list[Path]] = {}
    for f in files:
        groups.setdefault(pair_key(f), []).append(f)
    jobs: list[tuple[Path, ...]] = []
    paired: set[Path] = set()
    for group in groups.values():
        reports = [f for f in group if kind_of(f) == REPORT]
        books = [f for f in group if kind_of(f) == WORKBOOK] or [f for f in group if kind_of(f) == DATA]
        if len(reports) == 1 and len(books) == 1:
            jobs.append((books[0], reports[0]))
            paired.update((books[0], reports[0]))
    return jobs + [(f,) for f in files if f not in paired]


def department(evaluation: dict | None) -> tuple[str, int] | None:
    """(单位名称, 年度) of a result, comparable across spellings (spaces, full-width brackets)."""
    if not evaluation or not evaluation.get("dept_name") or not evaluation.get("fiscal_year"):
        return None
    try:
        return text_key(unicodedata.normalize("NFKC", str(evaluation["dept_name"]))), int(evaluation["fiscal_year"])
    except (TypeError, ValueError):
        return None
