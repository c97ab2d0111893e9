"""A report as a document: its sections (一、 （一） 1. （1） ①), their paragraphs and the
clauses of each sentence, and its tables (rows of cells) — built from the text every source
gives (a .txt's lines and text tables, a Word document's paragraphs and tables, a PDF's lines
and tables: engine/report/text.py), each block knowing where it stands in that text.

The readers ask it what a figure's section is about (goals, results, scoring, funds, problems,
a form's instructions: templates/_report_sections.toml), whether the figure stands in a rule
rather than a claim, and the clause it stands in."""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field

from .text import CELL
from .vocabulary import cell_words, section_words

# heading marks by level: 一、 > （一） > 1. > （1） > ①
_LEVELS = (r"[一二三四五六七八九十]+\s*、", r"[(（]\s*[一二三四五六七八九十]+\s*[)）]", r"\d{1,2}\s*[.、．](?!\d)",
           r"[(（]\s*\d{1,2}\s*[)）]", r"[①-⑳]")
_MARK = re.compile("|".join(f"(?P<l{k}>^\\s*{p})" for k, p in enumerate(_LEVELS, 1)))
_TITLE_END = re.compile(r"[。:：;；]|(?<=[^\d])[,，]")
CLAUSE_END = re.compile(r"[，,；;。！!？?、\n|]")   # a table's cell ends a clause too
_BARE = re.compile(r"\s*[-+]?\d+(?:\.\d+)?\s*%?\s*")
_TITLE_LIMIT = 30       # a heading's title is short; the words after it are its first paragraph


_RULES_SAID = re.compile(r"(?:评分|计分|评价)(?:规则|标准|办法|方法|细则)(?:为|是|如下)?\s*[:：]")
# (… maybe after words that apply the rules: "按此规则，本项目…得分98.58分")
_CLAIM_OPENS = re.compile(r"[。；;]\s*(?:(?:按此|据此|依此|按照?上述|根据上述)(?:规则|标准|方法|办法|评分标准)?(?:计算|测算|评分)?[,，]\s*)?"
                          r"(?=经(?:综合)?(?:自评|评价|评定|核算|测算)|自评结果|评价结果|综上|"
                          r"综合(?:自评)?(?:得分|评分)|(?:自评|项目|部门)?总得?分[为是:：]?\s*\d|"
                          r"(?:本项目|本部门|本单位|该项目|我局|我单位|我委|我中心)[^。；;]{0,12}(?:得分|总分|等级|评为))")


def _claims_from(text: str, start: int, end: int) -> int:
    """Where the report's own sentences start in a paragraph of rules (its end if they do not)."""
    said = _CLAIM_OPENS.search(text, start, end)
    return said.end() if said else end


def kind_of_title(title: str) -> str | None:
    return next((kind for kind, pattern in section_words()[0] if pattern.search(title)), None)


@dataclass
class Block:
    kind: str                     # "heading", "paragraph" or "row"
    start: int                    # where it stands in the text
    end: int
    level: int = 0                # a heading's: 1 for 一、, 2 for （一） …
    title: str = ""
    cells: list[str] = field(default_factory=list)


@dataclass
class Section:
    title: str
    level: int
    start: int
    end: int
    kind: str | None
    parent: Section | None = None

    def kinds(self) -> list[str]:
        """Its kind and those of the sections it stands in, innermost first."""
        out, section = [], self
        while section is not None:
            if section.kind:
                out.append(section.kind)
            section = section.parent
        return out


@dataclass
class Table:
    rows: list[Block]

    @property
    def start(self) -> int:
        return self.rows[0].start


def _cell_spans(text: str, row: Block) -> list[tuple[int, int]]:
    """Where each cell of a table's row stands in the text."""
    spans, start = [], row.start
    for _ in row.cells:
        end = text.find(CELL, start, row.end)
        end = row.end if end < 0 else end
        spans.append((start, end))
        start = end + len(CELL)
    return spans


