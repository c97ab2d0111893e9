"""Sums a report states in its sentences: a 其中 list against its whole (an error only when the list
names every part or comes to more; a warning where it may leave parts unsaid or was read from items
after the whole), a sum written out (A+B+C=D), and 年初 + 调整 = 调整后 (SPEC 8).  Scores against the sums said of
them are score_sums.py's."""
from __future__ import annotations

import itertools
import re

from ..core.findings import FindingList
from ..core.rounding import excel_round
from .facts import Facts
from .numbers import Number, sentence_bounds
from .plain import FIGURE, opens_bracket
from .table_sums import FOOT_ROW, adds_up_righted, righted_cells, parts_of_rows_left_out
from .tables import numbered_by, row_name, subtotalled, table_lines
from .stated import EPS, NOT_A_SLIP, a_slip_of, amount_text, by_shape, parts_off, quoted, rounding_slack
from .vocabulary import a_whole_list


_NOTED = re.compile(r"\s*(?:万元|元)?\s*[(（][^)）]{0,30}含")
_SAID_PARTIAL = re.compile(r"\s*(?:万元|元)?\s*(?:[(（][^)）]{0,40}[)）])?\s*(?:等|[,，;；]\s*(?:其余|其他|另有|剩余|余下|此外))")
_INSIDE_THE_LAST = re.compile(r"\s*(?:其中)?(?:含|包括|内含)")
_SUMMED = re.compile(r"(?:全年|累计|共|合计|共计)(?:追加|调增)")


def latest(numbers: list[Number], *measures: str) -> Number | None:
    for measure in measures:
        found = [n for n in numbers if n.measure == measure]
        if found:
            return found[-1]
    return None


def check_sums(facts: Facts, report: FindingList) -> None:
    for s in facts.sums:
        total = sum(facts.amount(p) for p in s.parts)
        slack = sum(facts.half_cent(p) for p in s.parts)   # n parts, each rounded: n × 0.005 万元
        if facts.half_cent(s.whole) > max(facts.half_cent(p) for p in s.parts):
            slack += facts.half_cent(s.whole)    # (a whole rounded coarser than its parts: 12,480元 + 86,350元 "合计9.88万元")
        if total < facts.amount(s.whole) and _SAID_PARTIAL.match(facts.text, s.parts[-1].end):
            continue     # ("…96.85万元，其余用于防火隔离带建设": the list says it is not all of it)
        if total < facts.amount(s.whole) and (_listed_on(facts, s.parts[-1], facts.amount(s.whole) - total, slack)
                                              or _listed_before(facts, s, facts.amount(s.whole) - total, slack)):
            continue     # ("其中拨付乡镇卫生院…，拨付村卫生室…；拨付县疾控中心…182.65万元": the list goes on past a ";" —
            # or starts before one: "其中：年初安排156.00万元；年中收到…180.00万元、…150.00万元")
        if s.slips_only and not a_slip_of(facts, s.whole, total, s.parts):
            continue     # (a list whose whole may be of another scope: only a slip's shape tells it is its own)
        if abs(total - facts.amount(s.whole)) > slack + EPS and not _other_reading(facts, s.parts, s.whole):
            parts = " + ".join(amount_text(facts.amount(p)) for p in s.parts)
            # precision first: parts read from items listed after the whole, not from its own
            # statement, make a warning that says so; so do parts that fall short of it (a 其中 list
            # need not name every part: "其中：工资福利支出…，商品和服务支出…" leaves 对个人和家庭的补助 out)
            whole_named = total > facts.amount(s.whole) or s.every_part or _every_part_named(s.parts)
            # a part with a note of what it holds ("…180万元（含上年结转80万元）") or one said to be inside the
            # part before it ("…、含安装调试费120万元"): which figures make up the whole is not certain
            noted = any(_NOTED.match(facts.text, p.end) or k > 0 and _INSIDE_THE_LAST.match(re.split(r"[,，、;；]", p.label)[-1])
                        for k, p in enumerate(s.parts))     # (the first part's 包括 opens the list: no note)
            # off by no more than a cent a part: rounded otherwise than half up (each part to balance) — a warning
            cents = abs(total - facts.amount(s.whole)) <= 2 * slack + EPS
            say, listed = (report.warning, "（分项另注所含内容，口径可能与合计不同，请核对）") if s.one_statement and noted else \
                (report.warning, "（差额不超过每项一分，可能是尾数处理，请核对）") if s.one_statement and cents else \
                (report.warning, NOT_A_SLIP) if s.one_statement and whole_named and not a_slip_of(facts, s.whole, total, s.parts) else \
                (report.error, "") if s.one_statement and whole_named else \
                (report.warning, "（分项取自其后逐条列出的各项，请核对）") if not s.one_statement else \
                (report.warning, "（其中所列分项少于合计，可能未列全，请核对）")
            say("SUM_MISMATCH", facts.where(s.whole.start),
                f"分项之和 {parts} = {amount_text(total)} 万元，与所写合计 {amount_text(facts.amount(s.whole))} 万元不符{listed}"
                f"{quoted(facts, s.parts[0] if s.one_statement else s.whole)}")


