"""Indicators stated twice, apart: the target among the goals ("全年计划召开常委会议≥4次，提案办复
率100%") and what was achieved among the results ("常委会议5次；提案办复率100%"), each in a section
the document model says is of goals or of results (templates/_report_sections.toml) — paired by
the name their clauses end with, in the same unit.  Precision first: a figure alone in its
clause, a shared name of four characters or more (or the whole of the shorter name, not a
measure's word such as 完成率), one result for one goal; else nothing is paired."""
from __future__ import annotations

import re

from ..core.parsing import DIRECTIONS, text_key
from .document import Document
from .facts import shared_core
from .numbers import Number, direction_after, direction_before, measure_of
from .plain import LIST_MARK
from .vocabulary import goals_paragraph_words

_NOISE = re.compile(r"(?:为|是|达到|达|控制在|保持在|稳定在|保持|维持在|维持|[:：])\s*$")   # ("…成灾率控制在0.8‰以内": the name before)
_MIN_SHARED = 4
_UNIT_AFTER = re.compile(r"[^\d\s,，;；。、:：()（）|]{0,4}(?:[(（][^\d\s()（）,，;；。]{1,2}[)）])?")   # ("1,800台（套）": 台（套）)


def unit_of(text: str, n: Number) -> str:
    """The figure's whole unit: the one numbers.py knows and the words that go on it ("3.4万人次")."""
    more = _UNIT_AFTER.match(text, n.end).group(0)
    return n.unit + re.sub(r"(?:以上|以下|以内|及以上|及以下)$", "", more)


def _stated(document: Document, numbers: list[Number], kind: str) -> list[tuple[str, Number]]:
    """(the words before it in its clause, the figure) of each figure alone in its clause, in a
    paragraph of a section of `kind` (its innermost kind)."""
    out = []
    for n in numbers:
        if n.part or document.kinds_at(n.start)[:1] != [kind] and not (kind == "goals" and _goals_paragraph(document, n)):
            continue
        block = document.block_at(n.start)
        if block is None or block.kind == "row":
            continue
        start, end = document.clause_at(n.start)
        if any(m is not n and start <= m.start < end and not bracketed_completion(document.text, n, m) for m in numbers):
            continue     # (one figure in its clause, or its completion in brackets after it: "…77.32万亩（完成目标的101.07%）")
        words = _NOISE.sub("", re.split(r"[:：]", document.text[start:n.start])[-1].strip())   # after "目标为："
        words = re.sub(r"^" + LIST_MARK + r"\s*", "", words)      # ("5.节日走访慰问优抚对象不少于1,400户": no "5.")
        direction = direction_before(words)
        if direction:
            words = re.sub(r"(?:≥|≤|>=|<=|>|<|=|" + "|".join(map(re.escape, DIRECTIONS)) + r")\s*$", "", words)
        words = _NOISE.sub("", words.strip())
        if kind == "results" and _PLANNED.search(words):
            continue        # ("布病免疫计划羊只64万只，实际免疫59.2万只": the plan among the results is no result)
        if len(text_key(words)) >= 2 and unit_of(document.text, n):
            out.append((words, n))
    return out


_PLANNED = re.compile(r"计划(?!生育)|目标|指标值|原定|预期")
_BRACKETED_COMPLETION = re.compile(r"\s*[^\d()（）,，;；。]{0,6}[(（，,]\s*(?:完成(?:年度)?(?:目标|计划)?(?:任务)?(?:值)?的|完成率(?:为)?)\s*$")


def bracketed_completion(text: str, n: Number, m: Number) -> bool:
    """`m` is the completion said in brackets right after `n` ("77.32万亩（完成目标的101.07%）")."""
    return m.start > n.end and m.is_rate and _BRACKETED_COMPLETION.fullmatch(text, n.end, m.start) is not None


_GOALS_OPEN = goals_paragraph_words()     # "年度整体绩效目标为：…", "2023年度部门整体绩效目标："


