"""The module xlwings imports as its UDF module (xlwings.conf: UDF Modules = udfs.xl).

Every function here is generated from `udfs.registry.REGISTRY`: same name, same
parameters, same help text, same engine call as the headless engine uses.
"""
from __future__ import annotations

import inspect

import xlwings as xw

from .registry import REGISTRY, TWO_D_KINDS, ExcelFunction

CATEGORY = "perfscore 绩效评分"


def build_udf(spec: ExcelFunction, func=xw.func, arg=xw.arg):
    """An xlwings UDF for `spec`, decorated with the given `func`/`arg` decorators."""

    def udf(*args):
        return spec.cell_value(*args)

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
        if p.kind in TWO_D_KINDS:
            options["ndim"] = 2
        udf = arg(("*" if p.variadic else "") + p.name, **options)(udf)
    return func(category=CATEGORY)(udf)


for _spec in REGISTRY:
    globals()[_spec.name] = build_udf(_spec)

__all__ = [spec.name for spec in REGISTRY]
