"""A whole stated with the count of its parts ("共有4个项目，预算合计239.6万元") and the parts
listed after it, one numbered item each ("1、…项目：预算28.6万元…"): the document model gives
the items (the sections under the same heading, after the sentence), each item its first figure
of the same measure.  Precision first: exactly as many items as the count says, each with such
a figure, or nothing is read."""
from __future__ import annotations

import re

from .document import Document, Section
from .numbers import Number

_COUNTED = re.compile(r"共(?:有|计)?\s*(\d{1,2})\s*个(?:子)?(?:项目|专项|项)")
_WHOLE = re.compile(r"合计|总计|共计|总额|总投资")
_FAMILY = {"total_budget": "budget", "budget": "budget", "initial": "initial", "spend": "spend"}


def counted_lists(document: Document, numbers: list[Number]) -> list[tuple[Number, list[Number]]]:
    """(whole, parts) of each counted whole whose items are listed after it."""
    text = document.text
    out = []
    for count in _COUNTED.finditer(text):
        line_end = text.find("\n", count.end())
        line_end = len(text) if line_end < 0 else line_end
        wholes = [n for n in numbers if count.end() <= n.start < line_end and n.is_amount and not n.part
                  and _WHOLE.search(n.label) and _FAMILY.get(n.measure or "")]
        items = _items_after(document, line_end, int(count.group(1)))
        if not items:
            continue
        for whole in wholes:
            family = _FAMILY[whole.measure]
            parts = []
            for item in items:
                inside = [n for n in numbers if item.start <= n.start < item.end and n.is_amount
                          and _FAMILY.get(n.measure or "") == family]
                if not inside:
                    break
                parts.append(inside[0])
            if len(parts) == len(items):
                out.append((whole, parts))
    return out


def _items_after(document: Document, offset: int, count: int) -> list[Section]:
    """The `count` numbered items listed right after `offset`, under the heading it stands under."""
    if count < 2:
        return []
    parent = document.section_at(offset - 1)
    after = [s for s in document.sections if s.start >= offset and s.parent is parent]
    if len(after) < count:
        return []
    items = after[:count]
    level = items[0].level
    following = after[count] if len(after) > count else None
    if any(s.level != level for s in items) or (following is not None and following.level == level):
        return []                     # more items than the count: not the list it counts
    return items
