"""`make bench`: build time, memory and page sizes at several sizes of data, old code beside new.

For each scale the real data is multiplied (tools/scale_data.py: every kind
together, cross-references like the real ones) and built `--runs` times with the
hooks, each build followed by one of the same Markdown (written by the package's
own export) with plain MkDocs, without hooks; the ratio of the two is printed, of
the least wall time and of the least processor time (user and system), which
moves less with the state of the disk. With
`--baseline REF` the same data is built by the code at REF too, in one run, so
the figures sit side by side on the same machine.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from scale_data import scale

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hooks"))
from peace.build import plain_config  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
CODE = ("mkdocs.yml", "docs", "hooks", "schemas")

# Runs a command and reports the peak memory of it and its children, in KiB, and their processor time
# (user and system), in seconds, on stderr's last line.
_MEASURED = ("import resource, subprocess, sys\n"
             "code = subprocess.run(sys.argv[1:]).returncode\n"
             "used = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
             "print(used.ru_maxrss, used.ru_utime + used.ru_stime, file=sys.stderr)\n"
             "sys.exit(code)\n")

# Writes the Markdown and files the hooks would serve, with the package's own functions (present in old and new code),
# so the plain build writes the same site.
_EXPORT = ("import sys\nfrom pathlib import Path\nfrom peace import dataset, pages\n"
           "root, out = Path(sys.argv[1]), Path(sys.argv[2])\n"
           "data = dataset.load(root)\n"
           "def put(rel, content):\n"
           "    path = out / 'docs' / rel\n"
           "    path.parent.mkdir(parents=True, exist_ok=True)\n"
           "    path.write_bytes(content if isinstance(content, bytes) else content.encode())\n"
           "for f in sorted((root / 'docs').rglob('*')):\n"
           "    if f.is_file():\n"
           "        rel = f.relative_to(root / 'docs').as_posix()\n"
           "        put(rel, pages.fill_markers(f.read_text(), rel, data) if f.suffix == '.md' else f.read_bytes())\n"
           "api = getattr(pages, 'api_pages', lambda data: [])(data)  # the per-record JSON, where the code has it\n"
           "for g in [*pages.record_pages(data), *pages.downloads(data, 'http://127.0.0.1:8000/', 'Site'), *api]:\n"
           "    put(g.path, g.content)\n")


@dataclass
class Result:
    records: int
    pages: int
    times: list[float]
    peak_mib: float
    mean_kib: float
    max_kib: float
    search_kib: float
    plain: float
    largest: str  # the page of max_kib
    cpu: float  # least processor time of a hooked build, user and system
    plain_cpu: float  # the same for the plain builds


def _run(cmd: list[str], cwd: Path, env: dict[str, str], timeout: float | None = None) -> tuple[float, float, float]:
    """Wall seconds, peak MiB and processor seconds of `cmd`."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _MEASURED, *cmd], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=timeout)
    seconds = time.perf_counter() - start
    if done.returncode:
        sys.exit(f"failed in {cwd}: {' '.join(cmd)}\n{done.stdout[-3000:]}{done.stderr[-3000:]}")
    peak, cpu = done.stderr.strip().splitlines()[-1].split()
    return seconds, int(peak) / 1024, float(cpu)


def measure(code: Path, data: Path, work: Path, runs: int) -> Result:
    """Build the data at `data` with the code at `code`, `runs` times, then plainly."""
    project = work / "project"
    shutil.rmtree(project, ignore_errors=True)
    project.mkdir(parents=True)
    for name in CODE:
        (shutil.copytree if (code / name).is_dir() else shutil.copy2)(code / name, project / name)
    for name in ("data", "seeds"):
        shutil.copytree(data / name, project / name)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project / "hooks")}
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir"]
    plain_dir = work / "plain"
    shutil.rmtree(plain_dir, ignore_errors=True)
    if (project / "hooks/peace/build.py").is_file():  # the code's own export, byte for byte what its hooks serve
        subprocess.run([sys.executable, "-m", "peace", "build", str(plain_dir)], cwd=project, env=env, check=True,
                       capture_output=True)
    else:
        subprocess.run([sys.executable, "-c", _EXPORT, str(project), str(plain_dir)], env=env, check=True)
        (plain_dir / "mkdocs.yml").write_text(plain_config(project), encoding="utf-8")
    times, cpus, plains, plain_cpus, peak = [], [], [], [], 0.0
    # Hooked and plain builds take turns, so both meet the same state of the disk and its cache.
    for _ in range(runs):
        shutil.rmtree(project / "site", ignore_errors=True)
        seconds, mib, cpu = _run([*mkdocs, str(project / "site")], project, env)
        times.append(seconds)
        cpus.append(cpu)
        peak = max(peak, mib)
        shutil.rmtree(plain_dir / "site", ignore_errors=True)
        seconds, _, cpu = _run([*mkdocs, str(plain_dir / "site")], plain_dir, {**env, "PYTHONPATH": ""})
        plains.append(seconds)
        plain_cpus.append(cpu)
    by_page = {p.relative_to(project / "site").as_posix(): p.stat().st_size / 1024 for p in (project / "site").rglob("*.html")}
    sizes = list(by_page.values())
    records = sum(1 for n in ("data", "seeds") for _ in (project / n).rglob("*.yml"))
    return Result(records, len(sizes), times, peak, statistics.mean(sizes), max(sizes),
                  (project / "site/search/search_index.json").stat().st_size / 1024, min(plains),
                  max(by_page, key=by_page.__getitem__), min(cpus), min(plain_cpus))


