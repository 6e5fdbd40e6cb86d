"""The job summary of a pull request (tools/pr_summary.py), on a two-commit git repository made here."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT

sys.path.insert(0, str(ROOT / "tools"))
import pr_summary  # noqa: E402

NEW_ROUND = """id: 2026-03-sample-city
title: Third talks in Sample City
start: 2026-03-01
status: held
format: call
hosts: [southland, nobdy]
summary: A call.
sources: [state-wire-2026-01-05-statement]
reviewed: 2026-01-06
"""


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True).stdout.strip()


@pytest.fixture()
def repo(tmp_path: Path) -> tuple[Path, str]:
    """The minimal data set committed, then a second commit: a round added, an actor changed, a plan removed."""
    repo = tmp_path / "repo"
    repo.mkdir()
    for name in ("data", "seeds"):
        shutil.copytree(FIXTURES / "minimal" / name, repo / name)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.email", "test@example.org")
    git(repo, "config", "user.name", "Test")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "first")
    base = git(repo, "rev-parse", "HEAD")
    (repo / "data/rounds/2026-03-sample-city.yml").write_text(NEW_ROUND, encoding="utf-8")
    northland = repo / "data/actors/northland.yml"
    northland.write_text(northland.read_text(encoding="utf-8").replace(
        "summary: A fictional state used by the tests.", "summary: A fictional state.\naliases: [North]"),
        encoding="utf-8")
    (repo / "data/plans/northland-plan.yml").unlink()
    (repo / "notes.txt").write_text("not a record\n", encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "second")
    return repo, base


def test_summary_of_two_commits(repo: tuple[Path, str], capsys: pytest.CaptureFixture[str]) -> None:
    path, base = repo
    assert pr_summary.main(["--root", str(path), "--base", base,
                            "--artifact-url", "https://github.com/o/r/actions/runs/1/artifacts/2"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "## What this changes on the site",
        "",
        "Records: 1 added, 1 changed, 1 removed.",
        "",
        "### Added",
        "",
        "- round `2026-03-sample-city` in `data/rounds/2026-03-sample-city.yml`",
        "",
        "### Changed",
        "",
        "- actor `northland` in `data/actors/northland.yml` (fields: `aliases`, `summary`)",
        "",
        "### Removed",
        "",
        "- plan `northland-plan` in `data/plans/northland-plan.yml`",
        "",
        "### Pages touched (11)",
        "",
        "- `actors/`",
        "- `actors/northland/`",
        "- `actors/southland/`",
        "- `plans/`",
        "- `plans/compare/`",
        "- `rounds/`",
        "- `rounds/2026-03-sample-city/`",
        "- `sources/example-news-2026-01-02-talks/`",
        "- `sources/state-wire-2026-01-05-statement/`",
        "- `sticking-points/border/`",
        "- `timeline/`",
        "",
        "### Problems: 1 error, 0 warnings",
        "",
        "```text",
        "data/rounds/2026-03-sample-city.yml:6: hosts[1]: unknown actor 'nobdy'",
        "```",
        "",
        "The built site, to open on your computer: [download the `site` artifact]"
        "(https://github.com/o/r/actions/runs/1/artifacts/2).",
        "",
    ]


def test_no_base_means_the_parent_and_a_clean_tree_says_so(repo: tuple[Path, str], capsys: pytest.CaptureFixture[str]) -> None:
    path, base = repo
    (path / "data/rounds/2026-03-sample-city.yml").write_text(NEW_ROUND.replace(", nobdy", ""), encoding="utf-8")
    git(path, "commit", "-q", "-am", "fix")
    assert pr_summary.main(["--root", str(path), "--base", "0" * 40]) == 0
    out = capsys.readouterr().out
    assert "Records: 0 added, 1 changed, 0 removed." in out
    assert "- round `2026-03-sample-city` in `data/rounds/2026-03-sample-city.yml` (fields: `hosts`)" in out
    assert "### Problems: 0 errors, 0 warnings\n\n`make check` finds nothing wrong." in out
    assert "artifact" not in out


def test_names_from_the_pull_request_cannot_become_markup() -> None:
    assert pr_summary.code("a`b") == "``a`b``"
    assert pr_summary.code("`x`") == "`` `x` ``"
    assert pr_summary.code("<img src=x>\n# heading") == "`<img src=x>?# heading`"
    assert pr_summary.block(["``` closes?", "ok"]) == ["````text", "``` closes?", "ok", "````"]
    text = pr_summary.summary([], [], [], "javascript:alert(1)")
    assert "javascript" not in text
