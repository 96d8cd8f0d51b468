"""A store for the web tests: the built-in sample (and the seeds when ../shared has them),
run through the real pipeline once per test process and copied for each test that writes."""

from __future__ import annotations

import atexit
import functools
import shutil
import tempfile
from pathlib import Path

from typer.testing import CliRunner

from crosswire.cli import app

from .conftest import SEEDS


def have_seeds() -> bool:
    return SEEDS.is_dir() and len(list(SEEDS.glob("*.txt"))) >= 5


@functools.cache
def built_db() -> Path:
    """``crosswire run [seeds] --sample`` into a temporary database (built once)."""
    folder = Path(tempfile.mkdtemp(prefix="crosswire-web-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    db = folder / "web.db"
    args = ["run", *([str(SEEDS)] if have_seeds() else []), "--sample", "--db", str(db), "--quiet"]
    res = CliRunner().invoke(app, args)
    assert res.exit_code == 0, res.output
    return db


def copy_db(dest: Path) -> Path:
    """A private copy of the built database (closed stores leave no WAL behind)."""
    target = dest / "web.db"
    shutil.copyfile(built_db(), target)
    return target
