"""An indicator said in one statement of its own, in whatever order: its name first, then its target,
what was achieved, its points and its score — "秸秆还田面积指标（目标≥6万亩），本项满分10分，实际6万亩，
不扣分，得10分。", "结转结余率2.06%，满分3分，实得3分；". Read last, from the statements no other reader
took: a statement with one 分值 and one score (the last 得N分; 扣N分 is none), its subject the name it
opens with. With a target or an achieved figure it is an indicator, else an item."""
from __future__ import annotations

import dataclasses
import re

from ..core.parsing import DIRECTION_PATTERN, DIRECTIONS, text_key
from .facts import Facts, Indicator, named_already, same_name, stated_item
from .dates import is_date
from .numbers import direction_after
from .plain import LIST_MARK
from .vocabulary import words

_WORDS = words()
_FIGURE = r"(?=\d)"
_POINTS = re.compile(rf"(?:{_WORDS['statement_points'].pattern})\s*(?:为|是)?\s*{_FIGURE}"
                     # … or bare, right before its score: "…，6分，得5.65分", "（8分，得8分）"
                     r"|(?<=[,，(（])\s*(?=\d+(?:\.\d+)?\s*分\s*[,，]\s*(?:自评)?(?:得分|实得|得))")
_SCORE = re.compile(rf"(?<!扣)(?:自评得分|得分|实得|得)\s*(?:为|了)?\s*{_FIGURE}")
_SYMBOL = r"≥|≤|>=|<=|⩾|⩽|≧|≦"
# its target by its word ("目标≥6万亩"), or by a direction's sign right after its name ("虫害防治面积≥20万亩")
_GOAL = re.compile(rf"(?:(?:{_WORDS['statement_goal'].pattern})\s*(?:为|是|[:：])?\s*(?P<dir>{DIRECTION_PATTERN})?"
                   rf"|(?<=[\u4e00-\u9fff）)])\s*(?P<sign>{_SYMBOL}))\s*{_FIGURE}")
# the target as the year changed it ("…调增为不少于2,000批次")
ADJUSTED_GOAL = re.compile(rf"(?:调增|调减|调整|调高|调低)(?:为|到|至)\s*(?P<dir>{DIRECTION_PATTERN})?(?P<sign>)\s*{_FIGURE}")
# what was achieved, by its word right before the figure ("实际6万亩", "完成值：…"): statements' and headed paragraphs'
ACHIEVED_SAID = re.compile(rf"(?<![少未超多])(?:{_WORDS['statement_achieved'].pattern})\s*(?:为|了|[:：])?\s*{_FIGURE}")
# the subject: a list mark, then the name up to its 指标, a bracket, a colon, a comma or its first figure
_SUBJECT = re.compile(r"\s*" + LIST_MARK + r"?\s*(?P<name>[^，,。；;:：()（）\d“”\"≥≤<>=⩾⩽≧≦]{2,30}?)\s*(?:指标)?\s*"
                      r"(?=[(（:：,，≥≤<>⩾⩽≧≦]|\d|(?:" + _WORDS['statement_points'].pattern + "))")
_GROUP_LABEL = re.compile(rf"\s*(?:{_WORDS['indicator_group'].pattern})(?:指标)?\s*[:：]")   # "（1）数量指标：…"
GOAL_AT_END = re.compile(rf"(?:{_WORDS['statement_goal'].pattern})\s*(?:为|是)?\s*(?:{DIRECTION_PATTERN})?\s*$")
_NO_SUBJECT = re.compile(r"^(?:该|本项|本指标|此项|以上|其中|合计|小计|总分|经自评|综上)|得分|扣分|满分|分值|权重")
_STATEMENT_END = re.compile(r"[。；;\n]")
_FIGURE_FIRST = re.compile(r"\s*(?P<figure>\d[\d,]*(?:\.\d+)?)\s*[^\d\s，,。；;—-]{0,4}\s*(?:——|—|--)\s*")


