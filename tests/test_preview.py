"""`make serve` renders again only the record pages a saved file can change: the pages it gives are the
pages a full build gives, after edits of every kind of record, on the real data."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import make_project
from peace import dataset, pages, preview, sources
from peace.appendix import Site

SITE = Site("Site", "https://example.org/", "")


def _edit(path: Path, change: Callable[[dict[str, Any]], None]) -> None:
    """Rewrite one record file with `change` applied, keeping its schema line."""
    text = path.read_text(encoding="utf-8")
    first = text.splitlines()[0]
    data = yaml.safe_load(text)
    change(data)
    path.write_text(first + "\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000),
                    encoding="utf-8")


def _append(field: str) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        data[field] = f"{data[field]} edited"
    return change


def _most_cited(data: dataset.Dataset) -> str:
    cited_by = sources.citers(data)
    return max(cited_by, key=lambda s: len(cited_by[s]))


def _busiest_actor(data: dataset.Dataset) -> str:
    return max(data.actors, key=lambda a: len(data.refs.participation.get(a, [])))


def _first_position_stance(data: dict[str, Any]) -> None:
    data["positions"][0]["stance"] += " edited"


# (what is edited, the file of which record, the change): each kind's most linked record, and a field shown elsewhere.
EDITS: list[tuple[str, Callable[[dataset.Dataset], str], Callable[[dict[str, Any]], None]]] = [
    ("seeds/{}.yml", _most_cited, _append("outlet")),
    ("data/actors/{}.yml", _busiest_actor, _append("name")),
    ("data/rounds/{}.yml", lambda d: list(d.rounds)[-1], _append("title")),
    ("data/sticking-points/{}.yml", lambda d: next(iter(d.points)), _append("title")),
    ("data/sticking-points/{}.yml", lambda d: next(iter(d.points)), _first_position_stance),
    ("data/plans/{}.yml", lambda d: next(iter(d.plans)), _append("title")),
]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    preview.forget()
    yield make_project(tmp_path_factory.mktemp("preview"))
    preview.forget()


def _full(root: Path) -> dict[str, str | bytes]:
    return {g.path: g.content for g in pages.record_pages(dataset.load(root), SITE)}


def test_the_first_preview_build_renders_every_page(project: Path) -> None:
    built = preview.record_pages(dataset.load(project), SITE)
    assert all(modified for _, modified in built)
    assert {g.path: g.content for g, _ in built} == _full(project)


@pytest.mark.parametrize(("pattern", "pick", "change"), EDITS, ids=[f"{e[0].split('/')[-2]}-{i}" for i, e in enumerate(EDITS)])
def test_after_a_saved_record_the_preview_gives_the_pages_of_a_full_build(
        project: Path, pattern: str, pick: Callable[[dataset.Dataset], str],
        change: Callable[[dict[str, Any]], None]) -> None:
    before = _full(project)
    preview.record_pages(dataset.load(project), SITE)  # the state of the last save
    _edit(project / pattern.format(pick(dataset.load(project))), change)
    built = preview.record_pages(dataset.load(project), SITE)
    after = _full(project)
    assert preview.rendered_last() < len(after), "the preview rendered every page again"
    wrong = sorted(path for path, content in after.items() if {g.path: g.content for g, _ in built}.get(path) != content)
    assert not wrong, f"{len(wrong)} pages differ from a full build, such as {wrong[:5]}"
    modified = {g.path for g, m in built if m}
    assert modified == {path for path in after if before.get(path) != after[path]}
