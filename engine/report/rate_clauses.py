"""A rate scored in a clause of its own with no points said ("结转结余率9.38%低于10%得5分", "预算调整率18.96%超过15%扣2分
得3分"): an indicator of what it achieved, the line it is measured against as its target and its score. No 分值 is
said, so its score is checked against nothing; the figures are the report's, read."""
from __future__ import annotations

import re

from ..core.parsing import text_key
from .facts import Facts, Indicator, named_already
from .numbers import measure_of

_SCORED_RATE = re.compile(
    r"(?:^|(?<=[，,；;：:。\n]))\s*(?P<name>[^，,。；;:：\d()（）“”\"%、]{2,14}?率)\s*(?:为|达)?\s*(?P<actual>\d+(?:\.\d+)?)\s*%\s*[,，]?\s*"
    r"(?:(?P<word>低于|不超过|未超过|超过|高于|不低于|达到|未达到)\s*(?P<target>\d+(?:\.\d+)?)\s*%\s*(?:的?(?:标准|目标|要求))?\s*[,，]?\s*)?"
    r"(?:扣\s*\d+(?:\.\d+)?\s*分\s*[,，]?\s*)?(?:该项)?得\s*(?P<score>\d+(?:\.\d+)?)\s*分(?!\s*[(（]\s*(?:分值|满分|权重))")
_CEILING = ("低于", "不超过", "未超过", "超过")
_EXECUTION = re.compile(r"执行率$")     # (the execution item's: read as an item, its points by the framework)


def scored_rates(facts: Facts) -> None:
    known = [text_key(i.name) for i in facts.indicators] + [text_key(i.name) for i in facts.items]
    taken = {id(n) for i in facts.indicators for n in (i.actual, i.self_score, i.completion) if n is not None} | \
        {id(i.score) for i in facts.items}
    for said in _SCORED_RATE.finditer(facts.text):
        name = re.sub(r"^(?:其中|以及|和|及)", "", said.group("name").strip())
        actual, score = facts.number_at(said.start("actual")), facts.number_at(said.start("score"))
        target = facts.number_at(said.start("target")) if said.group("target") else None
        if actual is None or score is None or _EXECUTION.search(name) or named_already(name, known) \
                or facts.document.is_rule(said.start("actual")) or "完成" in name or measure_of(name) in ("completion", "deviation", "share", "exec_rate") \
                or id(actual) in taken or id(score) in taken:
            continue      # (a completion, "完成率95%，得7.6分", is its indicator's: scored there)
        direction = ("<=" if said.group("word") in _CEILING else ">=") if target is not None else None
        facts.indicators.append(Indicator(len(facts.indicators) + 1, name, said.start("name"), "", direction, target, actual,
                                          self_score=score, end=said.end()))
        known.append(text_key(name))
