"""A report's tables of amounts against themselves (SPEC 8): a 自评表's 其中 rows and 小计 rows against its 年度资金总额 and
against each other, each row's 执行率 against its 预算 and 支出 (and a rate said right after a table against its 合计
row), a table's 合计 and 小计 rows against the rows they add up (those sums and a column's are table_sums.py's)."""
from __future__ import annotations

import re

from ..core.findings import FindingList
from ..core.parsing import text_key
from ..core.rounding import excel_round
from .coverage import HEADLINE
from .facts import Facts
from .form_records import AMOUNT_COLUMNS
from .numbers import Number
from .plain import sub_level
from .stated import EPS, amount_text, at_stated, by_shape, parts_off, quoted, rounding_slack, cut_as_said
from .table_sums import head_parts, parts_of_rows_left_out, projects_after_kinds, row_place, say_sum_off, sums_of_rows
from .tables import subtotalled
from .text import CELL as CELL_MARK
from .vocabulary import key


_NOT_FLAT = re.compile(r"小计|合计|总计|^按.{1,8}分|明细")   # (支出明细：… rows: a second breakdown)


def check_funds_parts(facts: Facts, report: FindingList) -> None:
    """A 自评表's 其中 rows against its own 年度资金总额 row, column by column: the parts cannot come to
    more than the whole (a form may leave a source out, so less is no finding)."""
    words = dict(HEADLINE)
    for table in (facts.forms.funds_tables if facts.forms else []):
        for rows in _breakdowns(table):
            _check_breakdown(facts, report, table, rows, words)


def _breakdowns(table) -> list[list[int]]:
    """The 其中 rows of a funds table as lists each adding up to its total: all of them, or each breakdown of two or
    more led by its words ("按支出性质分：其中：基本支出 | …", "按收入性质分：…"); none where a 小计 or a 明细 is among them."""
    names = [key(name) for name, _ in table.parts]
    led = [k for k, name in enumerate(names) if _BREAKDOWN.match(name)]
    if not any(_NOT_FLAT.search(name) for name in names):
        return [list(range(len(names)))]
    if len(led) < 2 or led[0] != 0 or any(_NOT_FLAT.search(_BREAKDOWN.sub("", name)) for name in names) \
            or any(not _BREAKDOWN_LED.sub("", table.parts[k][0]).strip(" :：其中") for k in led):
        return []       # (… or a breakdown's words alone in their cell: its row's figures may stand a cell off)
    return [list(range(a, b)) for a, b in zip(led, [*led[1:], len(names)])]


_BREAKDOWN = re.compile(r"^按.{1,8}分")
_BREAKDOWN_LED = re.compile(r"^按.{1,8}分\s*[:：]?\s*")


def _check_breakdown(facts: Facts, report: FindingList, table, rows: list[int], words: dict) -> None:
    """One list of 其中 rows against the 总额 row, column by column (check_funds_parts)."""
    under = sub_level(table.marks)       # rows numbered under others (1, 2 under 一): not summed
    for column in AMOUNT_COLUMNS:
        whole, word = (table.total or {}).get(column), words[column]
        parts = [(name, row[column]) for k, (name, row) in enumerate(table.parts)
                 if column in row and k not in under and k in rows]
        if whole is None or not parts:
            continue
        added = sum(n.value for _, n in parts)
        slack = rounding_slack(facts, [n for _, n in parts], whole) + EPS
        listed = " + ".join(f"{_BREAKDOWN_LED.sub('', name).removeprefix('其中').strip(':：')} {amount_text(n.value)}"
                         for name, n in parts)
        if whole.value - added > slack \
                and _another_column_adds_up(facts, table, column, under | set(range(len(table.parts))) - set(rows)) \
                and not report.names(facts.where(whole.start)):
            # less than the whole, where the very rows add up to it in another column: no source left out
            say_sum_off(facts, report, [n for _, n in parts], whole, f"自评表{word}：其中各行 {listed} =", "总额行")
            break
        if added - whole.value > slack and not _two_breakdowns(facts, [n for _, n in parts], whole) \
                and not parts_of_rows_left_out(facts, [n for _, n in parts], whole) \
                and not projects_after_kinds(facts, parts, whole) \
                and not report.names(facts.where(whole.start)):     # (said already of the table's 合计 row)
            # (… nor rows whose unmarked 其中 rows come right under them: 人员经费 and 公用经费 under 基本支出)
            # a 其中 row with fewer amounts than the whole's (an empty cell lost, as a PDF's spaces lose it): which
            # column its figures stand in is not certain — a warning that says so
            short = [name for name, row in table.parts if column in row and len(row) < len(table.total)]
            say, why = (report.warning, "（有其中行的金额少于总额行，所在列未必读对，请核对）") if short else \
                by_shape(report, facts, whole, sum(facts.amount(n) for _, n in parts), tuple(n for _, n in parts))
            say("SUM_MISMATCH", facts.where(whole.start),
                f"自评表{word}：其中各行 {listed} = {amount_text(added)}，多于总额行的 {amount_text(whole.value)}"
                f"{why}{quoted(facts, whole)}")
            break


