"""The Excel face of perfscore: one registry of Excel functions (see `registry`)."""
from .registry import FUNCTIONS, REGISTRY, ExcelFunction, Param

__all__ = ["FUNCTIONS", "REGISTRY", "ExcelFunction", "Param"]
