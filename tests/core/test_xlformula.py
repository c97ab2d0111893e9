"""The formula evaluator's Excel semantics, fact by fact (each what Excel and LibreOffice give),
and the parser and printer round trip."""
from __future__ import annotations

import pytest
from hypothesis import example, given, strategies as st

from engine.book.xlparse import FormulaSyntaxError, parse_formula
from engine.core.xlcompile import compile_formula
from engine.core.xlformula import to_formula
from engine.core.xlvalues import XlError

CELLS = {("S", 1, 1): None, ("S", 1, 2): "5", ("S", 1, 3): 7.0, ("S", 1, 4): " ", ("S", 1, 5): "abc",
         ("S", 2, 1): "是", ("S", 2, 2): True, ("S", 2, 3): 0.0, ("S", 3, 1): "产出指标", ("S", 3, 2): 2.0,
         ("S", 4, 1): "效益指标", ("S", 4, 2): 3.0}


class Sheet:
    def cell(self, sheet, row, col):
        return CELLS.get((sheet, row, col))


def calc(formula: str, names=None) -> object:
    node = parse_formula(formula)
    names = names or {}
    resolve = lambda name: parse_formula(names[name]) if name in names else None  # noqa: E731
    value = compile_formula(node, "S", resolve)(Sheet())
    return value.code if isinstance(value, XlError) else value


@pytest.mark.parametrize("formula, expected", [
    ("=-2^2", 4.0),                       # negation binds tighter than ^
    ("=2+3*4", 14.0), ("=(2+3)*4", 20.0), ("=10-4-3", 3.0), ("=2^3^2", 64.0),
    ("=50%", 0.5),
    ("=A1+1", 1.0),                       # a blank is 0 to arithmetic
    ('=A1=""', True), ("=A1=0", True),    # … and "" to text, 0 to a number
    ("=B1+1", 6.0),                       # an unambiguous numeric text is read by arithmetic
    ("=ISNUMBER(B1)", False),             # … but it is not a number: ISNUMBER("5") is FALSE
    ("=ISNUMBER(C1)", True), ("=ISNUMBER(A1)", False),
    ("=E1+1", "#VALUE!"),
    ("=B1>1000", True), ('="abc">99999', True),   # any text ranks above any number
    ('="ABC"="abc"', True),               # text compares without case
    ("=TRUE>1", True),                    # logicals above text and numbers
    ("=6.93/7.7>=0.9", True),             # 15 significant digits, as Excel shows them
    ("=0.1+0.2=0.3", True),
    ("=ROUND(1.005,2)", 1.01), ("=ROUND(2.675,2)", 2.68), ("=ROUND(-2.675,2)", -2.68),
    ("=1/0", "#DIV/0!"), ("=NA()+1", "#N/A"), ("=IF(NA(),1,2)", "#N/A"),
    ("=IF(A1,1,2)", 2.0), ("=IF(C1,1,2)", 1.0), ('=IF("abc",1,2)', "#VALUE!"),
    ("=IF(TRUE,A1,2)", 0.0),              # a branch that is a blank cell gives 0
    ("=IF(FALSE,1)", False),
    ("=IFERROR(1/0,9)", 9.0),
    ("=MIN(C1,B3)", 2.0), ("=MAX(A1:C1)", 7.0),   # in a range text and blanks are skipped
    ("=SUM(A1:C1)", 7.0), ('=SUM("5",1)', 6.0),   # a value given directly is converted
    ("=SUM(A1:E1,NA())", "#N/A"),
    ("=MIN(A1:A1)", 0.0),
    ("=AND(TRUE,C1)", True), ("=AND(A1:E1)", True), ('=AND("x",TRUE)', "#VALUE!"), ("=OR(C2,A1)", False),
    ("=NOT(C1)", False),
    ('=SUBSTITUTE(SUBSTITUTE(D1," ",""),"　","")=""', True),
    ('=CLEAN(SUBSTITUTE(SUBSTITUTE(A1," ",""),"　",""))=""', True),
    ('=CLEAN(SUBSTITUTE(SUBSTITUTE(C1," ",""),"　",""))=""', False),
    ('=CLEAN(SUBSTITUTE(SUBSTITUTE(NA()," ",""),"　",""))=""', "#N/A"),
    ('=SUBSTITUTE(C1,"7","8")', "8"),
    ("=INDEX(A3:B4,2,2)", 3.0), ("=INDEX(A3:B4,3,1)", "#REF!"),
    ('=VLOOKUP("效益指标",A3:B4,2,FALSE)', 3.0), ('=VLOOKUP("其他",A3:B4,2,FALSE)', "#N/A"),
    ('=VLOOKUP("产出指标 ",A3:B4,2,FALSE)', "#N/A"),
    ('=A2="是"', True), ("=B2=TRUE", True), ('="a"&1&TRUE', "a1TRUE"),
    ("=NOSUCHFUNCTION(1)", "#NAME?"), ("=nosuchname+1", "#NAME?"),
])
def test_excel_semantics(formula, expected):
    assert calc(formula) == expected


