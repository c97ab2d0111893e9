"""A score a sentence or a row works out from figures it states itself: "预算执行率92.6%，按“20分×执行率”
计算，预算执行情况得分18.25分" — the rate, the points and the score in one sentence, so the score
is checked against points × rate (the core's ratio_score, capped at the points) at the precision
the rate is stated to; every operand is the sentence's own (precision first).  A total said with the scores it adds
up is said_total.py's."""
from __future__ import annotations

import re

from ..core.arithmetic import ratio_score
from ..core.findings import SCORE_TOLERANCE, FindingList
from ..core.parsing import text_key
from ..core.rounding import excel_round
from .bands import band_score
from .deductions import per_point_score
from .execution_points import TIMES_RULE
from .facts import Facts
from .numbers import Number, sentence_bounds, statement_start
from .plain import A_SCORE
from .stated import amount_text, at_stated, by_shape, quoted

# "20分×执行率", "20分*预算执行率", "执行率×20分"
_FORMULA = re.compile(r"(\d+(?:\.\d+)?)\s*分\s*[×xX*＊]\s*(?:预算|资金)?执行率|(?:预算|资金)?执行率\s*[×xX*＊]\s*(\d+(?:\.\d+)?)\s*分"
                      r"|(?:预算|资金)?执行率\s*[×xX*＊]\s*(?:分值|权重)|(?:分值|权重)\s*[×xX*＊]\s*(?:预算|资金)?执行率")
_SCORED = re.compile(r"得分?\s*(?:为|了)?\s*$")


def points_times(rate: Number, points: float) -> float:
    """分值 × 执行率, capped at the 分值 (the core's ratio_score)."""
    return ratio_score(rate.value / 100, points)


def score_to_four_places(rate: float, points: float) -> float:
    """分值 × 执行率 (capped) to four places — RATIO_SCORE's rounding to two of a hundred times the points — for a score a
    form rounds once to its own places."""
    return ratio_score(rate, points * 100) / 100


def follows_rate(rate: Number, points: float, score: float, places: int = 2) -> bool:
    """Whether a score is 分值 × a rate that the stated one rounds from (± half its last digit: 96.55% may
    be 96.5463%, whose score is 9.65), within the scores' own tolerance; `places`: a score kept to one place is that
    product rounded once to it (9.3 for 10 × 93.46% = 9.346, not 9.35 rounded again)."""
    half = 0.5 * 10 ** -rate.decimals
    if places == 1:
        low, high = (excel_round(score_to_four_places(max(rate.value + d, 0.0) / 100, points), 1) for d in (-half, half))
        return low - 1e-9 <= score <= high + 1e-9
    low, high = (ratio_score(max(rate.value + d, 0.0) / 100, points) for d in (-half, half))   # (a rate of 0%: none below)
    return low - SCORE_TOLERANCE < score < high + SCORE_TOLERANCE


def check_said_execution(facts: Facts, report: FindingList) -> None:
    text = facts.text
    rates = [n for n in facts.figures() if n.measure == "exec_rate" and n.is_rate and not n.part]
    for rate in rates:
        start, end = sentence_bounds(text, rate.start)
        formula = _FORMULA.search(text, start, end)
        if formula is None:
            continue
        score = next((n for n in facts.numbers if formula.end() <= n.start < end and n.unit == "分"
                      and _SCORED.search(text[max(start, n.start - 6):n.start])), None)
        # ("…按“执行率×分值”计算，得4.87分": the 分值 the item's own, read with it — "1.预算执行率（5分）。")
        weight = next((i.weight.value for i in facts.items if score is not None and i.score is score and i.weight), None)
        points = float(formula.group(1) or formula.group(2)) if formula.group(1) or formula.group(2) else weight
        if score is None or points is None or score.value > points or score.start < rate.start:
            continue      # (a score said before the rate is another rate's: "执行率95.44%，按“执行率×8分”得7.64分；…采购执行率92.00%")
        expected = points_times(rate, points)
        if not follows_rate(rate, points, score.value) and not report.names(facts.where(score.start)):
            report.error("SCORE_MISMATCH", facts.where(score.start),
                         f"按同一句所写“{formula.group(0)}”，{points:g} × {rate.value:g}% = {expected:.2f} 分，"
                         f"报告写 {score.value:g} 分{quoted(facts, score)}")


_ROWS_OWN_RULE = re.compile(r"扣\s*\d|得满分|不得分|分档|按[^|]{0,12}计分")


