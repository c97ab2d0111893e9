"""Spreadsheet formulas as expressions: nodes and a printer.

A formula is parsed once (book.xlparse) into these nodes and compiled (core.xlcompile) into
a Python function that computes it over a workbook's cells, with Excel's semantics.
Printing a node gives its formula text back, so an expression written here and the formula
a spreadsheet computes are one.
"""
from __future__ import annotations

from dataclasses import dataclass


# ------------------------------------------------------------------------ nodes
@dataclass(frozen=True)
class Num:
    value: float


@dataclass(frozen=True)
class Str:
    value: str


@dataclass(frozen=True)
class Bool:
    value: bool


@dataclass(frozen=True)
class Err:
    code: str


@dataclass(frozen=True)
class Ref:
    """A cell or a range: rows and columns 1-based, `sheet` None for the formula's own."""
    sheet: str | None
    row: int
    col: int
    row2: int | None = None
    col2: int | None = None
    text: str = ""          # as written, for printing

    @property
    def is_range(self) -> bool:
        return self.row2 is not None


@dataclass(frozen=True)
class Name:
    name: str


@dataclass(frozen=True)
class Call:
    name: str               # upper case, prefixes such as _xludf. removed
    args: tuple


@dataclass(frozen=True)
class Op:
    op: str
    left: object
    right: object


@dataclass(frozen=True)
class Unary:
    op: str                 # "-", "+" or "%" (postfix)
    operand: object


@dataclass(frozen=True)
class Arg:
    """Parameter `index` of a catalogue definition (core.catalogue): a value when the definition
    runs in Python, the argument's formula text when it is printed into a native formula."""
    index: int


@dataclass(frozen=True)
class Fail:
    """An error with our message: #N/A in a spreadsheet (NA()), `code` and the message — its
    `{}` fields filled with the values of `args` — where Python computes it."""
    code: str
    message: str
    args: tuple = ()


@dataclass(frozen=True)
class Raw:
    """Formula text standing for an argument, printed as written (in brackets unless simple)."""
    text: str


Node = Num | Str | Bool | Err | Ref | Name | Call | Op | Unary | Arg | Fail | Raw


def substitute(node: Node, args: tuple) -> Node:
    """`node` with each Arg(i) replaced by args[i]."""
    if isinstance(node, Arg):
        return args[node.index]
    if isinstance(node, Call):
        return Call(node.name, tuple(substitute(a, args) for a in node.args))
    if isinstance(node, Op):
        return Op(node.op, substitute(node.left, args), substitute(node.right, args))
    if isinstance(node, Unary):
        return Unary(node.op, substitute(node.operand, args))
    if isinstance(node, Fail):
        return Fail(node.code, node.message, tuple(substitute(a, args) for a in node.args))
    return node


# ---------------------------------------------------------------------- printer
_PRECEDENCE = {"=": 1, "<>": 1, "<": 1, ">": 1, "<=": 1, ">=": 1, "&": 2, "+": 3, "-": 3, "*": 4, "/": 4, "^": 5}


def to_formula(node: Node, parent: int = 0) -> str:
    """The formula text of a node (without "=")."""
    if isinstance(node, Num):
        v = node.value
        return str(int(v)) if float(v).is_integer() and abs(v) < 1e15 else repr(float(v))
    if isinstance(node, Str):
        return '"' + node.value.replace('"', '""') + '"'
    if isinstance(node, Bool):
        return "TRUE" if node.value else "FALSE"
    if isinstance(node, Err):
        return node.code
    if isinstance(node, Ref):
        return node.text
    if isinstance(node, Name):
        return node.name
    if isinstance(node, Raw):
        return node.text if _atomic(node.text) else f"({node.text})"
    if isinstance(node, Fail):
        return "NA()"
    if isinstance(node, Arg):
        raise ValueError(f"an argument left in a formula: Arg({node.index})")
    if isinstance(node, Call):
        return f"{node.name}({','.join(to_formula(a) for a in node.args)})"
    if isinstance(node, Unary):
        inner = to_formula(node.operand, 6)
        return inner + "%" if node.op == "%" else node.op + inner
    precedence = _PRECEDENCE[node.op]
    # left-associative: a right operand of the same precedence needs brackets
    text = f"{to_formula(node.left, precedence)}{node.op}{to_formula(node.right, precedence + 1)}"
    return f"({text})" if precedence < parent else text


def _atomic(text: str) -> bool:
    """A name, a number or one call (F(…) whose first bracket closes at the end): no brackets needed."""
    if text.replace("_", "").replace("$", "").replace(".", "").isalnum():
        return True
    head, bracket, _ = text.partition("(")
    if not bracket or not head.replace("_", "").replace(".", "").isalnum() or not text.endswith(")"):
        return False
    depth, quoted = 0, False
    for n, ch in enumerate(text):
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in "()":
            depth += 1 if ch == "(" else -1
            if depth == 0:
                return n == len(text) - 1
    return False
