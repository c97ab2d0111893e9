"""One parser for every value a user types: UDF arguments, JSON data, workbook cells.

Accepts numbers and the strings finance staff actually write: ``2,935.01``,
``2，935.01``, full-width ``９９．４６％``, a trailing ``%`` (divided by 100) and a
trailing unit that matches the field (``万元`` for money, ``人 个 件 …`` for counts).
Everything else is a `CellError` naming the field and the text.
"""
from __future__ import annotations

import math
import re
import unicodedata
from decimal import Decimal, InvalidOperation

from .errors import VALUE, CellError, bad_value, missing, negative

MONEY_UNITS = ("万元",)
COUNT_UNITS = ("人", "个", "件", "次", "篇", "场", "份", "项")
# An indicator's target and actual carry the indicator's own unit; these are the units
# that appear in self-evaluation reports.  Longest first so 人次 wins over 次.
INDICATOR_UNITS = tuple(sorted(set(COUNT_UNITS + MONEY_UNITS + (
    "元", "人次", "户", "家", "台", "套", "辆", "条", "期", "批", "册", "本", "所", "座",
    "天", "日", "个月", "月", "年", "小时", "分钟", "分", "平方米", "亩", "公里", "米", "吨",
    "处", "名", "张", "部", "间", "棵", "株", "头", "只", "课时", "学时", "万人次",
)), key=len, reverse=True))

_YES = {"是", "√", "✓", "✔", "Y", "YES", "TRUE", "1", "对"}
_NO = {"否", "×", "✗", "✘", "X", "N", "NO", "FALSE", "0", "不是"}

_NUMBER = re.compile(r"^(?P<sign>[+-])?(?P<int>\d{1,3}(?:,\d{3})+|\d*)(?P<frac>\.\d+)?$")

DIRECTIONS = {
    "≥": ">=", ">=": ">=", "⩾": ">=", "≧": ">=", "=>": ">=", "大于等于": ">=", "不低于": ">=",
    "不少于": ">=", "不小于": ">=",
    ">": ">", "大于": ">", "高于": ">",
    "=": "=", "==": "=", "等于": "=",
    "≤": "<=", "<=": "<=", "⩽": "<=", "≦": "<=", "=<": "<=", "小于等于": "<=", "不高于": "<=",
    "不超过": "<=", "不多于": "<=", "不大于": "<=",
    "<": "<", "小于": "<", "低于": "<",
    "定性": "定性",
}
# each direction as a template's 指标性质 list (and a report) writes it
DIRECTION_SYMBOLS = {">=": "≥", "<=": "≤", ">": ">", "<": "<", "=": "＝", "定性": "定性"}   # ＝: a cell starting "=" is a formula
# every direction's word but 定性, longest first, as a regular expression's alternatives (a report's "不低于", "≥", …)
DIRECTION_PATTERN = "|".join(re.escape(d) for d in sorted(DIRECTIONS, key=len, reverse=True) if d != "定性")


FULL_WIDTH_SPACE = "\u3000"
# what a cell may hold and still count as empty: spaces (people "clear" a cell with one),
# full-width spaces, and the control characters (tabs, line breaks) Excel's CLEAN removes
_INVISIBLE = {ord(" "): None, ord(FULL_WIDTH_SPACE): None, **{code: None for code in range(32)}}


def is_blank(value: object) -> bool:
    """Nothing typed — the one rule of every path: the template's formulas test
    ``CLEAN(SUBSTITUTE(SUBSTITUTE(x," ",""),"　",""))=""`` (book.formulagen.blank_formula),
    so a cell holding only a space is blank in Excel, in `recalc` and here alike."""
    return value is None or (isinstance(value, str) and not value.translate(_INVISIBLE))


def text_key(value: object) -> str:
    """A choice typed into a cell (一级指标, a disclosure tier, 定性) as it is compared: spaces,
    half- or full-width, ignored anywhere, letters compared without case — the rule Excel
    applies to ``SUBSTITUTE(SUBSTITUTE(x," ",""),"　","")="…"`` (its ``=`` ignores case).
    The template's formulas spell the same rule (book.formulagen.text_key_formula), so a
    trailing space after 产出指标 counts the same in Excel, headless and here."""
    return str(value if value is not None else "").replace(" ", "").replace(FULL_WIDTH_SPACE, "").upper()


def normalize(text: str) -> str:
    """Full-width → half-width, every kind of minus → '-', no white space."""
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("\u2212", "-").replace("\u2013", "-").replace("\u2014", "-")
    return re.sub(r"\s+", "", text)


