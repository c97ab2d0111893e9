"""A report's stated rates against their own amounts (SPEC 8: a warning each): the 执行率 of the whole, of a
scope (基本支出, 项目支出, “三公”经费 …) and of an adjustment, with the spending and the budget its sentence states
— said before it, after it ("即…"), or paragraphs before (the scope's budget read, a 结余 that confirms it);
a 资金到位率 against what was due and what arrived.  Rates said apart from their amounts (the whole's 预算执行率, a
结转结余率, a section's project's 执行率) are rates_apart.py's."""
from __future__ import annotations

import itertools
import re

from ..core.findings import FindingList
from ..core.rounding import excel_round
from .text import CELL
from .facts import AMOUNT_KEYS, RATE_KEYS, Facts
from .numbers import Number, compared_with, direction_before, scope_named, sentence_bounds, statement_start
from .plain import kind_stated
from .said_formula import VERB_RATE
from .stated import EPS, amount_text, at_stated, cut_as_said, quoted
from .sum_checks import latest
from .vocabulary import form_header

RATE_LABELS = {"exec_rate": "预算执行率", "basic_exec_rate": "基本支出执行率", "project_exec_rate": "项目支出执行率",
               "procurement_rate": "政府采购执行率", "sangong_control_rate": "“三公”经费控制率",
               "public_control_rate": "日常公用经费控制率", "adjust_rate": "预算调整率", "project_adjust_rate": "项目预算调整率",
               "fiscal_exec_rate": "财政拨款执行率"}
# the rates a statement is checked for: the headline ones, and a 财政拨款's own ("财政拨款预算…，财政拨款支出…，
# 财政拨款执行率…" — no headline figure of the data, the whole's said apart)
_CHECKED = {**RATE_KEYS, ("exec_rate", "fiscal"): "fiscal_exec_rate"}


