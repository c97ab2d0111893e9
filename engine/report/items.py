"""The scores a report states for the items of its framework: a score right after the 执行率
it scores ("执行率为 99.99%，得 10 分"), the funds block's 分值 and 得分 (the form's 预算执行率
item), items listed with their points ("1.投入管理（20分）：得18分", "产出指标得分47.75分（满分50分）")
and the rows of a 评分表 — aligned with its header, or, where merged cells were left out, read
by their figures."""
from __future__ import annotations

import re

from ..core.parsing import text_key
from .declared import read_declared
from .facts import Facts, StatedItem, stated_item
from .form_records import AMOUNT_COLUMNS
from .numbers import sentence_bounds
from .plain import BARE_NUMBER, LIST_MARK, NAMED_ITEM_LINE, figured
from .tables import table_lines
from .vocabulary import cell_words, column_of, content_column, grade_words, key, vocabulary

_EXECUTION_POINTS = re.compile(r"执行率?(?:情况|指标)?\s*[(（]\s*(?:分值|权重|满分)?\s*(\d+(?:\.\d+)?)\s*分\s*[)）]")
_A_TOTAL = re.compile(r"自评得分|综合|总分|总得分")   # "执行率100%，自评得分98.5分": a project's total, not the rate's


def read_items(facts: Facts) -> None:
    """A score stated right after a rate ("执行率为 99.99%，得 10 分"), and the rows of a
    绩效自评表 (a table whose header names 分值/权重 and 得分)."""
    numbers_ = facts.figures()
    for a, b, c in zip(numbers_, numbers_[1:], numbers_[2:]):
        if a.is_rate and a.measure == "exec_rate" and a.scope == "whole" and a.sentence == b.sentence == c.sentence \
                and b.measure == "weight" and c.measure == "score" and c.unit in ("分", "") and not _A_TOTAL.search(c.label):
            # "预算执行率=实际支出/实际到位资金=97.34%，分值6分，得5.48分": the rate, its points, its score
            facts.items.append(StatedItem("预算执行率", c, b, row_id="budget_execution"))
            break
    headline = facts.keyed_rates().get("exec_rate")
    for at, a in enumerate(numbers_):
        if any(i.row_id == "budget_execution" for i in facts.items):
            break
        if headline is not None and a.value != headline.value:
            continue      # (a project's "执行率98.10%，执行率得分9.81分" is not the report's execution item)
        b = _score_after(numbers_[at + 1:])
        if b is not None and a.is_rate and a.measure == "exec_rate" and a.scope == "whole" and b.sentence == a.sentence \
                and b.measure == "score" and b.unit in ("分", "") and not _A_TOTAL.search(b.label):
            facts.items.append(StatedItem("预算执行率", b, _execution_weight(facts, a, b, numbers_), row_id="budget_execution"))
    execution = facts.forms.execution if facts.forms else {}
    said = next((i for i in facts.items if i.row_id == "budget_execution"), None)
    if {"weight", "score"} <= set(execution) and said is None:
        # the funds block's 分值 and 得分: the 预算执行率 item of the form (its rate is the headline's)
        facts.items.append(StatedItem("预算执行率", execution["score"], execution["weight"], row_id="budget_execution"))
    elif {"weight", "score"} <= set(execution) and said.weight is None and said.score.value == execution["score"].value:
        said.weight = execution["weight"]     # "预算执行率97.18%，得9.72分" said with no points: the form's 分值 of that score
    _listed_items(facts)
    _declared_then_scored(facts)
    read_declared(facts)
    _table_items(facts)
    _project_rows(facts)


_SHORTFALL = re.compile(r"比|低|差|扣|减")


def _execution_weight(facts: Facts, rate, score, numbers_: list):
    """The execution item's points: in a heading before its rate ("1.预算执行率（分值5分）。…，执行率96.98%，
    得4.85分"), or the one 分值 of the score's own sentence ("按执行率×分值计分，分值10分，执行率93.86%，得9.39分",
    "预算执行率97.07%，得7.77分（分值8分）")."""
    heading = None
    for heading in _EXECUTION_POINTS.finditer(facts.text, max(facts.text.rfind("\n", 0, rate.start), 0), rate.start):
        pass
    if heading and not _SCORED_BEFORE.search(facts.text, heading.end(), rate.start):
        return facts.number_at(heading.start(1))   # (not a group's heading scored itself: "预算执行（35分），得32.64分。…")
    for n in numbers_:
        if n.measure != "weight" or n.part or n.unit != "分" or n.value < score.value:
            continue
        if 0 < rate.start - n.end <= 8 and _POINTS_BEFORE.fullmatch(facts.text, n.end, rate.start) \
                or 0 < n.start - score.end <= 8 and _POINTS_AFTER.fullmatch(facts.text, score.end, n.start):
            return n
    return None