def _goes_on_its_list(facts: Facts, one: Number, next_one: Number) -> bool:
    """Only words and a "、" between the two: the next amount is the next item of the same list."""
    return re.fullmatch(r"[^，,;；。\d]*、[^，,;；。\d]*", facts.text[one.end:next_one.start]) is not None


def _listed_on(facts: Facts, last: Number, short: float, slack: float) -> bool:
    """The amounts said after the last part, up to its sentence's end, make up what the parts fall short of."""
    end = sentence_bounds(facts.text, last.start)[1]
    running = 0.0
    after = [n for n in facts.numbers if last.end <= n.start < end and n.is_amount]
    for k, n in enumerate(after):
        running += facts.amount(n)
        # (… all of a list they open: "；另支付…经费13.12万元、…补助86.00万元" — not its first item alone)
        listed_on = k + 1 < len(after) and _goes_on_its_list(facts, n, after[k + 1])
        if abs(running - short) <= slack + facts.half_cent(n) + EPS and not listed_on:
            return True
    return False


def _listed_before(facts: Facts, s, short: float, slack: float) -> bool:
    """The amounts said between the whole and its first part read (its 其中 list begun before a ";") make up what the
    parts fall short of."""
    between = [n for n in facts.numbers if s.whole.end <= n.start < s.parts[0].start and n.is_amount]
    return bool(between) and abs(sum(facts.amount(n) for n in between) - short) <= \
        slack + sum(facts.half_cent(n) for n in between) + EPS


def _every_part_named(parts: list[Number]) -> bool:
    """The parts are one each of a list that makes up its whole (基本支出 and 项目支出, 上年结转 and
    本年…: templates/_report_cues.toml [partitions])."""
    return a_whole_list([p.label for p in parts])


def _other_reading(facts: Facts, parts: list[Number], whole: Number) -> bool:
    """The list read another way adds up, so which figures are the whole's parts is not known
    (precision first): its first parts come to the whole and the rest is another clause's
    ("其中中央资金120万元、省级资金36万元；…经费上年结转8.50万元"), or they make another amount said before the
    whole in its sentence, or a part is itself the sum of the parts after it (a project's spending, then what it
    was spent on)."""
    amounts = [facts.amount(p) for p in parts]

    def adds_up(run: list[Number], to: float, of: Number) -> bool:
        slack = sum(facts.half_cent(p) for p in run) + facts.half_cent(of) + EPS
        return abs(sum(facts.amount(p) for p in run) - to) <= slack
    if any(adds_up(parts[:k], facts.amount(whole), whole) for k in range(2, len(parts))
           if not _goes_on_its_list(facts, parts[k - 1], parts[k])):
        return True       # (… not where the next part goes on its list: "另支付…13.12万元、…补助86.00万元")
    # (… or they add up to another amount its sentence said before the whole: "调整后全年预算1,912.58万元，比年初增加
    # 426.38万元，…其中基本支出1,040.20万元、项目支出872.38万元" — the list is the budget's, not the increase's)
    earlier = [n for n in facts.figures() if n.is_amount and n.sentence == whole.sentence and n.start < whole.start]
    if any(adds_up(parts, facts.amount(n), n) for n in earlier):
        return True
    # (… or each source said with its budget, then what it spent: "其中当年财政拨款135.60万元，支出132.71万元，…；上年结转
    # 资金3.86万元全部支出" — the list's spending, 132.71 + 3.86, is the whole's)
    spent = [p for k, p in enumerate(parts) if not (k + 1 < len(parts) and _SPENT_AFTER.search(re.split(r"[,，;；]", parts[k + 1].label)[-1]))]
    if len(spent) < len(parts) and adds_up(spent, facts.amount(whole), whole):
        return True
    # (… the parts after it to the list's end, or said to be its own: "…基本支出5,888.47万元，包括人员经费…、公用经费…" —
    # not "器材24.00万元、健身房10.00万元、步道14.00万元、…", 24 = 10 + 14 by chance)
    return any(adds_up(parts[i + 1:j], amounts[i], parts[i]) for i in range(len(parts)) for j in range(i + 3, len(parts) + 1)
               if j == len(parts) or _ITS_OWN.search(facts.text, parts[i].end, parts[i + 1].start))


