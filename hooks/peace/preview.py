"""What changed since the last build of a `mkdocs serve` session, so a preview rebuilds only that.

MkDocs runs the hooks module anew on every rebuild; this module stays imported,
so it remembers the Markdown of each page between rebuilds. When only record
files changed, just the pages that can show what changed are rendered again:
a record's page shows what it names and what names it, and what those name in
turn (an actor's page cites the sources of the positions that name the actor).
Anything else (a file added or removed, a template, a place, the history of
the repository) renders every page, as a full build does.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from . import checks, pages
from .appendix import Site
from .dataset import Dataset
from .render import TEMPLATES

Key = tuple[str, str]  # (kind, id) of a record
Graph = dict[Key, set[Key]]

_seen: dict[str, bytes] = {}
_builds = [0]
_last: dict[str, object] = {}  # the previous build's digests, references, context and pages
_rendered = [0]


def forget() -> None:
    """Start over, as a new `mkdocs serve` does."""
    _seen.clear()
    _last.clear()
    _builds[0] = 0


def rendered_last() -> int:
    """How many pages the last call of record_pages rendered."""
    return _rendered[0]


def start_build() -> int:
    """Count a build of the session; returns its number, 1 for the first."""
    _builds[0] += 1
    return _builds[0]


def changed(path: str, content: str | bytes) -> bool:
    """Whether `path` has other content than at the last build (always true the first time)."""
    digest = hashlib.blake2b(content.encode() if isinstance(content, str) else content, digest_size=16).digest()
    before = _seen.get(path)
    _seen[path] = digest
    return before != digest


def record_pages(dataset: Dataset, site: Site) -> list[tuple[pages.Generated, bool]]:
    """Every record page with whether it changed since the last build; renders only those that can have."""
    digests = {(dataset.kinds[rel], Path(rel).stem): d for rel, d in dataset.digests.items()}
    graph = references(dataset)
    context = (_context(dataset.root), site)
    redo = _affected(digests, graph, context)
    fresh = {g.path: g for g in pages.record_pages(dataset, site, only=redo)}
    _rendered[0] = len(fresh)
    before: dict[str, pages.Generated] = _last.get("pages", {}) if redo is not None else {}  # type: ignore[assignment]
    now = {**before, **fresh}
    _last.update(digests=digests, graph=graph, context=context, pages=now)
    return [(g, changed(path, g.content)) for path, g in now.items()]


def references(dataset: Dataset) -> Graph:
    """For each record, the records it names (by the walker the check uses)."""
    out: Graph = {}
    for rel, loaded in dataset.loaded.items():
        key = (dataset.kinds[rel], Path(rel).stem)
        out[key] = {(kind, ref) for _, kind, ref in checks.named_ids(loaded.data) if isinstance(ref, str)}
    return out


def _affected(digests: dict[Key, bytes], graph: Graph, context: object) -> set[Key] | None:
    """The records whose pages can differ from the last build's, or None for all of them."""
    old: dict[Key, bytes] | None = _last.get("digests")  # type: ignore[assignment]
    if old is None or old.keys() != digests.keys() or _last.get("context") != context:
        return None
    old_graph: Graph = _last.get("graph", {})  # type: ignore[assignment]
    # References a changed record had before count too: the page it no longer names still showed it.
    names = {k: graph.get(k, set()) | old_graph.get(k, set()) for k in graph.keys() | old_graph.keys()}
    return dependents([k for k, d in digests.items() if old[k] != d], names)


def dependents(edited: Iterable[Key], names: Graph) -> set[Key]:
    """The records whose pages can show something of `edited`: a page shows what its record names, what
    names it, and what those name or are named by, one step further."""
    named_by: Graph = {}
    for key, targets in names.items():
        for target in targets:
            named_by.setdefault(target, set()).add(key)
    out = set(edited)
    for key in edited:
        out |= named_by.get(key, set()) | names.get(key, set())
        for other in named_by.get(key, set()):
            out |= names.get(other, set()) | named_by.get(other, set())
    return out


def _context(root: Path) -> tuple[tuple[str, int, int], ...]:
    """The files besides the records that pages are made from: templates and places."""
    files = [*TEMPLATES.rglob("*"), *(root / "data/places").glob("*.yml")]
    return tuple((str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in sorted(files) if f.is_file())
