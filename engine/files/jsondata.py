"""Submission data (SPEC 7.3) read from a JSON file, with a message that says what is wrong."""
from __future__ import annotations

import json
from pathlib import Path

from .safety import UnsafeFile, sized

MAX_JSON_BYTES = 20 * 1024 * 1024


class InputFileError(Exception):
    """A file we cannot read as a submission; the message says why, in Chinese and English."""


def read_json(path: str | Path) -> dict:
    path = Path(path)
    try:
        sized(path, MAX_JSON_BYTES)
    except UnsafeFile as exc:
        raise InputFileError(str(exc)) from None
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputFileError(f"文件不是 UTF-8 文本 / not UTF-8 text: {path} (byte {exc.start})") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputFileError(f"JSON 格式错误 / invalid JSON: {path} 第{exc.lineno}行第{exc.colno}列: {exc.msg}") from None
    if not isinstance(data, dict):
        raise InputFileError(f"JSON 顶层应为对象 / top level must be an object: {path}")
    return data
