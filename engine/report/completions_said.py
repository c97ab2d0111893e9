"""Completions a report states apart from the indicator whose figures give them: "改造二次供水泵房36座，完成年度目标的
94.47%" (the target said elsewhere: a form's row, an indicator's sentence), beyond the target ("超额完成年度目标17.6%",
"…比年度指标值10,500头多处理2,100头，超额完成16.67%"), the completion of the indicator a paragraph named last, and what
was achieved as the share of a target said with it ("…45.10万人次，完成年度目标48万人次的95.93%") — each computed by
the core's rates (indicator_checks.indicator_completion), a warning where the figures are joined across statements."""
from __future__ import annotations

import dataclasses
import re

from ..core.findings import FindingList
from .evidence import ACTUAL_THEN_TARGET, TARGET_THEN_ACTUAL
from .facts import Facts, Indicator, shared_core
from .numbers import direction_before, sentence_bounds
from .indicator_checks import dir_symbol, indicator_completion
from .stated import at_stated, by_shape, quoted
from .vocabulary import key as _key


# "改造二次供水泵房36座，完成年度目标的94.47%": what was achieved and its completion, said apart from the target
_COMPLETION_OF = re.compile(r"(?P<name>[^，,。；;:：\d()（）]{2,30}?)\s*(?P<actual>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>[^\d,，;；。\s()（）]{0,4}?)\s*"
                            r"(?:[(（][^()（）\d]{1,3}[)）])?\s*[,，(（]\s*"   # (a unit's other name: "55台（套）")
                            r"(?:(?:完成|为|达到)(?:年度|全年)?(?:目标|计划|指标|任务)值?的|(?:目标)?完成率|完成比例)\s*(?:为|达)?\s*"
                            r"(?P<rate>\d+(?:\.\d+)?)\s*%")
# (or in brackets: "33.12万人次（完成年度目标的93%）", "1,292批次（完成率107.71%）")
# what a paragraph about an indicator names what was achieved by ("实际完成1,315批次"): no name of its own
_NO_NAME = re.compile(r"(?:年度|全年)?(?:实际)?(?:完成|完成值|完成数|达到|实现)?(?:了|为)?")
# "…培训538人次，超额完成年度目标17.6%": what was achieved beyond its target, as a share of the target
_BEYOND_TARGET = re.compile(r"(?P<name>[^，,。；;:：\d()（）]{2,30}?)\s*(?P<actual>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>[^\d,，;；。\s()（）]{0,4}?)\s*"
                            r"[,，]\s*超额完成(?:了)?(?:年度|全年)?(?:目标|计划|任务)(?:任务)?(?:的)?\s*(?P<rate>\d+(?:\.\d+)?)\s*%")
# "…处理12,600头（只），比年度指标值10,500头（只）多处理2,100头（只），超额完成16.67%": all three said together
_BEYOND_SAID = re.compile(r"(?P<actual>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>[^\d,，;；。\s]{1,6}?)\s*[,，]\s*比(?:年度|全年)?(?:指标值|目标值?|计划数?)\s*"
                          r"(?P<target>\d[\d,]*(?:\.\d+)?)\s*(?P=unit)\s*(?:多|超)(?:[^，,；;。]|(?<=\d),(?=\d{3})){0,20}[,，]\s*超额完成(?:了)?(?:年度|全年)?(?:目标|计划|任务)?\s*"
                          r"(?P<rate>\d+(?:\.\d+)?)\s*%")
# "…，补助户数完成年度目标的97.24%": a name with no figure of its own, then its completion
_NAMED_COMPLETION = re.compile(r"(?<=[，,；;])\s*(?P<name>[^，,。；;:：\d()（）%]{2,12}?)\s*完成(?:了)?(?:年度|全年)(?:目标|计划|任务)(?:值)?的\s*"
                               r"(?P<rate>\d+(?:\.\d+)?)\s*%")
_ITS_COMPLETION = re.compile(r"(?:该项|该指标|本项|此项)(?:指标)?(?:的)?\s*完成率\s*(?:为|是|达)?\s*(?P<rate>\d+(?:\.\d+)?)\s*%")


