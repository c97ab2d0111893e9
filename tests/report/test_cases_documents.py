"""A third of the labelled cases with tables (the first of every three) as Word documents and as LibreOffice's PDFs
of those, read as their text is read (tests/report/documents.py). With test_cases_documents_2.py, two thirds of them:
all of them kept `make test` over its 20 minutes on two cores once there were 350 (every case is read as text by
test_cases.py)."""
from __future__ import annotations

import pytest

from documents import made, pdfs_read_as_text, words_read_as_text
from labelled import WITH_TABLES


@pytest.fixture(scope="module")
def documents(tmp_path_factory):
    return made(WITH_TABLES[0::3], tmp_path_factory.mktemp("cases"))


def test_tables_in_word_read_as_the_text_reads_them(documents):
    words_read_as_text(documents)


def test_pdfs_of_them_read_their_figures(documents):
    pdfs_read_as_text(documents)
