"""Hostile and broken inputs against the real build: each is refused with file:line, or stays inert text.

The corpus is in `tests/hostile/cases.py`. Rejected cases run `make check` in this process
(`peace.check.main`), and the ones marked `build` also the strict build in its own process, which must stop
before writing a site and print no traceback. Inert cases all go into one build,
checked page by page against a twin build of the same edits with plain words.
"""
from __future__ import annotations

import hashlib
import itertools
import json
import os
import re
import time
import tracemalloc
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import FIXTURES, build, make_project
from hostile.cases import (
    BOMB,
    INERT,
    MARKER_FILE,
    REJECTED,
    SECRET,
    TITLE,
    Content,
    Inert,
    Link,
    Pipe,
    Rejected,
    Symlink,
    fixture,
    folded,
    quoted,
)
from htmlpage import Page
from peace import check, schemas, yamlfile

SITE_NAME = "Ukraine Peace Process Reference"
# Attributes that hold an address a browser may follow or load.
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "srcset", "poster", "data", "xlink:href", "background")
UNSAFE_SCHEME = re.compile(r"^(javascript|vbscript|data|file):", re.IGNORECASE)


def write(project: Path, files: dict[str, Content]) -> None:
    for rel, content in files.items():
        path = project / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.is_symlink() or path.exists():
            path.unlink()
        if isinstance(content, Symlink):
            target = project.parent / content.target
            target.write_text(content.text, encoding="utf-8")
            path.symlink_to(target)
        elif isinstance(content, Link):
            path.symlink_to(content.target)
        elif isinstance(content, Pipe):
            os.mkfifo(path)
        elif isinstance(content, bytes):
            path.write_bytes(content)
        elif content is not None:
            path.write_text(content, encoding="utf-8")


def checksums(project: Path) -> dict[str, str]:
    """sha256 of every file under data/ and seeds/, by path."""
    return {p.relative_to(project).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for folder in ("data", "seeds") for p in sorted((project / folder).rglob("*")) if p.is_file()}


def expected_output(case: Rejected) -> list[str]:
    count = len(case.problems)
    return [*case.problems, f"{count} error{'s' if count != 1 else ''} found; nothing was built."]


def rejected_project(tmp_path: Path, case: Rejected) -> Path:
    project = make_project(tmp_path / "project", FIXTURES / "minimal")
    write(project, case.files)
    return project


# --- rejected inputs -----------------------------------------------------------------------------------

