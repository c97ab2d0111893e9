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
_APART = "得分取自自评得分说明（未逐项写出的按满分计）"


def rest_of_a_group_in_full(facts: Facts) -> None:
    text = facts.text
    for rest in _REST.finditer(text):
        start = max(text.rfind(c, 0, rest.start()) for c in "。；;\n") + 1
        said = text[start:rest.start()]
        group = _GROUP.search(said)
        if group is None:
            continue
        members = _members(facts, group.group("group"))
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
                indicator.self_score, indicator.scored_apart = score, indicator.scored_apart or _APART
        for indicator in rest_of:
            if indicator.self_score is None:
                indicator.self_score, indicator.scored_apart = indicator.weight, indicator.scored_apart or _APART
    for whole in _GROUPS_IN_FULL.finditer(text):
        said = whole.group("groups")
        for one in re.finditer(rf"(?P<group>{_GROUPS})(?:指标)?\s*(?:(?P<n>{COUNT})\s*项)?", said):
            members = _members(facts, one.group("group"))
            if not members or any(i.weight is None for i in members) \
                    or one.group("n") and count_of(one.group("n")) != len(members):
                continue
            for indicator in members:
                if indicator.self_score is None:
                    indicator.self_score, indicator.scored_apart = indicator.weight, indicator.scored_apart or _APART


def _members(facts: Facts, group: str) -> list:
    """The indicators read under that 一级指标 (a table's or the goals')."""
    return [i for i in facts.indicators if i.level1 and text_key(i.level1).startswith(group)]


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