def check_row_execution(facts: Facts, report: FindingList) -> None:
    """The 预算执行率 item of a 评分表 whose row states its rate ("其中：预算执行率 | 10 | 93.36% | 9.63"):
    its score against 分值 × 执行率 — a warning, as a framework may score the rate by bands instead."""
    text = facts.text
    for item in facts.items:
        if item.row_id != "budget_execution" or item.weight is None or report.names(facts.where(item.score.start)):
            continue
        line_start, line_end = text.rfind("\n", 0, item.score.start) + 1, text.find("\n", item.score.start)
        rates = [n for n in facts.numbers if line_start <= n.start < (line_end if line_end >= 0 else len(text)) and n.is_rate]
        row = text[line_start:line_end if line_end >= 0 else len(text)]
        if len(rates) != 1 or "|" not in text[line_start:item.score.start] or A_SCORE.search(row) \
                or _ROWS_OWN_RULE.search(row):
            continue      # (a table's row: its one rate; a sentence is said_formula's above; a group's row
            # whose note scores the rate itself — "预算执行 | 30 | 28.9 | 预算执行率96.88%，得9.69分" — is no rate's;
            # a row whose 评分说明 states its own rule — "每低于100%一个百分点扣0.4分" — is scored by it)
        rate, points = rates[0], item.weight.value
        expected = points_times(rate, points)
        if not follows_rate(rate, points, item.score.value, item.score.decimals):
            report.warning("SCORE_MISMATCH", facts.where(item.score.start),
                           f"「预算执行率」按 分值 {points:g} × 执行率 {rate.value:g}% 应得 {expected:.2f} 分，表中写 "
                           f"{item.score.value:g} 分（如按分档等其他评分标准计分，请核对）{quoted(facts, item.score)}")


_FIGURE = r"\d[\d,]*(?:\.\d+)?"
_RATE = r"(?P<share>\d+(?:\.\d+)?)\s*%"
# "全年实际支出371.26万元，占实际到位资金386.40万元的96.80%": an amount, then its share of another said
# in the same breath — the share is the one divided by the other
_SHARE_OF = re.compile(rf"(?P<part>{_FIGURE})\s*(?P<unit>万元|元)\s*[,，]?\s*占[^\d。；;，,]{{0,14}}?"
                       rf"(?P<whole>{_FIGURE})\s*(?:万元|元)\s*的\s*{_RATE}")   # (元 of 万元: facts.amount makes them one)
# "全年支出4,552.68万元/全年预算4,661.50万元=97.36%": a rate worked out in words
_DIVIDED = re.compile(rf"(?P<part>{_FIGURE})\s*(?P<unit>万元|元)?\s*[/÷]\s*[^\d/÷=＝。；;]{{0,10}}?"
                      rf"(?P<whole>{_FIGURE})\s*(?P=unit)?\s*(?:[×xX*]\s*100\s*%\s*)?[=＝]\s*{_RATE}")   # (…×100%=97.91%)
# "退耕还林补助34.18万元，已兑现28.35万元，兑现率82.94%": a grant, what of it was paid out, and the rate
VERB_RATE = re.compile(rf"(?P<whole>{_FIGURE})\s*(?P<unit>万元|元)\s*[,，]\s*(?:当年|本年|全年|年内)?(?:已|实际|累计)?\s*"
                       rf"(?P<verb>兑现|拨付|支付|发放|使用|支出|执行|到位)(?:了)?\s*(?P<part>{_FIGURE})\s*(?P=unit)\s*[,，(（]\s*"
                       rf"(?:(?P=verb)|执行)率\s*(?:为|达)?\s*{_RATE}")   # (…，支出85.50万元，执行率…: the same)


# "不合格样品64批次，…，其中…处置到位61批次，核查处置率96.88%": a count, the part of it the 其中 names in
# the same unit, and the rate said right after — the part over the count
_COUNTED_RATE = re.compile(rf"(?P<whole>{_FIGURE})\s*(?P<unit>批次|人次|户|人|家|件|起|项|个|所|座|处|份|宗|辆|台)"
                           r"[^。；;\d]{0,40}?其中(?P<said>[^。；;\d]{0,24}?)"
                           rf"(?P<part>{_FIGURE})\s*(?P=unit)\s*[,，]\s*(?P<rate>[^。；;\d,，]{{0,12}})率\s*(?:为|达)?\s*{_RATE}")

