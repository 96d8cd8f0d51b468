"""Figures reported by one article: what is counted, how many, and who says so.

:func:`extract_figures` splits the text into sentences, reads every quantity
(:func:`crosswire.facts.numbers.find_quantities`), drops the ones that are not counts
(years, dates, ages, times, percentages, measurements, durations, ordinals such as "dag
fem", names such as "TV 2" / "Khabar 24", phone numbers, decimals that are not money),
and attaches the rest to what they count, how sure the source is and who it says it
has the figure from.  Rules only; lexicons for nb, nn, da, sv, nl, en, de, fr, es, it,
pt, pl, ru, uk and tr.  Other languages give no figures (never guesses).

**What is a figure.**  A count of people, of vehicles, of buildings, of flights,
households or jobs, or an amount of money.  Measurements (km, hectares, tonnes, mm of
rain, °C), durations and percentages are not figures.  A number needs a counted noun
or a category word (killed, evacuated, ...) next to it; a bare number with neither is
dropped.  The indefinite article is never the number one ("a man died" is not a
figure); "one", "én", "één" and the digit 1 are.  Negations ("ingen ble drept", "no one
was killed") give **no figure** (not a zero).

**Category** (:data:`CATEGORIES`).  Things decide by their noun (vehicles, buildings,
money); for people the category word nearest in the clause: a verb right before the
number ("killing at least 14", "sendt 2.030"), else the predicate after the noun ("164
menneske er drepne", "Twee zwaargewonde arbeiders overleden" reads *overleden*), else
a category word before it ("Bland de döda finns tre poliser", "the death toll rose to
27").  Coordination shares the predicate ("Titalls demonstranter og minst 18 politifolk
skal være drept") and inclusions inherit it ("..., blant dem to brannmenn").  People
with no category word are ``deployed`` (soldiers, police, firefighters, rescuers,
personnel), ``crowd`` (protesters, or a crowd verb such as "tried to storm") or
``other`` (people on board, hostages, households without power, staff...).

**Subject** (:data:`SUBJECTS`): who or what is counted, from the counted noun ("26
«væpnede kriminelle»" → ``armed_criminals``), a following affiliation ("åtte personer
fra landets sikkerhetsstyrker" → ``security_forces``, "16 leden van de
veiligheidsdiensten"), a role in the clause (held as hostages → ``hostages``, on board
→ ``passengers``), a partitive ("23 из них", "una treintena de ellos") or "others"
("Sieben weitere", "10 others") → the previous figure's subject, a coordinated bare
number ("26 ... drept og 18 såret") → the same subject; else ``people``.  For things
the subject is the kind of thing, for money the ISO currency code in lower case.

**Qualifier** (:data:`QUALIFIERS`): the words right before the number (``minst`` →
``at_least``, ``ruim`` → ``more_than``, ``bijna`` → ``nearly``, ``rund`` → ``about``,
``opp mot`` → ``up_to``, ``nøyaktig`` → ``exactly``, ``færre enn`` → ``less_than``);
approximate numerals ("une trentaine") are ``about``; else ``none``.

**Attribution** (:data:`ATTRIBUTION_KEYS`): reporting phrases ("ifølge X", "opplyser
X", "X said", "volgens X", "laut X", "teilte X mit", "selon X", "según X", ...).  An
agent is an institution from a multilingual gazetteer, a wire agency or outlet, or a
person: a person's key is :func:`crosswire.represent.names.name_key` of the surname
(Tokajev/Tokayev/Токаев → ``tokev``).  A spokesperson or police officer speaking for an
institution gives the institution's key; a minister, governor or president speaking
gives the person's.  Scope: a phrase inside one clause ("..., og nærare 8.000 er,
ifølgje innanriksdepartementet, arresterte") covers that clause; a phrase opening
("Ifølge X, ...", "X said that ...") or closing ("..., opplyser X.") the sentence covers
it all; a next sentence "Dat meldt X" / "Det skriver X" / "Об этом сообщили в X"
covers the sentence before; a pronoun ("sier de", "she said", "За його словами") or
"the same source" takes the previous speaker; German reported speech (sei/seien/könne)
continues the previous speaker; and in Scandinavian dash quotes ("– ...") the speaker
named at the end of the quote paragraph, or of the last quote paragraph before it,
covers the quote.  When an agency relays a source ("opplyser innenriksdepartementet,
ifølge Ria Novosti", "selon une source médicale citée par l'AFP") the source wins.

**One article, one figure.**  Mentions of the same figure (same category, value and
qualifier) share the most specific subject and the attribution given for any of them
("Bijna 8.000 betogers opgepakt ... bijna 8.000 mensen opgepakt. Dat meldt ...").  With
``title``, figures of the headline that the body does not repeat (no body figure of
the same category with an overlapping value) come last; having no span in ``text``,
they have ``start == end == -1`` and ``sentence == title``.

:func:`score_figures` compares figures with gold annotations.  ``crosswire/facts/gold/``
holds them, written by reading the articles (values and keys only, no article text):
``seeds.json`` keyed by the seed file names of ``shared/seeds``, ``sample.json`` by the
ids of ``crosswire/sample/articles.jsonl``; each a list of ``{category, value_low,
value_high, kind, qualifier, subject, attribution}``.  Vague amounts have the bounds
``[10**m, 10**(m+1)]``; an attribution ``"@Name"`` is a person or named body compared
through :func:`~crosswire.represent.names.name_key`.

**Speed.**  Lexicon regexes run on lower-cased text (no ``re.I``), agents are looked up
through an index of their first letters at word starts, and reporting phrases are
parsed only in sentences near a figure: about 220 articles/s of ~650 figure-dense words
on one core (measured on concatenated sample articles).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from ..represent.names import name_key
from .numbers import SUPPORTED_LANGS, Quantity, find_quantities, is_approximate, norm_lang
from .numbers import _lower
from .numbers import _tables as _num_tables

def _lower_pattern(p: str) -> str:
    """Lower-case the letters of a regex, not its escapes (\\W, \\B stay)."""
    out = []
    esc = False
    for c in p:
        out.append(c if esc else c.lower())
        esc = (c == "\\") and not esc
    return "".join(out)


def _rx(p: str) -> re.Pattern[str]:
    """A regex for lower-cased text (much faster than re.I)."""
    return re.compile(_lower_pattern(p))


__all__ = [
    "ATTRIBUTION_KEYS",
    "CATEGORIES",
    "QUALIFIERS",
    "SUBJECTS",
    "Figure",
    "extract_figures",
    "figure_key",
    "score_figures",
]


@dataclass(frozen=True, slots=True)
class Figure:
    """One numeric claim of an article: what is counted, the value, and who says so."""

    category: str  # see CATEGORIES
    noun: str | None  # the counted noun as written ("kjøpesenter", "bilar"), or None
    value: Quantity
    qualifier: str  # see QUALIFIERS
    subject: str  # see SUBJECTS (money: ISO currency code)
    subject_text: str | None  # as the source wrote it ("væpnede kriminelle", "leden van de veiligheidsdiensten")
    attribution: str | None  # normalised key of who says so (ATTRIBUTION_KEYS or a name_key), or None
    attribution_text: str | None  # as written ("ifølgje innanriksdepartementet", "volgens Tokajev")
    sentence: str  # the evidence sentence
    start: int  # character span of the figure (number through noun) in the text; -1 for title-only figures
    end: int


CATEGORIES = ("killed", "injured", "arrested", "missing", "displaced", "deployed", "vehicles", "buildings",
              "crowd", "money", "other")
QUALIFIERS = ("at_least", "more_than", "nearly", "about", "up_to", "exactly", "less_than", "none")
#: who or what is counted (money: the lower-case ISO currency code instead)
SUBJECTS = {
    "people": "anyone, or no counted noun (menneske, Menschen, personas, people)",
    "protesters": "demonstrators, protesters (demonstranter, betogers, manifestants)",
    "civilians": "civilians (sivile, civiles, população civil)",
    "security_forces": "security forces (sikkerhetsstyrker, veiligheidsdiensten, Sicherheitskräfte)",
    "police": "police officers (politifolk, Polizisten, agenten, policías, officers)",
    "soldiers": "soldiers, troops, peacekeepers (soldatar, militares, capacetes azuis)",
    "armed_criminals": "armed criminals, bandits (væpnede kriminelle, banditter)",
    "militants": "rebels, insurgents, militants, terrorists (opprørere, strijders)",
    "workers": "workers (arbeidere, arbeiders, працівників)",
    "miners": "miners (gruvearbeidere, Bergleute, mineros, горняков)",
    "residents": "residents, inhabitants (beboere, Anwohner, vecinos, riverains)",
    "firefighters": "firefighters (brannmenn, Feuerwehrleute, bomberos)",
    "rescuers": "rescuers (redningsarbeidere, Helfer, secouristes, спасателей)",
    "personnel": "unspecified personnel (efectivos, uniformed personnel)",
    "investigators": "investigators (havariinspektørar, onderzoekers)",
    "passengers": "passengers, people on board",
    "crew": "crew (mannskap, Besatzung)",
    "migrants": "migrants, refugees, asylum seekers",
    "hostages": "hostages, people held against their will",
    "tourists": "tourists, holidaymakers, hotel guests",
    "children": "children",
    "staff": "employees, staff (medewerkers, Mitarbeiter)",
    "suspects": "suspects",
    "journalists": "journalists",
    "vehicles": "vehicles, cars, boats",
    "military_vehicles": "military and armoured vehicles",
    "aircraft": "aircraft and helicopters",
    "homes": "houses and homes",
    "buildings": "other buildings (schools, hospitals, shopping centres)",
    "flights": "flights",
    "households": "households, families, customers (without power)",
    "jobs": "jobs",
}
#: institutional attribution keys (persons and other named bodies use name_key of the name)
ATTRIBUTION_KEYS = {
    "interior_ministry": "innenriksdepartementet, ministerie van Binnenlandse Zaken, Innenministerium, МВД",
    "health_ministry": "helsedepartementet, ministerie van (Volks)gezondheid, health ministry",
    "emergency_ministry": "emergency situations ministry, МЧС, Katastrophenschutzministerium, beredskapsdepartement",
    "defence_ministry": "defence ministry, forsvarsdepartementet",
    "foreign_ministry": "utenriksdepartementet, Auswärtiges Amt, Farnesina, MSZ",
    "emergency_service": "state emergency service, ДСНС, Zivilschutz, protection civile, noodhulpdienst",
    "police": "police, politiet, Polizei, police spokespeople and officers",
    "fire_service": "fire brigade, brannvesenet, Feuerwehr, bomberos, vigili del fuoco",
    "coast_guard": "coast guard, kystvakten, Küstenwache",
    "prosecutors": "prosecutors, parquet, Openbaar Ministerie, Staatsanwaltschaft",
    "un": "United Nations, UN missions (MINUSCA), FN, ONU",
    "ocha": "UN OCHA",
    "afad": "Turkey's disaster agency AFAD",
    "fiod": "the Dutch fiscal police FIOD",
    "authorities": "authorities, officials, official figures, myndighetene, Behördenangaben",
    "municipality": "the municipality (kommune, gemeente, Gemeinde)",
    "grid_operator": "unnamed grid operators (netselskaberne)",
    "company": "an unnamed company (het bedrijf, the company)",
    "medical_sources": "medical officials, hospital sources, fonti mediche",
    "security_sources": "security officials and sources",
    "local_sources": "local sources (sources locales)",
    "local_media": "local media (lokale media, media locali)",
    "media": "unnamed media (svenske medier)",
    "state_tv": "state television (statstelevisjonen, staatstelevisie)",
    "reuters": "Reuters", "afp": "AFP", "ap": "AP", "ria_novosti": "RIA Novosti", "interfax": "Interfax",
    "tass": "TASS", "ntb": "NTB", "npk": "NPK", "tt": "TT", "anp": "ANP", "dpa": "dpa", "efe": "EFE",
    "lusa": "Lusa", "ansa": "ANSA", "belga": "Belga", "ritzau": "Ritzau", "ukrinform": "Ukrinform",
    "anadolu": "Anadolu", "nrk": "NRK", "bbc": "BBC", "tv2": "TV 2",
}
# Keys that relay what others say: a source they cite wins over them.
_RELAYS = frozenset({"reuters", "afp", "ap", "ria_novosti", "interfax", "tass", "ntb", "npk", "tt", "anp", "dpa",
                     "efe", "lusa", "ansa", "belga", "ritzau", "ukrinform", "anadolu", "nrk", "bbc", "tv2",
                     "local_media", "media", "state_tv"})


# =========================================================================== lexicons
# Each lexicon: key → pattern (a regex fragment, matched case-insensitively at word
# boundaries).  A pattern may be a dict lang → fragment to keep words to their language.

def _L(**by_lang: str) -> dict[str, str]:
    return by_lang


# ---------------------------------------------------------------- counted nouns (people)
_PEOPLE: dict[str, object] = {
    "security_forces": r"security (?:forces|personnel|services)|sikkerhetsstyrke\w*|tryggingsstyrk\w*|"
                       r"sikkerhedsstyrke\w*|säkerhetsstyrk\w*|veiligheidsdienst\w*|veiligheidstroepen|"
                       r"sicherheitskräfte\w*|forces de (?:l'ordre|sécurité)|fuerzas de seguridad|agentes de seguridad|"
                       r"forze di sicurezza|forças de segurança|sił bezpieczeństwa|силовик\w*|güvenlik güçleri",
    "police": r"police ?officers?|policem[ae]n|policewom[ae]n|officers?|police|politifolk|politibetjente?r?|"
              r"polititjenestem[ae]nn|politimenn|politikvinner|politifolk|polisar|poliser|polisfolk|"
              r"polisbetjänter|polismän|betjente|politiagenten|agenten|polizisten|polizeibeamte\w*|beamte|"
              r"beamten|policiers|gendarmes|policías|agentes(?: de policía)?|poliziotti|agenti(?: di polizia)?|"
              r"carabinieri|policiais|polícias|policjant\w*|полицейск\w*|поліцейськ\w*|polis(?: memuru)?",
    "soldiers": r"soldiers?|troops|troopers|paratroopers|peacekeepers|servicemen|blue helmets|soldater|soldatar|"
                r"soldaten|soldatene|soldatane|militære|fredsbevarere|fallskjermjegere|blauhelme|blauwhelmen|"
                r"militaires|casques bleus|parachutistes|militares|soldados|cascos azules|paracaidistas|"
                r"capacetes azuis|paraquedistas|militari|soldati|caschi blu|paracadutisti|żołnierz\w*|"
                r"военн\w*|военнослужащ\w*|солдат\w*|військов\w*|asker\w*",
    "armed_criminals": r"armed criminals|criminals|bandits|(?:væpnede |bevæpnede |væpna )?kriminelle|banditter|"
                       r"banditar|kriminella|bandieten|criminelen|banditen|kriminelle|criminels|bandits|"
                       r"criminales|bandidos|criminali|banditi|criminosos|bandytów|бандит\w*|преступник\w*",
    "militants": r"militants|rebels|insurgents|fighters|gunmen|terrorists|jihadists|opprørere|opprørarar|"
                 r"terrorister|terroristar|militante|rebeller|oprørere|upprorsmän|strijders|rebellen|"
                 r"opstandelingen|terroristen|aufständische\w*|kämpfer|rebelles|combattants|terroristes|"
                 r"insurgés|jihadistes|rebeldes|milicianos|combatientes|terroristas|yihadistas|ribelli|"
                 r"miliziani|terroristi|jihadisti|bojownik\w*|terroryst\w*|боевик\w*|террорист\w*|"
                 r"бойовик\w*|терорист\w*|militan\w*|terörist\w*",
    "protesters": r"protesters?|protestors?|demonstrators?|demonstranter|demonstrantar|demonstranten|betogers|"
                  r"demonstrantinnen|manifestants|manifestantes|manifestanti|protestujących|demonstrantów|"
                  r"протестующ\w*|демонстрант\w*|протестувальник\w*|göstericiler\w*|protestocular\w*",
    "civilians": r"civilians?|civil population|sivile|sivilbefolkningen|civilbefolkningen|civile|civila|"
                 r"zivilisten|zivilbevölkerung|burgerbevolking|burgers|civils|population civile|civiles|"
                 r"población civil|civili|popolazione civile|civis|população civil|cywil\w*|"
                 r"мирных жителей|цивільн\w*|sivil(?:ler)?",
    "miners": r"miners?|coal miners|gruvearbeidere|gruvearbeidarar|minearbejdere|gruvarbetare|mijnwerkers|"
              r"bergleute|bergarbeiter|kumpel|mineurs|mineros|minatori|mineiros|górnik\w*|горняк\w*|"
              r"шахт[её]р\w*|гірник\w*|шахтар\w*|madenci\w*",
    "workers": r"workers?|labourers|arbeidere|arbeidarar|arbejdere|arbetare|arbeiders|arbeiter|travailleurs|"
               r"ouvriers|trabajadores|operai|lavoratori|trabalhadores|operários|robotnik\w*|рабочих|"
               r"працівник\w*|işçi\w*",
    "staff": r"employees|staff|staffers|ansatte|tilsette|medarbeidere|medarbejdere|anställda|medarbetare|"
             r"medewerkers|werknemers|mitarbeiter\w*|beschäftigte\w*|angestellte\w*|salariés|employés|"
             r"empleados|dipendenti|funcionários|pracowników|сотрудник\w*|çalışan\w*",
    "residents": r"residents?|inhabitants|locals|villagers|beboere|bebuarar|innbyggere|innbyggjarar|"
                 r"indbyggere|invånare|boende|bewoners|inwoners|omwonenden|anwohner\w*|einwohner\w*|"
                 r"bewohner\w*|habitants|riverains|résidents|vecinos|habitantes|residentes|abitanti|"
                 r"residenti|moradores|mieszkańc\w*|жител\w*|мешканц\w*|мешканців",
    "firefighters": r"firefighters?|firemen|fire ?fighters|brannmenn|brannfolk|brannkonstabler|brandmænd|"
                    r"brandfolk|brandmän|brandweerlieden|brandweermensen|brandweerlui|feuerwehrleute|"
                    r"feuerwehrmänner|einsatzkräfte der feuerwehr|sapeurs-pompiers|pompiers|bomberos|pompieri|"
                    r"vigili del fuoco|bombeiros|strażak\w*|пожарн\w*|пожежник\w*|вогнеборц\w*|itfaiyeci\w*",
    "rescuers": r"rescuers|rescue workers|rescue teams|emergency workers|redningsarbeidere|redningsmannskap\w*|"
                r"redningsfolk|søk- og redningsarbeidere|reddere|redningsfolk|räddningsarbetare|"
                r"reddingswerkers|hulpverleners|rettungskräfte|helfer|retter|einsatzkräfte|bergungskräfte|"
                r"secouristes|sauveteurs|rescatistas|socorristas|soccorritori|ratownik\w*|спасател\w*|"
                r"рятувальник\w*|arama kurtarma personeli|kurtarma personeli|arama kurtarma ekibi|"
                r"kurtarmacı\w*",
    "personnel": r"uniformed personnel|personnel|efectivos|effectifs|personale|personeli|personel|личного состава",
    "investigators": r"investigators|havariinspektørar|havariinspektører|etterforskere|utredare|onderzoekers|"
                     r"ermittler|enquêteurs|investigadores|investigatori|śledcz\w*|следовател\w*",
    "passengers": r"passengers?|passasjerer|passasjerar|passagerer|passagerare|passagiers|passagiere|fahrgäste|"
                  r"passagers|pasajeros|passeggeri|passageiros|pasażer\w*|пассажир\w*|пасажир\w*|yolcu\w*",
    "crew": r"crew members|crew|mannskap|besetning|besætning|besättning\w*|bemanning|besatzung\w*|"
            r"membres d'équipage|équipage|tripulantes|tripulación|equipaggio|tripulação|załog\w*|экипаж\w*|"
            r"екіпаж\w*|mürettebat",
    "migrants": r"migrants?|refugees|asylum seekers|flyktninger|flyktningar|migranter|asylsøkere|flygtninge|"
                r"flyktingar|asylsökande|vluchtelingen|migranten|asielzoekers|flüchtlinge\w*|asylbewerber\w*|"
                r"réfugiés|demandeurs d'asile|refugiados|migrantes|profughi|migranti|rifugiati|uchodźc\w*|"
                r"migrant\w*|беженц\w*|мигрант\w*|біженц\w*|мігрант\w*|göçmen\w*|mülteci\w*",
    "hostages": r"hostages?|gisler|gislar|gislene|gidsler|gisslan|gijzelaars|geiseln|otages|rehenes|ostaggi|"
                r"reféns|zakładnik\w*|заложник\w*|заручник\w*|rehine\w*",
    "tourists": r"tourists?|holidaymakers|vacationers|hotel guests|guests|turister|turistar|toeristen|"
                r"vakantiegangers|urlauber\w*|touristen|feriengäste|touristes|vacanciers|turistas|bañistas|"
                r"turisti|bagnanti|villeggianti|turyst\w*|туристов|туристів|turist\w*|gjester|gäster|gæster|gasten",
    "children": _L(_="children|kids|kinderen|kinder|enfants|niños|niñas|menores|bambini|crianças|dzieci|детей|"
                     r"дітей|çocuk\w*", nb="barn", nn="barn", da="børn", sv="barn"),
    "suspects": r"suspects?|mistenkte|misstänkta|mistænkte|verdachten|verdächtige\w*|suspects|sospechosos|"
                r"sospettati|suspeitos|podejrzan\w*|подозреваем\w*",
    "journalists": r"journalists?|journalister|journalisten|journalistes|periodistas|giornalisti|jornalistas|"
                   r"dziennikarz\w*|журналист\w*",
    "people": r"people|persons?|individuals|young men|youths|commuters|menneske(?:r|ne)?|personer|personar|"
              r"personene|personane|folk|individer|unge menn|pendlere|pendlare|personas|jóvenes|personnes|"
              r"jeunes(?: diplômés)?|persone|giovani|pessoas|jovens|osób|osoby|ludzi|человек|людей|люди|людини|"
              r"осіб|kişi|menschen|mensen|personen|jongeren|pendler|leden|members|medlemmer|mitglieder|"
              r"membres|miembros|membri|membros|nationals|borgere|nordmenn|danskere|svenskar|nederlanders|"
              r"portugueses|italiani|polaków|deutsche|slachtoffers|victims|ofre|offer|opfer|víctimas|vittime|"
              r"vítimas|жертв\w*|ludzie|person|individual",
    "people_l": _L(nb="ofre|offer", nn="ofre|offer", sv="offer|dödsoffer"),
}

# ---------------------------------------------------------------- counted things
_THINGS: dict[str, object] = {
    "military_vehicles": r"military vehicles|armou?red vehicles|tanks|militære? (?:køyretøy|kjøretøy\w*)|"
                         r"pansrede kjøretøy\w*|militärfordon|militaire voertuigen|pantservoertuigen|"
                         r"militärfahrzeuge|gepanzerte fahrzeuge|panzer|véhicules militaires|blindés|"
                         r"vehículos militares|blindados|veicoli militari|blindati|veículos militares|"
                         r"pojazdów wojskowych|бронетехник\w*|военной техники|askeri araç\w*",
    "aircraft": _L(_=r"(?:water-dropping |military |transport )?(?:aircraft|planes|airplanes|helicopters|jets)|"
                     r"helikoptre|helikoptere|helikoptrar|flygplan|vliegtuigen|blusvliegtuigen|helikopters|"
                     r"flugzeuge|löschflugzeuge|hubschrauber|helikopter|avions|bombardiers d'eau|hélicoptères|"
                     r"canadairs?|aviones|hidroaviones|helicópteros|medios aéreos|aerei|elicotteri|"
                     r"mezzi aerei|aviões|samolot\w*|śmigłowc\w*|самол[её]т\w*|вертол[её]т\w*|літак\w*|"
                     r"гелікоптер\w*|uçak\w*",
                   nb="fly|flyene", nn="fly", da="fly", sv="plan"),
    "vehicles": r"vehicles|cars|trucks|lorries|buses|boats|vessels|ferries|police cars|fire engines|ambulances|"
                r"brannbiler|brannbilar|ambulanser|brandbilar|brandbiler|brandweerwagens|"
                r"feuerwehrfahrzeuge|krankenwagen|rettungswagen|autopompes|camions|engins|"
                r"tractors|traktorer|traktorar|trekkers|traktoren|tracteurs|tractores|trattori|"
                r"camiones|autobombas|ambulancias|biler|bilar|kjøretøy\w*|"
                r"køyretøy|køretøjer|politibiler|politibilar|båter|båtar|fordon|bilar|båtar|voertuigen|"
                r"auto's|wagens|boten|fahrzeuge|autos|boote|véhicules|voitures|bateaux|vehículos|coches|"
                r"barcos|veicoli|auto|barche|veículos|carros|barcos|pojazd\w*|samochod\w*|машин|автомобил\w*|"
                r"единиц техники|одиниць техніки|транспортных средств",
    "vehicles_l": _L(tr=r"araç\w*"),
    "homes": r"(?:mud-brick |older )?(?:houses|homes|dwellings|apartments)|hus|bustadhus|boliger|bustader|"
             r"bolighus|huse|bostäder|hus|huizen|woningen|woonhuizen|häuser|wohnhäuser|wohnungen|lehmhäuser|"
             r"maisons|habitations|logements|casas|viviendas|moradias|domów|mieszkań|"
             r"(?:жилых )?домов|будинків|будинки",
    "homes_l": _L(it="case|abitazioni", tr=r"konut\w*|ev|evler\w*", nb="hus", nn="hus", da="huse|hus", sv="hus"),
    "buildings": r"buildings|structures|schools|hospitals|shopping (?:centres|centers|malls)|malls|shops|"
                 r"stores|bygninger|bygningar|bygg|skoler|skular|sykehus|kjøpesenter|kjøpesentre|"
                 r"kjøpesentra|butikker|bankbygningar|bankbygninger|byggnader|skolor|gebouwen|scholen|"
                 r"ziekenhuizen|winkels|gebäude|schulen|krankenhäuser|geschäfte|bâtiments|édifices|écoles|"
                 r"hôpitaux|magasins|edificios|escuelas|hospitales|edifici|scuole|ospedali|negozi|"
                 r"edifícios|escolas|hospitais|lojas|budynk\w*|szkół|szpitali|зданий|школ|больниц\w*|"
                 r"будівел\w*|шкіл|лікарень",
    "buildings_l": _L(tr=r"bina\w*|okul\w*|hastane\w*"),
    "flights": r"flights|departures|flyavganger|avganger|flyvninger|afgange|flygningar|avgångar|vluchten|"
               r"flüge|vuelos|voli|voos|lotów|рейс\w*",
    "flights_l": _L(fr="vols", tr=r"sefer\w*|uçuş\w*"),
    "households": r"households|customers|homes without power|husstander|husstandar|husstande|hushåll|"
                  r"hushald|huishoudens|gezinnen|aansluitingen|haushalte|foyers|ménages|clients|hogares|"
                  r"familias|abonados|famiglie|utenze|famílias|domicílios|gospodarstw domowych|"
                  r"odbiorców|домохозяйств|абонент\w*|домогосподарств",
    "households_l": _L(tr=r"hane|abone\w*"),
    "jobs": r"jobs|arbeidsplasser|jobber|stillinger|arbejdspladser|arbetstillfällen|"
            r"arbeidsplaatsen|arbeitsplätze|emplois|empleos|puestos de trabajo|"
            r"posti di lavoro|empregos|postos de trabalho|miejsc pracy|рабочих мест|робочих місць",
    "jobs_l": _L(en="positions", de="stellen|neue stellen", nl="banen", fr="postes", sv="jobb"),
}
_THING_CATEGORY = {"military_vehicles": "vehicles", "aircraft": "vehicles", "vehicles": "vehicles",
                   "homes": "buildings", "buildings": "buildings", "flights": "other", "households": "other",
                   "jobs": "other"}

# ---------------------------------------------------------------- category words
_CATEGORY_WORDS: dict[str, dict[str, str]] = {
    "killed": {
        "en": r"killed|killing|kills|kill|dead|died|dies|dying|deaths?|death toll|lost their lives|perished|"
              r"fatalities|bodies|eliminated|slain|shot dead|found dead|victims",
        "nb nn": r"drept|drepte|drepne|drepen|drap|døde|død|omkom|omkommet|omkomne|omkome|mistet livet|"
                 r"mista livet|livet|døydde|dødd|dødstall\w*|dødsofre|eliminert|likvidert|omkomme",
        "da": r"dræbt|dræbte|døde|død|omkom|omkommet|omkomne|mistede livet|livet|dødstal\w*|dødsofre",
        "sv": r"dödad\w*|dödats|döda|dog|omkom|omkommit|omkomna|dödsoffer|dödstal\w*|miste livet|mist livet|"
              r"livet",
        "nl": r"doden|dode|dood|gedood|omgekomen|om het leven gekomen|om het leven|overleden|overleed|"
              r"sneuvelden|dodental|het leven gekost|levens|kwam om|kwamen om|omkwamen|om te komen|"
              r"slachtoffers",
        "de": r"tote|toten|tot|getötet\w*|ums leben|starben|starb|gestorben|umgekommen|todesopfer|"
              r"leben gekostet|erlag|erlegen|leichen|opfer",
        "fr": r"morts?|tués?|tuées?|décédé\w*|décès|péri|perdu la vie|sans vie|victimes",
        "es": r"muertos?|muertas?|murieron|murió|muerto|muertes|fallecid\w*|fallecieron|fallecimientos|"
              r"defunciones|decesos|víctimas mortales|víctimas fatales|perdieron la vida|asesinad\w*|"
              r"cadáveres|víctimas|mató|mataron",
        "it": r"morti|morto|morta|morte|decessi|uccis\w*|decedut\w*|hanno perso la vita|cadaveri|vittime",
        "pt": r"mortos|mortas|morreram|morreu|mortes|vítimas mortais|perderam a vida|vítimas|matou|mataram",
        "pl": r"zginęł\w*|zginął|zabit\w*|nie żyj\w*|ofiar\w*|zmarł\w*",
        "ru": r"погиб\w*|убит\w*|скончал\w*|жертв\w*",
        "uk": r"загинул\w*|загибл\w*|загинув|вбит\w*|жертв\w*",
        "tr": r"hayatını kaybett\w*|öldü|ölü|can verdi|ölen",
    },
    "injured": {
        "en": r"injured|injuring|injuries|wounded|wounding|hurt|hospitali[sz]ed|in hospital",
        "nb nn": r"skadd|skadde|skadet|skada|såret|sårede|såra|til behandling|\w*sykehus\w*|\w*sjukehus\w*",
        "da": r"såret|sårede|kvæstet|kvæstede|tilskadekomne|kom til skade|\w*hospital\w*|skadet|skadede",
        "sv": r"skadad\w*|skadades|skadats|sårad\w*|vårdas|\w*sjukhus\w*",
        "nl": r"gewond\w*|zwaargewond\w*|lichtgewond\w*|\w*ziekenhuis",
        "de": r"verletzt\w*|verwundet\w*|\w*krankenhaus\w*|\w*klinik\w*",
        "fr": r"blessés?|blessées?|hospitalisés?|à l'hôpital",
        "es": r"herid\w*|hospitalizad\w*|lesionad\w*",
        "it": r"ferit\w*|ricoverat\w*|in ospedale",
        "pt": r"ferid\w*|hospitalizad\w*",
        "pl": r"rann\w*|poszkodowan\w*|hospitalizowan\w*|w szpitalu",
        "ru": r"ранен\w*|пострадал\w*|пострадавш\w*|госпитализирова\w*|травм\w*|медицинской помощью",
        "uk": r"поранен\w*|травмован\w*|постраждал\w*|госпіталізова\w*",
        "tr": r"yaraland\w*|yaralı\w*|yaralanan",
    },
    "arrested": {
        # a singular "arrest" counts only as "the arrest of ...": "after his arrest, about 50 members ..."
        "en": r"arrested|arresting|arrests|arrest(?=\s+of\b)|apprehended|detained|detaining|detentions?|"
              r"taken into custody|in custody|rounded up",
        "nb nn": r"arrestert\w*|pågrepet|pågrepne|pågripne|pågripelser|pågripingar|anholdt\w*|pågrep|"
                 r"internert|varetekt",
        "da": r"anholdt\w*|arresteret|anholdelser|anholdelse",
        "sv": r"gripits|gripna|gripen|greps|anhållna|anhållits|arresterade|gripande\w*",
        "nl": r"opgepakt|gearresteerd|aangehouden|arrestaties|arrestatie",
        "de": r"festgenommen|festnahmen|verhaftet|verhaftungen|in gewahrsam|inhaftiert|festgesetzt|"
              r"nahm\w*(?=\s.{0,40}?\bfest\b)",
        "fr": r"arrêté\w*|interpellé\w*|appréhendé\w*|arrestations?|interpellations?|en garde à vue",
        "es": r"detenid\w*|arrestad\w*|detenciones|arrestos|arresto(?=\s+(?:domiciliario\s+)?de\b)|detuvo|"
              r"detuvieron|arrestó|arrestaron|capturad[oa]s|capturó|capturaron|aprehendid[oa]s|aprehendieron",
        "it": r"arresti|arrestat\w*|fermat\w*",
        "pt": r"detid\w*|presos|presas|detenções|deteve|detiveram|prendeu|prenderam",
        "pl": r"zatrzyman\w*|aresztowan\w*",
        "ru": r"задержан\w*|арестован\w*",
        "uk": r"затриман\w*|заарештован\w*",
        "tr": r"gözaltına al\w*|gözaltı\w*|tutuklan\w*",
    },
    "missing": {
        "en": r"missing|unaccounted for",
        "nb nn": r"savnet|savnede|sakna|forsvunne\w*|forsvunnet",
        "da": r"savnet|savnede|forsvundet|forsvundne",
        "sv": r"saknade|saknas|försvunna|försvunnen",
        "nl": r"vermist\w*",
        "de": r"vermisst\w*|verschollen",
        "fr": r"disparus?|disparues?",
        "es": r"desaparecid\w*",
        "it": r"dispersi|disperso|scompars\w*",
        "pt": r"desaparecid\w*",
        "pl": r"zaginion\w*|zaginęł\w*",
        "ru": r"пропал\w*|пропавш\w*|без вести|местонахождени\w*",
        "uk": r"зникл\w*|безвісти|зник\w*",
        "tr": r"kayıp",
    },
    "displaced": {
        "en": r"evacuated|evacuation|evacuate|evacuees|displaced|fled|flee|fleeing|homeless|moved out|forced from|"
              r"left their homes|lost their homes|brought to safety|ferried|in tents|shelters?|night outside",
        "nb nn": r"evakuert\w*|evakuere\w*|evakuering\w*|flyktet|flykta|på flukt|forlate hjemmene|"
                 r"mistet hjemmene|mistet hjemmet|mista heimane|mista heimen|"
                 r"forlate heimane|hjemløse|i sikkerhet|hentet|henta|reddet|i telt",
        "da": r"evakueret|evakuerede|evakuering|flygtet|bragt i sikkerhed|hjemløse|i telte",
        "sv": r"evakuerad\w*|evakuerats|evakuering|flytt|flydde|i säkerhet|i tält",
        "nl": r"geëvacueerd\w*|evacuatie|gevlucht|op de vlucht|dakloos|in tenten|in veiligheid|buiten door|"
              r"nacht buiten|nachten buiten",
        "de": r"evakuiert\w*|evakuierung|in sicherheit gebracht|geflohen|flohen|obdachlos|in die flucht|"
              r"im freien|in zelten",
        "fr": r"évacué\w*|évacuation|déplacé\w*|ont fui|fui|sans[- ]abri|mis à l'abri|relogé\w*",
        "es": r"evacuad\w*|evacuó|desalojad\w*|desplazad\w*|huyeron|huido|sin hogar|tiendas de campaña|albergues?",
        "it": r"evacuat\w*|sfollat\w*|portat\w* in salvo|fuggit\w*|senza tetto|tende",
        "pt": r"evacuad\w*|desalojad\w*|deslocad\w*|fugiram|desabrigad\w*",
        "pl": r"ewakuowan\w*|ewakuowano|ewakuacj\w*|uciekł\w*",
        "ru": r"эвакуирова\w*|отселен\w*|отселил\w*|переселен\w*|палатках",
        "uk": r"евакуйова\w*|евакуювали|відселил\w*|відселен\w*",
        "tr": r"tahliye\w*|evsiz",
    },
    "crowd": {
        "en": r"protested|protesting|demonstrated|gathered|rallied|marched|blocking|blocked|tried to storm|"
              r"stormed|took to the streets|took part in the (?:protest|demonstration|march|rally)\w*|"
              r"joined the (?:protest|demonstration|march|rally)\w*",
        "nb nn": r"befinner seg|samlet|demonstrerte|protesterte|blokkerte|forsøkte å storme|"
                 r"delt[oe]k i (?:demonstrasjon|markering|protest|tog)\w*",
        "da": r"samlet|demonstrerede|deltog i (?:demonstration|protest)\w*",
        "sv": r"samlades|demonstrerade|deltog i (?:demonstration|protest|manifestation)\w*",
        "nl": r"betoogden|demonstreerden|bestormen",
        "de": r"demonstrierten|versammelt|zu stürmen|blockierten|protestierten|"
              r"nahmen an (?:der|den) (?:demonstration|kundgebung|protest)\w*",
        "fr": r"bloquaient|prendre d'assaut|manifesté|manifestaient|défilé|défilaient|rassemblé\w*|"
              r"descendu\w* dans la rue|particip\w* (?:à|aux) (?:la |une |des )?(?:\w+ )?(?:manifestation|marche|"
              r"rassemblement|mobilisation)\w*",
        "es": r"intentaron asaltar|asaltar|asaltaron|irrumpieron|bloquearon|manifestaron|protestaron|marcharon|"
              r"se concentraron|se congregaron|salieron a las calles|"
              r"particip\w+ en (?:la |el |las |los |una )?(?:\w+ )?(?:marcha|manifestaci\w+|protesta|"
              r"concentraci\w+|movilizaci\w+)\w*",
        "it": r"tentato di assaltare|assaltare|radunat\w*",
        "pt": r"manifestaram|reuniram",
        "pl": r"protestował\w*|demonstrował\w*",
        "ru": r"митинг\w*|собрались",
        "uk": r"зібралися",
        "tr": r"toplandı",
    },
    "deployed": {
        "en": r"sent|send|sends|sending|deployed|deploy|deploying|dispatched|mobili[sz]ed|took part|taking part|"
              r"battling|on the scene|at the scene|reinforcements",
        "nb nn": r"sendt|sender|sende|sendte|satt inn|innsatt|deltok|deltar|deltek|mobilisert|utplassert|"
                 r"slukkingsarbeidet|i aksjonen|i innsatsen",
        "da": r"sendt|sender|indsat|deltog|deltager|bekæmpes",
        "sv": r"skickat|skickats|skickar|insatta|deltog|deltar|i insatsen",
        "nl": r"gestuurd|stuurt|ingezet|in actie|ter plaatse|uitgerukt",
        "de": r"entsandt|geschickt|schickt|im einsatz|eingesetzt|mobilisiert|stationiert",
        "fr": r"envoyé\w*|envoyer|déployé\w*|déployer|mobilisé\w*|engagés",
        "es": r"enviad\w*|enviará|envía|envió|desplegad\w*|desplegarán|luchan|movilizad\w*",
        "it": r"inviat\w*|invierà|schierat\w*|al lavoro|impegnat\w*|mobilitat\w*",
        "pt": r"envia|enviar|enviará|enviados|destacad\w*|mobilizad\w*|integram|juntar-se|reforçar",
        "pl": r"wysłan\w*|walczy\w*|zaangażowan\w*|skierowan\w*",
        "ru": r"направлен\w*|задействован\w*|отправлен\w*|привлечен\w*",
        "uk": r"залучил\w*|залучено|направлен\w*",
        "tr": r"yönlendiril\w*|sevk edil\w*|görevlendiril\w*|gönderil\w*",
    },
}

# Category words that name the counted people themselves ("29 doden", "plus de 150 blessés"),
# with their category.
_CATEGORY_NOUN_CAT: dict[str, str] = {}
for _w in ("dead bodies deaths fatalities døde drepte omkomne döda doden tote toten todesopfer morts décès muertos "
           "muertes defunciones decesos fallecimientos fallecidos morti decessi mortos mortes ofiar погибших "
           "загиблих ölü").split():
    _CATEGORY_NOUN_CAT[_w] = "killed"
for _w in ("injured wounded skadde sårede skadade gewonden verletzte verletzten blessés blessées heridos heridas "
           "feriti feridos rannych раненых пострадавших поранених травмованих yaralı").split():
    _CATEGORY_NOUN_CAT[_w] = "injured"
for _w in "arrests arrestaties festnahmen arrestations detenidos arresti pågripelser".split():
    _CATEGORY_NOUN_CAT[_w] = "arrested"
for _w in "missing vermisten vermisste disparus desaparecidos dispersi savnede".split():
    _CATEGORY_NOUN_CAT[_w] = "missing"
for _w in ("evacuees evakuerte evakuerade evakuerede evakuierte geëvacueerden évacués evacuados evacuati "
           "ewakuowanych").split():
    _CATEGORY_NOUN_CAT[_w] = "displaced"

# ---------------------------------------------------------------- qualifiers (before the number)
_QUALIFIER_WORDS: dict[str, dict[str, str]] = {
    "at_least": {
        "en": r"at least|no fewer than|no less than|a minimum of",
        "nb nn": r"minst|minimum|i hvert fall|i alle fall", "da": r"mindst|minimum", "sv": r"minst|åtminstone",
        "nl": r"minstens|ten minste|zeker|op zijn minst", "de": r"mindestens|wenigstens|zumindest",
        "fr": r"au moins|pas moins de", "es": r"al menos|por lo menos|como mínimo", "it": r"almeno",
        "pt": r"pelo menos|no mínimo", "pl": r"co najmniej|przynajmniej",
        "ru": r"не менее|по меньшей мере|как минимум|не меньше", "uk": r"щонайменше|принаймні|не менше",
        "tr": r"en az",
    },
    "more_than": {
        "en": r"more than|over|upwards of|in excess of|well over|just over",
        "nb nn": r"mer enn|mere enn|meir enn|flere enn|fleire enn|over|i overkant av|drøyt|godt over|vel",
        "da": r"mere end|mer end|flere end|over|godt",
        "sv": r"mer än|fler än|över|drygt", "nl": r"meer dan|ruim|boven de", "de": r"mehr als|über|gut",
        "fr": r"plus de|plus d'", "es": r"más de", "it": r"oltre|più di", "pt": r"mais de",
        "pl": r"ponad|powyżej|więcej niż", "ru": r"более|свыше|больше", "uk": r"понад|більше|більш ніж",
        "tr": r"",
    },
    "nearly": {
        "en": r"nearly|almost|close to|just under", "nb nn": r"nesten|nærmere|nærare|knapt|snaut|nær",
        "da": r"næsten|knap|nærmere", "sv": r"nästan|närmare|knappt", "nl": r"bijna|nagenoeg|ruim onder",
        "de": r"fast|knapp|beinahe|nahezu|annähernd", "fr": r"près de|presque", "es": r"casi",
        "it": r"quasi", "pt": r"quase", "pl": r"prawie|blisko", "ru": r"почти", "uk": r"майже",
        "tr": r"neredeyse|yaklaşık olarak",
    },
    "about": {
        "en": r"about|around|approximately|roughly|some|an estimated|estimated|circa|ca\.",
        "nb nn": r"rundt|omkring|om lag|cirka|ca\.|kring|rundt regnet|anslagsvis",
        "da": r"omkring|cirka|ca\.|rundt|godt og vel", "sv": r"omkring|cirka|ca\.|ungefär|runt|kring",
        "nl": r"ongeveer|rond de|rond|circa|ca\.|zo'n|naar schatting",
        "de": r"rund|etwa|ungefähr|circa|ca\.|an die|schätzungsweise",
        "fr": r"environ|quelque|autour de|approximativement|à peu près",
        "es": r"unos|unas|alrededor de|aproximadamente|en torno a|cerca de",
        "it": r"circa|intorno a|all'incirca|una quindicina di",
        "pt": r"cerca de|aproximadamente|por volta de|perto de", "pl": r"około|ok\.|mniej więcej",
        "ru": r"около|примерно|порядка|приблизительно", "uk": r"близько|приблизно|біля",
        "tr": r"yaklaşık|tahminen|civarında",
    },
    "up_to": {
        "en": r"up to|as many as", "nb nn": r"opp mot|opptil|inntil|opp til", "da": r"op til|op mod",
        "sv": r"upp till|uppemot", "nl": r"tot wel|maximaal|hooguit|tot maar liefst", "de": r"bis zu",
        "fr": r"jusqu'à", "es": r"hasta", "it": r"fino a", "pt": r"até", "pl": r"do", "ru": r"", "uk": r"",
        "tr": r"en fazla",
    },
    "exactly": {
        "en": r"exactly|precisely", "nb nn": r"nøyaktig|nøyaktige", "da": r"præcis|nøjagtig",
        "sv": r"precis|exakt", "nl": r"precies|exact", "de": r"genau|exakt", "fr": r"exactement|précisément",
        "es": r"exactamente", "it": r"esattamente", "pt": r"exatamente", "pl": r"dokładnie", "ru": r"ровно",
        "uk": r"рівно", "tr": r"tam olarak",
    },
    "less_than": {
        "en": r"fewer than|less than|under", "nb nn": r"færre enn|mindre enn|under", "da": r"færre end|mindre end|under",
        "sv": r"färre än|mindre än|under", "nl": r"minder dan", "de": r"weniger als|unter",
        "fr": r"moins de|moins d'", "es": r"menos de", "it": r"meno di", "pt": r"menos de", "pl": r"mniej niż",
        "ru": r"менее|меньше", "uk": r"менше", "tr": r"",
    },
}

# ---------------------------------------------------------------- not counts
_UNITS = (
    r"%|‰|prosent|procent|pct|per ?cent|percent|prozent|pour ?cent|por ?ciento|per ?cento|por ?cento|"
    r"procent\w*|процент\w*|відсот\w*|puan|"
    r"km/h|km²|km2|m²|m2|mph|km|kilomet\w*|kilómetros|chilometri|quilómetros|километр\w*|кілометр\w*|"
    r"mil(?:e|es)?|miles|metres?|meters?|meter|metern?|mètres?|metros|metri|metrów|метр\w*|m|cm|mm|"
    r"millimet\w*|milímetros|millimetri|мм|feet|ft|inches|yards|pulgadas|pouces|zoll|duim|tommer|"
    r"hektar\w*|hectares?|hectáreas|ettari|hektarów|га|ha|acres|dekar|mål|"
    r"kvadratmet\w*|square met\w*|quadratmet\w*|vierkante met\w*|mètres carrés|metros cuadrados|"
    r"metri quadrati|metrów kwadratowych|квадратн\w*|"
    r"tonn\w*|tons?|tonnes?|tonnen|toneladas|tonnellate|tona|тонн\w*|тон\b|kg|kilo\w*|gram\w*|"
    r"liter\w*|litres?|litros|litri|barrels|fat|"
    r"grader|graden|grad|degrees?|gradi|grados|graus|stopni|градус\w*|derece|°c?|"
    r"mw|gw|kwh|mwh|volt|"
    r"storeys?|stories|etasjer|etasjar|etager|våningar|verdiepingen|stockwerke\w*|étages|pisos|piani|"
    r"andares|pięter|этаж\w*|поверх\w*|katlı|"
    r"büyüklüğ\w*|şiddetinde"
)
#: right after a number: a difference between two counts ("neuf morts de moins qu'en 2018",
#: "nueve muertos más que", "zehn Tote weniger als", "five fewer deaths than")
_DIFFERENCE = re.compile(
    r"\s*(?:\w+\s+){0,2}?(?:de (?:moins|plus)\s*(?:que|qu'|qu’|$|[.,;:!?])|(?:menos|más) que|(?:weniger|mehr) als|"
    r"(?:minder|meer) dan|(?:færre|flere|fleire|fler) \w+ (?:enn|end|än)|(?:fewer|more|less) \w+ than)"
)
_DURATIONS = (
    r"hours?|timer|timar|timmar|stunden?|uur|heures?|horas?|ore|godzin\w*|час\w*|годин\w*|saat|"
    r"minutes?|minutter|minuter|minuten|minutos|minuti|minut\w*|минут\w*|хвилин\w*|dakika|"
    r"seconds?|sekunder|sekunden|secondes|segundos|secondi|"
    r"days?|dager|dagar|dage|dagen|tage|tagen|jours|días|dias|giorni|dni|дн\w*|дні\w*|gün|døgn\w*|dygn\w*|"
    r"weeks?|uker|veker|veckor|uger|wochen|weken|semaines|semanas|settimane|tygodni\w*|недел\w*|тижн\w*|hafta|"
    r"months?|måneder|månader|monate?n?|maanden|mois|meses|mesi|miesięcy|месяц\w*|місяц\w*|"
    r"years?|år|årene|jahre?n?|jaar|jaren|ans|années|años|anni|anos|lat|lata|лет|год\w*|років|рок\w*|yıl\w*|"
    r"decades?|tiår|årtier|decennia|jahrzehnte\w*|décennies|décadas|decenni|"
    r"times|ganger|gonger|gange|gånger|keer|mal|fois|veces|volte|vezes|razy|раз\w*"
)
_AGE_RIGHT = (
    r"år gam\w*|år gaml\w*|-?years?[- ]old|years? of age|jaar oud|jarige|jährige\w*|jahre alt|ans\b|años\b|"
    r"anni\b|anos\b|lat\b|лет\b|років|yaşında|-åring\w*|-åra\b|-årig\w*|-årene|-årsåldern|'erne|s\b"
)
_ORDINAL_LEFT = (
    r"dag|day|tag|dia|día|jour|giorno|день|dzień|gün|nr\.?|no\.?|nummer|number|artikel|article|artículo|"
    r"articolo|paragraf|§|kapittel|chapter|kapitel|side|page|seite|pagina|página|runde|round|etappe|stage|"
    r"klasse|level|nivå|stufe|code|kode|kategori|category|kategorie|windstärke|styrke|stärke|magnitude|"
    r"magnitud|magnitudo|kracht van|skala|scale|richter|магнитуд\w*|магнітуд\w*|strength|sterkte|"
    r"intensity|intensité|intensidad|forza|siła|mark|route|rute|riksveg|riksvei|fylkesveg|fylkesvei|"
    r"highway|flight|flug|vlucht|vol|vuelo|volo|lot|рейс|line|linje|linie|ligne|línea|linea|aged|i alderen|"
    r"im alter von|âgé de|âgée de|de edad|di età|w wieku|в возрасте|у віці|sezon|season|sesong|saison|"
    r"temporada|stagione|week|uke|woche|semaine|semana|settimana|version|versjon|fase|phase"
)
_NAME_NUMBER_LEFT = re.compile(
    r"(?:^|[\s(«\"“„])(?:TV|Kanal|Channel|Khabar|Radio|Formel|Formula|Apollo|Boeing|Airbus|Covid|COVID|Rv|Ev|"
    r"Fv|E|RV|Route|Highway|Flight|Flug|Vlucht|Gate|Terminal|Paragraf|Artikel|Article|Riksveg|Riksvei|"
    r"Fylkesveg|Fylkesvei|Rute|Linje|Line|Buss|Bus|Tog|Spor|Platform)\s$"
)

# ---------------------------------------------------------------- money
_CURRENCY_AFTER = [
    ("eur", r"euros?|euro's|eur|€|d'euros|de euros|di euro|евро|євро|avro|euro"),
    ("usd", r"(?:us |american |amerikanske )?dollars?|usd|us\$|\$|dólares|dollari|dolarów|долларов|доларів|"
            r"dolar|de dólares"),
    ("gbp", r"pounds?(?: sterling)?|gbp|£|pund"),
    ("nok", r"(?:norske )?kroner|nok|kr\.?"),
    ("sek", r"(?:svenska )?kronor|sek"),
    ("dkk", r"(?:danske )?kroner|dkk"),
    ("kzt", r"tenge|тенге|kzt"),
    ("rub", r"rubles?|roubles?|рубл\w*|rub"),
    ("uah", r"hryvnias?|гривень|гривні|гривна|грн|uah"),
    ("pln", r"złotych|zł|pln|zloty"),
    ("try", r"lira|liras|tl|try|türk lirası"),
    ("iqd", r"dinars?|iqd"),
    ("chf", r"(?:swiss )?francs?|chf"),
]
_CURRENCY_BEFORE = [("usd", r"us\$|\$|usd"), ("eur", r"€|eur"), ("gbp", r"£|gbp"), ("nok", r"nok"),
                    ("sek", r"sek"), ("dkk", r"dkk")]

# ---------------------------------------------------------------- sentence and clause structure
_INCLUSION = (
    r"including|among them|among whom|inkludert|blant dem|blant dei|blant disse|herav|hvorav|derav|varav|"
    r"bland dem|heraf|hvoraf|heriblandt|deriblandt|onder wie|onder hen|waarvan|waaronder|darunter|davon|"
    r"unter ihnen|dont|parmi eux|parmi lesquels|entre ellos|entre ellas|entre los que|entre las que|"
    r"de los cuales|tra cui|tra loro|di cui|entre eles|entre elas|dos quais|w tym|wśród nich|"
    r"в том числе|среди них|серед них|у тому числі|в тому числі|aralarında"
)
_PARTITIVE_RIGHT = (
    r"av dei|av dem|av disse|of them|of whom|of those|de ellos|de ellas|d'entre eux|d'entre elles|"
    r"из них|з них|van hen|von ihnen|di loro|di essi|deles|delas|z nich|af dem|av dem"
)
_OTHERS = r"weitere\w*|others?|andre|otros|otras|autres|altri|altre|andere|ytterligere|øvrige|другие|інші"
_HOSTAGE_CONTEXT = _rx(
    r"hostage|gissel|gisler|gislar|gisslan|gidsel|gidsler|gijzel|geisel|otage|rehén|rehenes|ostagg|refém|"
    r"reféns|zakładni|заложник|заручник|rehine|against their will|mot sin vilja|mot sin vilje|"
    r"gegen ihren willen|tegen hun wil|contre leur gré|contra su voluntad"
)
_ON_BOARD = _rx(r"^[\s«»\"“”]*(?:[^\W\d_]+\s+){0,1}(?:om bord|ombord|on board|aboard|an bord|à bord|a bordo|"
                       r"aan boord|på båten|på ferja|на борту|pokładzie)\b")
_MILITARY_CONTEXT = _rx(
    r"\b(?:soldier|troop|militar|militær|soldat|army|hær|armé|armee|leger|ejército|esercito|exército|"
    r"força|force|styrke|forza|fuerza|peacekeep|casques bleus|capacetes|cascos azules)"
)
_KONJUNKTIV = re.compile(r"\b(?:sei|seien|habe|hätten|könne|könnten|würden|werde|werden würden|wären|müsse|"
                         r"sollen|solle)\b")
_DASH_PARA = re.compile(r"^\s*[–—-]\s")
_ABBREV = frozenset(
    "mr mrs ms dr prof st gen brig col lt capt sgt gov rep sen jr sr no nr ca kl bl eks mill mrd tys mln mld "
    "ref jf evt osv mv etc vs approx inc ltd co corp dept jan feb mar apr jun jul aug sep sept oct okt nov dec "
    "des dez bzw ggf usw vgl mt ft nos art pkt ul ok godz ie eg nº resp tlf tel fig abb hr fr hrn sr sra sres "
    "dott ing avv sig gral gen col cmdr adm maj pres min".split()
)


# =========================================================================== attribution lexicons

# Institutions: (key, pattern, descriptor?) — a descriptor yields to a following name.
_INSTITUTIONS: list[tuple[str, str, bool]] = [
    ("ocha", r"\bOCHA\b|office for the coordination of humanitarian affairs|oficina de coordinación de "
             r"asuntos humanitarios|bureau de la coordination des affaires humanitaires", False),
    ("afad", r"\bafad\b", False),
    ("fiod", r"\bFIOD\b|fiscal police|fiscale inlichtingen- en opsporingsdienst", False),
    ("interior_ministry", r"innenriksdepartement\w*|innanriksdepartement\w*|indenrigsministeri\w*|"
                          r"inrikesministeri\w*|inrikesdepartement\w*|ministerie van binnenlandse zaken|"
                          r"binnenlandse zaken|innenministerium\w*|interior ministry|ministry of (?:the )?interior|"
                          r"home office|ministère de l'intérieur|l'intérieur|ministerio del interior|"
                          r"ministero dell'interno|viminale|ministério da administração interna|"
                          r"ministério do interior|ministerstw\w* spraw wewnętrznych|\bmswia\b|\bМВД\b|"
                          r"министерств\w* внутренних дел|міністерств\w* внутрішніх справ|\bМВС\b|"
                          r"içişleri bakanlığı", False),
    ("health_ministry", r"helsedepartement\w*|helse- og omsorgsdepartement\w*|sundhedsministeri\w*|"
                        r"socialdepartement\w*|ministerie van (?:volks)?gezondheid|gesundheitsministerium\w*|"
                        r"health ministry|ministry of health|ministère de la santé|ministerio de (?:sanidad|salud)|"
                        r"ministero della salute|ministério da saúde|ministerstw\w* zdrowia|минздрав\w*|"
                        r"helsemyndighet\w*|helsemyndigheit\w*|sundhedsmyndighed\w*|hälsomyndighet\w*|"
                        r"health authorities|health officials|gesundheitsbehörde\w*|gezondheidsautoriteiten|"
                        r"autorités sanitaires|autoridades sanitarias|autorità sanitarie|"
                        r"министерств\w* здравоохранения|\bМОЗ\b|sağlık bakanlığı", False),
    ("emergency_ministry", r"beredskapsdepartement\w*|emergency situations ministry|emergencies ministry|"
                           r"ministry (?:of|for) emergenc(?:y situations|ies)|katastrophenschutzministerium\w*|"
                           r"ministerie van noodsituaties|ministère des situations d'urgence|"
                           r"ministerio de situaciones de emergencia|ministero per le situazioni di emergenza|"
                           r"\bmchs\b|\bМЧС\b|министерств\w* (?:по )?чрезвычайны\w* ситуаци\w*|"
                           r"ministerstw\w* (?:do spraw )?sytuacji nadzwyczajnych", False),
    ("defence_ministry", r"forsvarsdepartement\w*|forsvarsministeri\w*|försvarsdepartement\w*|"
                         r"defen[cs]e ministry|ministry of defen[cs]e|pentagon|verteidigungsministerium\w*|"
                         r"ministerie van defensie|ministère des armées|ministère de la défense|"
                         r"ministerio de defensa|ministério da defesa|ministero della difesa|минобороны|"
                         r"министерств\w* обороны|міноборони|milli savunma bakanlığı", False),
    ("foreign_ministry", r"utenriksdepartement\w*|utanriksdepartement\w*|udenrigsministeri\w*|"
                         r"utrikesdepartement\w*|auswärtige\w* amt\w*|ministerie van buitenlandse zaken|"
                         r"buitenlandse zaken|foreign ministry|foreign office|state department|"
                         r"ministère des affaires étrangères|quai d'orsay|ministerio de asuntos exteriores|"
                         r"farnesina|ministero degli esteri|ministério dos negócios estrangeiros|"
                         r"ministerstw\w* spraw zagranicznych|\bMSZ\b|\bМИД\b|\bМЗС\b|dışişleri bakanlığı", False),
    ("emergency_service", r"state emergency service|emergency services?|services d'urgence|civil protection|"
                          r"protección civil|defensa civil|"
                          r"protection civile|zivilschutz\w*|katastrophenschutzbehörde|protezione civile|"
                          r"proteção civil|noodhulpdienst|servicio estatal de emergencias|servicios de emergencia|"
                          r"państwow\w* służb\w* .{0,40}?sytuacji nadzwyczajnych|ratownictw\w*|\bДСНС\b|"
                          r"\bГСЧС\b|sivilforsvaret|räddningstjänst\w*|redningstjenest\w*", False),
    ("fire_service", r"fire brigade|fire service|fire department|brannvesen\w*|brannvern\w*|brandvæsen\w*|"
                     r"beredskab\w*|brandweer|feuerwehr\w*|pompiers|bomberos|vigili del fuoco|bombeiros|"
                     r"straż\w* pożarn\w*|пожарн\w*|пожежн\w*|itfaiye\w*", False),
    ("coast_guard", r"coast ?guard|kystvakt\w*|kustbevakning\w*|küstenwache|kustwacht|garde[- ]côtes?|"
                    r"guardia costera|guardia costiera|guarda costeira|straż\w* przybrzeżn\w*", False),
    ("police", r"\bpolice\b|\bpoliti(?:et|ets|distrikt\w*|mester\w*|inspektør\w*|folk)?\b|\bpolis(?:en|ens)?\b|"
               r"\bpolizei\w*|\bpolitie\b|policía|policia|\bpolizia\b|policj\w*|полици\w*|поліці\w*|"
               r"source policière|sources policières|fuentes policiales|fonti di polizia|\bemniyet\b", False),
    ("prosecutors", r"prosecutors?|prosecution|påtalemyndighet\w*|statsadvokat\w*|åklagar\w*|anklagemyndighed\w*|"
                    r"staatsanwaltschaft|openbaar ministerie|\bOM\b|parquet|fiscalía|procura|"
                    r"ministério público|prokuratur\w*|прокуратур\w*|savcılık\w*", False),
    ("state_tv", r"statstelevisjon\w*|state (?:tv|television|broadcaster)|staatstelevisie|staatsfernsehen|"
                 r"staatliche\w* fernsehen|télévision d'état|télévision publique|televisión estatal|"
                 r"tv di stato|televisão estatal|государственное телевидение|державне телебачення", False),
    ("medical_sources", r"medical (?:and security )?(?:officials|sources)|hospital (?:officials|sources)|"
                        r"medisinske kilder|sykehuskilder|medicinska källor|medische bronnen|"
                        r"ziekenhuisbronnen|medizinische\w* kreise\w*|krankenhauskreis\w*|klinikkreise\w*|"
                        r"sources? médicales?|sources hospitalières|source hospitalière|fuentes médicas|"
                        r"fuentes sanitarias|fuentes hospitalarias|fonti mediche|fonti sanitarie|"
                        r"fontes médicas|źródła medyczne|źródeł medycznych|медицинск\w* источник\w*", False),
    ("security_sources", r"security (?:officials|sources)|responsable de la sécurité|sources? sécuritaires?|"
                         r"fonti di sicurezza|fuentes de seguridad|sicherheitskreise\w*", False),
    ("local_sources", r"sources locales|lokale kilder|local sources|fuentes locales|fonti locali|fontes locais|"
                      r"lokala källor|lokale bronnen", False),
    ("local_media", r"local media|lokale medier|lokale media|lokala medier|lokale medien|médias locaux|"
                    r"medios locales|media locali|mídia local|imprensa local|местные сми|місцеві змі|"
                    r"yerel medya", False),
    ("media", r"\bmedier\b|\bmedien\b|\bmédias\b|\bmedios\b|\bmídia\b|\bСМИ\b|\bЗМІ\b|\bmedya\b", False),
    ("un", r"\bUN\b|\bU\.N\.|\bFN\b|\bVN\b|\bONU\b|\bONZ\b|\bООН\b|\bBM\b|united nations|nações unidas|"
           r"naciones unidas|nations unies|nazioni unite|verenigde naties|vereinte\w* nationen|"
           r"forente nasjoner|förenta nationerna|minusca|monusco|unmiss|unifil|организаци\w* объединенных наций",
     False),
    ("authorities", r"authorities|officials|official figures|myndighet\w*|myndigheder\w*|behörden\w*|"
                    r"préfecture|prefecture|prefettura|governorate|"
                    r"behördenangaben|autoriteiten|officiële cijfers|overheid|autorités|chiffres officiels|"
                    r"autoridades|cifras oficiales|autorità|dati ufficiali|władz\w*|власти|влада|"
                    r"yetkililer|offisielle tall|offizielle\w* zahlen", False),
    ("municipality", r"\bkommune\b|\bkommunen\b|municipality|city council|\bgemeinde\b|\bgemeente\b|"
                     r"\bcommune\b|ayuntamiento|\bcomune\b|prefeitura|câmara municipal|\bgmina\b", False),
    ("grid_operator", r"netbeheerder\w*|netselskab\w*|nettselskap\w*|elnätsbolag\w*|grid operators?|"
                      r"netzbetreiber\w*|gestionnaire de réseau|operador de la red", True),
    ("company", r"het bedrijf|the company|the firm|selskapet|selskabet|företaget|das unternehmen|"
                r"la société|la empresa|l'azienda|a empresa|reiarlag\w*|rederi\w*|rederiet|operator|"
                r"betreiber", True),
]
_AGENCIES: list[tuple[str, str]] = [
    ("reuters", r"\breuters\b"),
    ("afp", r"\bAFP\b|\bl'AFP\b|agence france[- ]presse"),
    ("ap", r"\bAP\b|associated press"),
    ("ria_novosti", r"ria novosti|риа новости|\bRIA\b"),
    ("interfax", r"interfax|интерфакс"),
    ("tass", r"\bTASS\b|\bТАСС\b"),
    ("ntb", r"\bNTB\b"), ("npk", r"\bNPK\b"), ("tt", r"\bTT\b"), ("anp", r"\bANP\b"),
    ("dpa", r"\bdpa\b|deutsche presse-agentur"), ("efe", r"\bEFE\b"), ("lusa", r"\blusa\b"),
    ("ansa", r"\bANSA\b"), ("belga", r"\bbelga\b"), ("ritzau", r"\britzau\b"),
    ("ukrinform", r"ukrinform|укрінформ"), ("anadolu", r"anadolu"),
    ("nrk", r"\bNRK\b"), ("bbc", r"\bBBC\b"), ("tv2", r"\bTV ?2\b"),
]
# Reporting phrases: prepositions (agent follows) and verbs (agent on either side).
_PREP_CUES: dict[str, str] = {
    "en": r"according to|citing|quoting",
    "nb nn": r"ifølge|ifølgje|i følge|i følgje|etter det \w+ (?:opplyser|erfarer)",
    "da": r"ifølge|iflg\.", "sv": r"enligt|enligt uppgifter (?:till|från)",
    "nl": r"volgens|aldus|op basis van|op grond van",
    "de": r"laut|nach(?=\s+\w*angaben)|nach informationen (?:des|der|von|vom)|zufolge",
    "fr": r"selon|d'après|citée? par|cités par|citées par|citant|relayé par",
    "es": r"según|de acuerdo con|citad[oa]s? por", "it": r"secondo|stando a|citat[eio] da\w*",
    "pt": r"segundo|de acordo com|conforme|citad[oa]s? por", "pl": r"według|jak podał\w*|jak poinformował\w*",
    "ru": r"по данным|по словам|по информации|согласно|со ссылкой на",
    "uk": r"за даними|за словами|за інформацією|згідно з", "tr": r"göre",
}
_VERB_CUES: dict[str, str] = {
    "en": r"said|says|say|told|reported|reports|confirmed|confirms|announced|announces|stated|estimated|promised|"
          r"pledged|added",
    "nb nn": r"sier|seier|sa|opplyser|opplyste|melder|meldte|skriver|skreiv|skrev|bekrefter|bekreftet|stadfester|"
             r"stadfestar|stadfesta|rapporterer|uttaler|uttalte|forteller|fortel|fortalte|hevder|hevda|anslår|"
             r"kunngjorde|lovet|lovte|varsler",
    "da": r"siger|sagde|oplyser|oplyste|melder|meldte|skriver|skrev|bekræfter|bekræftede|fortæller|fortalte|"
          r"rapporterer",
    "sv": r"säger|sa|sade|uppger|uppgav|meddelar|meddelade|rapporterar|rapporterade|skriver|skrev|bekräftar|"
          r"bekräftade|berättar",
    "nl": r"meldt|melden|meldde|zegt|zei|zeggen|bevestigt|bevestigde|schrijft|schreef|berichtte|berichten|"
          r"laat(?=\s.{0,80}?\bweten\b)|liet(?=\s.{0,80}?\bweten\b)|houdt het|spreekt van|spreken van|"
          r"maken gewag van|maakt gewag van|rapporteert|verklaarde|maakte(?=\s.{0,80}?\bbekend\b)|"
          r"maakt(?=\s.{0,80}?\bbekend\b)",
    "de": r"sagte|sagt|sagten|teilte|teilten|mitteilte|mitteilten|mitgeteilt|meldet|meldete|berichtete|berichtet|"
          r"berichteten|erklärte|erklärt|bestätigte|bestätigt|hieß es|heißt es|sprach von|sprechen von|gab an|"
          r"gaben an|kündigte|kündigt",
    "fr": r"a indiqué|ont indiqué|indique|a annoncé|ont annoncé|annonce|a déclaré|ont déclaré|déclare|a affirmé|"
          r"affirme|a précisé|précise|a confirmé|confirme|a fait état|fait état|font état|ont fait état|rapporte|"
          r"rapportent|a rapporté|a assuré|a promis",
    "es": r"informó|informa|ha informado|dijo|dice|afirmó|afirma|anunció|ha anunciado|anuncia|señaló|señala|"
          r"declaró|explicó|confirmó|precisó|indicó|prometió|ha asegurado",
    "it": r"ha riferito|hanno riferito|riferisce|riferiscono|ha detto|ha dichiarato|dichiara|ha annunciato|"
          r"annuncia|ha confermato|conferma|ha reso noto|rende noto|ha precisato|ha spiegato|ha promesso",
    "pt": r"anunciou|anuncia|disse|diz|afirmou|informou|adiantou|declarou|referiu|confirmou|indicou|prometeu",
    "pl": r"poinformował\w*|przekazał\w*|podał\w*|powiedział\w*|oświadczył\w*|potwierdził\w*|informuje|podaje",
    "ru": r"сообщил\w*|сообщает|сообщают|заявил\w*|заявляет|рассказал\w*|переда[её]т|подтвердил\w*",
    "uk": r"повідомил\w*|повідомив|повідомляє|повідомляють|заявив|заявил\w*|розповів|розповіла|підтвердил\w*",
    "tr": r"dedi|belirtti|belirterek|açıkladı|söyledi|bildirdi|ifade etti|kaydetti",
}
_PRONOUNS: dict[str, str] = {
    "en": r"he|she|they|it", "nb nn": r"han|hun|ho|de|dei", "da": r"han|hun|de", "sv": r"han|hon|de|dom",
    "nl": r"hij|zij|ze", "de": r"er|sie", "fr": r"il|elle|ils|elles|-t-il|-t-elle|t-il|t-elle",
    "es": r"él|ella|ellos|ellas", "it": r"lui|lei|loro", "pt": r"ele|ela|eles|elas", "pl": r"on|ona|oni",
    "ru": r"он|она|они", "uk": r"він|вона|вони", "tr": r"o",
}
_CLAUSE_CONJS: dict[str, str] = {
    "en": r"and|but|while|whereas", "nb nn": r"og|men|mens", "da": r"og|men|mens", "sv": r"och|men|medan|samt",
    "nl": r"en|maar|terwijl", "de": r"und|aber|während|doch", "fr": r"et|mais|tandis que|alors que",
    "es": r"y|pero|mientras|aunque", "it": r"e|ma|mentre", "pt": r"e|mas|enquanto", "pl": r"a|i|ale|zaś",
    "ru": r"и|а|но", "uk": r"і|а|але|й", "tr": r"ve|ama|fakat",
}
_COORDS: dict[str, str] = {
    "en": r"and|as well as", "nb nn": r"og|samt", "da": r"og|samt", "sv": r"och|samt", "nl": r"en|alsmede",
    "de": r"und|sowie", "fr": r"et|ainsi que", "es": r"y|e|así como", "it": r"e|ed", "pt": r"e",
    "pl": r"i|oraz|a", "ru": r"и|а", "uk": r"і|й|та", "tr": r"ve|ile",
}
_RECIPIENTS: dict[str, str] = {
    "en": r"to", "nb nn": r"til|overfor", "da": r"til|over for", "sv": r"till|för", "nl": r"tegen|aan",
    "de": r"gegenüber", "fr": r"à", "es": r"a", "it": r"a|ai|alla", "pt": r"aos|às", "pl": r"dla",
    "ru": r"журналистам", "uk": r"журналістам", "tr": r"",
}

_DEMONSTRATIVE_START = re.compile(
    r"(?i)^\s*(?:det|dette|detta|dat|dit|das|dies|this|that|об этом|про це|cela|ceci|así lo|lo)\s+"
    r"(?:(?:har|hat|ha|hanno|has|was|were|werd|wurde)\s+)?"
    r"(?:stadfestar|stadfester|bekrefter|bekræfter|bekräftar|opplyser|oplyser|uppger|sier|seier|siger|säger|"
    r"skriver|melder|meldt|melden|rapporterer|rapporterar|zegt|zeggen|bevestigt|schrijft|maakte|maakt|laat|"
    r"liet|berichtte|teilte|sagte|berichtete|meldete|bestätigte|erklärte|reported|confirmed|announced|"
    r"сообщил\w*|сообщает|заявил\w*|повідомил\w*|повідомив|повідомляє|informó|indicó|anunció|confirmó|"
    r"reso noto|riferito|comunicato|annoncé|indiqué)\b"
)
_ANAPHOR_AGENT = re.compile(
    r"(?i)(?:the same source|samme kilde|same kjelde|samma källa|dezelfde bron|derselben quelle|"
    r"la même source|la misma fuente|la stessa fonte|a mesma fonte|того же источника|ведомств\w*|"
    r"the ministry|departementet|departementets|the agency|за його словами|за її словами|по его словам|"
    r"по ее словам|według niego|według niej|his words|her words)"
)
_PRONOUN_PHRASE = _rx(
    r"\b(?:за (?:його|її|їхніми) словами|по (?:его|ее|их) словам|według (?:niego|niej|nich)|"
    r"ifølge (?:ham|henne|dem)|according to (?:him|her|them)|volgens (?:hem|haar|hen)|selon (?:lui|elle|eux)|"
    r"según (?:él|ella|ellos)|secondo (?:lui|lei|loro))\b"
)
_ROLE_WORDS = re.compile(
    r"(?i)\w*(?:sprecher\w*|talsperson\w*|talsmann|talskvinne|pressetalsperson|presstalesperson|"
    r"pressetalskvinne|woordvoerder\w*|spokes\w+|porte-parole|portavo[cz]e?|porta-voz|rzeczni\w*|"
    r"пресс-секретар\w*|представител\w*|речни\w*|sözcü\w*|operasjonsleder|operasjonsleiar|innsatsleder|"
    r"innsatsleiar|politiinspektør|insatschef|politimester|stabssjef|einsatzleiter|commander|kommandant)"
)
_TITLE_WORDS = re.compile(
    r"(?i)^(?:\w*minist\w*|\w*guvernør\w*|\w*gouverneur\w*|\w*governor\w*|\w*gobernador\w*|\w*governatore\w*|"
    r"\w*governador\w*|\w*president\w*|\w*präsident\w*|\w*presidente\w*|\w*président\w*|\w*premier\w*|"
    r"\w*sjef|\w*chef\w*|\w*leder|\w*leiar|\w*ordfører\w*|\w*ordførar\w*|\w*borgermester\w*|"
    r"\w*bürgermeister\w*|\w*burgemeester\w*|\w*maire|\w*alcalde\w*|\w*sindaco|\w*prefeito|\w*mayor|"
    r"\w*direktør\w*|\w*direktor\w*|\w*director\w*|\w*directeur\w*|\w*forsker|\w*ekspert|\w*rådgiver|"
    r"fagrådgiver|varaordfører|secretary|general|brig|gen|col|lt|capt|chief|executive|officer|officials?|"
    r"head|leader|commander|spokes\w*|minister|ministre|ministra|ministro|министр\w*|губернатор\w*|"
    r"голова|глава|начальник\w*|vali|bakan\w*|szef\w*|rzecznik\w*|wojewod\w*|kanzler\w*|kansler\w*|"
    r"statsminister|statsministar|innenriksminister|innanriksminister|utenriksminister|"
    r"ministerpräsident\w*|king|konge|kong|queen|dronning|prince|prins|sheikh|emir|pope|paus|"
    r"mr|mrs|ms|dr|prof|herr|frau|monsieur|madame|señor|señora|signor\w*|pan|pani)$"
)
_NAME_STOP = frozenset(
    """the a an and of in on at to for by with from der die das den dem des ein eine einer und von vom zu zum zur
    am im le la les l de du des un une et à au aux el los las del y en con por para il lo gli i della dello
    dei degli delle da di e o os as do da dos das um uma no na em het een van de en voor op met te
    den det de et en ei eit og i på til fra for med av som er var ble vart han hun ho de dei
    situaciones situations situação situazioni emergencia emergency emergencies emergências emergenza urgence
    ministry ministerio ministère ministerie ministerium ministero ministério ministerstwo interior intérieur
    interno interior inneren binnenlandse zaken gezondheid health santé salud sanidad salute saúde defence
    defense défense defensa defesa difesa defensie nacional national nationale nazionale state estado état
    stato staat service servicio servizio serviço dienst services agency agencia agence agenzia agência
    office oficina bureau ufficio department departamento département dipartimento departement civil civile
    protection protección protezione proteção schutz police policía polizia polícia polizei politie fire
    commission comisión commissione comissão kommisjon committee comité comitato council consejo conseil
    consiglio rat government gobierno gouvernement governo regierung regjering regering region región
    région regione região regional regionale province provincia provincie provinz district distrito
    distretto distrikt city ciudad ville città cidade stadt by stad republic república république
    repubblica republik united unidas unies unite unidas vereinte forente nations naciones nations nazioni
    nações nationen nasjoner security seguridad sécurité sicurezza segurança sicherheit sikkerhet army
    ejército armée esercito exército armee hær forces fuerzas forze forças kräfte styrker
    monday tuesday wednesday thursday friday saturday sunday mandag tirsdag onsdag torsdag fredag lørdag
    søndag måndag tysdag laurdag sundag måndag tisdag lördag söndag maandag dinsdag woensdag donderdag
    vrijdag zaterdag zondag montag dienstag mittwoch donnerstag freitag samstag sonntag lundi mardi mercredi
    jeudi vendredi samedi dimanche lunes martes miércoles jueves viernes sábado domingo lunedì martedì
    mercoledì giovedì venerdì sabato domenica zeitung newspaper avisen avisa tidningen tidning krant
    journal periódico diario giornale jornal gazeta nachrichtenagentur agentur news reporters tv radio
    kanal channel canal website nettsted twitter facebook telegram x instagram youtube angaben informationen
    berichten bericht berichte quellen kreisen sprecher behörde behörden ministerium regierung polizei
    nachrichtenagentur""".split()
)


def _for_lang(spec: object, lang: str) -> str:
    """The fragment of a lexicon entry for one language ('_' = every language; keys may list several)."""
    if isinstance(spec, dict):
        return "|".join(p for k, p in spec.items() if p and (k == "_" or lang in k.split()))
    return str(spec)


def _union(table: dict[str, object], lang: str, *, anchored: bool = False):
    """One regex with a named group per key, and the map group name → key."""
    parts = []
    names: dict[str, str] = {}
    for i, (key, pat) in enumerate(table.items()):
        frag = _for_lang(pat, lang)
        if not frag:
            continue
        g = f"g{i}"
        names[g] = key[:-2] if key.endswith("_l") else key
        parts.append(f"(?P<{g}>{_lower_pattern(frag)})")
    body = "|".join(parts) or r"(?!x)x"
    pat = (r"(?:" + body + r")(?![\w'’-])") if anchored else (r"(?<![\w])(?:" + body + r")(?![\w])")
    return re.compile(pat), names


def _word_re(spec: dict[str, str], lang: str, *, anchored: str = "") -> re.Pattern[str]:
    frag = _for_lang(spec, lang) or r"(?!x)x"
    if anchored == "full":
        return _rx(r"^(?:" + frag + r")$")
    return _rx(r"(?<![\w])(?:" + frag + r")(?![\w])")


class _FigTables:
    """Compiled per-language regexes for figure extraction."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.people, self.people_names = _union(_PEOPLE, lang, anchored=True)
        self.things, self.things_names = _union(_THINGS, lang, anchored=True)
        self.cues, self.cue_names = _union(_CATEGORY_WORDS, lang)
        qual_parts = []
        self.qual_names: dict[str, str] = {}
        for i, (key, spec) in enumerate(_QUALIFIER_WORDS.items()):
            frag = _for_lang(spec, lang)
            if not frag:
                continue
            g = f"q{i}"
            self.qual_names[g] = key
            qual_parts.append(f"(?P<{g}>{_lower_pattern(frag)})")
        articles = r"(?:\s*(?:une?|una?|uno|een|ein|eine|a|an|et|ett|ei|eit)\s*)?"
        self.qualifier = re.compile(
            r"(?:^|(?<=[\s(«\"“„'’,:–-]))(?:" + "|".join(qual_parts) + r")" + articles
            + r"[\s\u00a0«\"“„$€£]*$"
        )
        self.qual_word = re.compile(r"^(?:" + "|".join(qual_parts) + r")$")
        self.after_excl = _rx(
            r"^[\s\u00a0]*(?:(?:of|av|af|de|d'|di|van|z)\s*)?(?:(?:" + _UNITS + r"|" + _DURATIONS
            + r")(?![\w])|(?:" + _AGE_RIGHT + r"))"
        )
        self.left_excl = _rx(r"(?:^|(?<![\w]))(?:" + _ORDINAL_LEFT + r")[\s\u00a0]*[(«\"“]?$")
        self.money_after = [
            (code, _rx(r"^[\s\u00a0]*(?:of\s+|de\s+|d'|di\s+|в\s+)?(?:" + pat + r")(?![\w])"))
            for code, pat in _CURRENCY_AFTER
        ]
        self.money_before = [(code, _rx(r"(?:" + pat + r")[\s\u00a0]?$")) for code, pat in _CURRENCY_BEFORE]
        self.inclusion = _rx(r"(?:" + _INCLUSION + r")[\s,:]*(?:\w+\s+)?$")
        self.partitive = _rx(r"^[\s\u00a0]*(?:" + _PARTITIVE_RIGHT + r")\b")
        self.others_right = _rx(r"^[\s\u00a0]*(?:" + _OTHERS + r")\b")
        self.others_left = _rx(r"(?:" + _OTHERS + r")[\s\u00a0]*$")
        self.coord = _word_re(_COORDS, lang)
        dash = r"|\s[–—]\s" if lang not in ("ru", "uk") else ""
        self.clause_break = _rx(
            r";" + dash + r"|,\s+(?=(?:" + (_for_lang(_CLAUSE_CONJS, lang) or "(?!x)x") + r")\b)"
        )
        self.number_words = frozenset(_num_tables(lang).lex)
        self.prep_cue = _word_re(_PREP_CUES, lang)
        self.verb_cue = _word_re(_VERB_CUES, lang)
        self.pronoun = _word_re(_PRONOUNS, lang, anchored="full")
        rec = _for_lang(_RECIPIENTS, lang)
        self.recipient = re.compile(r"(?i)\s(?:" + rec + r")\s") if rec else None
        self.inst = [(k, _mixed_case(p), d) for k, p, d in _INSTITUTIONS]
        self.agencies = [(k, _mixed_case(p)) for k, p in _AGENCIES]
        # agents indexed by the first letters of each alternative, matched only at word starts
        self.agent_index: dict[str, list[tuple[re.Pattern[str], str, str]]] = {}
        entries = [(k, p, "agency") for k, p in _AGENCIES] + \
                  [(k, p, "desc" if d else "inst") for k, p, d in _INSTITUTIONS]
        for k, p, typ in entries:
            for alt in _split_alts(p):
                rx = _mixed_case(alt)
                lit = _literal_prefix(alt).lower()
                key2 = lit[:3] if len(lit) >= 3 else lit
                if len(key2) < 2:
                    raise ValueError(f"agent pattern without a literal start: {alt!r}")
                self.agent_index.setdefault(key2, []).append((rx, k, typ))