def check_stated_rates(facts: Facts, report: FindingList) -> None:
    figures = facts.figures()
    project = kind_stated(facts.text) == "项目支出"
    said_rates = {m.start("share") for m in VERB_RATE.finditer(facts.text)}
    parts_rates = _rates_of_parts(facts)
    whole_year = facts.keyed_amounts().get("budget_total")    # (the 全年预算, wherever said: read once)
    for i, rate in enumerate(figures):
        key = _CHECKED.get((rate.measure, rate.scope))
        if not rate.is_rate or key is None or direction_before(rate.label) or compared_with(rate.label) \
                or rate.start in said_rates or id(rate) in parts_rates or facts.earlier_year(rate):
            continue   # "资金支出率≥98%", "执行率未达到100%": a target or a line, not a stated rate; "2022年…执行率
            # 92.36%": an earlier year's, its amounts not said (a grant's
            # "…34.18万元，已兑现28.35万元，兑现率…" is said_formula's; a 其中 part's own rate is its part's)

        # (in a 项目支出 report the project's own figures are its whole: 下达预算…，项目预算执行率97.3%)
        alike = {"whole", "project", "fiscal"} if project and rate.scope in ("whole", "project", "fiscal") else {rate.scope}
        near = [n for n in figures[:i] if n.is_amount and n.scope in alike and n.paragraph == rate.paragraph
                and rate.sentence - n.sentence <= 1]
        # the amounts said since the one before it in its sentence are its own ("…拨付1,086.40万元，执行率
        # 86.22%；…累计拨付1,218.75万元，执行率96.73%"); a 运行监控 rate's, those said with it ("…（年中
        # 运行监控时执行率为46.72%）" has none)
        since_rate = max([n.end for n in figures[:i] if n.is_rate and n.sentence == rate.sentence and
                          _CHECKED.get((n.measure, n.scope)) == key] + [0])
        since = max(since_rate, facts.monitoring_from(rate) or 0)    # (the year's budget may come before)
        near, said_with = [n for n in near if n.start >= since_rate], [n for n in near if n.start >= since]
        if rate.measure == "adjust_rate":
            num, den = latest(said_with, "adjust"), latest(near, "initial")
            if den is None and _SAID_AS_IS.search(rate.label) and _DIFFERENCE_DEFINED.search(facts.text):
                # (not "控制在5%以内", "以20%为上限": a line; where the report defines it so — else its own way of
                # measuring may be another, as a held-out case showed)
                den = _initial_a_paragraph_before(facts, rate, alike)
            if den is not None and _adjusted_by_difference(facts, report, rate, den, said_with):
                continue   # (the 年初 and the 全年 in its sentence: their difference — every 追加 and 调减 between)
        else:
            num, den = latest(said_with, "spend"), latest(near, "total_budget", "budget", "initial")
            if num is not None and den is None and rate.scope in ("whole", "project") and facts.forms \
                    and "budget_total" in facts.forms.amounts and num.sentence == rate.sentence:
                den = facts.forms.amounts["budget_total"]   # "实际支出298.43万元，执行率95.74%": of the form's 全年预算数
            if num is not None and den is None and num.sentence == rate.sentence:
                den = _budget_of_the_spending(facts, num, rate.scope)
            if num is not None and den is None and rate.sentence - num.sentence <= 1:
                # ("全年预算1,250.00万元。全年支出1,198.40万元。预算执行率为95.87%。": the paragraph's one 全年预算, a sentence
                # further back)
                budgets = {facts.amount(n): n for n in figures[:i] if n.is_amount and n.scope in alike and n.measure == "total_budget"
                           and n.paragraph == rate.paragraph and n.start < num.start}
                den = next(iter(budgets.values())) if len(budgets) == 1 else None
        own = _own_amounts(facts, rate, alike, since)
        if rate.measure != "adjust_rate" and own is not None:
            num, den = own
        if rate.measure != "adjust_rate" and (num is None or den is None):
            num, den = _explained_after(facts, rate, alike) or (num, den)
        if rate.measure != "adjust_rate" and (num is None and den is None) and rate.scope in ("basic", "project") \
                and not project and not any(n.is_amount and n.scope == rate.scope and n.sentence == rate.sentence
                                            and not _LEFT_OVER.search(n.label) for n in figures):
            # (… not where its sentence says an amount of its own, read or not: "项目支出3,664.14万元，执行率96.86%")
            num, den = _scope_row(facts, rate.scope) or (num, den)
        if num is None or den is None or num.start < den.start and num.sentence != den.sentence \
                and not _the_forms_own(facts, num, den):
            continue   # (a spending said a sentence before the budget it would be divided by: another's)
        clause = re.split(r"[,，;；]", rate.label)[-1]
        named = _SOURCE_WORD.search(clause) if rate.scope == "whole" else None
        if named and not _OF_ALL.search(clause) \
                and not any(named.group() in re.split(r"[,，;；]", n.label)[-1] for n in (num, den)):
            continue   # ("其中中央就业补助资金执行率100.00%，县级资金执行率92.34%": each source's, not the amounts' said before)
        if num.sentence != rate.sentence and _WHOLE_RATE.search(re.split(r"[,，;；]", rate.label)[-1]) \
                and any(_A_SOURCE.search(sentence_of(facts, n)) for n in (num, den)):
            continue   # ("…配套资金全年预算276.00万元，执行251.28万元…。项目整体执行率96.59%": the whole's, not that source's)
        if re.search(r"[;；]", facts.text[den.end:rate.start]) and any(
                n.is_rate and den.end < n.start < rate.start and not _ARRIVAL_RATE.search(re.split(r"[,，;；]", n.label)[-1])
                for n in figures):
            continue   # ("…占当时可用预算2,133.12万元的23.16%；截至9月底累计支付…，支付进度71.04%": that clause's base — not
            # "资金到位1,524.60万元，到位率100%；实际支出1,486.27万元，资金执行率97.94%": what arrived, spent from)
        if rate.measure == "adjust_rate" and facts.amount(den):
            changes = [n for n in said_with if n.measure == "adjust" and n.is_amount and den.end <= n.start < rate.start]
            if _every_change_gives(facts, changes, den, rate):
                continue   # ("年中自治区追加112.00万元，县级追加36.35万元，…预算调整率5.48%": every 追加 said, not the last)
        a, b = facts.amount(num), facts.amount(den)
        if b == 0 and a != 0:
            continue   # x / 0: the rate is undefined; nothing to compare it with
        value = a / b if b else 0.0   # nothing planned, nothing spent: 0 (SPEC 3)
        if den.measure == "initial" and key == "exec_rate" and whole_year is not None and facts.amount(whole_year) \
                and at_stated(a / facts.amount(whole_year), rate):
            continue      # (the 年初 said near it, the rate of the 全年预算 said elsewhere — a form's: as it should be)
        if not at_stated(value, rate) and not cut_as_said(facts, value, rate):
            # (… nor cut at its places by the report's own rule: "比率保留两位小数，第三位起舍去")
            report.warning("STATED_RATE_MISMATCH", facts.where(rate.start),   # SPEC 8: a warning
                         f"报告写{RATE_LABELS[key]} {rate.value:g}%，按 {amount_text(a)}÷{amount_text(b)} 应为 "
                         f"{excel_round(value * 100, max(rate.decimals, 2)):.{max(rate.decimals, 2)}f}%{quoted(facts, rate)}")


