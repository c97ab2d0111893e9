"""The points and scores said with a report's indicators, wherever they are said: after an indicator's
figures in its sentence or its paragraph ("…，该指标分值15分，得分15分", "，得8分（分值8分）"), several at once
after them ("以上2项各10分，均得满分"), in a 评分表 row that names it, or in a statement of its own
("在职人员控制率93.48%，…该项分值5分，得5分", "绩效目标合理性，该指标分值4分，得分4分")."""
from __future__ import annotations

import re

from ..core.parsing import DIRECTIONS, text_key
from .facts import Facts, Indicator, StatedItem, named_already, same_name
from .items import AS_TARGETED
from .joined import another_name, one_thing
from .numbers import direction_after, measure_of, sentence_bounds
from .plain import COUNT, LIST_MARK, count_of
from .statements import FROM_BEFORE, GOAL_AT_END, risen_to
from .vocabulary import words


# "…，目标不少于120处，该指标分值15分，得分15分": its points and score later in its sentence
_POINTS_THEN_SCORE = re.compile(r"(?:该指标|该项指标|该项)?\s*(?:分值|权重|满分)\s*(?:为)?\s*(?P<weight>\d+(?:\.\d+)?)\s*分\s*[,，]\s*"
                                r"(?:按(?:完成|实际)?(?:比例|比率|完成率)(?:计算|计分)?\s*)?"   # ("分值10分，按完成比例得8.33分")
                                r"(?:扣(?:除|减)?\s*\d+(?:\.\d+)?\s*分\s*[,，]\s*)?"     # ("分值10分，扣0.8分，得9.2分")
                                r"(?:自评)?(?:得分|实得|得)\s*(?:为)?\s*(?P<score>\d+(?:\.\d+)?)\s*分"
                                # … or the score, its points in brackets ("，得8分（分值8分）")
                                r"|(?:该指标|该项指标|该项)?\s*(?:自评)?(?:得分|实得|得)\s*(?:为)?\s*(?P<score2>\d+(?:\.\d+)?)\s*分\s*"
                                r"[(（]\s*(?:分值|权重|满分)\s*(?P<weight2>\d+(?:\.\d+)?)\s*分\s*[)）]")
_COMPLETION_SAID = re.compile(r"完成率\s*(?:为|达)?\s*\d+(?:\.\d+)?\s*%")


def points_and_score_after(facts: Facts, offset: int, whole_paragraph: bool = False) -> tuple:
    """The points and score said after an indicator's figures in its sentence, no other figure between
    (a completion and a reason may stand there) — or, in a paragraph titled by the indicator, once in
    the rest of its paragraph."""
    text = facts.text
    if whole_paragraph:
        end = text.find("\n", offset)
        end = len(text) if end < 0 else end
        said = list(_POINTS_THEN_SCORE.finditer(text, offset, end))
        if len(said) != 1:
            return None, None
        return _points_and_score(facts, said[0])
    end = sentence_bounds(text, offset)[1]
    said = _POINTS_THEN_SCORE.search(text, offset, end)
    if said is None:
        return None, None
    # other figures between: its points and score only as the bracket that closes its statement
    # ("…16座，目标18座，2座因…实施（分值8分，得7.11分）。")
    closing = text[said.start() - 1:said.start()] in "(（" and re.match(r"\s*[)）]\s*(?:[。；;\n]|$)", text[said.end():])
    # … or as the clause that ends it, its score then its points in brackets ("…暂缓施工，该项得7.64分（分值8分）。")
    closing = closing or said.group("score2") is not None and re.match(r"\s*(?:[。；;\n]|$)", text[said.end():]) \
        and re.search(r"[,，]\s*$", text[:said.start()]) is not None
    if re.search(r"\d", _COMPLETION_SAID.sub("", text[offset:said.start()])) and not closing:
        return None, None
    return _points_and_score(facts, said)


def _points_and_score(facts: Facts, said: re.Match) -> tuple:
    weight, score = ("weight", "score") if said.group("weight") else ("weight2", "score2")
    return facts.number_at(said.start(weight)), facts.number_at(said.start(score))


# "…参保率97.6%，高于97%的目标。以上4项各8分，均得满分": the points and full marks of the indicators before
_TOGETHER = re.compile(r"以上\s*(?P<count>\d|[两二三四五六七八九])\s*项(?:指标)?\s*(?:各|分值均为|分值各为?|均为|各为)\s*(?P<points>\d+(?:\.\d+)?)\s*分"
                       r"\s*[,，]?\s*(?:均|全部|都)\s*得满分")


