"""Helpers and worked fixtures shared by the tests (importable from every test folder)."""
from __future__ import annotations

import json
import os
import shutil
import zipfile
from pathlib import Path

import openpyxl

from engine import evaluate
from engine.book.names import name_map
from workbook import SAMPLES_DIR, xlwings_base

ROOT = Path(__file__).resolve().parent.parent

COMMON_INPUTS = {
    "budget_initial": 13000, "budget_adjust": 892.35, "budget_total": 13892.35, "spend_total": 13817.33,
    "prep_violations": 0, "goal_missing": 0, "key_tasks_incomplete": 0,
    **{f"prep_reasonable_{k}": "是" for k in range(1, 6)},
    **{f"clarity_{k}": "是" for k in range(1, 6)},
    "spend_compliance": "是", "adjust_amount": 892.35, "accounting_compliance": "是", "serious_violation": "否",
    "procurement_plan": 120, "procurement_spend": 118.5, "procurement_policy": "是",
    "budget_disclosure": "按规定公开", "final_disclosure": "按规定公开",
    "supervision_1": "是", "supervision_2": "是", "procedure_1": "是", "procedure_2": "是",
    "asset_total": 500, "asset_in_use": 480, "asset_safety_1": "是", "asset_safety_2": "是",
    "staff_quota": 50, "staff_actual": 48, "staff_outside": 2,
    "system_1": "是", "system_2": "是", "system_3": "是",
    "sangong_budget": 20, "sangong_spend": 15, "public_budget": 100, "public_spend": 95,
    "projects_planned": 4, "projects_completed": 4,
    "spend_q1": 6343.97, "spend_q2": 8051.96, "spend_q3": 9164.78, "spend_q4": 13817.33,
    "satisfaction": "96%", "petition_channel": "是",
    "petitions_total": 10, "petitions_replied": 10, "petitions_timely": 10,
}
COMMON_INDICATORS = [
    {"level1": "效果性指标", "level2": "社会效益", "name": "群众办事满意率", "direction": "≥", "target": 95,
     "unit": "%", "actual": 100, "weight": 15, "deviation_reason": "服务流程优化"},
    {"level1": "效果性指标", "level2": "可持续影响", "name": "制度建设完成情况", "direction": "定性",
     "target": "达成年度指标", "coefficient": "90%", "weight": 10, "deviation_reason": "个别制度尚在修订"},
]
# The points the complete dept-common submission loses, worked by hand from COMMON_INPUTS;
# every other row scores its full weight.
COMMON_LOSSES = {
    "procurement": 0.01,       # 118.5 / 120 = 98.75% × 1 → 0.99, + 1 for the policy = 1.99 of 2
    "public_cost": 1,          # 三公 15/20 = 75% < 90% → 3; 公用 95/100 = 95% ≤ 100% → 2: 5 of 6
    "budget_execution": 0.13,  # SPEC 4.6's worked example: 1 + 1 + 0.8796 + 0.9946 + 2 = 5.87 of 6
    "effectiveness": 1,        # 15 × min(100/95, 1) + 10 × 90% = 24 of 25
}
COMMON_TOTAL = round(100 - sum(COMMON_LOSSES.values()), 2)           # 97.86
# Sample 004 (农业农村局), worked by hand from workbook/samples/004_*.json
SAMPLE_004_LOSSES = {
    "indicator_clarity": 0.5,  # clarity_4 given 0.5 of 1
    "procurement": 0.04,       # 179.25 / 186.4 = 96.16% → 0.96, + 1 = 1.96 of 2
    "outside_staff": 0.5,      # 4 / (58 + 4) = 6.45%: not < 5%, ≤ 10% → 0.5 of 1
    "public_cost": 1,          # 三公 (15.83 + 4.96) / (18.5 + 6.2) = 84.17% → 3; 公用 97.60% → 2
    "budget_execution": 0.39,  # r = .8421 .9481 .9744 .9780 (each capped at 1): 3.7427 + 2 × .9357 = 5.61
    "effectiveness": 0.35,     # 10 + 8 + 7 × 95% = 24.65 of 25
}
SAMPLE_004_TOTAL = round(100 - sum(SAMPLE_004_LOSSES.values()), 2)   # 97.22


