"""The grade scale a report states for itself ("85分（含）以上为优，70分（含）至85分为良…",
"优秀（90分以上）、良好（80-89分）…"): each grade's lower bound, as the core's grade bands
(arithmetic.Tier), so that the report's grade is checked by its own scale — PERF_GRADE the one
definition."""
from __future__ import annotations

import re

from ..core.arithmetic import DEFAULT_GRADE_BANDS, Tier
from .vocabulary import grade_words

_GRADES = grade_words()
_WORD = "|".join(sorted(_GRADES, key=len, reverse=True))
_FIGURE = r"(\d+(?:\.\d+)?)\s*分?"
_INCLUDED = r"\s*+(?:[(（]\s*含\s*[)）])?"
# "85分（含）以上为优", "90分及以上的为“优秀”", "80（含）—90分为良好", "60分以下为差"
# (each run of spaces taken whole, \s*+: a table set in spaces gives long runs after its figures, and optional words
# between runs let a failing match try every way of sharing one out)
_BOUND_FIRST = re.compile(rf"(?P<low>\d+(?:\.\d+)?)\s*+分?{_INCLUDED}\s*+(?:(?P<above>及?以上)|[-—–~至到]\s*{_FIGURE}{_INCLUDED}(?:[(（]\s*不含\s*[)）])?|(?P<below>以下))"
                          rf"\s*+(?:的)?\s*+(?:为|评为|定为|是|:|：)?\s*+[\"“”'‘’「」]?\s*+(?P<grade>{_WORD})(?![\u4e00-\u9fff])")
# "优秀（90分以上）", "良好（80-89分）", "合格(60分-79分)"
_GRADE_FIRST = re.compile(rf"(?<![\u4e00-\u9fff])(?P<grade>{_WORD})\s*[(（]\s*(?P<low>\d+(?:\.\d+)?)\s*分?{_INCLUDED}\s*(?:(?P<above>及?以上)|[-—–~至到]\s*{_FIGURE}|(?P<below>以下))\s*[)）]")


# "得分≥85为优", "70≤得分<85为良", "得分<60为差": the score between signs
_SIGNED = re.compile(rf"(?:(?P<between>\d+(?:\.\d+)?)\s*分?\s*[≤<＜]\s*)?(?:综合得分|自评得分|得分|总分|分数|评分)\s*"
                     rf"(?:(?:≥|>=|＞|>|大于等于|不低于)\s*(?P<low>\d+(?:\.\d+)?)\s*分?|[<＜≤]\s*\d+(?:\.\d+)?\s*分?)"
                     rf"\s*(?:的|时)?\s*[,，]?\s*(?:为|评为|定为)\s*[\"“”'‘’「」]?\s*(?P<grade>{_WORD})(?![\u4e00-\u9fff])")


def stated_grade_bands(text: str) -> tuple[Tier, ...] | None:
    """The report's own scale, when it states bounds that differ from the usual 90/80/60 (a grade
    it leaves unsaid keeps the usual bound); else None."""
    lows: dict[str, float] = {}
    for match in (*_BOUND_FIRST.finditer(text), *_GRADE_FIRST.finditer(text), *_SIGNED.finditer(text)):
        grade = _GRADES[match.group("grade")]
        low = match.group("low") or (match.group("between") if match.re is _SIGNED else None)
        if match.re is not _SIGNED and match.group("below") or low is None:
            continue                     # "60分以下为差", "得分<60为差": the lowest grade, no lower bound
        lows.setdefault(grade, float(low))
    usual = {grade: low for low, grade in DEFAULT_GRADE_BANDS[:-1]}
    if not lows or lows == {g: usual[g] for g in lows}:
        return None
    scale = {**usual, **lows}            # (a grade it leaves unsaid: the usual bound)
    if not scale["优"] > scale["良"] > scale["中"]:
        return None                      # bounds out of order: not read right
    return tuple(Tier(">=", scale[g], g) for g in ("优", "良", "中")) + (Tier("else", 0.0, "差"),)


def grade_scale_said(text: str) -> bool:
    """Whether the report states a grade scale at all (the usual one included)."""
    return bool(_BOUND_FIRST.search(text) or _GRADE_FIRST.search(text) or _SIGNED.search(text))