def _mixed_case(pattern: str) -> re.Pattern[str]:
    """Alternatives written in capitals (\\bUN\\b, \\bAP\\b) stay case-sensitive; the rest is not."""
    alts = _split_alts(pattern)
    parts = []
    for a in alts:
        letters = re.sub(r"\\[bwsdWSD]|\\\.|\[[^\]]*\]|[^\w]", "", a)
        if letters and letters.isupper() and len(letters) <= 6:
            parts.append(a)
        else:
            parts.append("(?i:" + a + ")")
    return re.compile("|".join(parts))


_ORG_HEAD = re.compile(r"(?i)^(?:authority|agency|institute|institut|service|office|council|committee|commission|"
                       r"department|bureau|organi[sz]ation|centre|center|company|corporation|group|association|"
                       r"foundation|union|federation|directorate|board|unit|observatory|network|trust)$")
_ORG_SPAN = re.compile(r"(?:[A-ZÀ-ÖØ-Þ][\w'’\-]*\s+(?:(?:of|for|and|de|du|des|van|für|for)\s+)?)*"
                       r"[A-ZÀ-ÖØ-Þ][\w'’\-]*$")
_WORD_START = re.compile(r"(?<!\w)\w")


def _literal_prefix(alt: str) -> str:
    """The plain letters an alternative starts with ("\\bpolis(?:en)?" → "polis")."""
    a = alt
    while True:
        if a.startswith("\\b"):
            a = a[2:]
        elif a.startswith("(?i:"):
            a = a[4:]
        else:
            break
    out = []
    i = 0
    while i < len(a):
        c = a[i]
        if c == "\\" and i + 1 < len(a) and a[i + 1] in ".-$'":
            out.append(a[i + 1])
            i += 2
            continue
        if c in "\\()[]?*+{}|.^$":
            break
        out.append(c)
        i += 1
    lit = "".join(out)
    # an optional last letter ("sources?") is not part of the literal start
    if i < len(a) and a[i] in "?*" and lit:
        lit = lit[:-1]
    return lit


