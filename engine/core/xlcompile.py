"""Formula nodes (core.xlformula) compiled into Python functions with Excel's semantics
(core.xlvalues).

A node becomes the source of one Python function — IF and IFERROR as statements, so that
only the branch taken is computed, every other node as an expression calling Excel's
functions and operators — compiled once by Python.  A rule set's template formulas are
compiled once per process and run for every submission; the catalogue's definitions
(core.catalogue) are compiled the same way.
"""
from __future__ import annotations

import itertools
import math
from typing import Callable, Mapping, Protocol

from .errors import VALUE
from .xlformula import Arg, Bool, Call, Err, Fail, Name, Node, Num, Op, Raw, Ref, Str, Unary
from .xlvalues import BINARY, BUILTINS, NAME, Range, XlError, clean_text, negate, percent, to_bool, to_text

FULL_WIDTH_SPACE = "\u3000"


class Cells(Protocol):
    """What compiled formulas read: a cell's value (a formula cell's computed value)."""

    def cell(self, sheet: str, row: int, col: int) -> object: ...


Compiled = Callable[[Cells], object]
Resolve = Callable[[str], "Ref | None"]


def compile_formula(node: Node, sheet: str, resolve: Resolve,
                    functions: Mapping[str, Callable[..., object]] = {}) -> Compiled:
    """A function computing `node` on the cells of a workbook (`ctx.cell`) or on a catalogue
    definition's arguments (`ctx.args`).  `resolve` turns a defined name into its reference
    (None: #NAME?); `functions` adds functions (the UDFs) to the built-ins; `sheet` is the
    sheet of the formula's own references."""
    return _Generator(sheet, resolve, functions).function(node)


# --------------------------------------------------------------- run-time helpers
def _value(v: object) -> object:
    """A reference's value where one value belongs."""
    return v.scalar() if isinstance(v, Range) else v


def _range(ctx: Cells, sheet: str, rows: range, cols: range) -> Range:
    cell = ctx.cell
    return Range([[cell(sheet, r, c) for c in cols] for r in rows])


def _shown(value: object) -> object:
    """A value in a message: a number as Excel shows it (15 significant digits, and no negative
    zero: Excel has none — a coefficient of -0 reads 0.00% in the workbook)."""
    return float(format(value, ".15g")) + 0.0 if isinstance(value, float) else value


def _fail(code: str, message: str, *values: object) -> XlError:
    return XlError(code, message.format(*(_shown(_value(v)) for v in values)))


def _without_spaces(value: object, clean: bool) -> object:
    """[CLEAN(]SUBSTITUTE(SUBSTITUTE(x," ",""),"　","")[)] — the templates' blank test and text
    key, in every row — as one step, computing what its three calls compute."""
    text = to_text(value)
    if isinstance(text, XlError):
        return text
    text = text.replace(" ", "").replace(FULL_WIDTH_SPACE, "")
    return clean_text(text) if clean else text


def _blank(value: object) -> object:
    """CLEAN(SUBSTITUTE(SUBSTITUTE(x," ",""),"　",""))="", with the answer for an empty cell and
    a number at once (a number's text is never empty)."""
    if value is None:
        return True
    if type(value) is float:
        return False
    text = _without_spaces(value, True)
    return text if isinstance(text, XlError) else text == ""


def _condition(value: object) -> object:
    """IF's test as TRUE or FALSE, or the error it is."""
    return to_bool(_value(value))


_HELPERS = {"XlError": XlError, "_value": _value, "_range": _range, "_fail": _fail, "_blank": _blank,
            "_without_spaces": _without_spaces, "_condition": _condition, "_negate": negate, "_percent": percent}


