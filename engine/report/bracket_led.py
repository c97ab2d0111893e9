"""A sentence led by a name and its points in brackets, its score said at its end: "绩效目标合理性（5分），部门整体
目标与…相符，但部分产出指标未细化量化，扣0.5分，得4.5分。", "预算执行率（6分），全年预算执行率94.53%，按“执行率×
分值”计算得5.67分。" — an item of those points and that score (joined to its indicator by name, as a 评分表's row
is). The sentence's one "得N分" is its score; nothing is read where the sentence (up to its 。) names another's
points, scores several ("均得满分", two scores) or the score is over the points."""
from __future__ import annotations

import re

from ..core.parsing import text_key
from .facts import Facts, StatedItem
from .plain import LIST_MARK

# (at a line's or a sentence's start, or after a heading's bracket its line was joined to: "（一）决策（15分，得13.50分）")
_LED = re.compile(r"(?:^|(?<=[。；;\n])|(?<=分[)）]))[ \t\u3000]*" + LIST_MARK + r"?\s*(?P<name>[^\s，,。；;:：()（）\d%、“”\"]{2,20}?)\s*"
                  r"[(（]\s*(?:分值|满分|权重)?\s*(?P<points>\d+(?:\.\d+)?)\s*分\s*[)）]\s*[，,:：]", re.M)
_SCORED = re.compile(r"(?<!扣)(?<!扣除)(?:得分为?|实得|计得|得)\s*(?P<score>\d+(?:\.\d+)?)\s*分")
_SEVERAL = re.compile(r"均得|各得|均为满分|分别|合计|共计|小计")


def bracket_led_items(facts: Facts) -> None:
    text = facts.text
    used = {id(n) for i in facts.items for n in (i.score, i.weight) if n is not None}
    used |= {id(n) for i in facts.indicators for n in (i.self_score, i.weight) if n is not None}
    named = {text_key(i.name) for i in facts.items}
    for led in _LED.finditer(text):
        ends = [k for k in (text.find(c, led.end()) for c in "。\n") if k >= 0]
        body = text[led.end():min(ends, default=len(text))]       # (to its 。: "…得2.79分；…得2.5分" scores two)
        scores = list(_SCORED.finditer(body))
        if _LED.search(body + "，") or _SEVERAL.search(body) or len(scores) != 1 or text_key(led.group("name")) in named:
            continue       # (another's points said in it, several scored, or read already)
        points = facts.rule_number_at(led.start("points")) or facts.number_at(led.start("points"))
        score = facts.number_at(led.end() + scores[-1].start("score")) if scores else None
        if points is None or score is None or id(score) in used or score.value > points.value:
            continue
        facts.items.append(StatedItem(led.group("name").strip(), score, points))
        used.add(id(score))