_SCORED_BEFORE = re.compile(r"(?<!扣)得\s*\d+(?:\.\d+)?\s*分")
_POINTS_BEFORE = re.compile(r"\s*分?\s*[,，]\s*(?:预算|资金)?执行率\s*(?:为|是)?\s*")     # "分值10分，执行率93.86%"
_POINTS_AFTER = re.compile(r"\s*分?\s*[(（]\s*(?:分值|满分|权重)\s*")                        # "得7.77分（分值8分）"


def _score_after(following: list):
    """The figure scoring a rate: the next one, or the next past how far the rate fell short and what that
    cost ("预算执行率97.09%，比100%低2.91个百分点，扣0.58分，得9.42分")."""
    for n in following[:4]:
        if n.measure is not None or not _SHORTFALL.search(n.label[-2:]):
            return n
    return None


def _project_rows(facts: Facts) -> None:
    """A table listing projects with their 自评得分 (and 等级): each project's score, read — and its
    grade, checked against it as a total's is."""
    grades = grade_words()
    for name, score, grade in (facts.forms.projects if facts.forms else []):
        score.part = True
        facts.items.append(StatedItem(name, score))
        if grade in grades:
            facts.graded.append((score, grades[grade], score.start))


# "1.投入管理（20分）：得19分" — an item of a 评分表 written as a list: its name, its points, its score
_LISTED_ITEM = re.compile(r"(?:^|(?<=[\n，,；;。:：]))\s*(?:其中)?\s*(?:\d{1,2}\s*[.、]|[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)?\s*"
                          r"([^\s(（:：,，。;；\d]{2,16})\s*[(（]\s*(?:满分|分值|权重)?\s*(\d+(?:\.\d+)?)\s*分\s*"
                          # "…（20分）：得18分", or both in one bracket: "投入情况（分值20分，得分19.5分）"
                          r"(?:[)）]\s*[:：,，]?|[,，；;])\s*(?:自评得分|自评|得分|实得|得)\s*[:：为]?\s*(\d+(?:\.\d+)?)\s*分")


# "1.投入指标：分值15分，得分14.2分", "资金到位率本项目满分3分，得3分" — its points and its score said
# one after the other
_POINTS_THEN_SCORE = re.compile(r"(?:^|(?<=[\n，,；;。]))\s*(?:\d{1,2}\s*[.、]|[(（][一二三四五六七八九十\d]{1,3}[)）])?\s*"
                                r"(?!该|本项|本指标)([^\s(（:：,，。;；\d]{2,16}?)\s*(?:[:：]\s*|(?=本项目|本指标|该指标|该项|分值|满分|权重))(?:本项目|本指标|该指标|该项)?"
                                r"(?:分值|满分|权重)\s*(\d+(?:\.\d+)?)\s*分\s*[,，]\s*"
                                r"(?:自评|实)?得分?\s*(\d+(?:\.\d+)?)\s*分")

# "其中，决策指标10分，得9.20分；过程指标20分，得18.56分", "；管理制度健全性10分，得9分" — its points bare,
# then its score (a name not ending in 指标 only at a statement's start: "…，分值5分，得5分" names none)
_BARE_POINTS_SCORE = re.compile(r"(?:(?:^|(?<=[\n;；。:：]))\s*" + LIST_MARK + r"?"
                                r"|(?<=[,，])(?=\s*[^\s(（:：,，。;；\d]{2,16}?指标\s*(?:分值|满分|权重)?\s*\d))"
                                r"\s*(?!分值|满分|权重|合计|小计|其中|该|本项|本指标)([^\s(（:：,，。;；\d]{2,16}?)\s*(?:分值|满分|权重)?\s*"
                                r"(?<![扣减])(\d+(?:\.\d+)?)\s*分\s*[,，、]?\s*(?:自评)?得分?\s*[:：为]?\s*(\d+(?:\.\d+)?)\s*分")   # ("…扣1分，得4分": points taken off;
