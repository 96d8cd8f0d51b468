from crosswire.ingest.headline import classify_header
from crosswire.text.clean import clean_text, clean_title, normalise


def test_nfc_and_whitespace():
    decomposed = "Tromso\u0308 og A\u030arhus"  # o + combining diaeresis, A + ring
    assert normalise(decomposed) == "Tromsö og Århus"
    assert normalise("a\u00a0\u00a0b\u200b c\r\nd") == "a b c\nd"
    assert clean_title("  Ny\n  tittel ") == "Ny tittel"
    assert clean_title("   ") is None


def test_paragraphs_are_kept_and_wrapped_lines_joined():
    text = "Første avsnitt er her.\n\nAndre avsnitt som er\nbrutt over to linjer.\nTredje avsnitt."
    assert clean_text(text) == "Første avsnitt er her.\n\nAndre avsnitt som er brutt over to linjer.\n\nTredje avsnitt."


def test_chrome_lines_go():
    text = "\n".join([
        "Hjem › Nyheter › Utenriks",
        "Brannen startet natt til tirsdag.",
        "Foto: Reuters/NTB",
        "Publisert 12.03.2023 kl. 09:14",
        "7. jan. 2022 07:14 Sist oppdatert nå nettopp",
        "Del på Facebook",
        "Mannskapene fikk kontroll ved midnatt.",
    ])
    assert clean_text(text) == "Brannen startet natt til tirsdag.\n\nMannskapene fikk kontroll ved midnatt."


def test_credit_suffix_and_read_more_tail_are_cut_but_the_sentence_stays():
    assert clean_text("TALER: Presidenten talte fredag. Foto: Reuters/NTB") == "TALER: Presidenten talte fredag."
    nl = "Er vielen meer dan 2.000 gewonden. Lees ook Kazachs president over zijn voorganger"
    assert clean_text(nl) == "Er vielen meer dan 2.000 gewonden."
    assert clean_text("Les også: Slik gikk det\n\nEkte tekst her.") == "Ekte tekst her."


def test_sentences_mentioning_photos_are_not_chrome():
    s = "Fotografen ble arrestert etter at han tok bilder av demonstrasjonen."
    assert clean_text(s) == s


def test_title_repeated_as_first_paragraph_is_dropped():
    assert clean_text("Stor brann i Bergen\n\nBrannen startet i natt.", title="Stor brann i Bergen") == "Brannen startet i natt."


def test_header_classification():
    assert classify_header("utenriks") == "chrome"
    assert classify_header("forrige") == "chrome"
    assert classify_header("Hjem > Utenriks > Asia") == "chrome"
    assert classify_header("Storbrann i Bergen sentrum") == "title"
    assert classify_header("Hvem vant valget?") == "title"
    assert classify_header("Etter dager med uro nekter presidenten å forhandle med demonstrantene.") == "lead"
    assert classify_header("“Vi gir oss ikke”, sa statsministeren. “Aldri.”") == "lead"


def test_wire_and_live_update_notices_go():
    text = "\n\n".join([
        "Direkt aus dem dpa-Newskanal",
        "Charkiw (dpa) - Bei einer Explosion sind sieben Menschen gestorben.",
        "© dpa-infocom, dpa:210914-99-215377/4",
        "Saken oppdateres.",
        "Lee también: Las minas más peligrosas del mundo",
    ])
    assert clean_text(text) == "Charkiw (dpa) - Bei einer Explosion sind sieben Menschen gestorben."
