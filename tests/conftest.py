"""Shared fixtures. Real data under ../shared is optional: tests using it skip without it."""

from __future__ import annotations

from pathlib import Path

import pytest

from crosswire.pipeline import IngestReport, ingest_paths
from crosswire.store import SQLiteStore, open_store

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"


@pytest.fixture
def store(tmp_path: Path) -> SQLiteStore:
    s = open_store(tmp_path / "test.db")
    yield s
    s.close()


@pytest.fixture
def seeds() -> list[Path]:
    files = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if len(files) < 5:
        pytest.skip("../shared/seeds is not available")
    return files


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
