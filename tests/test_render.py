"""The render functions on fixture records against golden Markdown in tests/golden/.

Regenerate after an intended change with `pytest --update-goldens tests/test_render.py`
and review the diff.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT
from peace import dataset, pages, rounds

GOLDEN = Path(__file__).resolve().parent / "golden"
DATA = dataset.load(FIXTURES / "minimal")
PAGES = {g.path: g for g in pages.record_pages(DATA)}
_MARKER = pages._MARKER


def _marker_uses() -> list[tuple[str, str]]:
    """(marker, page) for every marker, at the hand-written page that uses it (the home page if none does)."""
    uses = {}
    for page in sorted((ROOT / "docs").rglob("*.md")):
        for name in _MARKER.findall(page.read_text(encoding="utf-8")):
            uses.setdefault(name, page.relative_to(ROOT / "docs").as_posix())
    return [(name, uses.get(name, "index.md")) for name in sorted(pages.MARKERS)]


@pytest.fixture
def compare(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    update = request.config.getoption("--update-goldens")

    def check(name: str, actual: str) -> None:
        golden = GOLDEN / name
        if update:
            golden.parent.mkdir(parents=True, exist_ok=True)
            golden.write_text(actual, encoding="utf-8")
        assert golden.is_file(), f"no golden file {golden}; run pytest --update-goldens"
        assert actual == golden.read_text(encoding="utf-8"), f"{name} differs; pytest --update-goldens rewrites it"
    return check


@pytest.mark.parametrize("path", sorted(PAGES))
def test_record_page_matches_golden(path: str, compare) -> None:  # type: ignore[no-untyped-def]
    compare(path, PAGES[path].content)


@pytest.mark.parametrize(("name", "path"), _marker_uses())
def test_every_marker_matches_golden(name: str, path: str, compare) -> None:  # type: ignore[no-untyped-def]
    compare(f"markers/{name}.md", pages.fill_markers(f"<!-- peace:{name} -->", path, DATA))


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


def test_a_source_address_is_linked_the_same_way_everywhere() -> None:
    import dataclasses
    import re as _re

    from peace import render, sources
    data = dataset.load(FIXTURES / "minimal")
    sid = "example-news-2026-01-02-talks"
    data.sources[sid] = dataclasses.replace(data.sources[sid], url="https://news.example.org/a_b?x=1&y=[2]")
    own = sources.page(data, data.sources[sid], [])
    writer = render.Writer(data, "rounds/x.md")
    writer.cite([sid])
    cited = writer.footnotes()
    targets = {m for text in (own, cited) for m in _re.findall(r"\]\((https://news[^)]*)\)", text)}
    assert targets == {"https://news.example.org/a_b?x=1&y=[2]"}, targets


def test_coverage_names_a_position_newer_than_the_last_event_only_when_there_is_one(tmp_path: Path) -> None:
    assert "newest position of a side is dated later, 5 January 2026, on" in rounds.coverage(DATA, "index.md")
    shutil.copytree(FIXTURES / "minimal", tmp_path, dirs_exist_ok=True)
    border = tmp_path / "data/sticking-points/border.yml"
    border.write_text(border.read_text(encoding="utf-8").replace("as_of: 2026-01-05", "as_of: 2026-01-02"), encoding="utf-8")
    text = rounds.coverage(dataset.load(tmp_path), "index.md")
    assert "newest position" not in text and "Nothing later is recorded here" in text
