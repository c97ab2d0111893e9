"""What a report states: its amounts and rates by scope and measure, its 其中 lists, each
indicator's target/direction/actual/completion/weight/self score, item scores, the total and
the grade — each with the sentence it came from.  Patterns follow the structure the seeds
share (a labelled number, 其中 lists, one paragraph per indicator), not their wording."""
from __future__ import annotations

import dataclasses
import functools
import re

from ..core.parsing import DIRECTIONS, text_key
from .deductions import states_per_point
from .document import Document
from .group_points import group_points_left_out
from .facts import Facts, Indicator, PartsList, named_already
from .rate_clauses import scored_rates
from .rate_items import rate_items, rows_own_lines
from .form_records import Forms
from .forms import read_forms
from .dated import dated_indicators
from .dates import achieved_on, date_after, is_date
from .execution_points import execution_points
from .apart import goals_and_results, results_of_goals, targets_from_goals
from .bracket_led import bracket_led_items
from .group_rest import rest_of_a_group_in_full
from .headed import headed_indicators
from .items import read_items
from .lists import classified_lists, composed_lists, counted_lists, detailed_lists
from .masthead import department, fiscal_year
from .numbers import Number, direction_after, direction_before, numbers, sentence_bounds
from .numbered import numbered_paragraphs
from .names import items_said_twice, BOUND_WORDS, HEADING_NAME, NAME_PREFIX, indicator_name, names_tidied
from .plain import FIGURE, LIST_MARK
from .joined import achieved_joined, scored_items_joined, targets_joined
from .scored import points_and_score_after, scored_statements, scored_together
from .sums import rates_after_parts, read_sums, sums_said_after
from .tables import amount_tables, column_sums
from .text import CELL, ReportText
from .totals import STRONG_TOTAL, report_grade, total_and_grade
from .vocabulary import words
from .each_points import points_for_each, points_of_the_above, rest_in_full
from .bracketed import bracketed_targets
from .named_targets import targets_in_row_names
from .respectively import respectively_said
from .rule_targets import compared_lines, rule_targets
from .statements import ADJUSTED_GOAL, falls_signed, goals_in_statements, scored_sentences, scores_alone, unsigned_ceilings
from .weighted import labelled_results, weighted_indicators

_TARGET = words()["target"]
_ACHIEVED_THEN_BRACKET = re.compile(r"[\u4e00-\u9fff]\s*\d[\d,]*(?:\.\d+)?\s*[^\d\s，,；;。()（）、]{0,5}?\s*[（(]\s*(?:年度|全年)?$")
_TIER = re.compile(r"档次(?:为|是)?[:：]?\s*[“\"「]([^”\"」]{2,20})[”\"」]")
_ACTUAL = words()["actual"]
_MIDYEAR = words()["midyear"]
_SELF_SCORE = words()["self_score"]


# the words of a scoring rule in a row's 偏差原因 cell: its score follows that rule, not its completion alone
_RULE_IN_REASON = re.compile(r"扣\s*\d|不扣分|[得计]\s*\d+(?:\.\d+)?\s*分|满分|不得分|分档|计分")   # (not "按比例计分": the usual rule)


