"""Wholes and the parts listed after them, beyond one sentence's 其中 list:

* a whole stated with the count of its parts ("共有4个项目，预算合计239.6万元") and the parts
  listed after it, one numbered item each ("1、…项目：预算28.6万元…"): the document model gives
  the items (the sections under the same heading, after the sentence), each item its first
  figure of the same measure — exactly as many items as the count says, or nothing is read;
* a list announced as the detail of a whole ("项目资金共到位982.98万元 … 具体到位情况如下：A到位
  资金412.00万元；B到位资金268.30万元；…"): the whole the last figure said of 共/合计/总 before
  it in the paragraph, the parts the list's figures, one each between its ；;
* a list after 具体为 closed by the words that it is all of the whole ("改善就餐条件支出38.60万元，资金来源为…，具体为：
  A…元、B…元、C…元，上述三项即为该部分全部支出"): the whole the last amount before it in its sentence named by what
  the list is all of (支出), the parts the list's figures, one each between its 、;
* the year's spending listed by its 功能分类 in a sentence of its own ("全年支出5,918.36万元，…。按支出功能分类，城乡社区
  支出4,126.55万元、住房保障支出…"): the whole the last amount of spending said before it (in its sentence, or its
  paragraph or the one before), not a year before's; the parts each …支出 of the list, all of them (no 主要, no 等);
* a whole said to be made of parts in the sentence after it ("实际完成投资83.42万元。实际完成投资由
  建安工程费…、监理费…、设计费…三部分组成"): the whole the last amount in the paragraph so far
  (or the one before) whose label ends with the name before 由, the parts the amounts between 由 and 组成/构成.

The parts are not of the whole's own statement: check.py says so (a warning)."""
from __future__ import annotations

import re

from .document import Document, Section
from .numbers import Number, sentence_bounds
from .plain import count_of
from .vocabulary import words

_COUNTED = re.compile(r"共(?:有|计)?\s*(\d{1,2})\s*个(?:子)?(?:项目|专项|项)")
_WHOLE = re.compile(r"合计|总计|共计|总额|总投资")
_TOTAL_WORD = re.compile(r"共|合计|总计|总额")
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


_DETAIL = re.compile(r"(?:具体|明细|分项)[^,，;；。:：\n]{0,12}如下\s*[:：]")
_ITEM_END = re.compile(r"[;；]")


def detailed_lists(text: str, numbers: list[Number]) -> list[tuple[Number, list[Number]]]:
    """(whole, parts) of each list announced as a whole's detail ("…具体到位情况如下：…；…；…")."""
    out = []
    for match in _DETAIL.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        line_end = text.find("\n", match.end())
        line_end = len(text) if line_end < 0 else line_end
        wholes = [n for n in numbers if line_start <= n.start < match.start() and n.is_amount and not n.part
                  and _TOTAL_WORD.search(n.label)]
        if not wholes:
            continue
        parts, item_start = [], match.end()
        ends = [m.end() for m in _ITEM_END.finditer(text, match.end(), line_end)] + [line_end]
        for item_end in ends:
            inside = [n for n in numbers if item_start <= n.start < item_end and n.is_amount]
            if len(inside) != 1:
                break
            parts.append(inside[0])
            item_start = item_end
            if text.find("。", inside[0].end, item_end) >= 0:
                break                         # the list ends with its sentence
        if len(parts) >= 2:
            out.append((wholes[-1], parts))
    return out + _numbered_details(text, numbers) + _closed_details(text, numbers)


# "全年支出919.89万元，…。支出具体为：" ending its line, then "1.…386.40万元；" / "2.…142.85万元；" on lines of their own
_DETAIL_OF = words()["detail_of"]
_NUMBERED_LINE = re.compile(r"[ \t\u3000]*\d{1,2}\s*[.、．]")


def _numbered_details(text: str, numbers: list[Number]) -> list[tuple[Number, list[Number]]]:
    """(whole, parts) of a line that names an amount and ends announcing its detail, the numbered lines after it
    each stating one amount: the whole the last amount of that line named by what the detail is of."""
    out = []
    for match in _DETAIL_OF.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        wholes = [n for n in numbers if line_start <= n.start < match.start() and n.is_amount and not n.part
                  and match.group("what") in re.split(r"[,，;；。]", n.label)[-1]]
        parts, at = [], match.end() + 1
        while at < len(text) and _NUMBERED_LINE.match(text, at):
            end = text.find("\n", at)
            end = len(text) if end < 0 else end
            inside = [n for n in numbers if at <= n.start < end and n.is_amount]
            if len(inside) != 1:
                parts = []
                break
            parts.append(inside[0])
            at = end + 1
        if wholes and len(parts) >= 2 and len({p.unit for p in parts}) == 1:
            out.append((wholes[-1], parts))
    return out


_COMPOSED = re.compile(r"([^\d,，;；。:：、\s]{2,16}?)(?:主要)?由([^。;；\n]{4,200}?)(?:[两二三四五六七八九十\d]+(?:个)?(?:部分|项|方面))?(?:组成|构成)")


