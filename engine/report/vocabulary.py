"""The header words of the 自评表 forms (templates/_report_forms.toml), read once: which
header word names which column of which block (funds, indicators, scores)."""
from __future__ import annotations

import functools
import re
from pathlib import Path

VOCABULARY = Path(__file__).resolve().parents[2] / "templates" / "_report_forms.toml"
_BRACKETED = re.compile(r"[(（\[【][^)）\]】]*[)）\]】]")


def key(cell: str) -> str:
    """A header cell as the vocabulary holds it: no spaces, brackets, or what is inside them."""
    return re.sub(r"[\s:：*]", "", _BRACKETED.sub("", cell))


@functools.lru_cache(maxsize=1)
def vocabulary() -> dict[str, dict[str, tuple[str, ...]]]:
    from ..core.rulesets import tomllib
    with open(VOCABULARY, "rb") as fh:
        raw = tomllib.load(fh)
    return {block: {column: tuple(words if column in NOT_COLUMNS else (key(w) for w in words))
                    for column, words in columns.items()}
            for block, columns in raw.items()}


NOT_COLUMNS = ("total_rows", "identified_by")   # a block's entries that name no column


def column_of(cell: str, block: str) -> str | None:
    """The column a header cell names in `block` (None: not one of its header words)."""
    k = key(cell)
    return next((column for column, words in vocabulary()[block].items() if column not in NOT_COLUMNS and k in words),
                None)
