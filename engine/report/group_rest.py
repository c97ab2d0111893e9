"""A group's scores said by exception: "产出指标除改造户厕数量一项按完成比例得7.57分外，其余5项均得满分",
"效益指标4项中，群众应急避险知识知晓率扣0.3分，得9.7分，其余3项均得满分" — the indicators a table or the
goals gave that group (their 一级指标), with their points: those the sentence names take the scores it gives them
in order, the rest their points — only where as many are left as the report says. Also whole groups said in full
("效益指标3项和满意度指标均达到目标值，得满分"), each group's count the report's own where it says one."""
from __future__ import annotations

import re

from ..core.parsing import text_key
from .facts import Facts, shared_core
from .plain import COUNT, count_of

_REST = re.compile(rf"其余\s*(?P<count>{COUNT})\s*项[^，,；;。\d]{{0,6}}?\s*(?:均|全部|都|各)?\s*(?:得|为|获得?)满分")
_GROUPS = r"产出|效益|效果|满意度|成本|决策|过程|管理"
_GROUP = re.compile(rf"^\s*(?:[^，,。；;\d]{{0,10}}[:：])?\s*(?:[(（]?[一二三四五六七八九十\d]{{1,2}}[)）.、]\s*)?(?:其中\s*[,，]?\s*)?(?P<group>{_GROUPS})(?:指标)?")
_SCORED = re.compile(r"得\s*(?P<score>\d+(?:\.\d+)?)\s*分")
# "效益指标3项和满意度指标均达到目标值，得满分": groups named, then all in full
_GROUPS_IN_FULL = re.compile(rf"(?P<groups>(?:(?:{_GROUPS})(?:指标)?\s*(?:(?P<n>{COUNT})\s*项)?\s*(?:和|、|及|与)?\s*)+?)"
                             r"(?:均|全部|都)\s*(?:达到(?:了)?(?:年度)?(?:目标值|目标|指标值)\s*[,，]?\s*)?(?:均)?(?:得|为)满分")
_ONE_GROUP = re.compile(rf"(?P<group>{_GROUPS})(?:指标)?\s*(?:(?P<n>{COUNT})\s*项)?")
_APART = "得分取自自评得分说明（未逐项写出的按满分计）"


def rest_of_a_group_in_full(facts: Facts) -> None:
    text = facts.text
    for rest in _REST.finditer(text):
        start = max(text.rfind(c, 0, rest.start()) for c in "。；;\n") + 1
        said = text[start:rest.start()]
        group = _GROUP.search(said)
        if group is None:      # (the group named at its line's start: "2.产出指标得49.63分。其中…；其余4项指标均得满分")
            start = text.rfind("\n", 0, rest.start()) + 1
            said = text[start:rest.start()]
            group = _GROUP.search(said)
            if group is None:
                continue
            said_from = said.find("。") + 1          # (not the group's own score, said before)
            start, said = start + said_from, said[said_from:]
        members = _members(facts, group.group("group"))
        _points_of_each(facts, group.group("group"), members)
        scores = [facts.number_at(start + m.start("score")) for m in _SCORED.finditer(said)]
        # (named whole first — "改造户厕数量", not "改造户厕使用率" sharing 改造户厕 —, else by four characters shared)
        named = [i for i in members if len(text_key(i.name)) >= 2 and text_key(i.name) in text_key(said)]
        if len(named) != len(scores):
            named = [i for i in members if _named_in(i.name, said)]
        rest_of = [i for i in members if i not in named]
        if not members or len(rest_of) != count_of(rest.group("count")) or len(scores) != len(named) \
                or None in scores or any(i.weight is None for i in members):
            continue
        for indicator, score in zip(sorted(named, key=lambda i: _first_said(i.name, said)), scores):
            if indicator.self_score is None and score.value <= indicator.weight.value:
                _scored(indicator, score)
        for indicator in rest_of:
            if indicator.self_score is None:
                _scored(indicator, indicator.weight)
    _groups_scored_whole(facts)
    for whole in _GROUPS_IN_FULL.finditer(text):
        said = whole.group("groups")
        for one in _ONE_GROUP.finditer(said):
            members = _members(facts, one.group("group"))
            if not members or any(i.weight is None for i in members) \
                    or one.group("n") and count_of(one.group("n")) != len(members):
                continue
            for indicator in members:
                if indicator.self_score is None:
                    _scored(indicator, indicator.weight)


