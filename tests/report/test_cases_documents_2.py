"""Another third of the labelled cases with tables (the second of every three) as Word documents and PDFs, read as
their text is read (tests/report/documents.py; why not all: test_cases_documents.py)."""
from __future__ import annotations

import pytest

from documents import made, pdfs_read_as_text, words_read_as_text
from labelled import WITH_TABLES


@pytest.fixture(scope="module")
def documents(tmp_path_factory):
    return made(WITH_TABLES[1::3], tmp_path_factory.mktemp("cases"))


def test_tables_in_word_read_as_the_text_reads_them(documents):
    words_read_as_text(documents)


def test_pdfs_of_them_read_their_figures(documents):
    pdfs_read_as_text(documents)
