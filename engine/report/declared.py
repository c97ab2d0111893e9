"""Items whose points a report declares once and whose scores it says by name elsewhere.

Declared: a list of points that make up the full mark ("自评满分100分，其中决策15分、管理25分、产出35分、
效益25分", "按预算执行（10 分）、产出指标（50 分）…评分"), names then points ("设投入、过程、产出、效果4个
一级指标，分值分别为20分、25分、30分、25分") or a heading ("（一）决策（15分）。"). Scored: each name with
its score, wherever it is said ("其中决策得14分，管理得23.5分", "2.产出指标得49.63分。", "其中预算资金执行率
得分9.67分，产出指标49.72分，…" — after a first 得分 the others need none)."""
from __future__ import annotations

import re

from ..core.parsing import text_key
from ..core.arithmetic import perf_total
from ..core.findings import SCORE_TOLERANCE, FindingList
from .facts import Facts, stated_item
from .numbers import Number, sentence_bounds
from .plain import LIST_MARK
from .stated import by_shape, quoted

_NAME = r"[^\s、,，。;；:：()（）\d]{2,10}"
_POINTS = r"\d+(?:\.\d+)?\s*分"
# one entry of a list: "决策15分", "决策（15分）", "产出指标50分（共5项，每项10分）"
_ENTRY = re.compile(rf"(?P<name>{_NAME}?)\s*(?:[(（]\s*(?:分值|满分|权重)?\s*(?P<b>{_POINTS})\s*[)）]|(?P<p>{_POINTS}))"
                    r"(?:\s*[(（][^()（）]{0,30}[)）])?")
_ENTRY_TEXT = rf"{_NAME}?\s*(?:[(（]\s*(?:分值|满分|权重)?\s*{_POINTS}\s*[)）]|{_POINTS})(?:\s*[(（][^()（）]{{0,30}}[)）])?"
_LISTED = re.compile(rf"{_ENTRY_TEXT}(?:\s*、\s*{_ENTRY_TEXT})+")
# "设投入、过程、产出、效果4个一级指标，分值分别为20分、25分、30分、25分"
# (each run of spaces taken whole, \s*+: optional words between runs let a failing match try every way of sharing a
# long run out — a minute on a table set in spaces)
_RESPECTIVELY = re.compile(rf"(?P<names>{_NAME}(?:、{_NAME})+)\s*+(?:等)?\s*+(?:[\d一二三四五六七八九十]+\s*个)?\s*+(?:一级|二级)?"
                           rf"(?:指标|方面)?\s*+[,，]?\s*+(?:分值|权重|满分)?\s*+分别为\s*(?P<points>{_POINTS}(?:\s*、\s*{_POINTS})+)")
# "（一）决策（15分）。", "二、项目管理（25分）"
_HEADING = re.compile(rf"^\s*(?:{LIST_MARK}|[一二三四五六七八九十]{{1,3}}、)\s*(?P<name>{_NAME}?)\s*[(（]\s*(?:分值|满分|权重)?\s*"
                      rf"(?P<points>{_POINTS})\s*[)）]\s*(?:[。.:：]|$)", re.M)
_LEADING = re.compile(r"^.*?(?:其中|设置?|按照|按|从|围绕|包括|分为|分别是|分别为)")   # words before a list's first name
_GROUP_SUFFIX = re.compile(r"(?:类)?(?:指标)?(?:自评)?(?:情况|方面|部分)?$")
_NOT_A_NAME = re.compile(r"满分|总分|合计|扣|得|每|共|以上|以下|低于|高于")


def _key(name: str) -> str:
    """A group's name without 类 / 指标 / 情况 ("投入类指标" and "投入" are one)."""
    key = text_key(name)
    return _GROUP_SUFFIX.sub("", key) or key


def _points_at(facts: Facts, at: int) -> Number:
    """The points said at `at` — a figure of a rule's text too ("注：一级指标分值统一设置为：产出指标50分、…"),
    which is no claim and so not among the report's figures."""
    said = facts.number_at(at)
    if said is None:
        figure = re.match(r"\d+(?:\.\d+)?", facts.text[at:])
        said = Number(float(figure.group()), "分", len(figure.group().partition(".")[2]), at, at + figure.end(),
                      "", -1, -1, measure="weight")
    return said


def _full_mark_lists(facts: Facts) -> list[list[tuple[str, Number]]]:
    """The declared lists whose points make up the full mark (100): each its (name, points)."""
    text, out = facts.text, []
    for listed in _LISTED.finditer(text):
        entries = list(_ENTRY.finditer(text, listed.start(), listed.end()))
        points = [_points_at(facts, e.start("b") if e.group("b") else e.start("p")) for e in entries]
        if abs(sum(p.value for p in points) - 100) >= 0.005:
            continue      # a list of points that make up the full mark, not any "A5分、B3分"
        names = [e.group("name") for e in entries]
        out.append(list(zip(_first_named(names), points)))
    for said in _RESPECTIVELY.finditer(text):
        names = said.group("names").split("、")
        points = [_points_at(facts, said.start("points") + m.start())
                  for m in re.finditer(r"\d+(?:\.\d+)?", said.group("points"))]
        if len(points) == len(names) and abs(sum(p.value for p in points) - 100) < 0.005:
            out.append(list(zip(_first_named(names), points)))
    return out


