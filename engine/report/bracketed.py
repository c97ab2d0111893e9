"""An indicator said with what was achieved and its target in brackets after it: "公共文化场馆免费开放306天
（指标值不少于300天）", "图书馆新增藏书7,420册（指标值8,000册，完成92.75%）", "故障平均修复时间36小时（指标值控制在
48小时以内）" — the name before the figure, the target (and the completion) in the brackets."""
from __future__ import annotations

import re

from ..core.parsing import DIRECTION_PATTERN, DIRECTIONS, text_key
from .facts import Facts, Indicator

_UNIT = r"[^\d\s，,；;。()（）、]{0,5}?"
_SAID = re.compile(
    r"(?:^|(?<=[\n，,；;。:：]))\s*+(?:全年|年度|全县|全区|全市|共)?\s*+(?P<name>(?:\d{1,2}\s*[—–\-~至]\s*)?(?:\d{1,3}\s*(?:周岁|岁))?[^\d，,；;。:：()（）“”\n]{2,24}?)\s*+(?:达到|为|达)?\s*+"
    rf"(?P<actual>\d[\d,]*(?:\.\d+)?)\s*+(?P<unit>{_UNIT})\s*+[（(]\s*+(?:年度|全年)?(?:指标值|目标值|目标)\s*+(?:为|是)?\s*+[:：]?\s*+"
    rf"(?P<sign>{DIRECTION_PATTERN}|控制在)?\s*+(?P<target>\d[\d,]*(?:\.\d+)?)\s*+(?P<tunit>{_UNIT})\s*+(?P<bound>以上|以内|以下)?\s*+"
    r"(?:[，,]\s*+完成(?:率)?\s*+(?:为)?\s*+(?P<completion>\d+(?:\.\d+)?)\s*+%)?\s*+[)）]")
_LEADING = re.compile(r"^(?:完成|实现|开展|举办|组织|新增了?|累计)(?=[\u4e00-\u9fff]{2})")


def bracketed_targets(facts: Facts) -> None:
    known = {text_key(i.name) for i in facts.indicators}
    taken = {id(n) for i in facts.indicators for n in (i.target, i.actual) if n is not None}
    for said in _SAID.finditer(facts.text):
        actual, target = facts.number_at(said.start("actual")), facts.number_at(said.start("target"))
        completion = facts.number_at(said.start("completion")) if said.group("completion") else None
        name = _LEADING.sub("", said.group("name").strip())
        if actual is None or target is None or actual.part or target.part or actual.unit != target.unit \
                or id(actual) in taken or id(target) in taken \
                or actual.unit in ("分", "万元", "元") or len(text_key(name)) < 2 or text_key(name) in known \
                or facts.document.is_rule(said.start()):
            continue
        sign, bound = said.group("sign") or "", said.group("bound") or ""
        direction = "<=" if sign == "控制在" or bound in ("以内", "以下") else DIRECTIONS.get(sign) or \
            (">=" if bound == "以上" else "=")
        for n in (actual, target, completion):
            if n is not None:
                n.part = True
        known.add(text_key(name))
        facts.indicators.append(Indicator(len(facts.indicators) + 1, name, said.start("name"), "", direction, target,
                                          actual, completion=completion if completion is not None and completion.is_rate else None,
                                          end=said.end()))
