"""The text of a 自评报告 (.txt, .docx, .pdf) as the checks read it: NFKC-normalised (full-width
digits and signs become ASCII), a sentence broken across lines or pages joined again, and
every character traceable to where a reader finds it (第N行, 第N段, 表N, 第N页).

Every report is hostile: sizes, zip limits (safety.check_zip), a page limit and a time limit
for PDFs; python-docx parses with entities off; nothing is executed."""
from __future__ import annotations

import bisect
import re
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ..files.safety import MAX_FILE_BYTES, UnsafeFile, check_zip, sized

REPORT_SUFFIXES = (".txt", ".docx", ".pdf")
CELL = " | "   # between the cells of a table's row, as the text holds a table
MAX_TEXT_BYTES = 5 * 1024 * 1024
MAX_PDF_PAGES = 300
MAX_PDF_SECONDS = 60.0
# a line that ends a sentence, a heading or a list item: the next line starts afresh
_ENDS = tuple("。！!？?")
SHORT_LINE = 16   # a title, a heading, the last line of a paragraph: the next line starts afresh
_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．](?!\d)|附件|附表)")
_PAGE_NUMBER = re.compile(r"^\s*(?:[-—–]?\s*\d{1,4}\s*[-—–]?|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?)\s*$")
_MARKUP = re.compile(r"\*\*|__")   # bold marks of text converted from Word by hand


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
        cells = [normalise(c).replace("\n", " ").strip() for c in cells]
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


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    return _MARKUP.sub("", text).replace("\u00a0", " ").replace("\t", " ")


def continues(previous: str, line: str) -> bool:
    """A line that carries on the previous one's sentence (a PDF or hand-wrapped line)."""
    previous, line = normalise(previous).rstrip(), normalise(line).strip()
    return len(previous) >= SHORT_LINE and not previous.endswith(_ENDS) and not _HEADING.match(line)


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
    rows = table_rows(lines)
    consumed = cells_per_line(lines, rows)
    for n, line in enumerate(lines, 1):
        if n - 1 in rows:   # a table's row: its cells, never joined to a sentence
            report.add_row(rows[n - 1], place(n))
            previous = ""
            continue
        if n - 1 in consumed:
            continue        # a cell of a row written one cell a line: given with its row
        if not normalise(line).strip():
            continue   # a blank line inside a sentence (PDF copy) does not end it
        report.add(line, place(n), joined=continues(previous, line))
        previous = line


_PIPE = re.compile(r"\s*[|｜]\s*")
_INDENTED = re.compile(r"(?:[ \u3000]{2,}|\t)\S")    # a cell under a column, the ones before it empty
_COLUMN_GAP = re.compile(r"(?:[ \u3000]{2,}|\t+|\u3000)")


_CELL_LINE = 24                   # a cell alone on its line is short …
_NOT_A_CELL = re.compile(r"[。；;！？!?]|[,，].*[,，]")   # … and is no sentence
_FIGURE = re.compile(r"^[-+]?[\d,]*\.?\d+\s*(?:%|万元|元|分)?$")


def cells_per_line(lines: list[str], rows: dict[int, list[str]]) -> set[int]:
    """Tables written one cell a line (a form copied out of Word or a PDF): a run of short
    lines that starts with h header cells (words) and goes on in rows of h cells, each row
    with its figures in the same columns.  Each row found is added to `rows` at its first
    line; the lines it covers are returned.  A run that does not fall into such rows is text."""
    consumed: set[int] = set()
    run: list[int] = []
    for n, line in enumerate(lines + [""]):
        text = _one_cell(line)
        if n < len(lines) and n not in rows and not text and not _ENDS_CELL.search(line):
            continue                                  # blank lines between cells (a "|" alone is an empty cell)
        if n < len(lines) and n not in rows and len(text) <= _CELL_LINE and not _NOT_A_CELL.search(text) \
                and not _HEADING.match(text):
            run.append(n)
            continue
        if len(run) >= 4:
            consumed |= _rows_of(run, [_one_cell(lines[i]) for i in run], rows)
        run = []
    return consumed


_ENDS_CELL = re.compile(r"[|｜]\s*$")


def _one_cell(line: str) -> str:
    """A line's text as one cell: without the "|" a form copied cell by cell ends each line with."""
    return _ENDS_CELL.sub("", normalise(line)).strip()


def _rows_of(run: list[int], cells: list[str], rows: dict[int, list[str]]) -> set[int]:
    return _even_rows(run, cells, rows) or _indicator_rows(run, cells, rows)


_PLAIN = re.compile(r"^\d+(?:\.\d+)?$")      # a bare figure: a 分值 or 得分
_DIRECTION_CELL = re.compile(r"^(?:≥|≤|>=|<=|=|>|<|大于等于|小于等于|不低于|不高于|不少于|不超过|定性)$")