def _goals_paragraph(document: Document, n: Number) -> bool:
    """The figure stands in a sentence that opens by saying it lists the goals, in no section of results
    or scoring."""
    block = document.block_at(n.start)
    if block is None or block.kind != "paragraph" or set(document.kinds_at(n.start)[:1]) & {"results", "scoring"}:
        return False
    sentence = max(block.start, document.text.rfind("。", block.start, n.start) + 1)     # (its own sentence)
    return _GOALS_OPEN.match(document.text, sentence, n.start) is not None


def _shared_end(a: str, b: str) -> str:
    k = 0
    while k < min(len(a), len(b)) and a[-1 - k] == b[-1 - k]:
        k += 1
    return a[len(a) - k:] if k else ""


def goal_result_pairs(document: Document, numbers: list[Number], known: list[str]) -> list[tuple[str, str, Number, Number]]:
    """(name, direction, target, actual) of each goal paired with its result; `known`: the names
    of indicators already read (not read again)."""
    goals, results = _stated(document, numbers, "goals"), _stated(document, numbers, "results")
    used: set[int] = set()
    out = []
    for words, target in goals:
        matches = []
        for k, (said, actual) in enumerate(results):
            if unit_of(document.text, actual) != unit_of(document.text, target):
                continue         # (a result used by another goal still makes a tie: see below)
            if _names_one(text_key(words), text_key(said)):     # ("完成率" alone names no indicator)
                shared = _shared_name(text_key(words), text_key(said))
                matches.append((len(shared), k, shared))
        if not matches:
            continue
        matches.sort(reverse=True)
        tied = [m for m in matches if m[0] == matches[0][0]]
        if len(tied) > 1:                  # two results end with the same words ("按期办结率"): the one
            rest = text_key(words)[:-len(tied[0][2])][-6:]   # whose sentence names the rest of the goal's
            tied = [m for m in tied if len(rest) >= 2 and rest in text_key(_segment(document, results[m[1]][1]))]
            if len(tied) != 1:             # name ("审查逮捕案件…"), or nothing is paired
                continue
            matches = [(tied[0][0], tied[0][1], rest + tied[0][2])]
        _, k, name = matches[0]
        if k in used or any(name in other or other in name for other in known if other):
            continue
        used.add(k)
        known.append(name)
        out.append((name, _direction(document, target), target, results[k][1]))
    paired = {id(n) for *_, t, a in out for n in (t, a)}
    out += _by_their_unit(document, goals, results, paired, known)
    paired = {id(n) for *_, t, a in out for n in (t, a)}
    return out + _measured_against_a_goal(document, goals, results, paired, known)


_NO_OWN_UNIT = {"", "%", "万元", "元", "亿元", "分", "个百分点"}


def _by_their_unit(document: Document, goals: list, results: list, paired: set[int], known: list[str]) -> list:
    """A goal and a result not paired by name, each the only one of its unit on its side ("接收进馆档案
    不少于12,000卷" and "全年接收…到期档案13,286卷"), their words sharing two characters or more: one
    indicator."""
    unit = lambda n: unit_of(document.text, n)     # noqa: E731
    out = []
    for words, target in goals:
        mine = unit(target)
        # (a part of a result is none: "…77.32万亩（…），其中财政补助面积76.50万亩")
        results_of_it = [(said, actual) for said, actual in results if unit(actual) == mine and not _a_part(document, actual, results)]
        if mine in _NO_OWN_UNIT or id(target) in paired or sum(unit(t) == mine for _, t in goals) != 1 \
                or len(results_of_it) != 1 or id(results_of_it[0][1]) in paired:
            continue
        said, actual = results_of_it[0]
        words = _BARE_VERB.sub("", words)
        name = text_key(words)
        if len(name) < 2 or shared_core(name, text_key(said)) < 2 or any(name in other or other in name for other in known if other):
            continue
        known.append(name)
        out.append((words, _direction(document, target), target, actual))
    return out


# a result measured against its goal in the clause after it ("…，参训236人，完成年度目标的98.3%")
_AGAINST_ITS_GOAL = re.compile(r"\s*[,，]\s*(?:完成(?:了)?(?:年度|全年)?(?:目标|计划)(?:任务)?(?:值)?的|完成率(?:为|达)?)\s*\d")


