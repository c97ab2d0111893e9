"""An indicator whose paragraph is headed by its name, its figures in the sentences after it:
"1.法律援助案件办理。目标不少于900件，全年办理864件，其中….该项分值8分，按完成比例计得7.86分。",
"3.再犯罪率。目标控制在0.2%以内，实际0.11%，6分全得。" — a numbered heading of a name alone (no figure,
no bracket), then, up to the paragraph's end, one target with its goal word, what was achieved (said
with its word, else the first figure after the target in the target's unit, no 其中 part of it), and
its points and score (one of each; "N分全得" and "按满分N分计" score it in full)."""
from __future__ import annotations

import re

from ..core.parsing import DIRECTION_PATTERN, DIRECTIONS, text_key
from .facts import Facts, Indicator, named_already
from .numbers import direction_after
from .plain import LIST_MARK
from .statements import ACHIEVED_SAID
from .vocabulary import words

_WORDS = words()
_HEADED = re.compile(r"^[ \t\u3000]*" + LIST_MARK + r"\s*(?P<name>[^，,。；;:：()（）\d\n%、]{2,30}?)\s*"
                     r"(?P<points>[(（]\s*(?:分值|权重|满分)\s*\d+(?:\.\d+)?\s*分\s*[)）])?\s*[。:：]"   # ("城镇新增就业人数（分值8分）。")
                     r"(?P<body>[^\n]+)$", re.M)
_GOAL = re.compile(rf"(?:{_WORDS['statement_goal'].pattern})\s*(?:为|是|[:：])?\s*(?:[^\d,，。；;]{{0,8}}?(?={DIRECTION_PATTERN}|控制在))?"
                   rf"\s*(?P<ceiling>控制在)?\s*(?P<dir>{DIRECTION_PATTERN})?\s*(?=\d)")   # ("年度目标为新增就业不少于260名")
_POINTS = re.compile(rf"(?:{_WORDS['statement_points'].pattern})\s*(?:为|是)?\s*(?=\d)"
                     r"|(?<=[(（])\s*(?=\d+(?:\.\d+)?\s*分\s*[,，]\s*得)")
_SCORE = re.compile(r"(?<!扣)(?:自评得分|得分|实得|计得|得)\s*(?:为)?\s*(?=\d)")
_IN_FULL = re.compile(r"(?P<points>\d+(?:\.\d+)?)\s*分\s*(?:全得|全部得分)|按满分\s*(?P<full>\d+(?:\.\d+)?)\s*分\s*计"
                      r"|(?:分值|满分)\s*(?P<valued>\d+(?:\.\d+)?)\s*分\s*[,，]\s*(?:全得|全部得分|得满分)")   # "（分值8分，全得）"
_NOT_ACHIEVED = re.compile(r"目标|计划|指标值|预期|上年|去年|同期|其中|含|年中|监控|截至")
_NOT_A_NAME = re.compile(rf"^(?:{_WORDS['indicator_group'].pattern}|产出|效益|决策|过程|管理|预算执行)(?:指标|情况|方面)?$"
                         r"|^(?:该|本项|以上|其中|合计|小计|总分|经自评|综上)|得分|扣分|满分|分值|权重|问题(?!整改|办结|解决|处置|销号)|措施|原因|情况$|方面$|分析$|目标$|指标")   # (a group's heading)


_CUT = re.compile(r"^(?:.{0,2}$|[岁个户人名年月日次元件项])")    # words cut short after a figure ("0-6岁残疾儿童")


