"""The GitHub Actions workflows: valid for Actions, least privilege, pinned to commits, calling only what exists;
the reviewer's summary and artifact; Dependabot and CODEOWNERS."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
FILES = sorted(WORKFLOWS.glob("*.yml"))
USES = re.compile(r"^\s*(?:- )?uses: (?P<action>[\w.-]+/[\w.-]+(?:/[\w./-]+)?)@(?P<ref>\S+)(?P<comment>.*)$")
# Each action's commit for its release, as found in two independent public workflow files that agree.
# A new version comes from Dependabot, which updates the hash and the comment together.
RELEASES = {
    "actions/checkout": ("08c6903cd8c0fde910a37f88322edcfb5dd907a8", "v5.0.0"),
    "actions/setup-python": ("e797f83bcb11b83ae66e0230d6156d7c80228e7c", "v6.0.0"),
    "actions/configure-pages": ("983d7736d9b0ae728b81ab479565c72886d7745b", "v5.0.0"),
    "actions/upload-pages-artifact": ("7b1f4a764d45c48632c6b24a0339c27f5614fb0b", "v4.0.0"),
    "actions/deploy-pages": ("d6db90164ac5ed86f2b6aed7e0febac5b3c0c03e", "v4.0.5"),
    "actions/upload-artifact": ("330a01c490aca151604b8cf639adc76d48f6c5d4", "v5.0.0"),
}
JOB_PERMISSIONS = {"contents": {"read"}, "pages": {"read", "write"}, "id-token": {"write"}, "issues": {"write"}}


def load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), path.name
    return data


def triggers(data: dict[str, Any]) -> dict[str, Any]:
    """The `on:` mapping; PyYAML reads the bare key `on` as the boolean True."""
    value = data.get("on", data.get(True))
    return {value: None} if isinstance(value, str) else value


def steps(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for job in data["jobs"].values() for step in job["steps"]]


def make_targets() -> set[str]:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([A-Za-z][\w.-]*)\s*:(?!=)", makefile, re.M))


def test_the_three_workflows_exist() -> None:
    assert {p.name for p in FILES} >= {"test.yml", "deploy.yml", "links.yml"}


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_valid_for_github_actions(path: Path) -> None:
    data = load(path)
    assert data.get("name"), "a workflow needs a name"
    assert triggers(data), "no `on:`"
    assert isinstance(data.get("jobs"), dict) and data["jobs"], "no jobs"
    for job_id, job in data["jobs"].items():
        assert re.fullmatch(r"[A-Za-z_][\w-]*", job_id), job_id
        assert job.get("runs-on"), f"{job_id}: no runs-on"
        assert isinstance(job.get("steps"), list) and job["steps"], f"{job_id}: no steps"
        for need in [job["needs"]] if isinstance(job.get("needs"), str) else job.get("needs", []):
            assert need in data["jobs"], f"{job_id} needs unknown job {need}"
        ids = [step["id"] for step in job["steps"] if "id" in step]
        assert len(ids) == len(set(ids)), f"{job_id}: step ids repeat"
        for step in job["steps"]:
            assert ("uses" in step) != ("run" in step), f"{job_id}: each step has `uses` or `run`: {step}"
            for used in re.findall(r"steps\.([\w-]+)\.outputs", yaml.safe_dump(step)):
                assert used in ids, f"{job_id}: refers to step {used}, which this job does not have"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_least_privilege_and_pinned_actions(path: Path) -> None:
    data = load(path)
    assert data.get("permissions") == {"contents": "read"}, "top level: contents: read, and nothing more"
    for job_id, job in data["jobs"].items():
        for scope, level in (job.get("permissions") or {}).items():
            assert level in JOB_PERMISSIONS.get(scope, set()), f"{job_id}: {scope}: {level} is not needed"
    lines = path.read_text(encoding="utf-8").splitlines()
    used = [m for line in lines if (m := USES.match(line))]
    assert len(used) == sum("uses" in step for step in steps(data)), "one `uses:` a line, each matched here"
    for match in used:
        action, ref, comment = match.group("action", "ref", "comment")
        assert re.fullmatch(r"[0-9a-f]{40}", ref), f"pin {action} to a commit hash, not {ref}"
        version = re.fullmatch(r"  # (v\d+\.\d+\.\d+)", comment)
        assert version, f"{action}@{ref}: give the release in a comment, like `  # v5.0.0`"
        assert RELEASES.get(action) == (ref, version.group(1)), f"{action}: {ref} is not the commit of {version.group(1)}"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_run_steps_call_only_existing_make_targets(path: Path) -> None:
    targets = make_targets()
    called = [t for step in steps(load(path)) if "run" in step
              for t in re.findall(r"\bmake((?:\s+-[-\w=]+)*(?:\s+[A-Za-z][\w.-]*)+)", step["run"])]
    for call in called:
        for target in [w for w in call.split() if not w.startswith("-") and "=" not in w]:
            assert target in targets, f"`make {target}` in {path.name}, but the Makefile has no such target"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_python_311_with_pip_cache(path: Path) -> None:
    setups = [s for s in steps(load(path)) if s.get("uses", "").startswith("actions/setup-python@")]
    assert setups, "every workflow sets up Python"
    for setup in setups:
        assert setup["with"] == {"python-version": "3.11", "cache": "pip", "cache-dependency-path": "requirements.txt"}


def test_every_pull_request_and_push_runs_the_readme_test_command() -> None:
    data = load(WORKFLOWS / "test.yml")
    assert "pull_request" in triggers(data) and "push" in triggers(data)
    assert "pull_request_target" not in triggers(data), "code from forks never runs with a write token"
    assert "make test" in (ROOT / "README.md").read_text(encoding="utf-8")
    assert [s["run"] for s in steps(data) if "run" in s][0] == "make test"
    assert "permissions" not in data["jobs"]["test"], "the read-only token of the top level is enough"


def test_reviewers_get_the_built_site_and_a_summary() -> None:
    job = load(WORKFLOWS / "test.yml")["jobs"]["test"]
    names = [s.get("uses", s.get("run", "")).split("@")[0] for s in job["steps"]]
    test, upload = names.index("make test"), names.index("actions/upload-artifact")
    summary = next(i for i, s in enumerate(job["steps"]) if "tools/pr_summary.py" in s.get("run", ""))
    assert test < upload < summary
    artifact = job["steps"][upload]
    assert artifact["if"] == job["steps"][summary]["if"] == "${{ !cancelled() }}", "also when the tests fail"
    assert artifact["with"]["path"] == ".build/site"
    assert "SITE_TMP := .build/site" in (ROOT / "Makefile").read_text(encoding="utf-8")
    run = job["steps"][summary]["run"]
    assert run.endswith('>> "$GITHUB_STEP_SUMMARY"') and "${{" not in run, "untrusted values only through env"
    assert job["steps"][summary]["env"]["ARTIFACT_URL"] == f"${{{{ steps.{artifact['id']}.outputs.artifact-url }}}}"
    assert job["steps"][0]["with"]["fetch-depth"] == 0
    assert (ROOT / "tools" / "pr_summary.py").is_file()


def test_dependabot_keeps_actions_and_pip_current() -> None:
    config = load(ROOT / ".github" / "dependabot.yml")
    assert config["version"] == 2
    ecosystems = {u["package-ecosystem"]: u for u in config["updates"]}
    assert set(ecosystems) == {"github-actions", "pip"}
    for update in ecosystems.values():
        assert update["directory"] == "/" and update["schedule"]["interval"] in ("daily", "weekly")


def test_codeowners_cover_data_seeds_hooks_and_workflows() -> None:
    rules = []
    for line in (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            pattern, *owners = line.split()
            assert owners and all(re.fullmatch(r"@[\w-]+(/[\w-]+)?", o) for o in owners), line
            rules.append((pattern, owners))

    def owners_of(path: str) -> list[str]:
        found: list[str] = []
        for pattern, owners in rules:  # the last match wins
            if pattern == "*" or (pattern.endswith("/") and f"/{path}".startswith(pattern)) or f"/{path}" == pattern:
                found = owners
        return found

    assert owners_of("data/rounds/x.yml") == owners_of("seeds/x.yml") == ["@peace-process-reference/editors"]
    for path in ("hooks/site.py", ".github/workflows/test.yml", ".github/CODEOWNERS", "schemas/round.schema.json"):
        assert owners_of(path) == ["@peace-process-reference/maintainers"], path


def test_main_is_built_and_deployed_to_pages() -> None:
    data = load(WORKFLOWS / "deploy.yml")
    assert triggers(data)["push"] == {"branches": ["main"]}
    uses = [s["uses"].split("@")[0] for s in steps(data) if "uses" in s]
    for action in ("actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"):
        assert action in uses
    build, deploy = data["jobs"]["build"], data["jobs"]["deploy"]
    configure = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/configure-pages@"))
    make_build = next(s for s in build["steps"] if s.get("run") == "make build")
    assert make_build["env"] == {"SITE_URL": f"${{{{ steps.{configure['id']}.outputs.base_url }}}}",
                                 "REPO_URL": "${{ github.server_url }}/${{ github.repository }}"}
    assert build["steps"].index(configure) < build["steps"].index(make_build)
    assert any(s.get("run") == "make test" for s in build["steps"][:build["steps"].index(make_build)])
    upload = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "site"  # where `make build` writes
    assert re.search(r"^build:.*\n\t.*--site-dir site$", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M)
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    mkdocs = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert re.search(r"^site_url: !ENV \[SITE_URL,", mkdocs, re.M)
    assert re.search(r"^repo_url: !ENV \[REPO_URL,", mkdocs, re.M)


def test_external_addresses_are_checked_weekly_and_only_there() -> None:
    data = load(WORKFLOWS / "links.yml")
    cron = triggers(data)["schedule"][0]["cron"]
    assert len(cron.split()) == 5 and cron.split()[4] != "*", "once a week"
    job = data["jobs"]["external-links"]
    assert job["permissions"] == {"contents": "read", "issues": "write"}
    runs = "\n".join(s["run"] for s in job["steps"] if "run" in s)
    assert "tools/external_links.py" in runs and "--site site" in runs
    assert "gh issue create" in runs and "gh issue edit" in runs and "--label dead-links" in runs
    assert (ROOT / "tools" / "external_links.py").is_file()
    for other in FILES:
        if other.name != "links.yml":
            assert "external_links" not in other.read_text(encoding="utf-8"), other.name
    # Not under tests/, so pytest never collects it, and `make test` never calls it (see test_linkcheck.py).
    assert "external_links" not in (ROOT / "Makefile").read_text(encoding="utf-8")