@pytest.mark.parametrize("case", REJECTED, ids=lambda c: c.id)
def test_check_rejects_with_file_and_line(case: Rejected, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = rejected_project(tmp_path, case)
    before = checksums(project)
    status = check.main([str(project)])
    result = capsys.readouterr()
    output = result.out + result.err
    assert status == 1, output
    assert result.err.splitlines() == expected_output(case)
    assert checksums(project) == before
    assert not (tmp_path / MARKER_FILE).exists(), "a YAML tag ran a command"
    assert SECRET.split()[-1] not in output


@pytest.mark.parametrize("case", [c for c in REJECTED if c.build], ids=lambda c: c.id)
def test_build_stops_and_writes_no_site(case: Rejected, tmp_path: Path) -> None:
    project = rejected_project(tmp_path, case)
    before = checksums(project)
    result = build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    lines = output.splitlines()
    assert all(line in lines for line in expected_output(case)), output
    assert not (project / "site").exists()
    assert not (tmp_path / MARKER_FILE).exists(), "a YAML tag ran a command"
    assert SECRET.split()[-1] not in output
    assert "root:x:0:0" not in output and os.environ.get("PATH", "PATH") not in output  # nothing of the machine
    assert checksums(project) == before


def test_corpus_is_large_and_ids_are_unique() -> None:
    ids = [c.id for c in [*REJECTED, *INERT]]
    assert len(ids) == len(set(ids))
    assert len(ids) >= 95


def test_ten_thousand_errors_are_capped_and_sorted_as_numbers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hosts = ", ".join(f"nobody-{i}" for i in range(10_000))
    project = rejected_project(tmp_path, Rejected("many", {
        "data/rounds/2026-01-sample-city.yml": fixture("data/rounds/2026-01-sample-city.yml").replace(
            "hosts: [northland]", f"hosts: [{hosts}]")}, ()))
    started = time.perf_counter()
    assert check.main([str(project)]) == 1
    assert time.perf_counter() - started < 10
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 202
    assert [line.split(": ")[1] for line in lines[:12]] == [f"hosts[{i}]" for i in range(12)]
    assert lines[-2:] == ["... and 9800 more", "10000 errors found; nothing was built."]


def test_alias_bomb_fails_fast_in_bounded_memory() -> None:
    tracemalloc.start()
    started = time.perf_counter()
    try:
        loaded, problems = yamlfile.load(BOMB.encode(), "bomb.yml")
        elapsed = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [str(p) for p in problems] == ["bomb.yml:3: anchors and aliases (& and *) are not allowed; write the value out"]
    assert loaded.data is None
    assert peak < 50 * 1024 * 1024
    assert elapsed < 1.0


@pytest.mark.parametrize("raw, problem", [
    (b"a: " + b"[" * 500_000, "x.yml:1: nested more than 12 levels deep"),
    (b"a: " + b"1:" * 250_000 + b"1", "x.yml:1: a: number '1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1...' is too long; "
                                       "put it in quotes if it is text"),
    (b"a: " + b"x" * 500_000 + b"\n#\xc2\x85", "x.yml:2: invisible or invalid character U+0085 is not allowed; remove it"),
], ids=["brackets", "base-60-number", "long-line"])
def test_worst_files_under_the_size_limit_load_quickly(raw: bytes, problem: str) -> None:
    """A base-60 number of 250 000 digits once took 30 s to convert; no file under the limit may be that slow."""
    started = time.perf_counter()
    problems = yamlfile.load(raw, "x.yml")[1]
    assert time.perf_counter() - started < 5
    assert [str(p) for p in problems] == [problem]


def test_long_list_that_cannot_be_sorted_validates_in_linear_time() -> None:
    """jsonschema's own uniqueItems compares every pair when a list mixes types: 20 000 aliases took half a minute."""
    record = yamlfile.load(fixture("data/actors/southland.yml").encode(), "data/actors/southland.yml")[0]
    record.data["aliases"] = [f"alias {i}" for i in range(20_000)] + [1]
    started = time.perf_counter()
    problems = schemas.check("actor", record)
    assert time.perf_counter() - started < 5
    assert [str(p) for p in problems] == ["data/actors/southland.yml:4: aliases[20000]: expected text, got a number"]


# --- inert inputs --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Sites:
    project: Path
    site: Path
    twin: Path
    before: dict[str, str]
    after: dict[str, str]


def _plain(payload: str, n: int) -> str:
    return "\n\n".join(f"plain {n} {i}" for i, _ in enumerate(folded(payload)))


def _inert_files(twin: bool) -> dict[str, Content]:
    """Every inert case's edits in one data set; the twin writes plain words instead of the payloads."""
    texts: dict[str, str] = {}
    counter = itertools.count()
    for case in INERT:
        for f in case.fields:
            if not twin:
                payloads = f.payloads
            else:
                payloads = f.twin or tuple(_plain(p, next(counter)) for p in f.payloads)
            text = texts.get(f.file, fixture(f.file))
            assert f.old in text, f"{case.id}: {f.old!r} not in {f.file}"
            texts[f.file] = text.replace(f.old, f.new % tuple(quoted(p) for p in payloads), 1)
    files: dict[str, Content] = dict(texts)
    for case in INERT:
        if case.bom:
            files[case.bom] = b"\xef\xbb\xbf" + texts.get(case.bom, fixture(case.bom)).encode("utf-8")
    return files


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Sites:
    project = make_project(tmp_path_factory.mktemp("hostile") / "project", FIXTURES / "minimal")
    write(project, _inert_files(twin=False))
    before = checksums(project)
    result = build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    after = checksums(project)
    twin = make_project(tmp_path_factory.mktemp("twin") / "project", FIXTURES / "minimal")
    write(twin, _inert_files(twin=True))
    result = build(twin)
    assert result.returncode == 0, result.stdout + result.stderr
    return Sites(project, project / "site", twin / "site", before, after)


def pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("case", INERT, ids=lambda c: c.id)
def test_payload_is_visible_as_text(case: Inert, sites: Sites) -> None:
    wanted = [line for f in case.fields for p in f.payloads for line in folded(p)] + list(case.extra)
    for url in case.pages:
        text = Page(sites.site / url / "index.html").text
        missing = [w for w in wanted if w not in text]
        assert not missing, f"{url}: {missing} not in {text!r}"


@pytest.mark.parametrize("case", [c for c in INERT if c.titled], ids=lambda c: c.id)
def test_page_title_shows_payload_as_text(case: Inert, sites: Sites) -> None:
    html = (sites.site / case.pages[0] / "index.html").read_text(encoding="utf-8")
    head = html.split("<title>", 1)[1].split("</title>", 1)[0]
    assert "<" not in head
    title = soup(sites.site / case.pages[0] / "index.html").title
    assert title is not None and title.string is not None and title.string.endswith(f" - {SITE_NAME}")
    for payload in case.fields[0].payloads:
        assert " ".join(payload.split()) in title.string


def test_every_page_has_the_twin_structure(sites: Sites) -> None:
    """Markup from data that came alive would add elements: compare each page's tags with the plain-words twin."""
    assert pages(sites.site) == pages(sites.twin)
    differ = [url for url in pages(sites.site)
              if [t.name for t in soup(sites.site / url).find_all(True)]
              != [t.name for t in soup(sites.twin / url).find_all(True)]]
    assert not differ


def test_no_script_comes_from_data(sites: Sites) -> None:
    for url in pages(sites.site):
        scripts = [(s.get("src"), s.string) for s in soup(sites.site / url).find_all("script")]
        twins = [(s.get("src"), s.string) for s in soup(sites.twin / url).find_all("script")]
        assert scripts == twins, url


def test_no_element_has_an_event_handler_or_unsafe_target(sites: Sites) -> None:
    found = []
    for url in pages(sites.site):
        for element in soup(sites.site / url).find_all(True):
            for name, value in element.attrs.items():
                value = " ".join(value) if isinstance(value, list) else value
                compact = re.sub(r"[\s\x00-\x1f]+", "", value or "")
                if name.lower().startswith("on") or (name.lower() in URL_ATTRIBUTES and UNSAFE_SCHEME.match(compact)):
                    found.append((url, element.name, name, value))
    assert not found


def test_every_title_element_is_plain_text(sites: Sites) -> None:
    for url in pages(sites.site):
        html = (sites.site / url).read_text(encoding="utf-8")
        titles = re.findall(r"<title>(.*?)</title>", html, flags=re.DOTALL)
        assert len(titles) == 1 and "<" not in titles[0], (url, titles)


def test_toc_entries_are_text(sites: Sites) -> None:
    toc = soup(sites.site / "rounds/2026-01-sample-city/index.html").select("nav.md-nav--secondary a.md-nav__link")
    labels = [" ".join(a.get_text().split()) for a in toc]
    assert "Northland {{ 7*7 }} & [x](javascript:alert('n')) {: onclick=x }" in labels
    assert all(t.name == "span" for a in toc for t in a.find_all(True))


def test_search_index_holds_no_markup_from_data(sites: Sites) -> None:
    """The search box shows titles and text from the index as HTML: it must hold the twin's tags, no attributes."""
    def tags(site: Path) -> list[list[str]]:
        docs = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
        return [[t.name for t in BeautifulSoup(d[k], "html.parser").find_all(True)] for d in docs for k in ("title", "text")]

    assert tags(sites.site) == tags(sites.twin)
    docs = json.loads((sites.site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
    assert not [t for d in docs for k in ("title", "text") for t in BeautifulSoup(d[k], "html.parser").find_all(True) if t.attrs]
    assert any(TITLE.replace("&", "&amp;") == d["title"] for d in docs)


def test_feed_and_exports_keep_payloads_as_data(sites: Sites) -> None:
    feed = ET.parse(sites.site / "feed.xml").getroot()
    atom = "{http://www.w3.org/2005/Atom}"
    titles = [e.findtext(f"{atom}title") for e in feed.iter(f"{atom}entry")]
    assert f"Round: {TITLE}" in titles
    rounds = json.loads((sites.site / "export/rounds.json").read_text(encoding="utf-8"))
    assert any(r["title"] == TITLE for r in rounds)


def test_build_never_rewrites_data_or_seeds(sites: Sites) -> None:
    assert sites.after == sites.before
    assert len(sites.before) == 9


# --- reproducible output -------------------------------------------------------------------------------

def test_two_builds_of_the_same_data_are_byte_identical(tmp_path: Path) -> None:
    """Every file, the sitemap and its gzip included: their dates come from the newest `reviewed`, not the clock."""
    first = make_project(tmp_path / "one", FIXTURES / "minimal")
    second = make_project(tmp_path / "two" / "elsewhere", FIXTURES / "minimal")
    assert build(first, "site-a").returncode == 0
    time.sleep(1.1)  # a clock-dated file would now differ by a second
    assert build(second, str(tmp_path / "site-b")).returncode == 0
    a, b = first / "site-a", tmp_path / "site-b"
    files = sorted(p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file())
    assert "search/search_index.json" in files and "sitemap.xml.gz" in files
    assert [f for f in files if (a / f).read_bytes() != (b / f).read_bytes()] == []
    assert "<lastmod>2026-01-06</lastmod>" in (a / "sitemap.xml").read_text(encoding="utf-8")
