"""Indicators said together, respectively: "核实补贴面积、兑付植棉户数分别为39.12万亩、12,486户，完成率分别为
101.35%、104.50%" — each name its figure achieved (and its completion, when said for each), in order; the
target each has among the goals is joined later (claims._targets_from_goals)."""
from __future__ import annotations

import re

from ..core.parsing import text_key
from .facts import Facts, Indicator
from .plain import LIST_MARK

_FIGURE = r"\d[\d,]*(?:\.\d+)?\s*[^\d、，,；;。\s()（）]{0,5}"
_TOGETHER = re.compile(r"(?:^|(?<=[\n，,；;。:：]))\s*+" + LIST_MARK + r"?\s*+(?:全年|年度|本年)?\s*+"
                       r"(?P<names>[^\d、，,；;。:：()（）“”\n]{2,20}(?:\s*+[、和及]\s*+[^\d、，,；;。:：()（）“”\n]{2,20})+?)\s*+"
                       r"(?:实际|全年)?(?:分别|依次)(?:为|是|达到|完成|达)\s*+(?P<figures>" + _FIGURE + r"(?:\s*+[、和及]\s*+" + _FIGURE + r")+)"
                       r"(?:\s*+[,，]\s*+(?:完成率|完成比例)(?:分别|依次)(?:为|是|达)?\s*+"
                       r"(?P<rates>\d+(?:\.\d+)?\s*+%(?:\s*+[、和及]\s*+\d+(?:\.\d+)?\s*+%)+))?")
_A_FIGURE = re.compile(r"\d[\d,]*(?:\.\d+)?")


def respectively_said(facts: Facts) -> None:
    text = facts.text
    known = {text_key(i.name) for i in facts.indicators}
    for said in _TOGETHER.finditer(text):
        names = [n.strip() for n in re.split(r"[、和及]", said.group("names")) if n.strip()]
        figures = [facts.number_at(said.start("figures") + m.start()) for m in _A_FIGURE.finditer(said.group("figures"))]
        rates = [facts.number_at(said.start("rates") + m.start()) for m in _A_FIGURE.finditer(said.group("rates") or "")]
        if len(names) != len(figures) or None in figures or rates and (len(rates) != len(names) or None in rates) \
                or any(f.part or f.unit in ("分", "万元", "元") for f in figures) or facts.document.is_rule(said.start()):
            continue
        if any(text_key(n) in known or len(text_key(n)) < 2 for n in names):
            continue        # (read already, by another reader)
        for k, (name, figure) in enumerate(zip(names, figures)):
            figure.part = True
            completion = rates[k] if rates and rates[k].is_rate else None
            facts.indicators.append(Indicator(len(facts.indicators) + 1, name, said.start(), "", None, None, figure,
                                              completion=completion, end=said.end(),
                                              scored_apart="名称与实际值按“分别为”对应"))