def _two_breakdowns(facts: Facts, parts: list[Number], whole: Number) -> bool:
    """The rows are two lists one after the other, each coming to the whole (一般公共预算 + 政府性基金预算, then 基本支出
    + 项目支出): two breakdowns, no list that comes to more."""
    return any(not parts_off(facts, parts[:k], whole) and not parts_off(facts, parts[k:], whole) for k in range(2, len(parts) - 1))


def _another_column_adds_up(facts: Facts, table, column: str, under: set) -> bool:
    """In another amount column the very 其中 rows that fill `column` (and no other) come to the 总额 row's figure:
    they are the whole's every part ("全年预算数 1,986.48 + 150.00 + 70.00 = 2,206.48")."""
    rows = [k for k, (_, row) in enumerate(table.parts) if column in row and k not in under]
    for other in AMOUNT_COLUMNS:
        whole = (table.total or {}).get(other)
        filled = [k for k, (_, row) in enumerate(table.parts) if other in row and k not in under]
        if other != column and whole is not None and filled == rows and len(rows) >= 2 \
                and not parts_off(facts, [table.parts[k][1][other] for k in rows], whole):
            return True
    return False


def check_funds_subtotals(facts: Facts, report: FindingList) -> None:
    """A 自评表's 小计 row among its 其中 rows against the rows since the one before it (中央 / 省级 / 市级 / 县级,
    小计), column by column — when another column of it adds up, so that those rows are the ones it sums."""
    for table in (facts.forms.funds_tables if facts.forms else []):
        for rows, subtotal in subtotalled(list(table.parts)) or ():
            checked = [(column, [r[column] for r in rows], subtotal[column]) for column in AMOUNT_COLUMNS
                       if column in subtotal and all(column in r for r in rows)]
            off = [(column, parts, whole) for column, parts, whole in checked if parts_off(facts, parts, whole)]
            if not off or len(off) == len(checked):
                continue     # (every column off: those rows may not be the ones it adds up)
            for column, parts, whole in off:
                say_sum_off(facts, report, parts, whole, f"自评表{dict(HEADLINE)[column]}：小计行以上各行之和", "小计行")


def check_funds_part_rates(facts: Facts, report: FindingList) -> None:
    """Each 其中 row's own 执行率 against its 全年执行数 ÷ 全年预算数 (a warning, as any stated rate)."""
    for table in (facts.forms.funds_tables if facts.forms else []):
        for name, row in table.parts:
            budget, spent, stated = row.get("budget_total"), row.get("spend_total"), row.get("exec_rate")
            if budget is None or spent is None or stated is None or not budget.value \
                    or report.names(facts.where(stated.start)):
                continue
            table_rate(facts, report, f"表中「{name}」", stated, facts.amount(spent), facts.amount(budget))


def table_rate(facts: Facts, report: FindingList, said: str, stated: Number, spent: float, budget: float,
                words: tuple[str, str] = ("", ""), rate_name: str = "执行率") -> None:
    """A table's stated 执行率 against its own 执行数 ÷ 预算数 (SPEC 8: a warning, as any stated rate) — or another
    rate of two of its amounts (`rate_name`: 到位率, 到位 ÷ 预算); `words` name the two operands in the message when
    the row does not (全年执行数, 全年预算数)."""
    value = spent / budget
    if not at_stated(value, stated) and not cut_as_said(facts, value, stated):
        report.warning("STATED_RATE_MISMATCH", facts.where(stated.start),
                       f"{said}{rate_name}写 {stated.value:g}%，按{words[0]} {amount_text(spent)}÷{words[1]}{amount_text(budget)} "
                       f"应为 {excel_round(value * 100, 2):.2f}%{quoted(facts, stated)}")