def _the_forms_own(facts: Facts, spent: Number, budget: Number) -> bool:
    """The spending said is the form's 全年执行数 to the cent and the budget its 全年预算数 (the form below the sentence:
    "全年支出4,555.37万元，预算执行率96.37%" over the form's 4,862.37 | 4,555.37)."""
    form = facts.forms.amounts if facts.forms else {}
    return budget is form.get("budget_total") and "spend_total" in form \
        and abs(facts.amount(form["spend_total"]) - facts.amount(spent)) <= facts.half_cent(spent) + 1e-9


def _scope_row(facts: Facts, scope: str) -> tuple[Number, Number] | None:
    """"全年实施项目23个，项目支出执行率为94.17%" with no amount of its own, the budget table above giving the scope's row
    ("| 项目支出 | 2,443.90 | 2,993.40 | 2,835.06 |" under 年初预算数 | 全年预算数 | 全年执行数): that row's 全年执行数 and
    全年预算数 — the one such row of the report's tables."""
    found = []
    for table in facts.document.tables if facts.document else ():
        header = form_header(table.rows[0].cells)
        if header is None or header[0] != "funds":
            continue
        columns = {column: i for i, column in header[1].items()}
        if not {"budget_total", "spend_total"} <= set(columns):
            continue
        for row in table.rows[1:]:
            if not row.cells or scope_named(row.cells[0]) != scope or re.match(r"\s*其中", row.cells[0]) \
                    or len(row.cells) != len(table.rows[0].cells):
                continue     # (… a row not as wide as the header: which of its cells stands under which is not known)
            starts = list(itertools.accumulate([row.start] + [len(c) + len(CELL) for c in facts.text[row.start:row.end].split(CELL)]))
            said = {column: facts.number_at(starts[i] + len(cell) - len(cell.lstrip()))
                    for column, i in columns.items() if i < len(starts) - 1
                    for cell in [facts.text[starts[i]:starts[i + 1] - len(CELL)]]}
            if said.get("spend_total") is not None and said.get("budget_total") is not None:
                found.append((said["spend_total"], said["budget_total"]))
    return found[0] if len(found) == 1 else None


def _budget_of_the_spending(facts: Facts, spent: Number, scope: str) -> Number | None:
    """"项目实际支出1,836,420.00元，执行率96.85%，结余63,580.00元", the budget said paragraphs before: the budget
    read as the spending's own scope's, when the spending is the one read as that scope's and either the scope is
    named (“三公”经费, 公用经费) or the sentence's 结余 is that budget less the spending."""
    keyed = facts.keyed_amounts()
    spend_key, budget_key = AMOUNT_KEYS.get(("spend", scope)), AMOUNT_KEYS.get(("total_budget", scope))
    if not (spend_key and budget_key and keyed.get(spend_key) is spent and budget_key in keyed):
        return None
    budget = keyed[budget_key]
    if scope in ("sangong", "public"):
        return budget
    end = sentence_bounds(facts.text, spent.start)[1]
    left = [n for n in facts.numbers if spent.end <= n.start < end and n.is_amount and _LEFT_OVER.search(n.label)]
    gap = facts.amount(budget) - facts.amount(spent)
    return budget if any(abs(facts.amount(n) - gap) <= facts.half_cent(n) + facts.half_cent(budget) + facts.half_cent(spent) + EPS
                         for n in left) else None


_LEFT_OVER = re.compile(r"结余|结存|余额|未支出|未支付|未执行|未使用|未拨付|剩余|尚余")


