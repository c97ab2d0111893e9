"""What a report states: its amounts and rates by scope and measure, its 其中 lists, each
indicator's target/direction/actual/completion/weight/self score, item scores, the total and
the grade — each with the sentence it came from.  Patterns follow the structure the seeds
share (a labelled number, 其中 lists, one paragraph per indicator), not their wording."""
from __future__ import annotations

import functools
import re

from .document import Document
from .facts import Facts, Indicator, PartsList
from .rate_clauses import scored_rates
from .rate_items import rate_items, rows_own_lines
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
from .names import items_said_twice, BOUND_WORDS, HEADING_NAME, indicator_name, names_tidied
from .paired_indicators import TARGET_SAID, paired_indicators
from .joined import achieved_joined, scored_items_joined, targets_joined
from .rows_and_sentences import form_rows_as_indicators
from .scored import scored_statements, scored_together
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
    paired_indicators(facts)
    goals_and_results(facts)
    labelled_results(facts)
    form_rows_as_indicators(facts, forms)
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
        if len(TARGET_SAID.findall(text, start, end)) >= 2:
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