def _measured_against_a_goal(document: Document, goals: list, results: list, paired: set[int], known: list[str]) -> list:
    """A result its sentence measures against its goal ("全年组织退役军人适应性培训3期，参训236人，完成年度目标的
    98.3%") and the one goal of its unit, not paired yet, whose words share four characters or more with that
    sentence ("退役士兵适应性培训人数不少于250人"), sharing them with no other result so measured: one indicator."""
    unit = lambda n: unit_of(document.text, n)     # noqa: E731
    measured = [(said, actual) for said, actual in results if id(actual) not in paired and unit(actual) not in _NO_OWN_UNIT
                and not _a_part(document, actual, results) and _AGAINST_ITS_GOAL.match(document.text, actual.end)]
    out = []
    for said, actual in measured:
        sentence = text_key(_segment(document, actual))
        near = [(words, target) for words, target in goals if id(target) not in paired and unit(target) == unit(actual)
                and shared_core(_BARE_VERB.sub("", text_key(words)), sentence) >= _MIN_SHARED]
        if len(near) != 1:
            continue
        words, target = near[0]
        name = _BARE_VERB.sub("", words)
        if any(other is not actual and shared_core(text_key(name), text_key(_segment(document, other))) >= _MIN_SHARED
               for _, other in measured) or any(text_key(name) in k or k in text_key(name) for k in known if k):
            continue
        known.append(text_key(name))
        paired |= {id(target), id(actual)}
        out.append((name, _direction(document, target), target, actual))
    return out


_BARE_VERB = re.compile(r"^(?:全年|年度|当年)?(?:完成|实现)?|(?:控制在|保持在)$")   # "全年完成…", "…控制在": no name


def _direction(document: Document, target: Number) -> str:
    """The target's direction from the words before it ("不少于"), else after it ("控制在6.5‰以内")."""
    return direction_before(document.text[document.clause_at(target.start)[0]:target.start]) \
        or direction_after(document.text, target.end) or "="


def goal_targets(document: Document, numbers: list[Number], indicators: list) -> list[tuple]:
    """(indicator, direction, target) for each indicator read with what it achieved but no target, whose
    target the goals state under its name, in its unit ("绩效目标为：…公路列养率100%…" and "公路列养率
    100%（分值6分，得6分）"): the one goal ending most like its name, else none."""
    goals = _stated(document, numbers, "goals")
    out = []
    for indicator in indicators:
        if indicator.target is not None or indicator.actual is None or indicator.direction == "定性":
            continue
        name = text_key(indicator.name)
        unit = unit_of(document.text, indicator.actual)
        if indicator.actual.unit in _NO_OWN_UNIT - {"%"} or _CUT_SHORT.search(name):
            continue       # (an amount or points; a name cut at a bound "…收入超过10万元的村": its figure no actual)
        named = [(len(_shared_end(text_key(words), name)), t) for words, t in goals
                 if unit_of(document.text, t) == unit and t is not indicator.actual and _names_one(text_key(words), name)]
        closest = [t for shared, t in named if shared == max(named, key=lambda m: m[0])[0]]
        if len(closest) == 1:       # (the goal that names it most closely, if one does)
            out.append((indicator, _direction(document, closest[0]), closest[0]))
    return out


def goal_results(document: Document, numbers: list[Number], indicators: list) -> list[tuple]:
    """(indicator, actual) for each indicator read with its target alone (a goals table's row "| 参训学员满意度
    | ≥90% |"), whose result the results state alone in its clause under its name, in its unit ("…，参训学员
    满意度96.2%"): the one result ending most like its name, used by no other, else none."""
    results = [(words, n) for words, n in _stated(document, numbers, "results")
               if unit_of(document.text, n) not in _NO_OWN_UNIT - {"%"}]     # ("21.6万人次": a unit of its own)
    found = []
    for indicator in indicators:
        if indicator.target is None or indicator.actual is not None or indicator.direction == "定性":
            continue
        name, unit = text_key(indicator.name), unit_of(document.text, indicator.target)
        named = [(len(_shared_end(text_key(words), name)), n) for words, n in results
                 if unit_of(document.text, n) == unit and n is not indicator.target and _names_one(text_key(words), name)]
        closest = [n for shared, n in named if shared == max(named, key=lambda m: m[0])[0]]
        if len(closest) == 1:
            found.append((indicator, closest[0]))
        elif not named:
            found += _result_by_its_unit(document, indicator, indicators, results)
    return [(indicator, actual) for indicator, actual in found if sum(a is actual for _, a in found) == 1]