# "全县应参保人数38,417人，实际参保37,529人，参保率96.79%": what should be, what was, and their rate (named as
# what should be: the part over the whole)
_SHOULD_RATE = re.compile(rf"应(?P<said>[^。；;\d,，]{{1,10}}?)(?:人数|户数|数)?\s*(?:为)?\s*(?P<whole>{_FIGURE})\s*"
                          r"(?P<unit>批次|人次|户|人|家|件|起|项|个|所|座|处|份|宗|辆|台)\s*[,，]\s*(?:实际|已)[^。；;\d,，]{0,10}?"
                          rf"(?P<part>{_FIGURE})\s*(?P=unit)\s*[,，]\s*(?P<rate>[^。；;\d,，]{{0,12}})率\s*(?:为|达)?\s*{_RATE}")


# "较上年3,017.25万元增加231.42万元，增长7.76%": last year's figure, the change and its rate
_LAST_YEAR = r"(?:较|比)上年(?:同期|度)?(?:决算|支出|预算)?(?:数)?(?:的)?\s*"
_CHANGE_RATE = re.compile(rf"{_LAST_YEAR}(?P<whole>{_FIGURE})\s*(?P<unit>万元|元)\s*(?:增加|减少|下降|增长|上升|提高|降低)(?:了)?\s*"
                          rf"(?P<part>{_FIGURE})\s*(?P=unit)\s*[,，]\s*(?:同比)?(?:增长|下降|增幅|降幅|减少|上升|提高|降低)(?:了)?(?:率)?\s*(?:为)?\s*{_RATE}")
# "核定编制96名，年末实有在职人员91人，在职人员控制率94.97%": staff over posts
_STAFF_RATE = re.compile(rf"编制(?:数)?\s*(?:为)?\s*(?P<whole>\d+)\s*(?:名|人)[^。；;]{{0,30}}?(?:实有|在职|在编)[^。；;\d]{{0,8}}?"
                         rf"(?P<part>\d+)\s*(?:名|人)[^。；;\d]{{0,12}}?控制率\s*(?:为)?\s*{_RATE}")
# … the staff first: "年末在职人员118名，核定编制126名，在职人员控制率93.65%"
_STAFF_FIRST = re.compile(rf"(?:实有|在职|在编)[^。；;\d]{{0,8}}?(?P<part>\d+)\s*(?:名|人)[^。；;\d]{{0,12}}?编制(?:数)?\s*(?:为)?\s*"
                          rf"(?P<whole>\d+)\s*(?:名|人)\s*[,，]\s*[^。；;\d,，()（）]{{0,8}}?控制率\s*(?:为)?\s*{_RATE}")


def _rate_of_the_part(match: re.Match) -> bool:
    """The rate names what the part did ("核查处置到位61批次，核查处置率…"), not another measure of the whole
    ("其中经营管理型108人，培训合格率…")."""
    said, rate = match.group("said"), match.group("rate")
    return any(rate[i:i + 2] in said for i in range(len(rate) - 1))


# each kind of stated rate: its pattern, what the finding calls it (unless it names its 率 or verb), and whether its
# figures are counts (divided as they stand) rather than amounts (in 万元)
_SAID_RATES = ((_SHARE_OF, "占比", False), (_DIVIDED, "比率", False), (VERB_RATE, "比率", False),
               (_COUNTED_RATE, "比率", True), (_SHOULD_RATE, "比率", True), (_CHANGE_RATE, "变动率", False), (_STAFF_RATE, "在职人员控制率", True),
               (_STAFF_FIRST, "在职人员控制率", True))


def check_said_share(facts: Facts, report: FindingList) -> None:
    """A stated share of an amount said with it, a rate worked out in words, a rate of a grant paid
    out, a rate of the part of a count, a change on last year, staff over posts (SPEC 8: a stated
    rate — a warning)."""
    for pattern, called, counted in _SAID_RATES:
        for match in pattern.finditer(facts.text):
            part, whole, share = (facts.number_at(match.start(g)) for g in ("part", "whole", "share"))
            if pattern is _DIVIDED and share is not None:   # ("执行率=全年执行数÷全年预算数×100%=2,767.70÷…": the
                # figures of a definition worked out, the report's own — its result a claim)
                part, whole = (facts.rule_number_at(match.start(g)) for g in ("part", "whole"))
            if part is None or whole is None or share is None or not whole.value or not share.is_rate \
                    or pattern in (_COUNTED_RATE, _SHOULD_RATE) and not _rate_of_the_part(match) \
                    or pattern is VERB_RATE and part.value > whole.value:
                continue      # (…第四季度拨付58.40万元，全年执行229.62万元: no grant of which that was paid out)
            if share.measure == "exec_rate" and report.names(facts.where(share.start)):
                continue      # (the year's 执行率 said as a share, "占全年预算…的99.23%": checked as that already)
            value = part.value / whole.value if counted else facts.amount(part) / facts.amount(whole)
            if not at_stated(value, share):
                named = match.groupdict().get("rate") or match.groupdict().get("verb")
                say_rate(facts, report, f"{named.strip()}率" if named and named.strip() else called, part, whole, share,
                         value, counted)


