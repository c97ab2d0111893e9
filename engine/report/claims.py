"""What a report states: its amounts and rates by scope and measure, its 其中 lists, each
indicator's target/direction/actual/completion/weight/self score, item scores, the total and
the grade — each with the sentence it came from.  Patterns follow the structure the seeds
share (a labelled number, 其中 lists, one paragraph per indicator), not their wording."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from ..core.parsing import DIRECTIONS, text_key
from .numbers import Number, direction_before, numbers, quote, sentence_bounds, stop_parts
from .document import Document
from .forms import Forms, read_forms
from .goals import goal_result_pairs
from .lists import counted_lists
from .tables import AmountTable, amount_tables, table_lines
from .text import CELL, ReportText
from .totals import STRONG_TOTAL, total_and_grade
from .vocabulary import column_of, words

_TARGET = words()["target"]
_TIER = re.compile(r"档次(?:为|是)?[:：]?\s*[“\"「]([^”\"」]{2,20})[”\"」]")
_TOP_HEADING = re.compile(r"\n[一二三四五六七八九十]+、")
_ACTUAL = words()["actual"]
_MONITORING = words()["monitoring"]
_MIDYEAR = words()["midyear"]
_SELF_SCORE = words()["self_score"]
_AFTER_TARGET = re.compile(r"^\s*(以上|以下|以内|及以上|及以下)")
_NAME_PREFIX = re.compile(r"^(?:[(（]?[一二三四五六七八九十\d]+[)）、.]?\s*)?(?:指标\s*[①-⑳\d一二三四五六七八九十]*)?\s*[:：]?")
# the department as a form's field names it (部门名称, 部门（单位）名称, 实施单位, 评价单位（公章）…),
# its value after a colon, a table's cell mark or a run of spaces
_DEPT = re.compile(r"(?:实施单位|预算部门单位|预算单位|评价单位|(?:部门|单位)\s*(?:\((?:单位|部门)\))?\s*名称)"
                   r"\s*(?:\((?:公章|盖章)\))?\s*(?:[:：]|\s\|\s|\s{2,}|\n)\s*([^\s|:：]{2,40}?)(?=\s|填报|日期|时间|$)",
                   re.M)
_TITLE = re.compile(r"^\s*(\S.*?)\s*(?:部门|单位)?\s*(?:\d{4}\s*年度?)?\s*(?:部门|单位)?\s*(?:\(单位\))?\s*(?:整体支出|项目支出)\s*绩效\s*"
                    r"(?:自评|评价)|^\s*(\S.*?)\s*(?:部门|单位)?\s*\d{4}\s*年度?\s*(?:部门|单位)?\s*绩效\s*(?:自评|评价)|"
                    # an organisation's name before the year, the title naming a 绩效 report further on
                    r"^\s*(\S{2,30}?(?:局|委员会|委|院|办公室|中心|站|所|馆|学校|小学|中学|幼儿园|政府|办事处|处|队|厅|社|部))"
                    r"\s*\d{4}\s*年(?=.{0,40}绩效.{0,6}(?:自评|评价))")
_YEAR = re.compile(r"[(（]\s*(\d{4})\s*年度?\s*[)）]|(\d{4})\s*年度|(?:评价|自评|预算|考核|项目)年度\s*[:：]\s*(\d{4})")
RATE_KEYS = {("exec_rate", "whole"): "exec_rate", ("exec_rate", "basic"): "basic_exec_rate",
             ("exec_rate", "project"): "project_exec_rate", ("exec_rate", "procurement"): "procurement_rate",
             ("control_rate", "sangong"): "sangong_control_rate", ("control_rate", "public"): "public_control_rate",
             ("adjust_rate", "whole"): "adjust_rate"}
AMOUNT_KEYS = {("initial", "whole"): "budget_initial", ("adjust", "whole"): "budget_adjust",
               ("total_budget", "whole"): "budget_total", ("spend", "whole"): "spend_total",
               ("total_budget", "basic"): "basic_budget", ("budget", "basic"): "basic_budget",
               ("spend", "basic"): "basic_spend", ("total_budget", "project"): "project_budget",
               ("budget", "project"): "project_budget", ("spend", "project"): "project_spend",
               ("total_budget", "sangong"): "sangong_budget", ("budget", "sangong"): "sangong_budget",
               ("spend", "sangong"): "sangong_spend", ("total_budget", "public"): "public_budget",
               ("budget", "public"): "public_budget", ("spend", "public"): "public_spend",
               ("budget", "procurement"): "procurement_plan", ("initial", "procurement"): "procurement_plan",
               ("total_budget", "procurement"): "procurement_plan", ("spend", "procurement"): "procurement_spend"}


@dataclass
class PartsList:
    whole: Number
    parts: list[Number]
    one_statement: bool = True      # False: the parts are items listed after the whole (lists.py)


@dataclass
class Indicator:
    row: int
    name: str
    start: int
    level1: str = ""
    direction: str | None = None
    target: Number | None = None
    actual: Number | None = None
    completion: Number | None = None
    deviation: Number | None = None
    weight: Number | None = None
    self_score: Number | None = None
    deviation_reason: str = ""
    tier: str = ""                  # a 定性 indicator's 评价档次
    coefficient: Number | None = None
    end: int | None = None          # where its own words end, when they are not a block of their own


@dataclass
class StatedItem:
    name: str
    score: Number
    weight: Number | None = None
    row_id: str | None = None


@dataclass
class Facts:
    report: ReportText
    numbers: list[Number]
    sums: list[PartsList] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    items: list[StatedItem] = field(default_factory=list)
    tables: list[AmountTable] = field(default_factory=list)
    total: Number | None = None
    grade: tuple[str, int] | None = None     # (优/良/中/差, offset)
    dept_name: str | None = None
    fiscal_year: int | None = None
    form_amounts: dict[str, Number] = field(default_factory=dict)   # read from a 自评表 (forms)
    form_rates: dict[str, Number] = field(default_factory=dict)
    forms: Forms | None = None
    document: Document | None = None

    @property
    def text(self) -> str:
        return self.report.text

    def where(self, offset: int) -> str:
        return self.report.where(offset)

    def quote(self, offset: int) -> str:
        return quote(self.text, offset)

    def amount(self, n: Number) -> float:
        """In 万元, whatever the report wrote."""
        return n.value / 10000 if n.unit == "元" else n.value

    def half_cent(self, n: Number) -> float:
        """Half the rounding unit of an amount, in 万元: amounts are kept to the cent of their
        unit (0.01), so "0" and "2.8" are as exact as "0.00" and "2.80"."""
        half = 0.5 * 10 ** -max(n.decimals, 2)
        return half / 10000 if n.unit == "元" else half

    def figures(self) -> list[Number]:
        """Numbers stated for the department (not a part of a 其中 list, not in an indicator)."""
        blocks = [(i.start, self._end_of(i)) for i in self.indicators]
        return [n for n in self.numbers if not n.part and not any(a <= n.start < b for a, b in blocks)]

    def _end_of(self, indicator: Indicator) -> int:
        if indicator.end is not None:
            return indicator.end
        later = [i.start for i in self.indicators if i.start > indicator.start]
        heading = _TOP_HEADING.search(self.text, indicator.start)
        ends = later + ([heading.start()] if heading else []) + [len(self.text)]
        return min(ends)

    def keyed_amounts(self) -> dict[str, Number]:
        """The first stated amount of each SPEC input (budget_total, spend_total, …): a form's first."""
        return {**self._first_of_each(AMOUNT_KEYS, lambda n: n.is_amount), **self.form_amounts}

    def keyed_rates(self) -> dict[str, Number]:
        """The first stated rate of each SPEC rate (exec_rate, adjust_rate, …): a form's first."""
        return {**self._first_of_each(RATE_KEYS, lambda n: n.is_rate and not self._monitoring(n)), **self.form_rates}

    def number_at(self, offset: int) -> Number | None:
        """The number that starts at `offset` of the text (None: none does)."""
        return self._by_start.get(offset)

    @functools.cached_property
    def _by_start(self) -> dict[int, Number]:
        return {n.start: n for n in self.numbers}

    def _monitoring(self, n: Number) -> bool:
        """A rate of the year's 运行监控 (年中, 上半年): not the year's."""
        return bool(_MONITORING.search(self.text[sentence_bounds(self.text, n.start)[0]:n.start]))

    def _first_of_each(self, keys: dict, wanted) -> dict[str, Number]:
        """The first figure of each key; a figure said of the 财政资金 — or, in a 项目支出 report, of
        the 项目资金 — stands for the whole when no figure is said of the whole (a project funded by
        the budget alone: "该项目财政资金总额"; "项目资金共1865万元 … 执行率98%")."""
        out: dict[str, Number] = {}
        standing: dict[str, Number] = {}
        stands_for_whole = ("fiscal", "project") if kind_stated(self.text) == "项目支出" else ("fiscal",)
        for n in self.figures():
            key = keys.get((n.measure, n.scope))
            if key and key not in out and wanted(n):
                out[key] = n
            key = keys.get((n.measure, "whole")) if n.scope in stands_for_whole else None
            if key and key not in standing and wanted(n):
                standing[key] = n
        return {**standing, **out}