# "…中初制所数量、加工设备数量、验收合格率各10分均得满分": each named, its points, scored in full
_EACH_IN_FULL = re.compile(r"(?:^|(?<=[，,；;。：:中]))(?P<names>[^，,；;。：:\d、]{2,16}(?:、[^，,；;。：:\d、]{2,16})+)\s*"
                           r"(?:\d{1,2}\s*项(?:指标)?\s*)?"     # ("…、群众满意度4项指标各5分，均得满分")
                           r"(?:各|分值均为|均为|各为)\s*(?P<points>\d+(?:\.\d+)?)\s*分\s*[,，]?\s*(?:均|全部|都)\s*得满分")


# "设置6项指标，每项5分：A，目标100%，实际100%，得5分；B，…，按完成比例75%计3.75分；…": the points of the
# N indicators said after it, each statement ending with its score
_EACH_AFTER = re.compile(rf"(?P<count>{COUNT})\s*项(?:指标)?\s*[,，]?\s*(?:每项|各)\s*(?:分值)?\s*"
                         r"(?P<points>\d+(?:\.\d+)?)\s*分\s*[:：]")
_LAST_SCORE = re.compile(r"(?:得|计)\s*(?P<score>\d+(?:\.\d+)?)\s*分\s*$")


def _scored_after(facts: Facts) -> None:
    text = facts.text
    for said in _EACH_AFTER.finditer(text):
        count = count_of(said.group("count"))
        points = facts.number_at(said.start("points"))
        line_end = text.find("\n", said.end())
        line_end = len(text) if line_end < 0 else line_end
        statements = re.split(r"(?<=[;；。])", text[said.end():line_end])
        if points is None or len([s for s in statements if s.strip()]) < count:
            continue
        at, scored = said.end(), []
        for statement in statements[:count]:
            body = statement.rstrip("；;。 ")
            own = [i for i in facts.indicators if at <= i.start < at + len(body)]
            last = _LAST_SCORE.search(body)
            score = facts.number_at(at + last.start("score")) if last else None
            if len(own) > 1 or score is None or score.value > points.value or any(i.weight or i.self_score for i in own):
                break
            scored.append((own[0] if own else None, score))     # (a 定性 one, no figure read: its score only)
            at += len(statement)
        if len(scored) == count:       # every one of them scored: else none (the list is not what it said)
            for indicator, score in scored:
                if indicator is not None:
                    indicator.weight, indicator.self_score = points, score
                    indicator.scored_apart = "分值取自列出各项分值的语句"
                    score.part = True


# "人均成本、培训人次、…10项指标，分值依次为10、8、…、5分，得分依次为10、8、…、5分": each name, in turn, its
# points and its score
# (\s*+: a run of spaces taken whole — optional words between runs let a failing match share a long run out every way)
_IN_TURN = re.compile(r"(?P<names>[^，,。；;:：\d、]{2,20}(?:、[^，,。；;:：\d、]{2,20})+)\s*+(?:等)?\s*+(?:\d{1,2}\s*项(?:指标)?)?\s*+[,，]\s*"
                      r"(?:分值|权重)(?:依次|分别)(?:为|是)\s*(?P<points>\d+(?:\.\d+)?(?:\s*分)?(?:\s*、\s*\d+(?:\.\d+)?(?:\s*分)?)+)\s*[,，]\s*"
                      r"(?:自评)?得分(?:依次|分别)(?:为|是)\s*(?P<scores>\d+(?:\.\d+)?(?:\s*分)?(?:\s*、\s*\d+(?:\.\d+)?(?:\s*分)?)+)")


def _scored_in_turn(facts: Facts) -> None:
    for said in _IN_TURN.finditer(facts.text):
        names = [re.sub(r"^(?:上述指标中|其中|以上)\s*", "", n).strip() for n in said.group("names").split("、")]
        points = [facts.number_at(said.start("points") + m.start()) for m in re.finditer(r"\d+(?:\.\d+)?", said.group("points"))]
        scores = [facts.number_at(said.start("scores") + m.start()) for m in re.finditer(r"\d+(?:\.\d+)?", said.group("scores"))]
        if not len(names) == len(points) == len(scores) or None in points or None in scores \
                or any(s.value > p.value for s, p in zip(scores, points)):
            continue
        for name, weight, score in zip(names, points, scores):
            weight.part = score.part = True
            key = text_key(name)
            own = [i for i in facts.indicators if i.weight is None and i.self_score is None and same_name(key, text_key(i.name))]
            if len(own) == 1:
                own[0].weight, own[0].self_score = weight, score
                own[0].scored_apart = "分值与得分取自依次列出的语句"
                own[0].scored_as = another_name(own[0], name)
            else:       # an item of that name (joined to its indicator by scored_items_joined, if one is said)
                facts.items.append(StatedItem(name, score, weight))