def read_facts(report: ReportText) -> Facts:
    document = Document(report.text)
    # a rule or a form's instructions ("注：执行率低于90%的须说明原因") states no figure of the report
    facts = Facts(report, [n for n in numbers(report.text) if not document.is_rule(n.start)], document=document)
    facts.fiscal_year = fiscal_year(report.text)
    forms = read_forms(report.text, facts.numbers)      # tables first
    used = forms.used
    for n in facts.numbers:
        if id(n) in used:
            n.part = True                               # a form's figure, not a sentence's
    facts.form_amounts, facts.form_rates, facts.forms = forms.amounts, forms.rates, forms
    facts.tables = amount_tables(report.text, facts.numbers)   # each row of amounts against itself
    facts.column_sums = column_sums(report.text, facts.numbers, facts.tables)   # each column against its 合计 row
    read_sums(facts)
    sums_said_after(facts)
    rates_after_parts(facts)
    listed = counted_lists(document, facts.numbers) + detailed_lists(report.text, facts.numbers)
    for whole, parts in listed:      # "共有4个项目，预算合计…" and its items; "…共到位…。具体…如下：…；…"
        for n in parts:
            n.part = True
        facts.sums.append(PartsList(whole, parts, one_statement=False))
    for whole, parts in classified_lists(report.text, facts.numbers):   # "全年支出…。按支出功能分类，…支出…、…"
        for n in parts:
            n.part = True
        facts.sums.append(PartsList(whole, parts, one_statement=False, slips_only=True))
    for whole, parts in composed_lists(report.text, facts.numbers):   # "X由A…、B…组成": every part, named
        for n in parts:
            n.part = n.part or n.measure is None   # (a part that is a headline figure — 年初预算… — stays one)
        together = whole.sentence == parts[-1].sentence
        facts.sums.append(PartsList(whole, parts, one_statement=together, every_part=together))
    _indicators(facts)
    weighted_indicators(facts)
    _paired_indicators(facts)
    goals_and_results(facts)
    labelled_results(facts)
    _form_indicators(facts, forms)
    read_items(facts)
    bracket_led_items(facts)       # ("绩效目标合理性（5分），…扣0.5分，得4.5分。")
    execution_points(facts)
    headed_indicators(facts)
    scored_together(facts)
    names_tidied(facts)
    scored_items_joined(facts)
    scored_statements(facts)
    scored_sentences(facts)
    goals_in_statements(facts)
    scores_alone(facts)            # (of the indicators read so far, those too: "…目标为90%，年末达到88.4%，得9.82分")
    scored_rates(facts)            # (a rate scored in a clause of its own, no points said: what no reader took)
    respectively_said(facts)       # ("A、B分别为39.12万亩、12,486户，完成率分别为…")
    bracketed_targets(facts)       # ("…开放306天（指标值不少于300天）")
    targets_from_goals(facts)
    rule_targets(facts)
    points_for_each(facts)         # ("…8项，每项5分。A、B…6项均达到目标值，各得5分")
    points_of_the_above(facts)     # ("A得10.13分，B得9.25分，…，以上5项每项分值10分")
    rest_in_full(facts)            # ("A 8分、B 6分…。除B一项…得5.5分外，其余6项均得满分")
    rest_of_a_group_in_full(facts)  # ("产出指标除A一项…得7.57分外，其余5项均得满分": a table's group)
    scored_items_joined(facts)     # (the items those two read: "A（15分）、B（10分）均得满分")
    targets_in_row_names(facts)    # ("| 入库物资抽检合格率（100%） | 8 | 8 |": a row no indicator read is)
    targets_joined(facts)
    results_of_goals(facts)       # (a goal no row or statement took: its result said alone, by its name)
    achieved_joined(facts)         # (a row unscored, a statement of what it achieved scored: "应急演练完成38场，…得4.5分")
    scored_items_joined(facts)     # (by the goals' names those two gave)
    rate_items(facts)              # (a 评分表's row of a rate no statement read: "结转结余率 | 5 | 5" and "结转结余率3.16%")
    rows_own_lines(facts)          # (a row's 评分标准 opening with its line: "| 在职人员控制率 | 4 | ≤100%得4分，… | 4 |")
    dated_indicators(facts)        # ("…完成时限为2023年11月30日前，实际于11月20日全部完工（5分，得5分）")
    compared_lines(facts)          # ("项目预算调剂比例23.83%，超过20%控制线…": the line after a rate read without target)
    falls_signed(facts)
    unsigned_ceilings(facts)       # ("| 群众投诉率 | 3% | 1.2% |": less is better, kept under)
    execution_points(facts)        # (again: an execution item read since, without its points)
    names_tidied(facts)
    numbered_paragraphs(facts)     # ("5.农民工工资拖欠案件结案率。分值8分。…结案率91.2%，…得7.86分": its name and points)
    items_said_twice(facts)
    totals = total_and_grade(facts)
    if forms.total is not None and (facts.total is None or not STRONG_TOTAL.search(facts.total.label)):
        facts.total = forms.total   # a form's 总分 row before a bare "得分" of a sentence
    report_grade(facts, totals)
    facts.dept_name = department(report.text)
    return facts


# ------------------------------------------------------------------ 其中 lists (sums.py)
_CLAUSE_END = re.compile(r"[;；]")
_NUMBERED_LINE = re.compile(r"\n\s*(?:\d{1,2}\s*[.、．](?!\d)|[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|[①-⑳])")


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
        # (a rule the row states in its 偏差原因 cell — "…；按每低1个百分点扣1分计分" — is its own as well)
        # (… or any rule of points: "未完成1个扣2分", "按完成率分档计分", "差距在10%以内不扣分")
        rule = f.rule or (f.reason if f.reason and (states_per_point(f.reason) or _RULE_IN_REASON.search(f.reason)
                                                    and not words()["proportional_rule"].search(f.reason)) else "")
        ind = Indicator(0, f.name, f.start, f.level1, f.direction, f.target, f.actual, weight=f.weight,
                        self_score=f.score, deviation_reason=f.reason, own_rule=rule,
                        completion=f.completion if f.completion is not None and f.completion.is_rate else None,
                        previous=f.previous)
        row_end = facts.text.find("\n", f.start)
        ind.end = row_end if row_end >= 0 else len(facts.text)   # a form's indicator is its row, no more
        if f.direction == "定性":   # the tier chosen is the target cell's; the coefficient the actual's
            ind.target, ind.tier = None, f.target_text
            # the actual cell is the 评价系数 only when it is a percentage alone ("90%"); a figure in
            # words ("下降12%") is what was achieved, read but not scored against a target of words
            alone = re.fullmatch(r"\s*\d+(?:\.\d+)?\s*%\s*", f.actual_text or "")
            ind.coefficient = f.actual if f.actual is not None and f.actual.is_rate and alone else None
            ind.actual = None if ind.coefficient is not None else f.actual
            ind.tier_achieved = f.actual_text if f.actual is None and not re.search(r"\d", f.actual_text or "") else ""
        read.append(ind)
    # a goals table's row (its target alone) and the 自评表's row of that name below, with its own target: one
    # indicator, the latter (a row without a target takes the goal's: targets_joined)
    group_points_left_out(read)
    read = _completions_and_scores_joined(read)
    achieved = {text_key(i.name) for i in read if i.target is not None and (i.actual is not None or i.self_score is not None)}
    read = [i for i in read if i.actual is not None or i.self_score is not None or i.weight is not None
            or text_key(i.name) not in achieved]
    dropped = [i for i in facts.indicators if i not in prose]
    for said in dropped:     # a row without its target, a sentence stating it ("| 故障平均修复时间 | 10 | 56小时 | 8.57 |"
        _target_said_of_row(said, read)     # and "…修复时间目标≤48小时，实际平均56小时，…完成率…")
        _points_said_of_row(said, read)
    facts.restated = [r for i in dropped if (r := _restated(i, read)) is not None
                      and (r.completion is not None or r.self_score is not None)]
    facts.indicators = read + prose
    for row, ind in enumerate(facts.indicators, 1):
        ind.row = row


