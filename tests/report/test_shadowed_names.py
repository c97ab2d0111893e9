"""A module-level name defined twice is the second definition everywhere: rate_checks had two
patterns of one name, the second (the arrival checks') silently replacing the first, so "单位资金", "其他资金" and
"其中" no longer marked a source's sentence."""
from __future__ import annotations

from reading import checked, said

_REPORT = ("某县农业农村局2023年度项目支出绩效自评报告\n一、资金情况\n"
           "项目全年预算300.00万元，全年支出285.00万元。\n"
           "{source}全年预算50.00万元，执行42.00万元。项目整体执行率95.00%。\n")


def test_the_wholes_rate_after_a_sources_sentence_is_not_that_sources(tmp_path):
    for source in ("单位资金", "其他资金", "县级配套资金"):
        assert said(checked(tmp_path, _REPORT.format(source=source))) == [], source


def test_the_wholes_rate_held_to_the_wholes_amounts(tmp_path):
    slip = checked(tmp_path, _REPORT.format(source="单位资金").replace("执行率95.00%", "执行率93.00%"))
    assert said(slip) == [("STATED_RATE_MISMATCH", "warning")] and "95.00%" in slip.findings[0].message


def test_a_completion_between_an_indicators_figures_and_its_points(tmp_path):
    """scored.points_and_score_after passes over a completion said between ("…实际760人次，完成率95%，分值8分，得7.6分"):
    a second `_COMPLETION_SAID` in scored.py had replaced the one written for it."""
    from engine.report.scored import points_and_score_after
    result = checked(tmp_path, "某县卫健局2023年度项目支出绩效自评报告\n一、绩效指标\n"
                               "乡村医生培训人次，目标800人次，实际760人次，完成率95%，分值8分，得7.6分。\n")
    text = result.facts.text
    weight, score = points_and_score_after(result.facts, text.index("760人次") + len("760人次"))
    assert (weight.value, score.value) == (8, 7.6)
    weight, score = points_and_score_after(result.facts, text.index("800人次") + len("800人次"))
    assert (weight, score) == (None, None)      # (another figure between, 760, that is no completion)


def test_no_module_names_a_thing_twice():
    import ast
    from pathlib import Path
    import engine
    for path in Path(engine.__file__).parent.rglob("*.py"):
        seen: dict[str, int] = {}
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            targets = [t.id for t in node.targets if isinstance(t, ast.Name)] if isinstance(node, ast.Assign) else \
                [node.name] if isinstance(node, (ast.FunctionDef, ast.ClassDef)) else []
            for name in targets:
                assert name not in seen, f"{path.name}: {name} defined at lines {seen[name]} and {node.lineno}"
                seen[name] = node.lineno
