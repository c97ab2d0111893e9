"""Excel's values and the built-in functions our templates use, with Excel's semantics.

The one evaluator of spreadsheet formulas (core.xlformula) computes with these, so the
engine gives, for a workbook, what the department's spreadsheet shows: errors are values
that travel (`XlError`), text ranks above any number in a comparison, numbers compare at the
15 significant digits Excel shows, a blank reference is 0 to arithmetic and "" to text,
ISNUMBER of the text "5" is FALSE, ROUND rounds the decimal Excel shows.

As pycel's lib: one plain function per Excel function, errors as values, arguments already
evaluated (a `Range` for a reference to several cells).  IF and IFERROR are lazy and live in
the compiler.
"""
from __future__ import annotations

import datetime
import math
import re
from decimal import Decimal
from typing import Callable

from .errors import DIV0, NA, NUM, VALUE
from .rounding import excel_compare, excel_round

REF = "#REF!"
NAME = "#NAME?"
EXCEL_EPOCH = datetime.datetime(1899, 12, 30)   # serial 0 (Excel's 1900 system, past its leap-year bug)


def excel_serial(value: datetime.date | datetime.time) -> float:
    """A date, date-time or time as Excel holds it: days since EXCEL_EPOCH, the time a fraction."""
    if isinstance(value, datetime.time):
        value = datetime.datetime.combine(EXCEL_EPOCH.date(), value)
    elif not isinstance(value, datetime.datetime):
        value = datetime.datetime.combine(value, datetime.time())
    return (value.replace(tzinfo=None) - EXCEL_EPOCH).total_seconds() / 86400


def host_value(value: object) -> object:
    """A value as a host hands it over (xlwings: Decimal for a currency-formatted cell, datetime
    for a date), as Excel's formulas see it: a number.  Anything else as it is."""
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, (datetime.date, datetime.time)):
        return excel_serial(value)
    return value


class XlError:
    """An Excel error value; `message` is ours (a UDF's reason), Excel only shows the code."""
    __slots__ = ("code", "message")

    def __init__(self, code: str, message: str = ""):
        self.code, self.message = code, message

    def __eq__(self, other: object) -> bool:
        return isinstance(other, XlError) and other.code == self.code

    def __hash__(self) -> int:
        return hash(self.code)

    def __repr__(self) -> str:
        return f"XlError({self.code!r})"

    def __str__(self) -> str:
        return self.code


class Range:
    """The values of a rectangular reference, row by row (None for a blank cell)."""
    __slots__ = ("rows",)

    def __init__(self, rows: list[list[object]]):
        self.rows = rows

    def cells(self):
        for row in self.rows:
            yield from row

    def scalar(self) -> object:
        """A one-cell range is its value; a larger one where one value belongs is #VALUE!."""
        if len(self.rows) == 1 and len(self.rows[0]) == 1:
            return self.rows[0][0]
        return XlError(VALUE)


def is_number(v: object) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


_PLAIN_NUMBER = re.compile(r"^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$")


def to_number(v: object) -> float | XlError:
    """A value as arithmetic reads it: text only when it is unambiguously a number (what
    LibreOffice's default and Excel agree on), a blank as 0."""
    if isinstance(v, Range):
        v = v.scalar()
    if isinstance(v, bool):
        return 1.0 if v else 0.0
    if is_number(v):
        return float(v)
    if v is None:
        return 0.0
    if isinstance(v, XlError):
        return v
    if isinstance(v, str) and _PLAIN_NUMBER.match(v) and math.isfinite(float(v)):
        return float(v)      # (text beyond the largest number — "2.8E+310" — is no number: #VALUE!)
    return XlError(VALUE)


def to_text(v: object) -> str | XlError:
    if isinstance(v, Range):
        v = v.scalar()
    if isinstance(v, XlError) or isinstance(v, str):
        return v
    if v is None:
        return ""
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    x = float(v)
    return str(int(x)) if x.is_integer() and abs(x) < 1e15 else format(x, ".15g")


