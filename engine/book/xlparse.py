"""Formula text → core.xlformula nodes, read with openpyxl's tokenizer (the one canonical.py
uses), with Excel's operator precedence.

Parsing is memoized: every submission of a template carries the same formula texts.
"""
from __future__ import annotations

import functools
import re

from ..core.xlformula import Bool, Call, Err, Name, Num, Op, Ref, Str, Unary
from .canonical import PREFIXES, tokenizer
from .layout import cell_position


class FormulaSyntaxError(ValueError):
    """A formula the evaluator cannot read (the caller falls back to the formulas library)."""


_INFIX = {"=": 1, "<>": 1, "<": 1, ">": 1, "<=": 1, ">=": 1, "&": 2, "+": 3, "-": 3, "*": 4, "/": 4, "^": 5}
_PREFIX_PRECEDENCE = 6    # Excel: -2^2 is 4
_REFERENCE = re.compile(r"^(?:(?P<sheet>'(?:[^']|'')+'|[^!:]+)!)?(?P<a>\$?[A-Za-z]{1,3}\$?\d+)"
                        r"(?::(?P<b>\$?[A-Za-z]{1,3}\$?\d+))?$")
_IDENTIFIER = re.compile(r"^[A-Za-z_\\][\w.]*$")


def reference(text: str) -> Ref | None:
    """A cell or range reference (with or without its sheet), or None for anything else."""
    match = _REFERENCE.match(text)
    if not match:
        return None
    sheet = match["sheet"]
    if sheet and sheet.startswith("'"):
        sheet = sheet[1:-1].replace("''", "'")
    first = cell_position(match["a"].replace("$", ""))
    if match["b"] is None:
        return Ref(sheet, first[0], first[1], text=text)
    second = cell_position(match["b"].replace("$", ""))
    return Ref(sheet, min(first[0], second[0]), min(first[1], second[1]),
               max(first[0], second[0]), max(first[1], second[1]), text=text)


@functools.lru_cache(maxsize=1 << 15)
def parse_formula(formula: str):
    """The node of a formula ("=IF(A1>0,1,2)" or without its "=")."""
    Token, Tokenizer = tokenizer().Token, tokenizer().Tokenizer
    text = formula if formula.startswith("=") else "=" + formula
    try:
        tokens = [t for t in Tokenizer(text).items if t.type != Token.WSPACE]
    except Exception as exc:
        raise FormulaSyntaxError(f"无法解析公式：{formula[:60]}") from exc
    parser = _Parser(tokens, Token)
    node = parser.expression(0)
    if parser.position != len(tokens):
        raise FormulaSyntaxError(f"无法解析公式：{formula[:60]}")
    return node


class _Parser:
    def __init__(self, tokens: list, token_class):
        self.tokens, self.T, self.position = tokens, token_class, 0

    def peek(self):
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def take(self):
        token = self.peek()
        if token is None:
            raise FormulaSyntaxError("公式不完整")
        self.position += 1
        return token

    def expression(self, minimum: int):
        left = self.prefix()
        while True:
            token = self.peek()
            if token is None:
                return left
            if token.type == self.T.OP_POST:
                self.take()
                left = Unary("%", left)
                continue
            precedence = _INFIX.get(token.value) if token.type == self.T.OP_IN else None
            if precedence is None or precedence < minimum:
                return left
            self.take()
            left = Op(token.value, left, self.expression(precedence + 1))

    def prefix(self):
        T, token = self.T, self.take()
        if token.type == T.OP_PRE:
            return Unary(token.value, self.expression(_PREFIX_PRECEDENCE))
        if token.type == T.PAREN and token.subtype == T.OPEN:
            inner = self.expression(0)
            self._close(T.PAREN)
            return inner
        if token.type == T.FUNC and token.subtype == T.OPEN:
            return self.call(token.value[:-1])
        if token.type == T.OPERAND:
            return self.operand(token)
        raise FormulaSyntaxError(f"公式中出现意外的符号：{token.value}")

    def call(self, name: str) -> Call:
        name = name.upper()
        for prefix in PREFIXES:
            name = name.removeprefix(prefix)
        args = []
        token = self.peek()
        if token is not None and token.type == self.T.FUNC and token.subtype == self.T.CLOSE:
            self.take()
            return Call(name, ())
        while True:
            token = self.peek()
            if token is not None and (token.type == self.T.SEP or
                                      (token.type == self.T.FUNC and token.subtype == self.T.CLOSE)):
                args.append(None)     # an omitted argument: IF(a,,b)
            else:
                args.append(self.expression(0))
            token = self.take()
            if token.type == self.T.SEP and token.value == ",":
                continue
            if token.type == self.T.FUNC and token.subtype == self.T.CLOSE:
                if any(a is None for a in args):
                    raise FormulaSyntaxError(f"{name} 的参数不完整")
                return Call(name, tuple(args))
            raise FormulaSyntaxError(f"{name} 的参数格式错误")

    def _close(self, kind: str) -> None:
        token = self.take()
        if token.type != kind or token.subtype != self.T.CLOSE:
            raise FormulaSyntaxError("括号不匹配")

    def operand(self, token):
        T, value = self.T, token.value
        if token.subtype == T.NUMBER:
            return Num(float(value))
        if token.subtype == T.TEXT:
            return Str(value[1:-1].replace('""', '"'))
        if token.subtype == T.LOGICAL:
            return Bool(value.upper() == "TRUE")
        if token.subtype == T.ERROR:
            return Err(value.upper())
        ref = reference(value)
        if ref is not None:
            return ref
        if _IDENTIFIER.match(value):
            return Name(value)
        raise FormulaSyntaxError(f"无法识别的引用：{value}")