def kind_stated(text: str) -> str | None:
    """部门整体 or 项目支出 as the report's title or form says it (None: it does not say)."""
    head = text[:600]
    if "项目支出绩效" in head or "项目名称" in head or "项目绩效自评" in head:
        return "项目支出"
    if "整体支出" in head or "部门整体" in head or "单位整体" in head:
        return "部门整体"
    return None


def read_facts(report: ReportText) -> Facts:
    document = Document(report.text)
    # a rule or a form's instructions ("注：执行率低于90%的须说明原因") states no figure of the report
    facts = Facts(report, [n for n in numbers(report.text) if not document.is_rule(n.start)], document=document)
    forms = read_forms(report.text, facts.numbers)      # tables first
    used = forms.used
    for n in facts.numbers:
        if id(n) in used:
            n.part = True                               # a form's figure, not a sentence's
    facts.form_amounts, facts.form_rates, facts.forms = forms.amounts, forms.rates, forms
    facts.tables = amount_tables(report.text, facts.numbers)   # each row of amounts against itself
    _sums(facts)
    for whole, parts in counted_lists(document, facts.numbers):    # "共有4个项目，预算合计…" and its items
        for n in parts:
            n.part = True
        facts.sums.append(PartsList(whole, parts, one_statement=False))
    _indicators(facts)
    _paired_indicators(facts)
    _goals_and_results(facts)
    _form_indicators(facts, forms)
    _items(facts)
    total_and_grade(facts)
    if forms.total is not None and (facts.total is None or not STRONG_TOTAL.search(facts.total.label)):
        facts.total = forms.total   # a form's 总分 row before a bare "得分" of a sentence
    dept = _DEPT.search(report.text)
    title = next((_TITLE.match(line) for line in report.text.split("\n")[:5] if _TITLE.match(line)), None)
    facts.dept_name = dept.group(1).strip() if dept else next(g for g in title.groups() if g).strip() if title else None
    year = _YEAR.search(report.text[:2000])
    facts.fiscal_year = int(next(g for g in year.groups() if g)) if year else None
    return facts


