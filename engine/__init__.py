"""perfscore's calculation core: parsing, Excel-exact rounding, rates, scoring methods,
rule sets and `evaluate()`."""
__version__ = "0.1.0"

from .errors import CellError
from .evaluation import Evaluation, Finding, evaluate
from .rounding import excel_round

__all__ = ["CellError", "Evaluation", "Finding", "evaluate", "excel_round"]