class Document:
    def __init__(self, text: str):
        self.text = text
        self.blocks: list[Block] = []
        self.sections: list[Section] = []
        self.tables: list[Table] = []
        self._read()
        self._starts = [s.start for s in self.sections]

    def _read(self) -> None:
        position = 0
        open_: list[Section] = []
        for line in self.text.split("\n"):
            start, end, position = position, position + len(line), position + len(line) + 1
            if CELL in line:
                row = Block("row", start, end, cells=[c.strip() for c in line.split(CELL)])
                if self.blocks and self.blocks[-1].kind == "row" and self.tables:
                    self.tables[-1].rows.append(row)
                else:
                    self.tables.append(Table([row]))
                self.blocks.append(row)
                continue
            mark = _MARK.match(line)
            if mark:
                level = int(mark.lastgroup[1:])
                title = _TITLE_END.split(line[mark.end():].strip(), maxsplit=1)[0][:_TITLE_LIMIT]
                self.blocks.append(Block("heading", start, end, level, title))
                while open_ and open_[-1].level >= level:
                    open_.pop().end = start
                section = Section(title, level, start, len(self.text), kind_of_title(title),
                                  open_[-1] if open_ else None)
                open_.append(section)
                self.sections.append(section)
            else:
                self.blocks.append(Block("paragraph", start, end))

    def section_at(self, offset: int) -> Section | None:
        """The innermost section `offset` stands in (None: before the first heading)."""
        i = bisect.bisect_right(self._starts, offset) - 1
        while i >= 0:
            section = self.sections[i]
            if section.start <= offset < section.end:
                return section
            i -= 1
        return None

    def kinds_at(self, offset: int) -> list[str]:
        section = self.section_at(offset)
        return section.kinds() if section else []

    @functools.cached_property
    def _block_starts(self) -> list[int]:
        return [b.start for b in self.blocks]

    def block_at(self, offset: int) -> Block | None:
        i = bisect.bisect_right(self._block_starts, offset) - 1
        return self.blocks[i] if i >= 0 and offset <= self.blocks[i].end else None

    @functools.cached_property
    def _rule_spans(self) -> list[tuple[int, int]]:
        """The paragraphs that are a rule or a form's instructions ("注：…", "评分标准：…"), and
        the sections so titled."""
        opening = section_words()[1]
        rules_column, formula, scoring_rule = cell_words()
        # (… up to a sentence of the report's own in that paragraph: "评分方法：…。经自评，本项目总分89.44分")
        spans = [(b.start, _claims_from(self.text, b.start, b.end)) for b in self.blocks
                 if b.kind != "row" and opening.match(self.text[b.start:b.end])]
        spans += [(s.start, s.end) for s in self.sections if s.kind == "instructions"]
        for table in self.tables:     # the cells under a header of rules (评分标准, 指标解释 …)
            columns: set[int] = set()
            width = 0
            for row in table.rows:
                cells = row.cells
                if any(rules_column.search(c) for c in cells) and not any(re.search(r"\d", c) for c in cells):
                    columns = {i for i, c in enumerate(cells) if rules_column.search(c)}
                    width = len(cells)
                    continue
                for i, (start, end) in enumerate(_cell_spans(self.text, row)):
                    words = len(cells) == width and i in columns and not _BARE.fullmatch(cells[i])
                    if words or formula.search(self.text[start:end]):   # (a bare figure there is a
                        spans.append((start, end))                      # row's whose cells moved left)
        for block in self.blocks:     # rules announced inside a paragraph ("…共14项指标。评分规则为：…")
            if block.kind == "row":
                continue
            for match in _RULES_SAID.finditer(self.text, block.start, block.end):
                spans.append((match.start(), _claims_from(self.text, match.end(), block.end)))
        for block in self.blocks:     # a formula in words, a scoring rule: the clauses they stand in
            for match in formula.finditer(self.text, block.start, block.end):
                spans.append(self._bracket_at(match.start()) or self.clause_at(match.start()))
            for match in scoring_rule.finditer(self.text, block.start, block.end):
                spans.append((self.clause_at(match.start())[0], self.clause_at(max(match.end() - 1, match.start()))[1]))
        return spans

    @functools.cached_property
    def _rule_intervals(self) -> tuple[list[int], list[int]]:
        """The rule spans merged, sorted (starts, ends): a figure is looked up by bisection, every
        figure of the report being asked about."""
        starts: list[int] = []
        ends: list[int] = []
        for a, b in sorted(span for span in self._rule_spans if span[0] < span[1]):
            if ends and a <= ends[-1]:
                ends[-1] = max(ends[-1], b)
            else:
                starts.append(a)
                ends.append(b)
        return starts, ends

    def is_rule(self, offset: int) -> bool:
        """`offset` stands in a rule or instructions, not in a claim of the report."""
        starts, ends = self._rule_intervals
        i = bisect.bisect_right(starts, offset) - 1
        return i >= 0 and offset < ends[i]

    def _bracket_at(self, offset: int) -> tuple[int, int] | None:
        """The brackets `offset` stands in within its clause ("结转结余率6.79%（结转结余率=年末结转结余÷全年预算数）":
        the definition a rule, the figure before it the report's), or None."""
        start, end = self.clause_at(offset)
        opened = max(self.text.rfind("(", start, offset), self.text.rfind("（", start, offset))
        if opened < 0 or re.search(r"[)）]", self.text[opened:offset]):
            return None
        # (closed after a clause of its own inside it: "（预算调整率=本级调整数÷年初预算数×100%，上级转移支付不计入）")
        closed = re.search(r"[)）]", self.text[offset:end]) or re.match(r"[^(（)）。\n]*[)）]", self.text[offset:])
        return (opened, offset + closed.end()) if closed else None

    def clause_at(self, offset: int) -> tuple[int, int]:
        """The clause `offset` stands in: between the marks that end clauses (，；。、 a line)."""
        start = max((m.end() for m in CLAUSE_END.finditer(self.text, max(offset - 200, 0), offset)), default=0)
        end = CLAUSE_END.search(self.text, offset)
        return start, end.start() if end else len(self.text)
