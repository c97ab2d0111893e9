"""An indicator scored in a numbered paragraph of its own, its name the paragraph's heading and its points said anywhere
in it ("5.农民工工资拖欠案件结案率。分值8分。全年受理…，结案率91.2%，目标值≥95%，完成率96.00%，得7.86分。"): the name the
heading gives — the clause the sentence reader took is its end ("结案率") — and, where no points were read with it, the
one 分值 the paragraph says."""
from __future__ import annotations

import re

from ..core.parsing import text_key
from .facts import Facts
from .plain import LIST_MARK
from .text import CELL

# the paragraph's heading: its mark, then the name up to the first 。 or ：
_HEADED = re.compile(r"[^\S\n]*" + LIST_MARK + r"\s*(?P<name>[^。\n,，:：;；()（）\d]{2,30}?)\s*[。:：]")
_POINTS = re.compile(r"(?:分值|满分|权重)\s*(?:为)?\s*(?P<points>\d+(?:\.\d+)?)\s*分")


def numbered_paragraphs(facts: Facts) -> None:
    text = facts.text
    for ind in facts.indicators:
        start = text.rfind("\n", 0, ind.start) + 1
        end = text.find("\n", ind.start)
        end = len(text) if end < 0 else end
        if CELL in text[start:end]:
            continue          # (a table's row: its columns say what is what)
        heading = _HEADED.match(text, start, end)
        if heading is None or heading.end() > ind.start + len(ind.name) + 2:
            continue
        named, own = text_key(heading.group("name")), text_key(ind.name)
        if not own or not named.endswith(own):
            continue          # (a paragraph of another's, or of a group: "1.数量指标。…")
        if len(named) > len(own) and not any(text_key(i.name) == named for i in facts.indicators):
            ind.name = heading.group("name").strip()
        points = list(_POINTS.finditer(text, start, end))
        if ind.weight is None and ind.self_score is not None and len(points) == 1:
            weight = facts.number_at(points[0].start("points"))
            if weight is not None and weight.value >= ind.self_score.value and weight is not ind.self_score:
                ind.weight = weight