def check_amount_tables(facts: Facts, report: FindingList) -> None:
    """Each row's 执行率 against its 预算 and 支出 columns; a 合计 row against the rows that are no
    part of another row."""
    for table in facts.tables:
        # (under a group's cell, or named with its group: "市直单位小计")
        subtotal = lambda r: text_key(r.name).endswith("小计") or text_key(r.named).endswith("小计")      # noqa: E731
        for row in table.rows + table.totals:
            budget, spend, rate = (row.cells.get(k) for k in ("budget", "spend", "rate"))
            if budget and facts.amount(budget) and len(row.arrived) == 1 and row.arrived[0] is not budget \
                    and row.arrival_rate is not None:      # (its 到位率 column: 到位 ÷ 预算)
                table_rate(facts, report, f"表中「{row.named or row.name}」", row.arrival_rate, facts.amount(row.arrived[0]),
                           facts.amount(budget), rate_name="到位率")
            if budget and spend and rate and budget.value and not _of_the_rows_sum(facts, table, row, rate, subtotal) \
                    and not _of_another_base(facts, row, spend, rate):
                table_rate(facts, report, f"表中「{row.named or row.name}」" if row.named or row.name else "表中该行", rate,
                           facts.amount(spend), facts.amount(budget))
        # the rows in their order, 小计 rows among them (each adds up the rows since the one before it)
        ordered = sorted([r for r in table.rows if not r.numbered_under] + [t for t in table.totals if subtotal(t)],
                         key=row_place)    # (1, 2 under 一: parts of the row above)
        totals = sorted((t for t in table.totals if not subtotal(t)), key=row_place)
        if len(totals) > 1:     # two breakdowns, each closed by its 合计 (按资金来源 …合计, 按支出性质 …合计): each its own
            if any(row_place(r) > row_place(totals[-1]) for r in ordered):
                continue        # (rows after the last 合计: which rows each adds up is not said)
            ends = [row_place(t) for t in totals]
            segments = [([r for r in ordered if (ends[k - 1] if k else -1) < row_place(r) < end], t)
                        for k, (end, t) in enumerate(zip(ends, totals))]
            # (every row with the columns of its 合计: a row short of one may have its figures under the wrong ones)
            segments = [(rows, t) for rows, t in segments if all(set(r.cells) == set(t.cells) for r in rows)]
        else:   # (the rows over it: a line after the table read as a row is none of its)
            segments = [([r for r in ordered if row_place(r) < row_place(totals[0])], totals[0])] if totals else []
        for rows, total in segments:
            sums_of_rows(facts, report, rows, total, subtotal)


# "合计 | 2,846,000.00 | 2,781,870.00" then "全年政府采购执行率为79.75%，…": the first clause after a table of amounts
# says a rate, of nothing else it names (no amount, no period of the year: "截至9月底"), with the rate's words only,
# which name what the table's header does ("采购预算 | 实际采购金额": 政府采购执行率 — not a bare 预算执行率, which may be
# the department's, of more than the table lists)
_RATE_AFTER = re.compile(r"^[^。；;\n\d]{0,24}?(?P<what>[\u4e00-\u9fff]{2,8}?)(?:预算|资金)?(?:执行|实现|支出|支付)率\s*(?:为|达到?|是)?\s*$")
_GENERIC = re.compile(r"全年|年度|本年|当年|整体|总体|全部|综合|部门|单位|项目|财政|预算|资金")
_NOT_THE_YEAR = re.compile(r"截至|截止|季度|上半年|[1-9１-９]\s*月|序时|上年|同比|增长|下降|比例|占")
_OF_THE_TABLE = re.compile(r"[ \t\u3000]*(?:从|由|据|如|经)?上表(?:合计(?:行|数)?)?(?:可以)?(?:可见|看出|反映|显示|所示|表明)[出了]?\s*[,，:：]")
_ITS_RATE = re.compile(r"(?:预算)?(?:执行|支出)率\s*(?:为|达到?|是)?\s*$")


