"""The scoring rules a report — or an indicator's own row — states, each applied to an indicator's figures for
check_indicator (indicator_checks.py): its row's bands or deductions, a rule said for it by name or for every
indicator, a satisfaction scored as itself, a floor and a full-marks line; and the points in proportion."""
from __future__ import annotations

import re

from ..core.arithmetic import indicator_score
from ..core.errors import CellError
from ..core.findings import SCORE_TOLERANCE, FindingList
from ..core.rounding import excel_round
from .bands import band_score, share_score, stated_tiers
from .deductions import per_fault_score, per_point_score
from .facts import Facts, Indicator
from .numbers import sentence_bounds
from .stated import at_its_places, by_shape, quoted
from .text import CELL
from .vocabulary import key as _key, words

_DEDUCTED = re.compile(r"(?<![每均各])扣(?:除|减)?\s*(?P<points>\d+(?:\.\d+)?)\s*分")


def deducted_as_said(facts: Facts, ind: Indicator) -> bool:
    """The score's own sentence takes one deduction off its points and the two agree ("本项满分15分，少完成3,200亩，
    扣0.32分，得14.68分"): the report's own deduction for the shortfall, not its proportion."""
    start, end = sentence_bounds(facts.text, ind.self_score.start)
    taken = list(_DEDUCTED.finditer(facts.text, start, ind.self_score.start))
    return len(taken) == 1 and abs(ind.weight.value - float(taken[0].group("points")) - ind.self_score.value) < 1e-6


def banded_score(facts: Facts, completion: float, weight: float) -> float | None:
    """The score the report's own completion bands give ("…90%（含）—100%之间的得该项分值的80%…"), recomputed by
    the core's TIER_SCORE (None: no bands read whole)."""
    bands = COMPLETION_BANDS.search(facts.text)
    if bands is None:
        return None
    start, end = sentence_bounds(facts.text, bands.start())
    return share_score(facts.text[start:end], completion * 100, weight)


def to_whole_points(facts: Facts, expected: float, ind: Indicator) -> bool:
    """A shortfall's score written as a whole number, the proportional score rounded to it ("19" for 20 × 96% = 19.2),
    in a table's row or a report that writes every indicator's score so (three at least): its precision (never full
    marks: "20" for 19.6 is a shortfall scored full)."""
    scores = [i.self_score for i in facts.indicators if i.self_score is not None]
    whole = in_a_table(facts, ind) or len(scores) >= 3 and all(n.decimals == 0 for n in scores)
    return whole and ind.self_score.decimals == 0 and ind.self_score.value < ind.weight.value \
        and abs(excel_round(expected, 0) - ind.self_score.value) < 1e-9


def at_full_line(facts: Facts, completion: float, score: float, weight: float) -> bool:
    """Full marks for a completion at or above the line the report states for them ("完成率95%以上的得满分")."""
    line = _FULL_LINE.search(facts.text) if abs(score - weight) < SCORE_TOLERANCE else None
    return line is not None and completion * 100 >= float(line.group(1)) - 1e-9


def under_floor(facts: Facts, completion: float, score: float) -> bool:
    """"完成率低于60%的不得分": a score of nought for a completion under the floor the report states."""
    floor = _FLOOR.search(facts.text) if score == 0 else None
    return floor is not None and completion * 100 < float(floor.group(1))


_OWN_BANDS = re.compile(r"分档|区间|得满分|不得分|得分值的|每(?:少|低|超|多)|扣\s*\d"
                        r"|%\s*(?:\(含\)|（含）)?\s*(?:及?以上|及?以下|以内)?\s*得\s*\d+(?:\.\d+)?\s*分")   # ("≤10%得5分，10%—20%（含）得4分")


_DEDUCTION = re.compile(r"每(?:少|低|降低|减少|超过?|多|下降|低于)[^，,；;。]{0,14}?扣\s*\d+(?:\.\d+)?\s*分")