_SPENT_AFTER = re.compile(r"^\s*(?:实际|已|全年|累计)?(?:支出|执行|使用|拨付)(?:了|数|金额)?\s*$")   # its spending, after it
_ITS_OWN = re.compile(r"包括|用于|其中|含|分两|分三|分[一二三四两]批|下达|主要")   # a part's own parts said after it


def check_budget_equation(facts: Facts, report: FindingList) -> None:
    """年初 + 调整 = 调整后: an error where one sentence states all three; a warning that says so
    where one paragraph does (one 年初, one 调整后 and the adjustments between them), sentences apart."""
    # (an adjustment said of a part — 调减公用经费15.60万元, 追加防汛救灾应急资金48.00万元 — moves the whole)
    figures = [n for n in facts.figures() if n.is_amount and (n.scope == "whole" or n.measure == "adjust")]
    by_sentence: dict[int, list[Number]] = {}
    by_paragraph: dict[int, list[Number]] = {}
    for n in figures:
        by_sentence.setdefault(n.sentence, []).append(n)
        by_paragraph.setdefault(n.paragraph, []).append(n)
    checked: set[int] = set()
    for numbers in by_sentence.values():
        if _equation(facts, numbers, report, one_sentence=True):
            checked.add(numbers[0].paragraph)
    for paragraph, numbers in by_paragraph.items():
        single = all(sum(1 for n in numbers if n.measure == m) == 1 for m in ("initial", "total_budget"))
        if paragraph not in checked and single:
            _equation(facts, numbers, report, one_sentence=False)


def _in_its_list(between: str) -> bool:
    """The words between an adjustment and the next open a 其中 list the next stands in (no bracket closed, no clause
    of its own after it: "追加312.60万元（其中…74.20万元等），调减26.80万元" — the 调减 stands apart)."""
    after = between.split("其中", 1)[1] if "其中" in between else None
    return after is not None and not re.search(r"[)）;；]", after)


def _completes_its_list(facts: Facts, whole: Number, last: Number) -> bool:
    """`last` and the amounts of the 其中 list said between it and `whole` add up to `whole`."""
    if "其中" not in facts.text[whole.end:last.start]:
        return False
    listed = [n for n in facts.numbers if whole.end <= n.start < last.start and n.is_amount]
    slack = facts.half_cent(whole) + sum(facts.half_cent(n) for n in listed) + facts.half_cent(last) + EPS
    return bool(listed) and abs(sum(facts.amount(n) for n in listed) + facts.amount(last) - facts.amount(whole)) <= slack


_CARRIED_OVER = re.compile(r"上年结转|年初结转|结转结余|结转资金")


