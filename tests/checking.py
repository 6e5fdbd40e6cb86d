"""`make check` run in this process: its exit status and what it prints, without a Python start-up per case."""
from __future__ import annotations

import contextlib
import io
import subprocess
from pathlib import Path

from peace import check


def run_check(project: Path) -> subprocess.CompletedProcess[str]:
    """`python -m peace.check PROJECT`, called as a function; shaped like `conftest.check`'s result."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = check.main([str(project)])
    return subprocess.CompletedProcess(["peace.check", str(project)], status, out.getvalue(), err.getvalue())
