"""Rates said apart from their amounts, each against the amounts the report says elsewhere (a warning each): the
whole's 预算执行率 against the headline 全年支出 ÷ 全年预算, a 结转结余率 against the 全年预算 where the report defines it
so, and a project's 执行率 in the section its heading names against that project's row of a table."""
from __future__ import annotations

import re

from ..core.findings import FindingList
from ..core.parsing import text_key
from ..core.rounding import excel_round
from .facts import Facts
from .numbers import Number, sentence_bounds, statement_start
from .rate_checks import sentence_of
from .stated import a_slip_of, amount_text, at_stated, quoted
from .text import CELL


def check_headline_rate(facts: Facts, report: FindingList) -> None:
    """The one 预算执行率 a report states for the whole (in its 摘要, say), its amounts sections away (全年支出 ÷
    全年预算, as read for the report): a warning where they give another rate the way a hand slips (96.57% said
    96.75%) — the amounts are the report's headline ones, read apart from the rate."""
    keyed, amounts = facts.keyed_rates().get("exec_rate"), facts.keyed_amounts()
    spent, budget = amounts.get("spend_total"), amounts.get("budget_total")
    if spent is None or budget is None or not facts.amount(budget):
        return
    # the report's rate, and a sentence's that names the year's or the department's (the form's rate the keyed one:
    # "全年部门预算执行率92.52%" in the conclusion is the report's too)
    said = [keyed] if keyed is not None else []
    said += [n for n in facts.figures() if n.measure == "exec_rate" and n.is_rate and n.scope == "whole" and n is not keyed
             and CELL not in sentence_of(facts, n) and _THE_YEARS_RATE.search(sentence_of(facts, n))
             and not _A_PERIOD.search(sentence_of(facts, n)) and not facts.earlier_year(n)]   # (not 2023年度's)
    value = facts.amount(spent) / facts.amount(budget)
    for rate in said:
        if report.names(facts.where(rate.start)) or rate.paragraph in (spent.paragraph, budget.paragraph):
            continue      # (said with its amounts: check_stated_rates')
        # (… or said otherwise elsewhere, as the amounts give it: the report against itself — "全年预算执行率95.79%" in its
        # results, "全年预算执行率94.26%" left in its 问题 section)
        right_elsewhere = [n for n in said if n is not rate and at_stated(value, n)] if rate.decimals >= 2 else []
        right_elsewhere = right_elsewhere if len(right_elsewhere) >= 2 else []   # (said so twice at least: the report's)
        if at_stated(value, rate) or not a_slip_of(facts, rate, value * 100) and not right_elsewhere:
            continue      # (a difference no slip makes: another base, not checked)
        also = f"，报告另处写 {right_elsewhere[0].value:g}%（{facts.where(right_elsewhere[0].start)}）" if right_elsewhere else ""
        report.warning("STATED_RATE_MISMATCH", facts.where(rate.start),
                       f"报告写预算执行率 {rate.value:g}%，按报告所写全年支出 {amount_text(facts.amount(spent))}÷全年预算 "
                       f"{amount_text(facts.amount(budget))} 应为 {value * 100:.2f}%（支出与预算见报告另处）{also}{quoted(facts, rate)}")


_THE_YEARS_RATE = re.compile(r"(?:全年|年度|部门|整体)(?:部门)?(?:整体)?(?:支出)?(?:预算)?执行率")   # ("部门整体支出预算执行率")
_A_PERIOD = re.compile(r"截至|截止|季度|上半年|[1-9１-９]\s*月|序时")


# the report's own definition of its 结转结余率 over the 全年预算 ("结转结余率=年末结转结余÷全年预算数×100%")
# (… or in a 评分表's cell beside its name: "（结转+结余）÷全年预算")
_CARRY_DEFINED = re.compile(r"(?:结转结余率\s*[=＝]\s*)?[(（]?\s*(?:年末|年底)?(?:财政拨款)?结转(?:资金)?\s*(?:和|及|[+＋])?\s*结余(?:资金|总额|数)?"
                            r"\s*[)）]?\s*[÷/]\s*(?:全年预算数?|调整后(?:的)?预算数?)")
# "年末结转资金356.80万元、结余资金55.46万元，结转结余率…": the two said apart, added
_CARRIED_APART = re.compile(r"结转(?:资金)?\s*(?:为)?\s*$")
_LEFT_APART = re.compile(r"(?<!转)结余(?:资金)?\s*(?:为)?\s*$")
_CARRY_RATE = re.compile(r"结转结余率\s*(?:为|达|是)?\s*$")
_CARRY = re.compile(r"(?:年末|年底)?结转(?:和|及)?结余(?:资金|总额)?\s*(?:为|共|共计|合计)?\s*$")


