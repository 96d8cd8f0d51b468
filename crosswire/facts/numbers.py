"""Quantities in news text: digits, number words, vague amounts and ranges.

:func:`find_quantities` reads every amount a reader would see as a number:

* **digits** with the language's separators: ``8.000`` / ``8 000`` (space, NBSP U+00A0,
  thin space U+2009, narrow NBSP U+202F) / ``8,000`` (en) are 8000; ``1,5`` is 1.5
  except in English, where ``1.5`` is 1.5 and ``1,500`` is 1500.  Languages with no
  rules here take a dot or comma before exactly three digits as a thousands mark and
  any other comma as a decimal mark.  A scale word after the digits multiplies
  (``1,5 millioner``, ``340 miljoen``, ``2 млн``, ``14 mil``, ``1,5 tys.``, ``$2bn``).
* **number words** in nb, nn, da, sv, nl, en, de, fr, es, it, pt, pl, ru, uk and tr,
  also as compounds (``vijftienhonderd``, ``einundzwanzig``, ``tjueåtte``,
  ``trentatré``) and sequences (``two hundred and fifty``, ``vingt et un``,
  ``двадцать пять``), dozens (``twee dozijn`` = 24) and approximate numerals (``une
  trentaine``, ``una treintena``, ``een dertigtal`` = 30; see :func:`is_approximate`).
  Articles (en/ein/un/een/a...) count only before a scale or an approximate numeral
  (``een miljard``, ``a dozen``, ``une centaine``); ``one``, ``én``, ``één`` stand alone.
* **vague** amounts with an order of magnitude *m* and bounds ``[10**m, 10**(m+1)]``:
  ``dozens/titalls/tientallen/Dutzende/des dizaines/decenas`` (1), ``hundreds/hundrevis/
  honderden/Hunderte/cientos`` (2), ``thousands/tusenvis/Tausende/miles`` (3),
  ``Zehntausende`` (4)...; followed by a scale (``tientallen miljoenen``) the
  magnitude adds up (7).  ``kilkanaście`` (11-19) keeps its own bounds.
* **ranges**: ``150 to 200``, ``150-200``, ``between 150 and 200``, ``mellom 150 til
  200``, ``tra 200 e 300``, ``entre 23 y 30``, ``von 150 bis 200``, ``от 150 до 200``.

Not quantities: clock times (``07:14``, ``kl. 14.30``, ``6 a.m.``, ``0300 GMT``),
numeric dates and day-month dates (``28.10.2020``, ``7. jan.``, ``2.januar``, ``14
March``, ``Nov 17``), phone numbers, and digits glued to letters (``G20``,
``Covid-19``, ``Rv13``, ``80mph``, ``62-year-old``).  Years, ages, percentages and
measurements *are* quantities here; :mod:`crosswire.facts.figures` decides what counts.

Unsupported languages get digits only (no words, no vague amounts).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["Quantity", "SUPPORTED_LANGS", "find_quantities", "is_approximate", "norm_lang"]


@dataclass(frozen=True, slots=True)
class Quantity:
    """An amount in the text: exact (low == high), a range (low < high) or vague."""

    low: float | None  # exact value: low == high; range: low < high; vague: order of magnitude bounds
    high: float | None
    kind: str  # "exact" | "range" | "vague"
    text: str  # the surface ("8.000", "mellom 150 til 200", "hundrevis", "tientallen")
    start: int  # span in the text
    end: int
    magnitude: int | None = None  # for vague: 1 (dozens/titalls/tientallen), 2 (hundreds), 3 (thousands)...


SUPPORTED_LANGS = frozenset("nb nn da sv nl en de fr es it pt pl ru uk tr".split())
_LANG_ALIASES = {"no": "nb", "nob": "nb", "nno": "nn", "nld": "nl", "eng": "en", "deu": "de", "ger": "de",
                 "fra": "fr", "fre": "fr", "spa": "es", "ita": "it", "por": "pt", "pol": "pl", "rus": "ru",
                 "ukr": "uk", "tur": "tr", "dan": "da", "swe": "sv"}


def norm_lang(lang: str | None) -> str:
    """``"en-GB"`` → ``"en"``, ``"no"`` → ``"nb"``; unknown codes pass through lowercased."""
    code = (lang or "").strip().lower().replace("_", "-").split("-")[0]
    return _LANG_ALIASES.get(code, code)


# --------------------------------------------------------------------------- lexicons
# Entry "word:value[:kind]"; kinds: u unit (adds), h hundred (multiplies the group),
# s scale (thousand, million: closes a group), d dozen (×12), a article (1, only before
# h/s/d/x), x approximate numeral (alone or after an article).  Value omitted = 1.

_LEX_SPEC: dict[str, str] = {
    "en": """zero:0 one:1 two:2 three:3 four:4 five:5 six:6 seven:7 eight:8 nine:9 ten:10 eleven:11
        twelve:12 thirteen:13 fourteen:14 fifteen:15 sixteen:16 seventeen:17 eighteen:18 nineteen:19
        twenty:20 thirty:30 forty:40 fourty:40 fifty:50 sixty:60 seventy:70 eighty:80 ninety:90
        hundred:100:h thousand:1e3:s million:1e6:s billion:1e9:s trillion:1e12:s dozen:12:d a:1:a an:1:a""",
    "nb": """null:0 en:1:a ett:1:a ei:1:a et:1:a én:1 to:2 tre:3 fire:4 fem:5 seks:6 sju:7 syv:7 åtte:8 ni:9
        ti:10 elleve:11 tolv:12 tretten:13 fjorten:14 femten:15 seksten:16 sytten:17 atten:18 nitten:19
        tjue:20 tyve:20 tretti:30 tredve:30 førti:40 femti:50 seksti:60 sytti:70 åtti:80 nitti:90
        hundre:100:h hundrede:100:h tusen:1e3:s million:1e6:s millioner:1e6:s milliard:1e9:s
        milliarder:1e9:s dusin:12:d""",
    "nn": """null:0 ein:1:a eit:1:a ei:1:a éin:1 eitt:1 to:2 tre:3 fire:4 fem:5 seks:6 sju:7 åtte:8 ni:9
        ti:10 elleve:11 tolv:12 tretten:13 fjorten:14 femten:15 seksten:16 sytten:17 atten:18 nitten:19
        tjue:20 tretti:30 førti:40 femti:50 seksti:60 sytti:70 åtti:80 nitti:90 hundre:100:h
        tusen:1e3:s million:1e6:s millionar:1e6:s milliard:1e9:s milliardar:1e9:s dusin:12:d""",
    "da": """nul:0 en:1:a et:1:a én:1 to:2 tre:3 fire:4 fem:5 seks:6 syv:7 otte:8 ni:9 ti:10 elleve:11
        tolv:12 tretten:13 fjorten:14 femten:15 seksten:16 sytten:17 atten:18 nitten:19 tyve:20
        tredive:30 fyrre:40 halvtreds:50 tres:60 halvfjerds:70 firs:80 halvfems:90 hundrede:100:h
        hundred:100:h tusind:1e3:s tusinde:1e3:s million:1e6:s millioner:1e6:s milliard:1e9:s
        milliarder:1e9:s dusin:12:d""",
    "sv": """noll:0 en:1:a ett:1:a två:2 tre:3 fyra:4 fem:5 sex:6 sju:7 åtta:8 nio:9 tio:10 elva:11
        tolv:12 tretton:13 fjorton:14 femton:15 sexton:16 sjutton:17 arton:18 nitton:19 tjugo:20
        trettio:30 fyrtio:40 femtio:50 sextio:60 sjuttio:70 åttio:80 nittio:90 hundra:100:h
        tusen:1e3:s miljon:1e6:s miljoner:1e6:s miljard:1e9:s miljarder:1e9:s dussin:12:d""",
    "nl": """nul:0 een:1:a één:1 eén:1 twee:2 drie:3 vier:4 vijf:5 zes:6 zeven:7 acht:8 negen:9 tien:10
        elf:11 twaalf:12 dertien:13 veertien:14 vijftien:15 zestien:16 zeventien:17 achttien:18
        negentien:19 twintig:20 dertig:30 veertig:40 vijftig:50 zestig:60 zeventig:70 tachtig:80
        negentig:90 honderd:100:h duizend:1e3:s miljoen:1e6:s miljard:1e9:s dozijn:12:d tiental:10:x
        twintigtal:20:x dertigtal:30:x veertigtal:40:x vijftigtal:50:x honderdtal:100:x""",
    "de": """null:0 ein:1:a eine:1:a einen:1:a einem:1:a einer:1:a eins:1 zwei:2 zwo:2 drei:3 vier:4
        fünf:5 sechs:6 sieben:7 acht:8 neun:9 zehn:10 elf:11 zwölf:12 dreizehn:13 vierzehn:14
        fünfzehn:15 sechzehn:16 siebzehn:17 achtzehn:18 neunzehn:19 zwanzig:20 dreißig:30
        dreissig:30 vierzig:40 fünfzig:50 sechzig:60 siebzig:70 achtzig:80 neunzig:90 hundert:100:h
        tausend:1e3:s million:1e6:s millionen:1e6:s milliarde:1e9:s milliarden:1e9:s dutzend:12:d""",
    "fr": """zéro:0 un:1:a une:1:a deux:2 trois:3 quatre:4 cinq:5 six:6 sept:7 huit:8 neuf:9 dix:10
        onze:11 douze:12 treize:13 quatorze:14 quinze:15 seize:16 vingt:20 trente:30 quarante:40
        cinquante:50 soixante:60 cent:100:h cents:100:h mille:1e3:s million:1e6:s millions:1e6:s
        milliard:1e9:s milliards:1e9:s dizaine:10:x douzaine:12:x quinzaine:15:x vingtaine:20:x
        trentaine:30:x quarantaine:40:x cinquantaine:50:x soixantaine:60:x centaine:100:x
        millier:1000:x""",
    "es": """cero:0 un:1:a una:1:a uno:1:a dos:2 tres:3 cuatro:4 cinco:5 seis:6 siete:7 ocho:8 nueve:9
        diez:10 once:11 doce:12 trece:13 catorce:14 quince:15 dieciséis:16 dieciseis:16 diecisiete:17
        dieciocho:18 diecinueve:19 veinte:20 veinti:20 veintiún:21 veintidós:22 veintitrés:23
        veintiséis:26 treinta:30 cuarenta:40 cincuenta:50 sesenta:60 setenta:70 ochenta:80 noventa:90
        cien:100 ciento:100:h doscientos:200 doscientas:200 trescientos:300 trescientas:300
        cuatrocientos:400 cuatrocientas:400 quinientos:500 quinientas:500 seiscientos:600
        seiscientas:600 setecientos:700 setecientas:700 ochocientos:800 ochocientas:800
        novecientos:900 novecientas:900 mil:1e3:s millón:1e6:s millones:1e6:s decena:10:x docena:12:x
        quincena:15:x veintena:20:x treintena:30:x cuarentena:40:x cincuentena:50:x centenar:100:x
        millar:1000:x""",
    "it": """zero:0 un:1:a una:1:a uno:1:a due:2 tre:3 tré:3 quattro:4 cinque:5 sei:6 sette:7 otto:8
        nove:9 dieci:10 undici:11 dodici:12 tredici:13 quattordici:14 quindici:15 sedici:16
        diciassette:17 diciotto:18 diciannove:19 venti:20 vent:20 trenta:30 trent:30 quaranta:40
        quarant:40 cinquanta:50 cinquant:50 sessanta:60 sessant:60 settanta:70 settant:70
        ottanta:80 ottant:80 novanta:90 novant:90 cento:100:h mille:1e3:s mila:1e3:s milione:1e6:s
        milioni:1e6:s miliardo:1e9:s miliardi:1e9:s decina:10:x dozzina:12:x quindicina:15:x
        ventina:20:x trentina:30:x quarantina:40:x cinquantina:50:x centinaio:100:x migliaio:1000:x""",
    "pt": """zero:0 um:1:a uma:1:a dois:2 duas:2 três:3 tres:3 quatro:4 cinco:5 seis:6 sete:7 oito:8
        nove:9 dez:10 onze:11 doze:12 treze:13 catorze:14 quatorze:14 quinze:15 dezesseis:16
        dezasseis:16 dezessete:17 dezassete:17 dezoito:18 dezenove:19 dezanove:19 vinte:20
        trinta:30 quarenta:40 cinquenta:50 sessenta:60 setenta:70 oitenta:80 noventa:90 cem:100
        cento:100:h duzentos:200 duzentas:200 trezentos:300 trezentas:300 quatrocentos:400
        quinhentos:500 quinhentas:500 seiscentos:600 setecentos:700 oitocentos:800 novecentos:900
        mil:1e3:s milhão:1e6:s milhões:1e6:s bilhão:1e9:s bilhões:1e9:s dezena:10:x dúzia:12:x
        vintena:20:x centena:100:x milhar:1000:x""",
    "pl": """zero:0 jeden:1:a jedna:1:a jedno:1:a dwa:2 dwie:2 dwóch:2 dwu:2 dwoje:2 dwóm:2 trzy:3
        trzech:3 troje:3 cztery:4 czterech:4 czworo:4 pięć:5 pięciu:5 pięcioro:5 sześć:6 sześciu:6
        siedem:7 siedmiu:7 osiem:8 ośmiu:8 dziewięć:9 dziewięciu:9 dziesięć:10 dziesięciu:10
        jedenaście:11 jedenastu:11 dwanaście:12 dwunastu:12 trzynaście:13 trzynastu:13
        czternaście:14 czternastu:14 piętnaście:15 piętnastu:15 szesnaście:16 szesnastu:16
        siedemnaście:17 siedemnastu:17 osiemnaście:18 osiemnastu:18 dziewiętnaście:19
        dziewiętnastu:19 dwadzieścia:20 dwudziestu:20 trzydzieści:30 trzydziestu:30
        czterdzieści:40 czterdziestu:40 pięćdziesiąt:50 pięćdziesięciu:50 sześćdziesiąt:60
        sześćdziesięciu:60 siedemdziesiąt:70 osiemdziesiąt:80 dziewięćdziesiąt:90 sto:100 stu:100
        dwieście:200 dwustu:200 trzysta:300 trzystu:300 czterysta:400 pięćset:500 pięciuset:500
        sześćset:600 siedemset:700 osiemset:800 dziewięćset:900 tysiąc:1e3:s tysiące:1e3:s
        tysięcy:1e3:s milion:1e6:s miliony:1e6:s milionów:1e6:s miliard:1e9:s miliardy:1e9:s
        miliardów:1e9:s""",
    "ru": """ноль:0 один:1:a одна:1:a одно:1:a одного:1:a два:2 две:2 двух:2 двое:2 три:3 трёх:3 трех:3
        трое:3 четыре:4 четырёх:4 четырех:4 четверо:4 пять:5 пяти:5 пятеро:5 шесть:6 шести:6
        шестеро:6 семь:7 семи:7 семеро:7 восемь:8 восьми:8 девять:9 девяти:9 десять:10 десяти:10
        одиннадцать:11 одиннадцати:11 двенадцать:12 двенадцати:12 тринадцать:13 тринадцати:13
        четырнадцать:14 четырнадцати:14 пятнадцать:15 пятнадцати:15 шестнадцать:16
        шестнадцати:16 семнадцать:17 семнадцати:17 восемнадцать:18 восемнадцати:18
        девятнадцать:19 девятнадцати:19 двадцать:20 двадцати:20 тридцать:30 тридцати:30 сорок:40
        сорока:40 пятьдесят:50 пятидесяти:50 шестьдесят:60 шестидесяти:60 семьдесят:70
        семидесяти:70 восемьдесят:80 восьмидесяти:80 девяносто:90 девяноста:90 сто:100 ста:100
        двести:200 двухсот:200 триста:300 трехсот:300 трёхсот:300 четыреста:400 четырехсот:400
        пятьсот:500 пятисот:500 шестьсот:600 семьсот:700 восемьсот:800 девятьсот:900
        тысяча:1e3:s тысячи:1e3:s тысяч:1e3:s тысячу:1e3:s миллион:1e6:s миллиона:1e6:s
        миллионов:1e6:s миллиард:1e9:s миллиарда:1e9:s миллиардов:1e9:s""",
    "uk": """нуль:0 один:1:a одна:1:a одне:1:a два:2 дві:2 двох:2 двоє:2 три:3 трьох:3 троє:3
        чотири:4 чотирьох:4 четверо:4 п'ять:5 п'яти:5 п'ятеро:5 шість:6 шести:6 шестеро:6 сім:7
        семи:7 семеро:7 вісім:8 восьми:8 дев'ять:9 дев'яти:9 десять:10 десяти:10 одинадцять:11
        дванадцять:12 тринадцять:13 чотирнадцять:14 п'ятнадцять:15 шістнадцять:16
        сімнадцять:17 вісімнадцять:18 дев'ятнадцять:19 двадцять:20 двадцяти:20 тридцять:30
        сорок:40 п'ятдесят:50 шістдесят:60 сімдесят:70 вісімдесят:80 дев'яносто:90 сто:100
        двісті:200 триста:300 чотириста:400 п'ятсот:500 шістсот:600 сімсот:700 вісімсот:800
        дев'ятсот:900 тисяча:1e3:s тисячі:1e3:s тисяч:1e3:s тисячу:1e3:s мільйон:1e6:s
        мільйони:1e6:s мільйонів:1e6:s мільярд:1e9:s мільярди:1e9:s мільярдів:1e9:s""",
    "tr": """sıfır:0 bir:1:a iki:2 üç:3 dört:4 beş:5 altı:6 yedi:7 sekiz:8 dokuz:9 on:10 yirmi:20
        otuz:30 kırk:40 elli:50 altmış:60 yetmiş:70 seksen:80 doksan:90 yüz:100:h bin:1e3:s
        milyon:1e6:s milyar:1e9:s""",
}

# Connectors between number words in a sequence (not inside compounds).
_CONNECTORS: dict[str, frozenset[str]] = {
    "en": frozenset({"and"}), "nb": frozenset({"og"}), "nn": frozenset({"og"}), "da": frozenset({"og"}),
    "sv": frozenset({"och"}), "nl": frozenset({"en"}), "de": frozenset({"und"}), "fr": frozenset({"et"}),
    "es": frozenset({"y"}), "it": frozenset({"e"}), "pt": frozenset({"e"}), "pl": frozenset(),
    "ru": frozenset({"и"}), "uk": frozenset({"і"}), "tr": frozenset(),
}
# Connectors inside one written compound (einundzwanzig, eenentwintig, fireogtyve).
_COMPOUND_CONNECTORS: dict[str, tuple[str, ...]] = {
    "de": ("und",), "nl": ("en", "ën"), "da": ("og",), "nb": ("og",), "nn": ("og",),
}
_COMPOUND_LANGS = frozenset("nb nn da sv nl de it es".split())
# A scale standing alone (no number, no article) still counts: "tusen mennesker", "mille".
_LONE_SCALES = frozenset(
    "hundred hundre hundrede hundra honderd hundert cent cien ciento cento cem sto сто tusen tusind tusinde "
    "duizend tausend mille mil тысяча тысячи тысячу тисяча тисячі тисячу tysiąc bin yüz".split()
)

# Vague amounts: phrase → magnitude (or explicit bounds).
_VAGUE_SPEC: dict[str, dict[str, int | tuple[int, float, float]]] = {
    "en": {"dozens": 1, "scores": 1, "several dozen": 1, "a few dozen": 1, "tens": 1, "hundreds": 2,
           "several hundred": 2, "a few hundred": 2, "some hundreds": 2, "thousands": 3,
           "several thousand": 3, "a few thousand": 3, "tens of thousands": 4, "hundreds of thousands": 5,
           "millions": 6, "tens of millions": 7, "hundreds of millions": 8, "billions": 9},
    "nb": {"titalls": 1, "et titalls": 1, "flere titalls": 1, "dusinvis": 1, "hundrevis": 2,
           "hundretalls": 2, "flere hundretalls": 2, "flere hundre": 2, "noen hundre": 2,
           "tusenvis": 3, "tusentalls": 3, "flere tusen": 3, "noen tusen": 3, "titusenvis": 4,
           "flere titusen": 4, "hundretusenvis": 5, "millioner": 6, "milliarder": 9,
           "flere millioner": 6, "flere milliarder": 9},
    "nn": {"titals": 1, "titalls": 1, "eit titals": 1, "eit titalls": 1, "fleire titals": 1,
           "hundrevis": 2, "hundretals": 2, "hundretalls": 2, "fleire hundre": 2, "nokre hundre": 2,
           "tusenvis": 3, "fleire tusen": 3, "nokre tusen": 3, "titusenvis": 4, "millionar": 6,
           "milliardar": 9, "fleire millionar": 6, "fleire milliardar": 9},
    "da": {"snesevis": 1, "hundredvis": 2, "flere hundrede": 2, "nogle hundrede": 2, "tusindvis": 3,
           "flere tusinde": 3, "flere tusind": 3, "nogle tusinde": 3, "titusindvis": 4,
           "millioner": 6, "milliarder": 9},
    "sv": {"tiotals": 1, "dussintals": 1, "hundratals": 2, "flera hundra": 2, "några hundra": 2,
           "tusentals": 3, "flera tusen": 3, "några tusen": 3, "tiotusentals": 4, "miljoner": 6,
           "miljarder": 9},
    "nl": {"tientallen": 1, "enkele tientallen": 1, "dozijnen": 1, "honderden": 2,
           "enkele honderden": 2, "een paar honderd": 2, "duizenden": 3, "enkele duizenden": 3,
           "tienduizenden": 4, "honderdduizenden": 5, "miljoenen": 6, "miljarden": 9},
    "de": {"dutzende": 1, "dutzenden": 1, "einige dutzend": 1, "mehrere dutzend": 1, "hunderte": 2,
           "hunderten": 2, "mehrere hundert": 2, "einige hundert": 2, "tausende": 3, "tausenden": 3,
           "mehrere tausend": 3, "einige tausend": 3, "zehntausende": 4, "zehntausenden": 4,
           "hunderttausende": 5, "millionen": 6, "milliarden": 9},
    "fr": {"dizaines": 1, "des dizaines": 1, "plusieurs dizaines": 1, "douzaines": 1, "centaines": 2,
           "des centaines": 2, "plusieurs centaines": 2, "quelques centaines": 2, "milliers": 3,
           "des milliers": 3, "plusieurs milliers": 3, "quelques milliers": 3,
           "dizaines de milliers": 4, "des dizaines de milliers": 4, "centaines de milliers": 5,
           "des centaines de milliers": 5, "millions": 6, "des millions": 6, "milliards": 9},
    "es": {"decenas": 1, "docenas": 1, "cientos": 2, "centenares": 2, "varios cientos": 2,
           "miles": 3, "millares": 3, "varios miles": 3, "decenas de miles": 4, "cientos de miles": 5,
           "millones": 6},
    "it": {"decine": 1, "dozzine": 1, "centinaia": 2, "alcune centinaia": 2, "diverse centinaia": 2,
           "migliaia": 3, "alcune migliaia": 3, "decine di migliaia": 4, "centinaia di migliaia": 5,
           "milioni": 6},
    "pt": {"dezenas": 1, "centenas": 2, "milhares": 3, "dezenas de milhares": 4,
           "centenas de milhares": 5, "milhões": 6},
    "pl": {"dziesiątki": 1, "kilkadziesiąt": 1, "kilkudziesięciu": 1, "kilkanaście": (1, 11, 19),
           "kilkunastu": (1, 11, 19), "setki": 2, "kilkaset": 2, "kilkuset": 2, "tysiące": 3,
           "kilka tysięcy": 3, "kilku tysięcy": 3, "kilkadziesiąt tysięcy": 4,
           "dziesiątki tysięcy": 4, "miliony": 6},
    "ru": {"десятки": 1, "десятков": 1, "несколько десятков": 1, "сотни": 2, "сотен": 2,
           "несколько сотен": 2, "тысячи": 3, "несколько тысяч": 3, "десятки тысяч": 4,
           "сотни тысяч": 5, "миллионы": 6},
    "uk": {"десятки": 1, "кілька десятків": 1, "сотні": 2, "кількасот": 2, "кілька сотень": 2,
           "тисячі": 3, "кілька тисяч": 3, "десятки тисяч": 4, "сотні тисяч": 5, "мільйони": 6},
    "tr": {"onlarca": 1, "yüzlerce": 2, "binlerce": 3, "on binlerce": 4, "yüz binlerce": 5,
           "milyonlarca": 6},
}

# Scale words after digits (and after vague amounts: "tientallen miljoenen").
_SCALE_SPEC: dict[str, dict[str, float]] = {
    "en": {"thousand": 1e3, "million": 1e6, "millions": 1e6, "mln": 1e6, "mn": 1e6, "billion": 1e9,
           "billions": 1e9, "bn": 1e9, "trillion": 1e12},
    "nb": {"tusen": 1e3, "million": 1e6, "millioner": 1e6, "mill.": 1e6, "mill": 1e6, "mln.": 1e6,
           "milliard": 1e9, "milliarder": 1e9, "mrd.": 1e9, "mrd": 1e9},
    "nn": {"tusen": 1e3, "million": 1e6, "millionar": 1e6, "mill.": 1e6, "mill": 1e6, "milliard": 1e9,
           "milliardar": 1e9, "mrd.": 1e9, "mrd": 1e9},
    "da": {"tusind": 1e3, "tusinde": 1e3, "million": 1e6, "millioner": 1e6, "mio.": 1e6, "mio": 1e6,
           "milliard": 1e9, "milliarder": 1e9, "mia.": 1e9, "mia": 1e9, "mrd.": 1e9},
    "sv": {"tusen": 1e3, "miljon": 1e6, "miljoner": 1e6, "milj.": 1e6, "miljard": 1e9,
           "miljarder": 1e9, "mdr": 1e9, "mdr.": 1e9},
    "nl": {"duizend": 1e3, "miljoen": 1e6, "miljoenen": 1e6, "mln": 1e6, "mln.": 1e6, "miljard": 1e9,
           "miljarden": 1e9, "mld": 1e9, "mld.": 1e9},
    "de": {"tausend": 1e3, "million": 1e6, "millionen": 1e6, "mio.": 1e6, "mio": 1e6, "milliarde": 1e9,
           "milliarden": 1e9, "mrd.": 1e9, "mrd": 1e9},
    "fr": {"mille": 1e3, "million": 1e6, "millions": 1e6, "md": 1e9, "milliard": 1e9, "milliards": 1e9},
    "es": {"mil millones": 1e9, "mil": 1e3, "millón": 1e6, "millones": 1e6},
    "it": {"mila": 1e3, "mille": 1e3, "milione": 1e6, "milioni": 1e6, "mln": 1e6, "miliardo": 1e9,
           "miliardi": 1e9, "mld": 1e9, "mrd": 1e9},
    "pt": {"mil milhões": 1e9, "mil": 1e3, "milhão": 1e6, "milhões": 1e6, "bilhão": 1e9, "bilhões": 1e9},
    "pl": {"tys.": 1e3, "tys": 1e3, "tysiąc": 1e3, "tysiące": 1e3, "tysięcy": 1e3, "mln": 1e6,
           "mln.": 1e6, "milion": 1e6, "miliony": 1e6, "milionów": 1e6, "mld": 1e9, "mld.": 1e9,
           "miliard": 1e9, "miliardy": 1e9, "miliardów": 1e9},
    "ru": {"тыс.": 1e3, "тыс": 1e3, "тысяча": 1e3, "тысячи": 1e3, "тысяч": 1e3, "млн": 1e6,
           "миллион": 1e6, "миллиона": 1e6, "миллионов": 1e6, "млрд": 1e9, "миллиард": 1e9,
           "миллиарда": 1e9, "миллиардов": 1e9},
    "uk": {"тис.": 1e3, "тис": 1e3, "тисяча": 1e3, "тисячі": 1e3, "тисяч": 1e3, "млн": 1e6,
           "мільйон": 1e6, "мільйони": 1e6, "мільйонів": 1e6, "млрд": 1e9, "мільярд": 1e9,
           "мільярди": 1e9, "мільярдів": 1e9},
    "tr": {"bin": 1e3, "milyon": 1e6, "milyar": 1e9},
}
_GENERIC_SCALES = {"mln": 1e6, "mld": 1e9, "mrd": 1e9, "bn": 1e9}
_GLUED_SCALES = {"bn": 1e9, "b": 1e9, "m": 1e6, "mn": 1e6, "k": 1e3, "tn": 1e12}

# Range connectors: (prefix before the first number or None, connector between).
_RANGE_BETWEEN = {
    "en": ("between", "and"), "nb": ("mellom", "og|til"), "nn": ("mellom", "og|til"),
    "da": ("mellem", "og|til"), "sv": ("mellan", "och|till"), "nl": ("tussen", "en"),
    "de": ("zwischen", "und"), "fr": ("entre", "et"), "es": ("entre", "y"), "it": ("tra|fra", "e"),
    "pt": ("entre", "e"), "pl": ("od|między", "do|a"), "ru": ("от|между", "до|и"), "uk": ("від|між", "до|і"),
}
_RANGE_PLAIN = {
    "en": "to", "nb": "til", "nn": "til", "da": "til", "sv": "till", "nl": "tot", "de": "bis",
    "fr": "à", "es": "a", "it": "a", "pt": "a", "pl": "do", "ru": "до", "uk": "до", "tr": "ile",
}
_RANGE_FROM = {
    "en": "from", "nb": "fra", "nn": "frå|fra", "da": "fra", "sv": "från", "nl": "van", "de": "von",
    "fr": "de", "es": "de", "it": "da", "pt": "de",
}

_MONTHS = {
    "en": r"January|February|March|April|May|June|July|August|September|October|November|December|"
          r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec",
    "nb": r"januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember|"
          r"jan|feb|mar|apr|jun|jul|aug|sept|sep|okt|nov|des",
    "da": r"januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december|"
          r"jan|feb|mar|apr|jun|jul|aug|sept|sep|okt|nov|dec",
    "sv": r"januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december|"
          r"jan|feb|mar|apr|jun|jul|aug|sept|sep|okt|nov|dec",
    "nl": r"januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|"
          r"jan|feb|mrt|apr|jun|jul|aug|sept|sep|okt|nov|dec",
    "de": r"Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|"
          r"Jan|Feb|Mär|Apr|Jun|Jul|Aug|Sept|Sep|Okt|Nov|Dez",
    "fr": r"janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|"
          r"janv|févr|avr|juil|sept|oct|nov|déc",
    "es": r"enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|"
          r"diciembre|ene|feb|abr|jun|jul|ago|sept|sep|oct|nov|dic",
    "it": r"gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|"
          r"dicembre|genn|febbr|apr|giu|lug|ago|sett|ott|nov|dic",
    "pt": r"janeiro|fevereiro|março|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro|"
          r"jan|fev|abr|jun|jul|ago|set|out|nov|dez",
    "pl": r"stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|"
          r"listopada|grudnia|styczeń|luty|marzec|kwiecień|maj|czerwiec|lipiec|sierpień|wrzesień|"
          r"październik|listopad|grudzień",
    "ru": r"января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|"
          r"январь|февраль|март|апрель|май|июнь|июль|август|сентябрь|октябрь|ноябрь|декабрь",
    "uk": r"січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня|"
          r"січень|лютий|березень|квітень|травень|червень|липень|серпень|вересень|жовтень|листопад|"
          r"грудень",
    "tr": r"Ocak|Şubat|Mart|Nisan|Mayıs|Haziran|Temmuz|Ağustos|Eylül|Ekim|Kasım|Aralık",
}
_MONTHS["nn"] = _MONTHS["nb"]

_SPACES = "\u00a0\u202f\u2009 "
_APOS_MAP = {ord("’"): "'", ord("ʼ"): "'"}
_APOS = "'’ʼ"


def _parse_lex(spec: str) -> dict[str, tuple[float, str]]:
    out: dict[str, tuple[float, str]] = {}
    for item in spec.split():
        parts = item.split(":")
        word = parts[0].replace("’", "'")
        value = float(parts[1]) if len(parts) > 1 else 1.0
        kind = parts[2] if len(parts) > 2 else "u"
        out[word] = (value, kind)
    return out


def _lower(text: str) -> str:
    """Lower case with the same length (offsets stay valid): 'İ' and the like keep their letter."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