def headed_indicators(facts: Facts) -> None:
    text = facts.text
    known = [text_key(i.name) for i in facts.indicators]
    for match in _HEADED.finditer(text):
        name, start, end = match.group("name").strip(), match.start("body"), match.end("body")
        if _NOT_A_NAME.search(name) or facts.document.is_rule(start):
            continue
        goals = list(_GOAL.finditer(text, start, end))
        target = facts.number_at(goals[0].end()) if len(goals) == 1 else None
        read = next((i for i in facts.indicators if target is not None and i.target is target), None)
        cut = read is not None and read.start >= start - len(name) - 4 and _CUT.match(text_key(read.name))
        # (read already by its name — its points and score said apart — with no target or achieved: its paragraph's)
        bare = next((i for i in facts.indicators if text_key(i.name) == text_key(name) and i.target is None
                     and i.actual is None and i.self_score is not None), None)
        if named_already(name, known) and not cut and bare is None:
            continue
        named_item = any(i.score is not None and text_key(i.name) == text_key(name) for i in facts.items)
        weight, score = (bare.weight, bare.self_score) if bare is not None else \
            _points_and_score(facts, match.start("points") if match.group("points") else start, end,
                              read_as_an_item=bool(cut) and named_item)
        if cut:
            read.name = name       # (read from its sentence under words cut short — "岁残疾儿童" of "0-6岁残疾儿童" —:
            known.append(text_key(name))    # the heading over its one target names it)
            if read.weight is None and read.self_score is None and weight is not None:
                read.weight, read.self_score = weight, score    # (… and its paragraph's one 分值 and score are its)
                weight.part = score.part = True
        if target is not None and (target.part or read is not None):
            continue      # (read already from its sentences: one indicator, read once)
        if target is None or target.unit == "分":
            continue
        actual, said = _achieved(facts, target, start, end)
        if actual is None:       # "1.残疾儿童康复救助。全年救助…338人，年度目标≥320人，完成目标。"
            actual, said = _achieved_before(facts, target, start), weight is None
        if actual is None:
            continue
        direction = DIRECTIONS[goals[0].group("dir")] if goals[0].group("dir") else \
            direction_after(text, target.end) or ("<=" if goals[0].group("ceiling") else "=")
        completion = next((n for n in facts.numbers if start <= n.start < end and n.measure == "completion"
                           and n.is_rate and not n.part), None)
        for n in (target, actual, weight, score, completion):
            if n is not None:
                n.part = True
        known.append(text_key(name))
        # its figures its paragraph's, what was achieved said with its word or in the clause right after the
        # target's: one statement; else what was achieved is the reader's guess, its score checked as a warning
        next_clause = actual.start > target.start and re.fullmatch(r"[^,，;；。]*[,，][^,，;；。]*", text[target.end:actual.start])
        apart = "" if said or next_clause else "实际值按单位取自目标之后的数字"
        if bare is not None:
            bare.direction, bare.target, bare.actual, bare.completion = direction, target, actual, completion
            bare.scored_apart = bare.scored_apart or apart
            continue
        facts.indicators.append(Indicator(len(facts.indicators) + 1, name, match.start(), "", direction, target, actual,
                                          completion=completion, weight=weight, self_score=score, end=end,
                                          scored_apart=apart))


def _points_and_score(facts: Facts, start: int, end: int, read_as_an_item: bool = False) -> tuple:
    """Its one 分值 and its score (the last 得N分), or the points it was scored in full (`read_as_an_item`: even where
    its line was read as an item of its name — the heading's — already)."""
    text = facts.text
    full = list(_IN_FULL.finditer(text, start, end))
    points = [facts.number_at(m.end()) for m in _POINTS.finditer(text, start, end)]
    scores = [facts.number_at(m.end()) for m in _SCORE.finditer(text, start, end)]
    if len(full) == 1 and not scores and len(points) <= 1:
        said = facts.number_at(full[0].start(next(g for g in ("points", "full", "valued") if full[0].group(g))))
        return said, said
    if len(points) != 1 or not scores or None in points or scores[-1] is None:
        return None, None
    weight, score = points[0], scores[-1]
    if weight.unit != "分" or score.unit != "分" or score.value > weight.value \
            or (weight.part or score.part) and not read_as_an_item:
        return None, None
    return weight, score


def _achieved_before(facts: Facts, target, start: int):
    """What was achieved said first, with no points nor score in the paragraph: the one figure in the target's
    unit before it (none: not read)."""
    before = [n for n in facts.numbers if start <= n.start < target.start and n.unit == target.unit and not n.part
              and n.measure is None and not _NOT_ACHIEVED.search(n.label)]
    return before[0] if len(before) == 1 and target.unit else None


def _achieved(facts: Facts, target, start: int, end: int):
    """What was achieved (and whether a word said so): the one figure said with its word after the target,
    else the first figure in the target's unit after it (not a part of it, not a goal's, not another
    period's)."""
    said = [facts.number_at(m.end()) for m in ACHIEVED_SAID.finditer(facts.text, target.end, end)]
    said = [n for n in said if n is not None]
    if len(said) == 1 and said[0].unit == target.unit:
        return said[0], True
    after = [n for n in facts.numbers if target.end <= n.start < end and n.unit == target.unit and not n.part
             and n.measure not in ("share", "completion", "deviation", "weight", "score")]
    first = after[0] if after else None
    if first is None or _NOT_ACHIEVED.search(first.label):
        return None, False
    ends = re.findall(r"[。；;]", facts.text[target.end:first.start])
    # (a figure of the next sentence is another's: "…完成率107.75%。…不合格样品64批次" — unless the target's sentence
    # said the target alone: "2.残疾儿童康复救助。目标为150名以上。全年对163名…实施康复救助")
    if ends and (len(ends) > 1 or not _TARGET_ALONE.fullmatch(facts.text, _sentence_start(facts.text, target.start),
                                                                target.start)):
        return None, False
    return first, False


_TARGET_ALONE = re.compile(rf"\s*(?:年度|全年)?(?:{_WORDS['statement_goal'].pattern})\s*(?:为|是|[:：])?\s*[^\d,，。；;]{{0,8}}?"
                           rf"(?:控制在)?\s*(?:{DIRECTION_PATTERN})?\s*")   # ("年度目标为新增就业不少于260名。")


def _sentence_start(text: str, at: int) -> int:
    return max(text.rfind(c, 0, at) for c in "。；;\n") + 1
