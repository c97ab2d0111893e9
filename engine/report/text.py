"""The text of a 自评报告 (.txt, .docx, .pdf) as the checks read it: NFKC-normalised (full-width
digits and signs become ASCII), a sentence broken across lines or pages joined again, and
every character traceable to where a reader finds it (第N行, 第N段, 表N, 第N页).

Every report is hostile: sizes, zip limits (safety.check_zip), a page limit and a time limit
for PDFs; python-docx parses with entities off; nothing is executed."""
from __future__ import annotations

import bisect
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..files.safety import MAX_FILE_BYTES, UnsafeFile, check_zip, sized
from .plain import HEADING, IN_WAN, IN_YUAN, PAGE_OF, SIGNED_FIGURE, UNIT_LINE, normalise
from .cellrows import cells_per_line
from .numbers import measure_of
from .ruledrows import RULED, ruled_rows
from .texttables import flattened, table_rows
from .vocabulary import form_header

REPORT_SUFFIXES = (".txt", ".docx", ".pdf")
CELL = " | "   # between the cells of a table's row, as the text holds a table
MAX_TEXT_BYTES = 5 * 1024 * 1024
MAX_PDF_PAGES = 300
MAX_PDF_SECONDS = 60.0
_BORDER = 1.5    # points: a line of text may start this far inside a table's box and still be text
# a line that ends a sentence, a heading or a list item: the next line starts afresh
_ENDS = tuple("。！!？?")
_FIELD = re.compile(r"^[^\s:：,，。;；]{2,14}[:：]")   # a form's field: its label and a colon
SHORT_LINE = 16   # a title, a heading, the last line of a paragraph: the next line starts afresh
_PAGE_NUMBER = re.compile(rf"^\s*(?:[-—–]?\s*(?P<number>\d{{1,4}})\s*[-—–]?|{PAGE_OF})\s*$")


def _page_number(line: str, page: int) -> bool:
    """A page's number at its foot or head: "第3页", or a bare figure that could be the page's number (counted
    from a cover or a few unnumbered pages) — not a cell's figure a page break left alone ("10")."""
    said = _PAGE_NUMBER.match(line)
    return said is not None and (said.group("number") is None or page - 6 <= int(said.group("number")) <= page + 1)


class UnreadableReport(Exception):
    """A report we cannot read: the message says why (Chinese / English)."""


@dataclass
class ReportText:
    """The text, one string, and where each of its pieces came from."""
    source: str
    text: str = ""
    _starts: list[int] = field(default_factory=list)
    _places: list[str] = field(default_factory=list)

    def add(self, piece: str, place: str, joined: bool = False) -> None:
        """Append a piece (a line, a paragraph); `joined` continues the sentence."""
        piece = normalise(piece)
        if not piece.strip():
            return
        if self.text and not joined:
            self.text += "\n"
        self._starts.append(len(self.text))
        self._places.append(place)
        self.text += piece.strip()

    def add_row(self, cells: list[str], place: str) -> None:
        """Append a table's row: its cells between CELL marks, an empty first or last cell kept
        (a merged cell of the row above), so that each figure stays in its column."""
        cells = [_CELL_BREAK.sub(_joined, normalise(c)).strip() for c in cells]
        if not any(cells):
            return
        if self.text:
            self.text += "\n"
        self._starts.append(len(self.text))
        self._places.append(place)
        self.text += CELL.join(cells)

    def where(self, offset: int) -> str:
        i = bisect.bisect_right(self._starts, offset) - 1
        return self._places[max(i, 0)] if self._places else ""


# a line break inside a table's cell ("地膜质量抽检合格率" / "（厚度≥0.010mm）"): gone between Chinese words, as the
# text reader joins a cell broken over lines; a space between figures or Latin words ("10" / "10")
_CELL_BREAK = re.compile(r"(.?)[ \t]*\n\s*(.?)")
_WIDE = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’（）()]")


def _joined(match: re.Match) -> str:
    before, after = match.group(1), match.group(2)
    return before + ("" if _WIDE.match(before or " ") or _WIDE.match(after or " ") else " ") + after


