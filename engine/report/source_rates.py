"""A rate of one part of the funds said with what it spent, its budget said elsewhere: a scope's ("全年预算…，
其中基本支出…、项目支出2,244.73万元" then "全年实际支出…，其中…项目支出2,142.86万元，执行率95.64%");
"县级资金支出1,187.0560万元，县级资金执行率为94.39%" against "…县级财政资金1,269.6760万元"; a share of a
source's funds ("…产业发展项目5,849.37万元，占中央衔接资金的61.08%" against "其中：中央资金9,465万元") — a
warning (the figures are not one statement's), and only where the report gives that source one amount."""
from __future__ import annotations

import re

from ..core.findings import FindingList
from .facts import Facts
from .vocabulary import key
from ..core.parsing import text_key
from .numbers import sentence_bounds
from .plain import FIGURE
from .said_formula import say_rate
from .stated import at_stated

_SOURCE = r"中央|省级|自治区|市级|地区|州级|盟级|县级|区级|乡级|镇级"
_SOURCE_RATE = re.compile(rf"(?P<source>{_SOURCE})(?:财政)?(?:衔接|补助|配套|专项)?资金(?:的)?\s*(?P<rate>执行率|支出率|使用率|支付率|拨付率)\s*"
                          r"(?:为|达|是)?\s*(?=\d+(?:\.\d+)?\s*%)")
_SHARE_OF_SOURCE = re.compile(rf"(?P<part>\d[\d,]*(?:\.\d+)?)\s*(?:万元|元)\s*[,，]?\s*占(?:全年|全部)?(?P<source>{_SOURCE})"
                              r"(?:财政)?(?:衔接|补助|配套|专项)?资金(?:总额|总量)?的?\s*(?=\d+(?:\.\d+)?\s*%)")
_SPENT = re.compile(r"支出|使用|拨付|执行|兑付")
# "市级补助资金24,480,000元已全额到位，已拨付24,080,000元，支出进度为98.73%": a source's funds, what of them was
# paid out, and the rate, one statement
_SOURCE_PAIR = (rf"(?P<source>{_SOURCE})(?:财政)?(?:衔接|补助|配套|专项)?资金\s*(?P<whole>{FIGURE})\s*(?:万元|元)"
                r"[^，,;；。\d]{0,10}[,，]\s*(?:已|实际|累计)?\s*(?:拨付|支出|使用|兑付|支付)(?:资金)?\s*"
                rf"(?P<part>{FIGURE})\s*(?:万元|元)")
_SOURCE_PAID = re.compile(_SOURCE_PAIR + r"\s*[,，]\s*(?:支出进度|执行率|拨付率|支出率|使用率|兑付率|支付率)\s*"
                          r"(?:为|达|是)?\s*(?=\d+(?:\.\d+)?\s*%)")
# … or those two said alone ("分资金来源看，中央资金1,200.00万元，已支付1,171.56万元；…"), the rate in another section
_SOURCE_SPENT = re.compile(_SOURCE_PAIR)


def check_source_rates(facts: Facts, report: FindingList) -> None:
    text = facts.text
    for said in _SOURCE_RATE.finditer(text):
        rate, source = facts.number_at(said.end()), said.group("source")
        if rate is None or not rate.is_rate:
            continue
        start, _ = sentence_bounds(text, said.start())
        spent = [n for n in facts.numbers if start <= n.start < said.start() and n.is_amount
                 and source in _last_clause(n.label) and _SPENT.search(_last_clause(n.label))]
        budgets = {facts.amount(n): n for n in facts.numbers if n.is_amount and _of_the_source(n.label, source)}
        if not spent and not report.names(facts.where(rate.start)):
            pairs = _paid_apart(facts, source)
            if len(pairs) == 1:
                _check(facts, report, f"{source}资金{said.group('rate')}", *next(iter(pairs.values())), rate)
            continue
        if len(spent) != 1 or len(budgets) != 1:
            continue       # (no spending of its own said with it, or several budgets of that source: which?)
        _check(facts, report, f"{source}资金执行率", spent[0], next(iter(budgets.values())), rate)
    for said in _SOURCE_PAID.finditer(text):
        part, whole, rate = facts.number_at(said.start("part")), facts.number_at(said.start("whole")), facts.number_at(said.end())
        if None not in (part, whole, rate) and rate.is_rate and not report.names(facts.where(rate.start)):
            _check(facts, report, f"{said.group('source')}资金支出进度", part, whole, rate)
    for said in _SHARE_OF_SOURCE.finditer(text):
        part, share, source = facts.number_at(said.start("part")), facts.number_at(said.end()), said.group("source")
        wholes = {facts.amount(n): n for n in facts.numbers if n.is_amount and _of_the_source(n.label, source)}
        if part is not None and share is not None and share.is_rate and len(wholes) == 1:
            _check(facts, report, "占比", part, next(iter(wholes.values())), share)