def _completions_and_scores_joined(read: list[Indicator]) -> list[Indicator]:
    """A completion table's row (目标 | 完成值 | 完成率, no points) and the 自评表's one row of that name, target and actual
    with its 分值 and 得分: one indicator, the scored row (the completion the first states its own where it has none)."""
    scored: dict[str, list[Indicator]] = {}
    for i in read:
        if i.weight is not None and i.self_score is not None:
            scored.setdefault(text_key(i.name), []).append(i)
    same = lambda a, b: (a is None) == (b is None) and (a is None or abs(a.value - b.value) < 1e-9)  # noqa: E731
    kept = []
    for i in read:
        twins = scored.get(text_key(i.name), [])
        if i.weight is None and i.self_score is None and len(twins) == 1 \
                and same(i.target, twins[0].target) and same(i.actual, twins[0].actual):
            twins[0].completion = twins[0].completion or i.completion
            continue
        kept.append(i)
    return kept


def _target_said_of_row(said: Indicator, rows: list[Indicator]) -> None:
    """The one row of the sentence's name stating what it achieved but no target: the sentence's target and
    direction are the row's (said apart: its score a warning); the sentence's completion is checked as it
    restates the row (_restated)."""
    if said.target is None or said.actual is None:
        return
    named = [r for r in rows if r.target is None and r.actual is not None and r.actual.value == said.actual.value
             and r.direction != "定性" and (text_key(r.name) in text_key(said.name) or text_key(said.name) in text_key(r.name))]
    if len(named) == 1:
        row = named[0]
        row.target, row.direction = said.target, said.direction or row.direction
        row.scored_apart = row.scored_apart or "目标取自正文，实际值与得分取自表格"


def _points_said_of_row(said: Indicator, rows: list[Indicator]) -> None:
    """A form of no 分值 column (its 得分 only) and the sentence restating a row of it with its points ("①统防统治服务面积：
    …该指标分值8分，自评得8分" beside "| 统防统治服务面积 | ≥12万亩 | 12.6万亩 | 8 |"): the one row of that name and that
    score takes the sentence's points."""
    if said.weight is None or said.self_score is None:
        return
    named = [r for r in rows if r.weight is None and r.self_score is not None and r.self_score.value == said.self_score.value
             and text_key(r.name) == text_key(said.name)]
    if len(named) == 1:
        named[0].weight = said.weight


def _restated(said: Indicator, rows: list[Indicator]) -> Indicator | None:
    """The sentence's indicator as the form's row that states its target and actual (its direction
    the row's, "≥80场" where the sentence says "目标80场"), with the sentence's own completion — for that
    completion to be checked — and its own points and score where its score is not the row's ("…实际63.5%，
    得4.5分（分值5分）" beside the row's 5); None: no row states its figures."""
    row = next((r for r in rows if said.target is not None and said.actual is not None and r.target is not None
                and r.actual is not None and r.target.value == said.target.value and r.actual.value == said.actual.value
                and said.direction in (r.direction, None, "=")), None)
    if row is None:
        return None
    scored_otherwise = said.weight is not None and said.self_score is not None and row.self_score is not None \
        and said.self_score.value != row.self_score.value and (row.weight is None or said.weight.value == row.weight.value)
    return dataclasses.replace(said, direction=row.direction, own_rule=row.own_rule,
                               weight=said.weight if scored_otherwise else None,
                               self_score=said.self_score if scored_otherwise else None)