def check_completions_said_apart(facts: Facts, report: FindingList, reverse_method: str = "ratio") -> None:
    """A completion said of what was achieved ("…36座，完成年度目标的94.47%") whose target the report states
    elsewhere (a form's row, an indicator's sentence): against that indicator's own figures — found by its
    name and the same figure achieved — a warning, two statements joined."""
    indicators = [(_key(i.name), i) for i in facts.indicators if i.target is not None and i.actual is not None]
    for said in _COMPLETION_OF.finditer(facts.text):
        actual, rate = facts.number_at(said.start("actual")), facts.number_at(said.start("rate"))
        name = _key(said.group("name"))
        if _NO_NAME.fullmatch(name) and actual is not None:
            # ("食品安全监督抽检批次指标，分值10分。年度目标≥1,200批次，实际完成1,315批次，完成率91.25%": the indicator
            # its paragraph names)
            paragraph = facts.text.rfind("\n", 0, said.start()) + 1
            opening = _key(facts.text[paragraph:said.start()])
            named = [i for k, i in indicators if len(k) >= 4 and k in opening and i.actual.value == actual.value
                     and i.actual.unit in (actual.unit, "") and i.completion is not rate]
            same = named if len(named) == 1 else []
        else:
            same = _of_the_indicator(facts, indicators, name, actual, rate, said.group("unit"))
        if rate is None or not rate.is_rate or len(same) != 1 or report.names(facts.where(rate.start)):
            continue
        _said_apart(facts, report, same[0], actual, rate, reverse_method)
    for said in _BEYOND_TARGET.finditer(facts.text):
        actual, rate = facts.number_at(said.start("actual")), facts.number_at(said.start("rate"))
        same = _of_the_indicator(facts, indicators, _key(said.group("name")), actual, rate)
        if rate is None or not rate.is_rate or len(same) != 1 or same[0].direction not in (">=", ">") \
                or not same[0].target.value or report.names(facts.where(rate.start)):
            continue
        _say_beyond(facts, report, actual.value, same[0].target.value, rate,
                    f"指标「{same[0].name}」目标 {dir_symbol(same[0])}{same[0].target.value:g}、实际 {actual.value:g}")
    for said in _BEYOND_SAID.finditer(facts.text):
        actual, target, rate = (facts.number_at(said.start(g)) for g in ("actual", "target", "rate"))
        if None in (actual, target, rate) or not target.value or not rate.is_rate or report.names(facts.where(rate.start)):
            continue
        _say_beyond(facts, report, actual.value, target.value, rate, f"实际 {actual.value:g}、目标 {target.value:g}")
    for said in _NAMED_COMPLETION.finditer(facts.text):
        # "…向24,855户发放运行补助，…，补助户数完成年度目标的97.24%": the indicator named, its achieved figure said
        # earlier in the sentence
        rate = facts.number_at(said.start("rate"))
        start = sentence_bounds(facts.text, said.start())[0]
        said_before = [n for n in facts.numbers if start <= n.start < said.start()]
        name = _key(said.group("name"))
        achieved = [(i, [n for n in said_before if n.value == i.actual.value and i.actual.unit in (n.unit, "")])
                    for k, i in indicators if shared_core(k, name) >= 2 and i.direction in (">=", ">", "=")]
        same = [(i, found[0]) for i, found in achieved if len(found) == 1]
        if rate is None or not rate.is_rate or len(same) != 1 or same[0][0].completion is rate \
                or report.names(facts.where(rate.start)):
            continue
        _said_apart(facts, report, same[0][0], same[0][1], rate, reverse_method)
    for said in _ITS_COMPLETION.finditer(facts.text):
        # "…损失率为5.4%，超出不高于5%的控制目标。按…，该项完成率为92.95%": of the indicator whose achieved figure
        # its paragraph said last, by name
        rate = facts.number_at(said.start("rate"))
        paragraph = facts.text.rfind("\n", 0, said.start()) + 1
        before = [n for n in facts.numbers if paragraph <= n.start < said.start()]
        named = [(n, i) for n in before for k, i in indicators if i.actual.value == n.value and i.actual.unit == n.unit
                 and len(k) >= 4 and k in _key(facts.text[paragraph:n.start])]
        if rate is None or not rate.is_rate or not named or report.names(facts.where(rate.start)):
            continue
        actual, ind = named[-1]
        if sum(1 for n, _ in named if n is actual) == 1 and ind.completion is not rate:
            _said_apart(facts, report, ind, actual, rate, reverse_method)


