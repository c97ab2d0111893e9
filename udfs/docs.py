"""The README's function reference, generated from the registry:
``python -m udfs.docs`` prints it; a test keeps README.md in step."""
from __future__ import annotations

from .registry import REGISTRY, ExcelFunction


def signature(spec: ExcelFunction) -> str:
    args = [f"[{p.name}]" if p.optional and not p.variadic else p.name + ("…" if p.variadic else "")
            for p in spec.params]
    return f"{spec.name}({', '.join(args)})"


def markdown() -> str:
    blocks = []
    for spec in REGISTRY:
        lines = [f"### `{signature(spec)}`", "", spec.help, ""]
        for p in spec.params:
            default = f"（默认 {p.default}）" if p.optional and not p.variadic and p.default is not None else ""
            lines.append(f"- `{p.name}` — {p.help}{default}")
        lines += ["", f"`{spec.example}` → {spec.result}", ""]
        blocks.append("\n".join(lines))
    return "\n".join(blocks)


if __name__ == "__main__":  # pragma: no cover
    print(markdown())
