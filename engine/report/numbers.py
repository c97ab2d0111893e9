"""The numbers of a report's sentences, each with its unit, its stated precision and what it
is said to be (its measure — 年初预算, 实际支出, 执行率 … — and its scope — the whole
department, 基本支出, 项目支出, “三公”经费 …), read from the words before it."""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from ..core.parsing import DIRECTION_PATTERN, DIRECTIONS
from .vocabulary import cues, words

UNITS = ("万元", "元", "%", "分", "个", "件", "次", "篇", "场", "份", "项", "人", "名", "条", "期", "天", "家", "户",
         "处", "台", "辆", "套", "本", "所", "‰", "个百分点")
# a decimal point a PDF's line join left a space after ("28. 6万元") is still one, before a unit
_NUMBER = re.compile(r"(?<![\d.])(?<!\d,)(-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+|\.\s(?=\d+\s*(?:万元|元|%))\d+)?)[ \t\u3000]*(个百分点|万元|元|%|年度|年|月|日|号|"
                     + "|".join(u for u in UNITS if u not in ("万元", "元", "%", "个百分点")) + ")?")
_LIST_MARK = re.compile(r"[ \u3000]*(?:[(（]\s*\d{1,2}\s*(?=[)）])|\d{1,2}(?=\s*[.、．](?!\d)))")
# funds the year added ("年中上级专项转移支付521.48万元"): an adjustment, whose 专项 scopes it, not the budget said after it
_ADDED_IN_YEAR = re.compile(r"(?:年中|年内|追加|新增)[^，,；;。\d]{0,8}转移支付")
_WHOLE_AGAIN = re.compile(r"\s*(?:全年预算|调整后(?:全年)?预算|年初预算|全年支出|全年执行|全年实际支出)")
_ASIDE = re.compile(r"[(（][^()（）]*[)）]")
SENTENCE_END = re.compile(r"[。!?！？\n]")

# what a number is and for what, from the words just before it: data (templates/_report_cues.toml)
MEASURES, SCOPES = cues()
_MEASURE_RE = [(m, re.compile(p)) for m, p in MEASURES]
_SCOPE_RE = re.compile("|".join(f"(?P<{s}>{p})" for s, p in SCOPES))
_STOP = words()["comparison"]   # a 其中 list ends where a comparison starts
_DIRECTION_RE = re.compile("(" + DIRECTION_PATTERN + ")\\s*$")


@dataclass
class Number:
    value: float
    unit: str
    decimals: int
    start: int            # offset in the report's text
    end: int
    label: str            # the words since the previous number, in this sentence
    sentence: int         # index of the sentence
    paragraph: int        # index of the paragraph (a line of the normalised text)
    scope: str = "whole"
    measure: str | None = None
    part: bool = False    # one of the parts of a 其中 list

    @property
    def half_unit(self) -> float:
        """Half a unit of the last stated digit: 0.005 for 12.34, 0.5 for 100 (and %)."""
        return 0.5 * 10 ** -self.decimals

    @property
    def is_amount(self) -> bool:
        return self.unit in ("万元", "元")

    @property
    def is_rate(self) -> bool:
        return self.unit == "%"

    @property
    def in_wan(self) -> float:
        """An amount in 万元, whatever the report wrote."""
        return self.value / 10000 if self.unit == "元" else self.value


def measure_of(label: str) -> str | None:
    """The measure named by the label's last clause ("（…全年预算数…），决算数为" is 决算)."""
    label = re.split(r"[,，;；]", label)[-1]
    after = re.split(r"[:：]", label)[-1]
    label = after if after.strip() else label    # "预算执行率：全年预算" names a budget; "执行率：" a rate
    for measure, pattern in _MEASURE_RE:
        if pattern.search(label):
            return measure
    return None


def direction_before(label: str) -> str | None:
    """The direction a target is stated with: "≥", "大于等于", "不低于" … just before the number."""
    match = _DIRECTION_RE.search(label.rstrip(" :为是"))
    if match:
        return DIRECTIONS[match.group(1)]
    return None


_BOUND_AFTER = re.compile(r"\s*[^\d,，;；。、\s]{0,6}?\s*(以上|及以上|以内|以下|及以下)")