def say_rate(facts: Facts, report: FindingList, said: str, part: Number, whole: Number, share: Number,
              value: float, counted: bool = False) -> None:
    figure = (lambda n: f"{n.value:,g}{n.unit}") if counted else (lambda n: amount_text(facts.amount(n)))
    report.warning("STATED_RATE_MISMATCH", facts.where(share.start),
                   f"报告写{said} {share.value:g}%，按 {figure(part)}÷{figure(whole)} "
                   f"应为 {value * 100:.2f}%{quoted(facts, share)}")


_RATE_SCORED = re.compile(r"执行率得分?\s*(?:为)?\s*$")
# the report's own rule for the execution's score, other than 分值 × 执行率 ("每低1个百分点扣0.5分",
# "执行率≥95%的得满分", "按区间计分")
OWN_EXECUTION_RULE = re.compile(r"执行率[^。]{0,40}?(?:每低|每降低|每下降|按区间|区间计分|分档|(?:以上|≥\s*\d+(?:\.\d+)?%?)的?得满分"
                                r"|(?:以上|≥\s*\d+(?:\.\d+)?%?)[^。；;\d]{0,6}?得\s*\d+(?:\.\d+)?\s*分|(?:以上|≥\s*\d+(?:\.\d+)?%?)的?[，,]\s*得满分"
                                r"|(?:低于|未达到?|不足|小于|<)\s*\d+(?:\.\d+)?%[^。；;\d]{0,6}?(?:不得分|得0分|扣)"
                                r"|[/÷]\s*\d+(?:\.\d+)?%)")    # (… "执行率低于60%不得分", "（实际执行率/95%）×10": a rule of its own)


def _scored_on_the_execution(facts: Facts, item) -> bool:
    """An item named otherwise whose statement gives the 预算执行率 right before its points ("资金使用方面，预算执行率＝实际
    支出/实际到位资金＝97.34%，分值6分，得5.48分"): the execution's item."""
    if item.weight is None or item.weight.sentence != item.score.sentence:
        return False
    start = statement_start(facts.text, item.weight.start)
    # (the rate said at the end of its formula is no claim of the text's numbers: "…＝97.34%" — a figure all the same)
    rates = [n for n in facts.every_number() if start <= n.start < item.weight.start and n.is_rate]
    return len(rates) == 1 and rates[0].measure == "exec_rate" and "预算执行率" in rates[0].label \
        and re.fullmatch(r"\s*[,，]\s*(?:该项)?(?:分值|权重)\s*", facts.text[rates[0].end:item.weight.start]) is not None


