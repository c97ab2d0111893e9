"""Every submitted file is hostile until shown otherwise: check it before any parser sees it.

The checks read only the file's first bytes and the zip directory; nothing is inflated
before the sizes the directory declares have been found acceptable, and nothing in the
file is ever executed (VBA is carried along as bytes, never run).
"""
from __future__ import annotations

import contextlib
import re
import zipfile
import zlib
from pathlib import Path
from typing import Iterator

MAX_FILE_BYTES = 30 * 1024 * 1024          # a submission is a few hundred KB
MAX_ENTRIES = 2_000
MAX_UNCOMPRESSED_BYTES = 150 * 1024 * 1024  # all parts together, as declared
MAX_PART_BYTES = 60 * 1024 * 1024           # one sheet's XML
MAX_RATIO = 200                              # inflated / compressed, for parts over 1 MB
MAX_ROWS = 20_000                            # a sheet's declared dimension

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"   # encrypted OOXML and old .xls files
ZIP_MAGIC = b"PK\x03\x04"


_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\s+ref="(?:[A-Z]+[0-9]+:)?[A-Z]+([0-9]+)"')


class UnsafeFile(Exception):
    """A file refused before parsing; the message says why (Chinese / English)."""


def sized(path: Path, limit: int) -> int:
    """The file's size, refused when missing, empty or over `limit` bytes."""
    try:
        size = path.stat().st_size
    except OSError:
        raise UnsafeFile(f"找不到文件 / file not found: {path}") from None
    if size == 0:
        raise UnsafeFile(f"空文件 / empty file: {path}")
    if size > limit:
        raise UnsafeFile(f"文件过大 / file too large: {path}（{size:,} 字节，上限 {limit:,}）")
    return size


def check_workbook(path: str | Path) -> None:
    with opened_workbook(path):
        pass


class _ReadOnce(zipfile.ZipFile):
    """A zip whose parts, once read, are kept: the checks read each sheet, and the readers after
    them read the same bytes without inflating them again."""

    def __init__(self, path: Path):
        super().__init__(path)
        self._read: dict[str, bytes] = {}

    def read(self, name, pwd=None) -> bytes:
        if not isinstance(name, str) or pwd is not None:
            return super().read(name, pwd)
        data = self._read.get(name)
        if data is None:
            data = self._read[name] = super().read(name)
        return data


@contextlib.contextmanager
def opened_workbook(path: str | Path) -> Iterator[zipfile.ZipFile]:
    """The workbook's zip, open, once it has passed every check (read it from this one)."""
    path = Path(path)
    with _checked_zip(path, "xl/workbook.xml", "Excel 工作簿（.xlsx/.xlsm）/ not an Excel workbook",
                      opener=_ReadOnce) as archive:
        _check_dimensions(archive, [n for n in archive.namelist()
                                    if n.startswith("xl/worksheets/") and n.endswith(".xml")])
        yield archive


def check_zip(path: Path, required: str, what: str, limit: int = MAX_FILE_BYTES) -> set[str]:
    """An Office Open XML package (workbook or Word document) that is safe to open: its size,
    its parts and their declared sizes, and the part `required`.  Returns the part names."""
    with _checked_zip(path, required, what, limit) as archive:
        return set(archive.namelist())


@contextlib.contextmanager
def _checked_zip(path: Path, required: str, what: str, limit: int = MAX_FILE_BYTES,
                 opener: type[zipfile.ZipFile] = zipfile.ZipFile) -> Iterator[zipfile.ZipFile]:
    sized(path, limit)
    with open(path, "rb") as fh:
        head = fh.read(8)
    if head.startswith(OLE_MAGIC):
        raise UnsafeFile("文件受密码保护或为旧版 Office 格式（.xls/.doc），无法读取 / password-protected or legacy Office file")
    if not head.startswith(ZIP_MAGIC):
        raise UnsafeFile(f"不是 {what}")
    try:
        archive = opener(path)
    except (zipfile.BadZipFile, OSError, ValueError):
        raise UnsafeFile("文件已损坏，无法解压 / corrupt file (bad zip)") from None
    with archive:
        _check_parts(archive, required, what)
        yield archive


def _check_parts(archive: zipfile.ZipFile, required: str, what: str) -> None:
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        raise UnsafeFile(f"文件包含 {len(infos):,} 个部件，超过上限 / too many parts")
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise UnsafeFile(f"疑似压缩炸弹（{info.filename} 压缩比 {info.file_size // max(info.compress_size, 1)}）/ zip bomb")
        if info.file_size > MAX_PART_BYTES:
            raise UnsafeFile(f"部件过大（{info.filename} 解压后 {info.file_size:,} 字节）/ part too large")
    if total > MAX_UNCOMPRESSED_BYTES:
        raise UnsafeFile(f"解压后共 {total:,} 字节，超过上限 / zip bomb or huge file")
    if required not in {info.filename for info in infos}:
        raise UnsafeFile(f"不是 {what}（缺少 {required}）")


def _check_dimensions(archive: zipfile.ZipFile, sheets: list[str]) -> None:
    """A sheet's declared size, read from its first bytes (the part's size is known to be
    acceptable: it is read whole, once, for the readers after)."""
    for name in sheets:
        try:
            head = archive.read(name)[:4096]
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, zlib.error, NotImplementedError, RuntimeError):
            raise UnsafeFile(f"文件已损坏，无法解压 / corrupt file (bad zip): {name}") from None
        match = _DIMENSION.search(head)
        if match and int(match.group(1)) > MAX_ROWS:
            raise UnsafeFile(f"工作表有 {int(match.group(1)):,} 行，超过上限 {MAX_ROWS:,} / sheet too large")