def to_bool(v: object) -> bool | XlError:
    if isinstance(v, Range):
        v = v.scalar()
    if isinstance(v, (bool, XlError)):
        return v
    if is_number(v):
        return v != 0
    if v is None:
        return False
    if isinstance(v, str) and v.upper() in ("TRUE", "FALSE"):
        return v.upper() == "TRUE"
    return XlError(VALUE)


# -------------------------------------------------------------------- operators
_RANK = {float: 0, int: 0, str: 1, bool: 2}


_SAME = {"=": True, "<>": False, "<": False, ">": False, "<=": True, ">=": True}
_TEXT_OPS = {"=": lambda a, b: a == b, "<>": lambda a, b: a != b, "<": lambda a, b: a < b,
             ">": lambda a, b: a > b, "<=": lambda a, b: a <= b, ">=": lambda a, b: a >= b}


def compare(a: object, op: str, b: object) -> bool | XlError:
    """`a op b` as Excel compares: errors first, a blank as the other side's empty value,
    numbers < text < logicals across types, text without case, numbers at 15 digits."""
    if type(a) is type(b) and (type(a) is str or type(a) is float):
        if a == b:                      # the common case of the templates' blank tests: x=""
            return _SAME[op]
        if type(a) is float:
            return excel_compare(a, op, b)
        return _TEXT_OPS[op](a.lower(), b.lower())
    a = a.scalar() if isinstance(a, Range) else a
    b = b.scalar() if isinstance(b, Range) else b
    for v in (a, b):
        if isinstance(v, XlError):
            return v
    if a is None:
        a = b.__class__() if b is not None else 0.0
    if b is None:
        b = a.__class__()
    ra, rb = _RANK[type(a)], _RANK[type(b)]
    if ra != rb:
        return excel_compare(ra, op, rb)
    if ra == 0:
        return excel_compare(a, op, b)
    if ra == 1:
        a, b = a.lower(), b.lower()
    return _TEXT_OPS[op](a, b)


def _arith(f: Callable[[float, float], float]) -> Callable[[object, object], object]:
    def operate(a: object, b: object) -> object:
        x, y = to_number(a), to_number(b)
        if isinstance(x, XlError):
            return x
        if isinstance(y, XlError):
            return y
        try:
            result = f(x, y)
        except ZeroDivisionError:
            return XlError(DIV0)
        except (OverflowError, ValueError):
            return XlError(NUM)
        return result if math.isfinite(result) else XlError(NUM)
    return operate


def _concat(a: object, b: object) -> object:
    x, y = to_text(a), to_text(b)
    return x if isinstance(x, XlError) else y if isinstance(y, XlError) else x + y


BINARY: dict[str, Callable[[object, object], object]] = {
    "+": _arith(lambda x, y: x + y), "-": _arith(lambda x, y: x - y), "*": _arith(lambda x, y: x * y),
    "/": _arith(lambda x, y: x / y), "^": _arith(lambda x, y: x ** y), "&": _concat,
    **{op: (lambda o: lambda a, b: compare(a, o, b))(op) for op in ("=", "<>", "<", ">", "<=", ">=")},
}


def negate(v: object) -> object:
    x = to_number(v)
    return x if isinstance(x, XlError) else -x


def percent(v: object) -> object:
    x = to_number(v)
    return x if isinstance(x, XlError) else x / 100


# -------------------------------------------------------------------- functions
def _numbers(args: tuple) -> list[float] | XlError:
    """The numbers of SUM/MIN/MAX's arguments: in a range only numbers count (text, logicals
    and blanks are skipped), a value given directly is converted; the first error wins."""
    out = []
    for arg in args:
        if isinstance(arg, Range):
            for v in arg.cells():
                if isinstance(v, XlError):
                    return v
                if is_number(v):
                    out.append(float(v))
        elif arg is not None:
            x = to_number(arg)
            if isinstance(x, XlError):
                return x
            out.append(x)
    return out


def _aggregate(f: Callable[[list[float]], float]) -> Callable[..., object]:
    def aggregate(*args: object) -> object:
        values = _numbers(args)
        return values if isinstance(values, XlError) else f(values)
    return aggregate