def continues(previous: str, line: str) -> bool:
    """A line that carries on the previous one's sentence (a PDF or hand-wrapped line) — not a
    form's field ("部门（单位）全称：…"), nor the line after one left empty ("主管部门审核意见：")."""
    previous, line = normalise(previous).rstrip(), normalise(line).strip()
    return len(previous) >= SHORT_LINE and not previous.endswith(_ENDS) and not HEADING.match(line) \
        and not _FIELD.match(line) and not previous.endswith((":", "：")) \
        and not (HEADING.match(previous) and not re.search(r"[。，,；;]", previous)) \
        and not re.search(r"\s[>＞]\s", previous) \
        and not any(len(said) <= 60 and _A_TITLE.search(said) for said in (line, previous))
    # (a heading's line, a page's breadcrumb, a title under a portal's header of fields: lines of their own)


# a report's title: the year and the report it is, on a line that ends so ("…局2024年…项目绩效自评报告")
_A_TITLE = re.compile(r"\d{4}\s*年.*(?:报告|自评表|评价表|自评结果公开)$")


def read_report(path: str | Path) -> ReportText:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in REPORT_SUFFIXES:
        raise UnreadableReport(f"不支持的报告格式 / unsupported report type: {path.name}（可用 .txt .docx .pdf）")
    try:
        report = {".txt": _read_txt, ".docx": _read_docx, ".pdf": _read_pdf}[suffix](path)
    except UnsafeFile as exc:
        raise UnreadableReport(f"{path.name}: {exc}") from None
    if not report.text.strip():
        raise UnreadableReport(f"{path.name}: 报告没有文字 / the report has no text")
    return report


def _lines(report: ReportText, lines: list[str], place) -> None:
    previous = ""
    pieces = [(piece, n) for n, line in enumerate(lines, 1) for piece in flattened(line)]
    # a line of "|" marks only ("||||||", a copied table's row of empty or merged cells) ends a row:
    # a blank line, not a cell ("|" alone stays an empty cell, but where such lines end rows)
    lines, closing = _row_ends_as_cells([piece for piece, _ in pieces])
    ruled, covered, left = ruled_rows(lines, closing)
    lines = ["" if i in covered or RULED.fullmatch(line) and line.count("|") + line.count("｜") >= 2 or ruled and
             RULED.fullmatch(line) and i not in left else line for i, line in enumerate(lines)]
    lines = _pairs_joined(lines)
    rows = {**table_rows(lines), **ruled}
    consumed = cells_per_line(lines, rows)
    for i, (line, (_, n)) in enumerate(zip(lines, pieces)):
        if i in rows:   # a table's row: its cells, never joined to a sentence
            said = "" if len(rows[i]) >= 6 and _under_indicators(i, rows, consumed, lines) else _pairs_said(rows[i], _unit_above(lines, i, rows))
            if said:        # "全年预算数（A） | 1,264.80 | 全年执行数（B） | 1,229.65 | …": labels and values
                report.add(said, place(n))
            else:
                report.add_row(rows[i], place(n))
            previous = ""
            continue
        if i in consumed:
            continue        # a cell of a row written one cell a line: given with its row
        if not normalise(line).strip():
            continue   # a blank line inside a sentence (PDF copy) does not end it
        report.add(line, place(n), joined=continues(previous, line))
        previous = line


_ONE_CELL = re.compile(r"[^|｜]*[|｜]\s*")               # "4 |", "|": a cell (or an empty one) copied with its mark
_CELL_AND_MARKS = re.compile(r"([^|｜]*[^|｜\s][^|｜]*[|｜])[\s|｜]*")   # "4 | |", "94% | |||": the row's end too


def _row_ends_as_cells(lines: list[str]) -> tuple[list[str], set[int]]:
    """A form copied one cell a line, each cell with its "|", marks a row's end with more ("3 | |", "94% | |||",
    one mark for each empty or merged cell it ends with): among such cells, a cell too — not a row of its own, which
    would break the run of cells (three cells a line of one mark, among the six lines around it, at least).  The
    lines so read are returned too: they close their rows."""
    out = list(lines)
    closing: set[int] = set()
    marked = [bool(_ONE_CELL.fullmatch(line)) for line in lines]
    for i, line in enumerate(lines):
        cell = _CELL_AND_MARKS.fullmatch(line)
        if cell and not marked[i] and sum(marked[max(0, i - 3):i + 4]) >= 3:
            out[i] = cell.group(1)
            closing.add(i)
    return out, closing