def check_said_points_rate(facts: Facts, report: FindingList) -> None:
    """"资金执行率分值10分，执行率93.63%，得分9.63分": the execution item's points, the rate and its score
    in one sentence — the score against 分值 × 执行率: an error where the report says that is its rule,
    else a warning; nothing where it states a rule of its own."""
    if OWN_EXECUTION_RULE.search(facts.text):
        return
    rule = TIMES_RULE.search(facts.text)     # (… or 分值 × 执行率 said as the rule)
    rule_points = float(rule.group("after") or rule.group("before")) if rule and (rule.group("after") or rule.group("before")) else None
    said = [item for item in facts.items if item.row_id == "budget_execution" or _scored_on_the_execution(facts, item)]
    for item in said:
        if report.names(facts.where(item.score.start)) or item.weight is None and rule_points is None:
            continue      # (its points unsaid: "…执行率94.76%，预算执行率得分9.67分" with "得分=预算执行率×10" said)
        start = sentence_bounds(facts.text, item.score.start)[0]
        after = item.weight.start if item.weight is not None else start
        pool = facts.numbers if item.row_id == "budget_execution" else facts.every_number()
        rates = [n for n in pool if start <= n.start < item.score.start and n.is_rate and n.measure == "exec_rate"]
        # (the rate after the points, else before them: "…执行率93.26%，该项分值15分，得13.89分")
        rates = [n for n in rates if n.start >= after] or rates
        in_the_rule = rule is not None and item.weight is not None and rule.start() <= item.weight.start < rule.end()
        if item.weight is not None and item.weight.sentence != item.score.sentence and not in_the_rule or len(rates) != 1:
            continue
        rate, points = rates[0], item.weight.value if item.weight is not None else rule_points
        expected = points_times(rate, points)
        if not follows_rate(rate, points, item.score.value):
            # (the rule said: an error where the difference has a slip's shape — else the rate read may be another's)
            say, why = by_shape(report, facts, item.score, expected) if rule else \
                (report.warning, "（按 分值×执行率 计；如另有评分标准，请核对）")
            say("SCORE_MISMATCH", facts.where(item.score.start),
                f"「预算执行率」分值 {points:g} × 执行率 {rate.value:g}% = {expected:.2f} 分，报告写 {item.score.value:g} 分"
                f"{why}{quoted(facts, item.score)}")
    if rule_points is not None:
        _projects_by_rule(facts, report, rule, rule_points, [item.score for item in said])


def _projects_by_rule(facts: Facts, report: FindingList, rule: re.Match, points: float, said: list[Number]) -> None:
    """"…预算执行率94.76%，预算执行率得分9.67分": a project's execution score, by the rule the report
    states ("得分=预算执行率×10")."""
    for score in facts.numbers:
        if score.unit != "分" or not _RATE_SCORED.search(score.label) or any(score is s for s in said):
            continue
        rates = [n for n in facts.numbers if n.sentence == score.sentence and n.start < score.start and n.is_rate
                 and n.measure == "exec_rate"]
        if rates and not follows_rate(rates[-1], points, score.value) \
                and not report.names(facts.where(score.start)):
            say, why = by_shape(report, facts, score, points_times(rates[-1], points))
            say("SCORE_MISMATCH", facts.where(score.start),
                f"按报告所写“{rule.group(0)}”，{points:g} × {rates[-1].value:g}% = "
                f"{points_times(rates[-1], points):.2f} 分，报告写 {score.value:g} 分{why}{quoted(facts, score)}")


# the rates a report says are scored 实际比率 × 分值 ("计分规则为：预算完成率、政府采购执行率按“实际比率×分值”计分")
_RATES_TIMES_POINTS = re.compile(r"(?P<names>[^。；;:：]{2,60}?)按\s*[“\"「]?\s*(?:实际)?(?:比率|比例|完成率|执行率|该率|指标值)\s*[×xX*＊]\s*(?:该指标)?分值")
# "5.政府采购执行率95.00%，该指标分值3分，得分2.58分": such a rate, its points and its score
_RATE_POINTS_SCORE = re.compile(rf"(?P<name>[^\d，,。；;:：、]{{2,20}}率)\s*(?:为|达)?\s*(?P<rate>{_FIGURE})\s*%\s*[,，]\s*"
                                rf"(?:该指标|该项)?(?:分值|权重)\s*(?P<points>{_FIGURE})\s*分\s*[,，]\s*(?:得分|得)\s*(?:为)?\s*(?P<score>{_FIGURE})\s*分")


def check_said_rate_rule(facts: Facts, report: FindingList) -> None:
    """A rate the report says is scored 实际比率 × 分值, said with its points and score in one sentence:
    the score against points × rate (capped at the points) — an error, the rule and every operand being
    the report's own."""
    named = {text_key(name) for rule in _RATES_TIMES_POINTS.finditer(facts.text)
             for name in re.split(r"[、，,和及与]", rule.group("names")) if name.strip().endswith("率")}
    named = {re.sub(r"^.*?[:：为]", "", n) for n in named}
    if not named:
        return
    for said in _RATE_POINTS_SCORE.finditer(facts.text):
        name = re.sub(r"^\d+\s*[.、．]\s*", "", said.group("name")).strip()
        rate, points, score = (facts.number_at(said.start(g)) for g in ("rate", "points", "score"))
        if rate is None or points is None or score is None or not any(text_key(name).endswith(n) for n in named if n) \
                or report.names(facts.where(score.start)):
            continue
        expected = points_times(rate, points.value)
        if not follows_rate(rate, points.value, score.value):
            report.error("SCORE_MISMATCH", facts.where(score.start),
                         f"「{name}」按报告所写“比率×分值”计分：{points.value:g} 分 × {rate.value:g}% = {expected:.2f} 分，"
                         f"报告写 {score.value:g} 分{quoted(facts, score)}")