# ------------------------------------------------------------------ 其中 lists
_SPENDING = re.compile(r"实际|使用|拨付|执行数|已完成")   # not 支出: 基本支出 and 项目支出 are parts of a budget


_WHOLE = re.compile(r"合计|总计|总额|小计")     # a part that is itself a whole ends the list


def _sums(facts: Facts) -> None:
    text = facts.text
    for match in re.finditer(r"其中(?:[:：\s]*其中)*", text):   # "其中：其中：" is one list
        start, end = sentence_bounds(text, match.start())
        before = [n for n in facts.numbers if start <= n.start < match.start() and n.is_amount]
        before = [n for n in before if not stop_parts(n.label)]   # "同比增加44.20万元" is no whole
        if not before:   # "…919.76万元。其中：上级…" — the whole ends the sentence before
            previous = [n for n in facts.numbers if n.end <= start and n.is_amount and not stop_parts(n.label)]
            before = [previous[-1]] if previous and text[previous[-1].end:start].count("\n") == 0 else []
        parts = []
        spent_whole = bool(before) and bool(_SPENDING.search(before[-1].label))
        for n in facts.numbers:
            if match.end() <= n.start < end:
                if stop_parts(n.label) or (not spent_whole and _SPENDING.search(n.label)) or _WHOLE.search(n.label):
                    break   # "其中省级补助…、县级配套…，实际拨付使用…": the sources end where spending starts
                if n.is_amount:
                    parts.append(n)
        if not before or len(parts) < 2:
            continue
        groups: dict[str | None, list[Number]] = {}
        for n in parts:
            groups.setdefault(n.measure, []).append(n)
        for measure, group in groups.items():
            wholes = [n for n in before if n.measure == measure] if measure else []
            whole = wholes[-1] if wholes else (before[-1] if measure is None or len(groups) == 1 else None)
            if whole is not None and len(group) >= 2:
                for n in group:
                    n.part = True
                facts.sums.append(PartsList(whole, group))