def _indicators(facts: Facts) -> None:
    text = facts.text
    starts = []
    for match in _TARGET.finditer(text):
        start, end = sentence_bounds(text, match.start())
        if CELL in text[start:end]:
            continue   # a table's header, not an indicator's sentence
        if re.match(r"\s*的", text[match.end():]) and re.search(r"(?:达到|完成|为|占)\s*$", text[start:match.start()]):
            continue   # "…，达到目标值的94.00%": a completion, said of the indicator before it
        if re.search(r"(?:低于|高于|超过|未达到?|优于)\s*\d+(?:\.\d+)?\s*[%‰]?\s*的\s*$", text[start:match.start()]):
            continue   # "…72.42%，低于75%的指标值2.58个百分点": a comparison with its target, no indicator's opening
        if len(_TARGET_SAID.findall(text, start, end)) >= 2:
            continue   # several indicators in one sentence, each its target and actual: read one by one below
        if re.match(r"\s*[÷/×*]", text[match.end():]) or re.search(r"[÷/×*]\s*$", text[start:match.start()]):
            continue   # "按逆向指标“目标值÷实际值”计算": a formula's words, no target
        if _ACHIEVED_THEN_BRACKET.search(text, start, match.start()):
            continue   # "0—6岁儿童健康管理率88.2%（指标值≥90%），…完成率98.00%": what was achieved, then its target in
            # brackets — the name before the figure (bracketed.py), not all the words before the bracket
        clause = None
        if len(_TARGET.findall(text, start, end)) >= 2 and _CLAUSE_END.search(text, start, end):
            # "…年度目标值≥1,800批次，实际完成1,862批次，分值8分，得8分；…年度目标值≥6,000批次…": several
            # indicators in one sentence, each a clause, from the ； before it to the ； that ends it (one
            # indicator's own ；— "年中监控完成值：68场；自评完成值：130场" — is no end of it)
            before = [m.end() for m in _CLAUSE_END.finditer(text, start, match.start())]
            start = before[-1] if before else start
            ends = _CLAUSE_END.search(text, match.end(), end)
            clause = ends.start() if ends else end
        elif (before := [m.end() for m in _CLAUSE_END.finditer(text, start, match.start())]) \
                and indicator_name(text[before[-1]:match.start()]):
            # "…亩均产量612公斤，完成率102.00%，得10分；…化肥施用量38.5公斤，指标值≤40公斤，完成率103.90%": the target's
            # own clause named, its indicator from there (the clauses before it are others')
            start = before[-1]
        closed = [m for m in re.finditer(r"[(（][^()（）]*分[^()（）]*[)）]", text[start:match.start()])]
        if closed and re.search(r"[\u4e00-\u9fff]{2}", text[start + closed[-1].end():match.start()]) \
                and not re.match(r"\s*[:：]", text[start + closed[-1].end():]):   # ("养老金领取人数（8分）：全年目标值…": its own)
            start += closed[-1].end()   # "（二）产出指标（分值50分，得49.5分）小型水库…，指标值为77座": the group's
            # points are not its own — but "统计数据差错率（7分），目标值≤0.5%": its own, its name before them
        if starts and starts[-1][0] == start:
            continue
        starts.append((start, match, clause))
    for row, (start, match, clause) in enumerate(starts, 1):   # renumbered below
        before = text[start:match.start()]
        own = _OWN_POINTS.search(before)       # "统计数据差错率（7分），目标值…": its points after its name
        name = indicator_name(_OWN_POINTS.sub("", before) if own else before)
        if not name:       # "4.托养照护。年度指标值为…": the sentence opens after its heading, which names it
            heading = HEADING_NAME.search(text, text.rfind("\n", 0, start) + 1, start)
            name = heading.group("name") if heading else ""
        ind = Indicator(row, name, start, end=clause)
        ind.weight = facts.number_at(start + own.start("points")) if own else None
        facts.indicators.append(ind)
    for ind in list(facts.indicators):
        # its lines up to the next numbered one's ("3.…验收合格率…100%。\n该项合计…\n（四）…得10分": not theirs)
        following = _NUMBERED_LINE.search(text, ind.start + 1)
        end = min(facts._end_of(ind), following.start() if following else len(text))
        ind.end = end
        inside = [n for n in facts.numbers if ind.start <= n.start < end]
        target_at = _TARGET.search(text, ind.start)
        after = [n for n in inside if n.start >= target_at.end()]
        if target_at.group(0) == "定性指标":
            tier = _TIER.search(text, target_at.end(), end)
            ind.direction, ind.tier = "定性", tier.group(1) if tier else ""
            ind.coefficient = next((n for n in inside if "系数" in n.label and n.is_rate), None)
        elif after and not re.search(r"[,，;；。\n]", text[target_at.end():after[0].start]):
            ind.target = after[0]
            adjusted = list(ADJUSTED_GOAL.finditer(text, after[0].end, end))
            if len(adjusted) == 1 and (raised := facts.number_at(adjusted[0].end())) is not None \
                    and raised.unit == after[0].unit:
                ind.target = raised     # ("年初指标值为不少于1,900批次，7月…调增为不少于2,000批次": the year's last)
            ind.direction = direction_before(ind.target.label) or direction_after(text, ind.target.end) or "="
        elif (dated := date_after(text, target_at.end(), inside[0] if inside else None)) is not None:
            # "…完成时限：年度目标值为2023年12月31日前完成，实际于2023年12月20日完成，分值6分，得6分" (dates.py)
            ind.target, ind.direction = dated, "="
            ind.actual = achieved_on(text, dated.end, end, inside[0])
        for n in inside:
            if n is ind.target or n is ind.coefficient:
                continue
            if ind.self_score is not None and re.search(r"[;；\n]", text[ind.self_score.end:n.start]):
                break     # "…得5分；预算执行率…实际执行率96.52%…": once scored, the next clause (or paragraph) is another's
            if ind.self_score is not None and ind.actual is not None and _ACTUAL.search(n.label) \
                    and "。" in text[ind.self_score.end:n.start] \
                    and _ANOTHER_NAMED.match(text, sentence_bounds(text, n.start)[0]):
                continue  # ("…实际完成16座，…得6.22分。水土流失治理面积目标…，实际12.4平方公里": another's)
            if n.measure == "completion" and ind.completion is None and n.is_rate:
                ind.completion = n        # ("按完成比例计得8.51分" is a score, no completion)
            elif n.measure == "deviation" and ind.deviation is None:
                ind.deviation = n
            elif ind.weight is None and (n.measure == "weight" or n.unit == "分" and n.measure is None
                                         and _POINTS_THEN_ITS_SCORE.match(text, n.start - 1)):
                ind.weight = n        # ("…平均响应时间31小时（5分，得5分）": its points in brackets before its score)
            elif n.unit in ("分", "") and (n.measure == "score" or _SELF_SCORE.search(n.label)) \
                    and ind.self_score is None and not re.search(r"合计|小计|共计", n.label):   # (a group's sum)
                ind.self_score = n
            elif _ACTUAL.search(n.label) and not _MIDYEAR.search(n.label):
                ind.actual = n   # the last one: 自评/本次评价 完成值 after 年中 完成值
        if ind.actual is None and ind.target is not None and not is_date(ind.target):
            ind.actual = _achieved_first(facts, ind, target_at.start()) or _achieved_unsaid(text, ind, inside)
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