def _explained_after(facts: Facts, rate: Number, alike: set[str]) -> tuple[Number, Number] | None:
    """"执行率为95.75%，即全年实际支出1,472.18万元占全年预算数1,540.35万元的比重": the rate first, its spending and
    its budget after it in its sentence, said to be what it is (即 / 也就是)."""
    end = sentence_bounds(facts.text, rate.start)[1]
    # (or in brackets right after it: "执行率97.30%（全年支出…万元/全年预算…万元）")
    said = re.match(r"\s*(?:[,，]?\s*(?:即|也就是|也即)|[(（])", facts.text[rate.end:end])
    if said is None:
        return None
    if said.group().strip().endswith(("(", "（")):
        closing = re.search(r"[)）]", facts.text[rate.end:end])
        end = rate.end + closing.start() if closing else end
    after = [n for n in facts.numbers if rate.end < n.start < end and n.is_amount and n.scope in alike]
    spent, budget = latest(after, "spend"), latest(after, "total_budget", "budget")
    if spent is None or budget is None or len(after) != 2:
        return None
    return spent, budget


def _adjusted_by_difference(facts: Facts, report: FindingList, rate: Number, initial: Number, said_with: list) -> bool:
    """"年初预算安排6,702.40万元，全年预算数7,905.33万元，预算调剂比例17.59%": the 全年 in the rate's own sentence, the
    年初 in its paragraph — the rate is their difference over the 年初 (a warning, as any stated rate); whether they were."""
    whole = latest([n for n in said_with if n.sentence == rate.sentence and initial.start < n.start], "total_budget")
    # (… or the 年初 a sentence before, in the paragraph: "年初预算1,486.30万元，其中…。年中追加…，全年预算1,803.80万元，
    # 预算调整率21.36%"; or in the paragraph before, with the 全年 too where the rate's own has none: "…全年调整预算
    # 754.44万元，较年初增加93.35万元。" then "预算调整率=（调整预算数−年初预算数）÷年初预算数×100%，…预算调整率为12.37%")
    if whole is None and initial.paragraph < rate.paragraph:
        whole = latest([n for n in facts.numbers if n.paragraph == initial.paragraph and initial.start < n.start
                        and n.is_amount and n.scope == initial.scope], "total_budget")
    if whole is None or initial.paragraph != rate.paragraph and initial.start not in _amounts_a_paragraph_before(facts, rate) \
            or not facts.amount(initial):
        return False
    a, b = facts.amount(whole) - facts.amount(initial), facts.amount(initial)
    value = abs(a) / b
    # (… or every 追加 and 调减 between them added up)
    changes = [n for n in facts.numbers if initial.end <= n.start < whole.start and n.measure == "adjust" and n.is_amount]
    if not at_stated(value, rate) and not _every_change_gives(facts, changes, initial, rate):
        decimals = max(rate.decimals, 2)
        report.warning("STATED_RATE_MISMATCH", facts.where(rate.start),
                       f"报告写{RATE_LABELS[_CHECKED[(rate.measure, rate.scope)]]} {rate.value:g}%，按（{amount_text(facts.amount(whole))}"
                       f"−{amount_text(b)}）÷{amount_text(b)} 应为 {excel_round(value * 100, decimals):.{decimals}f}%{quoted(facts, rate)}")
    return True


def _every_change_gives(facts: Facts, changes: list[Number], initial: Number, rate: Number) -> bool:
    """Two adjustments or more, added up each as it stands, are the stated 调整率 of the 年初 ("追加215.00万元，…压减…
    180.40万元" is 6.10% of it): a report's own way of measuring how much its budget was changed."""
    return len(changes) >= 2 and at_stated(sum(facts.amount(n) for n in changes) / facts.amount(initial), rate)


_SAID_AS_IS = re.compile(r"调整率\s*(?:为|是|达到?)?\s*$")
# "预算调整率=（调整预算数−年初预算数）÷年初预算数×100%"
_DIFFERENCE_DEFINED = re.compile(r"调整率\s*[=＝]\s*[(（]\s*(?:全年|调整后的?)?(?:调整)?预算(?:数)?\s*[−\-–—]\s*年初预算(?:数)?\s*[)）]"
                                 r"\s*[÷/]\s*年初预算")