def check_source_rows_rates(facts: Facts, report: FindingList) -> None:
    """A source's rate said right after its own spending ("其中财政拨款支出346.53万元，财政拨款执行率94.2%"), its
    budget said elsewhere: against the row of a funds table that names that source and spent exactly that (its 全年预算数)."""
    rows = [(key(name), row) for table in (facts.forms.funds_tables if facts.forms else ()) for name, row in table.parts
            if {"budget_total", "spend_total"} <= set(row)]
    for spent, rate in zip(facts.numbers, facts.numbers[1:]):
        source = _ROW_SOURCE.search(_last_clause(spent.label))
        # (… or a fund named otherwise, said to have paid what exactly one row of the table spent: "财政衔接资金已
        # 支付308.44万元，支付率93.85%" beside "其中：财政拨款 | 320.00 | 308.44")
        paid = source is None and _FUND_PAID.search(_last_clause(spent.label)) is not None
        if source is None and not paid or not spent.is_amount or not rate.is_rate or rate.sentence != spent.sentence \
                or not _ROW_RATE.fullmatch(_last_clause(rate.label)) or report.names(facts.where(rate.start)):
            continue
        same = [row for name, row in rows if (paid or source.group() in name)
                and abs(facts.amount(row["spend_total"]) - facts.amount(spent)) <= facts.half_cent(spent) + 1e-9]
        if len(same) == 1:
            called = re.sub(r"\s*(?:为|达|是)?\s*$", "", _last_clause(rate.label).strip())
            named = source.group() if source and source.group() not in called else ""
            _check(facts, report, f"{named}{called}", spent, same[0]["budget_total"], rate)


# the source a funds table's row names ("其中：财政拨款", "其他资金"), said with its spending; the rate after it, its own
_ROW_SOURCE = re.compile(r"财政拨款|上级补助|其他资金|自筹资金|单位资金")
_ROW_RATE = re.compile(r"\s*(?:其)?(?:财政拨款|其他资金|自筹资金|单位资金)?(?:预算)?(?:执行率|支出率|支付率)\s*(?:为|达|是)?\s*")
_FUND_PAID = re.compile(r"资金\s*(?:已|累计|实际)?\s*(?:支付|支出|拨付)\s*$")


def check_scope_rates(facts: Facts, report: FindingList) -> None:
    """Each scope's (基本支出, 项目支出) rate said right after its spending in the 其中 list of the year's
    spending, against its part of the 其中 list of the year's budget."""
    budget_parts = [p for s in facts.sums if s.whole.measure == "total_budget" and s.one_statement for p in s.parts]
    for listed in (s for s in facts.sums if s.whole.measure == "spend" and s.one_statement):
        scopes = [p.scope for p in listed.parts]
        for spent in listed.parts:
            rate = next((n for n in facts.numbers if n.start > spent.end), None)
            # (a scope two parts share is the first's carried on — "其中：财政资金支出…；专户资金支出…": not theirs)
            if rate is None or not rate.is_rate or rate.measure != "exec_rate" or rate.scope != spent.scope \
                    or rate.sentence != spent.sentence or spent.scope in ("whole", None) or scopes.count(spent.scope) > 1:
                continue
            budgets = {facts.amount(p): p for p in budget_parts if p.scope == spent.scope}
            if len(budgets) == 1:
                _check(facts, report, f"{_SCOPE_NAMES.get(spent.scope, '')}执行率", spent, next(iter(budgets.values())), rate)


_SCOPE_NAMES = {"basic": "基本支出", "project": "项目支出"}


_BUDGETS = ("total_budget", "budget")


def check_scope_rates_by_table(facts: Facts, report: FindingList) -> None:
    """A scope's rate said right after its spending ("项目支出2,398.65万元，执行率91.74%"), its budget only in a table
    of budgets and spending whose row of that scope spends the very figure: that row's budget the rate's base."""
    rows = [row for table in facts.tables for row in (*table.rows, *table.totals)
            if {"budget", "spend"} <= set(row.cells)]
    # (a scope whose budget a sentence says too: check_scope_rates', or another reading's)
    budgeted = {n.scope for n in facts.numbers if n.measure in _BUDGETS and not n.part}
    for spent, rate in zip(facts.numbers, facts.numbers[1:]):
        if spent.scope not in _SCOPE_NAMES or spent.scope in budgeted or not spent.is_amount \
                or report.names(facts.where(spent.start)):
            continue
        if not rate.is_rate or rate.measure != "exec_rate" or rate.sentence != spent.sentence \
                or rate.scope != spent.scope or rate.start - spent.end > 12 or report.names(facts.where(rate.start)):
            continue
        own = [row for row in rows if text_key(row.named or row.name) == _SCOPE_NAMES[spent.scope]
               and facts.amount(row.cells["spend"]) == facts.amount(spent) and row.cells["spend"] is not spent]
        if len(own) == 1:
            _check(facts, report, f"{_SCOPE_NAMES[spent.scope]}执行率", spent, own[0].cells["budget"], rate)


def _check(facts: Facts, report: FindingList, called: str, part, whole, rate) -> None:
    if facts.amount(whole) <= 0 or facts.amount(part) > facts.amount(whole):
        return
    value = facts.amount(part) / facts.amount(whole)
    if not at_stated(value, rate):
        say_rate(facts, report, called, part, whole, rate, value)


def _paid_apart(facts: Facts, source: str) -> dict:
    """What the source put in and what of it was paid, said together without a rate: (whole, part) by their amounts
    (the same pair said twice is one)."""
    pairs = {}
    for said in _SOURCE_SPENT.finditer(facts.text):
        whole, part = facts.number_at(said.start("whole")), facts.number_at(said.start("part"))
        if said.group("source") == source and whole is not None and part is not None:
            pairs[(facts.amount(whole), facts.amount(part))] = (part, whole)
    return pairs


def _last_clause(label: str) -> str:
    return re.split(r"[,，;；、]", label)[-1]


def _of_the_source(label: str, source: str) -> bool:
    """"…、县级财政资金1,269.6760万元": an amount the source put in, named by its own clause (not what it
    spent, nor a rate's)."""
    clause = _last_clause(label)
    return bool(re.search(rf"(?:{source})(?:财政)?(?:衔接|补助|配套|专项)?(?:资金|预算)[^\d]{{0,6}}$", clause)) \
        and not _SPENT.search(clause)