# ------------------------------------------------------------------ indicators
def _form_indicators(facts: Facts, forms: Forms) -> None:
    """A form's indicator rows, before the sentences': a sentence about an indicator the form
    lists is the same indicator."""
    if not forms.indicators:
        return
    names = [text_key(f.name) for f in forms.indicators]
    prose = [i for i in facts.indicators if len(text_key(i.name)) >= 2
             and not any(text_key(i.name) in n or n in text_key(i.name) for n in names)]
    read = []
    for f in forms.indicators:
        ind = Indicator(0, f.name, f.start, f.level1, f.direction, f.target, f.actual, weight=f.weight,
                        self_score=f.score, deviation_reason=f.reason)
        if f.direction == "定性":   # the tier chosen is the target cell's; the coefficient the actual's
            ind.target, ind.tier = None, f.target_text
            # the actual cell is the 评价系数 only when it is a percentage alone ("90%"); a figure in
            # words ("下降12%") is what was achieved, read but not scored against a target of words
            alone = re.fullmatch(r"\s*\d+(?:\.\d+)?\s*%\s*", f.actual_text or "")
            ind.coefficient = f.actual if f.actual is not None and f.actual.is_rate and alone else None
            ind.actual = None if ind.coefficient is not None else f.actual
        read.append(ind)
    facts.indicators = read + prose
    for row, ind in enumerate(facts.indicators, 1):
        ind.row = row


