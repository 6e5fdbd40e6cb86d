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


def index(dataset: Dataset, path: str) -> str:
    by_date = sorted(dataset.sources.values(), key=lambda s: (s.published or "", s.id), reverse=True)
    return render("sources-index.md.j2", dataset, path, sources=by_date)