def by_a_deduction_rule(facts: Facts, ind: Indicator) -> bool:
    """A rate's row short of its target scored as one of the report's rules of deductions per point gives."""
    return ind.target.is_rate and ind.actual.is_rate and ind.direction in (">=", ">", "=") and any(
        (by_rule := per_point_score(rule, ind.target.value - ind.actual.value, ind.weight.value)) is not None
        and abs(by_rule - ind.self_score.value) < 1e-9 for rule, _ in deduction_rules(facts.text))


def deduction_rules(text: str) -> list[tuple[str, bool]]:
    """The rules of deductions the report states for its indicators — not the execution rate's own
    ("预算执行率每低1个百分点扣0.5分" is the execution item's): each its words and whether it is said of one kind."""
    rules = []
    for rule in _DEDUCTION.finditer(text):
        before = re.split(r"[。；;\n]", text[:rule.start()])[-1]     # (its statement: the text's semicolons are ASCII)
        if "执行率" not in before and "进度" not in before:
            rules.append((rule.group(0), _OF_A_KIND.search(before) is not None))
    return rules


# a rule said of one kind of indicator ("质量指标每低于指标值1个百分点扣0.5分", "满意度…每低1个百分点扣0.5分"): not
# known to be a row's whose kind is not read — a rule of rates or of every indicator is ("率类指标未达到指标值的，…")
_OF_A_KIND = re.compile(r"(?:数量|质量|时效|成本|效益|满意度|社会|经济|生态|可持续)")


def rule_said_for(facts: Facts, ind: Indicator) -> str:
    """A rule the report states for this indicator by its name (four characters of its name's end at
    least) in a statement of its own: its words — the bands it states where one such statement states
    them whole ("评分标准为：按期完工率95%（含）以上得6分，90%（含）至95%得4分，90%以下不得分，本项得4分"), else the
    first such statement's words — else ""."""
    name = _key(ind.name or "")
    own = ind.self_score.start if ind.self_score else -1
    said = []
    for statement in re.finditer(r"[^。；;\n]+", facts.text):
        if statement.start() <= own < statement.end() or not _OWN_BANDS.search(statement.group()):
            continue
        words = _key(statement.group())
        if any(name[k:] in words for k in range(0, max(len(name) - 3, 0))):
            said.append(statement.group().strip())
    banded = [bands for words in said if (bands := _bands_in(words))]
    return banded[0] if banded else said[0] if said else ""


_BAND_CLAUSE = re.compile(r"\d+(?:\.\d+)?\s*%?[^，,]*?(?:得\s*\d+(?:\.\d+)?\s*分|不得分)$")


def _bands_in(words: str) -> str:
    """The bands a statement states, its clauses of a bound and the points it gives, one after another, the words
    before the first bound left out ("评分标准为：按期完工率95%（含）以上得6分" → "95%（含）以上得6分"); "" where
    fewer than two or the bands cannot be read whole."""
    clauses = re.split(r"[，,]", words)
    run = [re.sub(r"^[^\d≥≤<>]*?(?=[≥≤<>]?\s*\d)", "", c.strip()) for c in clauses if _BAND_CLAUSE.search(c.strip())]
    bands = "；".join(run)
    return bands if len(run) >= 2 and stated_tiers(bands) is not None else ""


PROPORTIONAL = words()["proportional_rule"]
_FLOOR = words()["score_floor"]
_FULL_LINE = words()["full_marks_line"]
COMPLETION_BANDS = words()["completion_bands"]
_SATISFACTION_RULE = words()["satisfaction_rule"]