def heavy_file(code: Path, work: Path, citations: int = 20_000) -> float:
    """Seconds to build the fixture with one round whose outcomes cite one source `citations` times.

    The file stays within every limit of a record (512 KiB); with footnotes, Python-Markdown searched
    for a free id on each repeated reference, so such a file took minutes.
    """
    project = work / "heavy"
    shutil.rmtree(project, ignore_errors=True)
    project.mkdir(parents=True)
    for name in CODE:
        (shutil.copytree if (code / name).is_dir() else shutil.copy2)(code / name, project / name)
    fixture = ROOT / "tests/fixtures/minimal"
    for name in ("data", "seeds"):
        shutil.copytree(fixture / name, project / name)
    source = (project / "seeds/example-news-2026-01-02-talks.yml").read_text(encoding="utf-8")
    (project / "seeds/s.yml").write_text(source.replace("id: example-news-2026-01-02-talks", "id: s"), encoding="utf-8")
    path = project / "data/rounds/2026-01-sample-city.yml"
    text = path.read_text(encoding="utf-8").replace("sources: [example-news-2026-01-02-talks]\nreviewed",
                                                    "sources: [example-news-2026-01-02-talks, s]\nreviewed")
    # Unindented block style, the smallest a contributor would write: 25 bytes per outcome.
    many = "".join("- text: a\n  sources: [s]\n" for _ in range(citations))
    before, rest = text.split("outcomes:\n", 1)
    path.write_text(before + rest[rest.index("quotes:\n"):] + "outcomes:\n" + many, encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project / "hooks")}
    seconds, _, _ = _run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir",
                       str(project / "site")], project, env, timeout=600)
    return seconds


def _table(label: str, results: dict[int, Result]) -> None:
    print(f"\n{label}")
    print(f"{'scale':>6} {'records':>8} {'pages':>7} {'min s':>7} {'median s':>9} {'peak MiB':>9} "
          f"{'mean KiB':>9} {'max KiB':>8} {'index KiB':>10} {'plain s':>8} {'hooked/plain':>13} "
          f"{'cpu s':>6} {'plain cpu s':>12} {'cpu ratio':>10}")
    for k, r in results.items():
        best = min(r.times)
        print(f"{'x' + str(k):>6} {r.records:>8,} {r.pages:>7,} {best:>7.1f} {statistics.median(r.times):>9.1f} "
              f"{r.peak_mib:>9.0f} {r.mean_kib:>9.1f} {r.max_kib:>8.0f} {r.search_kib:>10,.0f} {r.plain:>8.1f} "
              f"{best / r.plain:>12.2f}x {r.cpu:>6.1f} {r.plain_cpu:>12.1f} {r.cpu / r.plain_cpu:>9.2f}x  "
              f"largest: {r.largest}")
    scales = sorted(results)
    for a, b in zip(scales, scales[1:], strict=False):
        ta, tb = min(results[a].times), min(results[b].times)
        exponent = math.log(tb / ta) / math.log(b / a)
        print(f"  x{a} -> x{b}: time x{tb / ta:.2f} for data x{b / a:g}; growth exponent {exponent:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="1,10,50", help="comma-separated multiples of the real data")
    parser.add_argument("--runs", type=int, default=3, help="builds per scale; the minimum and median are shown")
    parser.add_argument("--baseline", help="a git revision whose code builds the same data beside the current code")
    parser.add_argument("--heavy", type=int, default=20_000, help="citations of one source in one file (0: skip)")
    parser.add_argument("--data", default=None, help="a git revision whose data/ and seeds/ are scaled (default: "
                                                     "the baseline's, so both codes can read it; else the work tree)")
    args = parser.parse_args()
    scales = [int(s) for s in args.scales.split(",")]
    with tempfile.TemporaryDirectory(prefix="peace-bench-") as tmp:
        work = Path(tmp)
        codes = {"current work tree": ROOT}
        if args.baseline:
            codes = {f"baseline {args.baseline}": _checkout(args.baseline, work / "baseline"), **codes}
        source = _checkout(args.data or args.baseline, work / "data-src") if (args.data or args.baseline) else ROOT
        results: dict[str, dict[int, Result]] = {label: {} for label in codes}
        for k in scales:
            data = work / f"data-x{k}"
            scale(source, data, k)
            for label, code in codes.items():
                results[label][k] = measure(code, data, work / "run", args.runs)
                print(f"  measured x{k} with {label}: min {min(results[label][k].times):.1f} s", flush=True)
            shutil.rmtree(data)
        for label, by_scale in results.items():
            _table(label, by_scale)
        if args.heavy:
            print(f"\nOne file citing one source {args.heavy:,} times (limit 600 s):")
            for label, code in codes.items():
                try:
                    print(f"  {label}: {heavy_file(code, work, args.heavy):.1f} s", flush=True)
                except subprocess.TimeoutExpired:
                    print(f"  {label}: not done after 600 s")
        print("\n" + json.dumps({label: {k: vars(r) for k, r in by.items()} for label, by in results.items()}))


def _checkout(rev: str, dest: Path) -> Path:
    """The tree of `rev`, without touching the work tree."""
    dest.mkdir(parents=True, exist_ok=True)
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev], capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)
    return dest


if __name__ == "__main__":
    main()
