"""The module xlwings imports as its UDF module (xlwings.conf: UDF Modules = udfs.xl).

Every function here is generated from `udfs.registry.REGISTRY`: same name, same
parameters, same help text, same engine call as the headless engine uses.
"""
from __future__ import annotations

import inspect

import xlwings as xw

from engine.core.errors import VALUE, CellError

from .registry import REGISTRY, ExcelFunction

CATEGORY = "perfscore 绩效评分"
RANGE_KINDS = ("tiers", "bands", "scores")


def build_udf(spec: ExcelFunction, func=xw.func, arg=xw.arg):
    """An xlwings UDF for `spec`, decorated with the given `func`/`arg` decorators."""

    def udf(*args):
        try:
            return spec(*args)
        except CellError as exc:
            # classic xlwings puts the text in the cell: the code first, then the field
            return str(exc)
        except Exception as exc:  # a bug must not put a traceback in a user's cell
            return f"{VALUE} 计算出错：{type(exc).__name__}"

    udf.__name__ = udf.__qualname__ = spec.name
    udf.__doc__ = spec.help
    udf.__module__ = __name__
    udf.__signature__ = inspect.Signature([
        inspect.Parameter(p.name, inspect.Parameter.VAR_POSITIONAL if p.variadic
                          else inspect.Parameter.POSITIONAL_OR_KEYWORD,
                          **({} if not p.optional or p.variadic else {"default": p.default}))
        for p in spec.params
    ])
    for p in reversed(spec.params):
        options = {"doc": p.help, "err_to_str": True}
        if p.kind in RANGE_KINDS:
            options["ndim"] = 2
        udf = arg(("*" if p.variadic else "") + p.name, **options)(udf)
    return func(category=CATEGORY)(udf)


for _spec in REGISTRY:
    globals()[_spec.name] = build_udf(_spec)

__all__ = [spec.name for spec in REGISTRY]
