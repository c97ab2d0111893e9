"""The canonical form of a formula: what it means, not how a program spelled it.

Excel, WPS and LibreOffice each rewrite formulas when they save: `_xlfn.`/`_xludf.`
prefixes, `TRUE()` for `TRUE`, lower-cased unknown function names, unquoted sheet names,
`0.1` for `0.10`, spaces.  The canonical form is the formula tokenized with openpyxl's
Tokenizer, then: whitespace dropped (except an intersection), function names upper-cased
and their prefixes removed, `TRUE()`/`FALSE()` as `TRUE`/`FALSE`, references upper-cased
with sheet quotes removed, numbers as numbers.  Anything else — a reference, a `$`, an
operator, a number, a string, a function — still differs.

The fingerprint in `_meta`, the fast path and the cell-by-cell integrity check all compare
these forms.  Memoized: the formulas of one template are the same text in every file.
"""
from __future__ import annotations

import functools
import hashlib
import re
from decimal import Decimal, InvalidOperation
from typing import Mapping

from .layout import cell_position

PREFIXES = ("_XLFN.", "_XLWS.", "_XLUDF.")


@functools.lru_cache(maxsize=1)
def tokenizer():
    """openpyxl's formula tokenizer module, without importing openpyxl (whose package imports
    numpy and its workbook model, ~0.3 s that scoring a workbook does not need): the module
    itself needs only `re`.  Imported normally when openpyxl is already loaded or laid out
    differently."""
    import importlib.util
    import sys
    if "openpyxl" not in sys.modules:
        spec = importlib.util.find_spec("openpyxl")
        locations = list(spec.submodule_search_locations or []) if spec else []
        for folder in locations:
            path = f"{folder}/formula/tokenizer.py"
            module_spec = importlib.util.spec_from_file_location("_perfscore_openpyxl_tokenizer", path)
            if module_spec is not None and module_spec.loader is not None:
                try:
                    module = importlib.util.module_from_spec(module_spec)
                    module_spec.loader.exec_module(module)
                    return module
                except (OSError, ImportError):
                    break
    from openpyxl.formula import tokenizer as module
    return module
_QUOTED_SHEET = re.compile(r"'((?:[^']|'')+)'!")
SEPARATOR = "\x1f"   # between tokens: "A1" "B" never reads as "A1B"


@functools.lru_cache(maxsize=1 << 16)
def canonical(formula: str) -> str:
    Token, Tokenizer = tokenizer().Token, tokenizer().Tokenizer
    text = formula if formula.startswith("=") else "=" + formula
    try:
        tokens = Tokenizer(text).items
    except Exception:   # not a formula openpyxl can read: compare it as written
        return "\x00" + formula.strip()
    out: list[str] = []
    for n, token in enumerate(tokens):
        if token.type == Token.WSPACE:
            if _intersection(tokens, n):
                out.append(" ")
            continue
        if token.type == Token.FUNC and token.subtype == Token.OPEN:
            name = token.value[:-1].upper()
            for prefix in PREFIXES:
                name = name.removeprefix(prefix)
            if name in ("TRUE", "FALSE") and n + 1 < len(tokens) and tokens[n + 1].type == Token.FUNC \
                    and tokens[n + 1].subtype == Token.CLOSE:
                out.append(name)
                tokens[n + 1] = Token("", Token.WSPACE)   # its ")" is gone with it
                continue
            out.append(name + "(")
        elif token.type == Token.OPERAND and token.subtype == Token.RANGE:
            out.append(_reference(token.value))
        elif token.type == Token.OPERAND and token.subtype == Token.NUMBER:
            out.append(_number(token.value))
        elif token.type == Token.OPERAND and token.subtype in (Token.LOGICAL, Token.ERROR):
            out.append(token.value.upper())
        else:
            out.append(token.value)
    return SEPARATOR.join(out)


_NO_VALUE = object()


@functools.lru_cache(maxsize=1 << 12)
def constant(formula: str) -> object:
    """The value of a formula that is only a constant — LibreOffice stores a typed TRUE as
    ``=TRUE()`` — or `_NO_VALUE` (see `is_constant`)."""
    key = canonical(formula)
    if key in ("TRUE", "FALSE"):
        return key == "TRUE"
    if SEPARATOR in key or key.startswith("\x00"):
        return _NO_VALUE
    if key.startswith('"') and key.endswith('"') and len(key) >= 2:
        return key[1:-1].replace('""', '"')
    try:
        number = float(key)
    except ValueError:
        return _NO_VALUE
    return int(number) if number.is_integer() else number


def is_constant(formula: str) -> bool:
    return constant(formula) is not _NO_VALUE


def _intersection(tokens, n: int) -> bool:
    """A space between two operands (or parentheses around them) is Excel's intersection."""
    Token = tokenizer().Token
    before = next((t for t in reversed(tokens[:n]) if t.type != Token.WSPACE), None)
    after = next((t for t in tokens[n + 1:] if t.type != Token.WSPACE), None)
    ends = before is not None and (before.type == Token.OPERAND or before.subtype == Token.CLOSE)
    starts = after is not None and (after.type == Token.OPERAND or
                                    (after.type in (Token.PAREN, Token.FUNC) and after.subtype == Token.OPEN))
    return ends and starts


def _reference(text: str) -> str:
    """'绩效指标'!$L$5 → 绩效指标!$L$5; names and cells are case-insensitive in Excel."""
    return _QUOTED_SHEET.sub(lambda m: m[1].replace("''", "'") + "!", text).upper()


def _number(text: str) -> str:
    try:
        value = Decimal(text)
    except InvalidOperation:
        return text
    return format(value.normalize(), "f") if value == value.to_integral_value() or abs(value) >= 1e-6 \
        else format(value.normalize(), "e")


@functools.lru_cache(maxsize=1 << 14)
def _translator(formula: str, origin: str):
    from openpyxl.formula.translate import Translator
    return Translator(formula if formula.startswith("=") else "=" + formula, origin=origin)


@functools.lru_cache(maxsize=1 << 16)   # Excel shares the same formulas at the same cells in every file
def translate(formula: str, origin: str, destination: str) -> str:
    """A shared formula's text at `destination`, from its master at `origin` (Excel's rule)."""
    try:
        return _translator(formula, origin).translate_formula(destination)
    except Exception:   # an untranslatable master: the cell keeps the master's text, which then differs
        return formula


def fingerprint(formulas: Mapping[tuple[str, str], str], names: Mapping[str, str]) -> str:
    """SHA-256 over every formula cell's sheet, address and canonical formula, and every
    defined name's canonical target, in a fixed order (sheet, row, column; then name)."""
    digest = hashlib.sha256()
    for (sheet, ref), formula in sorted(formulas.items(), key=lambda kv: (kv[0][0], cell_position(kv[0][1]) or (0, 0))):
        digest.update(f"{sheet}!{ref}={canonical(formula)}\n".encode("utf-8"))
    for name in sorted(names):
        digest.update(f"name:{name}={canonical(names[name])}\n".encode("utf-8"))
    return digest.hexdigest()

