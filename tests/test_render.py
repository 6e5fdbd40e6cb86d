"""The render functions on fixture records against golden Markdown in tests/golden/.

Regenerate after an intended change with `UPDATE_GOLDEN=1 make test` and review the diff.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import FIXTURES
from peace import dataset, pages

GOLDEN = Path(__file__).resolve().parent / "golden"
DATA = dataset.load(FIXTURES / "minimal")
PAGES = {g.path: g for g in pages.record_pages(DATA)}
SECTIONS = ["rounds/index.md", "actors/index.md", "sticking-points/index.md", "sources/index.md",
            "plans/index.md", "plans/compare.md"]


def _compare(name: str, actual: str) -> None:
    golden = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    assert golden.is_file(), f"no golden file {golden}; run with UPDATE_GOLDEN=1"
    assert actual == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", sorted(PAGES))
def test_record_page_matches_golden(path: str) -> None:
    _compare(path, PAGES[path].content)


@pytest.mark.parametrize("path", SECTIONS)
def test_section_marker_matches_golden(path: str) -> None:
    name = {"plans/compare.md": "plan-comparison"}.get(path, path.split("/")[0])
    _compare(path, pages.fill_markers(f"<!-- peace:{name} -->", path, DATA))


def test_every_record_has_a_page_with_an_edit_target() -> None:
    expected = {f"{section}/{rid}.md" for section, ids in
                [("rounds", DATA.rounds), ("actors", DATA.actors), ("sticking-points", DATA.points),
                 ("sources", DATA.sources), ("plans", DATA.plans)] for rid in ids}
    assert set(PAGES) == expected
    assert PAGES["rounds/2026-01-sample-city.md"].edit == "data/rounds/2026-01-sample-city.yml"
    assert PAGES["sources/state-wire-2026-01-05-statement.md"].edit == "seeds/state-wire-2026-01-05-statement.yml"


def test_unknown_marker_is_an_error() -> None:
    with pytest.raises(KeyError, match="unknown marker 'peace:nope'"):
        pages.fill_markers("<!-- peace:nope -->", "index.md", DATA)


def test_role_at_the_date_of_the_round() -> None:
    ada = DATA.actors["ada-example"]
    assert ada.role_on("2026-01-02").title == "Foreign Minister"
    assert ada.role_on("2026-01-05").title == "Head of the Presidential Office"
    assert ada.role_on("2024-06-01") is None
