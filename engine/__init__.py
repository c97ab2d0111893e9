"""perfscore: scoring of 部门整体支出绩效自评 submissions.

The package is in layers, each importing only those below it (import-linter checks it):

    engine.cli, engine.display   the terminal edge
    engine.bureau                a finance bureau's batch, summary workbook, bundled samples
    engine.book                  everything that reads or writes a workbook
    engine.files                 hostile-file limits, atomic outputs, JSON submissions
    engine.core                  the pure scoring core (standard library only)
"""
from .core import VERSION as __version__
from .core.errors import CellError
from .core.evaluation import Evaluation
from .core.findings import Finding
from .core.rounding import excel_round


def evaluate(data, source=None, rule_set=None) -> Evaluation:
    """Score a submission given as data (SPEC 7.1): by its template's own formulas, as the
    workbook filled with it computes (book.scoredata).  Imported on use."""
    from .book.scoredata import evaluate as _evaluate
    return _evaluate(data, source, rule_set=rule_set)


def recalc(path, write_back_to=None, fast=True) -> Evaluation:
    """Re-evaluate a workbook headlessly from its own formulas (SPEC 7.1).

    Imported on use: the formulas library is only loaded by those who recalculate."""
    from .book.recalc import recalc as _recalc
    return _recalc(path, write_back_to, fast)


__all__ = ["CellError", "Evaluation", "Finding", "evaluate", "excel_round", "recalc", "__version__"]
