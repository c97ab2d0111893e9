"""`perfscore report` and `perfscore check-report` as a user runs them: exit codes, JSON,
--extract scored by `perfscore score`, --workbook, and hostile documents refused in Chinese
without a traceback."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile

import pytest

from helpers import ROOT
from office import soffice

SEEDS = ROOT / "tests" / "data" / "seeds"


def perfscore(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "engine.cli", *map(str, args)], capture_output=True, text=True,
                          encoding="utf-8", cwd=ROOT, timeout=300)


def test_check_report_json_and_exit_codes(tmp_path):
    warned = perfscore("check-report", next(SEEDS.glob("003_*")), "--json")
    assert warned.returncode == 0, warned.stderr            # SPEC 8: a stated rate is a warning
    out = json.loads(warned.stdout)
    assert set(out) >= {"source", "claims", "stated_total", "computed_total", "findings"}
    assert {"key", "value", "where", "text"} <= set(out["claims"][0])
    assert "STATED_RATE_MISMATCH" in [f["code"] for f in out["findings"]]
    (tmp_path / "wrong.txt").write_text("全年支出 100.00 万元，其中：基本支出 60.00 万元，项目支出 30.00 万元。", encoding="utf-8")
    wrong = perfscore("check-report", tmp_path / "wrong.txt")
    assert wrong.returncode == 1 and "SUM_MISMATCH" in wrong.stdout
    clean = perfscore("check-report", next(SEEDS.glob("000_*")))
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "未发现问题" in clean.stdout


def test_extract_then_score(tmp_path):
    data = tmp_path / "data.json"
    result = perfscore("check-report", next(SEEDS.glob("000_*")), "--extract", data)
    assert result.returncode == 0 and data.exists()
    scored = perfscore("score", data, "--json")
    assert scored.returncode == 0, scored.stdout + scored.stderr
    assert json.loads(scored.stdout)["total"] == 100


def test_report_from_a_workbook_and_checked_against_it(samples, tmp_path):
    import docx
    draft = tmp_path / "draft.docx"
    made = perfscore("report", samples["004"], "-o", draft)
    assert made.returncode == 0, made.stderr
    same = perfscore("check-report", draft, "--workbook", samples["004"], "--json")
    assert same.returncode == 0, same.stdout
    assert not [f for f in json.loads(same.stdout)["findings"] if f["code"] == "REPORT_WORKBOOK_MISMATCH"]
    document = docx.Document(str(draft))       # the department retypes one figure
    for p in document.paragraphs:
        if "全年实际支出 3,262.41 万元" in p.text:
            p.runs[0].text = p.text.replace("全年实际支出 3,262.41 万元", "全年实际支出 3,226.41 万元")
            for run in p.runs[1:]:
                run.text = ""
            break
    else:
        pytest.fail("the spending sentence is missing from the draft")
    edited = tmp_path / "edited.docx"
    document.save(str(edited))
    checked = perfscore("check-report", edited, "--workbook", samples["004"], "--json")
    assert checked.returncode == 1
    findings = json.loads(checked.stdout)["findings"]
    mismatch = [f for f in findings if f["code"] == "REPORT_WORKBOOK_MISMATCH"]
    assert any("报告写 3,226.41 万元，工作簿为 3,262.41 万元" in f["message"] for f in mismatch), findings
    assert any(f["code"] == "STATED_RATE_MISMATCH" for f in findings)   # 97.80% no longer follows
    assert all(f["where"].startswith("第") and f["where"].endswith("段") for f in mismatch)


def test_report_never_overwrites_its_source(samples, tmp_path):
    result = perfscore("report", samples["004"], "-o", samples["004"])
    assert result.returncode == 2 and "新文件" in result.stderr


def _encrypted_pdf(tmp_path):
    import docx
    document = docx.Document()
    document.add_paragraph("全年预算数为 951.76 万元，全年实际支出资金 919.76 万元，预算执行率为 96.64%。")
    document.save(str(tmp_path / "secret.docx"))
    options = '{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"x"}}'
    result = soffice(tmp_path, "--convert-to", f"pdf:writer_pdf_Export:{options}", "--outdir", str(tmp_path),
                     str(tmp_path / "secret.docx"))
    assert result.returncode == 0 and (tmp_path / "secret.pdf").exists(), result.stderr
    return tmp_path / "secret.pdf"


def test_hostile_and_unreadable_documents(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(os.urandom(2048) + b"\0")
    (tmp_path / "random.docx").write_bytes(os.urandom(4096))
    (tmp_path / "fake.pdf").write_text("not a pdf", encoding="utf-8")
    (tmp_path / "report.doc").write_bytes(b"\xd0\xcf\x11\xe0" + os.urandom(100))
    with zipfile.ZipFile(tmp_path / "bomb.docx", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"\0" * (80 * 1024 * 1024))
    (tmp_path / "blank.pdf").write_bytes(b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
                                         b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
                                         b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
                                         b"trailer<</Root 1 0 R>>\n%%EOF\n")
    expected = {"empty.txt": "空文件", "binary.txt": "不是文本", "random.docx": "不是 Word", "fake.pdf": "不是 PDF",
                "report.doc": "不支持", "bomb.docx": "压缩炸弹", "blank.pdf": "没有文字层",
                _encrypted_pdf(tmp_path).name: "已加密"}
    for name, fragment in expected.items():
        result = perfscore("check-report", tmp_path / name)
        assert result.returncode == 2, (name, result.stdout)
        assert fragment in result.stderr, (name, result.stderr)
        assert "Traceback" not in result.stderr + result.stdout
    missing = perfscore("check-report", tmp_path / "nothing.txt")
    assert missing.returncode == 2 and "找不到文件" in missing.stderr