def _split_alts(pattern: str) -> list[str]:
    """Top-level alternatives of a regex fragment."""
    out, depth, cur, i = [], 0, [], 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            cur.append(pattern[i:i + 2])
            i += 2
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "[":
            j = pattern.index("]", i + 1)
            cur.append(pattern[i:j + 1])
            i = j + 1
            continue
        if c == "|" and depth == 0:
            out.append("".join(cur))
            cur = []
        else:
            cur.append(c)
        i += 1
    out.append("".join(cur))
    return out


@lru_cache(maxsize=32)
def _tables(lang: str) -> _FigTables:
    return _FigTables(lang)


# =========================================================================== sentences

_SENT_SPLIT = re.compile(r"[.!?…]+[\"»”’)\]]*(?=\s+[\"«“„(\[–—-]?\s*(\w))")
_MONTH_START = re.compile(
    r"(?i)\s*(?:jan|feb|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|des|dec|dez|mär|mei|maa)"
)


@dataclass(slots=True)
class _Sent:
    start: int
    end: int
    text: str
    para: int
    dash: bool
    question: bool
    low: str = ""


def _split_sentences(text: str) -> list[_Sent]:
    out: list[_Sent] = []
    para = -1
    for lm in re.finditer(r"[^\n]+", text):
        line = lm.group()
        if not line.strip():
            continue
        para += 1
        dash = bool(_DASH_PARA.match(line))
        base = lm.start()
        cuts: list[int] = []
        for m in _SENT_SPLIT.finditer(line):
            nxt = m.group(1)
            if not (nxt.isupper() or nxt.isdigit()):
                continue
            j = m.start()
            k = j
            while k > 0 and line[k - 1].isalnum():
                k -= 1
            tok = line[k:j]
            if line[j] == "." and m.group().startswith(".") and len(m.group().rstrip("\"»”’)]")) == 1:
                if tok.lower() in _ABBREV or (len(tok) == 1 and tok.isalpha()):
                    continue
                if tok.isdigit() and len(tok) <= 2 and _MONTH_START.match(line, m.end()):
                    continue
            cuts.append(m.end())
        bounds = [0, *cuts, len(line)]
        for a, b in zip(bounds, bounds[1:]):
            seg = line[a:b]
            lead = len(seg) - len(seg.lstrip())
            seg = seg.strip()
            if not seg:
                continue
            s0 = base + a + lead
            out.append(_Sent(s0, s0 + len(seg), seg, para, dash, seg.endswith("?"), _lower(seg)))
    return out