_BARE = re.compile(r"[-+]?[\d,]*\.?\d+")
_SIGNED = re.compile(r"\s*(?:≥|≤|>=|<=|＞|＜|>|<|=)\s*\d")
_VALUE_LINE = re.compile(r"\s*[-+]?[\d,]*\.?\d+\s*(?:%|万元|元|分)?\s*")
_TOTAL_LABEL = re.compile(r"(?:项目|自评)?总得分|总分|综合得分|自评得分")


def _labelled(label: str, value: str) -> bool:
    """A short line naming an amount, a rate or the total, and under it a line of its figure alone."""
    label = normalise(label).strip()
    if not label or len(label) > 20 or re.search(r"\d", re.sub(r"[(（][^)）]*[)）]", "", label)) \
            or not _VALUE_LINE.fullmatch(normalise(value)):
        return False
    measure = measure_of(label)
    # (a budget named as one — "…预算数", "…安排资金" —, not an indicator's name: "预算编制科学性 | 5")
    return measure in ("total_budget", "initial", "spend", "exec_rate") \
        or measure == "budget" and re.search(r"(?:预算|安排)(?:数|资金|金额)?\s*(?:[(（][^)）]*[)）])?$", label) \
        or bool(_TOTAL_LABEL.fullmatch(label))


def _pairs_joined(lines: list[str]) -> list[str]:
    """"全年预算数（A）" over "1,264.80", "全年执行数（B）" over "1,229.65": a form's labels each over its
    value, one cell a line (two such pairs in a row at least, or a total's) — the pairs one statement
    on the first label's line (in the unit the form names above), their other lines left empty."""
    lines = list(lines)
    at = [k for k, line in enumerate(lines) if line.strip()]     # the lines with text (blank ones between cells)
    # "计划安排资金" / "（万元）" / "1260.00": a label and its unit on lines of their own — one label
    for a, b in zip(at, at[1:]):
        if UNIT_LINE.fullmatch(normalise(lines[b])) and lines[a].strip() and not UNIT_LINE.fullmatch(normalise(lines[a])):
            lines[a], lines[b] = lines[a] + lines[b], ""
    out = list(lines)
    at = [k for k, line in enumerate(lines) if line.strip()]
    cell = [lines[k] for k in at]
    i = 0
    while i + 1 < len(cell):
        run = i
        while run + 1 < len(cell) and _labelled(cell[run], cell[run + 1]) and not _figure_line(cell, run + 2):
            run += 2          # (a label over two figures — 总分 / 100 / 98.62 — is a row, not a pair)
        total = _TOTAL_LABEL.fullmatch(normalise(cell[i]).strip()) and _labelled(cell[i], cell[i + 1]) \
            and not _figure_line(cell, i + 2)
        if run - i >= 4 or total:
            named, said = _unit_above(lines, at[i], {}), []
            for k in range(i, max(run, i + 2), 2):
                said.append(_pair_said(cell[k], cell[k + 1], named))
                out[at[k]] = out[at[k + 1]] = ""
            out[at[i]] = "；".join(said) + "。"       # the run one statement, as a form's block is
            i = max(run, i + 2)
        else:
            i += 1
    return out


def _figure_line(lines: list[str], k: int) -> bool:
    return k < len(lines) and bool(_VALUE_LINE.fullmatch(normalise(lines[k])))


def _pairs_said(cells: list[str], unit: str = "") -> str:
    """A row of a form's labels each followed by its value, as statements ("全年预算数（A）：1,264.80万元；…"
    — a bare amount in the unit the form names above it), when two such pairs at least stand in it; else ""."""
    if any(_SIGNED.match(normalise(c)) for c in cells):
        return ""       # ("| 资金使用 | 预算执行率 | 10 | ≥95% | 99.04% |": an indicator's row, its target signed)
    said = [_pair_said(a, b, unit) for a, b in zip(cells, cells[1:]) if _labelled(a, b)]
    return "；".join(said) + "。" if len(said) >= 2 else ""


def _pair_said(label: str, value: str, unit: str) -> str:
    """"全年预算数（A）：1,264.80万元": a label and its value, a bare amount in the unit the form names
    (a rate keeps its own)."""
    label, value = normalise(label).strip(), normalise(value).strip()
    return label + "：" + value + (unit if _BARE.fullmatch(value) and measure_of(label) != "exec_rate" else "")