def _achieved_first(facts: Facts, ind: Indicator, target_at: int) -> Number | None:
    """"80岁以上老年人助餐覆盖率57%，指标值60%，…": what was achieved said right after the name, before its
    target — the name's own clause ends with it (the name then loses it)."""
    before = [n for n in facts.numbers if ind.start <= n.start < target_at]
    if not before or not re.fullmatch(rf"\s*[^\d,，;；。\s]{{0,4}}\s*[,，]\s*(?:{BOUND_WORDS})?\s*", facts.text[before[-1].end:target_at]):
        return None     # (its unit may stand after it: "全年改造供热管网43.6公里，指标值为不少于42公里")
    said = before[-1]
    if said.unit != ind.target.unit or said.measure in ("share", "completion", "weight", "score") \
            or _NOT_ACHIEVED.search(said.label) or _MIDYEAR.search(said.label):
        return None
    figure = facts.text[said.start:said.end]
    with_unit = re.search(re.escape(figure) + r"\s*[^\d,，;；。\s]{0,4}$", ind.name)
    if with_unit:
        ind.name = ind.name[:with_unit.start()].strip()
    return said


# a sentence that opens with another indicator's name and its target ("水土流失治理面积目标12平方公里，…")
_ANOTHER_NAMED = re.compile(r"\s*(?!该|其|本|经|全年|实际|完成|年度|此)[\u4e00-\u9fff“”\"]{2,20}?(?:年度)?(?:目标|指标值)")
_POINTS_THEN_ITS_SCORE = re.compile(r"[(（]\s*\d+(?:\.\d+)?\s*分\s*[,，]\s*(?:自评)?(?:得分|实得|得)")
_NOT_ACHIEVED = re.compile(r"目标|计划|指标值|预期|上年|去年|同期|以前|标准|要求|未完成|剩余|尚余|尚有|差额|缺口")


def _achieved_unsaid(text: str, ind: Indicator, inside: list) -> Number | None:
    """What was achieved when no word says so ("…年度目标值≥97%，全年抽检合格1,818批次，合格率97.6%，
    分值8分": the figure in the target's unit after it — the last one before the score, none after
    it — of no goal, no earlier year, no rate of another measure)."""
    end = ind.self_score.start if ind.self_score is not None else ind.weight.start if ind.weight is not None else None
    end = min(end or len(text), sentence_bounds(text, ind.target.start)[1])     # its own sentence's
    found = [n for n in inside if ind.target.start < n.start < end
             and n.unit == ind.target.unit and n.measure not in ("share", "completion", "deviation", "weight", "score")
             and n not in (ind.completion, ind.deviation, ind.weight, ind.self_score)
             and not _NOT_ACHIEVED.search(n.label) and not _MIDYEAR.search(n.label)]
    return found[-1] if found else None


# "不动产登记发证年度指标≥6000件，实际完成6418件": a target with its direction, then what was
# achieved, one clause after the other (or both in brackets after the name: "…以内（年度指标≤12万元，…")
_PAIRED = re.compile(r"(?P<name>(?:[^,，;；。:：\n()（）]|[(（][^()（）\n]{1,10}[)）]){2,30}?)"
                     # "馆藏档案数字化页数8分，目标…": its points after its name
                     r"(?:\s*(?:分值|权重)?\s*(?P<points>\d+(?:\.\d+)?)\s*分)?"
                     r"\s*(?:[:：,，]\s*(?=年度|计划|目标|指标))?[(（]?\s*"
                     r"(?:(?:绩效)?(?:年度指标值?|年度计划|年度目标|计划|目标值?|指标值?)?\s*(?:为|是)?\s*"
                     r"(?P<dir>≥|≤|>=|<=|不低于|不少于|不高于|不超过|大于等于|小于等于|>|<)|(?:绩效)?(?:年度指标值?|年度目标值?|目标值?)\s*(?:为|是)?)\s*"
                     rf"(?P<target>{FIGURE})\s*(?P<unit>[^\d,，;；。\s]{{0,6}}?)\s*[,，]\s*"
                     # (… "实际…", or "全年完成…")
                     rf"(?:[^\d,，;；。\n]{{0,6}}?)(?:实际|全年完成(?!率|比例))[^\d,，;；。\n]{{0,8}}?"
                     rf"(?P<actual>{FIGURE})\s*(?P<unit2>[^\d,，;；。\s]{{0,6}})"
                     r"(?:\s*[,，]\s*(?:(?:目标)?(?:完成率|完成比例)|完成(?:年度)?(?:目标|计划)值?的)\s*(?:为|达)?\s*(?P<completion>\d+(?:\.\d+)?)\s*%)?"
                     # "…，得3.70分（分值4分）": its score and points after it, in its sentence (or the points
                     # before: "…8分，目标…，实际…，得6.97分")
                     r"(?:[^。；;\n]{0,40}?[,，]\s*得\s*(?P<score>\d+(?:\.\d+)?)\s*分(?:\s*[(（]\s*(?:分值|权重|满分)\s*"
                     r"(?P<weight>\d+(?:\.\d+)?)\s*分\s*[)）]|(?=[;；。]|$)))?")