# =========================================================================== mentions

_TOKEN = re.compile(r"[«»\"“”„'’]|[^\W\d_][\w'’]*-?|\d[\d.,\u00a0\u202f\u2009 ]*|[^\w\s]")
_PARTITIVE_PREP = re.compile(r"(?i)^(?:of|av|af|de|d'|di|van|von|z|из|з|the|of the)$")
_NOUN_STOP = frozenset(
    """er var ble vart blei blir har hadde hade är blev is are was were been be have has had will would sind wurden
    wurde ist war waren werden haben hat hatten zijn werd hebben heeft sont ont été est était sera han ha
    fueron fue son es están sono è hanno stati furono são foram estão zostało zostały zginęło jest są было были
    был находились в и на по de di da en i på til fra for med om at that who which whom som der die das den dem
    welche que qui quien che quale który które которые що які ki and og und et y e och or eller oder in on at to
    for with from by a an til från från för med mot mellom between among entre tra fra within inside outside near
    near bei beim aus nach mit vor hinter über unter zwischen während seit durch um gegen ohne dans sur sous
    chez avec sans pour par vers près après avant pendant depuis en con sin sobre tras hacia hasta desde
    durante con su per tra fra sotto dopo prima durante desde após antes com sem sob w na z do od przez po
    przy o u из от к с у до для при после через під над від до після через kişi""".split()
)
_PRE_GAP = _rx(
    r"^[\s\u00a0]*(?:(?:of|av|af|de|d'|van|von|the|den|det|die|der|das|les|los|las|la|le|el|il|gli|lo|os|as|"
    r"do|dos|also|også|og så|ook|auch|aussi|también|anche|another|additional|further|ytterligere|weitere|"
    r"mindst|minst|at least|more than|over|nearly|almost|about|around|some|up to|mer enn|meir enn|rundt|"
    r"omkring|om lag|nesten|nærare|nærmere|mehr als|mindestens|rund|etwa|fast|knapp|bis zu|meer dan|ruim|"
    r"bijna|zeker|ongeveer|au moins|plus de|près de|environ|quelque|al menos|más de|casi|unos|unas|"
    r"cerca de|almeno|oltre|quasi|circa|pelo menos|mais de|cerca de|około|ponad|blisko|prawie|около|более|"
    r"свыше|почти|близько|понад|майже|щонайменше|yaklaşık)[\s\u00a0]*)*$"
)
_CLAUSE_FALLBACK = 90
_NUMBER_OF = _rx(
    r"número de|cifra de|number of|death toll|\btoll\b|antallet|talet på|tallet på|dødstall\w*|"
    r"dödstal\w*|zahl der|anzahl der|het aantal|dodental|le nombre de|le bilan|il numero|il bilancio|"
    r"o número|liczba|число|количество|кількість|sayısı"
)