def _indicator_rows(run: list[int], cells: list[str], rows: dict[int, list[str]]) -> set[int]:
    """An indicator table one cell a line whose merged cells were left out (a row under the
    same 一级指标 has fewer cells): its header read by the forms' vocabulary, each row found
    by its 指标性质 cell (≥, =, ≤ …), the cells before it that row's names, right-aligned."""
    from .vocabulary import column_of
    start = next((i for i, c in enumerate(cells) if column_of(c, "indicators")), None)
    if start is None:
        return set()
    end = start
    while end < len(cells) and column_of(cells[end], "indicators"):
        end += 1
    header = cells[start:end]
    columns = [column_of(c, "indicators") for c in header]
    if len(header) < 5 or not ("direction" in columns or columns[-2:] == ["weight", "score"]):
        return set()
    data, at = cells[end:], run[end:]
    found: list[tuple[int, list[str]]] = []
    previous = 0
    if "direction" in columns:    # each row found by its 指标性质 cell
        anchor = columns.index("direction")
        after = len(header) - anchor - 1
        ends = [i + after for i, cell in enumerate(data) if _DIRECTION_CELL.match(cell)]
    else:                         # each row ends with its 分值 and 得分, a name or the end after them
        anchor = len(header) - 4 if "actual" in columns[-4:-2] else None
        after = 3
        ends = [i + 1 for i in range(len(data) - 1) if _PLAIN.match(data[i]) and _PLAIN.match(data[i + 1])
                and (i + 2 >= len(data) or not _PLAIN.match(data[i + 2]))]
        if anchor is None:
            return set()
    for last in ends:
        i = last - after
        if i < previous + 0 or last >= len(data):
            continue
        names = data[previous:i][-anchor:] if anchor else []
        row = [""] * (anchor - len(names)) + names + data[i:last + 1]
        found.append((at[previous], row + [""] * (len(header) - len(row))))
        previous = last + 1
    if not found:
        return set()
    rest = data[previous:]
    if rest and column_of(rest[0], "scores") is None and rest[0] in vocabulary_totals():
        figures = [c for c in rest[1:] if _FIGURE.match(c)]
        row = [rest[0]] + [""] * (len(header) - 1)
        for column, value in zip(("weight", "score"), figures[:2] if "score" in columns else []):
            if column in columns:
                row[columns.index(column)] = value
        found.append((at[previous], row))
        previous = len(data)
    rows[run[start]] = header
    for first, row in found:
        rows[first] = row
    taken = set(run[start:end + previous])
    return taken - {run[start]} - {first for first, _ in found}


def vocabulary_totals() -> tuple[str, ...]:
    from .vocabulary import vocabulary
    return vocabulary()["indicators"]["total_rows"]


def _even_rows(run: list[int], cells: list[str], rows: dict[int, list[str]]) -> set[int]:
    for skip in range(0, min(3, len(cells))):         # a table's title may come first
        body = cells[skip:]
        first_figure = next((i for i, c in enumerate(body) if _FIGURE.match(c)), None)
        if first_figure is None:
            return set()
        for width in range(first_figure, 1, -1):
            data = body[width:]
            if not data or len(data) % width:
                continue
            chunks = [data[i:i + width] for i in range(0, len(data), width)]
            shape = [bool(_FIGURE.match(c)) for c in chunks[0]]
            if any(c for c in shape) and all([bool(_FIGURE.match(c)) for c in chunk] == shape for chunk in chunks):
                at = run[skip:]
                rows[at[0]] = body[:width]
                for k in range(len(chunks)):
                    rows[at[width + k * width]] = chunks[k]
                return set(at) - {at[0]} - {at[width + k * width] for k in range(len(chunks))}
    return set()


def table_rows(lines: list[str]) -> dict[int, list[str]]:
    """The lines of a text that are a table's rows, each as its cells: rows written with "|"
    (a cell's edges, as Markdown or a copied form has them), and columns set apart by tabs or
    by runs of spaces — these only where two lines in a row have three cells or more, so that
    a sentence with a double space stays a sentence."""
    rows: dict[int, list[str]] = {}
    for n, line in enumerate(lines):
        stripped = line.strip()
        if stripped.count("|") + stripped.count("｜") >= 2 or (stripped.startswith(("|", "｜")) and len(stripped) > 1):
            cells = _PIPE.split(stripped)
            if cells and not cells[0]:
                cells = cells[1:]
            if cells and not cells[-1]:
                cells = cells[:-1]
            if any(c.strip() for c in cells):
                rows[n] = cells
        elif line.count("\t") >= 2:     # a tab for each cell: an empty cell stays one
            cells = [c.strip() for c in line.strip(" \u3000\r\n").split("\t")]
            while cells and not cells[-1]:
                cells.pop()
            if sum(1 for c in cells if c) >= 2:
                rows[n] = cells
    spaced = {n: [c for c in _COLUMN_GAP.split(line.strip()) if c] for n, line in enumerate(lines)
              if n not in rows and line.strip() and (_COLUMN_GAP.search(line.strip()) or _INDENTED.match(line))}
    block: list[int] = []
    for n in sorted(spaced) + [-2]:
        if block and n != block[-1] + 1:
            if len(block) >= 2 and any(len(spaced[i]) >= 3 for i in block):
                rows.update(_aligned(block, lines))
            block = []
        if n >= 0:
            block.append(n)
    return rows