# "…普及率由上年的86.7%提高到89.2%": the earlier figure after the name, what was achieved after the verb
FROM_BEFORE = re.compile(r"由(?:上年|去年|年初|实施前|上一年度|\d{4}年)?(?:的|末)?\s*$")
_RISEN_TO = re.compile(r"\s*(?:提高|提升|增加|增长|上升|下降|降低|减少)(?:到|至)\s*(?=\d)")


def risen_to(facts: Facts, at: int):
    """The figure said after "提高到" that follows the figure at `at` (None if the words are otherwise)."""
    before = facts.number_at(at)
    risen = _RISEN_TO.match(facts.text, before.end) if before is not None else None
    return facts.number_at(risen.end()) if risen else None


def _statements(text: str):
    start = 0
    for end in _STATEMENT_END.finditer(text):
        yield from _each_scored(text, start, end.start())
        start = end.end()
    yield from _each_scored(text, start, len(text))


def _each_scored(text: str, start: int, end: int):
    """A statement, or the clauses of one that scores several in turn ("…就业率分值20分得19.57分，政策知晓率
    分值10分得10分"): each its points then its score, each part from the comma after the score before."""
    points = [m.start() for m in _POINTS.finditer(text, start, end)]
    scores = [m.start() for m in _SCORE.finditer(text, start, end)]
    if len(points) < 2 or len(points) != len(scores) \
            or not all(p < s for p, s in zip(points, scores)) or not all(s < p for s, p in zip(scores, points[1:])):
        yield start, end
        return
    commas = [max(text.rfind("，", s, p), text.rfind(",", s, p)) for s, p in zip(scores, points[1:])]
    if min(commas) < 0:
        yield start, end
        return
    bounds = [start] + [comma + 1 for comma in commas] + [end + 1]
    for begin, finish in zip(bounds, bounds[1:]):
        yield begin, finish - 1


def scored_sentences(facts: Facts) -> None:
    text = facts.text
    taken = {id(n) for i in facts.indicators + facts.restated for n in (i.target, i.actual, i.weight, i.self_score) if n} | \
        {id(n) for i in facts.items for n in (i.weight, i.score) if n}
    for start, end in _statements(text):
        points = [facts.number_at(m.end()) for m in _POINTS.finditer(text, start, end)]
        scores = [facts.number_at(m.end()) for m in _SCORE.finditer(text, start, end)]
        if len(points) != 1 or not scores or None in points or scores[-1] is None:
            continue
        weight, score = points[0], scores[-1]
        # its score before its points only as "得6分（满分6分）"
        bracketed = score.end <= weight.start and re.fullmatch(r"分?\s*[(（]\s*(?:满分|分值|权重)\s*", text[score.end:weight.start])
        if weight.unit != "分" or score.unit != "分" or score.start < weight.start and not bracketed \
                or score.value > weight.value or id(weight) in taken or id(score) in taken or weight.part or score.part:
            continue
        # "312天——全年公共文化场馆免费开放天数（目标≥300天），得6分（满分6分）": what was achieved first, a dash, its name
        first = _FIGURE_FIRST.match(text, start, end)
        label = _GROUP_LABEL.match(text, start + len(re.match(r"\s*" + LIST_MARK + "?", text[start:end]).group()), end)
        subject = _SUBJECT.match(text, first.end() if first else label.end() if label else start, end)
        if subject is None or _NO_SUBJECT.search(subject.group("name")) or facts.document.is_rule(start):
            continue
        name = re.sub(r"指标$|^.*?(?:指标|类)中", "", GOAL_AT_END.sub("", subject.group("name").strip())).strip()   # (…面积目标不少于; 效益指标中…)
        if len(text_key(name)) < 2:
            continue
        target, direction, actual = _goal_and_achieved(facts, subject.start("name"), end)   # (its 目标 may close its name)
        if FROM_BEFORE.search(name):      # "普及率由上年的86.7%提高到89.2%": the figure it rose to
            name, actual = FROM_BEFORE.sub("", name), actual or risen_to(facts, subject.end())
        if first is not None and actual is None:
            actual = facts.number_at(first.start("figure"))
        if actual is None and not GOAL_AT_END.search(subject.group("name")):
            # (not after "…目标": that is its target) — before its target too: "林农满意度94.1%（目标90%以上）"
            after = _figure_after_name(facts, subject.end())
            actual = after if target is None or after is not None and after.start < target.start \
                and after.unit == target.unit else None
        weight.part = score.part = True
        taken |= {id(weight), id(score)}
        named = [i for i in facts.indicators if _same_name(name, i.name or "")]
        same = next((i for i in named if i.weight is None and i.self_score is None), None)
        if named and same is None:
            continue                  # (a form's row said again in a sentence: one indicator, read once)
        if same is not None:          # said before with its figures: its points and score here
            same.weight, same.self_score = weight, score
            same.scored_apart = "分值与得分取自另一语句"
        elif target is not None or actual is not None:
            for n in (target, actual):
                if n is not None:
                    n.part = True
            facts.indicators.append(Indicator(len(facts.indicators) + 1, name, start, "", direction if target else None,
                                              target, actual, weight=weight, self_score=score, end=end,
                                              scored_apart="目标、实际值按提示词取自同一语句"))
        elif not named_already(name, [text_key(i.name) for i in facts.items]):
            facts.items.append(stated_item(name, score, weight))


