"""Bytes to text: byte-order marks, the declared encoding, then detection."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes


class DecodeError(ValueError):
    """Bytes that are not usable text."""


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_DECLARED = re.compile(
    rb"""(?:<meta[^>]+charset\s*=\s*["']?|<\?xml[^>]+encoding\s*=\s*["'])([A-Za-z0-9_.:-]{2,40})""",
    re.IGNORECASE,
)
# C0 controls other than tab, newline, carriage return and form feed.
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


def declared_encoding(data: bytes) -> str | None:
    """The encoding an HTML ``<meta>`` or XML prolog declares in its first 4 KB."""
    m = _DECLARED.search(data[:4096])
    if not m:
        return None
    name = m.group(1).decode("ascii").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def looks_binary(data: bytes) -> bool:
    """True for bytes that are no text in any encoding we read (NULs, control codes)."""
    head = data[:8192]
    if not head:
        return False
    if b"\x00" in head:
        return True
    controls = sum(head.count(bytes([c])) for c in _CONTROL)
    return controls / len(head) > 0.05


# Detection often mistakes short Latin-script text for the wrong code page
# ("Blåbær" read as cp1250 gives "Blĺbćr"); of the plausible single-byte
# readings keep the one with the fewest signs of mojibake.
_SINGLE_BYTE = ("cp1252", "cp1250", "cp1254", "iso8859_15")
_PUNCT_OK = set("–—‘’“”„…«»€°§·•×½¼¾¡¿©®™\u00a0")
_MOJIBAKE = set("ƒ¸þÞðÐŸ¹³²¤¦¨¯´ˆ˜")
# Letters of the Latin-script languages we read, cheapest first.
_WESTERN = set("åäöæøéèêëáàâãíìîïóòôõúùûüñçßœÅÄÖÆØÉÈÊËÁÀÂÃÍÌÎÏÓÒÔÕÚÙÛÜÑÇŒ")
_CENTRAL = set("ąćęłńśźżĄĆĘŁŃŚŹŻğşıİĞŞčšžČŠŽőűŐŰ")


def _oddness(text: str) -> float:
    """How implausible the non-ASCII characters of ``text`` are for our languages."""
    bad = 0.0
    for ch in text:
        if ord(ch) < 128 or ch in _PUNCT_OK or ch in _WESTERN:
            continue
        if ch in _CENTRAL:
            bad += 0.25
        elif ch in _MOJIBAKE or not ch.isalpha():
            bad += 1.0
        else:
            bad += 1.0
    return bad


def _prefer_plausible(data: bytes, encoding: str, text: str) -> str:
    if codecs.lookup(encoding).name.replace("-", "_") not in (*_SINGLE_BYTE, "iso8859_2", "cp1257", "iso8859_13", "mac_latin2", "cp852", "mac_roman", "latin_1", "iso8859_1"):
        return text
    best_text, best_bad = text, _oddness(text)
    for enc in _SINGLE_BYTE:
        try:
            candidate = data.decode(enc)
        except UnicodeDecodeError:
            continue
        bad = _oddness(candidate)
        if bad < best_bad:
            best_text, best_bad = candidate, bad
    return best_text


def decode(data: bytes, *, declared: str | None = None) -> str:
    """Decode ``data`` or raise :class:`DecodeError` with a one-line reason."""
    if not data.strip():
        raise DecodeError("empty")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc)
            except UnicodeDecodeError as exc:
                raise DecodeError(f"invalid {enc} after its byte-order mark ({exc.reason})") from None
    if looks_binary(data):
        raise DecodeError("binary content, not text")
    tried: list[str] = []
    for enc in (declared, declared_encoding(data), "utf-8"):
        if not enc or enc in tried:
            continue
        tried.append(enc)
        try:
            return data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
    best = from_bytes(data[:200_000]).best()
    if best is not None and best.encoding and best.chaos < 0.2:
        try:
            text = data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            pass
        else:
            return _prefer_plausible(data, best.encoding, text)
    raise DecodeError(
        "undecodable bytes (tried " + ", ".join(tried) + " and detection)"
    )
