"""Spreadsheet formulas as expressions: nodes, a printer and one compiler with Excel's
semantics (core.xlvalues).

A formula is parsed once (book.xlparse) into these nodes and compiled into a Python
closure that computes it over a workbook's cells: the template's formulas of a rule set are
compiled once per process and run for every submission.  Printing a node gives its formula
text back, so an expression written here and the formula a spreadsheet computes are one.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Mapping, Protocol

from .errors import VALUE
from .xlvalues import BINARY, BUILTINS, NAME, Range, XlError, clean_text, negate, percent, to_bool, to_text


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


# --------------------------------------------------------------------- compiler
class Cells(Protocol):
    """What compiled formulas read: a cell's value (a formula cell's computed value)."""

    def cell(self, sheet: str, row: int, col: int) -> object: ...


Compiled = Callable[[Cells], object]
Resolve = Callable[[str], "Ref | None"]


def compile_formula(node: Node, sheet: str, resolve: Resolve,
                    functions: Mapping[str, Callable[..., object]] = {}) -> Compiled:
    """A closure computing `node` on the cells of a workbook.  `resolve` turns a defined
    name into its reference (None: #NAME?); `functions` adds functions (the UDFs) to the
    built-ins."""
    return _Compiler(sheet, resolve, functions).compile(node)


class _Compiler:
    def __init__(self, sheet: str, resolve: Resolve, functions: Mapping[str, Callable[..., object]]):
        self.sheet, self.resolve, self.functions = sheet, resolve, functions

    def compile(self, node: Node) -> Compiled:
        if isinstance(node, (Num, Str, Bool, Err)):
            value = XlError(node.code) if isinstance(node, Err) else (
                float(node.value) if isinstance(node, Num) else node.value)
            return lambda ctx: value
        if isinstance(node, Name):
            target = self.resolve(node.name)
            if target is None:
                return lambda ctx: XlError(NAME)
            return self.compile(target)
        if isinstance(node, Ref):
            return self._reference(node)
        if isinstance(node, Arg):
            index = node.index
            return lambda ctx: ctx.args[index]
        if isinstance(node, Fail):
            values = [self.compile(a) for a in node.args]
            code, message = node.code, node.message

            def fail(ctx: Cells) -> XlError:
                return XlError(code, message.format(*(_shown(_value(v(ctx))) for v in values)))
            return fail
        if isinstance(node, Unary):
            operand = self.compile(node.operand)
            f = {"-": negate, "%": percent, "+": lambda v: v}[node.op]
            return lambda ctx: f(_value(operand(ctx)))
        if isinstance(node, Op) and node.op == "=" and node.right == Str("") and isinstance(node.left, Call) \
                and node.left.name == "CLEAN" and _spaces_removed(node.left) is not None:
            return self._blank(_spaces_removed(node.left))
        if isinstance(node, Op):
            left, right, f = self.compile(node.left), self.compile(node.right), BINARY[node.op]
            if not (_may_be_range(node.left) or _may_be_range(node.right)):
                return lambda ctx: f(left(ctx), right(ctx))
            return lambda ctx: f(_value(left(ctx)), _value(right(ctx)))
        return self._call(node)

    def _reference(self, ref: Ref) -> Compiled:
        sheet = ref.sheet or self.sheet
        if not ref.is_range:
            row, col = ref.row, ref.col
            return lambda ctx: ctx.cell(sheet, row, col)
        rows, cols = range(ref.row, ref.row2 + 1), range(ref.col, ref.col2 + 1)
        return lambda ctx: Range([[ctx.cell(sheet, r, c) for c in cols] for r in rows])

    def _call(self, node: Call) -> Compiled:
        spaces_removed = _spaces_removed(node)
        if spaces_removed is not None:
            return self._without_spaces(spaces_removed, clean=node.name == "CLEAN")
        if node.name in ("IF", "IFERROR"):
            return self._if(node) if node.name == "IF" else _iferror([self.compile(a) for a in node.args])
        args = [self.compile(a) for a in node.args]
        f = self.functions.get(node.name) or BUILTINS.get(node.name)
        if f is None:
            return lambda ctx: XlError(NAME)
        if len(args) == 1:
            only = args[0]
            return lambda ctx: f(only(ctx))
        return lambda ctx: f(*[a(ctx) for a in args])

    def _blank(self, operand: Node) -> Compiled:
        """CLEAN(SUBSTITUTE(SUBSTITUTE(x," ",""),"　",""))="" — the templates' blank test — with
        the answer for an empty cell and a number at once (a number's text is never empty)."""
        value, spaces_removed = self.compile(operand), self._without_spaces(operand, clean=True)

        def blank(ctx: Cells) -> object:
            v = _value(value(ctx))
            if v is None:
                return True
            if type(v) is float:
                return False
            text = spaces_removed(ctx)
            return text if isinstance(text, XlError) else text == ""
        return blank

    def _without_spaces(self, operand: Node, clean: bool) -> Compiled:
        """[CLEAN(]SUBSTITUTE(SUBSTITUTE(x," ",""),"　","")[)] — the templates' blank test and
        text key, in every row — as one step, computing what its three calls compute."""
        value = self.compile(operand)

        def without_spaces(ctx: Cells) -> object:
            text = to_text(_value(value(ctx)))
            if isinstance(text, XlError):
                return text
            text = text.replace(" ", "").replace(FULL_WIDTH_SPACE, "")
            return clean_text(text) if clean else text
        return without_spaces

    def _if(self, node: Call) -> Compiled:
        """IF, its branches compiled when first taken: a template's formulas are mostly branches
        no submission takes (the blank rows of the indicator table)."""
        if not 2 <= len(node.args) <= 3:
            return lambda ctx: XlError(VALUE)
        test = self.compile(node.args[0])
        branches: list[Compiled | None] = [None, None]

        def branch(n: int) -> Compiled:
            if branches[n] is None:
                branches[n] = self.compile(node.args[n + 1]) if n + 1 < len(node.args) else (lambda ctx: False)
            return branches[n]

        def if_(ctx: Cells) -> object:
            condition = test(ctx)
            if condition is not True and condition is not False:
                condition = to_bool(_value(condition))
                if isinstance(condition, XlError):
                    return condition
            # a branch that is a blank cell gives 0, as a formula returning a blank cell does
            result = branch(0 if condition else 1)(ctx)
            return 0.0 if result is None else result
        return if_


FULL_WIDTH_SPACE = "\u3000"


def _spaces_removed(node: Call) -> Node | None:
    """x of SUBSTITUTE(SUBSTITUTE(x," ",""),"　","") or of CLEAN(…) around it; else None."""
    inner = node.args[0] if node.name == "CLEAN" and len(node.args) == 1 else node
    for space in (FULL_WIDTH_SPACE, " "):
        if not (isinstance(inner, Call) and inner.name == "SUBSTITUTE" and len(inner.args) == 3
                and inner.args[1] == Str(space) and inner.args[2] == Str("")):
            return None
        inner = inner.args[0]
    return inner


def _shown(value: object) -> object:
    """A value in a message: a number as Excel shows it (15 significant digits)."""
    return float(format(value, ".15g")) if isinstance(value, float) else value


def _may_be_range(node: Node) -> bool:
    """Whether a node can evaluate to a Range (a range reference, a name, INDEX or a UDF)."""
    return isinstance(node, (Name, Call)) or (isinstance(node, Ref) and node.is_range)


def _value(v: object) -> object:
    """A reference's value where one value belongs."""
    return v.scalar() if isinstance(v, Range) else v


def _iferror(args: list[Compiled]) -> Compiled:
    if len(args) != 2:
        return lambda ctx: XlError(VALUE)
    value, fallback = args

    def iferror(ctx: Cells) -> object:
        result = _value(value(ctx))
        return fallback(ctx) if isinstance(result, XlError) else result
    return iferror
