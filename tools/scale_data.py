"""Generate a data set k times the size of a real one, for the benchmark.

Every kind is scaled together: copy c of each record gets the id suffix `-x<c>`,
and every reference inside it points at copy c of what it named, so the copies
cross-reference each other exactly as the real records do. Names, aliases and
titles get the copy number, so names stay unique.
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path
from typing import Any

import yaml

FOLDERS = ("seeds", "data/rounds", "data/actors", "data/sticking-points", "data/plans", "data/places")
_RENAMED = ("name", "title", "headline", "topic")


def _records(src: Path) -> dict[Path, dict[str, Any]]:
    out = {}
    for folder in FOLDERS:
        for path in sorted((src / folder).glob("*.yml")):
            out[path.relative_to(src)] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return out


def _copy(value: Any, ids: set[str], copy: int, key: str = "") -> Any:
    suffix = f"-x{copy}"
    if isinstance(value, dict):
        return {k: _copy(v, ids, copy, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v, ids, copy, key) for v in value]
    if isinstance(value, str) and value in ids:
        return value + suffix
    if isinstance(value, str) and key in (*_RENAMED, "aliases"):
        return f"{value} {copy}"
    return value


def scale(src: Path, dest: Path, factor: int) -> int:
    """Write `factor` copies of the records under `src` into `dest`; returns the number of records."""
    records = _records(src)
    ids = {data["id"] for data in records.values()}
    for folder in FOLDERS:
        if (dest / folder).exists():
            shutil.rmtree(dest / folder)
        if (src / folder).is_dir():
            (dest / folder).mkdir(parents=True)
    for copy in range(1, factor + 1):
        for rel, data in records.items():
            out = data if copy == 1 else _copy(data, ids, copy)
            path = dest / rel.parent / f"{out['id']}.yml"
            path.write_text(yaml.safe_dump(out, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    return len(records) * factor


if __name__ == "__main__":
    print(scale(Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])), "records")
