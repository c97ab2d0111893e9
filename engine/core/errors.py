"""Excel error values as Python exceptions.

The core raises `CellError`; each host shows it its own way (xlwings: the text in the
cell, the headless engine: the Excel error value plus a finding).  `str()` starts with
the Excel code so that a classic-xlwings cell reads e.g. ``#N/A 缺少输入：全年预算数``.
"""
from __future__ import annotations

NA = "#N/A"
VALUE = "#VALUE!"
DIV0 = "#DIV/0!"
NUM = "#NUM!"
CODES = (NA, VALUE, DIV0, NUM)


class CellError(Exception):
    """An Excel error value with a short Chinese message naming the field."""

    def __init__(self, code: str, message: str, field: str | None = None):
        if code not in CODES:
            raise ValueError(f"unknown Excel error code {code!r}")
        super().__init__(f"{code} {message}")
        self.code = code
        self.message = message
        # the input key (e.g. "budget_total") when the error comes from one input
        self.field = field

    def located(self, field: str | None) -> "CellError":
        """This error, placed at `field` unless it already has a place."""
        return self if self.field else CellError(self.code, self.message, field)

    def __reduce__(self):  # keep pickling (process pools) lossless
        return (CellError, (self.code, self.message, self.field))


def missing(label: str, field: str | None = None) -> CellError:
    return CellError(NA, f"缺少输入：{label}", field)


def bad_value(label: str, text: object, why: str = "无法识别", field: str | None = None) -> CellError:
    return CellError(VALUE, f"{label}{why}：{_show(text)}", field)


def negative(label: str, value: object, field: str | None = None) -> CellError:
    return CellError(NUM, f"{label}不能为负数：{_show(value)}", field)


def _show(value: object) -> str:
    text = format(value, ".15g") if isinstance(value, float) else str(value)   # as Excel shows it
    return text if len(text) <= 40 else text[:37] + "…"
