"""The pure scoring core: parsing, Excel rounding, rates, the scoring methods, rule sets,
scoring, the audit and `evaluate()`.

Standard library only — no openpyxl, formulas, xlwings, pandas, rich or lxml (an
import-linter contract in pyproject.toml keeps it so), and nothing from the layers above.
"""
VERSION = "0.1.0"