# "村道硬化计划2.4公里，已完成2.16公里，完成率92%": a plan, what was done, and (maybe) the rate
_PLANNED = re.compile(r"(?P<name>[^,，;；。:：\n()（）]{2,30}?)\s*(?:(?<=[^\d\s])指标\s*[,，:：]|[:：])?\s*(?:年初|年度|全年)?(?:计划|目标)\s*(?:为|是|达到)?\s*"
                      rf"(?P<target>{FIGURE})\s*(?P<unit>[^\d,，;；。\s]{{0,4}}?)\s*(?:以上|及以上)?\s*[,，]\s*"
                      # ("…，实际460人", "…，全年建成108座": the verb may be left out, or be the name's)
                      r"(?:(?:已|实际|共)\s*(?:完成|为|达到|建成|实现)?|(?:全年|年末|年底)\s*(?:完成|建成|实现|达到|共))\s*"
                      rf"(?P<actual>{FIGURE})\s*(?P<unit2>[^\d,，;；。\s]{{0,4}}?)"
                      r"(?:\s*[,，]\s*完成率\s*(?:为|达)?\s*(?P<completion>\d+(?:\.\d+)?)\s*%)?(?=[,，;；。\s]|$)")
# "计划完成粪肥还田面积10万亩，实际完成10.36万亩", "计划建设贮存池40座，实际建成38座，完成计划的95%":
# the plan's verb before the name, what was done after
_PLAN_VERB = "完成|培育|建设|新建|建成|开展|举办|实施|改造|培训|发放|组织"
_PLANNED_NAME = re.compile(rf"计划(?:{_PLAN_VERB})(?P<name>[^\d,，;；。:：\n()（）]{{2,20}}?)\s*(?P<target>{FIGURE})\s*"
                           r"(?P<unit>[^\d,，;；。\s]{0,4}?)\s*[,，]\s*(?:已|实际|共)\s*(?:" + _PLAN_VERB + r")?\s*"
                           rf"(?P<actual>{FIGURE})\s*(?P<unit2>[^\d,，;；。\s]{{0,4}}?)"
                           r"(?:\s*[,，]\s*完成(?:计划|目标)?的?\s*(?P<completion>\d+(?:\.\d+)?)\s*%)?(?=[,，;；。\s]|$)")
# "场馆免费开放306天（目标不少于300天）", "群众满意度97.1%，达到年度目标（≥90%）", "…路径24套，目标20套":
# what was achieved first, the target after it
_ACHIEVED_FIRST = re.compile(rf"(?P<name>[^,，;；。:：\n()（）\d]{{2,30}}?)\s*(?P<actual>{FIGURE})\s*(?P<unit2>[^\d,，;；。\s()（）]{{0,4}}?)"
                             r"\s*(?:[(（]\s*(?:年度)?目标(?:值)?(?:为)?|[(（,，]\s*控制在|[,，]\s*(?:完成|达到|超过|高于|优于|低于|未达到)(?:了)?(?:年度)?目标\s*[(（]"
                             r"|[,，]\s*(?:年度)?(?:目标(?:值)?|指标值)(?:为)?)\s*"
                             r"(?P<dir>≥|≤|>=|<=|不低于|不少于|不高于|不超过|大于等于|小于等于)?\s*"
                             rf"(?P<target>{FIGURE})\s*(?P<unit>[^\d,，;；。\s()（）]{{0,4}}?)\s*(?P<within>以内|以下|及以下|以上|及以上)?\s*(?=[)）,，;；。]|[(（]\s*(?:分值|权重|满分)|$)"
                             # "…6,184台件，年度目标6,500台件，完成率95.41%": and the completion stated after
                             r"(?:[)）]?\s*[,，]\s*完成率\s*(?:为|达)?\s*(?P<completion>\d+(?:\.\d+)?)\s*%)?")
