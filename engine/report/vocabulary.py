"""A report's words as data, each file read once: the header words of the 自评表 forms
(templates/_report_forms.toml: which header word names which column of which block) and the
cue words of its sentences (templates/_report_cues.toml: what a number is and for what, what an
indicator's figures are, which figure is the total and which word the grade)."""
from __future__ import annotations

import functools
import re
from pathlib import Path

VOCABULARY = Path(__file__).resolve().parents[2] / "templates" / "_report_forms.toml"
CUES = VOCABULARY.with_name("_report_cues.toml")
SECTIONS = VOCABULARY.with_name("_report_sections.toml")
_BRACKETED = re.compile(r"[(（\[【][^)）\]】]*[)）\]】]")
_BUILT_ON_THE_FORMS: list = []     # the caches of what was read from the forms' file or worked out from its words


def built_on_the_forms(maxsize: int | None = 1):
    """A cache of what was read from the forms' header words or worked out from them: forgotten by reload_forms()."""
    def cached(function):
        function = functools.lru_cache(maxsize=maxsize)(function)
        _BUILT_ON_THE_FORMS.append(function)
        return function
    return cached


def reload_forms() -> None:
    """Read the forms' header words again (a test that swaps the file for another), forgetting what was built on them."""
    for function in _BUILT_ON_THE_FORMS:
        function.cache_clear()


def key(cell: str) -> str:
    """A header cell as the vocabulary holds it: no spaces, brackets, or what is inside them."""
    return re.sub(r"[\s:：*]", "", _BRACKETED.sub("", cell))


def load_toml(path: Path) -> dict:
    from ..core.rulesets import tomllib
    with open(path, "rb") as fh:
        return tomllib.load(fh)


@built_on_the_forms()
def vocabulary() -> dict[str, dict[str, tuple[str, ...]]]:
    return {block: {column: tuple(words if column == "identified_by" else (key(w) for w in words))
                    for column, words in columns.items()}
            for block, columns in load_toml(VOCABULARY).items()}


NOT_COLUMNS = ("total_rows", "final_rows", "identified_by", "listing")   # a block's entries that name no column


@built_on_the_forms(maxsize=1 << 16)
def column_of(cell: str, block: str) -> str | None:
    """The column a header cell names in `block` (None: not one of its header words)."""
    words = _columns_by_word(block)
    for k in (key(cell), *(key(part) for part in reversed(cell.split()[1:]))):   # "绩效指标（90分） 一级指标": a
        if k in words:                                                              # cell of two lines, its last names it
            return words[k]
    return None


@built_on_the_forms(maxsize=None)
def _columns_by_word(block: str) -> dict[str, str]:
    """Each header word of `block` and the column it names (the first that lists it, as the file orders them)."""
    out: dict[str, str] = {}
    for column, words in vocabulary()[block].items():
        if column not in NOT_COLUMNS:
            for word in words:
                out.setdefault(word, column)
    return out


def form_header(cells: list[str]) -> tuple[str, dict[int, str]] | None:
    """The block a header row opens and its columns (index → column), or None for a data row."""
    best: tuple[str, dict[int, str]] | None = None
    for block, columns in vocabulary().items():
        found: dict[int, str] = {}
        for i, cell in enumerate(cells):
            column = column_of(cell, block)
            if column == "target" and any(c == "target" and "年初" in cells[k] for k, c in found.items()) \
                    and "adjusted_target" not in found.values():
                column = "adjusted_target"    # 年初指标值 | 全年指标值: the second the target the year ended with
            if column and column not in found.values():
                found[i] = column
        loose = next((i for i, column in found.items() if column == "loose_name"), None)
        if loose is not None:   # "指标" names the rows only in a header of no other name column
            del found[loose]
            if "name" not in found.values():
                found[loose] = "name"
        # (three columns named — or a 评分表's levels and its 得分 only, every cell a column's word:
        # "一级指标 | 二级指标 | 三级指标 | 得分", the 分值 in brackets in the names)
        named = len(found) >= 3 or len(found) == 2 and sum(1 for c in cells if column_of(c, block)) >= 3 \
            and all(column_of(c, block) for c in cells if c.strip())
        if named and set(columns["identified_by"]) & set(found.values()) \
                and (best is None or len(found) > len(best[1])):
            best = (block, found)
    return best


@functools.lru_cache(maxsize=1)
def cues() -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    """(measure, pattern) in the order they are tried, and (scope, pattern): what a number is and
    for what, from the words before it (templates/_report_cues.toml)."""
    raw = load_toml(CUES)
    return (tuple((m["name"], m["pattern"]) for m in raw["measures"]),
            tuple((s["name"], s["pattern"]) for s in raw["scopes"]))


@functools.lru_cache(maxsize=1)
def words() -> dict[str, re.Pattern]:
    """The cue words of indicators, totals and grades, compiled (templates/_report_cues.toml [words])."""
    return {name: re.compile(pattern) for name, pattern in load_toml(CUES)["words"].items()}


@functools.lru_cache(maxsize=1)
def names() -> dict:
    """The plain names a rate's operands are said by (templates/_report_cues.toml [names]): lists as tuples."""
    return {name: tuple(said) if isinstance(said, list) else dict(said) for name, said in load_toml(CUES)["names"].items()}


@functools.lru_cache(maxsize=1)
def partitions() -> tuple[tuple[re.Pattern, ...], ...]:
    """The lists of parts that make up their whole (templates/_report_cues.toml [partitions])."""
    return tuple(tuple(re.compile(p) for p in members) for members in load_toml(CUES)["partitions"].values())


def a_whole_list(names: list[str]) -> bool:
    """The names are one each of a list that makes up its whole (基本支出 and 项目支出; a framework's 一级指标 groups):
    every member of one of the partitions named, each by one name."""
    return any(len(members) == len(names) and all(sum(1 for m in members if m.search(name)) == 1 for name in names)
               and all(any(m.search(name) for name in names) for m in members) for members in partitions())


@functools.lru_cache(maxsize=1)
def grade_words() -> dict[str, str]:
    """Each grade word a report writes ("优秀", "良好", "合格" …) and the grade it is."""
    return dict(load_toml(CUES)["grades"])


@functools.lru_cache(maxsize=1)
def section_words() -> tuple[tuple[tuple[str, re.Pattern], ...], re.Pattern]:
    """(each kind of section and the words of its title, a paragraph that opens a rule):
    templates/_report_sections.toml."""
    raw = load_toml(SECTIONS)
    headings = tuple((kind, re.compile(pattern)) for kind, pattern in raw["headings"].items())
    return headings, re.compile(raw["paragraphs"]["instructions"])


@functools.lru_cache(maxsize=1)
def goals_paragraph_words() -> re.Pattern:
    """The opening of a paragraph that lists the goals ("年度整体绩效目标为："): templates/_report_sections.toml."""
    return re.compile(load_toml(SECTIONS)["paragraphs"]["goals"])


@functools.lru_cache(maxsize=1)
def content_column() -> re.Pattern:
    """A 评分表's column between an item's name and its rule that says what the item measures (指标内容): no name."""
    return re.compile(load_toml(SECTIONS)["cells"]["content"])


@functools.lru_cache(maxsize=1)
def cell_words() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """(a rules column's header, a formula in words, a scoring rule's clause)."""
    raw = load_toml(SECTIONS)["cells"]
    return re.compile(raw["instructions"]), re.compile(raw["formula"]), re.compile(raw["scoring_rule"])