def _under_indicators(i: int, rows: dict, cells: set[int], lines: list[str]) -> bool:
    """The row stands in a table of indicators or scores, under its header (the rows above it, one after another,
    or their `cells` written one a line, blank lines among them): its cells are columns ("| 预算执行率 | 10 | 执行率×分值 | 100% |"), not
    labels each before its value."""
    k = i - 1
    while k in rows or k in cells or k >= 0 and not lines[k].strip():
        header = form_header(rows[k]) if rows.get(k) else None
        if header is not None and header[0] == "indicators":
            return True
        k -= 1
    return False


def _unit_above(lines: list[str], i: int, rows: dict) -> str:
    """The amounts' unit a form's row or the lines just above name: （万元） or （元）."""
    near = " ".join([*lines[max(i - 4, 0):i + 1], *(c for k in range(max(i - 4, 0), i + 1) for c in rows.get(k, []))])
    return "元" if IN_YUAN.search(normalise(near)) else "万元" if IN_WAN.search(normalise(near)) else ""


def _read_lines(report: ReportText, lines: list[tuple[str, int]], unit: str) -> None:
    """A Word document's paragraphs or a PDF's text lines outside its tables, each with the
    paragraph or page it stands on, read as a text's lines are (a table typed with tabs or spaces,
    its words one space apart, a cell a line); the list is emptied."""
    if lines:
        _lines(report, [line for line, _ in lines], lambda n: f"第{lines[n - 1][1]}{unit}")
        lines.clear()


def _read_txt(path: Path) -> ReportText:
    sized(path, MAX_TEXT_BYTES)
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise UnreadableReport(f"{path.name}: 不是文本文件（UTF-8 或 GB18030）/ not a text file")
    if "\0" in text:
        raise UnreadableReport(f"{path.name}: 不是文本文件 / not a text file")
    report = ReportText(str(path))
    _lines(report, text.splitlines(), lambda n: f"第{n}行")
    return report


def _read_docx(path: Path) -> ReportText:
    check_zip(path, "word/document.xml", "Word 文档（.docx）/ not a Word document")
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    try:
        document = docx.Document(str(path))
    except Exception as exc:   # python-docx raises many kinds for a broken package
        raise UnreadableReport(f"{path.name}: 无法读取 Word 文档 / cannot read document: {type(exc).__name__}") from None
    report = ReportText(str(path))
    paragraphs = tables = 0
    run: list[tuple[str, int]] = []     # paragraphs since the last table: lines, as a text's are read
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraphs += 1
            run.extend((line, paragraphs) for line in (Paragraph(block, document).text.split("\n") or [""]))
        elif tag == "tbl":
            _read_lines(report, run, "段")
            tables += 1
            for row in Table(block, document).rows:
                cells, seen = [], set()
                for cell in row.cells:   # a merged cell is handed back once per grid column: its text
                    cells.append("" if id(cell._tc) in seen else cell.text)   # once, so that each
                    seen.add(id(cell._tc))                                    # figure keeps its column
                report.add_row(cells, f"表{tables}")
    _read_lines(report, run, "段")
    return report


# a cell of one value: a figure, its sign and its unit ("10", "≥15万人次", "98.2%") — a whole cell, not a wrapped one's end
_A_VALUE = re.compile(r"[≥≤<>=＞＜]?\s*[-+]?[\d,]*\.?\d+\s*[%‰]?[^\d\s,，。;；]{0,4}")


def _continues_row(held: list[str], first: list[str]) -> bool:
    """Whether a page's first table row is the rest of the previous page's last row (a row cut
    by the page): as wide, its first cell empty, and not figures under a header of words — or
    only the ends of cells the row above has, no figure alone among them."""
    if len(first) != len(held):
        return False
    if first[0]:      # or the ends of its wrapped cells ("标 | 服务能力 | … | 共卫生专业人员仍缺4人"): under
        filled = [k for k, c in enumerate(first) if c.strip()]   # cells of the row, fewer, no figure alone
        return all(held[k].strip() for k in filled) and len(filled) < sum(1 for c in held if c.strip()) \
            and not any(SIGNED_FIGURE.fullmatch(first[k].strip()) for k in filled)
    if any(c.strip() and not held[k].strip() for k, c in enumerate(first)):
        return False      # a cell where the row above has none ("| | 时效指标 | 建设项目环评审批时限 | 法定时限内 |"
        # under "| | | 重点污染源…传输率 | ≥90% |"): a row of its own, the rest of no cell
    figures = [{k for k, c in enumerate(row) if _A_VALUE.fullmatch(c.strip())} for row in (held, first)]
    if figures[0] and figures[0] <= figures[1]:
        return False      # a whole row of its own under merged 一级 cells (its figures where the row above has
        # its own: 分值, 得分), not the rest of the row above
    return not (not any(re.search(r"\d", c) for c in held) and any(re.search(r"\d", c) for c in first))