def scored_together(facts: Facts) -> None:
    """"以上4项各8分，均得满分": each of the N indicators said just before (in its section, none scored yet)
    has those points and scores them in full; "A、B、C各10分均得满分": each named is an item scored in full
    (joined to its indicator by scored_items_joined)."""
    for said in _TOGETHER.finditer(facts.text):
        count = count_of(said.group("count"))
        section = facts.document.section_at(said.start()) if facts.document else None
        begin = section.start if section else 0
        before = [i for i in facts.indicators if begin <= i.start < said.start()]
        points = facts.number_at(said.start("points"))
        if points is None or len(before) < count or any(i.weight or i.self_score for i in before[-count:]):
            continue
        for ind in before[-count:]:
            ind.weight = ind.self_score = points
    _scored_after(facts)
    _scored_in_turn(facts)
    for said in _EACH_IN_FULL.finditer(facts.text):     # named: each an item, joined to its indicator below
        points = facts.number_at(said.start("points"))
        if points is not None:
            names = said.group("names").split("、")
            names[0] = re.sub(r"^.*?(?:指标|类)中", "", names[0])     # ("产出指标中演出场次": 演出场次)
            facts.items.extend(StatedItem(name.strip(), points, points) for name in names)



# the subject of a statement scored on its own: its name, and the figure said of it right after, if any
_SUBJECT = re.compile(r"\s*" + LIST_MARK + r"?\s*"
                      r"(?P<name>[^，,。；;:：\d()（）“”\"≥≤<>=⩾⩽≧≦]{2,30}?)\s*(?:为|达到|达)?\s*(?=\d|[,，])")   # (not "比例≥90%": a target)
_POINTS_CLOSED = re.compile(r"分\s*[)）]")
# a clause that names no subject: its target ("目标不少于45公里"), what was achieved ("实际56.4%"), a share
# ("达到目标值的94.00%") or a reason ("未完成原因是2处…")
_NOT_ITS_NAME = re.compile(rf"(?:{words()['statement_goal'].pattern})|.*(?:{words()['statement_achieved'].pattern})\s*$|.*的\s*$"
                           r"|.*(?:控制在|不超过|不高于|不低于|不少于|低于|高于|超过)\s*$"   # ("全年完成", "控制在": no name)
                           r"|(?:未完成|未达到|未达标|主要)?原因|因|由于|主要是|但|.*未\s*$"   # ("但未达到85%的目标")
                           r"|即|亦即|也就是"    # ("控制率93.48%，即年末实有在职86人占…的比例": the figure before, explained)
                           r"|(?:提高|提升|增加|增长|上升|下降|降低|减少)了?\s*$"   # ("…提高到57.9%，提高0.6个百分点": a change, no name)
                           r"|经?(?:抽样|问卷|实地|现场|第三方)?(?:调查|测评|抽查|测算|核查|统计|评估)(?:结果)?(?:为|显示)?\s*$"   # ("经抽样调查为88.2%")
                           r"|按(?:每|照|标准|评分|规定|规则|办法|(?:完成|实际)?(?:比例|完成率))|依据|根据"     # ("按每名每年12,000元标准拨付…": a standard, no name)
                           rf"|{AS_TARGETED.pattern}")     # ("…6座，与目标持平（分值10分…": no name)
_NO_SUBJECT = re.compile(r"该指标|该项|本类|本项|以上|其中|合计|小计|总分|得分|扣")


_NAME_THEN_POINTS = re.compile(r"\s*(?P<name>[^，,。；;:：\d()（）“”\"、]{2,20})\s*$")