def _say_beyond(facts: Facts, report: FindingList, actual: float, target: float, rate, figures: str) -> None:
    """The share beyond the target said (`rate`) against actual ÷ target − 1 — a warning where it is off (`figures`:
    the two as the finding names them)."""
    beyond = actual / target - 1
    if beyond > 0 and not at_stated(beyond, rate):
        report.warning("COMPLETION_MISMATCH", facts.where(rate.start),
                       f"{figures}，超额比例应为 {actual:g}÷{target:g}−1 = {beyond * 100:.2f}%，"
                       f"报告写超额完成 {rate.value:g}%{quoted(facts, rate)}")


# "全年累计提供助餐服务45.10万人次，完成年度目标48万人次的95.93%": what was achieved, then the target with its rate
_SHARE_OF_TARGET = re.compile(r"(?P<actual>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>[^\d,，;；。\s()（）]{1,4}?)\s*[,，]\s*完成(?:了)?(?:年度|全年)?"
                              r"(?:目标|计划)(?:任务|数)?\s*(?P<target>\d[\d,]*(?:\.\d+)?)\s*(?P<unit2>[^\d,，;；。\s()（）]{1,4}?)\s*的\s*"
                              r"(?P<rate>\d+(?:\.\d+)?)\s*%")


# "…筛查完成率96.50%（筛查11,460人/目标12,000人）": the completion, then what was achieved over the target in brackets
_RATE_THEN_SHARE = re.compile(r"完成(?:率|比例)\s*(?:为|达)?\s*(?P<rate>\d+(?:\.\d+)?)\s*%\s*[（(]\s*[\u4e00-\u9fff]{0,6}?\s*"
                              r"(?P<actual>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>[^\d,，;；。\s()（）/÷]{1,4}?)\s*[/÷]\s*(?:年度)?(?:目标|计划|指标值?)\s*"
                              r"(?P<target>\d[\d,]*(?:\.\d+)?)\s*(?P<unit2>[^\d,，;；。\s()（）]{1,4}?)\s*[)）]")


# "实施临时救助1,126人次，目标1,200人次，完成率93.83%", "目标45处，完成41处，完成率91.11%": the sentences a 评分表's
# 完成情况 cell says them in, said in the report's paragraphs as well
_SAID_LIKE_A_CELL = (ACTUAL_THEN_TARGET, TARGET_THEN_ACTUAL)


def check_shares_of_targets(facts: Facts, report: FindingList) -> None:
    """What was achieved as the share of the target its statement names, all three figures said together (a target
    to reach: a ceiling's completion is not the share)."""
    shares = [*_SHARE_OF_TARGET.finditer(facts.text), *_RATE_THEN_SHARE.finditer(facts.text),
              *(said for pattern in _SAID_LIKE_A_CELL for said in pattern.finditer(facts.text)
                if said.group("completion") and (said.group("sign") or "≥") in ("≥", ">=", "不低于", "不少于"))]
    for said in shares:
        rate_group = "rate" if "rate" in said.re.groupindex else "completion"
        actual, target, rate = (facts.number_at(said.start(g)) for g in ("actual", "target", rate_group))
        units = [said.group(g) for g in ("unit", "unit2", "actual_unit") if g in said.re.groupindex]
        if None in (actual, target, rate) or len(set(units)) > 1 or actual.unit != target.unit or not target.value \
                or not rate.is_rate or report.names(facts.where(rate.start)):
            continue
        if rate_group == "completion" and any(i.actual is not None and i.actual.start == actual.start or i.target is not None
                                               and i.direction in ("<=", "<") and i.target.value == target.value
                                               and i.actual is not None and i.actual.value == actual.value
                                               for i in facts.indicators):
            continue     # (an indicator's own figures — a 评分表's 完成情况 cell, its sign in its 指标解释; a sentence read as an
            # indicator — checked as that, from the rate before it was rounded too: "完工及时率85.71%，目标90%，完成率95.24%")
        share, unit = actual.value / target.value, said.group("unit")
        if not at_stated(share, rate) and not (share > 1 and at_stated(1.0, rate)):
            say, why = by_shape(report, facts, rate, share * 100)
            say("COMPLETION_MISMATCH", facts.where(rate.start),
                f"实际 {actual.value:g}{unit} ÷ 目标 {target.value:g}{unit} = {share * 100:.2f}%，"
                f"报告写 {rate.value:g}%{why}{quoted(facts, rate)}")


