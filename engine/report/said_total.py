"""A total said in the sentence that lists the scores it adds up — the items' scores, then their total; the total,
then its 一级指标 groups' or its items' scores; a sum, what is taken off or added, then the total after it — against
their sum (an error for a slip's shape)."""
from __future__ import annotations

import re

from ..core.arithmetic import perf_total
from ..core.findings import SCORE_TOLERANCE, FindingList
from .facts import Facts
from .numbers import sentence_bounds
from .stated import by_shape, quoted
from .vocabulary import a_whole_list

# "其中：项目立项6分，绩效目标5分，…，服务对象满意度15分，总得分98.5", "综上，资金保障14分、…、加分1分，
# 综合得分99.51分": the items' scores, then their total
_LISTED_TOTAL = re.compile(r"(?:(?:其中|综上|汇总|逐项(?:计分|打分|评分)|(?:一级指标)?得分(?:情况)?[:：])\s*[:：,，]?(?P<items>(?:[^\d,，;；。()（）:：]{2,16}\d+(?:\.\d+)?\s*分\s*[,，、;；]\s*){3,})"
                           # … or each item named with its 得分 ("…预算执行得分9.70分、产出指标得分54.45分、…，自评得分…")
                           r"|(?<![^,，;；。:：\n])(?P<scored>(?:[^,，;；。()（）、]{2,30}?得分\s*(?:为)?\s*\d+(?:\.\d+)?\s*分\s*[,，、;；]\s*){3,})"
                           # … or the items named, then their scores respectively ("决策、过程、产出、效益分别得14分、24.5分、…")
                           r"|(?<=[、])[^\d,，;；。、()（）]{2,16}分别(?:得分?|为)?\s*(?P<respectively>(?:\d+(?:\.\d+)?\s*分\s*[、,，]\s*){2,}"
                           r"\d+(?:\.\d+)?\s*分\s*[,，]\s*))"
                           r"(?:项目|部门|整体|本项目|本部门|一级指标|各项|以上各项)?(?:总得分|总分|合计得分|合计|自评总分|综合(?:评价|自评)?得分|自评得分)"
                           r"\s*(?:为|:|：)?\s*(?P<total>\d+(?:\.\d+)?)")


def check_said_total(facts: Facts, report: FindingList) -> None:
    """A sentence listing every item's score and then the total: the total against their sum —
    unless the list read another way adds up (a group's score and its own parts)."""
    for match in _LISTED_TOTAL.finditer(facts.text):
        items = next(g for g in ("items", "scored", "respectively") if match.group(g))
        scores = [n for n in facts.numbers if match.start(items) <= n.start < match.end(items) and n.unit == "分"]
        total = facts.number_at(match.start("total"))
        if total is None or len(scores) < 3 or report.names(facts.where(total.start)):
            continue
        added = perf_total([n.value for n in scores])
        if abs(added - total.value) >= SCORE_TOLERANCE and not any(
                abs(perf_total([n.value for n in scores[:k]]) - total.value) < SCORE_TOLERANCE for k in range(2, len(scores))):
            say, why = by_shape(report, facts, total, added, tuple(scores))
            say("TOTAL_MISMATCH", facts.where(total.start),
                f"同一句所列各项得分之和 {added:.2f} 分，报告写总得分 {total.value:g} 分{why}{quoted(facts, total)}")
    _items_after_total(facts, report)
    _groups_after_total(facts, report)
    _total_adjusted(facts, report)


# "一级指标合计97.22分，扣除审计发现问题扣分1分后，最终自评得分96.22分": a sum, a deduction or a bonus, the total after it
_ADJUSTED = re.compile(r"(?:合计|小计|共计|得分|总分)\s*(?:为)?\s*(?P<sum>\d+(?:\.\d+)?)\s*分\s*[,，]\s*"
                       r"(?P<op>扣除|扣减|减去|加上)[^，,。；;\d]{0,20}?(?P<by>\d+(?:\.\d+)?)\s*分\s*后?\s*[,，]?\s*"
                       r"(?:最终|综合|项目|部门|本项目|本部门)?(?:自评)?(?:得分|总分|总得分)\s*(?:为)?\s*(?P<total>\d+(?:\.\d+)?)\s*分")


def _total_adjusted(facts: Facts, report: FindingList) -> None:
    """A sum, then what is taken off or added, then the total after it, one sentence: the total against the sum
    adjusted."""
    for said in _ADJUSTED.finditer(facts.text):
        whole, by, total = (facts.number_at(said.start(g)) for g in ("sum", "by", "total"))
        if whole is None or by is None or total is None or report.names(facts.where(total.start)):
            continue
        expected = perf_total([whole.value, -by.value if said.group("op") != "加上" else by.value])
        if abs(expected - total.value) >= SCORE_TOLERANCE:
            say, why = by_shape(report, facts, total, expected, (whole, by))
            say("TOTAL_MISMATCH", facts.where(total.start),
                f"{whole.value:g} 分{said.group('op')} {by.value:g} 分后应为 {expected:.2f} 分，报告写 {total.value:g} 分"
                f"{why}{quoted(facts, total)}")


