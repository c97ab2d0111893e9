"""The year's spending set out by 经济分类 in a sentence of its own, no total in it ("按经济分类，工资福利支出1,286.45万元，
商品和服务支出268.47万元，对个人和家庭的补助312.80万元，资本性支出46.20万元。"): its parts against the year's spending said
just before it — a warning, the whole said apart."""
from __future__ import annotations

import re

from ..core.findings import FindingList
from .facts import Facts
from .numbers import sentence_bounds
from .stated import EPS, amount_text, quoted

_BY_KIND = re.compile(r"按(?:支出)?经济分类(?:分|科目)?\s*[,，:：]?")
_PARTIAL = re.compile(r"主要|等|其余|其他|另有|包括")
_NEAR = 600      # characters: the year's spending said in the paragraphs just before


def check_economic_breakdown(facts: Facts, report: FindingList) -> None:
    spent = facts.keyed_amounts().get("spend_total")
    if spent is None or not facts.amount(spent):
        return
    for said in _BY_KIND.finditer(facts.text):
        end = sentence_bounds(facts.text, said.start())[1]
        parts = [n for n in facts.numbers if said.end() <= n.start < end and n.is_amount and not n.part]
        if len(parts) < 3 or _PARTIAL.search(facts.text[said.end():end]) or not 0 < said.start() - spent.end < _NEAR \
                or report.names(facts.where(parts[0].start)):
            continue      # (a list said to be partial, or the year's spending not said just before it)
        added = sum(facts.amount(n) for n in parts)
        if abs(added - facts.amount(spent)) > facts.half_cent(spent) + sum(facts.half_cent(n) for n in parts) + EPS:
            report.warning("SUM_MISMATCH", facts.where(parts[0].start),
                           f"按经济分类各项之和 {' + '.join(amount_text(facts.amount(n)) for n in parts)} = {amount_text(added)} 万元，"
                           f"与全年支出 {amount_text(facts.amount(spent))} 万元不符（合计写在前文，请核对）{quoted(facts, parts[0])}")
