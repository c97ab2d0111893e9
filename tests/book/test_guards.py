"""No formula of a UDF template compares a value that may be a UDF's error as if it were a
number: Excel ranks any text — a classic xlwings error is text — above every number, so
`IF(rate>1,0,…)` on "#DIV/0! …" would score.  Every numeric comparison of such a value sits
behind ISNUMBER of it (FormulaWriter.compare, .guard)."""
from __future__ import annotations

import pytest

from engine.book.integrity import reference
from engine.book.xlparse import parse_formula, reference as parse_reference
from engine.core import rulesets
from engine.core.xlformula import Call, Name, Num, Op, Ref, Unary
from udfs.registry import FUNCTIONS

NUMERIC = ("<", ">", "<=", ">=")


def _may_be_udf_error(node, formulas, names, seen=(), sheet=None) -> bool:
    """A catalogue call, or a name or cell whose formula may give one's result."""
    if isinstance(node, Call):
        if node.name in FUNCTIONS:
            return True
        if node.name in ("IF", "IFERROR"):
            return any(_may_be_udf_error(a, formulas, names, seen, sheet) for a in node.args[1:])
        return False   # a built-in turns a text operand into a real error value, or reads no number
    if isinstance(node, Name) and node.name in names and node.name not in seen:
        return _may_be_udf_error(names[node.name], formulas, names, (*seen, node.name))
    if isinstance(node, Ref) and not node.is_range:
        text = formulas.get((node.sheet or sheet, node.row, node.col))
        return text is not None and _may_be_udf_error(text, formulas, names, seen)
    return False


def _unguarded(node, formulas, names, guarded=frozenset(), sheet=None) -> list[str]:
    found = []
    if isinstance(node, Call) and node.name == "AND" and len(node.args) == 2 and isinstance(node.args[0], Call) \
            and node.args[0].name == "ISNUMBER":
        guarded = guarded | {node.args[0].args[0]}
    if isinstance(node, Call) and node.name == "IF" and isinstance(node.args[0], Call) \
            and node.args[0].name == "ISNUMBER":
        inner = guarded | {node.args[0].args[0]}
        found += _unguarded(node.args[1], formulas, names, inner, sheet)
        for arg in node.args[2:]:
            found += _unguarded(arg, formulas, names, guarded, sheet)
        return found
    if isinstance(node, Op):
        numeric = node.op in NUMERIC or (node.op in ("=", "<>") and Num in (type(node.left), type(node.right)))
        for side in (node.left, node.right):
            if numeric and side not in guarded and _may_be_udf_error(side, formulas, names, sheet=sheet):
                found.append(f"{node.op} on {side}")
        return (found + _unguarded(node.left, formulas, names, guarded, sheet)
                + _unguarded(node.right, formulas, names, guarded, sheet))
    children = node.args if isinstance(node, Call) else (node.operand,) if isinstance(node, Unary) else ()
    for child in children:
        found += _unguarded(child, formulas, names, guarded, sheet)
    return found


def test_the_check_finds_the_comparison_that_scored_an_error():
    """The formula of template 1.1.0: 政府采购 over a plan of 0 showed 1.00 in Excel."""
    rate = {"procurement_rate": parse_formula("=EXEC_RATE(5,0)")}
    assert _unguarded(parse_formula("=IF(procurement_rate>1,0,RATIO_SCORE(procurement_rate,1))"), {}, rate)
    assert not _unguarded(parse_formula("=IF(AND(ISNUMBER(procurement_rate),procurement_rate>1),0,1)"), {}, rate)


@pytest.mark.parametrize("rule_set", rulesets.available())
def test_no_udf_result_is_compared_as_a_number(rule_set):
    ref = reference(rulesets.load(rule_set).path, "udf")
    names = {n: parse_reference(t) for n, t in ref.names.items()}
    formulas = {}
    for (sheet, cell), text in ref.formulas.items():
        node = parse_formula(text)
        target = parse_reference(f"'{sheet}'!{cell}")
        formulas[(sheet, target.row, target.col)] = node
    # a name resolves to the node of the formula in its cell (or stays a plain input)
    resolved = {n: formulas.get((r.sheet, r.row, r.col), r) for n, r in names.items() if r is not None and not r.is_range}
    problems = {}
    for key, node in formulas.items():
        found = _unguarded(node, formulas, resolved, sheet=key[0])
        if found:
            problems[key] = found
    assert not problems, problems