def _subject(text: str, start: int, end: int) -> re.Match | None:
    """The statement's subject: its last clause that names a figure ("本级压减调整2,006.30万元，预算调整率
    12.79%，" is of 预算调整率), else its first clause (an item's name: "绩效目标合理性，")."""
    clauses = [start] + [start + m.end() for m in re.finditer(r"[,，]", text[start:end])]
    alone = _NAME_THEN_POINTS.match(text, clauses[-1], end)
    if alone is not None and len(clauses) > 1 and not _NOT_ITS_NAME.match(alone.group("name")):
        return alone     # ("…各10分均得满分，新创小戏小品分值10分，…": the name right before its points)
    for at in reversed(clauses):
        said = _SUBJECT.match(text, at, end)
        if said is not None and text[said.end():said.end() + 1].isdigit() \
                and not _NOT_ITS_NAME.match(FROM_BEFORE.sub("", said.group("name"))) \
                and measure_of(said.group("name")) not in ("completion", "deviation", "share"):
            return said      # (nor is "完成率92.44%", "达到目标值的94.00%": the indicator's completion, said after)
    first = _SUBJECT.match(text, start, end)
    return None if first is None or re.search(r"\d", text[first.end():clauses[1] if len(clauses) > 1 else end]) else first


# what was achieved, then the bound it kept ("失业率2.6%，控制在3%以内", "控制率95.31%，不超过100%", "…，目标95%以上")
_BOUND = re.compile(r"\s*[,，]\s*(?:但)?(?:(?:年度)?目标(?:值)?(?:为)?\s*)?"      # ("…92.7%，目标不低于90%")
                    r"(?P<word>控制在|不超过|未超过|未超出|不高于|低于|不低于|不少于|高于|超过|未达到|未达|达到|优于|(?:年度)?目标(?:值)?(?:为)?)\s*"
                    r"(?P<figure>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>[^\d,，;；。\s()（）]{0,4}?)\s*(?P<end>以内|以下|及以下|以上|及以上)?"
                    r"\s*(?:的(?:目标|要求|控制目标))?\s*(?=[,，;；。(（]|$)")


_EXPLAINED = re.compile(r"\s*[,，]\s*(?:即|亦即|也就是)[^,，。；;]*(?=[,，])")


_COMPLETION_WORDS = re.compile(r"完成(?:率|比例|进度)\s*(?:为|达|达到)?\s*$")
_ACHIEVED_NAME = re.compile(r"(?:全年|年度|本年)?实际")
_GOAL_FIRST = re.compile(r"\s*(?:年度|全年|本年)?(?:绩效)?(?:目标|计划|任务)(?:为|是)\s*(?P<full>[^，,。；;:：\d()（）“”\"]{2,16}?)\s*"
                         r"(?P<word>不低于|不少于|不高于|不超过|控制在|达到|≥|≤|>=|<=)?(?P<bare>)\s*(?=\d)")


def _named_with_its_target(facts: Facts, start: int, end: int, name: str, achieved) -> tuple | None:
    """The statement's first clause naming the indicator in full — its name ending with the short one — and
    its target ("牦牛冷配受胎率目标不低于60%"): (the full name, the direction, the target), in the unit achieved."""
    opening = re.match(r"\s*(?P<full>[^，,。；;:：\d()（）“”\"]{0,16}" + re.escape(name) + r")\s*(?:(?:年度)?(?:目标|指标值)(?:值)?\s*(?:为|是)?\s*"
                       r"(?P<word>不低于|不少于|不高于|不超过|控制在|达到|≥|≤|>=|<=)?|(?P<bare>不低于|不少于|不高于|不超过|控制在))"
                       r"\s*(?=\d)", facts.text[start:end])
    if opening is None and _ACHIEVED_NAME.match(name):
        # (the goal first, then what was achieved as the subject: "年度目标为新增就业岗位200个，实际新增186个，…得9.3分")
        opening = _GOAL_FIRST.match(facts.text[start:end])
    target = facts.number_at(start + opening.end()) if opening else None
    if target is None or target.unit != achieved.unit or target.part:
        return None
    word = opening.group("word") or opening.group("bare") or ""
    # (the signs and words core.parsing knows, and the two it does not: 控制在 a ceiling, 达到 a floor)
    direction = DIRECTIONS.get(word) or {"控制在": "<=", "达到": ">="}.get(word) or direction_after(facts.text, target.end) or "="
    return opening.group("full").strip(), direction, target