def check_rate_after_table(facts: Facts, report: FindingList) -> None:
    """A rate said in the first clause right after a table of amounts whose one 合计 row closes it (no row of its
    own rates): that 合计's spending over its budget (a warning, as any stated rate)."""
    text = facts.text
    for table in facts.tables:
        totals = [t for t in table.totals if "小计" not in t.name + t.named]
        if len(totals) != 1 or set(totals[0].cells) - {"rate"} != {"budget", "spend"} or len(table.rows) < 2:
            continue
        total = totals[0]
        after_it = [r for r in table.rows if row_place(r) > row_place(total)]
        own_rates = "rate" in total.cells or any("rate" in r.cells for r in table.rows)
        if any(not r.sub_row for r in after_it):
            continue        # (rows after the 合计 that are no 其中 of it: which row a rate after them is of is not said)
        after = text.find("\n", max(n.end for r in [total, *after_it] for n in r.cells.values()))
        while 0 <= after < len(text) - 1 and text[after + 1] in "\n \t\u3000":
            after += 1                       # (blank lines, a paragraph's indent)
        if after < 0:
            continue
        # ("上表合计行反映，全局全年预算执行率为96.28%": the clause after the words that point at the table is of its 合计 —
        # else, where the table has rates of its own or 其中 rows after its 合计, the rate may be another row's)
        lead = _OF_THE_TABLE.match(text, after + 1)
        if lead is None and (own_rates or after_it):
            continue
        start = lead.end() if lead else after + 1
        end = min((k for k in (text.find(c, start) for c in "。；;，,\n") if k >= 0), default=len(text))
        said = [n for n in facts.numbers if start <= n.start < end]
        if CELL_MARK in text[start:end] or len(said) != 1 or not said[0].is_rate or report.names(facts.where(said[0].start)):
            continue
        rate = said[0]
        words = text[start:rate.start]
        said_of = _RATE_AFTER.search(words)
        what = _GENERIC.sub("", said_of.group("what")) if said_of else ""
        named = bool(lead and _ITS_RATE.search(words)) or len(what) >= 2 and any(
            what[k:k + 2] in "".join(table.header) for k in range(len(what) - 1))
        if not named or _NOT_THE_YEAR.search(words) or not facts.amount(total.cells["budget"]):
            continue
        value = facts.amount(total.cells["spend"]) / facts.amount(total.cells["budget"])
        if not at_stated(value, rate):
            name = re.search(r"[\u4e00-\u9fff]{0,10}率", re.sub(r"^.*\d\s*年?", "", words)).group(0)   # (not "2024年…")
            report.warning("STATED_RATE_MISMATCH", facts.where(rate.start),
                           f"{name}写 {rate.value:g}%，按上表「{total.named or total.name}」行 "
                           f"{amount_text(facts.amount(total.cells['spend']))}÷{amount_text(facts.amount(total.cells['budget']))} "
                           f"应为 {excel_round(value * 100, 2):.2f}%{quoted(facts, rate)}")


def check_rate_of_a_tables_total(facts: Facts, report: FindingList) -> None:
    """A rate said right after a spending that a table's 合计 row spent to the cent ("项目支出3,862.15万元，项目支出执行率
    90.48%" beside "| 合计 | 4,118.60 | 3,862.15 | 93.77% |"): against that row's spending over its budget (a warning,
    the figures said apart)."""
    totals = [t for table in facts.tables for t in table.totals
              if "小计" not in t.name + t.named and {"budget", "spend"} <= set(t.cells)]
    for spent, rate in zip(facts.numbers, facts.numbers[1:]):
        if not spent.is_amount or not rate.is_rate or spent.part or rate.sentence != spent.sentence \
                or not _RATE_OF_SPENT.fullmatch(re.split(r"[,，;；]", rate.label)[-1]) or report.names(facts.where(rate.start)):
            continue
        same = [t for t in totals if t.cells["spend"] is not spent
                and abs(facts.amount(t.cells["spend"]) - facts.amount(spent)) <= facts.half_cent(spent) + 1e-9]
        if len(same) != 1 or not facts.amount(same[0].cells["budget"]):
            continue
        said = re.sub(r"(?:预算)?执行率.*$", "", re.split(r"[,，;；]", rate.label)[-1].strip())
        table_rate(facts, report, said or "该项", rate,
                   facts.amount(same[0].cells["spend"]), facts.amount(same[0].cells["budget"]))


# the rate of what was just said spent: "…，项目支出执行率", "，执行率为"
_RATE_OF_SPENT = re.compile(r"\s*(?:项目支出|基本支出|项目|专项资金|资金)?(?:预算)?执行率\s*(?:为|达|是)?\s*")


def _of_another_base(facts: Facts, row, spend: Number, rate: Number) -> bool:
    """The row's rate is its spending over what arrived ("计划安排 | 实际到位 | 到位率 | 实际支出 | 执行率": the 执行率 of
    the funds in hand) — the report's base, not a slip (over a 年初 beside the 全年 it would be one)."""
    return any(facts.amount(n) and at_stated(facts.amount(spend) / facts.amount(n), rate) for n in row.arrived)


def _of_the_rows_sum(facts: Facts, table, row, rate: Number, subtotal) -> bool:
    """A 合计 row's 执行率 that is its rows' spending over its budget: the 合计's own 执行数 is the slip (said by the
    rows' sum), not its rate."""
    if row not in table.totals or subtotal(row):
        return False
    spent = [r.cells.get("spend") for r in head_parts(table) or [r for r in table.rows if not r.numbered_under]]
    budget = row.cells["budget"]
    return all(spent) and len(spent) >= 2 and at_stated(sum(facts.amount(n) for n in spent) / facts.amount(budget), rate)