# "建设面积10分得10分": no comma between)

# "；绩效指标明确性3分，日常养护项目只设定性目标，扣0.5分，得2.5分；" — at a statement's start, its points bare, what
# was done, and its score last in the statement
_BARE_POINTS_SAID_SCORE = re.compile(r"(?:^|(?<=[\n;；。:：]))\s*" + LIST_MARK + r"?\s*(?!该|本项|本指标|其中|合计|小计)"
                                     r"([^\s(（:：,，。;；\d]{2,16}?)\s*(?<![扣减])(\d+(?:\.\d+)?)\s*分\s*[,，、][^;；。\n]*?[,，]\s*"
                                     r"(?:自评)?得分?\s*[:：为]?\s*(\d+(?:\.\d+)?)\s*分\s*(?=[;；。\n]|$)")

# "资金使用合规性分值5分，资金支付均按合同办理，得5分；" — its points, what was done, its score: one clause
_POINTS_SAID_SCORE = re.compile(r"(?:^|(?<=[\n;；。:：,，]))\s*(?:\d{1,2}\s*[.、]|[(（][一二三四五六七八九十\d]{1,3}[)）])?\s*"
                                r"(?!该|本项|本指标)([^\s(（:：,，。;；\d]{2,16})\s*(?:分值|满分|权重)\s*(\d+(?:\.\d+)?)\s*分\s*[,，][^;；。\n]*?[,，]\s*"
                                r"(?:自评)?得分?\s*[:：为]?\s*(\d+(?:\.\d+)?)\s*分\s*(?=[;；。\n]|$)")

# "3.1 投入（15分，得13.50分）", "投入总分为15分，绩效得分为13.50分" — points and score in one breath
_POINTS_AND_SCORE = re.compile(r"(?:^|(?<=[\n;；。:：,，]))\s*(?:[(（]?\d{1,2}[)）]|\d{1,2}(?:\.\d{1,2})?\s*[.、]?)?\s*"
                               r"([^\s(（:：,，。;；\d]{2,12}?)\s*(?:[(（]\s*|总分\s*为?\s*)(\d+(?:\.\d+)?)\s*分\s*[,，]\s*"
                               r"(?:绩效|自评)?得分?\s*[:：为]?\s*(\d+(?:\.\d+)?)\s*分")

# "（1）立项规范性（3分）：项目按规定程序申报…。自评得3分。" — a line of its own: its name and points, what was done, and
# its score last
_ITEM_LINE = re.compile(r"^[ \t\u3000]*(?:\d{1,2}\s*[.、．]|[(（][一二三四五六七八九十\d]{1,3}[)）])\s*([^\s(（:：,，。;；\d]{2,16})\s*"
                        r"[(（]\s*(?:满分|分值|权重)?\s*(\d+(?:\.\d+)?)\s*分\s*[)）]\s*[:：][^\n]*[。；;,，]\s*"
                        r"(?:自评|评价)?得分?\s*[:：为]?\s*(\d+(?:\.\d+)?)\s*分\s*[。.]?[ \t\u3000]*$", re.M)

# "；在职人员控制率（3分）93.75%，得3分；重点支出安排率（4分）得4分" — its points in brackets after its name, what it came
# to, its score: one clause or two
_BRACKETED_THEN_SCORE = re.compile(r"(?:^|(?<=[\n;；。:：]))\s*" + LIST_MARK + r"?\s*(?!该|本项|本指标|其中|合计|小计)"
                                   r"([^\s(（:：,，。;；\d]{2,16})\s*[(（]\s*(?:分值|满分|权重)?\s*(\d+(?:\.\d+)?)\s*分\s*[)）]"
                                   r"\s*(?:为|达到?|是)?\s*(?:[\d.,]+\s*(?:%|万元|元|人|个|次|件|户)?\s*[,，]\s*)?"
                                   r"(?:自评)?得分?\s*[:：为]?\s*(\d+(?:\.\d+)?)\s*分\s*(?=[;；。,，\n]|$)")