def _bound_after(facts: Facts, achieved, before: int) -> tuple:
    """The target said right after what was achieved, and its direction from its words; (None, None) if none."""
    explained = _EXPLAINED.match(facts.text, achieved.end, before)    # (past "，即…占…的比例")
    bound = _BOUND.match(facts.text, explained.end() if explained else achieved.end, before)
    target = facts.number_at(bound.start("figure")) if bound else None
    if target is None or target.unit != achieved.unit:
        return None, None
    word, end = bound.group("word"), bound.group("end") or ""
    if word in ("控制在", "不超过", "未超过", "未超出", "不高于", "低于") or end in ("以内", "以下", "及以下"):
        return "<=", target
    return (">=", target) if word in ("不低于", "不少于", "高于", "超过", "未达到", "未达", "达到", "优于") or end else ("=", target)


# "预算编制合理性（分值3分），部分项目…较大，得2.7分": points in brackets after the name, the score at the end
_POINTS_THEN_WORDS = re.compile(r"(?:^|(?<=[\n，,；;。:：]))\s*(?P<name>[^，,。；;:：\d()（）“”\"]{2,20}?)\s*[(（]\s*(?:分值|权重|满分)\s*"
                                r"(?P<weight>\d+(?:\.\d+)?)\s*分\s*[)）]\s*(?:[,，][^。；;()（）\d]{2,60}?[,，]|按[^。；;()（）\d,，]{2,20}?计分)"
                                r"\s*(?:该项|该指标)?(?:得分|实得|得)\s*(?P<score>\d+(?:\.\d+)?)\s*分")   # ("…（分值5分）按“执行率×分值”计分得4.89分")
# "政府采购执行率（分值3分）、资产管理（分值3分）均得满分": each its points, scored in full — the points in
# brackets or right after the name ("产出指标中补贴培训人数15分、培训取证率10分，均得满分")
_NAME_AND_POINTS = r"[^，,。；;:：\d()（）、\n]{2,20}(?:[(（]\s*(?:分值|权重|满分)?\s*\d+(?:\.\d+)?\s*分\s*[)）]|\d+(?:\.\d+)?\s*分)"
_EACH_BRACKETED_IN_FULL = re.compile(rf"(?P<list>(?:{_NAME_AND_POINTS}\s*[、和及]\s*)+{_NAME_AND_POINTS})"
                                     r"\s*[,，:：]?\s*(?:(?:均|都|全部)得满分"   # ("…（3分）、…（2分）：均得满分")
                                     # ("A（分值6分）、B（分值6分）均达到目标，各得6分": each its points)
                                     r"|(?:均|都)[^，,。；;\d]{0,10}[,，]\s*各得\s*(?P<each>\d+(?:\.\d+)?)\s*分)")
_BRACKETED = re.compile(r"(?P<name>[^，,。；;:：\d()（）、\n]{2,20}?)(?:[(（]\s*(?:分值|权重|满分)?\s*(?P<points>\d+(?:\.\d+)?)\s*分\s*[)）]"
                        r"|\s*(?P<bare>\d+(?:\.\d+)?)\s*分)")


def _scored_by_name(facts: Facts, name: str, weight, score, why: str = "分值与得分取自另一语句") -> bool:
    """A statement that scores an indicator read before, by its name ("新创小戏小品分值10分，按完成比例得8.33分";
    "A（3分）、B（2分）均得满分"): the one indicator of that name (else the one sharing a core with it), not
    scored yet, takes its points and score; whether one did."""
    key = text_key(name)
    named = [i for i in facts.indicators if text_key(i.name) == key] or \
        [i for i in facts.indicators if one_thing(text_key(i.name), key)]
    if len(named) != 1 or named[0].weight is not None or named[0].self_score is not None or score.value > weight.value:
        return False
    named[0].weight, named[0].self_score = weight, score
    named[0].scored_apart = named[0].scored_apart or why
    named[0].scored_as = named[0].scored_as or another_name(named[0], name)
    return True


def _scored_in_the_paragraph(facts: Facts, start: int, weight, score) -> None:
    """"该指标分值10分，得分10分" said as a sentence of its own: the one indicator said before it in its paragraph,
    not scored yet, takes its points and score."""
    paragraph = facts.text.rfind("\n", 0, start) + 1
    before = [i for i in facts.indicators if paragraph <= i.start < start]
    if len(before) == 1 and before[0].weight is None and before[0].self_score is None and score.value <= weight.value:
        before[0].weight, before[0].self_score = weight, score