def _first_named(names: list[str]) -> list[str]:
    """A list's names, the words before its first one gone ("本次自评设决策" is 决策)."""
    first = _LEADING.sub("", names[0])
    return [first if len(first) >= 2 else names[0], *names[1:]]


def _declared(facts: Facts) -> dict[str, tuple[str, Number]]:
    """Each declared name's key → (its name, its points): the full mark's lists, then 分别为 lists of any
    sum, then headings."""
    text, out = facts.text, {}

    def declare(name: str, points: Number) -> None:
        name = name.strip()
        if len(text_key(name)) >= 2 and not _NOT_A_NAME.search(name):
            out.setdefault(_key(name), (name, points))

    for listed in _full_mark_lists(facts):
        for name, points in listed:
            declare(name, points)
    for said in _RESPECTIVELY.finditer(text):
        names = _first_named(said.group("names").split("、"))
        points = [m.start() for m in re.finditer(r"\d+(?:\.\d+)?", said.group("points"))]
        if len(points) == len(names):
            for name, at in zip(names, points):
                declare(name, _points_at(facts, said.start("points") + at))
    for heading in _HEADING.finditer(text):
        declare(heading.group("name"), _points_at(facts, heading.start("points")))
    return out


def _scores_of(facts: Facts, name: str, weight) -> list:
    """Where `name` is said with a score: "决策得14分", "产出指标得分49.6分", or bare ("产出指标49.72分")
    after a 得分 said earlier in its sentence — never the declared points themselves."""
    text, found = facts.text, []
    pattern = re.compile(r"(?:^|(?<=[\n，,；;。:：、）)]))\s*(?:" + LIST_MARK + r")?\s*(?:其中|该项目|本项目|项目)?\s*[:：]?\s*"
                         + re.escape(name) + r"(?:类)?(?:指标)?(?:情况|方面|部分)?\s*(?P<verb>(?:自评)?(?:得分|实得|得))?\s*"
                         r"[:：为]?\s*(?P<score>\d+(?:\.\d+)?)\s*分(?!\s*[)）]?\s*[、,，]?\s*(?:满分|合计|共))")
    for said in pattern.finditer(text):
        score = facts.number_at(said.start("score"))
        if score is None or score is weight or score.part or facts.earlier_year(score):
            continue
        if not said.group("verb"):
            start = sentence_bounds(text, said.start())[0]
            if not re.search(r"得分?\s*(?:为)?\s*\d", text[start:said.start()]):
                continue     # a bare "产出指标50分" is points, unless its sentence is a list of scores
        found.append(score)
    return found


def read_declared(facts: Facts) -> None:
    """Each declared item scored by name once (several different scores for one name: none read)."""
    known = {_key(i.name) for i in facts.items}
    taken = {id(i.score) for i in facts.items}
    for key, (name, weight) in _declared(facts).items():
        if key in known:
            continue
        scores = _scores_of(facts, name, weight)
        if not scores and _key(name) != text_key(name):
            scores = _scores_of(facts, key, weight)     # declared "投入类指标", scored as "投入得18.5分"
        values = {s.value for s in scores}
        if len(values) != 1 or scores[0].value > weight.value or any(id(s) in taken for s in scores):
            continue
        for s in scores:
            s.part = True
        weight.part = True
        facts.items.append(stated_item(name, scores[0], weight))
        known.add(key)


# a bonus or a deduction the report scores on its items' sum ("另获省级表彰加1分"; not 追加)
BONUS_SCORED = re.compile(r"加分|减分|扣分项|附加分|(?<![增追])加\s*\d+(?:\.\d+)?\s*分")


def check_declared_total(facts: Facts, report: FindingList) -> None:
    """The total against the scores of a declared list that makes up the full mark, each scored by name:
    an error where the report scores no bonus or deduction beside them, else a warning that says so."""
    total = facts.total
    if total is None or report.names(facts.where(total.start)):
        return
    for listed in _full_mark_lists(facts):
        scored = [next((i for i in facts.items if i.weight is points), None) for _, points in listed]
        if None in scored:
            continue
        added = perf_total([i.score.value for i in scored])
        if abs(added - total.value) >= SCORE_TOLERANCE:
            bonus = BONUS_SCORED.search(facts.text)
            say, why = (report.warning, "（报告另有加分或扣分项，请核对）") if bonus else \
                by_shape(report, facts, total, added, tuple(i.score for i in scored))
            say("TOTAL_MISMATCH", facts.where(total.start),
                f"各项得分之和 {added:.2f} 分（{'、'.join(i.name for i in scored)}，分值合计100分），报告写综合得分 "
                f"{total.value:g} 分{why}{quoted(facts, total)}")
        return