def test_a_defined_name_is_its_reference():
    assert calc("=points*2", {"points": "'S'!$C$1"}) == 14.0
    assert calc("=SUM(weights)", {"weights": "S!$B$3:$B$4"}) == 5.0


def test_a_formula_that_is_not_one():
    with pytest.raises(FormulaSyntaxError):
        parse_formula("=IF(1,2")


NUMBERS = st.integers(-50, 50).map(lambda n: str(n))


@st.composite
def expressions(draw, depth=3):
    if depth == 0 or draw(st.integers(0, 2)) == 0:
        return draw(st.one_of(NUMBERS, st.sampled_from(["A1", "C1", "B3", '"x"', "TRUE"])))
    kind = draw(st.integers(0, 3))
    if kind == 0:
        op = draw(st.sampled_from(["+", "-", "*", "/", "^", "=", "<", ">=", "&"]))
        return f"{draw(expressions(depth - 1))}{op}{draw(expressions(depth - 1))}"
    if kind == 1:
        return f"({draw(expressions(depth - 1))})"
    if kind == 2:
        return f"-{draw(expressions(depth - 1))}"
    name = draw(st.sampled_from(["MIN", "MAX", "IF", "ROUND"]))
    args = [draw(expressions(depth - 1)) for _ in range(2 if name != "IF" else 3)]
    return f"{name}({','.join(args)})"


@given(expressions())
@example("ROUND(0,5^45+0&0)")     # (text past the largest number as ROUND's digits: #VALUE!, not a crash)
def test_printing_a_parsed_formula_gives_the_same_formula_back(text):
    node = parse_formula("=" + text)
    assert parse_formula("=" + to_formula(node)) == node
    assert calc("=" + to_formula(node)) == calc("=" + text)


def test_a_long_chain_computes_and_a_formula_nested_past_python_is_refused_not_crashed():
    """A sum of 400 cells typed as one formula compiles (its chain becomes steps); a formula
    nested deeper than Python compiles is a ValueError — the fast path then gives the file to
    the formulas library — never a crash."""
    assert calc("=" + "+".join(["C1"] * 400)) == 2800.0
    assert calc("=" + "IF(TRUE," * 60 + "1" + ",0)" * 60) == 1.0
    with pytest.raises((ValueError, RecursionError)):
        calc("=" + "ABS(" * 400 + "1" + ")" * 400)


def test_only_the_branch_taken_is_computed():
    """IF's other branch is never computed: a reference to a sheet that raises is not read."""
    class Watch(Sheet):
        def cell(self, sheet, row, col):
            if sheet == "Other":
                raise AssertionError("the branch not taken was computed")
            return super().cell(sheet, row, col)
    node = parse_formula("=IF(C1>0,C1*2,Other!A1)")
    assert compile_formula(node, "S", lambda name: None)(Watch()) == 14.0
    node = parse_formula("=IFERROR(C1/1,Other!A1)")
    assert compile_formula(node, "S", lambda name: None)(Watch()) == 7.0


def test_text_beyond_the_largest_number_is_no_number():
    assert calc('=ROUND(1,"2.8E+310")') == "#VALUE!"
    assert calc('=ROUND(1.26,"1")') == 1.3
