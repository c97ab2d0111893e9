"""A 时效 indicator's target or what it achieved said as a date ("2023年12月底前", "6月30日前", "2023年11月20日"): read
as a figure of its own kind — its unit 日期, its value the date's first number as written (the year, or the month
when no year is said), its words the date — so that the indicator is read whole, and no arithmetic is ever done with
it (a date is no quantity: engine/report/indicator_checks.py computes no completion of one)."""
from __future__ import annotations

import re

from .numbers import Number

DATE_UNIT = "日期"
_DATE_CELL = re.compile(r"\s*(?:[≤<＜]|不晚于|不迟于|于)?\s*(?:(?:19|20)\d{2}\s*年\s*)?\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?\s*"
                        r"(?:底|末|中旬|上旬|下旬|初|份)?\s*(?:前|以前|之前|内|全部)?\s*(?:完成|完工|发放|拨付|兑付)?\s*"
                        # (… or a day in the month, or days after an event: "每月15日前", "≤季度结束后30日", "验收后30日内")
                        r"|\s*(?:[≤<＜]|不超过|不晚于)?\s*(?:每月|每季度?|[\u4e00-\u9fff]{1,6}后)\s*\d{1,3}\s*(?:个工作日|个?日|天)\s*"
                        r"(?:前|以前|之前|内|以内)?\s*(?:完成|发放|拨付|兑付)?\s*")


def date_said(text: str, cell: str, near: Number | None) -> Number | None:
    """The cell's date as a figure (at its place in `text`, on the line of the row's figure `near`), or None when the
    cell is no date alone."""
    cell = cell.strip()
    if near is None or not cell or not _DATE_CELL.fullmatch(cell):
        return None
    line = text.rfind("\n", 0, near.start) + 1
    at = text.find(cell, line)
    if at < 0:
        return None
    return date_number(cell, at, near)


def date_number(date: str, at: int, near: Number) -> Number:
    """The date written `date` at offset `at`, as a figure of its own kind on the sentence of `near`."""
    return Number(float(re.search(r"\d+", date).group()), DATE_UNIT, 0, at, at + len(date), date, near.sentence,
                  near.paragraph, part=True)


def is_date(n: Number | None) -> bool:
    return n is not None and n.unit == DATE_UNIT


DATE_TEXT = r"(?:(?:19|20)\d{2}\s*年\s*)?\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?(?:底|末|中旬|上旬|下旬|初)?(?:前|以前|之前)?"
# "年度目标值为2023年12月31日前完成": the date right after an indicator's target word
_DATE_AFTER = re.compile(rf"\s*(?:是|为|[:：])?\s*(?:在|于)?\s*(?P<date>{DATE_TEXT})(?![\d.%])")
# "实际于2023年12月20日完成", "实际完成值为2023年10月": what was achieved, a date
_ACHIEVED_ON = re.compile(rf"实际(?:完成值|完成时间|完成|完工时间)?\s*(?:是|为|[:：])?\s*(?:在|于)?\s*(?P<date>{DATE_TEXT})(?![\d.%])")


def date_after(text: str, at: int, near: Number | None) -> Number | None:
    """The date said right after `at` (an indicator's target word), as a figure; None when no date stands there."""
    said = _DATE_AFTER.match(text, at)
    return _figure(said, near) if said and near is not None else None


def achieved_on(text: str, start: int, end: int, near: Number | None) -> Number | None:
    """The date said as what was achieved ("实际于…") between `start` and `end`, the first; None when none is."""
    said = _ACHIEVED_ON.search(text, start, end)
    return _figure(said, near) if said and near is not None else None


def _figure(said: re.Match, near: Number) -> Number:
    return date_number(said.group("date"), said.start("date"), near)