# "结转结余率1.83%，按“≤2%得3分、2%（不含）至5%得2分、5%以上不得分”的标准，得2分": the rate, its bands quoted, the score
_BANDS_QUOTED = re.compile(r"按\s*[“\"](?P<rule>[^”\"]{6,160})[”\"]\s*(?:的)?\s*(?:评分)?(?:标准|规则|办法)?\s*[,，]?\s*(?:计分\s*[,，]?\s*)?"
                           r"(?:该项|该指标)?\s*(?:得分|得)\s*(?:为)?\s*(?P<score>\d+(?:\.\d+)?)\s*分")


def check_said_bands(facts: Facts, report: FindingList) -> None:
    """A score a statement gives by bands it quotes, against the band its own rate falls in (the last rate
    said before the bands in that statement), by the core's TIER_SCORE (bands.py reads the bands whole or not
    at all)."""
    text = facts.text
    for said in _BANDS_QUOTED.finditer(text):
        score = facts.number_at(said.start("score"))
        start = statement_start(text, said.start())
        rates = [n for n in facts.numbers if start <= n.start < said.start() and n.is_rate]
        if score is None or not rates or report.names(facts.where(score.start)):
            continue
        rate = rates[-1]
        points = band_score(re.sub(r"[、，,]", "；", said.group("rule")), rate.value)
        if points is not None and abs(points - score.value) >= SCORE_TOLERANCE:
            report.error("SCORE_MISMATCH", facts.where(score.start),
                         f"{rate.value:g}% 按同一句所引标准（{said.group('rule')[:40]}）应得 {points:g} 分，报告写 "
                         f"{score.value:g} 分{quoted(facts, score)}")


# "预算执行率满分10分，执行率100%得10分，每降低1个百分点扣0.2分": the execution's line and its deduction per point
_EXECUTION_PER_POINT = re.compile(r"执行率\s*(?:达到)?\s*(?P<base>\d+(?:\.\d+)?)\s*%\s*(?:（含）|\(含\))?\s*(?:及以上|以上)?\s*(?:的)?\s*"
                                  r"得\s*(?:满分|\d+(?:\.\d+)?\s*分)\s*[，,；;]\s*(?P<rule>每(?:降低|低于?|下降|少)\s*1\s*个?百分点"
                                  r"\s*(?:的)?\s*扣\s*\d+(?:\.\d+)?\s*分(?:\s*[，,]\s*不足1个百分点[^，,；;。]{0,12})?)")


def check_execution_deduction(facts: Facts, report: FindingList) -> None:
    """The execution item's score against the one line and deduction per point short the report states for
    its 执行率 (deductions.per_point_score)."""
    rules = list(_EXECUTION_PER_POINT.finditer(facts.text))
    item = next((i for i in facts.items if i.row_id == "budget_execution" and i.weight is not None), None)
    rate = facts.keyed_rates().get("exec_rate")
    if len(rules) != 1 or item is None or rate is None or report.names(facts.where(item.score.start)):
        return
    # (its points said with the rule — "满分10分，执行率100%得10分" — and the item's the same: a 分值 misread is no slip)
    full = re.search(r"(?:分值|满分)\s*(\d+(?:\.\d+)?)\s*分[^。；;]{0,12}$", facts.text[max(0, rules[0].start() - 30):rules[0].start()]) \
        or re.match(r"执行率\s*[\d.]+\s*%[^，,；;]{0,8}得\s*(\d+(?:\.\d+)?)\s*分", rules[0].group(0))
    if full is None or float(full.group(1)) != item.weight.value:
        return
    base = float(rules[0].group("base"))
    points = per_point_score(rules[0].group("rule"), max(base - rate.value, 0.0), item.weight.value)
    if points is not None and abs(points - item.score.value) >= SCORE_TOLERANCE:
        say, why = by_shape(report, facts, item.score, points)
        say("SCORE_MISMATCH", facts.where(item.score.start),
            f"执行率 {rate.value:g}%，按报告所写“执行率{base:g}%得满分，{rules[0].group('rule')[:24]}”，{item.weight.value:g} 分应得 "
            f"{points:g} 分，报告写 {item.score.value:g} 分{why}{quoted(facts, item.score)}")