def scores_alone(facts: Facts) -> None:
    """"场馆每周开放时长目标不少于35小时，实际平均42小时，得6分；": the one indicator of a statement, read already
    with its target, its statement ending with its score and no points — its score (no points: nothing to
    check it against, but read)."""
    text = facts.text
    for start, end in _statements(text):
        own = [i for i in facts.indicators if start <= (i.start or 0) < end]
        if len(own) != 1 or own[0].self_score is not None or own[0].weight is not None or own[0].target is None:
            continue
        at = own[0].start       # (from the indicator on: a heading run on before it has points of its own)
        said = re.search(r"(?<!扣)(?:得分|实得|得)\s*(?:为)?\s*(\d+(?:\.\d+)?)\s*分\s*$", text[at:end])
        if said is None or _POINTS.search(text, at, end) or len(_SCORE.findall(text, at, end)) != 1:
            continue
        score = facts.number_at(at + said.start(1))
        if score is not None and not score.part:
            own[0].self_score, score.part = score, True


# a statement's target said without a goal word, by the bound after it ("群众满意度达到95%以上，实际97%") or the
# plan it was ("原定2000平方米"), and what was achieved said with a word or two between ("实际达标率93.4%",
# "问卷调查结果为93%")
_BOUND_GOAL = re.compile(rf"(?:(?:{_WORDS['statement_goal'].pattern})\s*(?:为|是|达到|[:：])?\s*(?P<dir>{DIRECTION_PATTERN})?\s*"
                         r"|(?:原定|原计划|要求)\s*(?:为|达到)?\s*|(?:达到|实现|控制在)\s*(?=[\d,.]+\s*[^\d,，;；。\s]{0,4}?\s*(?:以上|以内|以下))"
                         # (a figure with its bound after it, said before what was achieved: "完成森林抚育5,000亩以上，实际抚育5,120亩")
                         r"|(?<=[\u4e00-\u9fff])(?=[\d,.]+\s*[^\d,，;；。\s]{0,4}?\s*(?:以上|以内|以下)\s*[,，]\s*实际)"
                         # (a plan then what was done: "年度计划维修养护小型水库12座，实际完成12座", "计划维修…45处，完成41处")
                         r"|(?<=[\u4e00-\u9fff])(?<!完成)(?<!实际)(?=[\d,.]+\s*[^\d,，;；。\s]{1,4}?\s*[,，]\s*(?:实际)?完成(?:了)?\s*\d)"
                         # ("布病免疫计划羊只64万只，实际免疫59.2万只": the plan's word inside the name)
                         r"|(?<=计划)(?P<planned>[\u4e00-\u9fff]{1,6})(?=[\d,.]+\s*[^\d,，;；。\s]{1,4}?\s*[,，]\s*实际[\u4e00-\u9fff]{1,4}\d))"
                         rf"(?=\d)")
