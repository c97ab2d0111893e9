"""A report's characters as every reader of its text takes them: NFKC-normalised (full-width
digits and signs become ASCII), Markdown bold marks and no-break spaces gone; and what a
heading looks like (一、 （一） 1. 附件)."""
from __future__ import annotations

import re
import unicodedata

HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．](?!\d)|附件|附表)")
_MARKUP = re.compile(r"\*\*|__")   # bold marks of text converted from Word by hand
_BREAK = re.compile(r"<br\s*/?>", re.I)   # a line break inside a Markdown table's cell
PAGE_OF = r"第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?"   # a page's number as printed: 第5页, 第5页 共12页
# a line that is a page's mark and nothing else ("— 15 —", "-3-", "第 1 页/共 2 页"): no row of a table it falls in
PAGE_MARK = re.compile(rf"\s*(?:[-—–]\s*\d{{1,4}}\s*[-—–]|{PAGE_OF})\s*")
BARE_NUMBER = re.compile(r"\d+(?:\.\d+)?")   # a cell that is a figure alone: a 分值, a 得分 (fullmatch)
FIGURE_CELL = re.compile(r"^[-+]?[\d,]*\.?\d+\s*(?:%|万元|元|分)?$")   # a cell of a figure, its unit at most (match)
SIGNED_FIGURE = re.compile(r"[-+]?[\d,]*\.?\d+\s*%?")   # a cell of a figure and no words ("15分" is none; fullmatch)
def figured(cells) -> bool:
    """Some cell of a row holds a digit (a header's words hold none)."""
    return any(re.search(r"\d", c) for c in cells)


def words_only(cells) -> bool:
    """A row of words: no digit but in brackets (a header's 预算执行情况（20分）, 得分（20分*执行率）)."""
    return not figured(re.sub(r"[(（][^)）]*[)）]?", "", c) for c in cells)


_COUNT_WORDS = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
COUNT = r"\d{1,2}|[两二三四五六七八九十]"     # a count as reports write it: "8项", "三项"
FIGURE = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"      # a figure as written: 6,184, 1,062.45 or 12.5


def count_of(said: str) -> int:
    """The count a report writes in digits or one Chinese numeral ("3", "三", "两")."""
    return int(said) if said.isdigit() else _COUNT_WORDS[said]


BONUS_ROW = re.compile(r"^([加扣减])分(?:项|项目|指标)?$")   # a row of points added to the 总分 or taken off it (match a key)
DASHES = re.compile(r"[—–\-/／]+")   # a cell of "——" or "/": left empty on purpose (fullmatch)
# a form's numbering of each group's indicators, before the name: "指标1:资助参保人数" (重庆's 转移支付 forms)
INDICATOR_NUMBER = r"指标\s*\d{1,2}\s*[:：]\s*"
SIGN = "[≥≤<>=＞＜≧≦]"                  # a target's sign, as a character class
def opens_bracket(text: str) -> bool:
    """More brackets opened than closed in `text`: what follows stands inside an aside."""
    return text.count("(") + text.count("（") > text.count(")") + text.count("）")


def bracket_joined(words: list[str]) -> list[str]:
    """Words one space apart with a bracket a space apart joined to its word ("年初目标值 （A）", "得分 （20 分*执行率）",
    "年度预算申请 (万元)": one cell each)."""
    out: list[str] = []
    for word in words:
        if out and (word[0] in "(（" or opens_bracket(out[-1])):
            out[-1] += word
        else:
            out.append(word)
    return out


LIST_MARK = r"(?:\d{1,2}\s*[.、．](?!\d)|[(（][一二三四五六七八九十\d]{1,3}[)）])"   # a numbered item's mark: 1. （一）
# "1.资助标准。全部按标准执行，该项分值10分，得10分。" — a line of its own: its name as a heading, what was done, and its
# points and score last ("该项分值10分，扣0.8分，得9.2分"); not a group's heading ("（四）满意度指标。…": its indicator's).
# An item (engine/report/items.py) — and the indicator its heading names takes its points and score (headed.py)
NAMED_ITEM_LINE = re.compile(r"^[ \t\u3000]*" + LIST_MARK + r"\s*(?P<name>[^\s(（:：,，。;；\d]{2,16})(?<!指标)\s*[。．:：]"
                             r"(?P<body>(?:(?!得\s*\d|分值|满分|权重)[^\n；;])*?)[,，。]\s*"
                             r"(?:该项|该指标|本项|本指标)?(?:分值|满分|权重)\s*(?P<weight>\d+(?:\.\d+)?)\s*分\s*[,，](?:[^\n。；;]*?[,，])?\s*"
                             r"(?:自评)?得分?\s*[:：为]?\s*(?P<score>\d+(?:\.\d+)?)\s*分\s*[。.]?[ \t\u3000]*$", re.M)


IN_YUAN = re.compile(r"[(（]\s*元\s*[)）]")   # "（元）": a table's amounts are in 元
UNIT_LINE = re.compile(r"\s*[(（]\s*(?:万元|元)\s*[)）]\s*")     # "（万元）": a unit on a line (or at a cell's end) of its own
IN_WAN = re.compile(r"[(（]\s*万元\s*[)）]")  # "（万元）"
A_SCORE = re.compile(r"得\s*\d+(?:\.\d+)?\s*分")   # "得9.69分": a score said


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    return _BREAK.sub(" ", _MARKUP.sub("", text)).replace("\u00a0", " ").replace("\t", " ")


_CHINESE_MARK = re.compile(r"[一二三四五六七八九十]+[、.．]?")
_ARABIC_MARK = re.compile(r"\d{1,2}[、.．]?")


def sub_level(marks: list[str]) -> set[int]:
    """The rows of a table numbered under others: 1, 2 … where rows numbered 一, 二 … stand too (a
    sub-project under its project; they are parts of the row above, not of the table's 合计)."""
    if not any(_CHINESE_MARK.fullmatch(m.strip()) for m in marks):
        return set()
    return {k for k, m in enumerate(marks) if _ARABIC_MARK.fullmatch(m.strip())}


_KIND_SAID = re.compile(r"(?P<project>项目支出绩效|项目名称|项目(?:资金)?绩效(?:自评|评价)|专项(?:资金|经费)绩效(?:自评|评价))|(?P<whole>整体支出|部门整体|单位整体)")


def kind_stated(text: str) -> str | None:
    """部门整体 or 项目支出 as the report's title or form says it first (None: it does not say) — a
    部门整体 report's table of projects (项目名称 | …) after its title makes it no 项目支出 one."""
    said = _KIND_SAID.search(text, 0, 600)
    return None if said is None else "项目支出" if said.group("project") else "部门整体"


def display_width(text: str) -> int:
    """Display columns, as a text's alignment and a PDF's cells set it: a Chinese character takes two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