_BOUND_AFTER = re.compile(r"[^\d,，;；。]{0,5}(?:以内|内|前)")     # ("均在季度结束后15个工作日内拨付": a bound kept)


def _result_by_its_unit(document: Document, indicator, indicators: list, results: list) -> list[tuple]:
    """An indicator's target the only one of its own unit, and the one result of that unit among the results
    (not a part of another), their words sharing two characters or more ("值班律师派驻工作日 | ≥400人天" and
    "…共派驻值班律师420人天（完成率105.00%）"): that result."""
    unit = lambda n: unit_of(document.text, n)     # noqa: E731
    mine = unit(indicator.target)
    if mine in _NO_OWN_UNIT or sum(i.target is not None and unit(i.target) == mine for i in indicators) != 1:
        return []
    of_it = [(said, n) for said, n in results if unit(n) == mine and not _a_part(document, n, results)]
    if len(of_it) != 1 or _BOUND_AFTER.match(document.text, of_it[0][1].end) or shared_core(text_key(indicator.name), text_key(of_it[0][0])) < 2:
        return []
    return [(indicator, of_it[0][1])]


_CUT_SHORT = re.compile(r"(?:超过|达到|不少于|不低于|高于|低于|以上|以下)$")


_COUNTED = re.compile(r"(?:(?:人|户|个|次)?数(?:量)?|人次|户次)$")   # ("城镇新增就业人数" and "…实现城镇新增就业": one name; "助餐服务人次")


def _shared_name(goal: str, said: str) -> str:
    """The words a goal and its result end with, what is counted left aside if that shares more ("城镇新增就业
    人数" and "全年实现城镇新增就业": 城镇新增就业人数)."""
    shared = _shared_end(goal, said)
    bare = _shared_end(_COUNTED.sub("", goal), _COUNTED.sub("", said))
    if len(bare) >= _MIN_SHARED and len(bare) > len(shared):
        counted = _COUNTED.search(goal)
        return bare + (counted.group(0) if counted else "")
    return shared


def _names_one(goal: str, name: str) -> bool:
    """A goal's words and an indicator's name end alike in four characters or more (one of them ending in what
    is counted, "…人数", or not), or one is the whole of the other (not a measure's word alone: "完成率")."""
    if len(_shared_name(goal, name)) >= _MIN_SHARED:
        return True
    shared = _shared_end(goal, name)
    return len(shared) >= 3 and shared in (goal, name) and not measure_of(shared)


def _a_part(document: Document, n: Number, results: list) -> bool:
    """The figure is a part of a 其中 list ("其中拖拉机412台、…、其他机具969台（套）": each, not only the first) whose whole is
    itself a result ("全年共补贴各类农业机械1,936台（套），其中…"): the whole stands for them. (A part of a whole that is no
    result — said with its target, or with another figure — stays one of the results: which is the goal's is not known.)"""
    segment = _segment(document, n)
    if "其中" not in segment:
        return False
    opened = n.start - len(segment) + segment.index("其中")
    before = [actual for _, actual in results if actual.end <= opened]
    return bool(before) and not re.search(r"[。；;\n]", document.text[before[-1].end:opened]) \
        and "其中" not in document.text[before[-1].end:opened]


def _segment(document: Document, n: Number) -> str:
    """The words of the figure's sentence up to it, since the last ； or 。 ("受理审查逮捕案件126件，
    按期办结率")."""
    text = document.text
    start = max(text.rfind(c, 0, n.start) for c in "；;。\n") + 1
    return text[start:n.start]