def composed_lists(text: str, numbers: list[Number]) -> list[tuple[Number, list[Number]]]:
    """(whole, parts) of each "X由A…、B…、C…组成" whose X is an amount said just before it."""
    out = []
    for match in _COMPOSED.finditer(text):
        name = match.group(1)
        paragraph = text.rfind("\n", 0, match.start())
        paragraph = text.rfind("\n", 0, paragraph) + 1 if paragraph > 0 else 0   # (its paragraph or the one before)
        wholes = [n for n in numbers if paragraph <= n.start < match.start() and n.is_amount
                  and n.label.endswith(name)]
        parts = [n for n in numbers if match.start(2) <= n.start < match.end(2)]
        if wholes and len(parts) >= 2 and all(n.is_amount for n in parts) \
                and not re.search(r"等|其他|主要|部分(?!组成)", text[match.start(2):match.end(2)]):
            out.append((wholes[-1], parts))
    for match in _COMPOSED_AFTER.finditer(text):     # "项目支出1,012.76万元，由A…元、B…元…五项组成"
        before = next((n for n in numbers if n.end == match.start("comma")), None)
        if before is not None and before.is_rate:    # "全年支出386.52万元，执行率74.33%，由A…元、B…元…三部分组成": the
            before = next((n for n in reversed(numbers) if n.end <= before.start      # amount before its rate's clause
                           and re.fullmatch(r"\s*[,，][^\d,，。;；]{1,12}", text[n.end:before.start])), None)
        whole = before if before is not None and before.is_amount else None
        parts = [n for n in numbers if match.start("list") <= n.start < match.end("list")]
        if whole is not None and len(parts) >= 2 and all(n.is_amount for n in parts) \
                and not re.search(r"等|其他|主要|部分(?!组成)", match.group("list")):
            out.append((whole, parts))
    return out


_COMPOSED_AFTER = re.compile(r"(?P<comma>\s*[,，])\s*由(?P<list>[^。;；\n]{4,200}?)(?:[两二三四五六七八九十\d]+(?:个)?(?:部分|项|方面))?(?:组成|构成)")


# "…，具体为：冷藏及消毒设备243,500元、…、食堂视频监控74,300元，上述三项即为该部分全部支出"
_CLOSED = re.compile(r"具体(?:为|是|包括)\s*[:：]?(?P<list>[^。；;:：\n]{4,300}?)[,，]\s*(?:以上|上述)(?P<count>[两二三四五六七八九十]|\d{1,2})项"
                     r"(?:即为|即|为|是|合计)?[^，,。；;\n]{0,10}?全部(?P<what>支出|资金|经费)")


_PIECE = re.compile(r"(?:[^、,，;；。]|(?<=\d)[,，](?=\d{3}))+")     # (not 243,500's comma)


def _pieces(listed: str):
    """The pieces of a list, each up to its 、 or comma (a figure's thousands comma is none)."""
    return _PIECE.finditer(listed)


def _closed_details(text: str, numbers: list[Number]) -> list[tuple[Number, list[Number]]]:
    """(whole, parts) of a detail list its sentence closes by saying it is all of the whole: as many parts as it
    says, one amount each."""
    out = []
    for match in _CLOSED.finditer(text):
        start = sentence_bounds(text, match.start())[0]
        wholes = [n for n in numbers if start <= n.start < match.start() and n.is_amount and not n.part
                  and match.group("what") in re.split(r"[,，;；。]", n.label)[-1]]
        parts, at = [], match.start("list")
        for piece in _pieces(match.group("list")):
            inside = [n for n in numbers if at + piece.start() <= n.start < at + piece.end() and n.is_amount]
            if len(inside) != 1:
                parts = []
                break
            parts.append(inside[0])
        if wholes and len(parts) == count_of(match.group("count")) >= 2:
            out.append((wholes[-1], parts))
    return out


# "按支出功能分类，城乡社区支出4,126.55万元、住房保障支出1,218.40万元、…。"
_BY_FUNCTION = words()["by_function"]
_SPENDING_WHOLE = words()["spending_whole"]
_OTHER_YEAR = re.compile(r"较|比|上年|同期|上一年")


def classified_lists(text: str, numbers: list[Number]) -> list[tuple[Number, list[Number]]]:
    """(whole, parts) of the year's spending and its 功能分类 listed in a sentence of their own: every part one 支出."""
    out = []
    for match in _BY_FUNCTION.finditer(text):
        end = sentence_bounds(text, match.end())[1]
        if re.search(r"主要|等", text[match.end():end]):
            continue        # (a list of the main ones: not all of the whole)
        parts = []
        for piece in _pieces(text[match.end():end]):
            at, to = match.end() + piece.start(), match.end() + piece.end()
            inside = [n for n in numbers if at <= n.start < to and (n.is_amount or n.is_rate)]
            if not inside:
                break
            if inside[0].is_rate:
                continue     # ("…，占41.20%": a part's share, said after it)
            if len(inside) != 1 or inside[0].part or not re.search(r"支出$", inside[0].label):
                parts = []
                break
            parts.append(inside[0])
        line_start = text.rfind("\n", 0, match.start())
        paragraph = text.rfind("\n", 0, line_start) if line_start > 0 else -1     # (its paragraph and the one before)
        before = [n for n in numbers if paragraph < n.start < match.start() and n.is_amount and not n.part
                  and _SPENDING_WHOLE.search(_clause_before(text, n)) and not _OTHER_YEAR.search(_clause_before(text, n))]
        if len(parts) >= 2 and before:
            out.append((before[-1], parts))
    return out


def _clause_before(text: str, n: Number) -> str:
    """The words of its clause before a figure (a year's figure among them: "较2022年支出")."""
    return re.split(r"[,，;；。:：\n]", text[max(0, n.start - 24):n.start])[-1]