def scored_by_satisfaction(facts: Facts, ind: Indicator, report: FindingList, name: str) -> bool:
    """A 满意度 row in a report whose rule scores it by the satisfaction itself ("满意度指标得分＝分值×满意度"): its
    score is 分值 × the satisfaction, above its target or not — said wrong, an error where the difference has a
    slip's shape. Whether the row was scored so."""
    if "满意度" not in (ind.name or "") or not ind.actual.is_rate or ind.own_rule \
            or not _SATISFACTION_RULE.search(facts.text):
        return False
    expected = proportional_score(ind.actual.value / 100, ind.weight.value)
    if expected is not None and abs(expected - ind.self_score.value) >= SCORE_TOLERANCE \
            and not at_its_places(expected, ind.self_score):
        say, why = by_shape(report, facts, ind.self_score, expected)
        say("SCORE_MISMATCH", facts.where(ind.self_score.start),
            f"指标「{name}」满意度 {ind.actual.value:g}%，按报告所写“满意度指标得分＝分值×满意度”应得 "
            f"{ind.weight.value:g} × {ind.actual.value:g}% = {expected:.2f} 分，报告自评 {ind.self_score.value:g} 分"
            f"{why}{quoted(facts, ind.self_score)}")
    return True


def in_a_table(facts: Facts, ind: Indicator) -> bool:
    """Whether the indicator is a row of a table (a form's, whose 填表说明 sets the proportional rule)."""
    start = facts.text.rfind("\n", 0, ind.start) + 1
    end = facts.text.find("\n", ind.start)
    return CELL in facts.text[start:end if end >= 0 else len(facts.text)]
PER_UNIT = re.compile(r"每.{0,12}扣")


_OTHER_SCORING = re.compile(r"得\s*\d|扣|不得分|分档|档|减半|得分值的")


def only_proportional(rule: str) -> bool:
    """The row's rule says it scores in proportion and nothing else ("≥600家，未达到按比例计分"): the usual rule."""
    return PROPORTIONAL.search(rule) is not None and not _OTHER_SCORING.search(PROPORTIONAL.sub("", rule))


def by_own_rule(facts: Facts, ind: Indicator, report: FindingList, name: str) -> bool:
    """The score of a row by the bands its own 评分标准 states ("≥95%得10分；90%（含）-95%得8分…"),
    recomputed by the core's TIER_SCORE; whether the bands could be read."""
    if ind.actual is None or not ind.actual.is_rate:
        return False
    points = band_score(ind.own_rule, ind.actual.value, ind.weight.value)
    if points is None:
        return False
    if abs(points - ind.self_score.value) >= SCORE_TOLERANCE:
        report.error("SCORE_MISMATCH", facts.where(ind.self_score.start),
                     f"指标「{name}」实际 {ind.actual.value:g}%，按该行评分标准（{ind.own_rule[:40]}）应得 {points:g} 分，"
                     f"报告自评 {ind.self_score.value:g} 分{quoted(facts, ind.self_score)}")
    return True


def by_faults_found(facts: Facts, ind: Indicator, report: FindingList, name: str) -> None:
    """A row scored by its own deduction per fault ("每发现1处不符扣0.5分") with the faults it found said in its
    实际完成值 ("账实不符3处"): every operand the row's — its score against its 分值 less the deductions."""
    if not ind.own_rule or ind.actual is None or ind.weight is None or ind.self_score is None:
        return
    words = re.split(r"[|\s]+", ind.actual.label.strip(" |"))[-1]
    points = per_fault_score(ind.own_rule, ind.actual.value, ind.actual.unit, words, ind.weight.value)
    if points is not None and abs(points - ind.self_score.value) >= SCORE_TOLERANCE:
        report.error("SCORE_MISMATCH", facts.where(ind.self_score.start),
                     f"指标「{name}」{words}{ind.actual.value:g}{ind.actual.unit}，按该行评分标准（{ind.own_rule[:40]}）应得 "
                     f"{points:g} 分，报告自评 {ind.self_score.value:g} 分{quoted(facts, ind.self_score)}")


def proportional_score(completion: float, weight: float) -> float | None:
    try:
        return indicator_score(completion, weight)
    except CellError:   # a weight the core refuses (negative): nothing to compare
        return None
