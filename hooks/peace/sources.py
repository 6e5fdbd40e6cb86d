"""Source pages, the source register index, and who cites what."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .dataset import Dataset
from .kinds import page_path
from .model import Source
from .render import render


def cited(data: Any) -> Iterator[str]:
    """Every source id a record's data cites, at any depth."""
    if isinstance(data, dict):
        yield from data.get("sources", [])
        for key, value in data.items():
            if key != "sources":
                yield from cited(value)
    elif isinstance(data, list):
        for item in data:
            yield from cited(item)


def citers(dataset: Dataset) -> dict[str, list[tuple[str, Any]]]:
    """For each source id, the records that cite it, in site order."""
    out: dict[str, list[tuple[str, Any]]] = {s: [] for s in dataset.sources}
    for kind in ("round", "actor", "sticking-point", "plan"):
        for record in dataset.by_kind(kind).values():
            for source_id in dict.fromkeys(cited(record.raw)):
                out[source_id].append((kind, record))
    return out


def page(dataset: Dataset, source: Source, cited_by: list[tuple[str, Any]]) -> str:
    return render("source.md.j2", dataset, page_path("source", source.id), s=source, cited_by=cited_by)


# The register in pages of this many sources, newest first: one page of every source would pass 1 MB at
# a few thousand sources. The first page is the hand-written sources/index.md; the others are generated.
PAGE_SIZE = 300
INDEX = "sources/index.md"


def register_path(number: int) -> str:
    """Where page `number` (from 1) of the register is; "page" is no source's page, which is `sources/<id>.md`."""
    return INDEX if number == 1 else f"sources/page/{number}.md"


def _chunks(dataset: Dataset) -> list[list[Source]]:
    by_date = sorted(dataset.sources.values(), key=lambda s: (s.published or "", s.id), reverse=True)
    return [by_date[i:i + PAGE_SIZE] for i in range(0, len(by_date), PAGE_SIZE)] or [[]]


def index(dataset: Dataset, path: str) -> str:
    """The first page of the register."""
    return _register_page(dataset, path, _chunks(dataset), 1)


def register_pages(dataset: Dataset) -> list[tuple[str, str]]:
    """(path, Markdown) of the register's other pages, each with the same heading and pager as the first."""
    chunks = _chunks(dataset)
    out = []
    for number in range(2, len(chunks) + 1):
        path = register_path(number)
        out.append((path, f"# Sources, page {number}\n\n" + _register_page(dataset, path, chunks, number)))
    return out


def _register_page(dataset: Dataset, path: str, chunks: list[list[Source]], number: int) -> str:
    first = (number - 1) * PAGE_SIZE + 1
    pager = [(n, register_path(n)) for n in range(1, len(chunks) + 1)]
    return render("sources-index.md.j2", dataset, path, sources=chunks[number - 1], number=number, pager=pager,
                  first=first, last=first + len(chunks[number - 1]) - 1, total=len(dataset.sources))