@dataclass(slots=True)
class _Mention:
    q: Quantity
    si: int  # sentence index
    qs: int  # local span of the quantity
    qe: int
    end: int  # local end of the figure (noun end)
    qualifier: str
    kind: str  # "money" | "thing" | "people" | "bare"
    noun: str | None = None
    subject: str | None = None
    subject_text: str | None = None
    category: str | None = None
    noun_category: str | None = None
    cue: tuple[int, int, str] | None = None
    cue_how: str | None = None
    included: bool = False
    partitive: bool = False
    others: bool = False
    attribution: str | None = None
    attribution_text: str | None = None


def _is_year(q: Quantity) -> bool:
    t = q.text.strip()
    return q.kind == "exact" and len(t) == 4 and t.isdigit() and 1800 <= q.low <= 2100


def _scan_noun(S: str, pos: int, T: _FigTables, lang: str):
    """Counted noun right after position pos: (kind, key, start, end) or None."""
    limit = min(len(S), pos + 70)
    words = 0
    first = True
    prev_tok = ""
    for tm in _TOKEN.finditer(S, pos, limit):
        tok = tm.group()
        a = tm.start()
        if tok in "«»\"“”„'’":
            continue
        if not tok[0].isalpha():
            if tok[0] in "-‐":
                continue
            return None  # digits, punctuation
        low = tok.lower().rstrip("-")
        if first and (_PARTITIVE_PREP.match(low) or (lang == "it" and low in ("i", "gli", "le"))):
            first = False
            continue
        first = False
        if re.match(r"(?i)[dl]['’]\w", tok):
            a += 2  # d'habitants, l'équipage
            tok = tok[2:]
            low = low[2:]
        m = T.things.match(S, a)
        if m and m.end() <= limit + 30:
            return ("thing", T.things_names[m.lastgroup], a, m.end())
        m = T.people.match(S, a)
        if m:
            cm = T.cues.match(S, a)
            if cm and cm.end() > m.end():  # "26 víctimas mortales", "vítimas mortais": noun and category
                return ("people", T.people_names[m.lastgroup], a, cm.end(), T.cue_names[cm.lastgroup])
            return ("people", T.people_names[m.lastgroup], a, m.end())
        word = tok.rstrip("-")
        if word in _CATEGORY_NOUN_CAT:
            return ("catnoun", _CATEGORY_NOUN_CAT[word], a, a + len(word))
        # compounds: a lexicon noun at the end of a long word (politibilar, Rettungshelfer)
        if len(word) >= 7 and lang in ("nb", "nn", "da", "sv", "nl", "de"):
            for rx, names, kind in ((T.things, T.things_names, "thing"), (T.people, T.people_names, "people")):
                for cut in range(3, len(word) - 3):
                    mm = rx.fullmatch(word, cut)
                    if mm:
                        return (kind, names[mm.lastgroup], a, a + len(word))
        if low in _NOUN_STOP and not (low in ("og", "and", "und", "en") and prev_tok.endswith("-")):
            return None
        cm = T.cues.match(S, a)
        if cm:
            # an adjective such as "zwaargewonde arbeiders", "vermiste kinderen": the noun follows
            nxt = _SPACES_RX.match(S, cm.end())
            at = nxt.end() if nxt else cm.end()
            if nxt and cm.end() == a + len(tok):
                pm = T.people.match(S, at)
                if pm:
                    return ("people", T.people_names[pm.lastgroup], at, pm.end(), T.cue_names[cm.lastgroup])
            return None
        prev_tok = tok
        words += 1
        if words >= 3:
            return None
    return None


