"""Each formula flavour's input contract: how a typed cell is read (SPEC 6).

`udf` — the parsing of SPEC 2, as the UDFs read a cell: ``2,935.01``, ``564.36万元``, full-width
digits, ``95%`` as text, √/×.  JSON data is read this way too.

`native` — what the native template's formulas read: a number cell holds a number (ISNUMBER of
any text, ``"2935.01"`` included, is FALSE, and the spreadsheet shows #N/A with its 提示), a
是/否 cell holds exactly 是 or 否 (or points), 指标性质 one of its list's options.  Text where a
number belongs is a #VALUE! here naming the field and the text — and, when SPEC 2 can read it,
the number to type instead — so the finding explains the #N/A the department sees.
"""
from __future__ import annotations

from typing import Callable

from . import parsing
from .errors import bad_value, missing

CONTRACTS = ("udf", "native")
NUMBER_KINDS = ("money", "signed_money", "count", "rate", "amount")
NATIVE_DIRECTIONS = ("≥", ">=", ">", "＝", "=", "等于", "≤", "<=", "<", "定性")   # book.native: the options its formulas know
NATIVE_ANSWERS = {"是": True, "否": False}

Parser = Callable[..., object]


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def numbers_only(parse: Parser, percent: bool = False) -> Parser:
    """`parse` for a cell that must hold a number: text is refused, with what to type instead
    (a rate as the percentage a 0.00% cell takes)."""
    def read(value: object, label: str, field: str | None = None, **options) -> object:
        if parsing.is_blank(value):
            raise missing(label, field)
        if not _is_number(value):
            try:
                meant = parse(value, label, field, **options)
            except Exception as exc:   # SPEC 2 cannot read it either: its own reason
                raise bad_value(label, value, f"应填数字（{getattr(exc, 'message', '无法识别')}）", field) from None
            instead = f"{meant * 100:.13g}%" if percent else f"{meant:.15g}"
            raise bad_value(label, value, f"是文字，本模板的公式只认数字，显示为 #N/A（请重新输入为数字 {instead}）", field)
        return parse(value, label, field, **options)
    return read


def native_answer(parse: Parser) -> Parser:
    """是/否 exactly (the native formulas compare the text), or points as a number."""
    def read(value: object, label: str, field: str | None = None) -> object:
        if parsing.is_blank(value):
            raise missing(label, field)
        if isinstance(value, str) and value in NATIVE_ANSWERS:
            return NATIVE_ANSWERS[value]
        if _is_number(value):
            return parse(value, label, field)
        raise bad_value(label, value, "应从下拉列表选择“是”或“否”（或填写分数）", field)
    return read


def native_direction(value: object, label: str = "指标性质", field: str | None = None) -> str:
    if parsing.is_blank(value):
        raise missing(label, field)
    if isinstance(value, str) and value in NATIVE_DIRECTIONS:
        return parsing.DIRECTIONS[parsing.normalize(value)]   # ＝ is = once normalised
    raise bad_value(label, value, f"应从下拉列表选择 {' '.join(NATIVE_DIRECTIONS)}", field)


def reader(contract: str, kind: str, parse: Parser) -> Parser:
    """The parser of an input of `kind` under `contract`."""
    if contract != "native":
        return parse
    if kind in NUMBER_KINDS:
        return numbers_only(parse, percent=kind == "rate")
    if kind in ("check", "flag"):
        return native_answer(parse)
    return parse
