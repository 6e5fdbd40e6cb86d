"""What a pull request changes on the site, for the summary on the test job's page.

    python tools/pr_summary.py --base BASE [--head HEAD] [--root .] [--artifact-url URL] >> "$GITHUB_STEP_SUMMARY"

Lists the records added, changed (with the fields that changed) and removed between two commits, the pages
of the site they touch (their own, the pages of the records they name, the section's index), and the problems
`make check` finds in the checkout. Everything in it comes from the pull request, so every name is shown as
code and every message inside a code block: nothing in a record or a file name becomes a link or markup.
Exit status 0 even when problems are found: the test step fails the job, this only reports.
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hooks"))
from peace import checks, dataset, yamlfile  # noqa: E402
from peace.dataset import FOLDERS  # noqa: E402
from peace.kinds import page_url  # noqa: E402
from peace.problems import DataError, Problem  # noqa: E402

KIND_OF_FOLDER = {folder: kind for kind, folder in FOLDERS.items()}
SECTION_PAGES = {"round": ("rounds/", "timeline/"), "actor": ("actors/",),
                 "sticking-point": ("sticking-points/", "status-grid/", "positions/"),
                 "plan": ("plans/", "plans/compare/"), "source": ("sources/",)}
SHOWN = 50  # problems listed in the summary; the rest are counted
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_ZERO = re.compile(r"0{40}")


@dataclass
class Change:
    status: str  # added, changed, removed
    kind: str
    id: str
    path: str
    fields: list[str] = field(default_factory=list)
    pages: set[str] = field(default_factory=set)


def git(root: Path, *args: str) -> bytes:
    return subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True).stdout


def resolve_base(root: Path, base: str | None, head: str) -> str:
    """The base commit: as given when git knows it, else the head's first parent (a new branch, a shallow push)."""
    if base and not _ZERO.fullmatch(base):
        try:
            return git(root, "rev-parse", "--verify", "--quiet", f"{base}^{{commit}}").decode().strip()
        except subprocess.CalledProcessError:
            pass
    return git(root, "rev-parse", f"{head}^").decode().strip()


def changed_files(root: Path, base: str, head: str) -> list[tuple[str, str]]:
    """(status letter, path) of every record file that differs; a rename counts as removed and added."""
    out = git(root, "diff", "--name-status", "--no-renames", "-z", base, head, "--", *FOLDERS.values())
    parts = out.decode("utf-8", "replace").split("\0")
    return [(parts[i], parts[i + 1]) for i in range(0, len(parts) - 1, 2)]


def _kind(path: str) -> str | None:
    pure = PurePosixPath(path)
    return KIND_OF_FOLDER.get(pure.parent.as_posix()) if pure.suffix == ".yml" else None


def _data(root: Path, commit: str, path: str) -> Any:
    """A file's data at a commit, through the project's safe loader; None when it does not parse."""
    try:
        raw = git(root, "show", f"{commit}:{path}")
    except subprocess.CalledProcessError:
        return None
    return yamlfile.load(raw, path)[0].data


def _url(kind: str, record_id: str) -> str:
    return page_url(kind, record_id)


def _pages(kind: str, record_id: str, data: Any, known: dict[str, set[str]]) -> set[str]:
    """The record's page, the section index, and the page of every record it names (each lists this one)."""
    pages = {_url(kind, record_id), *SECTION_PAGES[kind]}
    for _, target, ref in checks.named_ids(data):
        if isinstance(ref, str) and ref in known.get(target, set()):
            pages.add(_url(target, ref))
    return pages


def _fields(before: Any, after: Any) -> list[str]:
    if not isinstance(before, dict) or not isinstance(after, dict):
        return ["the whole file"]
    return sorted(key for key in before.keys() | after.keys() if before.get(key) != after.get(key))


