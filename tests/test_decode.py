import os

import pytest

from crosswire.ingest.decode import DecodeError, decode, looks_binary


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Blåbærsyltetøy på Øya, sa ordføreren i går.", "cp1252"),
        ("Ärger über die Straße in München, sagte der Bürgermeister.", "latin-1"),
        ("Zażółć gęślą jaźń, powiedział minister.", "cp1250"),
        ("Правительство объявило о новых мерах поддержки.", "cp1251"),
        ("Le cœur de l’été à Montréal – déjà 30 °C.", "cp1252"),
        ("Déjà vu: 北京 and Осло in one text", "utf-16"),
    ],
)
def test_legacy_encodings_are_detected(text, encoding):
    assert decode((text + " ") .encode(encoding) * 3).startswith(text)


def test_declared_html_charset_wins():
    data = '<html><head><meta charset="iso-8859-15"></head><body>Prisen er 5 €</body></html>'.encode("iso-8859-15")
    assert "5 €" in decode(data)


def test_empty_and_binary_input_are_refused():
    with pytest.raises(DecodeError, match="empty"):
        decode(b"  \n ")
    with pytest.raises(DecodeError, match="binary"):
        decode(os.urandom(4096))
    assert looks_binary(b"PK\x03\x04\x00\x00zipdata")
    assert not looks_binary("vanlig tekst\n".encode())