def _indicators(facts: Facts) -> None:
    text = facts.text
    starts = []
    for match in _TARGET.finditer(text):
        start, end = sentence_bounds(text, match.start())
        if CELL in text[start:end]:
            continue   # a table's header, not an indicator's sentence
        if starts and starts[-1][0] == start:
            continue
        starts.append((start, match))
    for row, (start, match) in enumerate(starts, 1):   # renumbered below
        facts.indicators.append(Indicator(row, _indicator_name(text[start:match.start()]), start))
    for ind in list(facts.indicators):
        end = facts._end_of(ind)
        inside = [n for n in facts.numbers if ind.start <= n.start < end]
        target_at = _TARGET.search(text, ind.start)
        after = [n for n in inside if n.start >= target_at.end()]
        if target_at.group(0) == "定性指标":
            tier = _TIER.search(text, target_at.end(), end)
            ind.direction, ind.tier = "定性", tier.group(1) if tier else ""
            ind.coefficient = next((n for n in inside if "系数" in n.label and n.is_rate), None)
        elif after and not re.search(r"[,，;；。\n]", text[target_at.end():after[0].start]):
            ind.target = after[0]
            ind.direction = direction_before(after[0].label) or _direction_after(text, after[0]) or "="
        for n in inside:
            if n is ind.target or n is ind.coefficient:
                continue
            if n.measure == "completion" and ind.completion is None:
                ind.completion = n
            elif n.measure == "deviation" and ind.deviation is None:
                ind.deviation = n
            elif n.measure == "weight" and ind.weight is None:
                ind.weight = n
            elif n.unit in ("分", "") and (n.measure == "score" or _SELF_SCORE.search(n.label)) \
                    and ind.self_score is None:
                ind.self_score = n
            elif _ACTUAL.search(n.label) and not _MIDYEAR.search(n.label):
                ind.actual = n   # the last one: 自评/本次评价 完成值 after 年中 完成值
        stated = ind.actual or ind.completion or ind.self_score or ind.coefficient
        if ind.target is None and not ind.tier or stated is None:   # "指标值" in prose about indicators
            facts.indicators.remove(ind)
            continue
        reason = re.search(r"偏差原因[^:：]*[:：]\s*([^。\n]*)", text[ind.start:end])
        ind.deviation_reason = reason.group(1).strip() if reason else ""
    levels = _level1_names()
    previous = 0
    for row, ind in enumerate(facts.indicators, 1):
        ind.row = row
        # the group an indicator is listed under: the last 一级指标 name since the previous indicator
        found = [m for m in re.finditer("|".join(map(re.escape, levels)), text[previous:ind.start])] if levels else []
        ind.level1 = found[-1].group(0) if found else (facts.indicators[row - 2].level1 if row > 1 else "")
        previous = ind.start


# "不动产登记发证年度指标≥6000件，实际完成6418件": a target with its direction, then what was
# achieved, one clause after the other (or both in brackets after the name: "…以内（年度指标≤12万元，…")
_PAIRED = re.compile(r"(?P<name>[^,，;；。:：\n()（）]{2,30}?)\s*[(（]?\s*(?:年度指标值?|年度计划|年度目标|计划|目标值?|指标值?)?"
                     r"\s*(?:为|是)?\s*(?P<dir>≥|≤|>=|<=|不低于|不少于|不高于|不超过|大于等于|小于等于|>|<)\s*"
                     r"(?P<target>\d+(?:\.\d+)?)\s*(?P<unit>[^\d,，;；。\s]{0,4}?)\s*[,，]\s*"
                     r"(?:[^\d,，;；。\n]{0,6}?)实际[^\d,，;；。\n]{0,8}?(?P<actual>\d+(?:\.\d+)?)\s*(?P<unit2>[^\d,，;；。\s]{0,4})")
_NAME_NOISE = re.compile(r"^(?:全年|年度|其中|截至年底|本年度|当年|该指标|本指标)|(?:年度计划|年度|计划|预期)$")


def _paired_indicators(facts: Facts) -> None:
    known = [text_key(i.name) for i in facts.indicators]
    spans = [(i.start, facts._end_of(i)) for i in facts.indicators]
    for match in _PAIRED.finditer(facts.text):
        if any(a <= match.start() < b for a, b in spans):
            continue   # inside an indicator's own paragraph: its figures are read there
        target, actual = facts.number_at(match.start("target")), facts.number_at(match.start("actual"))
        if target is None or actual is None or target.part or actual.part or CELL in match.group(0):
            continue
        if target.unit != actual.unit or (match.group("unit") or "")[:1] != (match.group("unit2") or "")[:1]:
            continue   # 12万元 against 98600元: not compared (precision first)
        name = _NAME_NOISE.sub("", match.group("name").strip()).strip()
        if len(name) < 2 or any(text_key(name) in k or k in text_key(name) for k in known if k):
            continue
        known.append(text_key(name))
        facts.indicators.append(Indicator(len(facts.indicators) + 1, name, match.start(), "",
                                          DIRECTIONS[match.group("dir")], target, actual))