def _initial_a_paragraph_before(facts: Facts, rate: Number, alike: set[str]) -> Number | None:
    """The 年初 said first in the last paragraph with amounts before the rate's own, where that one says none before
    it ("2023年年初预算5,261.90万元，其中…。年中追加…" then "全年预算调整为6,043.60万元，…预算调整率12.93%")."""
    initials = [n for n in facts.numbers if n.start in _amounts_a_paragraph_before(facts, rate) and n.measure == "initial" and n.scope in alike]
    return initials[0] if initials else None


def _amounts_a_paragraph_before(facts: Facts, rate: Number) -> set[int]:
    """Where the amounts of the last paragraph with amounts before the rate's own start."""
    before = [n for n in facts.numbers if n.is_amount and n.paragraph < rate.paragraph]
    return {n.start for n in before if n.paragraph == before[-1].paragraph} if before else set()


_WHOLE_RATE = re.compile(r"整体|总体|全部|综合")


def sentence_of(facts: Facts, n: Number) -> str:
    start, end = sentence_bounds(facts.text, n.start)
    return facts.text[start:end]


_A_SOURCE = re.compile(r"其中|中央|省级|市级|县级|区级|本级|配套|上级|自筹|单位资金|其他资金")
_SOURCE_WORD = re.compile(r"中央|省级|市级|县级|区级|本级|配套|上级|自筹|单位资金|其他资金")
_OF_ALL = re.compile(r"整体|总体|综合|全部|项目|预算执行率")


def _rates_of_parts(facts: Facts) -> set[int]:
    """The rates said right after a part of a 其中 list, of that part ("其中中央衔接资金支出276.50万元，执行率
    92.17%；县级配套资金支出54.78万元，执行率91.30%") — not the one after the last part of a list whose
    parts have none, the whole's ("…项目支出1,100.21万元，预算执行率94.86%")."""
    out = set()
    pairs = list(zip(facts.numbers, facts.numbers[1:]))
    following = {id(a): b for a, b in pairs}
    for said, rate in pairs:   # "其中中央衔接资金支出276.50万元，执行率92.17%":
        if said.is_amount and rate.is_rate and rate.sentence == said.sentence and _A_SOURCE.search(said.label) \
                and not re.search(r"[。；;]", facts.text[said.end:rate.start]) and not _OF_ALL.search(rate.label):
            out.add(id(rate))     # a source's own rate
    for listed in facts.sums:
        rated = [following.get(id(p)) for p in listed.parts]
        rated = [r if r is not None and r.is_rate and r.sentence == p.sentence else None for r, p in zip(rated, listed.parts)]
        if any(r is not None for r in rated[:-1]):
            out.update(id(r) for r in rated if r is not None)
    return out


def _own_amounts(facts: Facts, rate: Number, alike: set[str], since: int) -> tuple[Number, Number] | None:
    """The spending and the budget its own clause states before it, of its scope, listed or not
    ("…。其中财政拨款预算726.58万元，支出714.52万元，执行率98.34%"): its operands; None if not both."""
    start = max(since, statement_start(facts.text, rate.start))
    own = [n for n in facts.numbers if start <= n.start < rate.start and n.is_amount and n.scope in alike]
    spent, budget = latest(own, "spend"), latest(own, "total_budget", "budget", "initial")
    return (spent, budget) if spent is not None and budget is not None else None


# "…应到位276.00万元，…实际到位258.60万元，到位率93.70%": what was due, what arrived, the share
_ARRIVAL_RATE = re.compile(r"到位率\s*(?:为|达到?|是)?\s*$")
_DUE = re.compile(r"应到位|计划(?:到位|投资|下达|安排)?|应拨付|(?:全年|年度)预算(?:资金|数)?\s*(?:为|共)?\s*$")   # (not 年初预算)
_ARRIVED = re.compile(r"(?<!应)到位(?:资金|金额)?\s*(?:为|共|合计)?\s*$")