# --------------------------------------------------------------------- generator
class _Generator:
    """Python source for one node: statements (IF's branches) and the expression they lead to."""

    def __init__(self, sheet: str, resolve: Resolve, functions: Mapping[str, Callable[..., object]]):
        self.sheet, self.resolve, self.functions = sheet, resolve, functions
        self.names: dict[str, object] = dict(_HELPERS)
        self.known: dict[int, str] = {}          # id of an object placed in the namespace → its name
        self.lines: list[str] = []
        self.counter = itertools.count()
        self.uses_cells = self.uses_args = False

    def function(self, node: Node) -> Compiled:
        result = self.expr(node, 1)
        head = ["def formula(ctx):"]
        if self.uses_cells:
            head.append(" cell = ctx.cell")
        if self.uses_args:
            head.append(" args = ctx.args")
        source = "\n".join([*head, *self.lines, f" return {result}"])
        namespace = dict(self.names)
        try:
            code = compile(source, "<formula>", "exec")   # our own source, built from parsed nodes
        except (SyntaxError, RecursionError, MemoryError) as exc:   # nested past what Python compiles
            raise ValueError(f"formula too deeply nested to compile: {exc}") from None
        exec(code, namespace)
        return namespace["formula"]

    def constant(self, value: object) -> str:
        """A name for an object the source refers to (a function, an error value)."""
        name = self.known.get(id(value))
        if name is None:
            name = self.known[id(value)] = f"k{len(self.known)}"
            self.names[name] = value
        return name

    def temp(self) -> str:
        return f"t{next(self.counter)}"

    def emit(self, indent: int, line: str) -> None:
        self.lines.append(" " * indent + line)

    def expr(self, node: Node, indent: int) -> str:
        """The expression computing `node`; statements it needs first are emitted at `indent`."""
        if isinstance(node, Num):
            value = float(node.value)
            return repr(value) if math.isfinite(value) else self.constant(value)
        if isinstance(node, Str):
            return repr(node.value)
        if isinstance(node, Bool):
            return repr(bool(node.value))
        if isinstance(node, Err):
            return self.constant(XlError(node.code))
        if isinstance(node, Name):
            target = self.resolve(node.name)
            return self.constant(XlError(NAME)) if target is None else self.expr(target, indent)
        if isinstance(node, Ref):
            return self.reference(node)
        if isinstance(node, Arg):
            self.uses_args = True
            return f"args[{node.index}]"
        if isinstance(node, Fail):
            values = "".join(f", {self.expr(a, indent)}" for a in node.args)
            return f"_fail({node.code!r}, {node.message!r}{values})"
        if isinstance(node, Unary):
            operand = f"_value({self.expr(node.operand, indent)})"
            return {"-": f"_negate({operand})", "%": f"_percent({operand})", "+": operand}[node.op]
        if isinstance(node, Op):
            if node.op == "=" and node.right == Str("") and isinstance(node.left, Call) \
                    and node.left.name == "CLEAN" and _spaces_removed(node.left) is not None:
                return f"_blank(_value({self.expr(_spaces_removed(node.left), indent)}))"
            left, right = self.expr(node.left, indent), self.expr(node.right, indent)
            if isinstance(node.left, Op):   # a chain (a+b+c+…) as steps, not as nested calls
                left = self.hoisted(left, indent)
            if _may_be_range(node.left) or _may_be_range(node.right):
                left, right = f"_value({left})", f"_value({right})"
            return f"{self.constant(BINARY[node.op])}({left}, {right})"
        if isinstance(node, Raw):
            raise ValueError(f"formula text cannot be computed: {node.text}")
        return self.call(node, indent)

    def hoisted(self, expression: str, indent: int) -> str:
        name = self.temp()
        self.emit(indent, f"{name} = {expression}")
        return name

    def reference(self, ref: Ref) -> str:
        self.uses_cells = True
        sheet = ref.sheet or self.sheet
        if not ref.is_range:
            return f"cell({sheet!r}, {ref.row}, {ref.col})"
        return f"_range(ctx, {sheet!r}, range({ref.row}, {ref.row2 + 1}), range({ref.col}, {ref.col2 + 1}))"

    def call(self, node: Call, indent: int) -> str:
        spaces_removed = _spaces_removed(node)
        if spaces_removed is not None:
            return f"_without_spaces(_value({self.expr(spaces_removed, indent)}), {node.name == 'CLEAN'})"
        if node.name == "IF":
            return self.if_(node, indent)
        if node.name == "IFERROR":
            return self.iferror(node, indent)
        f = self.functions.get(node.name) or BUILTINS.get(node.name)
        if f is None:
            return self.constant(XlError(NAME))
        return f"{self.constant(f)}({', '.join(self.expr(a, indent) for a in node.args)})"

    def if_(self, node: Call, indent: int) -> str:
        """IF as statements: only the branch taken is computed; a branch that is a blank cell
        gives 0, as a formula returning a blank cell does."""
        if not 2 <= len(node.args) <= 3:
            return self.constant(XlError(VALUE))
        test, result = self.temp(), self.temp()
        self.emit(indent, f"{test} = {self.expr(node.args[0], indent)}")
        self.emit(indent, f"if {test} is not True and {test} is not False:")
        self.emit(indent + 1, f"{test} = _condition({test})")
        self.emit(indent, f"if isinstance({test}, XlError):")
        self.emit(indent + 1, f"{result} = {test}")
        self.emit(indent, f"elif {test}:")
        self.emit(indent + 1, f"{result} = {self.expr(node.args[1], indent + 1)}")
        self.emit(indent, "else:")
        otherwise = self.expr(node.args[2], indent + 1) if len(node.args) == 3 else "False"
        self.emit(indent + 1, f"{result} = {otherwise}")
        self.emit(indent, f"if {result} is None:")
        self.emit(indent + 1, f"{result} = 0.0")
        return result

    def iferror(self, node: Call, indent: int) -> str:
        if len(node.args) != 2:
            return self.constant(XlError(VALUE))
        result = self.temp()
        self.emit(indent, f"{result} = _value({self.expr(node.args[0], indent)})")
        self.emit(indent, f"if isinstance({result}, XlError):")
        self.emit(indent + 1, f"{result} = {self.expr(node.args[1], indent + 1)}")
        return result


def _spaces_removed(node: Call) -> Node | None:
    """x of SUBSTITUTE(SUBSTITUTE(x," ",""),"　","") or of CLEAN(…) around it; else None."""
    inner = node.args[0] if node.name == "CLEAN" and len(node.args) == 1 else node
    for space in (FULL_WIDTH_SPACE, " "):
        if not (isinstance(inner, Call) and inner.name == "SUBSTITUTE" and len(inner.args) == 3
                and inner.args[1] == Str(space) and inner.args[2] == Str("")):
            return None
        inner = inner.args[0]
    return inner


def _may_be_range(node: Node) -> bool:
    """Whether a node can evaluate to a Range (a range reference, a name, INDEX or a UDF)."""
    return isinstance(node, (Name, Call)) or (isinstance(node, Ref) and node.is_range)
