"""How fast `make check` answers: timing figures of the validation over the real data.

    .venv/bin/python tools/bench_check.py [--runs N] [--root PATH]

Prints these figures, each the best, median and worst of N runs:

- in process: `peace.dataset.load` alone (read, schema-check and cross-check
  every record) once the schemas are compiled, the work `make check` repeats;
  then its two largest parts, reading the YAML and checking the schemas, and
  for comparison the same files composed by PyYAML's C parser (libyaml);
- fresh process: `python -m peace.check`, what `make check` runs, including
  interpreter start-up, imports and compiling the schemas;
- make check: the whole command as a contributor types it (make and the
  up-to-date check of `.venv` included).

Not a test (pytest does not collect it, and no timing is asserted): machines
differ; this is for looking at the numbers.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

import yaml  # noqa: E402
from peace import dataset, schemas, yamlfile  # noqa: E402  (after the path is set)


def timed(run: Callable[[], object], runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        out.append(time.perf_counter() - start)
    return out


def line(label: str, seconds: list[float]) -> str:
    ms = sorted(s * 1000 for s in seconds)
    return (f"{label:<14} best {ms[0]:8.1f} ms   median {statistics.median(ms):8.1f} ms   "
            f"worst {ms[-1]:8.1f} ms   ({len(ms)} runs)")


def phases(root: Path, runs: int) -> None:
    """Where the in-process time goes: reading the YAML, the schemas, and the rest (cross-checks, model)."""
    files = [(kind, path, path.read_bytes()) for kind, folder in dataset.FOLDERS.items()
             for path in sorted((root / folder).glob("*.yml"))]
    loaded = [(kind, yamlfile.load(raw, path.name)[0]) for kind, path, raw in files]
    print(line("  YAML", timed(lambda: [yamlfile.load(raw, path.name) for _, path, raw in files], runs)))
    print(line("  schemas", timed(lambda: [schemas.check(kind, item) for kind, item in loaded], runs)))
    if getattr(yaml, "__with_libyaml__", False):
        # For comparison: the same files composed by PyYAML's C parser (libyaml) instead of the Python one.
        texts = [raw.decode("utf-8-sig") for _, _, raw in files]
        print(line("  (libyaml)", timed(lambda: [yaml.compose(t, Loader=yaml.CSafeLoader) for t in texts], runs)))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--root", type=Path, default=ROOT, help="project whose data/ and seeds/ to check")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "hooks")}

    first = timed(lambda: dataset.load(root), 1)  # compiles the schemas
    data = dataset.load(root)
    records = len(data.records())
    size = sum(p.stat().st_size for folder in ("data", "seeds") for p in (root / folder).rglob("*.yml"))
    print(f"{records} records ({len(data.rounds)} rounds, {len(data.actors)} actors, {len(data.points)} sticking "
          f"points, {len(data.plans)} plans, {len(data.sources)} sources), {size / 1024:.0f} KiB of YAML in {root}")
    print(line("first load", first))
    print(line("in process", timed(lambda: dataset.load(root), args.runs)))
    phases(root, args.runs)

    def fresh() -> None:
        subprocess.run([sys.executable, "-m", "peace.check", str(root)], env=env, check=True,
                       capture_output=True, cwd=root)

    print(line("fresh process", timed(fresh, args.runs)))
    if root == ROOT:
        def make() -> None:
            subprocess.run(["make", "--no-print-directory", "check"], check=True, capture_output=True, cwd=ROOT)
        print(line("make check", timed(make, args.runs)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