# "产出指标得分47.75分（满分50分）" — the score first, its points after it in brackets
_SCORED_ITEM = re.compile(r"(?:^|(?<=[\n，,；;。:：、]))\s*(?:其中)?\s*([^\s(（:：,，。;；\d]{2,16}?)\s*(?:自评)?得分?\s*[:：为]?\s*"
                          r"(\d+(?:\.\d+)?)\s*分\s*[(（]\s*(?:满分|分值|权重|权重分值|总分)?\s*[:：为]?\s*(\d+(?:\.\d+)?)\s*分"
                          r"\s*(?:[,，;；][^)）]{0,60})?[)）]")   # (满分30分，其中…)
_NOT_AN_ITEM = re.compile(r"综合|总|整体|自评$|平均|^按(?:完成|实际)?(?:比例|完成率)")   # ("…，按完成比例得4.5分（分值5分）": a method)

# "其中预算执行率指标分值5分，得分4.73分", "其中预算执行率指标得4.72分，满分5分": the execution's score
# said inside its group's (no colon, no brackets: only the 执行率 is read so)
_EXECUTION_SAID = re.compile(r"(?:预算|资金)?执行率(?:指标)?\s*(?:(?:分值|满分|权重)\s*(?P<w1>\d+(?:\.\d+)?)\s*分\s*[,，]\s*"
                             r"(?:自评)?得分?\s*(?P<s1>\d+(?:\.\d+)?)\s*分|(?:自评)?得分?\s*(?P<s2>\d+(?:\.\d+)?)\s*分\s*[,，]\s*"
                             r"(?:满分|分值)\s*(?P<w2>\d+(?:\.\d+)?)\s*分)")


_A_REASON = re.compile(r"主要是|主要原因|原因|由于|因为|因")
AS_TARGETED = re.compile(r"与[^，,]{0,6}(?:持平|一致|相同)")   # "与目标持平": a comparison, no name


def _listed_items(facts: Facts) -> None:
    found = [(m, m.start(2), m.start(3)) for m in (*_LISTED_ITEM.finditer(facts.text), *_POINTS_THEN_SCORE.finditer(facts.text),
                                                   *_POINTS_SAID_SCORE.finditer(facts.text), *_BARE_POINTS_SCORE.finditer(facts.text),
                                                   *_POINTS_AND_SCORE.finditer(facts.text), *_ITEM_LINE.finditer(facts.text),
                                                   *_BARE_POINTS_SAID_SCORE.finditer(facts.text),
                                                   *_BRACKETED_THEN_SCORE.finditer(facts.text))]
    found += [(m, m.start("weight"), m.start("score")) for m in NAMED_ITEM_LINE.finditer(facts.text)]
    found += [(m, m.start(3), m.start(2)) for m in _SCORED_ITEM.finditer(facts.text)
              if not _NOT_AN_ITEM.search(m.group(1))]
    if not any(i.row_id == "budget_execution" for i in facts.items):
        found += [(m, m.start("w1") if m.group("w1") else m.start("w2"), m.start("s1") if m.group("s1") else m.start("s2"))
                  for m in _EXECUTION_SAID.finditer(facts.text)]
    for match, weight_at, score_at in found:
        weight, score = facts.number_at(weight_at), facts.number_at(score_at)
        if weight is None or score is None or weight.part or score.part \
                or match.re is not _EXECUTION_SAID and (_A_REASON.match(match.group(1)) or AS_TARGETED.match(match.group(1))):
            continue      # ("…，主要是两家机构资质到期（分值7分，得分6.47分）", "…6座，与目标持平（分值10分，得10分）": the
            # statement's indicator's, not a reason's or a comparison's)
        weight.part = score.part = True
        said = next((i for i in facts.items if i.score is score), None)
        if said is not None:       # "资金执行率分值10分，执行率93.63%，得分9.63分": the execution item's points
            said.weight = said.weight or weight
            continue
        facts.items.append(stated_item(match.group(1) if match.re is not _EXECUTION_SAID else "预算执行率", score, weight))