def _mentions_in_sentence(sent: _Sent, si: int, qs: list[Quantity], T: _FigTables, lang: str) -> list[_Mention]:
    S = sent.text
    Sl = sent.low
    out: list[_Mention] = []
    for q in qs:
        ls, le = q.start - sent.start, q.end - sent.start
        L, R = S[:ls], S[le:]
        Ll, Rl = Sl[max(0, ls - 40):ls], Sl[le:le + 60]
        digits = q.text[:1].isdigit()
        if T.after_excl.match(Rl) or T.left_excl.search(Ll[-30:]):
            continue
        if _DIFFERENCE.match(Rl):
            continue  # "neuf morts de moins qu'en 2018": a difference between two counts, not a count
        if q.kind == "range" and q.low is not None and q.high is not None and 1800 <= q.low <= 2100 \
                and 1800 <= q.high <= 2100 and q.low.is_integer():
            continue
        if digits and _name_number(L, lang, T):
            continue
        if digits and L.endswith("(") and R.startswith(")") and q.low is not None and q.low < 130:
            continue  # "Vrouw (62)": an age
        if lang in ("nb", "nn", "da", "de", "pl", "tr", "sv") and digits and re.match(r"\.\s+[a-zæøåäöü]", R):
            continue  # "2. plass": an ordinal
        qual = "none"
        mq = T.qualifier.search(Ll)
        if mq:
            qual = T.qual_names[mq.lastgroup]
        elif is_approximate(q):
            qual = "about"
        elif lang == "tr" and re.match(r"['’]?d[ae]n fazla", Rl):
            qual = "more_than"
        m = _Mention(q=q, si=si, qs=ls, qe=le, end=le, qualifier=qual, kind="bare")
        # money
        code = None
        for c, rx in T.money_before:
            mb = rx.search(Ll[-6:])
            if mb:
                code = c
                m.noun = Ll[-6:][mb.start():mb.end()].strip().upper() or None
                break
        if code is None:
            for c, rx in T.money_after:
                mm = rx.match(Rl)
                if mm:
                    code = c
                    m.end = le + mm.end()
                    m.noun = R[:mm.end()].strip()
                    break
        if code is not None:
            m.kind, m.subject, m.category = "money", code, "money"
            m.subject_text = m.noun
            prev = out[-1] if out else None
            if prev is not None and prev.kind == "money" and qual == "none" and \
                    re.fullmatch(r"[^()]{0,25}\(\s*[$€£]?\s*", S[prev.end:ls]):
                m.qualifier = prev.qualifier  # "about 350 million euros ($340 million)"
            out.append(m)
            continue
        if q.low is not None and not float(q.low).is_integer() and q.kind == "exact":
            continue  # 6,4: not a count
        noun = _scan_noun(Sl, le, T, lang)
        if _is_year(q) and noun is None:
            continue
        if noun is not None:
            kind, key, a, b = noun[:4]
            if len(noun) > 4:
                m.noun_category = noun[4]  # "twee vermiste kinderen"
            m.noun = S[a:b]
            m.subject_text = m.noun
            m.end = b
            if kind == "thing":
                m.kind, m.subject, m.category = "thing", key, _THING_CATEGORY[key]
            elif kind == "people":
                m.kind, m.subject = "people", key
            else:
                m.kind, m.subject, m.noun_category = "people", "people", key
        # one: only "one protester", never "one of them"
        if q.low == 1 and q.kind == "exact" and (noun is None or re.match(r"\s+(?:of|av|af|van|von|de|di|z|из)\b", R)):
            continue
        m.partitive = bool(T.partitive.match(Rl))
        m.others = bool(T.others_right.match(Rl)) or bool(T.others_left.search(Ll[-12:]))
        m.included = bool(T.inclusion.search(Ll[-30:]))
        out.append(m)
    return out


def _name_number(L: str, lang: str, T: _FigTables) -> bool:
    """'TV 2', 'Khabar 24', 'Riksveg 13': a number that is part of a name."""
    if _NAME_NUMBER_LEFT.search(L[-12:]):
        return True
    if lang == "de":
        return False
    mm = re.search(r"([^\W\d_][\w'’-]*)\s$", L)
    if not mm:
        return False
    tok = mm.group(1)
    if not tok[0].isupper() or len(tok) < 2:
        return False
    before = L[:mm.start()].strip(" «\"“„–—-")
    if not before:
        return False
    if tok.lower() in _NAME_STOP or _is_qualifier_word(tok, T):
        return False
    return True


def _is_qualifier_word(tok: str, T: _FigTables) -> bool:
    low = tok.lower()
    return bool(T.qual_word.match(low)) or low in {
        "totalt", "insgesamt", "total", "in", "i", "på", "bei", "met", "with", "by", "all", "alle", "tous",
        "todos", "tutti", "and", "og", "und", "et", "y", "e"}


# =========================================================================== categories