def _read_pdf(path: Path) -> ReportText:
    sized(path, MAX_FILE_BYTES)
    with open(path, "rb") as fh:
        if not fh.read(1024).lstrip().startswith(b"%PDF"):
            raise UnreadableReport(f"{path.name}: 不是 PDF 文件 / not a PDF")
    import pdfplumber
    report = ReportText(str(path))
    start = time.monotonic()
    try:
        with pdfplumber.open(str(path)) as pdf:
            if len(pdf.pages) > MAX_PDF_PAGES:
                raise UnreadableReport(f"{path.name}: PDF 有 {len(pdf.pages)} 页，超过上限 {MAX_PDF_PAGES} / too many pages")
            held = None                   # a page's last table row, which may go on overleaf
            lines: list[tuple[str, int]] = []   # text lines since the last table row, and their pages
            for n, page in enumerate(pdf.pages, 1):
                if time.monotonic() - start > MAX_PDF_SECONDS:
                    raise UnreadableReport(f"{path.name}: 读取超过 {MAX_PDF_SECONDS:g} 秒 / reading timed out")
                tables = page.find_tables()
                rows = [[((r.bbox[1] if r.bbox else t.bbox[1]), [(c or "").replace("\n", "").strip() for c in cells])
                         for r, cells in zip(t.rows, t.extract())] for t in tables]
                if held and rows and rows[0] and _continues_row(held[0], rows[0][0][1]):
                    held = ([a + b for a, b in zip(held[0], rows[0].pop(0)[1])], held[1])   # a row cut by the page
                if held:
                    report.add_row(held[0], held[1])
                    held = None
                text_only = page
                for table in tables:   # a table's cells are read as rows, not as wrapped lines; the line
                    x0, top, x1, bottom = table.bbox   # just below (or above) its border may touch it
                    text_only = text_only.outside_bbox((x0, top + _BORDER, x1, max(bottom - _BORDER, top + _BORDER)))
                # text and table rows in the order they stand on the page (a note below a table stays below it)
                said = [line for line in text_only.extract_text_lines() if line["text"].strip()]
                edges = {min(line["top"] for line in said), max(line["top"] for line in said)} if said else set()
                # a page's number is a bare figure at its foot or head — not one among the cells ("186")
                items = [(line["top"], None, line["text"]) for line in said
                         if not (line["top"] in edges and _page_number(normalise(line["text"]), n))]
                for t, of_table in enumerate(rows):
                    items += [(top, (t, r), cells) for r, (top, cells) in enumerate(of_table)]
                last = max(((t, len(of_table) - 1) for t, of_table in enumerate(rows) if of_table), default=None)
                for _, row, content in sorted(items, key=lambda item: item[0]):
                    if row is None:
                        lines.append((content, n))       # text: read as a text's lines are, below
                        continue
                    _read_lines(report, lines, "页")
                    if row == last and rows[row[0]][row[1]][0] == max(top for top, _, _ in items):
                        held = (content, f"第{n}页")
                    else:
                        report.add_row(content, f"第{n}页")
                page.close()
            _read_lines(report, lines, "页")
            if held:
                report.add_row(held[0], held[1])
    except UnreadableReport:
        raise
    except Exception as exc:   # pdfminer: encrypted, broken xref, …
        causes = " ".join(type(e).__name__ for e in (exc, *exc.args) if isinstance(e, BaseException))
        why = "PDF 已加密（有打开密码），无法读取 / encrypted PDF" if "Password" in causes or "Encrypt" in causes \
            else f"无法读取 PDF / cannot read PDF: {type(exc).__name__}"
        raise UnreadableReport(f"{path.name}: {why}") from None
    if not report.text.strip():
        raise UnreadableReport(f"{path.name}: PDF 没有文字层（扫描件？），无法检查 / no text layer (a scan?)")
    return report