def parse_number(value: object, label: str, units: tuple[str, ...] = (),
                 field: str | None = None, allow_percent: bool = True) -> float:
    """A number, possibly written as text with separators, ``%`` or one of `units`."""
    if is_blank(value):
        raise missing(label, field)
    if isinstance(value, bool):
        raise bad_value(label, value, "应为数值", field)
    if isinstance(value, (int, float)):
        number = float(value)
        if math.isnan(number) or math.isinf(number):
            raise bad_value(label, value, "应为数值", field)
        return number
    if not isinstance(value, str):
        raise bad_value(label, value, "应为数值", field)
    text = normalize(value)
    percent = False
    for unit in units:
        if text.endswith(unit) and len(text) > len(unit):
            text = text[: -len(unit)]
            break
    else:
        if allow_percent and text.endswith("%"):
            text, percent = text[:-1], True
    match = _NUMBER.match(text)
    if not match or not (match["int"] or match["frac"]):
        if "万元" in units and text.endswith("元"):
            raise bad_value(label, value, "的单位应为万元（不能按元填写）", field)
        raise bad_value(label, value, "无法识别为数值", field)
    try:
        number = Decimal((match["sign"] or "") + (match["int"] or "0").replace(",", "")
                         + (match["frac"] or ""))
    except InvalidOperation:  # pragma: no cover - the regex admits only digits
        raise bad_value(label, value, "无法识别为数值", field) from None
    if percent:
        number /= 100
    return float(number)


def parse_money(value: object, label: str, field: str | None = None,
                signed: bool = False) -> float:
    """An amount in 万元.  ``元`` is refused: never silently divide by 10,000."""
    amount = parse_number(value, label, MONEY_UNITS, field, allow_percent=False)
    if amount < 0 and not signed:
        raise negative(label, value, field)
    return amount


def parse_count(value: object, label: str, field: str | None = None) -> float:
    count = parse_number(value, label, COUNT_UNITS, field, allow_percent=False)
    if count < 0:
        raise negative(label, value, field)
    return count


def parse_rate(value: object, label: str, field: str | None = None) -> float:
    """A fraction: 0.9946, "99.46%" or "９９．４６％"."""
    return parse_number(value, label, (), field)


def parse_indicator_value(value: object, label: str, field: str | None = None) -> float:
    return parse_number(value, label, INDICATOR_UNITS, field)


def parse_flag(value: object, label: str, field: str | None = None) -> bool:
    """是/否, √/×, Y/N, TRUE/FALSE, 1/0."""
    if is_blank(value):
        raise missing(label, field)
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    text = normalize(str(value)).upper()
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise bad_value(label, value, "应填“是”或“否”", field)


def parse_check(value: object, label: str, field: str | None = None) -> bool | float:
    """A checklist answer: 是/否 (a bool) or the points awarded (a number)."""
    if is_blank(value):
        raise missing(label, field)
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        text = normalize(value).upper()
        if text in _YES - {"1"}:
            return True
        if text in _NO - {"0"}:
            return False
    return parse_number(value, label, ("分",), field, allow_percent=False)


def parse_direction(value: object, label: str = "指标性质", field: str | None = None) -> str:
    """The canonical direction: one of ``>= > = <= < 定性``."""
    if is_blank(value):
        raise missing(label, field)
    text = normalize(str(value))
    if text in DIRECTIONS:
        return DIRECTIONS[text]
    raise bad_value(label, value, "应为 ≥ > = ≤ < 或 定性", field)


def parse_text(value: object, label: str, field: str | None = None) -> str:
    if is_blank(value):
        raise missing(label, field)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else format(value, ".15g")
    return str(value).strip()


def parse_year(value: object, label: str = "年度", field: str | None = None) -> int:
    text = value
    if isinstance(value, str):
        text = normalize(value).removesuffix("年度").removesuffix("年")
    year = parse_number(text, label, (), field, allow_percent=False)
    if not year.is_integer() or not 1990 <= year <= 2100:
        raise bad_value(label, value, "应为四位年份", field)
    return int(year)


def expect(condition: bool, label: str, value: object, why: str, field: str | None = None) -> None:
    """Raise #VALUE! unless `condition` holds; `why` says what the value should be."""
    if not condition:
        raise CellError(VALUE, f"{label}{why}：{value}", field)


def parse_amount(value: object, label: str, field: str | None = None) -> float:
    """An amount of money (万元) or a head count: both are ≥ 0."""
    amount = parse_number(value, label, MONEY_UNITS + COUNT_UNITS, field, allow_percent=False)
    if amount < 0:
        raise negative(label, value, field)
    return amount


def flatten(values: object) -> list:
    """Cells of nested ranges, in reading order."""
    if not isinstance(values, (list, tuple)):
        return [values]
    cells: list = []
    for v in values:
        if not isinstance(v, (list, tuple)):
            cells.append(v)
        elif any(isinstance(x, (list, tuple)) for x in v):
            cells.extend(flatten(v))
        else:
            cells.extend(v)     # a row of a range: the common case, without a call a cell
    return cells


def parse_scores(values: object, label: str = "得分") -> list[float]:
    """The item scores of a range: blanks skipped; the first non-number is an #N/A naming it."""
    from .errors import NA
    scores = []
    for n, cell in enumerate(flatten(values), 1):
        if is_blank(cell):
            continue
        try:
            scores.append(parse_number(cell, label, ("分",), allow_percent=False))
        except CellError:
            raise CellError(NA, f"第{n}个{label}无法计算：{str(cell)[:40]}") from None
    return scores


def parse_amounts(values: object, label: str = "金额") -> list[float]:
    """Every cell of the ranges given, each required: blank is #N/A naming its position."""
    cells = flatten(values)
    return [parse_amount(cell, f"{label}第{n}项" if len(cells) > 1 else label) for n, cell in enumerate(cells, 1)]