# "开展科普培训场次绩效目标值是40场，实际完成值为52场，目标完成率为130%": a target said as such, no sign
_TARGET_SAID = re.compile(r"(?P<name>[^\d,，;；。:：\n()（）]{2,30}?)\s*(?:绩效)?(?:年度)?(?:目标值|指标值)\s*(?:是|为)\s*"
                          rf"(?P<target>{FIGURE})\s*(?P<unit>[^\d,，;；。\s]{{0,4}}?)\s*[,，]\s*实际(?:完成值?|达到)?\s*(?:为|是)?\s*"
                          rf"(?P<actual>{FIGURE})\s*(?P<unit2>[^\d,，;；。\s]{{0,4}}?)"
                          r"(?:\s*[,，]\s*(?:目标)?完成率\s*(?:为|达)?\s*(?P<completion>\d+(?:\.\d+)?)\s*%)?(?=[,，;；。\s]|$)")
# "执法案件办结率98.5%，高于95%的目标", "森林火灾受害率0.12‰，低于0.9‰的控制目标": achieved first, then the
# target it is compared with (a 控制 target is a ceiling, else a floor)
_ACHIEVED_AGAINST = re.compile(rf"(?P<name>[^,，;；。:：\n()（）\d]{{2,30}}?)\s*(?:为|达到|达)?\s*(?P<actual>{FIGURE})\s*(?P<unit2>[^\d,，;；。\s()（）]{{0,4}}?)\s*[,，]\s*"
                               r"(?P<cmp>高于|超过|优于|达到|低于|未达到|未达)\s*(?:年度)?(?:目标值?)?\s*(?P<dir>不低于|不少于|不高于|不超过)?\s*"
                               rf"(?P<target>{FIGURE})\s*(?P<unit>[^\d,，;；。\s()（）的]{{0,4}}?)\s*"
                               # ("…达到不低于67.5%的目标", "…低于3.3‰的控制指标2.5个千分点": the sign said, the margin after)
                               r"的\s*(?:年度)?(?P<ceiling>控制)?(?:目标值?|目标要求|要求|指标)(?=[)）(（,，;；。]|$|\d[\d.]*\s*个(?:百分点|千分点))")
# "1.新建高标准农田。年度目标不少于3.2万亩，实际建成3.36万亩…。该指标分值10分，得分10分。": a numbered
# paragraph titled by the indicator's name, its target and what was achieved after the title
_TITLED = re.compile(r"^[^\S\n]*" + LIST_MARK + r"\s*(?P<name>[^。\n,，:：;；\d]{2,30}?)\s*(?:[。:：]|(?=目标))\s*"
                    r"(?:年度|全年)?(?:目标值?|指标值|计划)\s*(?:为|是)?\s*"
                    r"(?P<dir>≥|≤|>=|<=|不低于|不少于|不高于|不超过|大于等于|小于等于)?\s*"
                    rf"(?P<target>{FIGURE})\s*(?P<unit>[^\d,，;；。\s]{{0,6}}?)\s*(?:以上|以内)?\s*[,，；;]\s*"
                    rf"[^。\n]{{0,30}}?实际[^\d。\n]{{0,12}}?(?P<actual>{FIGURE})\s*(?P<unit2>[^\d,，;；。\s]{{0,6}})", re.M)
_FUNDS_NAME = re.compile(r"^(?:项目|基本|全年|本年|年度|部门|整体)?(?:支出|预算数?|执行数|拨款|资金|收入)$")   # (not "“三公”经费支出")
_NAME_NOISE = re.compile(r"^(?:全年|年度|其中|截至年底|本年度|当年|该指标|本指标)|(?:年度计划|年度|计划|预期)$")


_FORMULAS_WORDS = re.compile(r"[÷×＝=]|计算为$")
_ASIDE_AFTER = re.compile(r"[^\d,，;；。\s()（）]{0,6}\s*[(（][^()（）\n]{1,60}[)）]")
_COMPLETION_NEXT = re.compile(r"\s*[,，]\s*(?:目标)?(?:完成率|完成比例)\s*(?:为|达)?\s*\d")
_COMPLETION_AFTER_TARGET = re.compile(r"[^,，;；。(（]*(?:[(（]|[,，])\s*(?:完成率|完成比例)\s*(?:为)?\s*")   # (in brackets or the next clause)


_GOAL_WORD_ALONE = re.compile(r"(?:年度|全年|本年)?(?:绩效)?(?:目标值?|指标值|计划|预期)(?:为|是)?")


