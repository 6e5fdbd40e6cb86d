"""What changed since the last build of a `mkdocs serve` session, so a preview rebuilds only that.

MkDocs runs the hooks module anew on every rebuild; this module stays imported,
so it remembers the Markdown of each page between rebuilds.
"""
from __future__ import annotations

import hashlib

_seen: dict[str, bytes] = {}
_builds = [0]


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