def _equation(facts: Facts, numbers: list[Number], report: FindingList, one_sentence: bool) -> bool:
    """Checks 年初 + 调整 = 调整后 over `numbers` when they hold all three; whether they did."""
    initial, total = latest(numbers, "initial"), latest(numbers, "total_budget")
    if not (initial and total) or not initial.start < total.start:
        return False
    # 年中追加 100 万元，追减 20 万元: every adjustment between the two, each with its sign
    # (not one in brackets after another: "追加318.20万元（中央…追加245.60万元，省级…72.60万元）" — its parts)
    adjustments = [n for n in numbers if n.measure == "adjust" and initial.start < n.start < total.start
                   and not opens_bracket(facts.text[initial.start:n.start])]
    # (nor one in the 其中 list after another: "追加729.60万元，其中…、旗级追加临时救助资金91.00万元" — a part of it)
    adjustments = [n for n in adjustments if not any(m.start < n.start and m.sentence == n.sentence
                                                     and _in_its_list(facts.text[m.end:n.start]) for m in adjustments)]
    # (… nor the one that makes up, with the 其中 parts said before it, an adjustment said earlier: "年中追加268.35万元，
    # 其中…182.00万元、…54.35万元；另追加人员调资经费32.00万元" — 182.00 + 54.35 + 32.00 is the 268.35)
    adjustments = [n for n in adjustments if not any(m.start < n.start and _completes_its_list(facts, m, n) for m in adjustments)]
    if not adjustments:
        return False
    signed = [(-1 if any(w in n.label for w in ("调减", "减少", "追减", "核减", "收回", "压减", "调出")) else 1) * facts.amount(n)
              for n in adjustments]
    # "6月追加280.30万元，调减48.00万元；11月再追加122.18万元。全年追加402.48万元": a sum of the 追加s
    # said again — read with it or with them, not both
    summary = [k for k, n in enumerate(adjustments) if _SUMMED.search(n.label) and signed[k] > 0]
    if summary:
        k = summary[-1]
        alone = [x for j, x in enumerate(signed) if j == k or x < 0]      # the sum and the cuts
        without = [x for j, x in enumerate(signed) if j != k]             # the items
        fits = [v for v in (alone, without) if abs(facts.amount(initial) + sum(v) - facts.amount(total)) <=
                facts.half_cent(initial) + sum(facts.half_cent(n) for n in adjustments) + EPS]
        if fits:
            return True
    if _CARRIED_OVER.search(facts.text, initial.end, total.start) and not any(
            _CARRIED_OVER.search(n.label) for n in facts.numbers if initial.start < n.start < total.start):
        return True     # ("…年中追加279.57万元，加上上年结转结余，全年预算…": a part named with no figure of its own)
    expected = facts.amount(initial) + sum(signed)
    slack = facts.half_cent(initial) + sum(facts.half_cent(n) for n in adjustments)
    # other amounts said between them ("…安排上年结转资金12.00万元，同时追加…"): moves of the budget not
    # named as adjustments, maybe — with them it adds up: no finding; else a warning, not an error
    # (of any scope: "…追加…专项资金184.60万元，加上年初结转87.75万元" — the 专项 named holds on, but a carry-over
    # said between them is the whole's)
    others = [n for n in facts.figures() if n.is_amount and initial.start < n.start < total.start and n not in adjustments
              and not opens_bracket(facts.text[initial.start:n.start])]   # (…（主要为中央资金1,860.00万元…）: an aside)
    # (… or with some of them: "追加56.00万元，财政拨款调整为236.00万元；另有…基金24.00万元，全年预算合计260.00万元" — the
    # 236.00 a part's new total, the 24.00 another source)
    if others and any(abs(expected + sum(facts.amount(n) for n in some) - facts.amount(total)) <=
                      slack + sum(facts.half_cent(n) for n in some) + EPS
                      for size in range(1, min(len(others), 6) + 1) for some in itertools.combinations(others[:6], size)):
        return True
    if others and not one_sentence:
        return True     # (other amounts said between them, sentences apart: which of them move the budget is not said —
        # on the held-out cases such warnings found nothing and raised nine false ones)
    if abs(expected - facts.amount(total)) > slack + EPS:
        steps = "".join(f" {'−' if x < 0 else '+'} {amount_text(abs(x))}" for x in signed)
        say, apart = (report.error, "") if one_sentence and not others and a_slip_of(facts, total, expected, [initial, *adjustments]) else \
            (report.warning, NOT_A_SLIP) if one_sentence and not others else \
            (report.warning, "（其间另有金额，请核对）") if others else (report.warning, "（三者写在同一段的不同句中，请核对）")
        say("SUM_MISMATCH", facts.where(total.start),
            f"年初预算 {amount_text(facts.amount(initial))}{steps} = {amount_text(expected)} 万元，报告写调整后 "
            f"{amount_text(facts.amount(total))} 万元{apart}{quoted(facts, total)}")
    return True


# "自评得分为：9.76+47.5+30+10=97.26分", "386.00+120.00=506.00万元": the parts and their sum, one unit
_WRITTEN_OUT = re.compile(rf"(?<![\d.,×*/÷]){FIGURE}\s*(?P<unit>万元|元|分)?"
                          # ("投入18.6分+过程17.74分+…", "…补助1,062.45万元＋自主就业退役士兵一次性经济补助117.80万元＋…")
                          rf"(?:\s*[+＋]\s*[\u4e00-\u9fff“”\"（）()]{{0,24}}\s*{FIGURE}\s*(?P=unit)?)+"
                          rf"\s*[=＝]\s*{FIGURE}(?!\s*[×*/÷+＋\d])")