@functools.lru_cache(maxsize=1)
def _level1_names() -> list[str]:
    """The 一级指标 names the rule sets group indicators by (产出指标, 效益指标 …): data, not code."""
    from ..core import rulesets
    names = set()
    for key in rulesets.available():
        for row in rulesets.load(key).indicator_rows:
            spellings = row.indicator_part.get("level1") or ()
            # the full names only ("产出指标"): a bare "产出" is too common in a paragraph's prose
            names.update(n for n in ([spellings] if isinstance(spellings, str) else spellings) if "指标" in n)
    return sorted(names, key=len, reverse=True)


def _direction_after(text: str, n: Number) -> str | None:
    match = _AFTER_TARGET.match(text[n.end:n.end + 6])
    if not match:
        return None
    return ">=" if "上" in match.group(1) else "<="


def _indicator_name(before: str) -> str:
    clauses = [c.strip() for c in re.split(r"[,，:：;；]", before)]
    for clause in reversed(clauses):
        clause = re.sub(r"该指标|预期|本指标", "", clause)
        clause = re.sub(r"^(?:为|是)|(?:为|是)$", "", clause.strip(" 　"))   # "该指标为": no name
        clause = _NAME_PREFIX.sub("", clause).strip(" 　")
        if clause:
            return clause[:60]
    return ""


def _goals_and_results(facts: Facts) -> None:
    """A target among the goals and its result among the results, sections apart (goals.py)."""
    known = [text_key(i.name) for i in facts.indicators]
    for name, direction, target, actual in goal_result_pairs(facts.document, facts.numbers, known):
        target.part = actual.part = True    # an indicator's figures, not the department's
        facts.indicators.append(Indicator(len(facts.indicators) + 1, name, target.start, "", direction, target,
                                          actual, end=target.end))


# ------------------------------------------------------------------ items, total, grade
FUNDS_IDENTIFIED = ("budget_initial", "budget_total", "spend_total")
def _items(facts: Facts) -> None:
    """A score stated right after a rate ("执行率为 99.99%，得 10 分"), and the rows of a
    绩效自评表 (a table whose header names 分值/权重 and 得分)."""
    numbers_ = facts.figures()
    for a, b in zip(numbers_, numbers_[1:]):
        if a.is_rate and a.measure == "exec_rate" and a.scope == "whole" and b.sentence == a.sentence \
                and b.measure == "score" and b.unit in ("分", ""):
            facts.items.append(StatedItem("预算执行率", b, row_id="budget_execution"))
    execution = facts.forms.execution if facts.forms else {}
    if {"weight", "score"} <= set(execution) and not any(i.row_id == "budget_execution" for i in facts.items):
        # the funds block's 分值 and 得分: the 预算执行率 item of the form (its rate is the headline's)
        facts.items.append(StatedItem("预算执行率", execution["score"], execution["weight"], row_id="budget_execution"))
    _listed_items(facts)
    _table_items(facts)


# "1.投入管理（20分）：得19分" — an item of a 评分表 written as a list: its name, its points, its score
_LISTED_ITEM = re.compile(r"(?:^|\n)\s*(?:\d{1,2}\s*[.、]|[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)?\s*"
                          r"([^\s(（:：,，。;；\d]{2,16})\s*[(（]\s*(?:满分|分值|权重)?\s*(\d+(?:\.\d+)?)\s*分\s*[)）]"
                          r"\s*[:：,，]?\s*(?:自评)?(?:得分|得)\s*[:：为]?\s*(\d+(?:\.\d+)?)\s*分")


# "产出指标得分47.75分（满分50分）" — the score first, its points after it in brackets
_SCORED_ITEM = re.compile(r"(?:^|(?<=[\n，,；;。:：]))\s*(?:其中)?\s*([^\s(（:：,，。;；\d]{2,16}?)\s*(?:自评)?得分?\s*[:：为]?\s*"
                          r"(\d+(?:\.\d+)?)\s*分\s*[(（]\s*(?:满分|分值|权重|权重分值|总分)?\s*[:：为]?\s*(\d+(?:\.\d+)?)\s*分\s*[)）]")
