"""`make linkcheck`: an offline walk of a built site fails on a broken internal link or anchor.

Each test breaks a copy of the fixture site and runs tools/check_links.py on it
as `make linkcheck` does. Nothing here uses the network.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

SCRIPT = ROOT / "tools" / "check_links.py"
ROUND_PAGE = "rounds/2026-01-sample-city/index.html"
ACTOR_PAGE = "actors/northland/index.html"


def run_check(site: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SCRIPT), str(site)], capture_output=True, text=True, timeout=600)


def copy_site(minimal_site: Path, tmp_path: Path) -> Path:
    site = tmp_path / "site"
    shutil.copytree(minimal_site, site)
    return site


def add_to_page(site: Path, page: str, html: str) -> int:
    """Put `html` on its own line at the end of the page's article; returns that line's number."""
    path = site / page
    text = path.read_text(encoding="utf-8")
    assert text.count("</article>") == 1, page
    before = text.split("</article>")[0]
    path.write_text(text.replace("</article>", "\n" + html + "\n</article>"), encoding="utf-8")
    return before.count("\n") + 2


def test_the_fixture_site_passes_and_external_addresses_are_not_fetched(minimal_site: Path, tmp_path: Path) -> None:
    site = copy_site(minimal_site, tmp_path)
    # Fetched, these would fail (no such host; nothing listens on port 9): they must not be fetched.
    add_to_page(site, ROUND_PAGE, '<p><a href="https://unreachable.invalid/gone">far</a> '
                                  '<a href="http://127.0.0.1:9/">another port</a> <a href="/rounds/">root</a></p>')
    result = run_check(site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"^OK: every internal link and anchor resolves \(\d+ pages, \d+ links checked\)\.$",
                     result.stdout, re.M), result.stdout
    pages = len(list(site.rglob("*.html")))
    assert f"({pages} pages," in result.stdout


def test_a_broken_link_and_anchor_fail_naming_the_page_and_the_link(minimal_site: Path, tmp_path: Path) -> None:
    site = copy_site(minimal_site, tmp_path)
    line = add_to_page(site, ROUND_PAGE, '<p><a href="../nope/">gone</a> <a href="#no-such-anchor">here</a></p>')
    result = run_check(site)
    assert result.returncode == 1, result.stdout + result.stderr
    report = result.stderr
    assert f"{ROUND_PAGE} line {line}: ../nope/ -> 404" in report, report
    assert f"{ROUND_PAGE} line {line}: #no-such-anchor -> anchor #no-such-anchor not found" in report, report
    assert report.rstrip().endswith("2 broken links on 1 page."), report
    # Everything else on the page, and every other page, was fine.
    assert len([x for x in report.splitlines() if " line " in x]) == 2, report


def test_an_anchor_on_another_page_and_every_page_with_a_broken_link_are_named(minimal_site: Path,
                                                                               tmp_path: Path) -> None:
    site = copy_site(minimal_site, tmp_path)
    # The anchor exists nowhere on the target page; the heading ids the page has must still pass.
    assert 'id="positions"' in (site / "sticking-points/border/index.html").read_text(encoding="utf-8")
    actor_line = add_to_page(site, ACTOR_PAGE, '<p><a href="../../sticking-points/border/#nowhere">x</a> '
                                               '<a href="../../sticking-points/border/#positions">ok</a> '
                                               '<a href="../../rounds/gone/">y</a></p>')
    round_line = add_to_page(site, ROUND_PAGE, '<p><a href="../gone/">same target, other page</a></p>')
    result = run_check(site)
    assert result.returncode == 1, result.stdout + result.stderr
    report = result.stderr
    assert f"{ACTOR_PAGE} line {actor_line}: ../../sticking-points/border/#nowhere -> anchor #nowhere not found" in report
    # A target broken for two pages is named for each of them.
    assert f"{ACTOR_PAGE} line {actor_line}: ../../rounds/gone/ -> 404" in report, report
    assert f"{ROUND_PAGE} line {round_line}: ../gone/ -> 404" in report, report
    assert "#positions" not in report
    assert report.rstrip().endswith("3 broken links on 2 pages."), report


def test_no_site_is_an_error_not_a_pass(tmp_path: Path) -> None:
    result = run_check(tmp_path / "missing")
    assert result.returncode == 2
    assert "no built site here" in result.stderr


def _recipe(makefile: str, target: str) -> list[str]:
    match = re.search(rf"^{re.escape(target)}:[^\n]*\n((?:\t[^\n]*\n)*)", makefile, re.M)
    assert match, f"no target {target} in the Makefile"
    return [line.strip() for line in match.group(1).splitlines()]


def test_make_test_checks_links_after_the_build_and_before_pytest() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = _recipe(makefile, "test")
    build = next(i for i, line in enumerate(recipe) if "mkdocs build --strict" in line and "$(SITE_TMP)" in line)
    linkcheck = next(i for i, line in enumerate(recipe) if re.search(r"\blinkcheck\b", line))
    pytest_ = next(i for i, line in enumerate(recipe) if "-m pytest" in line)
    assert build < linkcheck < pytest_, recipe
    assert _recipe(makefile, "linkcheck") == ["$(BIN)/python tools/check_links.py $(SITE_TMP)"]
    # The network stays out of `make test`: external addresses are the weekly workflow's job.
    assert "external_links" not in makefile


def test_a_broken_raw_html_link_and_a_broken_asset_are_found(minimal_site: Path, tmp_path: Path) -> None:
    site = copy_site(minimal_site, tmp_path)
    line = add_to_page(site, ROUND_PAGE, '<div><img src="../../assets/missing.png" alt=""> '
                                         '<a href="../../sticking-points/border/#positions">fine</a> '
                                         '<a href="../../sticking-points/border/#positionz">typo</a></div>')
    result = run_check(site)
    assert result.returncode == 1
    assert f"{ROUND_PAGE} line {line}: ../../assets/missing.png -> 404" in result.stderr, result.stderr
    assert f"{ROUND_PAGE} line {line}: ../../sticking-points/border/#positionz -> anchor #positionz not found" in result.stderr
    assert "#positions " not in result.stderr