def _paired_indicators(facts: Facts) -> None:
    known = [text_key(i.name) for i in facts.indicators]
    spans = [(i.start, facts._end_of(i)) for i in facts.indicators]
    # (runs of spaces — a table set in columns — made sentence ends for these sentence patterns, of the same
    # length so that every offset holds: a name and the spaces around it would backtrack without end)
    text = re.sub(r"[ \u3000]{3,}", lambda m: "。" * len(m.group()), facts.text)
    matches = [*_PAIRED.finditer(text), *_PLANNED.finditer(text), *_PLANNED_NAME.finditer(text),
               *_ACHIEVED_FIRST.finditer(text), *_TARGET_SAID.finditer(text), *_TITLED.finditer(text),
               *_ACHIEVED_AGAINST.finditer(text)]
    for match in sorted(matches, key=lambda m: m.start()):
        if any(a <= match.start() < b for a, b in spans):
            continue   # inside an indicator's own paragraph: its figures are read there
        target, actual = facts.number_at(match.start("target")), facts.number_at(match.start("actual"))
        if target is None or actual is None or target.part or actual.part or CELL in match.group(0):
            continue
        nought = actual.value == 0 and not actual.unit and not match.group("unit2")   # 辍学率为0: in any unit
        if not nought and (target.unit != actual.unit or (match.group("unit") or "")[:1] != (match.group("unit2") or "")[:1]):
            continue   # 12万元 against 98600元: not compared (precision first)
        if re.match(r"\s*[%‰]", match.group("name")):
            continue   # ("…由上年的86.7%提高到89.2%": a name cut from a figure's unit names nothing)
        if match.re is _ACHIEVED_FIRST and "其中" in facts.text[sentence_bounds(facts.text, actual.start)[0]:actual.start]:
            continue   # ("开展惠民演出136场，其中…98场，…社区38场，年度目标为120场以上": a part of what was achieved)
        name = _NAME_NOISE.sub("", NAME_PREFIX.sub("", match.group("name").strip().lstrip(".、．—-"))).strip()
        if match.re is _ACHIEVED_FIRST:    # "2023年场馆免费开放…", "…1个、镇街…服务点": the name's own words
            name = name.split("、")[-1]     # (a unit cut from a figure before it: not "年末城镇登记失业率"'s 年)
            name = (re.sub(r"^[年月日个项次件]+", "", name) if re.search(r"\d\s*$", text[:match.start("name")]) else name).strip()
        if len(name) < 2 or named_already(name, known) or actual.unit in ("万元", "元") and _FUNDS_NAME.search(name) \
                or _FORMULAS_WORDS.search(name) or _GOAL_WORD_ALONE.fullmatch(name):
            continue   # (… "项目支出86.40万元（目标90万元）": the funds, no indicator; "…÷年初预算数计算为": a formula's words;
            # "1.耕地保护面积。目标≥8万亩，…": a goal's word names nothing — its heading does, headed.py)
        known.append(text_key(name))
        planned = match.re in (_PLANNED, _PLANNED_NAME, _TARGET_SAID)   # (a plan's figure is a floor …)
        completion = facts.number_at(match.start("completion")) \
            if "completion" in match.re.groupindex and match.group("completion") else None
        if completion is None:     # said later in its sentence ("…，未达目标，按…计算完成率为87.51%，该项分值10分…")
            end = sentence_bounds(facts.text, actual.end)[1]
            # ("实际开展36场次（乡镇上报38场次…），完成率95.00%": the aside's figures are not the completion — the rate
            # right after it is)
            aside = _ASIDE_AFTER.match(facts.text, actual.end)
            aside = aside if aside and _COMPLETION_NEXT.match(facts.text, aside.end()) else None
            after = [n for n in facts.numbers if (aside.end() if aside else actual.end) <= n.start < end]
            completion = after[0] if after and after[0].measure == "completion" and after[0].is_rate \
                and not after[0].part else None     # (the next figure, words only between: no other's)
            if match.re is _ACHIEVED_AGAINST and after and after[0] is target and len(after) > 1 \
                    and _COMPLETION_AFTER_TARGET.fullmatch(facts.text, target.end, after[1].start) and after[1].is_rate:
                completion = after[1]    # "…，优于48小时的目标（完成率125%）", "…的目标，完成率108.33%": right after its target
        within = match.group("within") if "within" in match.re.groupindex else None
        if match.re is _ACHIEVED_AGAINST:
            direction = DIRECTIONS[match.group("dir")] if match.group("dir") else "<=" if match.group("ceiling") \
                or match.group("cmp") == "优于" and actual.value < target.value else ">="   # (优于48小时: less is better)
        else:
            direction = ">=" if planned else DIRECTIONS[match.group("dir")] if match.group("dir") else \
                ("<=" if "下" in within or "内" in within else ">=") if within else "="
        if match.re is _TARGET_SAID and words()["cost"].search(name):
            direction = "<="     # (… a cost's a ceiling)
        if completion is not None and re.search(r"反向|逆向", facts.text[actual.end:completion.start]):
            direction = "<="     # ("…，按反向指标计算完成率113.64%": a ceiling, whatever sign its target had)
        weight, score, points = (facts.number_at(match.start(g)) if g in match.re.groupindex and match.group(g) else None
                                 for g in ("weight", "score", "points"))
        weight = weight or points
        if weight is None and score is not None:    # "…，分值8分，得8分": its points just before its score
            before = list(re.finditer(r"(?:分值|权重)\s*(?:为)?\s*(\d+(?:\.\d+)?)\s*分", facts.text[actual.end:score.start]))
            weight = facts.number_at(actual.end + before[0].start(1)) if len(before) == 1 else None
        if weight is None and score is None:
            weight, score = points_and_score_after(facts, match.end(), whole_paragraph=match.re is _TITLED)
        if (weight is None) != (score is None):
            weight = score = None      # a score without its points, or points without a score: neither read
        facts.indicators.append(Indicator(len(facts.indicators) + 1, name, match.start(), "", direction, target,
                                          actual, completion=completion,   # its sentence, not the next ones
                                          weight=weight, self_score=score,
                                          end=sentence_bounds(facts.text, match.end())[1]))


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


_OWN_POINTS = re.compile(r"[(（]\s*(?:分值|权重|满分)?\s*(?P<points>\d+(?:\.\d+)?)\s*分\s*[)）]\s*[,，:：]?\s*$")