def check_carry_rate(facts: Facts, report: FindingList) -> None:
    """"年末结转结余62.54万元，结转结余率3.59%" where the report defines the rate over the 全年预算 (in its rules or a
    form's row): the amount said with it over the report's 全年预算 — a warning, the budget said elsewhere."""
    budget = facts.keyed_amounts().get("budget_total")
    defined = _CARRY_DEFINED.search(facts.text) is not None
    if budget is None or not facts.amount(budget):
        return
    for rate in facts.figures():
        start = statement_start(facts.text, rate.start) if rate.is_rate else None
        if start is None or not _CARRY_RATE.search(facts.text[start:rate.start]) or report.names(facts.where(rate.start)):
            continue
        said = [n for n in facts.numbers if start <= n.start < rate.start and n.is_amount]
        carried = [n for n in said if _CARRY.search(re.split(r"[,，;；]", n.label)[-1]) and "上年" not in n.label]
        apart = [[n for n in said if pattern.search(re.split(r"[,，;；、]", n.label)[-1]) and "上年" not in n.label]
                 for pattern in (_CARRIED_APART, _LEFT_APART)]
        if not carried and defined and all(len(each) == 1 for each in apart):
            carried = [apart[0][0], apart[1][0]]
        elif len(carried) != 1:
            continue
        amount = sum(facts.amount(n) for n in carried)
        value = amount / facts.amount(budget)
        if at_stated(value, rate):
            continue
        if defined:
            report.warning("STATED_RATE_MISMATCH", facts.where(rate.start),
                           f"报告写结转结余率 {rate.value:g}%，按报告所写定义（年末结转结余÷全年预算数）"
                           f"{_added(facts, carried)}÷{amount_text(facts.amount(budget))} 应为 "
                           f"{value * 100:.2f}%{quoted(facts, rate)}")
        elif len(carried) == 1 and budget in said and a_slip_of(facts, rate, value * 100) \
                and not any(at_stated(facts.amount(carried[0]) / facts.amount(n), rate) for n in said if n is not budget
                            and n is not carried[0] and facts.amount(n)):
            # (no definition said: the 全年预算 said in its very statement, and a difference of a slip's shape — not
            # another base's rate, 结转结余 ÷ 支出 or ÷ 上年结转 + 本年收入)
            report.warning("STATED_RATE_MISMATCH", facts.where(rate.start),
                           f"报告写结转结余率 {rate.value:g}%，按同句年末结转结余÷全年预算数 "
                           f"{amount_text(facts.amount(carried[0]))}÷{amount_text(facts.amount(budget))} 应为 "
                           f"{value * 100:.2f}%（报告未写明口径，请核对）{quoted(facts, rate)}")


def _added(facts: Facts, amounts: list[Number]) -> str:
    """"62.54", or "（356.80+55.46）": the amounts a rate's numerator adds."""
    said = "+".join(amount_text(facts.amount(n)) for n in amounts)
    return f"（{said}）" if len(amounts) > 1 else said


# "（二）职业技能提升培训补贴项目 / 项目预算执行率78.90%": the section's project's rate, said with no amount of its own
_PROJECT_RATE = re.compile(r"(?:^|[,，;；:：。])\s*(?:该|本)?(?:项目)?(?:预算|资金)?执行率\s*(?:为|达到?|是)?\s*$")


def check_section_rates(facts: Facts, report: FindingList) -> None:
    """A project's 执行率 said in the section its heading names, no amount in its sentence: against that project's row
    of a table of projects (its 全年执行数 ÷ 全年预算数) — a warning, the amounts taken from the table."""
    if facts.document is None:
        return
    rows = [r for t in facts.tables for r in t.rows if {"budget", "spend"} <= set(r.cells) and len(text_key(r.named or r.name)) >= 4]
    for rate in facts.figures():
        section = facts.document.section_at(rate.start)
        if not rate.is_rate or rate.measure != "exec_rate" or section is None or not _PROJECT_RATE.search(rate.label) \
                or facts.monitoring_from(rate) is not None or report.names(facts.where(rate.start)):
            continue
        start, end = sentence_bounds(facts.text, rate.start)
        if any(n.is_amount and start <= n.start < end for n in facts.numbers):
            continue    # (its own amounts said with it: check_stated_rates')
        title = text_key(section.title)
        named = [r for r in rows if text_key(r.named or r.name) in title]
        if len(named) != 1 or not facts.amount(named[0].cells["budget"]):
            continue
        row = named[0]
        spent, budget = facts.amount(row.cells["spend"]), facts.amount(row.cells["budget"])
        if not at_stated(spent / budget, rate):
            report.warning("STATED_RATE_MISMATCH", facts.where(rate.start),
                           f"报告写「{row.named or row.name}」执行率 {rate.value:g}%，按表中该项目 {amount_text(spent)}÷"
                           f"{amount_text(budget)} 应为 {excel_round(spent / budget * 100, 2):.2f}%（金额取自表中该项目行）"
                           f"{quoted(facts, rate)}")
