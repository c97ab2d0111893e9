"""perfscore's calculation core: parsing, Excel-exact rounding, rates, scoring methods,
rule sets and `evaluate()`."""
__version__ = "0.1.0"

from .errors import CellError
from .evaluation import Evaluation, Finding, evaluate
from .rounding import excel_round



def recalc(path, write_back_to=None, fast=True) -> Evaluation:
    """Re-evaluate a workbook headlessly from its own formulas (SPEC 7.1).

    Imported on use: the formulas library is only loaded by those who recalculate."""
    from .headless import recalc as _recalc
    return _recalc(path, write_back_to, fast)


__all__ = ["CellError", "Evaluation", "Finding", "evaluate", "excel_round", "recalc"]