class _Lang:
    """Compiled tables of one language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        known = lang in SUPPORTED_LANGS
        self.known = known
        self.english = lang == "en"
        self.lex = _parse_lex(_LEX_SPEC.get(lang, "")) if known else {}
        self.connectors = _CONNECTORS.get(lang, frozenset())
        vague = _VAGUE_SPEC.get(lang, {}) if known else {}
        self.vague = {k: v for k, v in vague.items()}
        scales = dict(_SCALE_SPEC.get(lang, {})) if known else dict(_GENERIC_SCALES)
        self.scales = scales
        scale_alt = _alt(scales)
        # digits + scale word
        self.scale_after = re.compile(r"[\s\u00a0\u202f\u2009]*(" + scale_alt + r")(?![\w])", re.I)
        if known and self.vague:
            self.vague_re = re.compile(
                r"(?<![\w])(" + _alt(self.vague) + r")(?:\s+(?:of\s+|de\s+|d'|di\s+|av\s+|van\s+)?("
                + scale_alt + r"))?(?![\w])"
            )  # on lower-cased text
        else:
            self.vague_re = None
        if known and lang in _COMPOUND_LANGS:
            morphs = [w for w in self.lex if len(w) >= 2 and w.isalpha()]
            conns = _COMPOUND_CONNECTORS.get(lang, ())
            self.compound_re = re.compile(r"(?:" + _alt(list(morphs) + list(conns)) + r")+")
            self.morph_re = re.compile(_alt(list(morphs) + list(conns)))
            self.compound_conns = frozenset(conns)
        else:
            self.compound_re = None
            self.morph_re = None
            self.compound_conns = frozenset()
        # words that may be numbers: they start like a lexicon word (or are a connector)
        starts = [w for w in self.lex] + list(self.connectors) + list(_COMPOUND_CONNECTORS.get(lang, ()))
        self.word_hint = re.compile(
            r"(?<![\w'’ʼ])(?=" + (_alt(starts) or "(?!x)x") + r")[^\W\d_]+(?:['’ʼ][^\W\d_]+)*"
        )  # on lower-cased text
        months = _MONTHS.get(lang) if known else "|".join(dict.fromkeys(_MONTHS.values()))
        m_en = _MONTHS["en"]
        month_alt = f"(?:(?i:{months})|{m_en})" if lang != "en" else f"(?:{m_en})"
        # dates, times, phone numbers, codes: tried only where a run of digits starts
        start_alts = [
            r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b",  # 28.10.2020
            r"\d{4}-\d{2}-\d{2}\b",
            r"\d+(?:[-/]\d+){2,}\b",  # 210914-99-215377/4, 800-555-1234
            r"\d{1,2}:\d{2}(?::\d{2})?\b",  # 07:14
            r"\d{1,2}(?:[.:]\d{2})?\s?(?:a\.m\.|p\.m\.|am\b|pm\b|Uhr\b|uur\b|GMT\b|UTC\b|CET\b)",
            r"\d{3,4}\s?(?:GMT|UTC|CET|CEST)\b",
            r"\d{1,2}\s?h\s?\d{2}\b",  # 6 h 20
            r"\d{1,2}\s?h(?![\w])",
            # 14 March, 7. jan., 9 de enero, 9 de janeiro
            r"\d{1,2}\.?\s?(?:[-–]\s?\d{1,2}\.?\s?)?" + ("(?:de\\s)?" if lang in ("es", "pt") else "")
            + month_alt + r"(?![\w])",
            r"\d{2}(?:[ \-]\d{2}){3,}(?![\d])",  # phone numbers
            r"\d{3}[ \-]\d{2}[ \-]\d{3}(?![\d])",
            r"\d{3}[\-.]\d{3}[\-.]\d{4}(?![\d])",
            r"\d+/\d+\b",  # 24/7
        ]
        if not self.english and known:
            start_alts.append(r"\d{1,2}\.\d{2}(?![\d]|[.,]\d)")  # 14.30
        self.mask_start = re.compile("|".join(start_alts))
        self.mask_before = re.compile(
            r"(?:(?P<month>(?<![\w])" + month_alt + r"\.?\s)"  # Nov 17
            r"|(?P<clock>(?i:\b(?:kl\.?|klokken|klokka|klockan|kello|godz\.?|godziny|saat|alle ore|a las|ore|"
            r"o godzinie)\s*))"
            r"|(?P<phone>\+\d{0,3}[\s\-]?|(?i:\b(?:tlf|tel|telefon|phone|tél|teléfono|telefono|telefone|тел)"
            r"\.?:?\s*))"
            r"|(?P<code>[^\W\d_]:))$"
        )
        self.month_day_end = re.compile(r"\d{1,2}(?:st|nd|rd|th)?\b(?![.,]?\d)")
        between, and_ = _RANGE_BETWEEN.get(lang, ("between", "and")) if known else ("", "")
        plain = _RANGE_PLAIN.get(lang, "to") if known else ""
        self.range_between_pre = re.compile(r"(?i:(?:" + between + r"))\s+$") if between else None
        self.range_between_gap = re.compile(r"^\s+(?i:(?:" + and_ + r"|" + plain + r"))\s+$") if between else None
        gap_words = plain + ("|e" if lang == "tr" else "")
        self.range_plain_gap = re.compile(
            r"^(?:\s?[-–—]\s?|\s+(?i:(?:" + gap_words + r"))\s+)$" if plain else r"^\s?[-–—]\s?$"
        )
        self.range_from_pre = re.compile(r"(?i:(?:" + _RANGE_FROM[lang] + r"))\s+$") if lang in _RANGE_FROM else None


@lru_cache(maxsize=64)
def _tables(lang: str) -> _Lang:
    return _Lang(lang)


_ASCII_LETTERS = re.compile(r"[A-Za-z]+")
_DIGIT_START = re.compile(r"(?<!\d)\d")
_CLOCK = re.compile(r"\d{1,2}(?:[.:]\d{2})?")
_PHONE_TAIL = re.compile(r"\d[\d\s\-/()]*\d|\d")
_DIGIT_RUN = re.compile(r"\d+(?:(?:[.,]|[\u00a0\u202f\u2009 ])\d+)*")
_WORD = re.compile(r"[^\W\d_]+(?:['’ʼ][^\W\d_]+)*")


def _digit_values(run: str, lang: _Lang) -> list[tuple[float, int, int]] | None:
    """Split a run of digits and separators into numbers: [(value, start, end)], None = not numbers."""
    parts = re.split(r"([.,]|[\u00a0\u202f\u2009 ])", run)
    groups = parts[0::2]
    seps = parts[1::2]
    if lang.english:
        thou, dec = ",", "."
    elif lang.known:
        thou, dec = ".", ","
    else:
        thou, dec = None, None
    out: list[tuple[float, int, int]] = []
    pos = 0
    i = 0
    while i < len(groups):
        g0 = groups[i]
        start = pos
        int_part = g0
        frac = ""
        end = pos + len(g0)
        j = i
        while j < len(seps):
            sep, g = seps[j], groups[j + 1]
            if sep in _SPACES:
                if len(g) == 3 and len(g0) <= 3 and not frac:
                    int_part += g
                    end += 1 + len(g)
                    j += 1
                    continue
                break
            if thou is None:  # unknown language
                if len(g) == 3 and len(g0) <= 3 and not frac and (j == i or seps[j - 1] == sep):
                    int_part += g
                    end += 1 + len(g)
                    j += 1
                    continue
                if not frac and (sep == "," or len(g) == 1):
                    frac = g
                    end += 1 + len(g)
                    j += 1
                    continue
                return None
            if sep == thou:
                if len(g) == 3 and len(g0) <= 3 and not frac:
                    int_part += g
                    end += 1 + len(g)
                    j += 1
                    continue
                if lang.english:  # "1,2 and 3": a list, not a number
                    break
                return None  # 14.30, 28.10: times and dates
            if sep == dec:
                if frac:
                    return None
                frac = g
                end += 1 + len(g)
                j += 1
                continue
            return None
        if not (len(int_part) > 1 and int_part[0] == "0" and not frac):  # 0300, 06: clock times, codes
            out.append((float(int_part + ("." + frac if frac else "")), start, end))
        # advance to the next group
        pos = end
        if j < len(seps):
            pos += len(seps[j])
        i = j + 1
    return out


def _compose(seq: list[tuple[float, str, bool]], lang: str) -> float | None:
    """Value of a sequence of number words [(value, kind, after_connector)], None if ill-formed."""
    total = 0.0
    cur = 0.0
    last = 0.0  # last unit added to cur
    scale_seen = float("inf")
    n = len(seq)
    for i, (v, k, conn) in enumerate(seq):
        if k == "a":
            if i == 0 and n > 1 and seq[1][2] and seq[1][1] == "u" and 20 <= seq[1][0] < 100:
                k = "u"  # "eenentwintig", "einundzwanzig"
            elif i == 0:
                if n == 1 or seq[1][1] not in "hsdx":
                    return None
                continue
            else:
                k = "u"  # "vingt et un", "veintiuno"
        if k == "x":
            if n - (1 if seq[0][1] == "a" else 0) != 1:
                return None
            return v
        if k == "u":
            if cur == 0:
                cur, last = v, v
            elif conn and cur < 10 and v >= 20 and v < 100 and v % 10 == 0:
                cur += v  # "fireogtyve", "einundzwanzig"
                last = v
            elif 20 <= last < 100 and last % 10 == 0 and v < 10:
                cur += v
                last = v
            elif lang == "fr" and last in (60, 80) and 10 <= v < 20:
                cur += v  # soixante-dix, quatre-vingt-douze
                last = v
            elif lang == "fr" and last == 10 and cur % 100 == 10 and 7 <= v <= 9:
                cur += v  # dix-sept
                last = v
            elif last >= 100 and last % 100 == 0 and v < 100 and (cur % 100 == 0):
                cur += v
                last = v
            elif last >= 1000 and cur == 0:
                cur, last = v, v
            else:
                return None
        elif k == "h":
            if cur >= 100:
                return None
            cur = (cur or 1) * v
            last = cur
        elif k == "d":
            if cur >= 100:
                return None
            cur = (cur or 1) * v
            last = 1  # nothing may follow
        elif k == "s":
            if scale_seen < v and (seq[i - 1][1] == "s" or cur):
                # a larger scale after a smaller one multiplies all before it: "dos mil millones",
                # "tres mil quinientos millones", "two thousand million"
                total = (total + cur) * v
                scale_seen = v
                cur = 0
                last = v
                continue
            if v >= scale_seen:
                return None
            total += (cur or 1) * v
            scale_seen = v
            cur = 0
            last = v
    return total + cur


def _vague_magnitude(spec: int | tuple[int, float, float], scale: float | None) -> tuple[int, float, float]:
    if isinstance(spec, tuple):
        m, lo, hi = spec
    else:
        m, lo, hi = spec, 10.0 ** spec, 10.0 ** (spec + 1)
    if scale:
        extra = round(_log10(scale))
        m += extra
        lo, hi = lo * scale, hi * scale
    return m, lo, hi


def _log10(x: float) -> float:
    import math

    return math.log10(x)


def find_quantities(text: str, lang: str) -> list[Quantity]:
    """Numbers written as digits with any thousands separator ("8.000", "8 000", "8,000", "8 000" with NBSP or thin space,
    "2.030", "1,5 millioner", "3,5 millones"), as words in at least nb, nn, da, sv, nl, en, de, fr, es
    ("åtte", "tolv", "tjue", "acht", "zwölf", "eight", "seize", "ocho", "vijftienhonderd", "twee dozijn"...), vague
    quantities ("dozens", "hundreds", "thousands", "titalls", "hundrevis", "tusenvis", "tientallen", "honderden",
    "Dutzende", "Hunderte", "des dizaines", "une trentaine", "decenas", "cientos", "miles"), and ranges ("150 to 200",
    "mellom 150 til 200", "150-200", "between 150 and 200", "tra 200 e 300", "entre 23 y 30")."""
    if not text:
        return []
    L = _tables(norm_lang(lang))
    taken = bytearray(len(text) + 1)
    runs = list(_DIGIT_RUN.finditer(text))
    # dates, times and phone numbers, found where runs of digits start
    for m in _DIGIT_START.finditer(text):
        s = m.start()
        if taken[s]:
            continue
        if s and text[s - 1] in ".,":
            continue
        mm = L.mask_start.match(text, s)
        if mm:
            taken[s:mm.end()] = b"\x01" * (mm.end() - s)
            continue
        before = L.mask_before.search(text, max(0, s - 16), s)
        if before:
            kind = before.lastgroup
            if kind == "month":
                dm = L.month_day_end.match(text, s)
                end = dm.end() if dm else s
            elif kind == "clock":
                tm = _CLOCK.match(text, s)
                end = tm.end()
            else:  # phone numbers and codes: everything up to the last digit
                tail = _PHONE_TAIL.match(text, s)
                end = tail.end()
            if end > s:
                taken[s:end] = b"\x01" * (end - s)
    low = _lower(text)
    if "’" in low or "ʼ" in low:
        low = low.translate(_APOS_MAP)
    found: list[Quantity] = []

    # 1. digits (+ scale words)
    for m in runs:
        s, e = m.span()
        if taken[s]:
            continue
        prev = text[s - 1] if s else ""
        if prev and (prev.isalpha() or prev in "_/"):
            continue  # G20, E39, Rv13
        if prev == "-" and s >= 2 and text[s - 2].isalpha():
            continue  # Covid-19, F-16
        if prev and prev in "#№§":
            continue
        values = _digit_values(m.group(), L)
        if not values:
            continue
        for idx, (value, a, b) in enumerate(values):
            qs, qe = s + a, s + b
            if any(taken[qs:qe]):
                continue
            nxt = text[qe] if qe < len(text) else ""
            mult = 1.0
            end = qe
            if nxt and (nxt.isalpha() or nxt == "_"):
                # glued letters: only "$2bn", "€3m"; Turkish case endings after an apostrophe are separate
                mm = _ASCII_LETTERS.match(text, qe)
                suffix = mm.group().lower() if mm else ""
                before = text[max(0, qs - 4):qs]
                if suffix in _GLUED_SCALES and re.search(r"[$€£¥]\s?$|US\$$", before) and not (
                    qe + len(suffix) < len(text) and text[qe + len(suffix)].isalpha()
                ):
                    mult = _GLUED_SCALES[suffix]
                    end = qe + len(suffix)
                else:
                    continue
            elif nxt == "-" and qe + 1 < len(text) and text[qe + 1].isalpha():
                continue  # 62-year-old, 40-årsåldern
            elif nxt and nxt in _APOS and L.lang == "tr":
                pass  # 100'den: Turkish case ending
            elif nxt and nxt in _APOS and qe + 1 < len(text) and text[qe + 1].isalpha():
                continue  # 40'erne
            if mult == 1.0 and idx == len(values) - 1:
                sm = L.scale_after.match(text, qe)
                if sm:
                    word = sm.group(1).lower()
                    mult = L.scales.get(word, L.scales.get(word.rstrip("."), 1.0))
                    end = sm.end()
            val = value * mult
            found.append(Quantity(val, val, "exact", text[qs:end], qs, end))
            taken[qs:end] = b"\x01" * (end - qs)

    if L.known:
        # 2. vague amounts (before words: "des dizaines de milliers", "einige Dutzend")
        if L.vague_re is not None:
            for m in L.vague_re.finditer(low):
                s, e = m.span()
                if any(taken[s:e]):
                    continue
                phrase = re.sub(r"\s+", " ", m.group(1))
                spec = L.vague.get(phrase)
                if spec is None:
                    continue
                if _after_number_word(low, s, phrase, L):
                    continue  # "cinq millions", "tres millones": a number, read with the words below
                scale = None
                if m.group(2):
                    w = m.group(2).lower()
                    scale = L.scales.get(w, L.scales.get(w.rstrip(".")))
                if L.lang in ("ru", "uk") and phrase in ("тысячи", "тисячі"):
                    # "около тысячи", "близько тисячі": one thousand after a genitive preposition
                    before = text[max(0, s - 12):s].lower()
                    if re.search(r"(около|более|свыше|менее|до|близько|понад|майже|приблизно|щонайменше)\s+$",
                                 before):
                        continue
                mag, lo, hi = _vague_magnitude(spec, scale)
                found.append(Quantity(lo, hi, "vague", text[s:e], s, e, mag))
                taken[s:e] = b"\x01" * (e - s)
        # 3. number words
        _find_words(text, low, L, taken, found)
    found.sort(key=lambda q: q.start)
    return _merge_ranges(text, L, found)


_PREV_WORD = re.compile(r"(\w+)\s+$")


def _after_number_word(low: str, s: int, phrase: str, L: _Lang) -> bool:
    """A vague plural that is also a scale ("millions", "millones") right after a number word."""
    entry = L.lex.get(phrase)
    if entry is None or entry[1] != "s":
        return False
    m = _PREV_WORD.search(low, max(0, s - 24), s)
    if m is None:
        return False
    hit = _lookup(m.group(1), L)
    return hit is not None and hit[-1][1] not in ("c", "x")


def _lookup(word: str, L: _Lang) -> list[tuple[float, str]] | None:
    """Lexicon entries of one written word (a compound gives several), or None."""
    w = word.lower()
    for a in "’ʼ":
        w = w.replace(a, "'")
    hit = L.lex.get(w)
    if hit is not None:
        return [hit]
    if L.compound_re is not None and len(w) >= 5 and L.compound_re.fullmatch(w):
        parts = L.morph_re.findall(w)
        if len(parts) < 2:
            return None
        out: list[tuple[float, str]] = []
        for p in parts:
            if p in L.compound_conns:
                out.append((0.0, "c"))
            else:
                out.append(L.lex[p])
        if out[0][1] == "c" or out[-1][1] == "c":
            return None
        return out
    return None


def _find_words(text: str, low: str, L: _Lang, taken: bytearray, found: list[Quantity]) -> None:
    toks: list[tuple[int, int, list[tuple[float, str]]]] = []
    for m in L.word_hint.finditer(low):
        s, e = m.span()
        if taken[s]:
            continue
        word = m.group()
        hit = _lookup(word, L)
        if hit is None:
            # connectors are kept as markers between number words
            if word.lower() in L.connectors:
                toks.append((s, e, [(0.0, "c")]))
            continue
        toks.append((s, e, hit))
    if not toks:
        return
    # group consecutive tokens separated only by spaces/hyphens (connectors already tokens)
    groups: list[list[tuple[int, int, list[tuple[float, str]]]]] = []
    cur: list[tuple[int, int, list[tuple[float, str]]]] = []
    for t in toks:
        if cur:
            gap = text[cur[-1][1]:t[0]]
            if gap and re.fullmatch(r"[ \u00a0\-‐]+", gap) and len(gap) <= 3:
                cur.append(t)
                continue
            groups.append(cur)
        cur = [t]
    if cur:
        groups.append(cur)
    for g in groups:
        # strip connectors at the edges
        while g and g[0][2][0][1] == "c":
            g = g[1:]
        while g and g[-1][2][0][1] == "c":
            g = g[:-1]
        if not g:
            continue
        _emit_word_group(text, L, g, found, taken)


def _emit_word_group(text, L, g, found, taken) -> None:
    """Compose a group of number-word tokens, splitting it where it stops being one number."""
    i = 0
    n = len(g)
    while i < n:
        best = None
        # longest well-formed prefix starting at i
        seq: list[tuple[float, str, bool]] = []
        conn = False
        for j in range(i, n):
            entries = g[j][2]
            if entries[0][1] == "c":
                conn = True
                continue
            for k_idx, (v, k) in enumerate(entries):
                if k == "c":
                    conn = True
                    continue
                seq.append((v, k, conn))
                conn = False
            if L.lang == "fr" and len(seq) >= 2 and seq[-2][0] == 4 and seq[-1][0] == 20:
                seq[-2:] = [(80.0, "u", seq[-2][2])]  # quatre-vingt(s)
            val = _compose(seq, L.lang)
            if val is not None:
                best = (j, val)
        if best is None:
            i += 1
            continue
        j, val = best
        s, e = g[i][0], g[j][1]
        word = text[s:e]
        # a lone article-free "one" is fine; articles alone never reach here
        if len(g[i:j + 1]) == 1 and g[i][2][0][1] == "s" and len(g[i][2]) == 1:
            if word.lower() not in _LONE_SCALES:
                i = j + 1
                continue
        if e < len(text) - 1 and text[e] == "-" and text[e + 1].isalpha():
            i = j + 1
            continue  # nine-hour, four-storey: part of a compound adjective
        found.append(Quantity(val, val, "exact", word, s, e))
        taken[s:e] = b"\x01" * (e - s)
        i = j + 1


def _merge_ranges(text: str, L: _Lang, qs: list[Quantity]) -> list[Quantity]:
    if len(qs) < 2:
        return qs
    out: list[Quantity] = []
    i = 0
    while i < len(qs):
        q1 = qs[i]
        if i + 1 < len(qs) and q1.kind == "exact":
            q2 = qs[i + 1]
            gap = text[q1.end:q2.start]
            merged = None
            if q2.kind == "exact" and len(gap) <= 12:
                lo, hi = q1.low, q2.low
                m2 = L.scale_after.search(q2.text)
                if m2 and not L.scale_after.search(q1.text) and lo and hi and lo * 1000 <= hi:
                    w = m2.group(1).lower()  # "1 to 2 million": the scale applies to both
                    lo = lo * L.scales.get(w, L.scales.get(w.rstrip("."), 1.0))
                before = text[max(0, q1.start - 12):q1.start]
                pre = L.range_between_pre.search(before) if L.range_between_pre else None
                if pre and L.range_between_gap.match(gap):
                    start = q1.start - (len(before) - pre.start())
                    merged = (start, lo, hi)
                elif L.range_plain_gap.match(gap):
                    dash = gap.strip() in "-–—"
                    if dash and (gap != gap.strip()) and not (re.match(r"\d", q1.text) and re.match(r"\d", q2.text)):
                        merged = None
                    elif dash and not (re.match(r"\d", q1.text) and re.match(r"\d", q2.text)):
                        merged = None
                    else:
                        start = q1.start
                        if L.range_from_pre is not None:
                            fm = L.range_from_pre.search(before)
                            if fm and not dash:
                                start = q1.start - (len(before) - fm.start())
                        merged = (start, lo, hi)
                if merged is not None and merged[1] is not None and merged[2] is not None and merged[1] < merged[2]:
                    start = merged[0]
                    out.append(Quantity(merged[1], merged[2], "range", text[start:q2.end], start, q2.end))
                    i += 2
                    continue
        out.append(q1)
        i += 1
    return out


_APPROX_RE = re.compile(
    r"(?i)(?:dizaine|douzaine|quinzaine|vingtaine|trentaine|quarantaine|cinquantaine|soixantaine|centaine|"
    r"millier|decena|docena|quincena|veintena|treintena|cuarentena|cincuentena|centenar|millar|decina|"
    r"dozzina|quindicina|ventina|trentina|quarantina|cinquantina|centinaio|migliaio|dezena|dúzia|vintena|"
    r"centena|milhar|tiental|twintigtal|dertigtal|veertigtal|vijftigtal|honderdtal)s?$"
)


def is_approximate(q: Quantity) -> bool:
    """True for approximate numerals read as exact values ("une trentaine", "een dertigtal")."""
    return q.kind == "exact" and bool(_APPROX_RE.search(q.text))
