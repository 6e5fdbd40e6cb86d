"""A record's History: the commits of a fixture repository that touched its file, newest first, linked."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import FIXTURES, Built, make_project
from peace import dataset, history, pages
from peace.appendix import Site

REPO_URL = "https://example.org/peace/ukraine"
ROUND = "data/rounds/2026-01-sample-city.yml"
HOSTILE_SUBJECT = "Fix <script>alert(1)</script> and [a link](javascript:alert(1)) *bold*"


def git(project: Path, *args: str, day: str | None = None) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "editor@example.org",
           "GIT_COMMITTER_NAME": "Editor", "GIT_COMMITTER_EMAIL": "editor@example.org"}
    if day:
        env |= {"GIT_AUTHOR_DATE": f"{day}T12:00:00+00:00", "GIT_COMMITTER_DATE": f"{day}T12:00:00+00:00"}
    done = subprocess.run(["git", "-C", str(project), *args], env=env, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def commit(project: Path, subject: str, day: str) -> str:
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", subject, "-m", "A body line the history does not show.", day=day)
    return git(project, "rev-parse", "HEAD")


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """The fixture project as a repository of four commits; returns it and the commits touching ROUND, newest first."""
    project = make_project(tmp_path_factory.mktemp("history") / "project", FIXTURES / "minimal")
    git(project, "init", "-q", "-b", "main")
    first = commit(project, "Add the fixture records", "2026-01-03")
    path = project / ROUND
    path.write_text(path.read_text(encoding="utf-8").replace("reviewed: 2026-01-03", "reviewed: 2026-01-04"), encoding="utf-8")
    second = commit(project, "Round: a second source for the venue", "2026-01-04")
    (project / "docs/about.md").write_text((project / "docs/about.md").read_text(encoding="utf-8") + "\nMore.\n")
    commit(project, "About: one more line", "2026-01-05")  # touches no record: listed nowhere
    path.write_text(path.read_text(encoding="utf-8").replace("reviewed: 2026-01-04", "reviewed: 2026-01-05"), encoding="utf-8")
    third = commit(project, HOSTILE_SUBJECT, "2026-01-06")
    return project, [third, second, first]


def test_history_lists_the_commits_of_a_record_newest_first(repo: tuple[Path, list[str]]) -> None:
    project, commits = repo
    found = history.read(project)
    assert found.available
    assert [c.commit for c in found.of(ROUND)] == commits
    assert [c.day for c in found.of(ROUND)] == ["2026-01-06", "2026-01-04", "2026-01-03"]
    assert [c.subject for c in found.of(ROUND)][1:] == ["Round: a second source for the venue", "Add the fixture records"]
    assert [c.commit for c in found.of("data/actors/northland.yml")] == [commits[-1]]
    assert "docs/about.md" not in found.by_file


def test_built_page_shows_the_history_linked_to_each_change(repo: tuple[Path, list[str]]) -> None:
    project, commits = repo
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "REPO_URL": REPO_URL}
    built = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", "site"], cwd=project,
                           env=env, capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stderr
    soup = BeautifulSoup((project / "site/rounds/2026-01-sample-city/index.html").read_text(encoding="utf-8"), "html.parser")
    items = soup.find("h2", id="history").find_next_sibling("ul").find_all("li")
    assert [li.get_text() for li in items] == [f"6 January 2026: {HOSTILE_SUBJECT}",
                                               "4 January 2026: Round: a second source for the venue",
                                               "3 January 2026: Add the fixture records"]
    assert [[a["href"] for a in li.find_all("a")] for li in items] == [[f"{REPO_URL}/commit/{c}"] for c in commits]
    assert not soup.find("article").find_all("script") and not soup.find("article").find_all("strong", string="bold")
    intro = soup.find("h2", id="history").find_next_sibling("p")
    assert intro.a["href"] == f"{REPO_URL}/commits/main/{ROUND}"


def test_shallow_clone_says_history_is_not_available(repo: tuple[Path, list[str]], tmp_path: Path) -> None:
    source, _ = repo
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", source.as_uri(), str(clone)], check=True, capture_output=True)
    found = history.read(clone)
    assert not found.available and "shallow clone" in (found.reason or "")
    page = _round_page(clone, found)
    assert "The history of this record is not available in this build: this copy of the project is a shallow clone" in page


def test_without_git_the_history_says_so(tmp_path: Path) -> None:
    project = make_project(tmp_path / "plain", FIXTURES / "minimal")
    found = history.read(project)
    assert not found.available and "not a git repository" in (found.reason or "")
    assert "not available in this build: this copy of the project is not a git repository" in _round_page(project, found)


def test_parse_is_one_pass_over_the_log() -> None:
    log = ("\x1ea1\x1f2026-01-02\x1fSecond\n\ndata/rounds/a.yml\nseeds/s.yml\n"
           "\x1eb2\x1f2026-01-01\x1fFirst\n\ndata/rounds/a.yml\n")
    parsed = history.parse(log)
    assert [c.subject for c in parsed["data/rounds/a.yml"]] == ["Second", "First"]
    assert [c.commit for c in parsed["seeds/s.yml"]] == ["a1"]


def _round_page(project: Path, found: history.History) -> str:
    data = dataset.load(project)
    site = Site("Ukraine Peace Process Reference", "https://example.org/", REPO_URL, found)
    return {g.path: g.content for g in pages.record_pages(data, site)}["rounds/2026-01-sample-city.md"]


def test_every_record_page_of_the_real_site_has_its_history(real_site: Path, real_built: Built) -> None:
    index = json.loads((real_site / "api/v1/index.json").read_text(encoding="utf-8"))
    for name, kind in index["kinds"].items():
        for record_id in kind["ids"]:
            heading = next(iter(real_built.tree(f"{name}/{record_id}").xpath("//h2[@id='history']")), None)
            assert heading is not None, (name, record_id)
            intro = heading.xpath("following-sibling::p[1]")[0].text_content()
            assert "newest first" in intro or "not available in this build" in intro or "No committed change" in intro
