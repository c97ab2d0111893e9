"""The primitives every template sheet is written with: styles, input and formula cells,
defined names, drop-down lists, headers."""
from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation

from ..core.rulesets import RuleSet
from .formulagen import FormulaBuilder
from .layout import SHEETS

INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")
FORMULA_FILL = PatternFill("solid", fgColor="E2EFDA")
HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
GREY = Font(color="808080", size=9)
WRAP = Alignment(wrap_text=True, vertical="top")
FORMATS = {"money": "#,##0.00", "signed_money": "#,##0.00", "rate": "0.00%", "count": "0", "year": "0"}
# native templates check what is typed
NUMBER_RULES = {   # kind → (operator, bounds, what the value should be)
    "money": ("greaterThanOrEqual", ("0",), "应为不小于 0 的金额（万元，只填数字）"),
    "count": ("greaterThanOrEqual", ("0",), "应为不小于 0 的数（只填数字）"),
    "signed_money": ("between", ("-1E+12", "1E+12"), "应为金额（万元，只填数字，调减填负数）"),
    "rate": ("between", ("0", "1"), "应为 0%～100% 之间的比率"),
}
INDICATOR_RULES = {   # indicator column → the same
    "weight": ("greaterThanOrEqual", ("0",), "应为不小于 0 的分值（只填数字）"),
    "coefficient": ("between", ("0", "1"), "应为 0%～100% 之间的系数"),
}


def decimal_rule(operator: str, bounds: tuple[str, ...]) -> DataValidation:
    return DataValidation(type="decimal", operator=operator, formula1=bounds[0],
                          formula2=bounds[1] if len(bounds) > 1 else None, allow_blank=True)


class SheetWriter:
    """A template under construction: its workbook, rule set, formula builder and sheets."""

    def __init__(self, rule_set: RuleSet, wb: Workbook, formulas: FormulaBuilder):
        self.rs, self.wb, self.formulas = rule_set, wb, formulas
        self.sheets = {name: wb.create_sheet(name) for name in SHEETS}
        self.validations: dict[str, DataValidation] = {}

    def name(self, name: str, sheet: str, ref: str) -> None:
        self.wb.defined_names[name] = DefinedName(name, attr_text=f"'{sheet}'!{ref}")

    def input_cell(self, ws, ref: str, kind: str | None = None, options: list[str] | None = None) -> None:
        cell = ws[ref]
        cell.fill, cell.protection = INPUT_FILL, Protection(locked=False)
        if kind in FORMATS:
            cell.number_format = FORMATS[kind]
        if options:
            self.validate(ws, ref, options)

    def formula_cell(self, ws, ref: str, formula: str, number_format: str | None = "0.00") -> None:
        cell = ws[ref]
        cell.value, cell.fill, cell.protection = formula, FORMULA_FILL, Protection(locked=True)
        if number_format:
            cell.number_format = number_format

    def input_rule(self, ws, ref: str, key: str) -> None:
        """Native templates: the spreadsheet refuses what the formulas cannot read, naming the field."""
        if self.formulas.flavour != "native":
            return
        spec = self.rs.inputs[key]
        if spec.kind in NUMBER_RULES:
            operator, bounds, why = NUMBER_RULES[spec.kind]
            dv = decimal_rule(operator, bounds)
        elif spec.kind in ("flag", "choice"):
            options = self.options_for(key)
            dv = DataValidation(type="list", formula1='"' + ",".join(options) + '"', allow_blank=True)
            why = "应为 " + "、".join(options)
        else:
            return
        dv.showErrorMessage, dv.errorTitle, dv.error = True, "填写有误", f"{spec.label}{why}"
        dv.showInputMessage, dv.promptTitle, dv.prompt = True, spec.label, why
        ws.add_data_validation(dv)
        dv.add(ref)

    def indicator_rules(self, ws, first: int, last: int) -> None:
        """Native templates: the indicator table's weights and 定性系数 must be numbers."""
        if self.formulas.flavour != "native":
            return
        from ..core.indicators import INDICATOR_LABELS
        from .layout import COL
        for column, (operator, bounds, why) in INDICATOR_RULES.items():
            dv = decimal_rule(operator, bounds)
            dv.showErrorMessage, dv.errorTitle = True, "填写有误"
            dv.error = f"{INDICATOR_LABELS[column]}{why}"
            ws.add_data_validation(dv)
            dv.add(f"{COL[column]}{first}:{COL[column]}{last}")

    def validate(self, ws, ref: str, options: list[str], refuse: str | None = None) -> None:
        """A drop-down; with `refuse` (the message naming the field) anything else is refused.
        Without it a dropdown, not a cage: 0.5 points is allowed on a 是/否 check item."""
        key = f"{ws.title}|{','.join(options)}|{refuse}"
        if key not in self.validations:
            dv = DataValidation(type="list", formula1='"' + ",".join(options) + '"', allow_blank=True,
                                showErrorMessage=refuse is not None)
            if refuse:
                dv.errorTitle, dv.error = "填写有误", refuse
            ws.add_data_validation(dv)
            self.validations[key] = dv
        self.validations[key].add(ref)

    def header(self, ws, row: int, titles: list[str], widths: list[int]) -> None:
        for col, (title, width) in enumerate(zip(titles, widths), 1):
            cell = ws.cell(row=row, column=col, value=title)
            cell.font, cell.fill = BOLD, HEADER_FILL
            ws.column_dimensions[get_column_letter(col)].width = width

    def options_for(self, key: str) -> list[str] | None:
        kind = self.rs.inputs[key].kind
        if kind in ("flag", "check"):
            return ["是", "否"]
        if kind == "choice":
            for row in self.rs.rows:
                for part in row.parts:
                    if part.method == "choice" and part.get("input") == key:
                        return list(part.get("options"))
        return None