def _of_the_indicator(facts: Facts, indicators: list, name: str, actual, rate, unit: str = "") -> list[Indicator]:
    """The indicators a statement of what was achieved under `name` ("2.学员…": its key) is of: the same figure achieved,
    the names one holding the other or sharing a core of three characters ("全年提供老年助餐服务" and the row's
    "助餐服务人次"), or a short name its name ends with ("…达标率82.4%（完成率97.9%）" of "考核断面水质达标率")."""
    if actual is None:
        return []
    same = [i for k, i in indicators if len(k) >= 4 and (len(name) >= 4 and (k in name or name in k or shared_core(k, name) >= 3)
                                                          or len(name) >= 2 and k.endswith(name))
            and i.actual.value == actual.value and i.actual.unit in (actual.unit, "") and i.completion is not rate]
    # (a form's bare figure, its unit in a 度量单位 column of its own: "| 人 | 1853 |", the same as "1,853人")
    if not same and unit and unit != "%":
        # ("实际供种586.4万公斤，完成率94.58%" of "良种供种数量": a figure in a unit of its own — its row's cell says it
        # too, "586.4万公斤" — no other indicator's, the names sharing a word of two)
        same = [i for k, i in indicators if shared_core(k, name) >= 2 and i.actual.value == actual.value
                and facts.text[i.actual.end:i.actual.end + len(unit) + 1].strip().startswith(unit)
                and i.completion is not rate]
        same = same if len({(i.target.value, i.direction) for i in same}) == 1 else []
    if same:      # (one read twice, under two names, its figures the same: "牧民技能培训人次" and "开展牧民技能培训")
        return [i for k, i in enumerate(same) if all((i.target.value, i.direction) != (j.target.value, j.direction)
                                                     for j in same[:k])]
    # … or a goal of that name read with its target alone ("…按期完工率≥90%" in a goals table; "6个按期完工，按期完工率75%，
    # 完成年度目标的88.33%" in the results)
    goals = [i for i in facts.indicators if i.target is not None and i.actual is None and i.target.unit == actual.unit
             and len(_key(i.name)) >= 4 and len(name) >= 4 and (_key(i.name) in name or name in _key(i.name))]
    return [dataclasses.replace(goals[0], actual=actual)] if len(goals) == 1 else []


def _said_apart(facts: Facts, report: FindingList, ind: Indicator, actual, rate, reverse_method: str) -> None:
    completion = indicator_completion(ind, reverse_method)
    if completion is not None and not at_stated(completion, rate) and not (completion > 1 and at_stated(1.0, rate)):
        # (the target said in the very sentence too, signed as the indicator's: every operand of one statement, an error)
        start = sentence_bounds(facts.text, rate.start)[0]
        together = any(start <= n.start < actual.start and n.value == ind.target.value and n.unit == ind.target.unit
                       and direction_before(n.label) == ind.direction for n in facts.numbers)
        (report.error if together else report.warning)(
            "COMPLETION_MISMATCH", facts.where(rate.start),
            f"指标「{ind.name}」目标 {dir_symbol(ind)}{ind.target.value:g}、实际 {actual.value:g}，完成率应为 "
            f"{completion * 100:.2f}%，报告写 {rate.value:g}%{'' if together else '（目标取自报告另处）'}{quoted(facts, rate)}")
