"""A `formulas` model that compiles each formula once per process.

Compiling is nearly all of a headless recalculation's time (parsing one formula and building its
function takes tens of milliseconds; a template holds hundreds), and a batch recalculates many
workbooks made from the same template.  A compiled cell depends only on its formula, its place
(book, sheet, cell), the defined names it may refer to and the book's external links, so it is
kept under exactly those and handed to the next model that meets the same cell.  Callers load
every workbook under one file name (`model_for`), so that the book part of the key repeats.

A compiled cell is not changed by the model it is added to (formulas adds its function and
output to the model's own dispatcher), so one object can serve models one after another."""
from __future__ import annotations

import os
import shutil
import tempfile
from collections import OrderedDict
from contextlib import contextmanager
from functools import cache
from pathlib import Path

_KEPT = 20_000          # compiled cells kept: a few templates' worth, a bounded amount of memory
_cells: OrderedDict = OrderedDict()


def _fingerprint(references: dict) -> tuple:
    """What the defined names point to (a formula naming one compiles to its range)."""
    return tuple(sorted((name, repr(getattr(target, "ranges", target)))
                        for name, target in references.items()))


@cache
def _model_class():
    import formulas

    class CompiledOnce(formulas.ExcelModel):
        def compile_cell(self, cell, context, references, formula_references):
            if cell.data_type != "f":
                return super().compile_cell(cell, context, references, formula_references)
            text = cell.value if isinstance(cell.value, str) else cell.value.text
            if getattr(self, "_names", (None,))[0] != len(references):   # names are added with their book
                self._names = (len(references), _fingerprint(references))
            key = (context["excel"], context["sheet"], formula_references.get(cell.coordinate, cell.coordinate),
                   text, self._names[1], repr(sorted(context.get("external_links", {}).items())))
            compiled = _cells.get(key)
            if compiled is None:
                compiled = super().compile_cell(cell, context, references, formula_references)
                _cells[key] = compiled
                if len(_cells) > _KEPT:
                    _cells.popitem(last=False)
            else:
                _cells.move_to_end(key)
            return compiled

    return CompiledOnce


@contextmanager
def model_for(path: str | Path):
    """The workbook at `path` loaded into a finished model (under a fixed name, see above)."""
    os.environ.setdefault("TQDM_DISABLE", "1")   # formulas draws a progress bar per load
    with tempfile.TemporaryDirectory(prefix="perfscore-") as tmp:
        fixed = Path(tmp) / f"book{Path(path).suffix.lower()}"
        shutil.copyfile(path, fixed)
        yield _model_class()().loads(str(fixed)).finish()