# "按照决策（15分）、过程（25分）、产出（35分）、效益（25分）四个方面评分" — each item's points, declared
_DECLARED = re.compile(r"((?:[^\s、,，。;；:：()（）\d]{2,8}[(（]\d+(?:\.\d+)?分[)）]、){2,}[^\s、,，。;；:：()（）\d]{2,8}[(（]\d+(?:\.\d+)?分[)）])")
_POINTS = re.compile(r"([^\s、,，。;；:：()（）\d]{2,8})[(（](\d+(?:\.\d+)?)分[)）]")
# … then "其中：决策得14.2分；过程得23.65分（…资金管理8分得7.5分…）": each one's score (and an inner
# item's own points and score, "资金管理8分得7.5分", "预算执行率10分×96.53%得9.65分")
_SCORED = re.compile(r"(?:^|(?<=[:：;；,，(（]))\s*([^\s、,，。;；:：()（）\d×]{2,8}?)\s*"
                     r"(?:(\d+(?:\.\d+)?)\s*分\s*(?:[×xX*]\s*\d+(?:\.\d+)?\s*%\s*)?)?得\s*(\d+(?:\.\d+)?)\s*分")


def _declared_then_scored(facts: Facts) -> None:
    """Items whose points a sentence declares first and whose scores the text gives after."""
    text = facts.text
    for declared in _DECLARED.finditer(text):
        points = {re.sub(r"^(?:按照|围绕|从|就|对)", "", m.group(1)): facts.number_at(declared.start(1) + m.start(2))
                  for m in _POINTS.finditer(declared.group(1))}
        _, end = sentence_bounds(text, declared.end())
        following_end = text.find("\n", end)
        for match in _SCORED.finditer(text, declared.end(), following_end if following_end >= 0 else len(text)):
            name = match.group(1)
            # (the first declared name may carry the words before it: "…报告按照决策（15分）")
            declared_weight = next((w for key, w in points.items() if key.endswith(name)), None)
            weight = declared_weight or (facts.number_at(match.start(2)) if match.group(2) else None)
            score = facts.number_at(match.start(3))
            if weight is None or score is None or score.part or score.value > weight.value \
                    or any(text_key(i.name) == text_key(name) for i in facts.items):
                continue
            score.part = True
            facts.items.append(stated_item(name, score, weight))


def _table_items(facts: Facts) -> None:
    headers: dict[int, tuple[int, int, set[int]]] = {}   # cells in a row → (weight, score, rules) columns: a table
    bracketed = False       # under a header of names and 得分 with no 分值 column: the points in brackets
    for line in table_lines(facts.text, facts.numbers):   # continued on the next page has no header row
        if line is None:
            bracketed = False
            continue
        cells, placed = line
        columns = headers.get(len(cells))
        # (each level with its 分值 — 一级指标 | 分值 | 二级指标 | 分值 | 得分, or each with its 得分 too —: the level
        # scored last, its 分值 the last before its 得分)
        score_col = max((i for i, c in enumerate(cells) if column_of(c, "scores") == "score"), default=None)
        weights = [i for i, c in enumerate(cells) if column_of(c, "scores") == "weight"]
        weight_col = max((i for i in weights if score_col is not None and i < score_col), default=None) \
            if score_col is not None and any(i < score_col for i in weights) else next(iter(weights), None)
        if weight_col is None and score_col is not None and not figured(cells) \
                and any(column_of(c, "scores") == "name" for c in cells):
            bracketed = True
            continue
        if bracketed:
            item = _bracketed_item(cells, placed)
            if item is not None:
                facts.items.append(item)
            continue
        if weight_col is not None and score_col is not None:
            form = {column_of(c, "indicators") for c in cells} >= {"target", "actual"} \
                or sum(1 for c in cells if column_of(c, "funds") in AMOUNT_COLUMNS) >= 2
            # 评价标准: no name; nor 指标内容 after a name's column (三级指标 | 指标内容 | 评价标准)
            rules = {i for i, c in enumerate(cells) if cell_words()[0].search(c)
                     or i and content_column().match(key(c)) and column_of(cells[i - 1], "scores") == "name"
                     or _VALUES.search(key(c))}    # (… nor 指标值/实际值: a row's figures)
            headers[len(cells)] = None if form else (weight_col, score_col, rules)
            continue      # a form's rows are its indicators and its funds (read by forms), not a 评分表's items
        if columns is None:
            columns = next(iter(headers.values()), None) if len(headers) == 1 else None
            shifted = True          # a row whose merged cells were left out: read by its figures
        else:
            shifted = False
        if columns is None or (not shifted and len(cells) <= max(columns[:2])):
            continue
        item = None if shifted else _aligned_item(cells, placed, columns)
        item = item or _shifted_item(cells, placed)    # merged cells left out: the row is shorter
        if item is not None and text_key(item.name) not in _TOTAL_ROWS:
            facts.items.append(item)