def check_arrival_rates(facts: Facts, report: FindingList) -> None:
    """A 资金到位率 said with what was due and what arrived in its sentence (one of each): against their share — a
    warning, as any stated rate."""
    for rate in facts.figures():
        clause = re.split(r"[,，;；]", rate.label)[-1]
        if not rate.is_rate or not _ARRIVAL_RATE.search(clause) or report.names(facts.where(rate.start)):
            continue
        start = sentence_bounds(facts.text, rate.start)[0]
        amounts = [n for n in facts.numbers if start <= n.start < rate.start and n.is_amount]
        due = [n for n in amounts if _DUE.search(re.split(r"[,，;；]", n.label)[-1])]
        arrived = [n for n in amounts if _ARRIVED.search(re.split(r"[,，;；]", n.label)[-1]) and n not in due]
        if not due and not arrived and _WHOLE_ARRIVAL.fullmatch(clause):
            _arrival_apart(facts, report, rate)
            continue
        if not due and len(arrived) > 1:    # ("实际到位资金1,802.40万元，其中…，县级配套到位314.40万元，…资金到位率…"):
            # the one not a source's is the whole's
            arrived = [n for n in arrived if not _A_SOURCE_ARRIVED.search(re.split(r"[,，;；]", n.label)[-1])] or arrived
        if not due and len(arrived) == 1 and _WHOLE_ARRIVAL.fullmatch(clause) \
                and (arrived[0].scope == "whole" or kind_stated(facts.text) == "项目支出") \
                and not _A_SOURCE_ARRIVED.search(facts.text, start, arrived[0].start) \
                and (budget := facts.keyed_amounts().get("budget_total")) is not None and facts.amount(budget) \
                and facts.amount(arrived[0]) < facts.amount(budget):
            # ("截至12月31日，项目资金实际到位645.00万元，资金到位率97.37%": what arrived, said with the rate; what was
            # due, the year's budget said elsewhere)
            _say_arrival(facts, report, rate, facts.amount(arrived[0]), facts.amount(budget), ("实际到位", "全年预算 "),
                         "（全年预算取自报告另处，请核对）")
            continue
        if len(arrived) != 1 or len(due) != 1 or due[0].start > arrived[0].start or not facts.amount(due[0]):
            continue
        _say_arrival(facts, report, rate, facts.amount(arrived[0]), facts.amount(due[0]), ("实际到位", ""))


def _say_arrival(facts: Facts, report: FindingList, rate, arrived: float, due: float, words: tuple[str, str],
                 note: str = "") -> None:
    """The 资金到位率 said against what arrived over what was due (a warning, as any stated rate)."""
    share = arrived / due
    if not at_stated(share, rate):
        report.warning("STATED_RATE_MISMATCH", facts.where(rate.start),
                       f"报告写资金到位率 {rate.value:g}%，按{words[0]} {amount_text(arrived)}÷{words[1]}{amount_text(due)} "
                       f"应为 {excel_round(share * 100, 2):.2f}%{note}{quoted(facts, rate)}")


# a source's money named in the sentence before what arrived ("省级资金全额到位，县级配套到位96.00万元"): one source's
# (its own name: a second `_A_SOURCE` here had silently replaced the stated rates' source words above)
_A_SOURCE_ARRIVED = re.compile(r"中央|省级|市级|州级|县级|区级|自治区|配套|自筹|上级|本级")
_WHOLE_ARRIVAL = re.compile(r"\s*(?:全年|年度|预算)?资金到位率\s*(?:为|达到?|是)?\s*")
_WHOLE_ARRIVED = re.compile(r"(?:全年|年度)(?:实际)?到位(?:资金|金额)?\s*(?:为|共|合计)?\s*$")


def _arrival_apart(facts: Facts, report: FindingList, rate) -> None:
    """A 资金到位率 said alone ("全年预算执行率94.35%，…，资金到位率98.91%"): against the one amount the report says
    arrived in the whole year ("全年实际到位资金4,402.60万元") over the year's budget — a warning, the figures said
    apart."""
    arrived = {facts.amount(n): n for n in facts.numbers if n.is_amount and n.scope == "whole"
               and _WHOLE_ARRIVED.search(re.split(r"[,，;；]", n.label)[-1])}
    budget = facts.keyed_amounts().get("budget_total")
    if len(arrived) != 1 or budget is None or not facts.amount(budget):
        return
    got = next(iter(arrived))
    if got <= facts.amount(budget):
        _say_arrival(facts, report, rate, got, facts.amount(budget), ("全年实际到位", "全年预算 "), "（数字分处两处，请核对）")
