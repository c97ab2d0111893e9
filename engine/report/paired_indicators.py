"""Indicators said in a sentence of their own, a target and what was achieved one clause after the other
("不动产登记发证年度指标≥6000件，实际完成6418件", "村道硬化计划2.4公里，已完成2.16公里", "场馆免费开放306天（目标不少于300天）"):
each with the completion, points and score its sentence says, outside every indicator's own paragraph."""
from __future__ import annotations

import re

from ..core.parsing import DIRECTIONS, text_key
from .facts import Facts, Indicator, named_already
from .names import NAME_PREFIX
from .numbers import sentence_bounds
from .plain import FIGURE, LIST_MARK
from .scored import points_and_score_after
from .text import CELL
from .vocabulary import words

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
TARGET_SAID = re.compile(r"(?P<name>[^\d,，;；。:：\n()（）]{2,30}?)\s*(?:绩效)?(?:年度)?(?:目标值|指标值)\s*(?:是|为)\s*"
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


def paired_indicators(facts: Facts) -> None:
    known = [text_key(i.name) for i in facts.indicators]
    spans = [(i.start, facts._end_of(i)) for i in facts.indicators]
    # (runs of spaces — a table set in columns — made sentence ends for these sentence patterns, of the same
    # length so that every offset holds: a name and the spaces around it would backtrack without end)
    text = re.sub(r"[ \u3000]{3,}", lambda m: "。" * len(m.group()), facts.text)
    matches = [*_PAIRED.finditer(text), *_PLANNED.finditer(text), *_PLANNED_NAME.finditer(text),
               *_ACHIEVED_FIRST.finditer(text), *TARGET_SAID.finditer(text), *_TITLED.finditer(text),
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
        planned = match.re in (_PLANNED, _PLANNED_NAME, TARGET_SAID)   # (a plan's figure is a floor …)
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
        if match.re is TARGET_SAID and words()["cost"].search(name):
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