def build_templates(folder: Path, flavour: str = "udf") -> dict[str, Path]:
    """A template of every shipped rule set in `folder`: rule set → path."""
    from engine.book.fill import save_atomic
    from engine.book.template import build_template
    from engine.core import rulesets
    paths = {}
    for name in rulesets.available():
        paths[name] = folder / f"{name}.xlsx"
        save_atomic(build_template(rulesets.load(name), flavour=flavour), paths[name])
    return paths


def item(evaluation, item_id: str) -> dict:
    return next(i for i in evaluation.to_dict()["items"] if i["id"] == item_id)


def codes(evaluation) -> list[str]:
    return [f.code for f in evaluation.findings]


def load_sample(prefix: str) -> dict:
    path = next(SAMPLES_DIR.glob(f"{prefix}_*.json"))
    return json.loads(path.read_text(encoding="utf-8"))


def score_of(data: dict, item_id: str) -> float | None:
    return item(evaluate(data), item_id)["score"]


def edited(source, target, **names):
    """A copy of workbook `source` with values typed into named cells."""
    wb = openpyxl.load_workbook(source)
    cells = name_map(wb)
    for name, value in names.items():
        wb[cells[name].sheet][cells[name].ref].value = value
    wb.save(target)
    return target


def type_into(wb, edits: dict) -> dict[str, str]:
    """Values typed into an openpyxl workbook as a person types them (text stays text): keys are
    defined names or "indicator:ROW:COLUMN"; returns each key's cell ("预算数据!B9")."""
    from engine.book.names import indicator_cell
    names, where = name_map(wb), {}
    for key, value in edits.items():
        if key.startswith("indicator:"):
            _, row, column = key.split(":")
            cell = indicator_cell(int(row), column)
        else:
            cell = names[key]
        wb[cell.sheet][cell.ref].value = value
        where[key] = str(cell)
    return where


def hostile_files(folder) -> dict[str, str]:
    """name → a fragment of the reason it must be refused with"""
    (folder / "empty.xlsx").write_bytes(b"")
    (folder / "random.xlsx").write_bytes(os.urandom(4096))
    (folder / "text.xlsx").write_text("部门名称,总分\n某局,100\n", encoding="utf-8")
    (folder / "password.xlsx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + os.urandom(4088))
    plain = openpyxl.Workbook()
    plain.active["A1"] = "别的表"
    plain.save(folder / "plain.xlsx")
    with zipfile.ZipFile(folder / "bomb.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("xl/worksheets/sheet1.xml", b"\0" * (80 * 1024 * 1024))
    _corrupt_sheet(folder / "corrupt.xlsx")
    huge = openpyxl.Workbook()
    huge.active["A1"] = 1
    huge.active["A900000"] = 1
    huge.save(folder / "huge.xlsx")
    shutil.copy(xlwings_base(), folder / "macros.xlsm")
    return {"empty.xlsx": "空文件", "random.xlsx": "不是 Excel", "text.xlsx": "不是 Excel",
            "password.xlsx": "密码", "plain.xlsx": "不是 perfscore 模板", "bomb.xlsx": "压缩炸弹",
            "huge.xlsx": "行", "macros.xlsm": "不是 perfscore 模板", "corrupt.xlsx": "损坏"}


def _corrupt_sheet(path) -> None:
    """A workbook whose zip directory is sound but whose sheet's deflated bytes are not."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("xl/worksheets/sheet1.xml", os.urandom(3000).hex())
    with zipfile.ZipFile(path) as z:
        info = z.getinfo("xl/worksheets/sheet1.xml")
    data = bytearray(path.read_bytes())
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start:start + 64] = bytes(range(64))
    path.write_bytes(bytes(data))
