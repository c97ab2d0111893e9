"""The canonical form of a formula: every rewrite Excel, WPS or LibreOffice makes leaves it
alone; every single-token change to a template formula changes it."""
from __future__ import annotations

import pytest
from openpyxl.formula.tokenizer import Token, Tokenizer

from engine.book.canonical import canonical, translate
from engine.book.template import build_template, formula_cells, name_targets
from engine.core import rulesets
from office import excel_text, libreoffice_text

SWAPS = {"+": "-", "-": "+", "*": "/", "/": "*", ">": ">=", ">=": ">", "<": "<=", "<=": "<", "=": "<>",
         "<>": "=", "&": "+", "^": "*"}


def template_formulas(rule_set: str) -> list[str]:
    """Every distinct formula of a template; of the 50 indicator rows, the first two."""
    wb = build_template(rulesets.load(rule_set))
    formulas = [text for (sheet, ref), text in formula_cells(wb).items()
                if sheet != "绩效指标" or ref[-1] in "56" and len(ref) <= 3]
    return sorted(set(formulas)) + sorted(set(name_targets(wb).values()))


def mutations(formula: str):
    """Each single-token change: a reference, a $, an operator, a number, a string, a function."""
    tokens = Tokenizer(formula if formula.startswith("=") else "=" + formula).items
    for n, token in enumerate(tokens):
        changed = []
        if token.type == Token.OPERAND and token.subtype == Token.RANGE:
            value = token.value
            changed.append(value.replace("$", "", 1) if "$" in value else _dollar(value))
            digits = [i for i, ch in enumerate(value) if ch.isdigit()]
            if digits:   # another row (or another name: p_row_1_points → p_row_2_points)
                i = digits[-1]
                changed.append(value[:i] + str((int(value[i]) + 1) % 10) + value[i + 1:])
            else:        # another defined name
                changed.append(value + "X")
        elif token.type == Token.OPERAND and token.subtype == Token.NUMBER:
            changed.append(str(float(token.value) + 1))
        elif token.type == Token.OPERAND and token.subtype == Token.TEXT:
            changed.append(token.value[:-1] + 'x"')
        elif token.type == Token.OPERAND and token.subtype == Token.LOGICAL:
            changed.append("FALSE" if token.value.upper() == "TRUE" else "TRUE")
        elif token.type == Token.OP_IN and token.value in SWAPS:
            changed.append(SWAPS[token.value])
        elif token.type == Token.FUNC and token.subtype == Token.OPEN:
            changed.append(token.value[:-1] + "S(")
        for value in changed:
            yield "=" + "".join(value if i == n else t.value for i, t in enumerate(tokens))


def _dollar(reference: str) -> str:
    sheet, bang, cell = reference.rpartition("!")
    return f"{sheet}{bang}${cell}"


@pytest.mark.parametrize("rule_set", rulesets.available())
def test_every_single_token_change_is_a_change(rule_set):
    checked = 0
    for formula in template_formulas(rule_set):
        original = canonical(formula)
        for mutated in mutations(formula):
            assert canonical(mutated) != original, (formula, mutated)
            checked += 1
    assert checked > 1000, checked


@pytest.mark.parametrize("rule_set", rulesets.available())
def test_the_rewrites_of_other_programs_change_nothing(rule_set):
    for formula in template_formulas(rule_set):
        original = canonical(formula)
        for rewritten in (libreoffice_text(formula), excel_text(formula), formula.replace(",", ", "),
                          formula.lower() if '"' not in formula else formula):
            assert canonical(rewritten) == original, (formula, rewritten)


@pytest.mark.parametrize("a, b", [
    ("=IF(TRUE,1,0)", "=if(TRUE(),1,0)"), ("=SUM(A1:A2)*0.10", "=SUM(A1:A2)*0.1"),
    ("=1.50E+3", "=1500"), ("='绩效指标'!$L$5", "=绩效指标!$L$5"), ("=_xludf.PERF_ROUND(x,2)", "=perf_round(x,2)"),
    ("=_xlfn.IFS(A1,1)", "=IFS(A1,1)"), ("= A1 + B1", "=A1+B1"), ("=total", "=TOTAL"),
])
def test_same_meaning(a, b):
    assert canonical(a) == canonical(b)


@pytest.mark.parametrize("a, b", [
    ("=A1 B1", "=A1B1"), ('="a"', '="A"'), ("=A1", "=$A1"), ("=SUM(A1:A2)", "=SUM(A1:A3)"),
    ("='a b'!A1", "='a c'!A1"), ("=0.1", "=0.10001"),
])
def test_different_meaning(a, b):
    assert canonical(a) != canonical(b)


def test_shared_formulas_expand_by_excels_rule():
    assert translate("IF(ISBLANK($C5),\"\",PERF_SUM($I5))", "P5", "P9") == '=IF(ISBLANK($C9),"",PERF_SUM($I9))'
    assert translate("SUM(A1:B2)+$A$1", "C3", "D5") == "=SUM(B3:C4)+$A$1"
