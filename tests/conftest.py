"""Shared fixtures. Real data under ../shared is optional: tests using it skip without it."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest

from crosswire.pipeline import IngestReport, ingest_paths
from crosswire.store import SQLiteStore, open_store

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"


#: modules whose tests of the ``store`` fixture run on both back-ends (SQLite, PostgreSQL)
_BOTH_BACKENDS = {"test_store_dedup", "test_sample", "test_bad_input"}
#: tests of those modules about SQLite itself
_SQLITE_ONLY = {"test_wal_mode"}


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    module = metafunc.module.__name__.rsplit(".", 1)[-1]
    if ("store" in metafunc.fixturenames and module in _BOTH_BACKENDS
            and metafunc.function.__name__ not in _SQLITE_ONLY):
        metafunc.parametrize("store", ["sqlite", "postgresql"], indirect=True)


@pytest.fixture
def store(request: pytest.FixtureRequest, tmp_path: Path) -> SQLiteStore:
    """A fresh store: SQLite, or the back-end named by the test's parameter."""
    backend = getattr(request, "param", "sqlite")
    s = open_store(tmp_path / "test.db" if backend == "sqlite" else request.getfixturevalue("pg_url"))
    yield s
    s.close()


@pytest.fixture(scope="session")
def pg_server():
    """A PostgreSQL server for the session (tests/pgserver.py), or a skip saying why not."""
    from .pgserver import PgServer

    why = PgServer.unavailable()
    if why:
        pytest.skip(f"PostgreSQL: {why}")
    server = PgServer().start()
    yield server
    server.stop()


@pytest.fixture
def pg_url(pg_server) -> str:
    """The URL of a new, empty PostgreSQL database (dropped afterwards)."""
    url = pg_server.database()
    yield url
    pg_server.drop(url)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path: Path) -> str:
    """What ``--db`` takes, once per back-end: an SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "test.db")
    return request.getfixturevalue("pg_url")


@pytest.fixture
def any_store(db_url: str):
    """A fresh store on each back-end."""
    s = open_store(db_url)
    yield s
    s.close()


@pytest.fixture
def seeds() -> list[Path]:
    files = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if len(files) < 5:
        pytest.skip("../shared/seeds is not available")
    return files


def at_once(target, arg_tuples: list[tuple], timeout: float = 300) -> list[object]:
    """Run ``target(*args, start, out)`` in one spawned process per ``args``: each waits on the
    barrier ``start`` so they act at the same moment, and puts its result on the queue ``out``.
    Returns the results (in the order they came). A process that dies before the barrier breaks
    it for the others (it has a time-out), and stragglers are killed, so a failure never leaves
    the test run waiting on a child at exit."""
    ctx = multiprocessing.get_context("spawn")
    start, out = ctx.Barrier(len(arg_tuples), timeout=timeout / 2), ctx.Queue()
    procs = [ctx.Process(target=target, args=(*args, start, out)) for args in arg_tuples]
    for p in procs:
        p.start()
    try:
        return [out.get(timeout=timeout) for _ in procs]
    finally:
        for p in procs:
            p.join(timeout=60)
            if p.is_alive():
                p.kill()
                p.join(timeout=10)


def ingest(store: SQLiteStore, *paths: Path | str) -> IngestReport:
    return ingest_paths([str(p) for p in paths], store)


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


# ~90 words of ordinary prose per language, for articles that must pass the
# minimum-length check and be identified reliably.
PROSE = {
    "nb": ("Regjeringen la fram et nytt forslag om strømstøtte til husholdningene tirsdag. "
           "Finansministeren sier at ordningen skal gjelde gjennom hele vinteren, og at den vil koste "
           "staten flere milliarder kroner. Opposisjonen mener tiltaket kommer altfor sent og krever at "
           "også bedrifter får hjelp. Flere ordførere i Nord-Norge forteller at innbyggerne allerede har "
           "fått svært høye regninger. Forslaget skal behandles i Stortinget neste uke."),
    "nn": ("Regjeringa la fram eit nytt forslag om straumstønad til hushalda tysdag. "
           "Finansministeren seier at ordninga skal gjelde gjennom heile vinteren, og at ho vil koste "
           "staten fleire milliardar kroner. Opposisjonen meiner tiltaket kjem altfor seint og krev at "
           "òg bedrifter får hjelp. Fleire ordførarar i Nord-Noreg fortel at innbyggjarane allereie har "
           "fått svært høge rekningar. Forslaget skal handsamast i Stortinget neste veke."),
    "nl": ("Het kabinet heeft dinsdag een nieuw voorstel gepresenteerd voor steun aan huishoudens met "
           "hoge energierekeningen. De minister van Financiën zegt dat de regeling de hele winter geldt "
           "en de staat miljarden euro's gaat kosten. De oppositie vindt dat de maatregel veel te laat "
           "komt en eist dat ook bedrijven worden geholpen. Burgemeesters in het noorden vertellen dat "
           "inwoners al zeer hoge rekeningen hebben ontvangen. Het voorstel wordt volgende week in de "
           "Tweede Kamer besproken."),
    "en": ("The government on Tuesday unveiled a new plan to help households with soaring energy bills. "
           "The finance minister said the scheme would run through the whole winter and cost the state "
           "several billion pounds. The opposition said the measure came far too late and demanded that "
           "businesses be helped as well. Several mayors in the north said residents had already "
           "received very high bills. Parliament is expected to debate the proposal next week."),
    "de": ("Die Regierung hat am Dienstag einen neuen Plan zur Entlastung der Haushalte bei den hohen "
           "Energiekosten vorgestellt. Der Finanzminister sagte, die Regelung gelte den ganzen Winter "
           "über und werde den Staat mehrere Milliarden Euro kosten. Die Opposition kritisierte, die "
           "Maßnahme komme viel zu spät, und forderte auch Hilfen für Unternehmen. Mehrere "
           "Bürgermeister im Norden berichteten, dass die Bürger bereits sehr hohe Rechnungen erhalten "
           "hätten. Der Bundestag soll nächste Woche darüber beraten."),
    "es": ("El Gobierno presentó el martes un nuevo plan para ayudar a los hogares con las facturas de "
           "energía. El ministro de Hacienda afirmó que la medida se aplicará durante todo el invierno y "
           "costará varios miles de millones de euros al Estado. La oposición considera que la ayuda "
           "llega demasiado tarde y exige que también se apoye a las empresas. Varios alcaldes del norte "
           "explicaron que los vecinos ya han recibido facturas muy elevadas. El Congreso debatirá la "
           "propuesta la próxima semana."),
}
