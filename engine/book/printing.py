"""How a template prints: like the paper form it replaces.  Every visible sheet on A4, fitted to
its width (the wide tables, 绩效指标 评分表 评分规则, landscape), its header repeated on every
page, its print area ending at its last column a person reads (not the grey machine names, not
the hidden helpers) and its last written row.  `fill` ends 绩效指标's area at the last
indicator filled in (`end_indicators_at`)."""
from __future__ import annotations

from dataclasses import dataclass

from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties

from .layout import COMPLETION_COL, FIRST_INDICATOR_ROW, INDICATOR_HEADER_ROW, RULES_COL, RULES_HEADER_ROW
from .names import indicator_cell


@dataclass(frozen=True)
class SheetPrint:
    landscape: bool
    title_rows: str | None        # "3:3": the rows repeated at the top of every page
    last_column: str              # the print area's last column
    pages_tall: int = 0           # at most this many pages (scaled down to fit), 0: as many as it takes


INDICATOR_SHEET = indicator_cell(1, "name").sheet
PRINTS = {
    "填报说明": SheetPrint(False, None, "A", 1),
    "基本信息": SheetPrint(False, "2:2", "B", 1),
    "预算数据": SheetPrint(False, None, "D", 1),
    INDICATOR_SHEET: SheetPrint(True, f"3:{INDICATOR_HEADER_ROW}", COMPLETION_COL, 1),
    "评分表": SheetPrint(True, "3:3", "H", 3),
    "评分规则": SheetPrint(False, f"{RULES_HEADER_ROW}:{RULES_HEADER_ROW}", RULES_COL["points"], 2),
    "汇总": SheetPrint(False, None, "B", 1),
}
MOST_PAGES = sum(p.pages_tall for p in PRINTS.values())   # the whole workbook: 10


def print_setup(wb) -> None:
    for ws in wb.worksheets:
        layout = PRINTS.get(ws.title)
        if layout is None or ws.sheet_state != "visible":
            continue
        setup = ws.page_setup
        setup.paperSize = ws.PAPERSIZE_A4
        setup.orientation = "landscape" if layout.landscape else "portrait"
        setup.fitToWidth, setup.fitToHeight = 1, layout.pages_tall   # as wide as the page
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        ws.page_margins.left = ws.page_margins.right = 0.4
        ws.page_margins.top = ws.page_margins.bottom = 0.5
        ws.print_options.horizontalCentered = True
        if layout.title_rows:
            ws.print_title_rows = layout.title_rows
        last_column = get_column_letter(min(column_index_from_string(layout.last_column), ws.max_column))
        ws.print_area = f"A1:{last_column}{ws.max_row}"
        ws.oddFooter.center.text = "&A　第 &P 页，共 &N 页"
        fit_row_heights(ws)


LINE_POINTS = 14.5      # one line of 11-point text, with Excel's padding
FORMULA_LINES = 2       # a wrapped formula cell (提示) whose text is only known when computed


def _display_width(text: str) -> float:
    """Width in Excel's column units (a digit's width): a CJK character takes about two."""
    return sum(2.3 if ord(ch) > 0x2E7F else 1.1 for ch in text)


def fit_row_heights(ws) -> None:
    """Each row that holds wrapped text as tall as its text needs: neither Excel nor LibreOffice
    sizes such a row itself when the file is opened, and the text would print cut."""
    widths = {letter: (dim.width or 8.43) for letter, dim in ws.column_dimensions.items()}
    merged = {r.start_cell.coordinate: r for r in ws.merged_cells.ranges}
    for row in ws.iter_rows():
        lines = 1
        for cell in row:
            if not (cell.alignment and cell.alignment.wrap_text) or cell.value is None:
                continue
            if cell.data_type == "f":
                lines = max(lines, FORMULA_LINES)
                continue
            width = widths.get(cell.column_letter, 8.43)
            if cell.coordinate in merged:
                r = merged[cell.coordinate]
                width = sum(widths.get(get_column_letter(c), 8.43) for c in range(r.min_col, r.max_col + 1))
            text_lines = str(cell.value).split("\n")
            lines = max(lines, sum(max(1, -(-int(_display_width(t)) // max(1, int(width - 1)))) for t in text_lines))
        if lines > 1:
            ws.row_dimensions[row[0].row].height = lines * LINE_POINTS


def end_indicators_at(wb, filled_rows: int) -> None:
    """绩效指标 printed to its last filled indicator (at least its first row)."""
    if INDICATOR_SHEET not in wb.sheetnames:
        return
    last_row = FIRST_INDICATOR_ROW + max(1, filled_rows) - 1
    wb[INDICATOR_SHEET].print_area = f"A1:{PRINTS[INDICATOR_SHEET].last_column}{last_row}"