def _scored(indicator, score) -> None:
    indicator.self_score, indicator.scored_apart = score, indicator.scored_apart or _APART


def _members(facts: Facts, group: str) -> list:
    """The indicators read under that 一级指标: a table's, else the one the paragraph they were read in opens with
    ("（一）产出指标。全年管护天然林186.40万亩…")."""
    return [i for i in facts.indicators if (text_key(i.level1) if i.level1 else _led_by(facts.text, i)).startswith(group)]


def _led_by(text: str, indicator) -> str:
    """(where it was read, or what it achieved: a goal's indicator is of the group its result's paragraph leads with)"""
    for at in (indicator.start, *([indicator.actual.start] if indicator.actual is not None else [])):
        opened = _PARAGRAPH_GROUP.match(text, text.rfind("\n", 0, at) + 1)
        if opened:
            return opened.group("group")
    return ""


_PARAGRAPH_GROUP = re.compile(rf"\s*[(（]?[一二三四五六七八九十\d]{{1,2}}[)）.、]\s*(?P<group>{_GROUPS})指标(?:完成情况)?\s*[。:：]")
# "产出指标50分（共5项，每项10分）": a group's points, its count and each one's
_GROUP_EACH = re.compile(rf"(?P<group>{_GROUPS})指标\s*\d+(?:\.\d+)?\s*分\s*[(（]\s*共\s*(?P<count>{COUNT})\s*项\s*[,，]\s*"
                         r"每项\s*(?P<points>\d+(?:\.\d+)?)\s*分\s*[)）]")


def _points_of_each(facts: Facts, group: str, members: list) -> None:
    """The points the report gives each of a group's indicators ("产出指标50分（共5项，每项10分）"), to those read
    without points — where it counts as many as were read."""
    for each in _GROUP_EACH.finditer(facts.text):
        points = facts.rule_number_at(each.start("points")) or facts.number_at(each.start("points"))
        if each.group("group") == group and points is not None and count_of(each.group("count")) == len(members):
            for indicator in members:
                indicator.weight = indicator.weight or points


def _named_in(name: str, said: str) -> bool:
    key = text_key(name)
    return len(key) >= 2 and (key in text_key(said) or shared_core(key, text_key(said)) >= 4)


def _first_said(name: str, said: str) -> int:
    key, words = text_key(name), text_key(said)
    if key in words:
        return words.index(key)
    core = max((key[i:j] for i in range(len(key)) for j in range(i + 4, len(key) + 1) if key[i:j] in words),
               key=len, default="")
    return words.index(core) if core else len(words)


# "效益指标得30分": a group's score, said alone
_GROUP_SCORED = re.compile(rf"(?P<group>{_GROUPS})指标\s*(?:合计)?\s*(?:得分|得)\s*(?P<score>\d+(?:\.\d+)?)\s*分\s*[。；;\n]")


def _groups_scored_whole(facts: Facts) -> None:
    """A group whose score is all its points ("效益指标30分（共3项，每项10分）" and "效益指标得30分"): each of its
    indicators (as many as the report counts) in full."""
    for each in _GROUP_EACH.finditer(facts.text):
        group, count, points = each.group("group"), count_of(each.group("count")), float(each.group("points"))
        members = _members(facts, group)
        if len(members) != count:
            continue
        for scored in _GROUP_SCORED.finditer(facts.text):
            if scored.group("group") == group and abs(float(scored.group("score")) - count * points) < 1e-9:
                _points_of_each(facts, group, members)
                for indicator in members:
                    if indicator.self_score is None and indicator.weight is not None:
                        _scored(indicator, indicator.weight)
