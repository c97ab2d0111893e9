"""What check-report knows of a report once read: its figures (each with its place, measure and
scope), its 其中 lists, indicators, stated items, total and grade, the forms and the document
model — and the keys (SPEC 7.3) its amounts and rates stand for.  The readers (claims.py,
items.py, forms.py …) fill it; check.py, extract.py and coverage.py read it."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from ..core.parsing import text_key
from .document import Document
from .form_records import Forms
from .numbers import (Number, compared_with, direction_before, measure_of, numbers, quote, sentence_bounds,
                      statement_start)
from .plain import HEADING, kind_stated
from .tables import AmountTable, ColumnSum
from .text import ReportText
from .vocabulary import words

_TOP_HEADING = re.compile(r"\n[一二三四五六七八九十]+、")
_MONITORING = words()["monitoring"]
_ANEW = re.compile(r"^\s*(?:年度|全年|本年|当年|今年)")    # a clause of the year's own figure
_ACCOUNTS = re.compile(r"收\s*[、,，和及与]?\s*支\s*(?:总计|合计|总决算)")
_NAMED_BUDGET = re.compile(r"全年预算|调整后|调整为|预算总额|总预算|预算数")


def _named_budget(n: Number) -> bool:
    """A 全年预算 named as one ("项目全年预算调整为…"), not a sum said 下达 or 安排 ("转下达…专项资金350.00万元")."""
    return bool(_NAMED_BUDGET.search(re.split(r"[,，;；]", n.label)[-1]))


_WHOLE_SAID = re.compile(r"(?:部门|单位)整体(?!绩效目标)")
_PROJECTS_TOTALLED = re.compile(r"\d+个项目[^，,；;。]{0,8}(?:全年)?预算数?(?:合计|共计|总计)")   # 4个项目全年预算数合计
_YEAR_SAID = re.compile(r"(\d{4})\s*年")


GROUP_WORD = re.compile(rf"(?:{words()['indicator_group'].pattern})(?:指标)?")   # "满意度", "数量指标"


def named_already(name: str, known: list[str]) -> bool:
    """An indicator's name one of `known` (names as text_key gives them) holds, or that holds one — a group's
    word alone ("满意度", read as an indicator's name) holding only itself, not "服务对象满意度"."""
    name = text_key(name)
    return any(name in other or other in name and (other == name or not GROUP_WORD.fullmatch(other))
               for other in known if other)


def same_name(one: str, other: str, most: float = 0.5) -> bool:
    """Two names (as text_key gives them) of one thing: one holds the other, four characters at least and
    `most` of it or more ("演出场次" and "送戏下乡演出场次"; not "绩效指标" and "绩效指标扣分主要在…指标")."""
    shorter, longer = sorted((one, other), key=len)
    return len(shorter) >= 4 and shorter in longer and len(shorter) >= most * len(longer)


def shared_core(one: str, other: str) -> int:
    """The length of the longest run of characters two names share ("开展安全生产执法检查" and "执法检查企业": 4)."""
    return max((j - i for i in range(len(one)) for j in range(i + 1, len(one) + 1) if one[i:j] in other), default=0)


RATE_KEYS = {("exec_rate", "whole"): "exec_rate", ("exec_rate", "basic"): "basic_exec_rate",
             ("exec_rate", "project"): "project_exec_rate", ("exec_rate", "procurement"): "procurement_rate",
             ("exec_rate", "sangong"): "sangong_control_rate",     # ("三公"…支出…，完成预算的87.04%)
             ("control_rate", "sangong"): "sangong_control_rate", ("control_rate", "public"): "public_control_rate",
             ("adjust_rate", "whole"): "adjust_rate", ("adjust_rate", "project"): "project_adjust_rate"}
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
    every_part: bool = False        # the list says it names them all ("…万元，即：A…、B…")
    slips_only: bool = False        # held to its whole only where it misses it as a slip of the hand does


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
    tier_achieved: str = ""         # … the tier its form's row says was reached (好 aimed at, 较好 reached)
    coefficient: Number | None = None
    previous: Number | None = None  # last year's figure, in its form's column beside this year's (上年实际)
    end: int | None = None          # where its own words end, when they are not a block of their own
    own_rule: str = ""              # the scoring rule its form's row states (评分标准)
    # where its points and score were said apart from its figures (a 评分表's row, a list of points said
    # before or after it, a statement read by its cue words): said in a warning — "" when one statement
    scored_apart: str = ""
    scored_as: str = ""             # the name its 评分表 row or scored statement gives it, when another
    # its target the line a scoring rule draws ("结转结余率不超过5%的得满分"): full marks when it is met; a
    # shortfall is scored by the rule's own method, which that rule does not state
    rule_line: bool = False
    # read from a 评分表's row that is an item of its own (预算执行率 | 10 | 9.67): counted among the items, not
    # added up again among the indicators
    item_too: bool = False


@dataclass
class StatedItem:
    name: str
    score: Number
    weight: Number | None = None
    row_id: str | None = None
    rule: str = ""          # its 评分表 row's 评分标准 ("≤100%得4分，每超1个百分点扣0.5分"), where it has one


_EXECUTION_NAMES = ("预算执行率", "执行率", "资金执行率", "预算执行率指标", "预算执行")
# the department's own rates, when an indicator of that very name is scored (预算执行率 96.71%, 得9.67分)
_HEADLINE_RATE_NAMES = ("预算执行率", "执行率", "资金执行率", "部门预算执行率", "预算调整率", "调整率")


def stated_item(name: str, score, weight) -> StatedItem:
    """A stated item (a group's name without 情况 / 方面: "投入情况" is 投入); the one named 预算执行率 is the
    execution item of every framework."""
    name = re.sub(r"^(?:其中|本资金|本项目|本部门|本单位)[:：\s]*(?=..)", "", name.strip())   # (本资金资金执行率)
    name = re.sub(r"^(.{2,3})(?:情况|方面)$", r"\1", name)   # (a group's: 投入情况; not 政府采购执行情况)
    execution = text_key(name) in _EXECUTION_NAMES
    return StatedItem(name, score, weight, row_id="budget_execution" if execution else None)


@dataclass
class Facts:
    report: ReportText
    numbers: list[Number]
    sums: list[PartsList] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    # a sentence restating a form's indicator with a completion of its own ("…目标80场，实际完成72场，完成率
    # 80.00%" beside the form's row): not another indicator, but its completion is checked as said
    restated: list[Indicator] = field(default_factory=list)
    items: list[StatedItem] = field(default_factory=list)
    tables: list[AmountTable] = field(default_factory=list)
    column_sums: list[ColumnSum] = field(default_factory=list)     # a table's columns of amounts and 合计 row
    total: Number | None = None
    grade: tuple[str, int] | None = None     # (优/良/中/差, offset)
    grade_apart: bool = False                # the grade said with another statement of the total than the one read
    graded: list[tuple[Number, str, int]] = field(default_factory=list)   # each total and its sentence's grade
    totals_said: list[Number] = field(default_factory=list)   # every figure named as the total (综合得分, 总分 …)
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
        return n.in_wan

    def half_cent(self, n: Number) -> float:
        """Half the rounding unit of an amount, in 万元: amounts are kept to the cent of their
        unit (0.01), so "0" and "2.8" are as exact as "0.00" and "2.80"."""
        half = 0.5 * 10 ** -max(n.decimals, 2)
        return half / 10000 if n.unit == "元" else half

    def figures(self) -> list[Number]:
        """Numbers stated for the department (not a part of a 其中 list, not in an indicator)."""
        # (an item's rate read as its indicator, "资金支出率96.62%", stays the figure it was said as)
        blocks = [(i.start, self._end_of(i)) for i in self.indicators if not i.item_too]
        # (… but a budget's rate scored as an indicator, "预算调整率11.28%，…得4分", is the department's rate)
        headline = {id(i.actual) for i in self.indicators if i.actual is not None and i.actual.is_rate
                    and i.actual.measure in ("exec_rate", "adjust_rate") and measure_of(i.name) == i.actual.measure
                    and text_key(i.name) in _HEADLINE_RATE_NAMES}
        return [n for n in self.numbers if not n.part and (id(n) in headline or not any(a <= n.start < b for a, b in blocks))]

    def _end_of(self, indicator: Indicator) -> int:
        if indicator.end is not None:
            return indicator.end
        later = [i.start for i in self.indicators if i.start > indicator.start]
        heading = _TOP_HEADING.search(self.text, indicator.start)
        ends = later + ([heading.start()] if heading else []) + [len(self.text)]
        return min(ends)

    def keyed_amounts(self) -> dict[str, Number]:
        """The first stated amount of each SPEC input (budget_total, spend_total, …): a form's first."""
        return {**self._first_of_each(AMOUNT_KEYS, lambda n: n.is_amount and not self._monitoring(n)), **self.form_amounts}

    def every_keyed_amount(self) -> list[tuple[str, Number]]:
        """Every stated amount of a SPEC input, not only the first (a figure said twice, retyped once):
        none of an earlier year, of the 运行监控, or of the 决算's 收、支总计."""
        keyed = self.keyed_amounts()
        out = list(keyed.items())
        for n in self.figures():
            key = AMOUNT_KEYS.get((n.measure, n.scope))
            if key in keyed and n is not keyed[key] and n.is_amount and not self.earlier_year(n) \
                    and not self._monitoring(n) and not self._of_the_accounts(n):
                out.append((key, n))
        return out

    def keyed_rates(self) -> dict[str, Number]:
        """The first stated rate of each SPEC rate (exec_rate, adjust_rate, …): a form's first."""
        # (a target — "预算执行率≥90%" — or a line measured against — "未达到90%" — is none)
        return {**self._first_of_each(RATE_KEYS, lambda n: n.is_rate and not self._monitoring(n) and not compared_with(n.label)
                                      and not direction_before(n.label)),
                **self.form_rates}

    def number_at(self, offset: int) -> Number | None:
        """The number that starts at `offset` of the text (None: none does)."""
        return self._by_start.get(offset)

    def rule_number_at(self, offset: int) -> Number | None:
        """The number that starts at `offset`, a rule's too (the figures of 评分标准 text are no claims, so not
        among `numbers`; a rule's line or points is read from them): parsed once, when first asked."""
        return self._every_by_start.get(offset)

    def every_number(self) -> list[Number]:
        """Every number of the text, a rule's and a note's too ("注：累计支出进度＝累计支出÷年度预算28,600,000.00元")."""
        return list(self._every_by_start.values())

    @functools.cached_property
    def _every_by_start(self) -> dict[int, Number]:
        return {n.start: n for n in numbers(self.text)}

    @functools.cached_property
    def _by_start(self) -> dict[int, Number]:
        return {n.start: n for n in self.numbers}

    def _monitoring(self, n: Number) -> bool:
        """A rate of the year's 运行监控 (年中, 上半年): not the year's — said in its own clause
        ("截至2023年6月30日拨付12万元，执行率40%；截至12月31日…执行率100%": the second is the year's)."""
        return self.monitoring_from(n) is not None

    def monitoring_from(self, n: Number) -> int | None:
        """Where the words saying `n` is the 运行监控's start (None: it is not)."""
        start = statement_start(self.text, n.start)
        for found in _MONITORING.finditer(self.text, start, n.start):
            year = re.search(r"\d{4}", found.group())
            if year and self.fiscal_year and int(year.group()) > self.fiscal_year:
                continue     # "截至2024年3月底" in a report of 2023: after the year, not during it
            return found.start()
        return None

    def earlier_year(self, n: Number) -> bool:
        """A figure said of a year before the report's ("（2022年全年预算…，执行率92.39%）")."""
        if not self.fiscal_year:
            return False
        start = sentence_bounds(self.text, n.start)[0]
        years = _YEAR_SAID.findall(self.text, start, n.start)
        if not years or int(years[-1]) >= self.fiscal_year:
            return False
        # the earlier year's clause goes on to the figure — or its brackets do — unless a clause after
        # it names this year's figure anew ("2022年度结转资金…一并纳入，年度可用资金合计…")
        before = self.text[start:n.start]
        year_at = before.rfind(years[-1])
        opened = before.rfind("(") > before.rfind(")") or before.rfind("（") > before.rfind("）")
        return opened or not _ANEW.search(before[year_at:].split("，")[-1].split(",")[-1])

    def _said_of_whole(self, n: Number) -> bool:
        """Its sentence, or the one before it in its paragraph, names the 部门整体 ("部门整体年初预算…，
        调整后预算…。全年执行17,512.84万元，预算执行率97.03%")."""
        if _WHOLE_SAID.search(self.text, self._sentence_before(n), n.start):
            return True
        # … or the heading of its section, a line or two above ("（二）部门整体支出绩效自评情况")
        above = self.text[:self.text.rfind("\n", 0, n.start) + 1].split("\n")[-3:]
        if any(HEADING.match(line) and _WHOLE_SAID.search(line) for line in above):
            return True
        # … or a section it stands in ("三、部门整体支出绩效自评结果" over "（二）预算执行情况"), unless a
        # section within that names a project ("（三）重点项目情况")
        section = self.document.section_at(n.start) if self.document else None
        while section is not None:
            if _WHOLE_SAID.search(section.title):
                return True
            if "项目" in section.title:
                return False
            section = section.parent
        return False

    def _first_of_each(self, keys: dict, wanted) -> dict[str, Number]:
        """The first figure of each key; a figure said of the 财政资金 — or, in a 项目支出 report, of
        the 项目资金 — stands for the whole when no figure is said of the whole (a project funded by
        the budget alone: "该项目财政资金总额"; "项目资金共1865万元 … 执行率98%")."""
        out: dict[str, Number] = {}
        standing: dict[str, Number] = {}
        whole_said: dict[str, Number] = {}
        # (a report that does not say it is a 部门整体 one — "…专项经费绩效自评报告" — is of its project)
        kind = kind_stated(self.text)
        stands_for_whole = ("fiscal",) if kind == "部门整体" else ("fiscal", "project")
        accounts: dict[str, Number] = {}

        def first(key: str, n: Number) -> None:      # the first; a 全年预算 named as such before a sum 下达 said first
            if key not in out or _named_budget(n) and not _named_budget(out[key]) \
                    and out[key].measure == n.measure == "total_budget":
                out[key] = n
        for n in self.figures():
            if self.earlier_year(n):
                continue
            key = keys.get((n.measure, n.scope))
            if key and self._of_the_accounts(n):
                accounts.setdefault(key, n)   # (收、支总计…支出包括本年支出…: the 决算's, after any other)
                continue
            if key and wanted(n):
                first(key, n)
                if kind == "项目支出" and n.scope == "project" and (whole := keys.get((n.measure, "whole"))):
                    first(whole, n)    # (a 项目支出 report's 项目全年预算 is its whole's)
            whole_key = keys.get((n.measure, "whole")) if n.scope in ("whole", "project") else None
            if whole_key and whole_key not in whole_said and wanted(n) and (
                    n.scope == "whole" and self._said_of_whole(n) or self._projects_totalled(n)):
                whole_said[whole_key] = n
            key = keys.get((n.measure, "whole")) if n.scope in stands_for_whole else None
            if key and key not in standing and wanted(n):
                standing[key] = n
        # a figure said of the 部门整体 by name before any other ("…决算说明… 部门整体支出年初预算数…")
        return {**{k: n for k, n in accounts.items() if wanted(n)}, **standing, **out, **whole_said}

    def _projects_totalled(self, n: Number) -> bool:
        """Said in the sentence totalling the report's projects ("4个项目全年预算数合计…，执行数合计…")."""
        return bool(_PROJECTS_TOTALLED.search(self.text, sentence_bounds(self.text, n.start)[0], n.start))

    def _of_the_accounts(self, n: Number) -> bool:
        """Said in a sentence of the 决算's 收、支总计 (its income and spending sides)."""
        return bool(_ACCOUNTS.search(self.text, self._sentence_before(n), sentence_bounds(self.text, n.start)[1]))

    def _sentence_before(self, n: Number) -> int:
        """Where the sentence before `n`'s starts, in its paragraph (else its own sentence's start)."""
        start = sentence_bounds(self.text, n.start)[0]
        return sentence_bounds(self.text, start - 2)[0] if start >= 2 and self.text[start - 1] != "\n" else start
