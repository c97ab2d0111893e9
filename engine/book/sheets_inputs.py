"""The sheets a department fills: 基本信息, 预算数据 (with the derived rates and the
报告填写值 beside each) and the 评分依据 block of 评分表."""
from __future__ import annotations

from ..core.rulesets import Row
from .names import rate_name
from .sheetwriter import BOLD, GREY, TITLE, WRAP, SheetWriter


def input_rows(w: SheetWriter, sheet: str, title: str, keys: list[str], start: int = 3) -> int:
    """One row per input (label, value, key); returns the next free row."""
    ws = w.sheets[sheet]
    ws["A1"], ws["A1"].font = title, TITLE
    # the grey machine names in E, as beside the rates below: outside the print area (book.printing)
    w.header(ws, start - 1, ["项目", "填写值", None, None, "名称"], [42, 20, 14, 36, 30])
    row = start
    for key in keys:
        spec = w.rs.inputs[key]
        ws.cell(row=row, column=1, value=spec.label)
        ws.cell(row=row, column=5, value=key).font = GREY
        w.input_cell(ws, f"B{row}", spec.kind, None if _strict(w, key) else w.options_for(key))
        w.input_rule(ws, f"B{row}", key)
        w.name(key, sheet, f"$B${row}")
        checked_cell(w, ws, key, row)
        row += 1
    return row


def _strict(w: SheetWriter, key: str) -> bool:
    """A native template's 是/否 and choice cells get a strict list of their own (input_rule)."""
    return w.formulas.flavour == "native" and w.rs.inputs[key].kind in ("flag", "choice")


def checked_cell(w: SheetWriter, ws, key: str, row: int) -> None:
    """Native templates: the input as the scores read it, in a hidden cell v_<key> (native.CheckedInputs)."""
    if w.formulas.flavour != "native":
        return
    from .native import CheckedInputs
    column = CheckedInputs.COLUMN
    w.formula_cell(ws, f"{column}{row}", w.formulas.checked(key), None)
    w.name(CheckedInputs.name(key), ws.title, f"${column}${row}")
    ws.column_dimensions[column].hidden = True


def keys_on(w: SheetWriter, sheet: str) -> list[str]:
    return [k for k, s in w.rs.inputs.items() if s.sheet == sheet]


def basic_sheet(w: SheetWriter) -> None:
    input_rows(w, "基本信息", "基本信息", keys_on(w, "基本信息"))


def budget_sheet(w: SheetWriter) -> None:
    row = input_rows(w, "预算数据", "预算数据（金额单位：万元）", keys_on(w, "预算数据")) + 1
    ws = w.sheets["预算数据"]
    native = w.formulas.flavour == "native"    # a UDF says why in the rate's own cell
    w.header(ws, row, ["比率", "计算值", "报告填写值", "提示" if native else None, "名称"], [42, 20, 14, 36, 30])
    for key, rate in w.rs.rates.items():
        row += 1
        ws.cell(row=row, column=1, value=rate.label)
        w.formula_cell(ws, f"B{row}", w.formulas.rate_cell(rate), "0.00%")
        w.name(rate_name(key), "预算数据", f"$B${row}")
        w.input_cell(ws, f"C{row}", "rate")
        w.name(f"stated_{key}", "预算数据", f"$C${row}")
        if native:
            w.formula_cell(ws, f"D{row}", w.formulas.rate_hint(rate, f"B{row}"), None)
            ws[f"D{row}"].alignment = WRAP
        ws.cell(row=row, column=5, value=rate_name(key)).font = GREY


def evidence_block(w: SheetWriter, r: int) -> None:
    """评分依据 on 评分表 from row `r`: the inputs a reviewer judges (checks, counts)."""
    keys = keys_on(w, "评分表")
    if not keys:
        return
    ws = w.sheets["评分表"]
    ws.cell(row=r, column=1, value="评分依据（请填写）").font = BOLD
    r += 1
    w.header(ws, r, ["评分项", "填报项", "填写值", "名称"], [12, 22, 22, 8])
    owners = {k: row.level3 for row in reversed(w.rs.rows) for k in row_inputs(w, row)}
    for key in keys:
        r += 1
        spec = w.rs.inputs[key]
        ws.cell(row=r, column=1, value=owners.get(key, ""))
        ws.cell(row=r, column=2, value=spec.label).alignment = WRAP   # the 填报项 is longer than its column
        w.input_cell(ws, f"C{r}", spec.kind, None if _strict(w, key) else w.options_for(key))
        w.input_rule(ws, f"C{r}", key)
        w.name(key, "评分表", f"$C${r}")
        ws.cell(row=r, column=4, value=key).font = GREY
        checked_cell(w, ws, key, r)


def row_inputs(w: SheetWriter, row: Row) -> list[str]:
    """Every input a scoring row reads, rates expanded to their amounts."""
    keys = [o.input for o in row.overrides]
    for part in row.parts:
        keys += [i.input for i in part.items]
        for name in ("count", "input", "budget", "rate"):
            key = part.get(name)
            if key in w.rs.rates:
                keys += list(w.rs.rates[key].num + w.rs.rates[key].den)
            elif key:
                keys.append(key)
        keys += list(part.get("quarters") or ())
    return keys
