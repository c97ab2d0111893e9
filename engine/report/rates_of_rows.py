"""Rates said together of a table's rows, respectively ("中央、省级、县级资金执行率分别为98.37%、100%、92.63%" under a
table of 中央资金 / 省级资金 / 县级资金 with their budgets and spending): each against its own row's spending over its
budget (a warning, the rate and its figures said apart) — and a project's rate said alone by its name ("…、农村人居环境整治
项目执行率93.4%、…") against the one row of that name in the report's tables of amounts."""
from __future__ import annotations

import re

from ..core.findings import FindingList
from ..core.parsing import text_key
from .facts import Facts
from .table_checks import table_rate

_RATES_RESPECTIVELY = re.compile(
    r"(?P<names>[^\d，,；;。:：()（）“”\n、]{1,12}(?:[、和及][^\d，,；;。:：()（）“”\n、]{1,12})+?)\s*(?:资金|支出)?(?:预算)?执行率\s*"
    r"(?:分别|依次)(?:为|是|达到|达)\s*(?P<rates>\d+(?:\.\d+)?\s*%?(?:\s*[、和及]\s*\d+(?:\.\d+)?\s*%)+)")
_A_RATE = re.compile(r"\d+(?:\.\d+)?")
_OF_MONEY = re.compile(r"(?:资金|支出|经费)$")


def check_rates_said_of_rows(facts: Facts, report: FindingList) -> None:
    text = facts.text
    for said in _RATES_RESPECTIVELY.finditer(text):
        names = [_OF_MONEY.sub("", text_key(n)) for n in re.split(r"[、和及]", said.group("names"))]
        rates = [facts.number_at(said.start("rates") + m.start()) for m in _A_RATE.finditer(said.group("rates"))]
        if len(names) != len(rates) or None in rates or any(len(n) < 2 for n in names):
            continue
        # the rows of the last table above it, named by them (中央 → 中央资金), each with its budget and spending
        tables = [t for t in facts.tables if t.rows and max(n.start for r in t.rows for n in r.cells.values()) < said.start()]
        if not tables:
            continue
        for name, rate in zip(names, rates):
            rows = [r for r in tables[-1].rows if text_key(r.named or r.name).startswith(name)]
            if len(rows) != 1 or not {"budget", "spend"} <= set(rows[0].cells) or not rate.is_rate \
                    or not facts.amount(rows[0].cells["budget"]) or report.names(facts.where(rate.start)):
                continue
            table_rate(facts, report, f"「{rows[0].named or rows[0].name}」", rate, facts.amount(rows[0].cells["spend"]),
                       facts.amount(rows[0].cells["budget"]), ("表中该行", ""))


# "农村人居环境整治项目执行率93.4%": a project named, then its rate
_PROJECTS_RATE = re.compile(r"(?P<name>[\u4e00-\u9fff()（）]{2,24}?)项目(?:预算|资金)?执行率\s*(?:为|达到|达|是)?\s*(?P<rate>\d+(?:\.\d+)?)\s*%")


def check_rate_said_of_a_row(facts: Facts, report: FindingList) -> None:
    """A project's 执行率 said by its name against the one table row of that name: its spending over its budget — unless
    the row states that very rate (a rate of the row's own, off its amounts, is the table's check's)."""
    rows = [r for t in facts.tables for r in t.rows if {"budget", "spend"} <= set(r.cells)]
    for said in _PROJECTS_RATE.finditer(facts.text):
        rate = facts.number_at(said.start("rate"))
        name = text_key(said.group("name"))
        if rate is None or not rate.is_rate or rate.part or len(name) < 4 or report.names(facts.where(rate.start)) \
                or facts.document.is_rule(rate.start):
            continue
        own = [r for r in rows if text_key(r.named or r.name).removesuffix("项目") == name]
        if len(own) != 1 or not facts.amount(own[0].cells["budget"]):
            continue
        stated = own[0].cells.get("rate")
        if stated is not None and stated.value == rate.value:
            continue
        table_rate(facts, report, f"正文「{own[0].named or own[0].name}」项目", rate, facts.amount(own[0].cells["spend"]),
                   facts.amount(own[0].cells["budget"]), ("表中该项目", ""))