_VALUES = re.compile(r"^(?:年度)?(?:指标值|目标值|预期值|实际值|实际完成值|完成值)(?:/|$)")
_TOTAL_ROWS = {*vocabulary()["scores"]["total_rows"], "小计"}   # (合计, 总分, 自评总分 …: a sum, not an item)


def _first_of_each_column(placed: list) -> dict:
    """Each column → its first figure on the row."""
    first: dict = {}
    for column, n in placed:
        first.setdefault(column, n)
    return first


def _aligned_item(cells: list[str], placed: list, columns: tuple[int, int, set[int]]) -> StatedItem | None:
    in_column = _first_of_each_column(placed)
    for _, n in placed:
        n.part = True     # a table's figures are not a sentence's
    weight, score = in_column.get(columns[0]), in_column.get(columns[1])
    names = [c for k, c in enumerate(cells[:columns[0]]) if c and k not in columns[2] and not re.fullmatch(r"[\d.%]+", c)]
    # (a score above its 分值 in the row's own columns is read — an item scored over its points, said so by the
    # checks —, not one twice its 分值: columns read otherwise than written)
    if score is None or not names or (weight is not None and score.value > 2 * weight.value):
        return None
    item = stated_item(names[-1], score, weight)
    rules = [c.strip() for k, c in enumerate(cells) if k in columns[2] and c.strip()]
    item.rule = rules[0] if len(rules) == 1 else ""
    return item


_BRACKETED_POINTS = re.compile(r"(?P<name>(?:[^()（）\d|]|[(（][^()（）\d|]{1,12}[)）]){2,30}?)\s*[(（]\s*(?:分值|权重|满分)?\s*\d+(?:\.\d+)?\s*分\s*[)）]")


def _bracketed_item(cells: list[str], placed: list) -> StatedItem | None:
    """A 评分表 row whose 分值 stands in brackets after its name, its 得分 last ("| 部门决策(20分) | 目标任务(10分)
    | 相关性(3分) | 3 |", or "| 明确性(4分) | 3 |" with its group cells left out): the item is the last name."""
    filled = [i for i, c in enumerate(cells) if c.strip()]
    said = _BRACKETED_POINTS.fullmatch(cells[filled[-2]].strip()) if len(filled) >= 2 else None
    if said is None or not BARE_NUMBER.fullmatch(cells[filled[-1]].strip()):
        return None
    first = _first_of_each_column(placed)
    weight, score = first.get(filled[-2]), first.get(filled[-1])
    if weight is None or score is None or score.value > weight.value:
        return None
    for _, n in placed:
        n.part = True
    return stated_item(said.group("name").strip(), score, weight)


def _shifted_item(cells: list[str], placed: list) -> StatedItem | None:
    """A 评分表 row with fewer or more cells than its header (merged cells left out, a 序号 first):
    its 分值 the first bare figure after a name, its 得分 the last bare figure, its name the cell
    before its 分值 — only when those two are the row's only bare figures after the name."""
    bare = [i for i, c in enumerate(cells) if BARE_NUMBER.fullmatch(c.strip())]
    if bare and (bare[0] == 0 or not cells[bare[0] - 1].strip() or BARE_NUMBER.fullmatch(cells[bare[0] - 1].strip())):
        bare = bare[1:]                  # the first is a 序号, not a 分值: no name before it
    if len(bare) != 2:
        return None
    at = {column: n for column, n in placed}
    weight, score = at.get(bare[0]), at.get(bare[1])
    if weight is None or score is None or score.value > weight.value:
        return None
    for _, n in placed:
        n.part = True
    item = stated_item(cells[bare[0] - 1].strip(), score, weight)
    between = [c.strip() for c in cells[bare[0] + 1:bare[1]] if c.strip()]
    item.rule = between[0] if len(between) == 1 else ""     # (分值 | 评分标准 | 得分)
    return item