def _logical(combine: Callable[[list[bool]], bool]) -> Callable[..., object]:
    def logical(*args: object) -> object:
        seen = []
        for arg in args:
            values = arg.cells() if isinstance(arg, Range) else (arg,)
            for v in values:
                if isinstance(v, XlError):
                    return v
                if isinstance(v, bool) or is_number(v):
                    seen.append(bool(v))
                elif isinstance(v, str) and not isinstance(arg, Range):
                    b = to_bool(v)
                    if isinstance(b, XlError):
                        return b
                    seen.append(b)
        return combine(seen) if seen else XlError(VALUE)
    return logical


def _not(v: object) -> object:
    b = to_bool(v)
    return b if isinstance(b, XlError) else not b


def _round(x: object, digits: object = 0.0) -> object:
    x, digits = to_number(x), to_number(digits)
    for v in (x, digits):
        if isinstance(v, XlError):
            return v
    return excel_round(x, int(digits))


def _abs(x: object) -> object:
    x = to_number(x)
    return x if isinstance(x, XlError) else abs(x)


def _index(table: object, row: object, column: object = 1.0) -> object:
    rows = table.rows if isinstance(table, Range) else [[table]]
    r, c = to_number(row), to_number(column)
    for v in (r, c):
        if isinstance(v, XlError):
            return v
    r, c = int(r), int(c)
    if len(rows) == 1 and r > 1 and c == 1:   # INDEX(row range, n)
        r, c = 1, r
    if not (1 <= r <= len(rows) and 1 <= c <= len(rows[r - 1])):
        return XlError(REF)
    value = rows[r - 1][c - 1]
    return 0.0 if value is None else value   # a blank cell's value is 0 where a formula returns it


def _vlookup(value: object, table: object, column: object, approximate: object = True) -> object:
    if isinstance(value, Range):
        value = value.scalar()
    if isinstance(value, XlError):
        return value
    exact = to_bool(approximate)
    if isinstance(exact, XlError):
        return exact
    c = to_number(column)
    if isinstance(c, XlError):
        return c
    rows = table.rows if isinstance(table, Range) else [[table]]
    if exact:   # approximate matching: no template of ours asks for it
        return XlError(NA)
    for row in rows:
        if row and row[0] is not None and _RANK.get(type(row[0])) == _RANK.get(type(value)) \
                and compare(row[0], "=", value) is True:
            if not 1 <= int(c) <= len(row):
                return XlError(REF)
            found = row[int(c) - 1]
            return 0.0 if found is None else found
    return XlError(NA)


def _substitute(text: object, old: object, new: object) -> object:
    parts = [to_text(v) for v in (text, old, new)]
    for v in parts:
        if isinstance(v, XlError):
            return v
    text, old, new = parts
    return text.replace(old, new) if old else text


_CONTROL = {code: None for code in range(32)}


def clean_text(text: str) -> str:
    """CLEAN: the control characters 0–31 removed."""
    return text.translate(_CONTROL)


def _clean(text: object) -> object:
    text = to_text(text)
    return text if isinstance(text, XlError) else clean_text(text)


def _single(v: object) -> object:
    return v.scalar() if isinstance(v, Range) else v


BUILTINS: dict[str, Callable[..., object]] = {
    "SUM": _aggregate(sum),
    "MIN": _aggregate(lambda xs: min(xs) if xs else 0.0),
    "MAX": _aggregate(lambda xs: max(xs) if xs else 0.0),
    "AND": _logical(all), "OR": _logical(any), "NOT": _not,
    "ROUND": _round, "ABS": _abs, "INDEX": _index, "VLOOKUP": _vlookup,
    "ISNUMBER": lambda v: is_number(_single(v)),
    "ISBLANK": lambda v: _single(v) is None,
    "ISTEXT": lambda v: isinstance(_single(v), str),
    "SUBSTITUTE": _substitute, "CLEAN": _clean,
    "NA": lambda: XlError(NA), "TRUE": lambda: True, "FALSE": lambda: False,
}
