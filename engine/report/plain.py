"""A report's characters as every reader of its text takes them: NFKC-normalised (full-width
digits and signs become ASCII), Markdown bold marks and no-break spaces gone; and what a
heading looks like (一、 （一） 1. 附件)."""
from __future__ import annotations

import re
import unicodedata

HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．](?!\d)|附件|附表)")
_MARKUP = re.compile(r"\*\*|__")   # bold marks of text converted from Word by hand


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    return _MARKUP.sub("", text).replace("\u00a0", " ").replace("\t", " ")
