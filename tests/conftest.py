"""Shared fixtures: a complete, clean dept-common submission and helpers."""
from __future__ import annotations

import copy
import json
import os
import tempfile
from pathlib import Path

# the template reference cache of the tests lives and dies with the test run
os.environ.setdefault("PERFSCORE_CACHE", tempfile.mkdtemp(prefix="perfscore-cache-"))

import pytest

from engine import evaluate
from workbook import SAMPLES_DIR

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


@pytest.fixture
def common_submission() -> dict:
    return {"rule_set": "dept-common", "dept_name": "测试局", "fiscal_year": 2024,
            "inputs": copy.deepcopy(COMMON_INPUTS), "indicators": copy.deepcopy(COMMON_INDICATORS)}


def item(evaluation, item_id: str) -> dict:
    return next(i for i in evaluation.to_dict()["items"] if i["id"] == item_id)


def codes(evaluation) -> list[str]:
    return [f.code for f in evaluation.findings]


def load_sample(prefix: str) -> dict:
    path = next(SAMPLES_DIR.glob(f"{prefix}_*.json"))
    return json.loads(path.read_text(encoding="utf-8"))


def score_of(data: dict, item_id: str) -> float | None:
    return item(evaluate(data), item_id)["score"]