def direction_after(text: str, end: int) -> str | None:
    """The direction a target's words after it give ("6.5‰以内": ≤; "95%以上": ≥), None if none."""
    bound = _BOUND_AFTER.match(text, end)
    return None if bound is None else ">=" if bound.group(1).endswith("以上") else "<="


_COMPARED = re.compile(r"(?:未达到|未达|没有达到|达到|超过|低于|高于|不足|不到)\s*$")


def compared_with(label: str) -> bool:
    """The number is a line something is measured against ("执行率未达到100%", "低于90%"), not a
    figure the report states of itself."""
    return bool(_COMPARED.search(label))


_AGE = re.compile(r"\s*周?岁")


def numbers(text: str) -> list[Number]:
    """Every number of the text with its unit, label, scope and measure."""
    out: list[Number] = []
    sentence = paragraph = position = 0
    scope, scoped_by_adjustment = "whole", False   # (a scope an adjustment named: 追加项目资金…)
    # the scope before an aside opened ("…追加213.50万元（其中：…专项经费…）"), and whether an adjustment named it
    outside: tuple[str, bool] | None = None
    semicolons = scoped_at = 0      # the sentence's "；" so far, and how many there were when its scope was named
    listed = False                  # the scope the last of a list of parts' ("其中基本支出…、项目支出…")
    for match in _NUMBER.finditer(text):
        between = text[position:match.start()]
        breaks = list(SENTENCE_END.finditer(between))
        label_start = position
        if breaks:
            sentence += len(breaks)
            paragraph += between.count("\n")
            label_start = position + breaks[-1].end()
            scope, scoped_by_adjustment, outside = "whole", False, None
            semicolons = scoped_at = 0
            listed = False
        label_text = text[label_start:match.start()]
        closing = max(label_text.rfind(")"), label_text.rfind("）"))
        if outside is not None and closing > max(label_text.rfind("("), label_text.rfind("（")):
            (scope, scoped_by_adjustment), outside = outside, None    # the aside closed: its scope was its own
        elif outside is None and (opening := max(label_text.rfind("("), label_text.rfind("（"))) > closing:
            # (… the scope named before the bracket opened is the sentence's: "“三公”经费控制率（3分），年初预算…")
            named_before = list(_SCOPE_RE.finditer(_ASIDE.sub("", label_text[:opening])))
            outside = (named_before[-1].lastgroup if named_before else scope, scoped_by_adjustment)
        position = match.end()
        unit = match.group(2) or ""
        if unit in ("年度", "月", "日", "号") or unit == "年" and 1900 <= float(match.group(1).replace(",", "")) <= 2100:
            if unit == "年" and text[match.end():match.end() + 1] in ("初", "末", "中", "底"):
                position = match.end() - 1    # ("2024年初预算…": the next label keeps its 年初)
            continue   # a date: not a figure; it ends the label of the next one (≥50年, a span of years, is one)
        if not unit and _AGE.match(text, match.end()):
            continue   # an age in a population's name ("65岁及以上老年人健康管理率", "0-6岁儿童"): no figure
        mark = _LIST_MARK.match(text, text.rfind("\n", 0, match.start()) + 1)
        if mark and not unit and mark.end() >= match.end():
            continue   # a list's mark ("（3）奖补…386户", "2.效益指标…"): no figure, it ends the next one's label
        if out and match.start() >= 1 and text[match.start() - 1] in "/／" and out[-1].end == match.start() - 1:
            base = re.match(r"[万千百]?", text[match.end():]).group()       # 180/10万: per 10万, the
            out[-1].unit += "/" + text[match.start():match.end()].strip() + base   # figure's unit, no figure
            out[-1].end = match.end() + len(base)
            continue
        found = list(_SCOPE_RE.finditer(_ASIDE.sub("", label_text)))   # （主要为…抽检专项…）: said aside, no scope
        semicolons += len(re.findall(r"[;；]", label_text))
        if found:
            listed = label_text.lstrip().startswith("、") and bool(out) and out[-1].scope not in ("whole", found[-1].lastgroup)
            scope, scoped_at = found[-1].lastgroup, semicolons
            # (… or by the next of a list of adjustments: "追加…补助资金208.00万元、省级旅游发展专项资金109.50万元")
            scoped_by_adjustment = measure_of(label_text) == "adjust" or bool(_ADDED_IN_YEAR.search(label_text)) or bool(
                out and out[-1].measure == "adjust" and label_text.lstrip().startswith("、"))
        elif listed and re.fullmatch(r"\s*[,，]\s*(?:预算)?执行率\s*(?:为|达)?\s*", label_text):
            scope = "whole"       # "…其中基本支出2,986.40万元、项目支出3,855.97万元，预算执行率96.28%": the list's, not its last part's
        elif (scoped_by_adjustment or semicolons > scoped_at) and _WHOLE_AGAIN.match(re.split(r"[,，;；]", label_text)[-1]):
            scope = "whole"       # "…追加项目资金113.80万元，全年预算1,612.40万元": the whole's again — or after a "；"
            # ended the clause that named the scope ("其中…项目支出684.50万元；年中追加…，全年预算1,598.34万元")
        raw = match.group(1).replace(" ", "")
        label = label_text.strip(" ,，、;；:：()（）")
        measure = _of_the_spending(out, label, sentence) if unit == "%" else None
        out.append(Number(float(raw.replace(",", "")), unit, len(raw.split(".")[1]) if "." in raw else 0,
                          match.start(), match.end(), label, sentence, paragraph, scope, measure or measure_of(label)))
    return out