def changes(root: Path, base: str, head: str) -> list[Change]:
    known = _ids(root, head)
    found = []
    for letter, path in changed_files(root, base, head):
        kind = _kind(path)
        if kind is None:
            continue
        record_id = PurePosixPath(path).stem
        before = None if letter == "A" else _data(root, base, path)
        after = None if letter == "D" else _data(root, head, path)
        status = {"A": "added", "D": "removed"}.get(letter, "changed")
        change = Change(status, kind, record_id, path, _fields(before, after) if status == "changed" else [])
        for data in (before, after):
            change.pages |= _pages(kind, record_id, data, known)
        if status == "removed":
            change.pages.discard(_url(kind, record_id))
        found.append(change)
    return sorted(found, key=lambda c: (("added", "changed", "removed").index(c.status), c.path))


def _ids(root: Path, head: str) -> dict[str, set[str]]:
    names = git(root, "ls-tree", "-r", "-z", "--name-only", head, "--", *FOLDERS.values()).decode("utf-8", "replace")
    known: dict[str, set[str]] = {kind: set() for kind in FOLDERS}
    for path in filter(None, names.split("\0")):
        kind = _kind(path)
        if kind:
            known[kind].add(PurePosixPath(path).stem)
    return known


def problems(root: Path) -> tuple[list[Problem], list[Problem]]:
    """(errors, warnings) of `make check` on the checkout."""
    try:
        return [], dataset.load(root).warnings
    except DataError as error:
        return error.problems, error.warnings


def code(text: str) -> str:
    """`text` as inline code, whatever backticks or line breaks it holds."""
    text = _UNSAFE.sub("?", text)
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") or not text.strip() else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def block(lines: list[str]) -> list[str]:
    """Lines in a fenced code block that nothing inside can close."""
    lines = [_UNSAFE.sub("?", line) for line in lines]
    fence = "`" * max(3, max((len(run) for line in lines for run in re.findall(r"`+", line)), default=0) + 1)
    return [f"{fence}text", *lines, fence]


def summary(found: list[Change], errors: list[Problem], warnings: list[Problem], artifact: str | None) -> str:
    counts = {status: sum(c.status == status for c in found) for status in ("added", "changed", "removed")}
    out = ["## What this changes on the site", "",
           f"Records: {counts['added']} added, {counts['changed']} changed, {counts['removed']} removed.", ""]
    for status in ("added", "changed", "removed"):
        group = [c for c in found if c.status == status]
        if not group:
            continue
        out += [f"### {status.capitalize()}", ""]
        for c in group:
            detail = f" (fields: {', '.join(code(f) for f in c.fields)})" if c.fields else ""
            out.append(f"- {c.kind} {code(c.id)} in {code(c.path)}{detail}")
        out.append("")
    pages = sorted({page for c in found for page in c.pages})
    if pages:
        out += [f"### Pages touched ({len(pages)})", "", *[f"- {code(page)}" for page in pages], ""]
    out += [f"### Problems: {len(errors)} error{'s' if len(errors) != 1 else ''}, "
            f"{len(warnings)} warning{'s' if len(warnings) != 1 else ''}", ""]
    if not errors and not warnings:
        out += ["`make check` finds nothing wrong.", ""]
    shown = [str(p) for p in errors[:SHOWN]] + [f"warning: {w}" for w in warnings[:SHOWN]]
    more = max(0, len(errors) - SHOWN) + max(0, len(warnings) - SHOWN)
    if shown:
        out += [*block(shown + ([f"... and {more} more"] if more else [])), ""]
    if artifact and re.fullmatch(r"https://github\.com/[\w./-]+", artifact):
        out += [f"The built site, to open on your computer: [download the `site` artifact]({artifact}).", ""]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the checkout (default: here)")
    parser.add_argument("--base", help="the commit to compare with (default: the head's parent)")
    parser.add_argument("--head", default="HEAD")
    parser.add_argument("--artifact-url", help="where the built site can be downloaded")
    args = parser.parse_args(argv)
    base = resolve_base(args.root, args.base, args.head)
    errors, warnings = problems(args.root)
    print(summary(changes(args.root, base, args.head), errors, warnings, args.artifact_url))
    return 0


if __name__ == "__main__":
    sys.exit(main())