def _bind_categories(S: str, ms: list[_Mention], T: _FigTables) -> None:
    """Attach a category word to every count of people in one sentence."""
    people = [m for m in ms if m.kind in ("people", "bare")]
    if not people:
        return
    spans = [(m.qs, m.end) for m in ms]
    cues: list[tuple[int, int, str]] = []
    for cm in T.cues.finditer(S):
        a, b = cm.span()
        if any(x <= a < y for x, y in spans) and not any(m.noun_category and m.qs <= a < m.end for m in ms):
            continue
        cues.append((a, b, T.cue_names[cm.lastgroup]))
    breaks = [m.end() for m in T.clause_break.finditer(S)]

    def clause(pos: int) -> int:
        return sum(1 for b in breaks if b <= pos)

    used: set[int] = set()  # category words right before a number
    post_used: set[int] = set()  # predicates already taken by the subject before them
    # 1. a category word right before the number: "killing at least 14", "sendt 2.030 soldatar"
    for ci, (a, b, cat) in enumerate(cues):
        nxt = next((m for m in ms if m.qs >= b), None)
        if nxt is None or nxt.kind not in ("people", "bare") or nxt.cue is not None:
            continue
        if clause(a) == clause(nxt.qs) and _PRE_GAP.match(S[b:nxt.qs]):
            nxt.cue, nxt.cue_how = (a, b, cat), "pre"
            used.add(ci)
    # 2. the predicate after the counted noun: "164 menneske er drepne", "due feriti gravi sono
    # morti"; but a noun that is a category word keeps it across a coordination: "plus de 20
    # morts et de nombreux blessés" stays killed
    for i, m in enumerate(people):
        if m.cue is not None:
            continue
        stop = min(len(S), m.end + 100)
        for n in ms:
            if n.qs > m.qs and not n.included:
                stop = min(stop, n.qs)
                break
        for b_ in breaks:
            if b_ > m.end:
                stop = min(stop, b_)
                break
        skip: list[tuple[int, int]] = []
        c = S.find(",", m.end, stop)
        while c >= 0:
            c2 = S.find(",", c + 1, min(stop, c + 70))
            if c2 < 0:
                stop = c
                break
            skip.append((c, c2))  # ", blant dem flere norske turister,"
            c = S.find(",", c2 + 1, stop)
        for ci, (a, b, cat) in enumerate(cues):
            if ci in used or a < m.end or a >= stop or any(x <= a < y for x, y in skip):
                continue
            if m.noun_category and T.coord.search(S[m.end:a]):
                break
            m.cue, m.cue_how = (a, b, cat), "post"
            post_used.add(ci)
            break
    # 2b. coordination: "Titalls demonstranter og minst 18 politifolk skal være drept"
    for i, m in enumerate(ms):
        if m.kind not in ("people", "bare") or m.cue is not None:
            continue
        j = ms.index(m) + 1
        if j < len(ms):
            n = ms[j]
            gap = S[m.end:n.qs]
            if n.cue is not None and n.cue_how == "post" and len(gap) <= 20 and T.coord.search(gap) \
                    and clause(m.qs) == clause(n.qs):
                m.cue, m.cue_how = n.cue, "coord"
    # 3. a category word before it: "the death toll rose to 27", "Bland de döda finns tre poliser"
    for m in people:
        if m.cue is not None or m.noun_category:
            continue
        prev_end = 0
        for n in ms:
            if n.qs < m.qs:
                prev_end = n.end
        best = None
        for ci, (a, b, cat) in enumerate(cues):
            number_of = bool(_NUMBER_OF.search(S, max(0, a - 30), b))
            reach = 150 if number_of else _CLAUSE_FALLBACK
            if ci in used or ci in post_used or b > m.qs or a < prev_end or m.qs - b > reach:
                continue
            if not number_of and "," in S[b:m.qs]:
                continue  # "arrested a man ..., freeing five hostages": the verb has its own object
            if clause(a) != clause(m.qs):
                continue
            best = (a, b, cat)
        if best is not None:
            m.cue, m.cue_how = best, "before"
            if m.kind == "bare":  # "El número de mineros muertos ... ha ascendido a 15"
                nm = None
                for k in range(max(0, best[0] - 30), best[0]):
                    if k == 0 or not S[k - 1].isalnum():
                        nm = T.people.match(S, k)
                        if nm and nm.end() <= best[0] + 1:
                            break
                        nm = None
                if nm is not None:
                    key = T.people_names[nm.lastgroup]
                    if key != "people":
                        m.subject, m.subject_text = key, nm.group()
    # 4. inclusions inherit: "..., blant dem to brannmenn"
    for idx, m in enumerate(ms):
        if m.cue is None and m.included and idx > 0 and ms[idx - 1].kind in ("people", "bare"):
            prev = ms[idx - 1]
            if prev.cue is not None:
                m.cue, m.cue_how = prev.cue, "incl"
            elif prev.noun_category:
                m.cue, m.cue_how = (0, 0, prev.noun_category), "incl"


def _resolve(ms: list[_Mention], article: list[_Mention], S: str, Sl: str, T: _FigTables) -> list[_Mention]:
    """Subject and category of each mention of one sentence; drops numbers that count nothing."""
    out = []
    breaks = [m.end() for m in T.clause_break.finditer(Sl)]

    def clause(pos: int) -> int:
        return sum(1 for b in breaks if b <= pos)

    for idx, m in enumerate(ms):
        if m.kind == "thing" and m.subject == "homes" and _NO_POWER.match(Sl, m.end):
            m.subject, m.category = "households", "other"  # "250,000 homes without power"
        prev_in_sent = ms[idx - 1] if idx > 0 else None
        prev_any = prev_in_sent or (article[-1] if article else None)
        if m.kind == "bare":
            inherit = None
            if (m.partitive or m.others) and prev_any is not None:
                inherit = prev_any
            elif m.included and prev_in_sent is not None:
                inherit = prev_in_sent
            elif prev_in_sent is not None and clause(prev_in_sent.qs) == clause(m.qs) \
                    and T.coord.search(Sl[prev_in_sent.end:m.qs]):
                inherit = prev_in_sent
            if inherit is not None and inherit.kind == "thing" and m.cue is None:
                m.kind, m.subject, m.category = "thing", inherit.subject, inherit.category
                m.subject_text = None
            elif inherit is not None and inherit.kind == "people":
                m.subject = inherit.subject
                if m.cue is None and (m.included or m.partitive or m.others) and inherit.category:
                    m.cue, m.cue_how = (0, 0, inherit.category), "inherit"
        elif m.kind == "people" and m.partitive and prev_any is not None and prev_any.kind == "people":
            m.subject = prev_any.subject
        if m.kind in ("people", "bare"):
            if m.cue is not None:
                m.category = m.cue[2]
                if m.category == "displaced" and _default_category(m.subject) == "deployed":
                    m.category = "deployed"  # "sesenta efectivos desplazados", "troops moved": sent, not fleeing
            elif m.noun_category:
                m.category = m.noun_category
            elif m.kind == "people":
                m.category = _default_category(m.subject)
            elif prev_in_sent is not None and prev_in_sent.category in PEOPLE_CATEGORIES_ALL \
                    and m.q.kind != "vague" and _ELLIPSIS_END.match(Sl, m.qe) \
                    and ("," in Sl[prev_in_sent.end:m.qs] or T.coord.search(Sl[prev_in_sent.end:m.qs])):
                m.category = prev_in_sent.category  # "29 doden, het ministerie houdt het officieel op 27."
                m.subject = m.subject or prev_in_sent.subject
            else:
                continue  # a bare number: counts nothing we know of
            if m.subject is None:
                m.subject = "people"
            # roles in the clause
            if m.subject == "people":
                a, b = _clause_span(S, breaks, m.qs)
                if _HOSTAGE_CONTEXT.search(Sl[a:b]):
                    m.subject = "hostages"
                elif _ON_BOARD.match(Sl[m.end:m.end + 40]):
                    m.subject = "passengers"
                else:
                    aff = _affiliation(Sl, m.end, T)
                    if aff:
                        m.subject, end = aff
                        m.subject_text = S[m.end - len(m.noun or ""):end] if m.noun else m.subject_text
                        m.end = max(m.end, end)
            if m.category == "deployed" and m.subject in ("people",) and _MILITARY_CONTEXT.search(Sl):
                m.subject = "soldiers"
        if m.category is None:
            continue
        out.append(m)
    return out


_NO_POWER = _rx(
    r"\s*(?:without (?:power|electricity)|uten strøm|utan straum|uden strøm|utan ström|zonder stroom|"
    r"ohne strom|sans (?:électricité|courant)|privés d'électricité|sin (?:luz|electricidad)|"
    r"senza (?:corrente|elettricità)|sem (?:luz|energia)|bez prądu|без (?:света|электричества)|"
    r"без (?:світла|електрики)|elektriksiz)"
)
_ELLIPSIS_END = re.compile(r"\s*(?:[.,;:)!?»\"”]|$)")
PEOPLE_CATEGORIES_ALL = frozenset({"killed", "injured", "arrested", "missing", "displaced"})


def _default_category(subject: str | None) -> str:
    if subject in ("soldiers", "police", "firefighters", "rescuers", "personnel", "investigators",
                   "security_forces"):
        return "deployed"
    if subject == "protesters":
        return "crowd"
    return "other"


def _clause_span(S: str, breaks: list[int], pos: int) -> tuple[int, int]:
    a, b = 0, len(S)
    for x in breaks:
        if x <= pos:
            a = x
        elif x > pos:
            b = x
            break
    return a, b


_AFFIL = _rx(
    r"\s+(?:fra|frå|from|van|von|de|of|av|af|des|der|du|dos|das|del|della|z|из|з|entre|among|i|in|"
    r"aus|dalla|dalle|delle|degli)\s+"
)
_WORD_AT = re.compile(r"[\w'’]+\s+")


def _affiliation(S: str, pos: int, T: _FigTables):
    """'åtte personer fra landets sikkerhetsstyrker', '16 leden van de veiligheidsdiensten'."""
    m = _AFFIL.match(S, pos)
    if not m:
        return None
    at = m.end()
    for _ in range(3):
        n = T.people.match(S, at)
        if n is not None:
            key = T.people_names[n.lastgroup]
            if key in ("people", "residents", "tourists", "staff"):
                return None
            return key, n.end()
        w = _WORD_AT.match(S, at)
        if w is None or w.group().strip().lower() in T.number_words or w.group()[0].isdigit():
            return None
        at = w.end()
    return None


# =========================================================================== attribution

@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    key: str
    text: str
    relay: bool
    verb: bool
    after: bool = False  # covers what follows ("Ifølge X, ...", "X said (that) ...")
    final: bool = False  # covers what precedes ("..., opplyser X.")


_SPACES_RX = re.compile(r"\s+")
_WORDS_RX = re.compile(r"[\w'’]+")
_DIGIT_RX = re.compile(r"\d")
_THAT_SOON = re.compile(r"(?i)^\s*(?:[\w'’]+\s+){0,3}?(?:that|at|dat|dass|que|che|że|что|що)\b")
_WORD_NEXT = re.compile(r"^\s+[^\W\d]")
_COMMA_NEXT = re.compile(r"^\s*,")
_DE_SAY = re.compile(r"(?i)sagte|erklärte|berichtete")
_FINAL_REST = re.compile(r"[\s,]*(?:[^\W\d][\w'’\-]*[\s,]*){0,4}[.!?…»\"”’)\]]*")
_COMMA_WORD = re.compile(r",\s*[^\W\d]")
_NAME_TOKEN = re.compile(r"[^\W\d_][\w'’.\-]*")
_PARTICLES = frozenset("al al- el bin ibn van von de da del der di du la le ter ten abu abd dos das ben".split())
_PARTICLE_GAP = re.compile(r"(?i)\s(?:" + "|".join(sorted(_PARTICLES, key=len, reverse=True)) + r")\s|\s(?:al|el)-")
_LOCATIVE = re.compile(r"(?i)(?:^|\s)(?:von|van|of|i|in|fra|frå|from|aus|de|du|en|à|a|w|в|у|из|з|til|to|at|near|"
                       r"nær|bei|des|del|della|der|dos|das|do|da)\s+$")
_COMPLEMENTIZER = re.compile(r"(?i)^[\s,]*(?:that|at|om at|dat|dass|que|qu'|de que|che|że|что|що|ki)\b")
_AGENT_STOP = re.compile(r"[;:!?\d]|\s[–—]\s|\b(?:that|at|om at|dat|dass|que|qu'|de que|che|że|что|що|ki)\b", re.I)
_WIE = re.compile(r"(?i)\bwie\s+$")
_PASSIVE = _rx(r"\b(?:was|were|is|are|been|be|being|ble|blei|vart|blev|wurde|wurden|werd|werden|"
                      r"été|fue|fueron|foi|foram|было|были)\s+(?:\w+ly\s+|not\s+|also\s+)?$")
_TITLED = re.compile(r"(?i)(?:minist\w*|guvernør|gouverneur\w*|governor|gobernador|governatore|governador|"
                     r"president\w*|präsident\w*|sjef|chef|leder|leiar|ordfører|ordførar|mayor|forsker|"
                     r"rådgiver|ekspert|spokes\w*|talsperson|sprecher|woordvoerder|porte-parole|portavo\w*)"
                     r"[\s,]*$")


def _names_in(S: str, a: int, b: int, T: _FigTables) -> list[tuple[int, int, str]]:
    """Person or organisation name sequences in S[a:b]: (start, end, surname)."""
    out: list[tuple[int, int, str]] = []
    seq: list[tuple[int, int, str]] = []

    def flush():
        if seq:
            s0 = seq[0][0]
            if len(seq) == 1 and _LOCATIVE.search(S[max(0, s0 - 8):s0]):
                pass
            else:
                out.append((s0, seq[-1][1], seq[-1][2]))
        seq.clear()

    pos = a
    for m in _NAME_TOKEN.finditer(S, a, b):
        if not m.group()[0].isupper() and not re.match(r"(?:al|el|ad|as|ash|at|an|ar|az|ul|abd|abu|bin|ibn|ben)-"
                                                         r"[^\W\d_]", m.group()) or (
                not m.group()[0].isupper() and not re.match(r"[a-z]+-[A-Z]", m.group())):
            if seq and m.group().lower() in _PARTICLES:
                continue
            flush()
            pos = m.end()
            continue
        tok = m.group().rstrip(".,'’-")
        s0, e0 = m.start(), m.start() + len(tok)
        gap = S[pos:s0]
        ok = _is_name_token(tok, T)
        if seq and ok:
            if gap == " " or _PARTICLE_GAP.fullmatch(gap):
                seq.append((s0, e0, tok))
                pos = e0
                continue
            flush()
        elif seq:
            flush()
        if ok:
            seq.append((s0, e0, tok))
        pos = e0
    flush()
    return out


@lru_cache(maxsize=8192)
def _is_name_token_cached(tok: str, lang: str) -> bool:
    T = _tables(lang)
    low = tok.lower()
    if len(tok) < 2 or low in _NAME_STOP or _TITLE_WORDS.match(tok) or low in T.number_words:
        return False
    if T.people.fullmatch(low) or T.cues.fullmatch(low) or low in _CATEGORY_NOUN_CAT:
        return False
    if T.pronoun.match(low):
        return False
    for _, rx, _d in T.inst:
        if rx.fullmatch(tok):
            return False
    for _, rx in T.agencies:
        if rx.fullmatch(tok):
            return False
    return True


def _is_name_token(tok: str, T: _FigTables) -> bool:
    return _is_name_token_cached(tok, T.lang)


def _find_agent(S: str, a: int, b: int, direction: str, T: _FigTables, verb: bool):
    """Who a reporting phrase at S[a:b] names: (key | '@pronoun' | '@anaphor', agent_start, agent_end, win_end)."""
    if direction == "after":
        lo = b
        hi = min(len(S), b + 120)
        stop = _AGENT_STOP.search(S, lo, hi)
        if stop:
            hi = stop.start()
        if verb and T.recipient is not None:
            r = T.recipient.search(S, lo, hi)
            if r:
                hi = r.start()
        # commas end the agent unless an apposed name follows ("ministro ..., Bakyt Dzhumabáyev")
        pos = lo
        while True:
            c = S.find(",", pos, hi)
            if c < 0:
                break
            nm = re.match(r",\s*((?:[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁІЇЄҐ][\w'’\-]*\s?){1,4})(?=,|$|\s*[.;])", S[c:hi])
            if nm and _names_in(S, c, c + nm.end(), T):
                pos = c + nm.end()
                continue
            hi = c
            break
        win = (lo, hi)
    else:
        hi = a
        lo = max(0, a - 120)
        cut = max(S.rfind(";", lo, hi), S.rfind(":", lo, hi))
        if cut >= 0:
            lo = cut + 1
        win = (lo, hi)
    lo, hi = win
    if hi <= lo:
        return None
    seg = S[lo:hi]
    # pronoun next to the cue
    toks = list(re.finditer(r"[\w'’\-]+", seg))
    if toks:
        near = toks[0] if direction == "after" else toks[-1]
        if T.pronoun.match(near.group().lower()) and ((direction == "after" and len(toks) <= 2) or
                                               (direction == "before" and not S[lo + near.end():hi].strip())):
            return ("@pronoun", lo + near.start(), lo + near.end(), hi)
    am = _ANAPHOR_AGENT.search(seg)
    found: list[tuple[int, int, str, str]] = []  # (start, end, key, type)
    seen_until = -1
    for wm in _WORD_START.finditer(S, lo, hi):
        pos = wm.start()
        if pos < seen_until:
            continue
        low = S[pos:pos + 3].lower()
        best_m = None
        for probe in (low, low[:2]):
            for rx, key, typ in T.agent_index.get(probe, ()):
                m = rx.match(S, pos, hi)
                if m and (best_m is None or m.end() > best_m[0].end()):
                    best_m = (m, key, typ)
        if best_m is None:
            continue
        m, key, typ = best_m
        if typ == "agency" and S[m.start() - 1:m.start()] == "(" and S[m.end():m.end() + 1] == ")":
            continue  # a dateline: "KYIV, Sept 14 (Reuters) -"
        found.append((m.start(), m.end(), key, typ))
        seen_until = m.end()
    names = [(s0, e0, sur) for s0, e0, sur in _names_in(S, lo, hi, T)
             if not any(f[0] <= s0 < f[1] or s0 <= f[0] < e0 for f in found)]
    for s0, e0, sur in names:
        found.append((s0, e0, sur, "name"))
    if am and not found:
        return ("@anaphor", lo + am.start(), lo + am.end(), hi)
    if not found:
        return None
    if direction == "before":
        keep = []
        for f in found:
            gap = S[f[1]:a]
            far = "," in gap or len(gap.split()) > 3
            lone_start = f[3] == "name" and " " not in S[f[0]:f[1]].strip() and not S[:f[0]].strip(" «\"“„–—-")
            if far and T.lang != "tr" and (T.lang in ("nb", "nn", "da", "sv", "nl") or lone_start):
                continue
            keep.append(f)
        found = keep
        if not found:
            return None
    if direction == "after" or T.lang == "tr":
        found.sort(key=lambda f: (f[0], -f[1]))
    else:
        found.sort(key=lambda f: (-f[1], f[0]))
    strong = [f for f in found if f[3] in ("inst", "agency")]
    if strong:
        # a lone capitalised word next to an institution is a modifier ("Kasakhstans innenriksdepartement")
        found = [f for f in found if not (f[3] == "name" and " " not in S[f[0]:f[1]].strip()
                                           and not _TITLED.search(S[max(lo, f[0] - 25):f[0]]))]
    best = found[0]
    if best[3] in ("inst", "agency"):
        nxt = [f for f in found if f[3] in ("inst", "agency") and 0 <= f[0] - best[1] <= 2]
        if nxt and direction == "after":
            best = nxt[0]  # "Katastrophenschutzbehörde Afad", "fiscal police FIOD"
        if direction == "before":
            prev = [f for f in found if f[3] in ("inst", "agency") and f[1] <= best[0]
                    and re.fullmatch(r"\s+(?:and|og|und|en|et|y|e|i|och)\s+", S[f[1]:best[0]], re.I)]
            if prev:
                best = prev[0]  # "police and medical sources said"
    if best[3] == "desc":
        nxt = [f for f in found if f[3] == "name" and 0 <= f[0] - best[1] <= 3]
        if nxt:
            best = nxt[0]
    if best[3] == "name":
        insts = [f for f in found if f[3] == "inst"]
        if insts and _ROLE_WORDS.search(seg):
            best = insts[0]
    s0, e0, key, typ = best
    if typ == "name":
        if _ORG_HEAD.search(key):
            # an organisation: the whole capitalised name, not its last word
            m0 = _ORG_SPAN.search(S, max(0, s0 - 80), e0)
            full = m0.group() if m0 else key
            key = name_key(full)
        else:
            key = name_key(key)
        if not key:
            return None
    return (key, s0, e0, hi)