# "全年支出40,476.57万元，占全年预算41,538.25万元的97.44%", "全年实际支出1,398.64万元，占全年预算的96.30%", "…，为调整后
# 预算的95.16%": the year's spending as a share of the year's budget, its 执行率
_SHARE_OF_BUDGET = re.compile(r"(?:占|为)(?:全年|调整后)?预算(?:数)?")


def _of_the_spending(before: list[Number], label: str, sentence: int) -> str | None:
    """exec_rate for a rate said as the share of the year's budget that the spending just before it is, else None."""
    if label == "的" and len(before) >= 2 and before[-1].measure == "total_budget" \
            and _SHARE_OF_BUDGET.fullmatch(before[-1].label) and before[-2].measure == "spend" \
            and before[-1].sentence == before[-2].sentence == sentence:
        return "exec_rate"
    if _SHARE_OF_BUDGET.fullmatch(label.removesuffix("的")) and label.endswith("的") and before \
            and before[-1].measure == "spend" and before[-1].sentence == sentence:
        return "exec_rate"
    return None


def sentence_bounds(text: str, offset: int) -> tuple[int, int]:
    """The sentence holding `offset`: from after the last 。!?！？ or line end before it, through the next."""
    ends = _sentence_ends(text)
    i = bisect.bisect_left(ends, offset)
    return (ends[i - 1] + 1 if i else 0), (ends[i] + 1 if i < len(ends) else len(text))


@functools.lru_cache(maxsize=4)
def _sentence_ends(text: str) -> list[int]:
    # (found once a text: a search back and forth for each of them, for every figure, was a tenth of a check's time)
    return [m.start() for m in _SENTENCE_END.finditer(text)]


_SENTENCE_END = re.compile(r"[。!?！？\n]")


def statement_start(text: str, offset: int) -> int:
    """Where the statement holding `offset` begins: its sentence's start, or a ；after it."""
    return max(sentence_bounds(text, offset)[0], *(text.rfind(c, 0, offset) + 1 for c in ";；"))


def quote(text: str, offset: int, limit: int = 80) -> str:
    """The sentence around `offset`, at most `limit` characters (centred on the offset)."""
    start, end = sentence_bounds(text, offset)
    sentence = text[start:end].strip()
    if len(sentence) <= limit:
        return sentence
    at = offset - start
    lo = max(0, min(at - limit // 2, len(sentence) - limit))
    return ("…" if lo else "") + sentence[lo:lo + limit - 1] + ("…" if lo + limit - 1 < len(sentence) else "")


def scope_named(label: str) -> str | None:
    """The scope a label names itself (基本支出, 项目支出, “三公” …), None if it names none."""
    found = list(_SCOPE_RE.finditer(label))
    return found[-1].lastgroup if found else None


def stop_parts(label: str) -> bool:
    return bool(_STOP.search(label))