def scored_statements(facts: Facts) -> None:
    """A statement of its own scored by its points ("在职人员控制率93.48%，未超编，该项分值5分，得5分"; "绩效目标
    合理性，该指标分值4分，得分4分"): an indicator with what it achieved (no target said), or an item."""
    text = facts.text
    taken = {id(n) for i in facts.indicators + facts.restated for n in (i.weight, i.self_score) if n} | \
        {id(n) for i in facts.items for n in (i.weight, i.score) if n}
    known = [text_key(i.name) for i in facts.indicators] + [text_key(i.name) for i in facts.items]
    for said in _POINTS_THEN_SCORE.finditer(text):
        weight, score = _points_and_score(facts, said)
        if weight is None or score is None or id(weight) in taken or id(score) in taken or score.value > weight.value:
            continue      # (a score above its points is not this statement's: "…分值10分、…分值10分，得18分")
        start = max(text.rfind(c, 0, said.start()) for c in "。；;\n") + 1
        heading = list(_POINTS_CLOSED.finditer(text, start, said.start()))   # "（一）投入情况（满分20分，实得19.6分）"
        start = heading[-1].end() if heading else start                      # run on with the line under it
        subject = _subject(text, start, said.start())
        if re.match(r"\s*(?:该指标|该项指标|该项)", text[start:said.end()]):
            _scored_in_the_paragraph(facts, start, weight, score)     # ("…92.7%，目标不低于90%。该指标分值10分，得分10分。")
            continue
        if subject is None or _NO_SUBJECT.search(subject.group("name")) or GOAL_AT_END.search(subject.group("name")):
            continue     # (…"森林抚育面积目标3.2万亩": the figure after it is its target — statements.py reads it)
        name = subject.group("name").strip().lstrip("—-")
        figure = facts.number_at(subject.end())
        if FROM_BEFORE.search(name):      # "普及率由上年的86.7%提高到89.2%": the figure risen to
            name, figure = FROM_BEFORE.sub("", name), risen_to(facts, subject.end())
        if len(text_key(name)) < 2:
            continue
        if named_already(name, known):
            _scored_by_name(facts, name, weight, score)     # (its figures said before, by that name)
            continue
        known.append(text_key(name))
        if figure is not None and (figure.is_rate or figure.unit) and figure.end <= said.start():
            direction, target = _bound_after(facts, figure, said.start())
            begins = subject.start()     # (the clauses before its own are not of it: "年初预算…，预算调整率11.28%，…得4分")
            if target is None and (named := _named_with_its_target(facts, start, subject.start(), name, figure)):
                name, direction, target = named     # "牦牛冷配受胎率目标不低于60%，…，受胎率45.0%，…得7.5分": named in full
                begins = start                      # with its target before
            # (its completion said between: "…，实际新增186个，完成率93%，得分9.3分")
            completion = next((n for n in facts.numbers if figure.end <= n.start < said.start() and n.is_rate
                               and _COMPLETION_WORDS.search(re.split(r"[,，;；]", n.label)[-1])), None) if target else None
            facts.indicators.append(Indicator(len(facts.indicators) + 1, name, begins, "", direction, target, figure,
                                              completion=completion, weight=weight, self_score=score, end=said.end()))
        else:
            facts.items.append(StatedItem(name, score, weight))
    for said in _POINTS_THEN_WORDS.finditer(text):
        weight, score = facts.number_at(said.start("weight")), facts.number_at(said.start("score"))
        name = re.sub(r"^其中[:：]?", "", said.group("name").strip().lstrip("—-"))    # ("…，其中预算执行率（分值5分）…")
        if weight is None or score is None or id(score) in taken or named_already(name, known) or _NO_SUBJECT.search(name):
            continue
        known.append(text_key(name))
        facts.items.append(StatedItem(name, score, weight))
    for said in _EACH_BRACKETED_IN_FULL.finditer(text):
        listed = list(_BRACKETED.finditer(text, said.start("list"), said.end("list")))
        if said.group("each") and any(float(each.group("points") or each.group("bare")) != float(said.group("each"))
                                      for each in listed):
            continue      # ("各得6分" of items of other points: not each in full)
        for each in listed:
            name = re.sub(r"^[\s.．、和及]+|^(?:其中|本资金|本项目|本部门|本单位)[:：,，\s]*|^.*?(?:指标|类)中", "", each.group("name"))
            points = facts.number_at(each.start("points") if each.group("points") else each.start("bare"))
            if points is None or _scored_by_name(facts, name, points, points, "分值与得分取自列出各项均得满分的语句"):
                continue        # (its figures said before: scored here in full)
            if not named_already(name, known):
                known.append(text_key(name))
                facts.items.append(StatedItem(name, points, points))
