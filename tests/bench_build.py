"""Benchmark: build time against the number of records (run: make bench).

Multiplies the fixture rounds into N synthetic copies and times a full strict
build for each N, printing seconds and seconds per record, so a reader can see
the growth is linear (no page lists every record in its sidebar).
"""
from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from conftest import FIXTURES, build, make_project  # noqa: E402

SIZES = (25, 50, 100, 200, 400)


def project_with(rounds: int, dest: Path) -> Path:
    project = make_project(dest, FIXTURES / "minimal")
    template = (project / "data/rounds/2026-01-sample-city.yml").read_text(encoding="utf-8")
    for i in range(rounds):
        rid = f"2026-01-sample-city-{i:04d}"
        text = template.replace("id: 2026-01-sample-city", f"id: {rid}").replace("title: Talks in Sample City",
                                                                               f"title: Talks in Sample City {i}")
        (project / f"data/rounds/{rid}.yml").write_text(text, encoding="utf-8")
    return project


def main() -> None:
    print(f"{'rounds':>7} {'pages':>6} {'seconds':>8} {'ms/page':>8}")
    for size in SIZES:
        with tempfile.TemporaryDirectory() as tmp:
            project = project_with(size, Path(tmp) / "p")
            start = time.perf_counter()
            result = build(project)
            seconds = time.perf_counter() - start
            if result.returncode:
                sys.exit(result.stdout + result.stderr)
            pages = sum(1 for _ in (project / "site").rglob("index.html"))
            print(f"{size:>7} {pages:>6} {seconds:>8.2f} {1000 * seconds / pages:>8.1f}")
            shutil.rmtree(project)


if __name__ == "__main__":
    main()