# "自评总分97.15分，其中投入14.5分、过程23.9分、产出34.65分、效果24分": the total, then its groups' scores
# (… or in the next sentence: "…自评得分为93.5分。其中：预算执行率9.5分，产出指标46分…", "总分97分，等级为优。产出指标48分…")
_GROUPS_AFTER = re.compile(r"\s*分?\s*(?:[,，]\s*(?:评价)?等级为?\s*[“\"]?[优良中差][”\"]?\s*(?=。))?(?:[,，。]\s*其中\s*[:：]?|。)\s*(?P<list>(?:[^\d,，;；。、()（）]{2,8}?(?:得分?|为)?\s*\d+(?:\.\d+)?\s*分\s*[、,，;；]\s*)+"
                           r"[^\d,，;；。、()（）]{2,8}?(?:得分?|为)?\s*\d+(?:\.\d+)?\s*分)")
_GROUP_SCORE = re.compile(r"(?P<name>[^\d,，;；。、()（）]{2,8}?)(?:得分?|为)?\s*(?P<score>\d+(?:\.\d+)?)\s*分")


_BONUS_SAID = re.compile(r"加分|扣分项|减分|扣除|(?<![增追])加\s*\d+(?:\.\d+)?\s*分")


def _groups_after_total(facts: Facts, report: FindingList) -> None:
    """The total, then the scores of all its framework's 一级指标 groups (决策/过程/产出/效益, each once): their
    sum is the total — or those groups' scores said right before it in its sentence ("预算执行率得9.62分，产出指标得
    38.98分，成本指标得10分，效益指标得30分，满意度指标得10分，项目自评总分98.12分")."""
    total = facts.total
    if total is None or report.names(facts.where(total.start)):
        return
    listed = _GROUPS_AFTER.match(facts.text, total.end)
    if listed is not None:
        said = [(m.group("name").strip(), facts.number_at(listed.start("list") + m.start("score")))
                for m in _GROUP_SCORE.finditer(listed.group("list"))]
        where = "其后"
    else:
        said, where = _groups_before(facts, total), "同一句此前"
    if not said or any(n is None for _, n in said) or not a_whole_list([name for name, _ in said]):
        return
    added = perf_total([n.value for _, n in said])
    if abs(added - total.value) >= SCORE_TOLERANCE:
        say, why = by_shape(report, facts, total, added, tuple(n for _, n in said))
        if _BONUS_SAID.search(facts.text):     # ("另获省级表彰加1分"): the total may hold it
            say, why = report.warning, "（报告另有加减分，请核对）"
        say("TOTAL_MISMATCH", facts.where(total.start),
            f"{where}所列各一级指标得分之和 {added:.2f} 分，报告写总得分 {total.value:g} 分{why}{quoted(facts, total)}")


# the groups' scores, each said with its 得 ("产出指标得38.98分，"), one after another up to the total's clause
_SCORED_GROUP = re.compile(r"(?P<name>[^\d,，;；。、()（）]{2,8}?)(?:得分?|为)\s*(?P<score>\d+(?:\.\d+)?)\s*分\s*[、,，;；]\s*")


def _groups_before(facts: Facts, total) -> list[tuple[str, object]]:
    """The (name, score) of each group's clause running up to the total's clause, in the total's sentence."""
    start = sentence_bounds(facts.text, total.start)[0]
    clause = max(facts.text.rfind(c, start, total.start) for c in ",，;；、") + 1   # (the total's own clause)
    said: list = []
    end = clause
    while True:      # (back from the total's clause, one group's clause at a time)
        found = [m for m in _SCORED_GROUP.finditer(facts.text, start, end) if m.end() == end]
        if not found:
            return said
        m = found[-1]
        said.insert(0, (re.sub(r"^(?:其中|包括)\s*[:：]?", "", m.group("name").strip()), facts.number_at(m.start("score"))))
        end = m.start()


def _items_after_total(facts: Facts, report: FindingList) -> None:
    """"…自评得分93.79分，其中预算执行率得分9.71分（权重10分）、绩效指标得分84.26分（权重90分）": the
    total, then items of its own sentence whose 分值 make up 100 — their scores add up to it."""
    total = facts.total
    if total is None or report.names(facts.where(total.start)):
        return
    items = [i for i in facts.items if i.score.sentence == total.sentence and i.score.start > total.start]
    if len(items) < 2 or any(i.weight is None for i in items) or abs(sum(i.weight.value for i in items) - 100) >= 0.005:
        return
    added = perf_total([i.score.value for i in items])
    if abs(added - total.value) >= SCORE_TOLERANCE:
        say, why = by_shape(report, facts, total, added, tuple(i.score for i in items))
        say("TOTAL_MISMATCH", facts.where(total.start),
            f"同一句所列各项得分之和 {added:.2f} 分（分值合计100分），报告写总得分 {total.value:g} 分{why}{quoted(facts, total)}")