_NOT_AN_ITEM = re.compile(r"综合|总|整体|自评$|平均")


def _listed_items(facts: Facts) -> None:
    found = [(m, m.start(2), m.start(3)) for m in _LISTED_ITEM.finditer(facts.text)]
    found += [(m, m.start(3), m.start(2)) for m in _SCORED_ITEM.finditer(facts.text)
              if not _NOT_AN_ITEM.search(m.group(1))]
    for match, weight_at, score_at in found:
        weight, score = facts.number_at(weight_at), facts.number_at(score_at)
        if weight is None or score is None or weight.part or score.part:
            continue
        weight.part = score.part = True
        facts.items.append(StatedItem(match.group(1), score, weight))


def _table_items(facts: Facts) -> None:
    headers: dict[int, tuple[int, int]] = {}   # cells in a row → (weight, score) columns: a table
    for line in table_lines(facts.text, facts.numbers):   # continued on the next page has no header row
        if line is None:
            continue
        cells, placed = line
        columns = headers.get(len(cells))
        weight_col = next((i for i, c in enumerate(cells) if column_of(c, "scores") == "weight"), None)
        score_col = next((i for i, c in enumerate(cells) if column_of(c, "scores") == "score"), None)
        if weight_col is not None and score_col is not None:
            form = {column_of(c, "indicators") for c in cells} >= {"target", "actual"} \
                or sum(1 for c in cells if column_of(c, "funds") in FUNDS_IDENTIFIED) >= 2
            headers[len(cells)] = None if form else (weight_col, score_col)
            continue      # a form's rows are its indicators and its funds (read by forms), not a 评分表's items
        if columns is None:
            columns = next(iter(headers.values()), None) if len(headers) == 1 else None
            shifted = True          # a row whose merged cells were left out: read by its figures
        else:
            shifted = False
        if columns is None or (not shifted and len(cells) <= max(columns)):
            continue
        item = None if shifted else _aligned_item(cells, placed, columns)
        item = item or _shifted_item(cells, placed)    # merged cells left out: the row is shorter
        if item is not None and text_key(item.name) not in ("合计", "总计", "总分", "小计"):
            facts.items.append(item)


_BARE = re.compile(r"\d+(?:\.\d+)?")


def _aligned_item(cells: list[str], placed: list, columns: tuple[int, int]) -> StatedItem | None:
    in_column = {}   # column → its first number
    for column, n in placed:
        in_column.setdefault(column, n)
        n.part = True     # a table's figures are not a sentence's
    weight, score = in_column.get(columns[0]), in_column.get(columns[1])
    names = [c for c in cells[:columns[0]] if c and not re.fullmatch(r"[\d.%]+", c)]
    if score is None or not names or (weight is not None and score.value > weight.value):
        return None
    return StatedItem(names[-1], score, weight)


def _shifted_item(cells: list[str], placed: list) -> StatedItem | None:
    """A 评分表 row with fewer or more cells than its header (merged cells left out, a 序号 first):
    its 分值 the first bare figure after a name, its 得分 the last bare figure, its name the cell
    before its 分值 — only when those two are the row's only bare figures after the name."""
    bare = [i for i, c in enumerate(cells) if _BARE.fullmatch(c.strip())]
    bare = [i for i in bare if i > 0 and cells[i - 1].strip() and not _BARE.fullmatch(cells[i - 1].strip())
            or i != bare[0]] if bare else []
    if len(bare) != 2 or bare[0] == 0:
        return None
    at = {column: n for column, n in placed}
    weight, score = at.get(bare[0]), at.get(bare[1])
    if weight is None or score is None or score.value > weight.value:
        return None
    for _, n in placed:
        n.part = True
    return StatedItem(cells[bare[0] - 1].strip(), score, weight)