def _width(text: str) -> int:
    """Display columns: a Chinese character takes two, as in the text's own alignment."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _cells_at(line: str) -> list[tuple[int, str]]:
    """A line's cells with the display column each starts at (words one space apart are a cell)."""
    cells, position = [], 0
    for gap in [*_COLUMN_GAP.finditer(line), None]:
        end = gap.start() if gap else len(line)
        if line[position:end].strip():
            cells.append((_width(line[:position]) + _width(line[position:end]) - _width(line[position:end].lstrip()),
                          line[position:end].strip()))
        position = gap.end() if gap else position
    return cells


def _split_at_columns(cells: list[tuple[int, str]], starts: list[int]) -> list[tuple[int, str]]:
    """A cell of two words one space apart, the second starting under a column of its own
    ("满意度指标 满意度"): two cells."""
    out = []
    for start, text in cells:
        at = start
        for word in text.split(" "):
            if out and out[-1][0] >= start and not any(abs(at - s) <= 1 for s in starts):
                out[-1] = (out[-1][0], f"{out[-1][1]} {word}")
            else:
                out.append((at, word))
            at += _width(word) + 1
    return out


def _aligned(block: list[int], lines: list[str]) -> dict[int, list[str]]:
    """A block of lines set in columns by spaces: each cell put in the column of the header
    (the first line of three cells or more) it stands under, an empty cell kept empty; a line
    of words only under a row (an indicator's name or a reason wrapped) is added to that row."""
    header_at = next(i for i in block if len(_cells_at(lines[i].rstrip())) >= 3)
    starts = [start for start, _ in _cells_at(lines[header_at].rstrip())]
    placed = [start for n in block if n != header_at for start, _ in _cells_at(lines[n].rstrip())]
    if sum(any(abs(start - s) <= 1 for s in starts) for start in placed) < 0.8 * len(placed):
        # not set in columns (cells one after another, a run of spaces between): as they come
        return {n: [c for c in _COLUMN_GAP.split(lines[n].strip()) if c] for n in block
                if len(_COLUMN_GAP.split(lines[n].strip())) >= 3}
    out: dict[int, list[str]] = {}
    last: int | None = None
    for n in block:
        cells = _split_at_columns(_cells_at(lines[n].rstrip()), starts)
        row = [""] * len(starts)
        for start, text in cells:
            column = max((k for k, s in enumerate(starts) if s <= start + 2), default=0)
            row[column] = f"{row[column]} {text}".strip()
        if n > header_at and last is not None and not any(re.search(r"\d", t) for _, t in cells):
            out[last] = [a + b for a, b in zip(out[last], row)]   # a wrapped line: the row above goes on
            out[n] = []
            continue
        out[n] = row
        last = n
    return {n: row for n, row in out.items() if row} | {n: [] for n, row in out.items() if not row}


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
    previous = ""
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraphs += 1
            text = Paragraph(block, document).text
            if text.strip():
                report.add(text, f"第{paragraphs}段", joined=continues(previous, text))
                previous = text
        elif tag == "tbl":
            tables += 1
            for row in Table(block, document).rows:
                cells, seen = [], set()
                for cell in row.cells:
                    if id(cell._tc) not in seen:   # a merged cell is handed back once per grid column
                        seen.add(id(cell._tc))
                        cells.append(cell.text)
                report.add_row(cells, f"表{tables}")
            previous = ""
    return report


def _continues_row(held: list[str], first: list[str]) -> bool:
    """Whether a page's first table row is the rest of the previous page's last row (a row cut
    by the page): as wide, its first cell empty, and not figures under a header of words."""
    if len(first) != len(held) or first[0]:
        return False
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
            previous, held = "", None     # held: a page's last table row, which may go on overleaf
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
                for table in tables:   # a table's cells are read as rows, not as wrapped lines
                    text_only = text_only.outside_bbox(table.bbox)
                # text and table rows in the order they stand on the page (a note below a table stays below it)
                items = [(line["top"], None, line["text"]) for line in text_only.extract_text_lines()
                         if line["text"].strip() and not _PAGE_NUMBER.match(normalise(line["text"]))]
                for t, table_rows in enumerate(rows):
                    items += [(top, (t, r), cells) for r, (top, cells) in enumerate(table_rows)]
                last = max(((t, len(table_rows) - 1) for t, table_rows in enumerate(rows) if table_rows), default=None)
                for _, row, content in sorted(items, key=lambda item: item[0]):
                    if row is None:
                        report.add(content, f"第{n}页", joined=continues(previous, content))
                        previous = content
                    elif row == last and rows[row[0]][row[1]][0] == max(top for top, _, _ in items):
                        held = (content, f"第{n}页")
                    else:
                        report.add_row(content, f"第{n}页")
                        previous = ""
                page.close()
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