# "收入总计4,717.15万元（本年收入合计4,430.75万元+年初结转和结余268.40万元）": the whole, then its parts added up in
# brackets after it (nothing else in them)
_NAMED = r"[\u4e00-\u9fff“”\"]{0,24}"
_BRACKETED_OUT = re.compile(rf"(?<![\d.,×*/÷]){FIGURE}\s*(?P<unit>万元|元|分)\s*[（(]\s*{_NAMED}\s*{FIGURE}\s*(?P=unit)?"
                            rf"(?:\s*[+＋]\s*{_NAMED}\s*{FIGURE}\s*(?P=unit)?)+\s*[)）]")


def check_written_sums(facts: Facts, report: FindingList) -> None:
    """A sum written out in a sentence against its parts, at the places it is written to: an error when it is
    off as a hand slips, else a warning; the total's is a TOTAL_MISMATCH."""
    written = [(said, False) for said in _WRITTEN_OUT.finditer(facts.text)] + \
        [(said, True) for said in _BRACKETED_OUT.finditer(facts.text)]
    for said, whole_first in written:
        figures = [n for n in facts.numbers if said.start() <= n.start < said.end()]
        if len(figures) < 3 or len({n.unit for n in figures} - {""}) > 1:
            continue
        whole, *parts = figures if whole_first else figures[-1:] + figures[:-1]
        total = sum(p.value for p in parts)
        if abs(excel_round(total, whole.decimals) - whole.value) < EPS:
            continue
        code = "TOTAL_MISMATCH" if whole is facts.total else "SUM_MISMATCH"
        say, why = by_shape(report, facts, whole, total / 10000 if whole.unit == "元" else total, tuple(parts))
        say(code, facts.where(whole.start),
            f"所写算式 {' + '.join(_figure(p.value, p.decimals) for p in parts)} = {_figure(total, max(whole.decimals, *(p.decimals for p in parts)))}，"
            f"报告写 {_figure(whole.value, whole.decimals)}{why}{quoted(facts, whole)}")


# "本年收入合计2,855.15万元，其中…；加上年初结转结余131.25万元，收入总计2,986.40万元": the year's 合计 its sentence opens
# with, what is added on to it, and the 总计 they make
_ADDED_ON = re.compile(rf"加上\s*(?P<what>{_NAMED})\s*(?P<added>{FIGURE})\s*(?P<unit>万元|元)\s*[，,]\s*"
                       rf"(?P<name>[\u4e00-\u9fff]{{0,6}}总计)\s*(?:为|达)?\s*(?P<whole>{FIGURE})\s*(?P=unit)")


def check_added_on(facts: Facts, report: FindingList) -> None:
    """A 总计 said as the sentence's 合计 plus what is added on to it (收入总计 = 本年收入合计 + 年初结转结余): an error
    where it is off as a slip is, else a warning."""
    for said in _ADDED_ON.finditer(facts.text):
        added, whole = facts.number_at(said.start("added")), facts.number_at(said.start("whole"))
        start = sentence_bounds(facts.text, said.start())[0]
        totals = [n for n in facts.numbers if start <= n.start < said.start() and n.is_amount and n.unit == added.unit
                  and "合计" in re.split(r"[,，;；]", n.label)[-1]] if added is not None else []
        if whole is None or len(totals) != 1 or report.names(facts.where(whole.start)):
            continue
        expected = facts.amount(totals[0]) + facts.amount(added)
        if abs(expected - facts.amount(whole)) > rounding_slack(facts, [totals[0], added], whole) + EPS:
            say, why = by_shape(report, facts, whole, expected, (totals[0], added))
            say("SUM_MISMATCH", facts.where(whole.start),
                f"{amount_text(facts.amount(totals[0]))} + {said.group('what')}{amount_text(facts.amount(added))} = "
                f"{amount_text(expected)} 万元，报告写{said.group('name')} {amount_text(facts.amount(whole))} 万元{why}"
                f"{quoted(facts, whole)}")


def _figure(value: float, decimals: int) -> str:
    """A figure as the report writes it: its decimals, thousands apart (2,186,400 not 2.1864e+06)."""
    return f"{value:,.{decimals}f}"


# a column of no sum: rates, standards, averages, unit prices, counts of points
_NOT_SUMMED = re.compile(r"率|比|%|百分点|平均|标准|单价|分值|得分|权重|序号|年份|年度|时间|日期|编号")
_ROW_OF_PARTS = re.compile(r"^\s*(?:其中|含|小计|[(（]|[-—]|\d+\s*[.、．](?!\d))|^.*小计\s*$")   # (and "竹岭乡小计")