_ACHIEVED_LOOSE = re.compile(r"(?:实际(?:完成|达到|为)?|(?:调查|测评|评价|抽查|回访)结果(?:为|是)|全年(?:共)?完成|实际[^\d，,；;。（(]{1,6}?(?:为|达)?"
                             r"|(?:年末|年底)(?:达到|为)|(?<=[,，])\s*完成(?:了)?(?=\d)|(?<=[,，])\s*[\u4e00-\u9fff]{1,4}率\s*为"   # ("…，成活率为88.6%")
                             # ("…目标为不低于85%，抽检达标率78.6%": a rate named after its target, not a completion's)
                             r"|(?<=[,，])\s*(?:抽检|抽查|检测|监测|调查|测评|实际)[\u4e00-\u9fff]{0,4}(?<!完成)(?<!执行)(?<!偏差)率)\s*(?=\d)")
_NOT_THE_YEAR = re.compile(r"年中|监控|截至|上半年|前三季度|季度|上年|去年|同期")


def goals_in_statements(facts: Facts) -> None:
    """The indicator of a statement that says its target and what was achieved, no points nor score, and no
    other reader took ("群众满意度达到95%以上，实际97%"; "受益农户满意度年度目标≥95%，问卷调查结果为93%"): one
    target, one achieved figure after it, in one unit, of the name the statement opens with. Its points and
    score may be said elsewhere (scored_items_joined)."""
    text = facts.text
    taken = {id(n) for i in facts.indicators + facts.restated for n in (i.target, i.actual, i.weight, i.self_score) if n}
    known = [text_key(i.name) for i in facts.indicators]
    for start, end in _statements(text):
        goals: dict[int, re.Match] = {}
        for said in _BOUND_GOAL.finditer(text, start, end):
            goals.setdefault(said.end(), said)      # (one figure, one goal: "达到95%以上" by its cue word)
        goals = list(goals.values())
        achieved = list(_ACHIEVED_LOOSE.finditer(text, start, end))
        if len(goals) != 1 or len(achieved) != 1 or achieved[0].start() < goals[0].end() \
                or facts.document.is_rule(start) or _NOT_THE_YEAR.search(text, start, end) or _POINTS.search(text, start, end):
            continue
        target, actual = facts.number_at(goals[0].end()), facts.number_at(achieved[0].end())
        if target is None or actual is None or id(target) in taken or id(actual) in taken or target.part or actual.part \
                or target.unit != actual.unit or target.unit in ("分", "万元", "元") or target.measure == "share":
            continue
        label = _GROUP_LABEL.match(text, start + len(re.match(r"\s*" + LIST_MARK + "?", text[start:end]).group()), end)
        opening = text[label.end() if label else start:goals[0].start()]     # the name, up to its target
        name = re.sub(r"^\s*" + LIST_MARK + r"?\s*|指标$|^.*?(?:指标|类)中|(?:年度|全年)$", "", GOAL_AT_END.sub("", opening.strip())).strip()
        name = re.sub(r"^(?:年度|全年)?(?:计划|原计划)", "", name)     # ("年度计划维修养护小型水库": what was planned)
        if goals[0].group("planned"):          # (the plan's word inside the name: the
            name = re.sub(r"计划(?!生育)", "", name + goals[0].group(0))   # words after it are the name's too)
        # the completion said in brackets or a clause right after what was achieved ("…59.2万只（完成率93.75%）")
        said = _COMPLETION_AFTER.match(text, actual.end)
        completion = facts.number_at(said.start("rate")) if said else None
        if not re.fullmatch(r"[^，,。；;:：()（）\d“”\"]{2,30}", name) or _NO_SUBJECT.search(name) \
                or len(text_key(name)) < 2 or named_already(name, known):
            continue
        direction = DIRECTIONS[goals[0].group("dir")] if goals[0].group("dir") else \
            direction_after(text, target.end) or ("<=" if goals[0].group(0).startswith("控制在") else "=")
        target.part = actual.part = True
        known.append(text_key(name))
        facts.indicators.append(Indicator(len(facts.indicators) + 1, name, start, "", direction, target, actual,
                                          completion=completion if completion is not None and completion.is_rate else None,
                                          end=end, scored_apart="目标、实际值按提示词取自同一语句"))