def _candidates(S: str, Sl: str, T: _FigTables, lang: str, history: list[str], prev_sentence: str | None,
                breaks: list[int]) -> list[_Cand]:
    cands: list[_Cand] = []
    spans: list[tuple[int, int, bool]] = []
    for m in T.prep_cue.finditer(Sl):
        if m.group().lower() in ("göre", "zufolge"):
            spans.append((m.start(), m.end(), False, "before"))
        else:
            spans.append((m.start(), m.end(), False, "after"))
    for m in T.verb_cue.finditer(Sl):
        if any(x <= m.start() < y for x, y, *_ in spans):
            continue
        if _PASSIVE.search(Sl, max(0, m.start() - 25), m.start()):
            continue  # "no one was reported injured"
        first = "before" if lang in ("en", "tr") else "after"
        spans.append((m.start(), m.end(), True, first))
    for a, b, verb, first in spans:
        res = _find_agent(S, a, b, first, T, verb)
        if res is None and verb and lang != "tr":
            res = _find_agent(S, a, b, "before" if first == "after" else "after", T, verb)
        if res is None:
            # a pronoun phrase such as "За його словами" / "according to him"
            pm = _PRONOUN_PHRASE.match(Sl, a) if not verb else None
            if pm:
                res = ("@pronoun", pm.start(), pm.end(), pm.end())
        if res is None:
            continue
        key, s0, e0, win_end = res
        if key in ("@pronoun", "@anaphor"):
            key = _antecedent(history, prev_sentence, T)
            if key is None:
                continue
        if s0 >= b:  # agent after the cue: the phrase runs to the end of the agent window
            c0, c1 = a, max(b, win_end)
            shown = S[a:e0]
        else:
            c0, c1 = s0, b
            w = _WIE.search(S, max(0, c0 - 5), c0)
            if w:
                c0 = w.start()
            shown = S[c0:c1]
        cands.append(_Cand(c0, c1, key, shown.strip(" ,.;:"), key in _RELAYS, verb))
    # a pronoun phrase without a verb cue ("За його словами, ...")
    for pm in _PRONOUN_PHRASE.finditer(Sl):
        if any(c.start <= pm.start() < c.end for c in cands):
            continue
        key = _antecedent(history, prev_sentence, T)
        if key:
            cands.append(_Cand(pm.start(), pm.end(), key, S[pm.start():pm.end()], key in _RELAYS, False))
    # scopes
    for c in cands:
        before = S[:c.start]
        n_before = len(_WORDS_RX.findall(before))
        rest = S[c.end:]
        if n_before <= 3 and not _DIGIT_RX.search(before):
            c.after = True
        elif _COMPLEMENTIZER.match(rest) or _THAT_SOON.match(rest):
            c.after = True
        elif c.verb and _WORD_NEXT.match(rest) and c.end <= len(S) and lang in ("en",) \
                and S[c.start:c.end].split()[-1].lower() in ("said", "says", "told", "reported", "announced",
                                                             "confirmed", "promised", "estimated", "stated"):
            c.after = True
        elif lang == "de" and c.verb and _COMMA_NEXT.match(rest) and _DE_SAY.search(
                                                                              S[c.start:c.end]):
            c.after = True
        # final: only other attributions and a few words after it
        rem = rest
        for o in cands:
            if o is not c and o.start >= c.end:
                rem = rem.replace(S[o.start:o.end], " ")
        if _FINAL_REST.fullmatch(rem) and not _COMMA_WORD.search(rem.strip()):
            c.final = True
    return cands


def _antecedent(history: list[str], prev_sentence: str | None, T: _FigTables) -> str | None:
    if history:
        return history[-1]
    if prev_sentence:
        names = [n for n in _names_in(prev_sentence, 0, len(prev_sentence), T)
                 if " " in prev_sentence[n[0]:n[1]]]
        if names:
            return name_key(names[-1][2]) or None
    return None


def _choose(m: _Mention, cands: list[_Cand], ms: list[_Mention], clause) -> _Cand | None:
    if not cands:
        return None
    mc = clause(m.qs)
    local = [c for c in cands if clause(c.start) == mc or clause(max(c.start, c.end - 1)) == mc]
    scoped = [c for c in cands if (c.after and c.end <= m.qs) or (c.final and c.start >= m.end)]
    pool = local or scoped
    if not pool:
        return None

    def dist(c: _Cand) -> int:
        if c.end <= m.qs:
            return m.qs - c.end
        if c.start >= m.end:
            return c.start - m.end
        return 0

    pool = sorted(pool, key=dist)
    best = pool[0]
    if best.relay:
        for p in pool[1:]:
            if p.relay:
                continue
            lo, hi = min(p.start, best.start), max(p.end, best.end)
            if not any(lo <= n.qs < hi for n in ms):
                return p
    return best


# =========================================================================== the extractor

def extract_figures(text: str, lang: str, *, title: str | None = None) -> list[Figure]:
    """Figures (numeric claims) reported by one article, in text order; title-only ones last."""
    code = norm_lang(lang)
    if code not in SUPPORTED_LANGS or not text:
        return _title_only([], title, code) if code in SUPPORTED_LANGS else []
    figs = _extract(text, code)
    return _title_only(figs, title, code)


def _title_only(figs: list[Figure], title: str | None, code: str) -> list[Figure]:
    if not title or not title.strip():
        return figs
    extra = []
    for f in _extract(title, code):
        if any(g.category == f.category and _overlap(g.value, f.value) for g in figs):
            continue
        extra.append(Figure(f.category, f.noun, f.value, f.qualifier, f.subject, f.subject_text, f.attribution,
                            f.attribution_text, title.strip(), -1, -1))
    return figs + extra


def _overlap(a: Quantity, b: Quantity) -> bool:
    if a.low is None or b.low is None:
        return False
    return a.low <= (b.high or b.low) and b.low <= (a.high or a.low)


def _extract(text: str, lang: str) -> list[Figure]:
    T = _tables(lang)
    sents = _split_sentences(text)
    if not sents:
        return []
    quants = find_quantities(text, lang)
    by_sent: list[list[Quantity]] = [[] for _ in sents]
    si = 0
    for q in quants:
        while si < len(sents) and sents[si].end <= q.start:
            si += 1
        if si >= len(sents):
            break
        if sents[si].start <= q.start and q.end <= sents[si].end:
            by_sent[si].append(q)
    article: list[_Mention] = []
    per_sent: list[list[_Mention]] = []
    all_breaks: list[list[int]] = []
    for i, sent in enumerate(sents):
        S = sent.text
        breaks = [m.end() for m in T.clause_break.finditer(sent.low)] if by_sent[i] else []
        all_breaks.append(breaks)
        ms = _mentions_in_sentence(sent, i, by_sent[i], T, lang) if by_sent[i] else []
        if ms:
            _bind_categories(sent.low, ms, T)
            ms = _resolve(ms, article, S, sent.low, T)
        per_sent.append(ms)
        article.extend(ms)
    if not article:
        return []
    # reporting phrases are read only where they can matter: sentences with figures, the three before
    # them (pronouns), the one after ("Dat meldt ..."), and the ends of earlier quote paragraphs
    need = [False] * len(sents)
    in_para: dict[int, list[int]] = {}
    for i, sent in enumerate(sents):
        in_para.setdefault(sent.para, []).append(i)
    for i, ms in enumerate(per_sent):
        if ms:
            for j in range(max(0, i - 3), min(len(sents), i + 2)):
                need[j] = True
            p = sents[i].para
            for j in in_para[p]:
                need[j] = True
            for q in range(max(0, p - 4), p):
                if q in in_para:
                    need[in_para[q][-1]] = True
    history: list[str] = []
    sent_key: list[str | None] = []
    sent_cands: list[list[_Cand]] = []
    for i, sent in enumerate(sents):
        if not need[i]:
            sent_cands.append([])
            sent_key.append(None)
            continue
        S = sent.text
        breaks = all_breaks[i] if by_sent[i] else [m.end() for m in T.clause_break.finditer(sent.low)]

        def clause(pos: int, _b=breaks) -> int:
            return sum(1 for x in _b if x <= pos)

        cands = _candidates(S, sent.low, T, lang, history[-3:] if i and sent_key and any(sent_key[-3:]) else [],
                            sents[i - 1].text if i else None, breaks)
        sent_cands.append(cands)
        ms = per_sent[i]
        for m in ms:
            c = _choose(m, cands, ms, clause)
            if c is not None:
                m.attribution, m.attribution_text = c.key, c.text
        key = None
        if cands:
            main = [c for c in cands if not c.relay] or cands
            key = main[-1].key
            history.append(key)
        elif lang == "de" and i and _KONJUNKTIV.search(S) and sent_key[-1]:
            key = sent_key[-1]
            for m in ms:
                if m.attribution is None:
                    m.attribution = key
                    m.attribution_text = next((c.text for c in sent_cands[-2] if c.key == key), None)
        sent_key.append(key)
    # a next sentence that says who reported it: "Dat meldt het ministerie", "Det skriver AP"
    for i in range(len(sents) - 1):
        nxt = sents[i + 1].text
        if not per_sent[i] or not _DEMONSTRATIVE_START.match(nxt):
            continue
        cs = [c for c in sent_cands[i + 1]]
        if not cs:
            continue
        c = next((c for c in cs if not c.relay), cs[0])
        for m in per_sent[i]:
            if m.attribution is None:
                m.attribution, m.attribution_text = c.key, c.text
    # dash quotes: "– ..., sier Dale." covers the quote, and answers in an interview
    _dash_speakers(sents, per_sent, sent_cands)
    _consolidate(article)
    figs = []
    for m in article:
        sent = sents[m.si]
        figs.append(Figure(
            category=m.category, noun=m.noun, value=m.q, qualifier=m.qualifier, subject=m.subject or "people",
            subject_text=m.subject_text, attribution=m.attribution, attribution_text=m.attribution_text,
            sentence=sent.text, start=sent.start + m.qs, end=sent.start + m.end,
        ))
    return figs


def _dash_speakers(sents: list[_Sent], per_sent: list[list[_Mention]], sent_cands: list[list[_Cand]]) -> None:
    paras: dict[int, list[int]] = {}
    for i, s in enumerate(sents):
        paras.setdefault(s.para, []).append(i)
    speaker: dict[int, str | None] = {}
    order = sorted(paras)
    for p in order:
        idx = paras[p]
        if not sents[idx[0]].dash:
            speaker[p] = None
            continue
        last = sent_cands[idx[-1]]
        sp = next((c.key for c in reversed(last) if c.verb and c.final and not c.relay), None)
        if sp is None:
            sp = next((c.key for c in reversed(last) if c.final), None)
        speaker[p] = sp
    for n, p in enumerate(order):
        idx = paras[p]
        if not sents[idx[0]].dash:
            continue
        sp = speaker[p]
        if sp is None and not any(sents[i].question for i in idx):
            for q in reversed(order[max(0, n - 4):n]):
                if not sents[paras[q][0]].dash:
                    break
                if speaker[q] is not None:
                    sp = speaker[q]
                    break
        if sp is None:
            continue
        for i in idx:
            for m in per_sent[i]:
                if m.attribution is None:
                    m.attribution = sp
                    m.attribution_text = next((c.text for j in idx for c in sent_cands[j] if c.key == sp), None)


def _consolidate(article: list[_Mention]) -> None:
    """Mentions of one figure share the most specific subject and any attribution given."""
    groups: dict[tuple, list[_Mention]] = {}
    for m in article:
        groups.setdefault((m.category, m.q.low, m.q.high, m.qualifier), []).append(m)
    for ms in groups.values():
        if len(ms) < 2:
            continue
        subjects = {m.subject for m in ms if m.subject not in (None, "people")}
        if len(subjects) == 1:
            s = subjects.pop()
            for m in ms:
                if m.subject in (None, "people"):
                    m.subject = s
        attrs = {m.attribution for m in ms if m.attribution}
        if len(attrs) == 1:
            a = attrs.pop()
            text = next(m.attribution_text for m in ms if m.attribution == a)
            for m in ms:
                if m.attribution is None:
                    m.attribution, m.attribution_text = a, text


# =========================================================================== scoring

def _num(x) -> float | None:
    if x is None:
        return None
    return float(f"{float(x):.6g}")


def figure_key(f: Figure | dict) -> tuple:
    """Match key: (category, value_low, value_high, qualifier, subject, attribution)."""
    if isinstance(f, Figure):
        return (f.category, _num(f.value.low), _num(f.value.high), f.qualifier, f.subject, f.attribution)
    attr = f.get("attribution")
    if isinstance(attr, str) and attr.startswith("@"):
        attr = name_key(attr[1:])  # "@Tokajev": a person, folded like the extractor does
    return (f["category"], _num(f.get("value_low")), _num(f.get("value_high")), f.get("qualifier", "none"),
            f.get("subject", "people"), attr)


_FIELDS = ("category", "value", "qualifier", "subject", "attribution")


def score_figures(predicted: list[Figure], gold: list[dict]) -> dict:
    """Precision, recall and F1 of predicted figures against gold ones (one article or many).

    A match has the same category, value bounds, qualifier, subject and attribution key.  Repeated
    mentions count once.  Gold dicts have ``category, value_low, value_high, kind, qualifier, subject,
    attribution``; an attribution written ``"@Name"`` is folded with :func:`name_key`.  Also returns
    ``matched``, ``missed`` (gold keys), ``spurious`` (predicted keys) and ``field_errors``: for each
    missed gold figure whose nearest prediction (same category and value, else same value) differs in
    one field, a count per field.
    """
    pred = {figure_key(f) for f in predicted}
    gold_keys = {figure_key(g) for g in gold}
    matched = pred & gold_keys
    missed = gold_keys - pred
    spurious = pred - gold_keys
    p = len(matched) / len(pred) if pred else (1.0 if not gold_keys else 0.0)
    r = len(matched) / len(gold_keys) if gold_keys else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    errors: Counter[str] = Counter()
    for g in missed:
        best = None
        for s in spurious:
            diff = [name for name, a, b in zip(_FIELDS, (g[0], g[1:3], g[3], g[4], g[5]),
                                               (s[0], s[1:3], s[3], s[4], s[5])) if a != b]
            if best is None or len(diff) < len(best):
                best = diff
        if best is not None and len(best) == 1:
            errors[best[0]] += 1
        else:
            errors["no_near_prediction"] += 1
    return {
        "precision": p, "recall": r, "f1": f1,
        "n_predicted": len(pred), "n_gold": len(gold_keys), "n_matched": len(matched),
        "matched": sorted(matched, key=str), "missed": sorted(missed, key=str),
        "spurious": sorted(spurious, key=str), "field_errors": dict(errors),
    }