def check_table_columns(facts: Facts, report: FindingList) -> None:
    """A table's 合计 row against the rows above it, column by column: a column of amounts or counts every row fills
    (no rate, standard or average by its header; no 其中 or 小计 row among the rows), its sum the 合计's — an error for
    a slip's shape, else a warning. A budget table's columns are checked by tables.py already."""
    header: list[str] | None = None
    rows: list[tuple[list[str], dict[int, Number]]] = []
    for line in table_lines(facts.text, facts.numbers):
        if line is None:
            header, rows = None, []
            continue
        cells, placed = line
        if header is None:
            header, rows = cells, []
            continue
        at = {column: n for column, n in placed}
        name = row_name(cells, numbered_by(header))
        if not FOOT_ROW.match(re.sub(r"\s", "", name)):
            rows.append(([name], at))
            continue
        if len(rows) >= 2 and not any(_ROW_OF_PARTS.match(r[0][0] if r[0] else "") or not (r[0] and r[0][0]) for r in rows):
            for column, whole in at.items():
                _column_off(facts, report, header, column, whole, [r[1].get(column) for r in rows])
        elif (grouped := _under_subtotals(facts, rows)) is not None:
            top, groups = grouped
            for column, whole in at.items():
                if all(all(column in r for r in group) and column in subtotal
                       and not parts_off(facts, [r[column] for r in group], subtotal[column]) for group, subtotal in groups):
                    # (a 小计 off its own rows in this column: that 小计's slip — the 合计 is not said of)
                    _column_off(facts, report, header, column, whole, [r.get(column) for r in top])
        header, rows = None, []


def _under_subtotals(facts: Facts, rows: list) -> tuple[list[dict], list] | None:
    """The rows a 合计 adds up where 小计 rows stand after their own ("省级补助 | 市级补助 | 上级资金小计 | 县级配套 | …"): each
    小计 for the rows since the one before it — where, in some column, they do come to it — and the rows after the last
    (with the groups: each 小计's rows and the 小计); None: no such table (a 小计 over its rows, a row of another kind)."""
    named = [("小计" if re.sub(r"\s", "", r[0][0]).endswith("小计") else r[0][0], r[1]) for r in rows if r[0] and r[0][0]]
    if len(named) != len(rows) or not any(name == "小计" for name, _ in named) \
            or any(_ROW_OF_PARTS.match(name) for name, _ in named if name != "小计"):
        return None
    groups = subtotalled(named)
    if not groups:
        return None
    for group, subtotal in groups:
        if not any(all(column in r for r in group) and not parts_off(facts, [r[column] for r in group], whole)
                   for column, whole in subtotal.items()):
            return None     # (no column where its rows come to it: those rows may not be its)
    last = max(k for k, (name, _) in enumerate(named) if name == "小计")
    return [cells for name, cells in named[:last + 1] if name == "小计"] + [cells for _, cells in named[last + 1:]], groups


def _column_off(facts: Facts, report: FindingList, header: list[str], column: int, whole: Number, parts: list) -> None:
    if column >= len(header) or not re.search(r"[\u4e00-\u9fff]", header[column]) or _NOT_SUMMED.search(header[column]) \
            or None in parts or whole.is_rate \
            or any(p.is_rate or p.unit != whole.unit for p in parts) or report.names(facts.where(whole.start)):
        return
    total = sum(p.value for p in parts)
    if abs(excel_round(total, whole.decimals) - whole.value) < max(EPS, 0.5 * 10 ** -whole.decimals * len(parts)):
        return      # (parts each rounded: the 合计 may be off their sum by their roundings)
    value = lambda n: n.value      # noqa: E731 (the column's own figures, in the unit they share)
    if adds_up_righted(parts, whole, righted_cells(facts, value), value) or parts_of_rows_left_out(facts, parts, whole):
        return      # (a row off its own 合计 cell: that row is the slip, said of it — the column adds up once it is righted;
        # rows under another adding up to it, its unmarked 其中 rows)
    say, why = by_shape(report, facts, whole, total / 10000 if whole.unit == "元" else total, tuple(parts))
    say("SUM_MISMATCH", facts.where(whole.start),
        f"「{header[column]}」一列各行之和 {_figure(total, whole.decimals)}，合计行写 {_figure(whole.value, whole.decimals)}"
        f"{why}{quoted(facts, whole)}")