_COMPLETION_AFTER = re.compile(r"\s*[^\d，,；;。（(]{0,4}?\s*(?:[（(]|[，,])\s*(?:完成率|完成比例)\s*(?:为|达)?\s*(?P<rate>\d+(?:\.\d+)?)\s*%")


def _same_name(one: str, other: str) -> bool:
    """One indicator's name: the same words, or one holding most of the other ("作业及时率" and "飞防作业及时率";
    not "面积" and "深松整地面积")."""
    one, other = text_key(one), text_key(other)
    return one == other or same_name(one, other, most=0.6)


def _goal_and_achieved(facts: Facts, start: int, end: int) -> tuple:
    """The target (and its direction) and what was achieved, each said once in the statement with its
    cue word ("目标≥6万亩", "实际6万亩"; 完成率 is no achieved figure: no digit right after 完成)."""
    text = facts.text
    goals = list(_GOAL.finditer(text, start, end))
    achieved = list(ACHIEVED_SAID.finditer(text, start, end))
    target = facts.number_at(goals[0].end()) if len(goals) == 1 else None
    actual = facts.number_at(achieved[0].end()) if len(achieved) == 1 else None
    for n in (target, actual):
        if n is not None and n.unit == "分":
            return None, None, None
    if target is not None and actual is not None and target.unit != actual.unit:
        return None, None, None      # 目标12万亩 against 实际11.68 (no unit): nothing compared
    sign = goals[0].group("dir") or goals[0].group("sign") if target is not None else None
    direction = DIRECTIONS[sign] if sign else "="
    return target, direction, actual


def _figure_after_name(facts: Facts, at: int):
    """"结转结余率2.06%，满分3分": the figure right after the subject's name is what was achieved."""
    n = facts.number_at(at)
    return n if n is not None and n.unit not in ("分", "万元", "元") and not n.part else None


# a fall said in words before its figure ("实际下降8.61%", "同比减少3.2%"): the change is below nought
_A_FALL = re.compile(r"(?:下降|减少|降低|压减|降幅)(?:了|为|达)?\s*$")


def unsigned_ceilings(facts: Facts) -> None:
    """An indicator said without ≥ or ≤ whose name says less is better ("| 群众投诉率 | 3% | 1.2% | 10 | 10 |"), what it
    achieved under its target: a ceiling kept under (templates/_report_cues.toml [words] ceiling_names). Above its target
    it stays as said: which way it was meant is not known, and the exact reading gives no shortfall to score."""
    for indicator in facts.indicators:
        if indicator.direction == "=" and indicator.target is not None and indicator.actual is not None \
                and indicator.actual.value < indicator.target.value and not is_date(indicator.target) \
                and words()["ceiling_names"].search(text_key(indicator.name or "")):
            indicator.direction = "<="


def falls_signed(facts: Facts) -> None:
    """An indicator of a change held at or under nought ("“三公”经费变动率指标值为不高于0，实际下降8.61%"): what
    was achieved, said as a fall, is the change below nought (−8.61%), not 8.61% over its ceiling."""
    for indicator in facts.indicators:
        actual, target = indicator.actual, indicator.target
        if actual is None or target is None or target.value != 0 or actual.value <= 0 \
                or indicator.direction not in ("<=", "<") \
                or not _A_FALL.search(facts.text[max(0, actual.start - 6):actual.start]):
            continue
        indicator.actual = dataclasses.replace(actual, value=-actual.value)
