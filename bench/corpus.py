"""Synthetic multilingual news articles for benchmarks (deterministic, streaming).

How the articles are made
=========================

* **Languages.** Nine languages are built in: ``en de nl fr es sv da nb nn``.
  Each has its own hand-written vocabulary of roughly 250-300 words: function
  words (articles, prepositions, conjunctions, pronouns, adverbs), ~80 news
  nouns, ~30 transitive and ~12 intransitive verbs, ~25 adjectives, count nouns,
  weekday/time phrases, connectives, reporting verbs, roles ("mayor of X") and a
  handful of stock sentences ("It is still unclear what will happen next").
  Nouns, verbs, adjectives, count nouns and roles are *aligned*: entry *i* means
  the same thing in every language, so one event talks about the same things
  whatever the language (useful for cross-lingual clustering benchmarks).
  Nynorsk is written as Nynorsk (``ikkje, eit, ei, dei, ho, vart, frå, kva, òg,
  no, berre, framleis, truleg, skreiv, kravde, auka, sjukehuset, regjeringa``...),
  not as Bokmål with a different label.

* **Sentences.** Sentences of 8-25 words come from a small grammar: transitive
  clauses (subject, verb, object, prepositional phrase, time), copular clauses
  ("the situation is very serious"), intransitive clauses with a quantity
  ("the price rose by 12 percent"), reported speech in both orders
  ("X, mayor of Y, said that ..." and quoted "..., said X" with each language's
  quotation style: ``„…"``, ``« … »``, the Scandinavian dash), quantity sentences
  with numbers in the language's own format (``1,200`` / ``1.200`` / ``8 000``,
  ``3,5``, money and percentages), stock sentences, coordination with "and/but".
  Word order follows each language where it matters for n-grams: V2 inversion
  after a fronted adverbial (de nl sv da nb nn), verb-final subordinate clauses
  (de nl), adverb before the finite verb in Scandinavian subordinate clauses
  ("at regjeringa ikkje kravde ..."), German case on articles ("mit dem Plan",
  "für den Plan", "im Hafen"), French and Spanish contractions ("au", "del").
  Sentences start with a capital letter and end with a full stop; an article has
  4-10 paragraphs separated by a blank line, and ``words`` words (±15 %).

* **Events ("stories").** Articles are grouped in synthetic events. Each event
  has a home language plus 1-4 other languages, 5-30 articles spread over 1-4
  days, its own invented people (with roles), places and organisations, and its
  own topic words (8 nouns, 5 verbs, 3 intransitive verbs, 4 adjectives, 2 count
  nouns) which make up about half of the content words of its articles. Every
  record carries the event id in the extra field ``"story"``.

* **Timeline.** Events start one after another (exponential gaps) so that the
  corpus has about ``per_day`` articles per day (1,500 by default, so 1M
  articles span ~22 months from ``start``). Records are yielded in publication
  order (a near-copy may be a few minutes out of order).

* **Near-duplicates.** Exactly ``floor(n * duplicate_rate)`` records are
  near-copies of a recent earlier original: the same title and text with one
  sentence replaced, a different id, url and source of the same language, the
  same ``"story"``, and an extra field ``"copy_of"`` with the original's id.
  They are spread evenly: record *i* is a copy when
  ``floor((i+1)*rate) > floor(i*rate)``.

* **Determinism.** Everything comes from one ``random.Random(seed)`` and the
  built-in tables (no ``hash()``, no set iteration), so the same arguments give
  byte-identical output on every run and machine, and the first *k* records of
  ``generate_articles(n)`` are the same for every ``n >= k``.

Record fields: ``id url source lang published title text story`` (+ ``copy_of``
on near-copies). ``published`` looks like ``2023-03-14T08:20:00Z``.

Usage::

    from bench.corpus import generate_articles, write_jsonl
    for rec in generate_articles(1000, seed=1): ...
    write_jsonl("/tmp/articles.jsonl", 10_000, words=600)

or from the shell: ``python bench/corpus.py 1000 /tmp/a.jsonl --seed 1``.
Speed: about 1,900 600-word articles per second on one core, JSONL writing included.
"""

from __future__ import annotations

import heapq
import json
import math
import random
import re
from collections import deque
from collections.abc import Iterator, Sequence
from datetime import datetime, timedelta, timezone
from pathlib import Path

__all__ = ["LANGUAGES", "generate_articles", "write_jsonl"]

#: Column order of the aligned tables below.
_COLS = ("en", "de", "nl", "fr", "es", "sv", "da", "nb", "nn")
LANGUAGES: tuple[str, ...] = _COLS

# ---------------------------------------------------------------------------
# Aligned tables: one concept per line, "|" between languages in _COLS order.
# ---------------------------------------------------------------------------

# Nouns as definite noun phrases. German: gender code m/f/n/p (plural) and the
# bare noun; the article is added by case. A leading "P " marks concepts that
# are plural in some language: they are never used as subjects (no agreement).
_NOUNS = """
the government | f:Regierung | de regering | le gouvernement | el gobierno | regeringen | regeringen | regjeringen | regjeringa
the parliament | n:Parlament | het parlement | le parlement | el parlamento | riksdagen | Folketinget | Stortinget | Stortinget
the police | f:Polizei | de politie | la police | la policía | polisen | politiet | politiet | politiet
the council | f:Gemeinde | de gemeente | la commune | el ayuntamiento | kommunen | kommunen | kommunen | kommunen
the minister | m:Minister | de minister | le ministre | el ministro | ministern | ministeren | statsråden | statsråden
the prime minister | m:Regierungschef | de premier | le Premier ministre | el presidente del Gobierno | statsministern | statsministeren | statsministeren | statsministeren
the company | n:Unternehmen | het bedrijf | l'entreprise | la empresa | företaget | virksomheden | selskapet | selskapet
the hospital | n:Krankenhaus | het ziekenhuis | l'hôpital | el hospital | sjukhuset | hospitalet | sykehuset | sjukehuset
the school | f:Schule | de school | l'école | la escuela | skolan | skolen | skolen | skulen
the court | n:Gericht | de rechtbank | le tribunal | el tribunal | domstolen | retten | retten | retten
the budget | m:Haushalt | de begroting | le budget | el presupuesto | budgeten | budgettet | budsjettet | budsjettet
the proposal | m:Vorschlag | het voorstel | la proposition | la propuesta | förslaget | forslaget | forslaget | framlegget
the decision | f:Entscheidung | het besluit | la décision | la decisión | beslutet | beslutningen | beslutningen | avgjerda
the report | m:Bericht | het rapport | le rapport | el informe | rapporten | rapporten | rapporten | rapporten
P the elections | f:Wahl | de verkiezingen | l'élection | las elecciones | valet | valget | valget | valet
the party | f:Partei | de partij | le parti | el partido | partiet | partiet | partiet | partiet
the opposition | f:Opposition | de oppositie | l'opposition | la oposición | oppositionen | oppositionen | opposisjonen | opposisjonen
the union | f:Gewerkschaft | de vakbond | le syndicat | el sindicato | facket | fagforeningen | fagforeningen | fagforeininga
the strike | m:Streik | de staking | la grève | la huelga | strejken | strejken | streiken | streiken
the price | m:Preis | de prijs | le prix | el precio | priset | prisen | prisen | prisen
the fire | m:Brand | de brand | l'incendie | el incendio | branden | branden | brannen | brannen
the storm | m:Sturm | de storm | la tempête | la tormenta | stormen | stormen | uværet | uvêret
the flood | n:Hochwasser | de overstroming | l'inondation | la inundación | översvämningen | oversvømmelsen | flommen | flaumen
the road | f:Straße | de weg | la route | la carretera | vägen | vejen | veien | vegen
the bridge | f:Brücke | de brug | le pont | el puente | bron | broen | brua | brua
the railway | f:Bahn | het spoor | le chemin de fer | el ferrocarril | järnvägen | jernbanen | jernbanen | jernbana
the airport | m:Flughafen | het vliegveld | l'aéroport | el aeropuerto | flygplatsen | lufthavnen | flyplassen | flyplassen
the city | f:Stadt | de stad | la ville | la ciudad | staden | byen | byen | byen
the country | n:Land | het land | le pays | el país | landet | landet | landet | landet
the region | f:Region | de regio | la région | la región | regionen | regionen | fylket | fylket
P the residents | p:Anwohner | de bewoners | les habitants | los vecinos | invånarna | borgerne | innbyggerne | innbyggjarane
P the children | p:Kinder | de kinderen | les enfants | los niños | barnen | børnene | barna | borna
P the patients | p:Patienten | de patiënten | les patients | los pacientes | patienterna | patienterne | pasientene | pasientane
P the workers | p:Beschäftigten | de werknemers | les salariés | los trabajadores | de anställda | de ansatte | de ansatte | dei tilsette
P the investigation | p:Ermittlungen | het onderzoek | l'enquête | la investigación | utredningen | efterforskningen | etterforskningen | etterforskinga
the agreement | n:Abkommen | het akkoord | l'accord | el acuerdo | avtalet | aftalen | avtalen | avtalen
P the negotiations | p:Verhandlungen | de onderhandelingen | les négociations | las negociaciones | förhandlingarna | forhandlingerne | forhandlingene | forhandlingane
the crisis | f:Krise | de crisis | la crise | la crisis | krisen | krisen | krisen | krisa
the economy | f:Wirtschaft | de economie | l'économie | la economía | ekonomin | økonomien | økonomien | økonomien
the market | m:Markt | de markt | le marché | el mercado | marknaden | markedet | markedet | marknaden
the bank | f:Bank | de bank | la banque | el banco | banken | banken | banken | banken
the interest rate | m:Leitzins | de rente | le taux directeur | el tipo de interés | räntan | renten | renten | renta
the energy supply | f:Energieversorgung | de energievoorziening | l'approvisionnement énergétique | el suministro energético | energiförsörjningen | energiforsyningen | energiforsyningen | energiforsyninga
the electricity | m:Strom | de stroom | l'électricité | la electricidad | elen | strømmen | strømmen | straumen
the climate | n:Klima | het klimaat | le climat | el clima | klimatet | klimaet | klimaet | klimaet
the environment | f:Umwelt | het milieu | l'environnement | el medio ambiente | miljön | miljøet | miljøet | miljøet
the health service | n:Gesundheitswesen | de zorg | le système de santé | la sanidad | vården | sundhedsvæsenet | helsevesenet | helsevesenet
the army | f:Armee | het leger | l'armée | el ejército | armén | hæren | Forsvaret | Forsvaret
the war | m:Krieg | de oorlog | la guerre | la guerra | kriget | krigen | krigen | krigen
the border | f:Grenze | de grens | la frontière | la frontera | gränsen | grænsen | grensen | grensa
the ministry | n:Ministerium | het ministerie | le ministère | el ministerio | departementet | ministeriet | departementet | departementet
the party leader | m:Parteichef | de partijleider | le chef du parti | el líder del partido | partiledaren | partilederen | partilederen | partileiaren
the spokeswoman | f:Sprecherin | de woordvoerster | la porte-parole | la portavoz | talespersonen | talskvinden | talskvinnen | talskvinna
the mayor | m:Bürgermeister | de burgemeester | le maire | el alcalde | kommunalrådet | borgmesteren | ordføreren | ordføraren
P the researchers | p:Forscher | de onderzoekers | les chercheurs | los investigadores | forskarna | forskerne | forskerne | forskarane
the plan | m:Plan | het plan | le projet | el plan | planen | planen | planen | planen
the law | n:Gesetz | de wet | la loi | la ley | lagen | loven | loven | lova
the tax | f:Steuer | de belasting | l'impôt | el impuesto | skatten | skatten | skatten | skatten
P the housing | p:Wohnungen | de woningen | les logements | las viviendas | bostäderna | boligerne | boligene | bustadene
the accident | m:Unfall | het ongeluk | l'accident | el accidente | olyckan | ulykken | ulykken | ulukka
P the protests | p:Proteste | de protesten | les manifestations | las protestas | protesterna | protesterne | protestene | protestane
the club | m:Verein | de club | le club | el club | klubben | klubben | klubben | klubben
the match | n:Spiel | de wedstrijd | le match | el encuentro | matchen | kampen | kampen | kampen
the vaccine | m:Impfstoff | het vaccin | le vaccin | la vacuna | vaccinet | vaccinen | vaksinen | vaksinen
the ship | n:Schiff | het schip | le navire | el barco | fartyget | skibet | skipet | skipet
the harbour | m:Hafen | de haven | le port | el puerto | hamnen | havnen | havna | hamna
P the fishermen | p:Fischer | de vissers | les pêcheurs | los pescadores | fiskarna | fiskerne | fiskerne | fiskarane
P the farmers | p:Landwirte | de boeren | les agriculteurs | los agricultores | bönderna | landmændene | bøndene | bøndene
the ceasefire | f:Waffenruhe | het staakt-het-vuren | le cessez-le-feu | el alto el fuego | vapenvilan | våbenhvilen | våpenhvilen | våpenkvila
the summit | m:Gipfel | de top | le sommet | la cumbre | toppmötet | topmødet | toppmøtet | toppmøtet
the debate | f:Debatte | het debat | le débat | el debate | debatten | debatten | debatten | debatten
P the figures | p:Zahlen | de cijfers | les chiffres | las cifras | siffrorna | tallene | tallene | tala
P the customers | p:Kunden | de klanten | les clients | los clientes | kunderna | kunderne | kundene | kundane
the board | m:Vorstand | het bestuur | le conseil d'administration | el consejo | styrelsen | bestyrelsen | styret | styret
the weather | n:Wetter | het weer | la météo | el tiempo | vädret | vejret | været | vêret
the situation | f:Lage | de situatie | la situation | la situación | situationen | situationen | situasjonen | situasjonen
the risk | n:Risiko | het risico | le risque | el riesgo | risken | risikoen | risikoen | risikoen
the case | m:Fall | de zaak | l'affaire | el caso | fallet | sagen | saken | saka
the meeting | n:Treffen | de vergadering | la réunion | la reunión | mötet | mødet | møtet | møtet
the question | f:Frage | de vraag | la question | la pregunta | frågan | spørgsmålet | spørsmålet | spørsmålet
the district | m:Bezirk | de wijk | le quartier | el barrio | stadsdelen | bydelen | bydelen | bydelen
the agency | f:Behörde | de dienst | l'agence | la agencia | myndigheten | styrelsen | direktoratet | direktoratet
"""

# Transitive verbs, simple past (French passé composé). German may end with
# "@D" when its object is dative ("warnte vor@D" -> "warnte vor dem Plan").
# The first word is the finite verb; the rest is a preposition or participle.
_VERBS_T = """
criticised | kritisierte | bekritiseerde | a critiqué | criticó | kritiserade | kritiserede | kritiserte | kritiserte
presented | präsentierte | presenteerde | a présenté | presentó | presenterade | præsenterede | presenterte | la fram
supported | unterstützte | steunde | a soutenu | apoyó | stödde | støttede | støttet | støtta
rejected | verwarf | verwierp | a rejeté | rechazó | avvisade | afviste | avviste | avviste
confirmed | bestätigte | bevestigde | a confirmé | confirmó | bekräftade | bekræftede | bekreftet | stadfesta
investigated | untersuchte | onderzocht | a examiné | investigó | utredde | undersøgte | undersøkte | granska
approved | billigte | aanvaardde | a approuvé | aprobó | godkände | godkendte | godkjente | godkjende
demanded | forderte | eiste | a exigé | exigió | krävde | krævede | krevde | kravde
warned about | warnte vor@D | waarschuwde voor | a mis en garde contre | advirtió sobre | varnade för | advarede mod | advarte mot | åtvara mot
discussed | diskutierte | besprak | a évoqué | debatió | diskuterade | diskuterede | diskuterte | drøfta
halted | stoppte | stopte | a suspendu | paralizó | stoppade | stoppede | stanset | stansa
increased | erhöhte | verhoogde | a augmenté | aumentó | höjde | hævede | økte | auka
cut | kürzte | verlaagde | a réduit | recortó | sänkte | sænkede | kuttet | kutta
defended | verteidigte | verdedigde | a défendu | defendió | försvarade | forsvarede | forsvarte | forsvarte
closed | schloss | sloot | a fermé | cerró | stängde | lukkede | stengte | stengde
opened | öffnete | opende | a ouvert | abrió | öppnade | åbnede | åpnet | opna
received | erhielt | ontving | a reçu | recibió | fick | modtog | fikk | fekk
built | baute | bouwde | a construit | construyó | byggde | byggede | bygget | bygde
sold | verkaufte | verkocht | a vendu | vendió | sålde | solgte | solgte | selde
bought | kaufte | kocht | a acheté | compró | köpte | købte | kjøpte | kjøpte
met | traf | ontmoette | a rencontré | se reunió con | träffade | mødte | møtte | møtte
blamed | beschuldigte | beschuldigde | a accusé | acusó | anklagade | beskyldte | klandret | klandra
found | fand | vond | a trouvé | encontró | hittade | fandt | fant | fann
evacuated | evakuierte | evacueerde | a évacué | evacuó | evakuerade | evakuerede | evakuerte | evakuerte
sent | schickte | stuurde | a envoyé | envió | skickade | sendte | sendte | sende
questioned | befragte | ondervroeg | a interrogé | interrogó | förhörde | afhørte | avhørte | avhøyrde
planned | plante | plande | a prévu | preparó | planerade | planlagde | planla | planla
won | gewann | won | a remporté | ganó | vann | vandt | vant | vann
lost | verlor | verloor | a perdu | perdió | förlorade | tabte | tapte | tapte
changed | änderte | veranderde | a modifié | cambió | ändrade | ændrede | endret | endra
"""

# Intransitive verbs. de/nl: two words = finite + participle (clause-final).
_VERBS_I = """
rose | stieg | steeg | a augmenté | subió | steg | steg | steg | steig
fell | sank | daalde | a baissé | cayó | sjönk | faldt | falt | fall
escalated | eskalierte | escaleerde | s'est aggravée | se agravó | förvärrades | forværredes | forverret seg | forverra seg
ended | endete | eindigde | a pris fin | terminó | tog slut | sluttede | endte | enda
began | begann | begon | a commencé | comenzó | började | begyndte | begynte | byrja
arrived | kam | kwam | est arrivé | llegó | kom | kom | kom | kom
disappeared | verschwand | verdween | a disparu | desapareció | försvann | forsvandt | forsvant | forsvann
grew | wuchs | groeide | a progressé | creció | växte | voksede | vokste | voks
failed | scheiterte | mislukte | a échoué | fracasó | misslyckades | mislykkedes | mislyktes | mislukkast
was postponed | wurde verschoben | werd uitgesteld | a été reporté | fue aplazado | sköts upp | blev udskudt | ble utsatt | vart utsett
was approved | wurde angenommen | werd aangenomen | a été adopté | fue aprobado | antogs | blev vedtaget | ble vedtatt | vart vedteke
was cancelled | wurde abgesagt | werd afgelast | a été annulé | fue cancelado | ställdes in | blev aflyst | ble avlyst | vart avlyst
"""

# Predicative adjectives.
_ADJS = """
serious | ernst | ernstig | grave | grave | allvarlig | alvorlig | alvorlig | alvorleg
difficult | schwierig | moeilijk | difficile | difícil | svår | svær | vanskelig | vanskeleg
important | wichtig | belangrijk | important | importante | viktig | vigtig | viktig | viktig
uncertain | unsicher | onzeker | incertain | incierto | osäker | usikker | usikker | uviss
expensive | teuer | duur | cher | caro | dyr | dyr | dyr | dyr
necessary | notwendig | noodzakelijk | nécessaire | necesario | nödvändig | nødvendig | nødvendig | naudsynt
clear | klar | duidelijk | clair | claro | tydlig | tydelig | tydelig | tydeleg
dangerous | gefährlich | gevaarlijk | dangereux | peligroso | farlig | farlig | farlig | farleg
unacceptable | inakzeptabel | onaanvaardbaar | inacceptable | inaceptable | oacceptabel | uacceptabel | uakseptabel | uakseptabel
possible | möglich | mogelijk | possible | posible | möjlig | mulig | mulig | mogleg
good | gut | goed | bon | bueno | bra | god | bra | god
bad | schlecht | slecht | mauvais | malo | dålig | dårlig | dårlig | dårleg
stable | stabil | stabiel | stable | estable | stabil | stabil | stabil | stabil
tense | angespannt | gespannen | tendu | tenso | spänd | anspændt | anspent | spent
critical | kritisch | kritiek | critique | crítico | kritisk | kritisk | kritisk | kritisk
unclear | unklar | onduidelijk | flou | confuso | oklar | uklar | uklar | uklar
too slow | zu langsam | te traag | trop lent | demasiado lento | för långsam | for langsom | for treg | for sein
high | hoch | hoog | élevé | alto | hög | høj | høy | høg
low | niedrig | laag | bas | bajo | låg | lav | lav | låg
surprising | überraschend | verrassend | surprenant | sorprendente | överraskande | overraskende | overraskende | overraskande
strong | stark | sterk | fort | fuerte | stark | stærk | sterk | sterk
weak | schwach | zwak | faible | débil | svag | svag | svak | veik
unfair | unfair | oneerlijk | injuste | injusto | orättvis | uretfærdig | urettferdig | urettferdig
under pressure | unter Druck | onder druk | sous pression | bajo presión | under press | under pres | under press | under press
ready | bereit | klaar | prêt | listo | redo | klar | klar | klar
"""

# Count nouns used after numbers.
_COUNT = """
people | Menschen | mensen | personnes | personas | personer | personer | mennesker | menneske
jobs | Arbeitsplätze | banen | emplois | empleos | jobb | job | arbeidsplasser | arbeidsplassar
homes | Wohnungen | woningen | logements | viviendas | bostäder | boliger | boliger | bustader
patients | Patienten | patiënten | patients | pacientes | patienter | patienter | pasienter | pasientar
pupils | Schüler | leerlingen | élèves | alumnos | elever | elever | elever | elevar
soldiers | Soldaten | soldaten | soldats | soldados | soldater | soldater | soldater | soldatar
cars | Autos | auto's | voitures | coches | bilar | biler | biler | bilar
tonnes | Tonnen | ton | tonnes | toneladas | ton | tons | tonn | tonn
votes | Stimmen | stemmen | voix | votos | röster | stemmer | stemmer | røyster
households | Haushalte | huishoudens | foyers | hogares | hushåll | husstande | husstander | hushald
employees | Mitarbeiter | medewerkers | employés | empleados | anställda | medarbejdere | ansatte | tilsette
flights | Flüge | vluchten | vols | vuelos | flyg | fly | flyavganger | flyavgangar
"""

# Roles for people: {P} a place, {O} an organisation.
_ROLES = """
mayor of {P} | Bürgermeisterin von {P} | burgemeester van {P} | maire de {P} | alcaldesa de {P} | kommunalråd i {P} | borgmester i {P} | ordfører i {P} | ordførar i {P}
minister for {O} | Ministerin für {O} | minister van {O} | ministre chargé de {O} | ministra de {O} | minister med ansvar för {O} | minister for {O} | statsråd for {O} | statsråd for {O}
spokeswoman for {O} | Sprecherin von {O} | woordvoerder van {O} | porte-parole de {O} | portavoz de {O} | presschef på {O} | presseansvarlig i {O} | kommunikasjonssjef i {O} | kommunikasjonssjef i {O}
leader of {O} | Vorsitzender von {O} | leider van {O} | dirigeant de {O} | líder de {O} | ledare för {O} | leder af {O} | leder i {O} | leiar i {O}
researcher at {O} | Forscherin bei {O} | onderzoeker bij {O} | chercheuse à {O} | investigadora de {O} | forskare vid {O} | forsker ved {O} | forsker ved {O} | forskar ved {O}
director of {O} | Direktorin von {O} | directeur van {O} | directrice de {O} | directora de {O} | direktör för {O} | direktør for {O} | direktør i {O} | direktør i {O}
police chief in {P} | Polizeichef in {P} | politiechef in {P} | chef de la police de {P} | jefe de policía de {P} | polischef i {P} | politidirektør i {P} | politimester i {P} | politimeister i {P}
chief economist at {O} | Chefökonom bei {O} | hoofdeconoom bij {O} | économiste en chef de {O} | economista jefe de {O} | chefsekonom på {O} | cheføkonom i {O} | sjeføkonom i {O} | sjeføkonom i {O}
"""

# ---------------------------------------------------------------------------
# Per-language word lists (not aligned).
# ---------------------------------------------------------------------------
_W = lambda s: [w.strip() for w in s.strip().split(",")]  # noqa: E731

_LANG: dict[str, dict] = {
    "en": dict(
        say=_W("said, says, added, explained, wrote, warned, stressed"),
        that=" that ",
        cop=("is", "was"),
        adv=_W("also, still, now, already, only, never, again, probably, clearly, finally, soon, reportedly"),
        deg=_W("very, quite, far too, extremely, increasingly, rather"),
        preps=_W("in, on, for, with, after, before, against, about, from, during, without, near, under, despite"),
        place_prep="in",
        by="by",
        times=_W("on Monday, on Tuesday, on Wednesday, on Thursday, on Friday, on Saturday, on Sunday, this week, "
                 "last year, on Friday evening, earlier this month, yesterday, today, last night, this morning"),
        connect=_W("However, Meanwhile, At the same time, Nevertheless, In addition, For now, Even so, According to {N}"),
        conj=_W("and, but, while, because"),
        pron=_W("he, she"),
        quote=('"', ',"', "after"),
        money="{} million pounds",
        pct="{} percent",
        thousands=",", decimal=".",
        indef=_W("a new proposal, a major problem, a new scheme, a clear answer, a new report, several questions, "
                 "new measures, an emergency meeting, a fresh investigation, tougher rules, more money, a compromise"),
        stock=[
            "It is still unclear what will happen next",
            "They say they have not received any answer from {N}",
            "The case was sent on to {N}",
            "It is not the first time that {N} has faced criticism over the matter",
            "What happens now is up to {N}",
            "Several of those who were present describe a chaotic situation",
            "{N} will return to the matter later this week",
            "There is no doubt that this will have consequences for {N}",
            "Neither {N} nor {N2} wanted to comment on the matter",
            "Nobody knows how long it will take before things are back to normal",
        ],
        quant=[
            "{X} {C} were affected", "About {X} {C} have been evacuated so far",
            "The bill is estimated at {M}", "Support fell to {PCT}", "In total {X} {C} took part",
            "More than {X} {C} are now waiting for an answer", "The cost has risen to {M} this year",
        ],
        section="news",
        sources=_W("northgate-times.co.uk, the-meridian-post.com, harbourpost.com, westfield-gazette.co.uk, "
                   "capital-ledger.com, eveningcourier.co.uk, riverside-observer.com, newsline-daily.com"),
    ),
    "de": dict(
        say=_W("sagte, sagt, erklärte, betonte, schrieb, warnte, meinte"),
        that=", dass ",
        cop=("ist", "war"),
        adv=_W("auch, noch, jetzt, bereits, nur, nicht, nie, wieder, wahrscheinlich, deutlich, schließlich, erneut, "
               "trotzdem, offenbar"),
        deg=_W("sehr, ziemlich, viel zu, äußerst, zunehmend, besonders"),
        preps=_W("mit@D, nach@D, bei@D, von@D, seit@D, aus@D, für@A, gegen@A, ohne@A, durch@A, in@D, auf@D, vor@D, "
                 "über@A, zu@D, wegen@D, trotz@D"),
        place_prep="in",
        by="um",
        times=_W("am Montag, am Dienstag, am Mittwoch, am Donnerstag, am Freitag, am Samstag, am Sonntag, "
                 "am Wochenende, in dieser Woche, im vergangenen Jahr, gestern, heute, am Abend, in der Nacht, "
                 "am Morgen"),
        connect=_W("Dennoch, Gleichzeitig, Außerdem, Inzwischen, Deshalb, Allerdings, Trotzdem, Laut {Nd}"),
        conj=_W("und, aber, doch, denn"),
        pron=_W("er, sie"),
        quote=("„", "“,", "after"),
        money="{} Millionen Euro",
        pct="{} Prozent",
        thousands=".", decimal=",",
        indef=_W("einen neuen Vorschlag, ein großes Problem, eine neue Regelung, eine klare Antwort, "
                 "einen neuen Bericht, mehrere Fragen, neue Maßnahmen, eine Krisensitzung, eine neue Untersuchung, "
                 "strengere Regeln, mehr Geld, einen Kompromiss"),
        stock=[
            "Es ist weiterhin unklar, was nun geschehen wird",
            "Sie sagen, dass sie bisher keine Antwort von {Nd} erhalten haben",
            "Der Fall wurde an {Na} weitergeleitet",
            "Es ist nicht das erste Mal, dass {N} in der Kritik steht",
            "Was jetzt passiert, liegt allein bei {Nd}",
            "Mehrere Augenzeugen berichten von einer chaotischen Situation",
            "{N} will sich später in dieser Woche zu der Sache äußern",
            "Es besteht kein Zweifel, dass dies Folgen für {Na} haben wird",
            "Weder {N} noch {N2} wollten sich dazu äußern",
            "Niemand weiß, wie lange es dauern wird, bis wieder Normalität herrscht",
        ],
        quant=[
            "{X} {C} waren davon betroffen", "Rund {X} {C} wurden bisher in Sicherheit gebracht",
            "Die Kosten werden auf {M} geschätzt", "Die Zustimmung sank auf {PCT}",
            "Insgesamt nahmen {X} {C} daran teil", "Mehr als {X} {C} warten jetzt auf eine Antwort",
            "Die Kosten sind in diesem Jahr auf {M} gestiegen",
        ],
        section="nachrichten",
        sources=_W("nordkurier-online.de, rheintal-zeitung.de, stadtanzeiger-mitte.de, tagesbote.de, hansepost.de, "
                   "alpenblatt.de, morgenecho.de, landesrundschau.de"),
    ),
    "nl": dict(
        say=_W("zei, zegt, verklaarde, benadrukte, schreef, waarschuwde, stelde"),
        that=" dat ",
        cop=("is", "was"),
        adv=_W("ook, nog, nu, al, alleen, niet, nooit, opnieuw, waarschijnlijk, duidelijk, uiteindelijk, toch, "
               "inmiddels, vermoedelijk"),
        deg=_W("erg, zeer, vrij, veel te, uiterst, steeds"),
        preps=_W("in, op, voor, met, na, tegen, over, van, tijdens, zonder, bij, door, naar, ondanks"),
        place_prep="in",
        by="met",
        times=_W("maandag, dinsdag, woensdag, donderdag, vrijdag, zaterdag, zondag, dit weekend, deze week, "
                 "vorig jaar, gisteren, vandaag, gisteravond, vanochtend"),
        connect=_W("Toch, Tegelijkertijd, Daarnaast, Inmiddels, Daarom, Bovendien, Intussen, Volgens {N}"),
        conj=_W("en, maar, want"),
        pron=_W("hij, zij"),
        quote=('"', '",', "after"),
        money="{} miljoen euro",
        pct="{} procent",
        thousands=".", decimal=",",
        indef=_W("een nieuw voorstel, een groot probleem, een nieuwe regeling, een duidelijk antwoord, "
                 "een nieuw rapport, meerdere vragen, nieuwe maatregelen, een spoedoverleg, een nieuw onderzoek, "
                 "strengere regels, meer geld, een compromis"),
        stock=[
            "Het is nog onduidelijk wat er nu gaat gebeuren",
            "Zij zeggen dat ze nog geen antwoord hebben gekregen van {N}",
            "De zaak is doorgestuurd naar {N}",
            "Het is niet de eerste keer dat {N} kritiek krijgt",
            "Wat er nu gebeurt, is aan {N}",
            "Verschillende aanwezigen spreken van een chaotische situatie",
            "{N} zal later deze week op de zaak terugkomen",
            "Er is geen twijfel dat dit gevolgen zal hebben voor {N}",
            "Zowel {N} als {N2} wilden niet reageren",
            "Niemand weet hoe lang het gaat duren voordat alles weer normaal is",
        ],
        quant=[
            "{X} {C} werden getroffen", "Ongeveer {X} {C} zijn inmiddels geëvacueerd",
            "De kosten worden geschat op {M}", "De steun daalde tot {PCT}", "In totaal deden {X} {C} mee",
            "Meer dan {X} {C} wachten nu op een antwoord", "De kosten zijn dit jaar opgelopen tot {M}",
        ],
        section="nieuws",
        sources=_W("dagblad-noord.nl, de-kustkoerier.nl, stadsnieuws.nl, polderpost.nl, het-avondblad.nl, "
                   "rivierenland-nieuws.nl"),
    ),
    "fr": dict(
        say=_W("a déclaré, a affirmé, a expliqué, a souligné, a ajouté, a estimé, a prévenu"),
        that=" que ",
        cop=("est", "était"),
        adv=_W("aussi, déjà, encore, toujours, finalement, également, enfin, longtemps, vivement, pourtant, "
               "clairement"),
        deg=_W("très, assez, bien trop, extrêmement, de plus en plus, particulièrement"),
        preps=_W("pour, avec, après, avant, contre, sur, dans, pendant, sans, selon, chez, malgré, par, face à"),
        place_prep="à",
        by="de",
        times=_W("lundi, mardi, mercredi, jeudi, vendredi, samedi, dimanche, ce week-end, cette semaine, "
                 "l'année dernière, hier, aujourd'hui, hier soir, ce matin, dans la nuit"),
        connect=_W("Cependant, En même temps, Par ailleurs, Entre-temps, Pourtant, De plus, Pour l'instant, Selon {N}"),
        conj=_W("et, mais, car"),
        pron=_W("il, elle"),
        quote=("« ", " »,", "after"),
        money="{} millions d'euros",
        pct="{} %",
        thousands=" ", decimal=",",
        indef=_W("une nouvelle proposition, un problème majeur, un nouveau dispositif, une réponse claire, "
                 "un nouveau rapport, plusieurs questions, de nouvelles mesures, une réunion d'urgence, "
                 "une nouvelle enquête, des règles plus strictes, davantage de moyens, un compromis"),
        stock=[
            "On ne sait toujours pas ce qui va se passer maintenant",
            "Ils affirment ne pas avoir reçu de réponse de la part de {N}",
            "Le dossier a été transmis à {N}",
            "Ce n'est pas la première fois que {N} fait l'objet de critiques",
            "La suite dépend désormais de {N}",
            "Plusieurs témoins décrivent une situation chaotique sur place",
            "{N} reviendra sur le sujet plus tard dans la semaine",
            "Il ne fait aucun doute que cela aura des conséquences pour {N}",
            "Ni {N} ni {N2} n'ont souhaité commenter",
            "Personne ne sait combien de temps il faudra pour un retour à la normale",
        ],
        quant=[
            "{X} {C} ont été touchés", "Environ {X} {C} ont été évacués jusqu'à présent",
            "Le coût est estimé à {M}", "Le soutien est tombé à {PCT}", "Au total, {X} {C} ont participé",
            "Plus de {X} {C} attendent désormais une réponse", "Le coût a atteint {M} cette année",
        ],
        section="actualites",
        sources=_W("le-courrier-du-sud.fr, lechoducentre.fr, la-depeche-atlantique.fr, leveilleur.fr, "
                   "journal-des-vallees.fr, lexpress-regional.fr"),
    ),
    "es": dict(
        say=_W("dijo, afirmó, explicó, señaló, añadió, advirtió, aseguró"),
        that=" que ",
        cop=("es", "era"),
        adv=_W("también, ya, todavía, no, nunca, finalmente, claramente, probablemente, además, otra vez, sin duda"),
        deg=_W("muy, bastante, demasiado, sumamente, cada vez más, especialmente"),
        preps=_W("en, con, para, tras, contra, sobre, durante, sin, según, ante, desde, por, hacia"),
        place_prep="en",
        by="un",
        times=_W("el lunes, el martes, el miércoles, el jueves, el viernes, el sábado, el domingo, "
                 "este fin de semana, esta semana, el año pasado, ayer, hoy, anoche, esta mañana"),
        connect=_W("Sin embargo, Al mismo tiempo, Además, Mientras tanto, Por eso, Aun así, Por ahora, Según {N}"),
        conj=_W("y, pero, mientras que, porque"),
        pron=_W("él, ella"),
        quote=("«", "»,", "after"),
        money="{} millones de euros",
        pct="{} por ciento",
        thousands=".", decimal=",",
        indef=_W("una nueva propuesta, un problema grave, un nuevo sistema, una respuesta clara, un nuevo informe, "
                 "varias preguntas, nuevas medidas, una reunión de urgencia, una nueva investigación, "
                 "normas más estrictas, más dinero, un acuerdo"),
        stock=[
            "Todavía no está claro qué pasará ahora",
            "Aseguran que no han recibido ninguna respuesta de {N}",
            "El caso fue remitido a {N}",
            "No es la primera vez que {N} recibe críticas por este asunto",
            "Lo que ocurra ahora depende de {N}",
            "Varios testigos describen una situación caótica en la zona",
            "{N} volverá a tratar el asunto a lo largo de la semana",
            "No cabe duda de que esto tendrá consecuencias para {N}",
            "Ni {N} ni {N2} quisieron hacer comentarios",
            "Nadie sabe cuánto tiempo pasará hasta que todo vuelva a la normalidad",
        ],
        quant=[
            "{X} {C} se vieron afectados", "Unas {X} {C} han sido evacuadas hasta ahora",
            "El coste se estima en {M}", "El apoyo cayó al {PCT}", "En total participaron {X} {C}",
            "Más de {X} {C} esperan ahora una respuesta", "El coste ha subido a {M} este año",
        ],
        section="noticias",
        sources=_W("diario-del-norte.es, la-voz-costera.es, elcorreo-central.es, heraldo-del-valle.es, "
                   "gaceta-metropolitana.es, el-faro-digital.es"),
    ),
    "sv": dict(
        say=_W("sade, säger, förklarade, betonade, skrev, varnade, menar"),
        that=" att ",
        cop=("är", "var"),
        adv=_W("också, fortfarande, nu, redan, bara, inte, aldrig, igen, troligen, tydligt, äntligen, dock, "
               "knappast, ännu"),
        deg=_W("mycket, ganska, alldeles för, väldigt, allt mer, särskilt"),
        preps=_W("i, på, för, med, efter, före, mot, om, från, under, utan, hos, vid, trots"),
        place_prep="i",
        by="med",
        times=_W("i måndags, i tisdags, i onsdags, i torsdags, i fredags, i lördags, i söndags, i helgen, "
                 "i veckan, förra året, i går, i dag, i går kväll, i morse, under natten"),
        connect=_W("Samtidigt, Dessutom, Därför, Ändå, Under tiden, Just nu, Däremot, Enligt {N}"),
        conj=_W("och, men"),
        pron=_W("han, hon, de"),
        quote=("– ", ",", "dash"),
        money="{} miljoner kronor",
        pct="{} procent",
        thousands=" ", decimal=",",
        indef=_W("ett nytt förslag, ett stort problem, en ny ordning, ett tydligt svar, en ny rapport, "
                 "flera frågor, nya åtgärder, ett krismöte, en ny utredning, hårdare regler, mer pengar, "
                 "en kompromiss"),
        stock=[
            "Det är fortfarande oklart vad som kommer att hända nu",
            "De säger att de inte har fått något svar från {N}",
            "Ärendet har skickats vidare till {N}",
            "Det är inte första gången som {N} får kritik i frågan",
            "Vad som händer nu är upp till {N}",
            "Flera av dem som var på plats beskriver en kaotisk situation",
            "{N} ska återkomma i frågan senare i veckan",
            "Det råder inget tvivel om att detta kommer att få följder för {N}",
            "Varken {N} eller {N2} ville kommentera saken",
            "Ingen vet hur lång tid det tar innan allt är som vanligt igen",
        ],
        quant=[
            "{X} {C} drabbades", "Omkring {X} {C} har hittills evakuerats", "Kostnaden beräknas till {M}",
            "Stödet sjönk till {PCT}", "Totalt deltog {X} {C}", "Mer än {X} {C} väntar nu på besked",
            "Kostnaden har i år stigit till {M}",
        ],
        section="nyheter",
        sources=_W("norrlandsposten.se, vastkustbladet.se, dagensekot.se, stadstidningen.se, skargardsnytt.se, "
                   "sydsvenska-kuriren.se"),
    ),
    "da": dict(
        say=_W("sagde, siger, forklarede, understregede, skrev, advarede, mener"),
        that=" at ",
        cop=("er", "var"),
        adv=_W("også, stadig, nu, allerede, kun, ikke, aldrig, igen, formentlig, tydeligt, endelig, dog, "
               "næppe, efterhånden"),
        deg=_W("meget, ret, alt for, særdeles, stadig mere, især"),
        preps=_W("i, på, for, med, efter, før, mod, om, fra, under, uden, hos, ved, trods"),
        place_prep="i",
        by="med",
        times=_W("mandag, tirsdag, onsdag, torsdag, fredag, lørdag, søndag, i weekenden, i denne uge, "
                 "sidste år, i går, i dag, i aftes, i morges, i nat"),
        connect=_W("Samtidig, Desuden, Derfor, Alligevel, I mellemtiden, Lige nu, Til gengæld, Ifølge {N}"),
        conj=_W("og, men"),
        pron=_W("han, hun, de"),
        quote=("– ", ",", "dash"),
        money="{} millioner kroner",
        pct="{} procent",
        thousands=".", decimal=",",
        indef=_W("et nyt forslag, et stort problem, en ny ordning, et klart svar, en ny rapport, flere spørgsmål, "
                 "nye tiltag, et krisemøde, en ny undersøgelse, strammere regler, flere penge, et kompromis"),
        stock=[
            "Det er stadig uklart, hvad der nu skal ske",
            "De siger, at de ikke har fået noget svar fra {N}",
            "Sagen er blevet sendt videre til {N}",
            "Det er ikke første gang, at {N} får kritik for sagen",
            "Hvad der sker nu, er op til {N}",
            "Flere af dem, der var til stede, beskriver en kaotisk situation",
            "{N} vil vende tilbage til sagen senere på ugen",
            "Der er ingen tvivl om, at det vil få konsekvenser for {N}",
            "Hverken {N} eller {N2} ønskede at kommentere sagen",
            "Ingen ved, hvor lang tid der går, før alt er normalt igen",
        ],
        quant=[
            "{X} {C} blev ramt", "Omkring {X} {C} er indtil videre blevet evakueret", "Udgiften anslås til {M}",
            "Opbakningen faldt til {PCT}", "I alt deltog {X} {C}", "Mere end {X} {C} venter nu på svar",
            "Udgiften er i år steget til {M}",
        ],
        section="nyheder",
        sources=_W("jyske-budstikke.dk, fynsposten.dk, hovedstadsavisen.dk, vestkysten-nyt.dk, dagbladet-syd.dk, "
                   "nordjysk-tidende.dk"),
    ),
    "nb": dict(
        say=_W("sa, sier, forklarte, understreket, skrev, advarte, mener"),
        that=" at ",
        cop=("er", "var"),
        adv=_W("også, fortsatt, nå, allerede, bare, ikke, aldri, igjen, trolig, tydelig, endelig, likevel, "
               "neppe, etter hvert"),
        deg=_W("svært, ganske, altfor, veldig, stadig mer, særlig"),
        preps=_W("i, på, for, med, etter, før, mot, om, fra, under, uten, hos, ved, tross"),
        place_prep="i",
        by="med",
        times=_W("mandag, tirsdag, onsdag, torsdag, fredag, lørdag, søndag, i helgen, denne uken, i fjor, "
                 "i går, i dag, i går kveld, i morges, i natt"),
        connect=_W("Samtidig, I tillegg, Derfor, Likevel, I mellomtiden, Foreløpig, Derimot, Ifølge {N}"),
        conj=_W("og, men"),
        pron=_W("han, hun, de"),
        quote=("– ", ",", "dash"),
        money="{} millioner kroner",
        pct="{} prosent",
        thousands=" ", decimal=",",
        indef=_W("et nytt forslag, et stort problem, en ny ordning, et klart svar, en ny rapport, flere spørsmål, "
                 "nye tiltak, et krisemøte, en ny granskning, strengere regler, mer penger, et kompromiss"),
        stock=[
            "Det er fortsatt uklart hva som vil skje videre",
            "De sier at de ikke har fått noe svar fra {N}",
            "Saken ble sendt videre til {N}",
            "Det er ikke første gang at {N} får kritikk i saken",
            "Hva som skjer nå, er opp til {N}",
            "Flere av dem som var til stede, forteller om en kaotisk situasjon",
            "{N} vil komme tilbake til saken senere i uken",
            "Det er ingen tvil om at dette vil få konsekvenser for {N}",
            "Verken {N} eller {N2} ønsket å kommentere saken",
            "Ingen vet hvor lang tid det tar før alt er normalt igjen",
        ],
        quant=[
            "{X} {C} ble rammet", "Rundt {X} {C} er så langt evakuert", "Kostnaden anslås til {M}",
            "Oppslutningen falt til {PCT}", "Totalt deltok {X} {C}", "Mer enn {X} {C} venter nå på svar",
            "Kostnaden har i år steget til {M}",
        ],
        section="nyheter",
        sources=_W("nordlandsposten.no, osloavisa.no, vestfold-tidende.no, innlandsnytt.no, fjordposten.no, "
                   "byavisa.no"),
    ),
    "nn": dict(
        say=_W("sa, seier, forklarte, understreka, skreiv, åtvara, meiner"),
        that=" at ",
        cop=("er", "var"),
        adv=_W("òg, framleis, no, allereie, berre, ikkje, aldri, igjen, truleg, tydeleg, endeleg, likevel, "
               "neppe, etter kvart"),
        deg=_W("svært, ganske, altfor, særs, stadig meir, særleg"),
        preps=_W("i, på, for, med, etter, før, mot, om, frå, under, utan, hjå, ved, trass i"),
        place_prep="i",
        by="med",
        times=_W("måndag, tysdag, onsdag, torsdag, fredag, laurdag, sundag, i helga, denne veka, i fjor, "
                 "i går, i dag, i går kveld, i dag tidleg, i natt"),
        connect=_W("Samstundes, I tillegg, Difor, Likevel, I mellomtida, Førebels, Derimot, Ifølgje {N}"),
        conj=_W("og, men"),
        pron=_W("han, ho, dei"),
        quote=("– ", ",", "dash"),
        money="{} millionar kroner",
        pct="{} prosent",
        thousands=" ", decimal=",",
        indef=_W("eit nytt framlegg, eit stort problem, ei ny ordning, eit klart svar, ein ny rapport, "
                 "fleire spørsmål, nye tiltak, eit krisemøte, ei ny gransking, strengare reglar, meir pengar, "
                 "eit kompromiss"),
        stock=[
            "Det er framleis uklart kva som vil skje vidare",
            "Dei seier at dei ikkje har fått noko svar frå {N}",
            "Saka vart send vidare til {N}",
            "Det er ikkje første gong at {N} får kritikk i saka",
            "Kva som skjer no, er opp til {N}",
            "Fleire av dei som var til stades, fortel om ein kaotisk situasjon",
            "{N} vil kome tilbake til saka seinare i veka",
            "Det er ingen tvil om at dette vil få konsekvensar for {N}",
            "Verken {N} eller {N2} ville kommentere saka",
            "Ingen veit kor lang tid det tek før alt er normalt att",
            "Det vart eit langt møte, og dei fekk ikkje noko klart svar",
        ],
        quant=[
            "{X} {C} vart ramma", "Kring {X} {C} er så langt evakuerte", "Kostnaden er rekna til {M}",
            "Oppslutnaden fall til {PCT}", "Totalt deltok {X} {C}", "Meir enn {X} {C} ventar no på svar",
            "Kostnaden har i år auka til {M}",
        ],
        section="nyheiter",
        sources=_W("fjordbladet.no, vestlandsnytt.no, dalen-tidend.no, grendeavisa.no, bygdeposten.no, "
                   "nynorsk-dagblad.no"),
    ),
}

# Language-neutral material for invented names.
_FIRST = _W(
    "Anna, Jonas, Maren, Lukas, Elin, Tomas, Ingrid, Pablo, Sofie, Henrik, Clara, Mateo, Nora, Pieter, Lea, "
    "Olav, Marta, Emil, Sanne, Hugo, Astrid, Jan, Camille, Erik, Lucia, Finn, Greta, Rafael, Ida, Bram, Julie, "
    "Sven, Elena, Karl, Mette, Noah, Ines, Magnus, Chloé, Anders, Liv, Diego, Helga, Thijs, Amélie, Oskar, "
    "Silje, Javier, Frida, Ruben"
)
_SUR_A = _W("Brekk, Sand, Vell, Hol, Mar, Lind, Ost, Kar, Dah, Fer, Rov, Tal, Berg, Strand, Vik, Mol, Gar, Hen, "
            "Lor, Pet, Qui, Bau, Delt, Rey, Sol")
_SUR_B = ["", "e", "a", "o", "i"]
_SUR_C = _W("vold, sen, mann, ard, ini, nez, holm, stad, lund, ier, gaard, ova, ten, by, ström, dijk, court")
_PLACE_A = _W("Sol, Hav, Mer, Kal, Tor, Bel, Ros, Lin, Var, Dun, Ost, Fal, Gre, Mon, Sal, Ned, Tre, Alb")
_PLACE_B = ["", "a", "e", "o", "en"]
_PLACE_C = _W("vik, heim, dorf, ville, burg, ona, stad, oord, sund, mark, dal, berg, haven, cia, lund, mont")
_ORG_A = _W("Nor, Tre, Val, Kor, Lum, Ster, Ax, Vin, Bor, Quen, Mira, Dal, Ferro, Ost")
_ORG_B = _W("ix, on, ia, ex, ara, um, ento, is")

_VOWEL_START = re.compile(r"^[aeiouéèêàâîôûh]", re.IGNORECASE)
_SLUG = re.compile(r"[\W_]+", re.UNICODE)

# Contractions applied to whole sentences: one pattern per language, a table
# of replacements (a lambda handles French elision before a vowel).
_DE_CONTRACT = {"in dem": "im", "von dem": "vom", "bei dem": "beim", "zu dem": "zum", "zu der": "zur",
                "in das": "ins", "an dem": "am"}
_FR_CONTRACT = {"à le": "au", "à les": "aux", "de le": "du", "de les": "des"}
_ES_CONTRACT = {"a el": "al", "de el": "del"}


def _table_sub(table: dict[str, str]):
    def repl(m: re.Match) -> str:
        word = m[0]
        out = table.get(word.lower())
        if out is None:
            return word
        return out[0].upper() + out[1:] if word[0].isupper() else out
    return repl


def _fr_repl(m: re.Match) -> str:
    if m[1] is not None:  # elision: "que il" -> "qu'il", "de Albvik" -> "d'Albvik"
        return m[1][:-1] + "'"
    return _table_sub(_FR_CONTRACT)(m)


_CONTRACT = {
    "de": (re.compile(r"\b(?:[Ii]n|[Vv]on|[Bb]ei|[Zz]u|[Aa]n) d(?:em|er|as)\b"), _table_sub(_DE_CONTRACT)),
    "fr": (re.compile(r"\b(?:([Dd]e|[Qq]ue) (?=[aeiouéèêàâîôûAEIOUÉÈ])|(?:[àÀ]|[Dd]e) les?\b)"), _fr_repl),
    "es": (re.compile(r"\b(?:[Aa]|[Dd]e) el\b"), _table_sub(_ES_CONTRACT)),
}
_GER_ART = {  # gender -> (nominative, accusative, dative)
    "m": ("der", "den", "dem"), "f": ("die", "die", "der"), "n": ("das", "das", "dem"), "p": ("die", "die", "den"),
}


def _table(text: str) -> list[list[str]]:
    rows = []
    for line in text.strip().splitlines():
        cells = [c.strip() for c in line.split("|")]
        if len(cells) != len(_COLS):
            raise ValueError(f"table row has {len(cells)} cells, not {len(_COLS)}: {line!r}")
        rows.append(cells)
    return rows


class _Lang:
    """Everything precomputed for one language (index lookups only at run time)."""

    def __init__(self, code: str) -> None:
        col = _COLS.index(code)
        d = _LANG[code]
        self.code = code
        self.__dict__.update(d)
        self.v2 = code in ("de", "nl", "sv", "da", "nb", "nn")
        self.vfinal = code in ("de", "nl")  # verb-final subordinate clauses
        self.scand = code in ("sv", "da", "nb", "nn")  # adverb before finite verb in subclauses
        self.adv_pre = code in ("en", "es")  # "also criticised"
        self.contract = _CONTRACT.get(code)

        # nouns: nominative / accusative / dative forms
        self.nom, self.acc, self.dat, self.plural = [], [], [], []
        for row in _table(_NOUNS):
            plural = row[0].startswith("P ")
            cell = row[col][2:] if plural and col == 0 else row[col]
            if code == "de":
                g, noun = cell.split(":", 1)
                arts = _GER_ART[g]
                dat_noun = noun + "n" if g == "p" and not noun.endswith(("n", "s")) else noun
                forms = (f"{arts[0]} {noun}", f"{arts[1]} {noun}", f"{arts[2]} {dat_noun}")
            else:
                forms = (cell, cell, cell)
            self.nom.append(forms[0])
            self.acc.append(forms[1])
            self.dat.append(forms[2])
            self.plural.append(plural)
        self.singular = [i for i, p in enumerate(self.plural) if not p]

        # prepositional phrases: pp[p][i]
        self.preps = []
        for p in d["preps"]:
            prep, _, case = p.partition("@")
            self.preps.append((prep, case or "A"))
        self.pp = [[f"{prep} {(self.dat if case == 'D' else self.acc)[i]}" for i in range(len(self.nom))]
                   for prep, case in self.preps]
        if self.contract:
            self.pp = [[self._contract(s) for s in row] for row in self.pp]

        # verbs: (finite, rest, object forms)
        self.vt = []
        for row in _table(_VERBS_T):
            cell, _, case = row[col].partition("@")
            finite, _, rest = cell.partition(" ")
            objs = self.dat if case == "D" else self.acc
            self.vt.append((finite, rest, objs))
        self.vi = []
        for row in _table(_VERBS_I):
            finite, _, rest = row[col].partition(" ")
            if rest in ("seg", "sig"):  # reflexive: "forverra seg" stays together
                finite, rest = row[col], ""
            self.vi.append((finite, rest))
        self.adj = [row[col] for row in _table(_ADJS)]
        self.count = [row[col] for row in _table(_COUNT)]
        self.roles = [row[col] for row in _table(_ROLES)]

    def _contract(self, s: str) -> str:
        if self.contract:
            pat, repl = self.contract
            return pat.sub(repl, s)
        return s

    # -- numbers -------------------------------------------------------------
    def int_(self, n: int) -> str:
        if n < 1000 or (n < 10000 and self.thousands == " "):
            return str(n)
        s = f"{n:,}"
        return s.replace(",", self.thousands) if self.thousands != "," else s

    def dec(self, x: float) -> str:
        s = f"{x:.1f}"
        return s.replace(".", self.decimal)


_LANGS: dict[str, _Lang] = {}


def _lang(code: str) -> _Lang:
    if code not in _LANGS:
        if code not in _LANG:
            raise ValueError(f"unsupported language {code!r} (have: {', '.join(_COLS)})")
        _LANGS[code] = _Lang(code)
    return _LANGS[code]


_N_NOUNS = len(_table(_NOUNS))
_N_VT = len(_table(_VERBS_T))
_N_VI = len(_table(_VERBS_I))
_N_ADJ = len(_table(_ADJS))
_N_COUNT = len(_table(_COUNT))
_N_ROLES = len(_table(_ROLES))
_PLURAL = [row[0].startswith("P ") for row in _table(_NOUNS)]
_SINGULAR = [i for i, p in enumerate(_PLURAL) if not p]
#: nouns that can act (subjects of transitive verbs, speakers)
_AGENT_NAMES = (
    "the government, the parliament, the police, the council, the minister, the prime minister, the company, "
    "the hospital, the court, the party, the opposition, the union, the bank, the army, the ministry, "
    "the party leader, the spokeswoman, the mayor, the club, the board, the agency, the school"
)
_EN_NOUNS = [row[0] for row in _table(_NOUNS)]
_AGENTS = [_EN_NOUNS.index(name) for name in _W(_AGENT_NAMES)]


# ---------------------------------------------------------------------------
# Events and articles
# ---------------------------------------------------------------------------

class _Event:
    __slots__ = ("id", "langs", "home", "nouns", "subj", "agents", "vt", "vi", "adj", "count", "people", "places", "orgs",
                 "left")

    def __init__(self, rng: random.Random, eid: str, languages: Sequence[str]) -> None:
        self.id = eid
        self.home = rng.choice(languages)
        others = [lang for lang in languages if lang != self.home]
        k = min(len(others), rng.randint(1, 4))
        self.langs = [self.home] + rng.sample(others, k)
        self.nouns = rng.sample(range(_N_NOUNS), 8)
        # every event has two acting institutions of its own
        self.nouns[:2] = [a for a in rng.sample(_AGENTS, 4) if a not in self.nouns[2:]][:2]
        subj = [i for i in self.nouns if not _PLURAL[i]]
        self.subj = subj or [rng.choice(_SINGULAR)]
        self.agents = self.nouns[:2]
        self.vt = rng.sample(range(_N_VT), 5)
        self.vi = rng.sample(range(_N_VI), 3)
        self.adj = rng.sample(range(_N_ADJ), 4)
        self.count = rng.sample(range(_N_COUNT), 2)
        self.places = [_place_name(rng) for _ in range(rng.randint(2, 3))]
        self.orgs = [_org_name(rng) for _ in range(rng.randint(1, 3))]
        self.people = []
        for _ in range(rng.randint(3, 6)):
            role = rng.randrange(_N_ROLES)
            self.people.append((rng.choice(_FIRST), _surname(rng), role, rng.choice(self.places),
                                rng.choice(self.orgs)))
        self.left = 0

    def pick_lang(self, rng: random.Random) -> str:
        if len(self.langs) == 1 or rng.random() < 0.4:
            return self.home
        return self.langs[rng.randrange(1, len(self.langs))]


def _surname(rng: random.Random) -> str:
    return rng.choice(_SUR_A) + rng.choice(_SUR_B) + rng.choice(_SUR_C)


def _place_name(rng: random.Random) -> str:
    return rng.choice(_PLACE_A) + rng.choice(_PLACE_B) + rng.choice(_PLACE_C)


def _org_name(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return "".join(chr(65 + rng.randrange(26)) for _ in range(rng.randint(3, 4)))
    return rng.choice(_ORG_A) + rng.choice(_ORG_B)


class _Writer:
    """Writes sentences for one article: one language, one event."""

    __slots__ = ("L", "E", "rng", "r", "introduced")

    def __init__(self, L: _Lang, E: _Event, rng: random.Random) -> None:
        self.L = L
        self.E = E
        self.rng = rng
        self.r = rng.random
        self.introduced: set[int] = set()

    # -- pieces ---------------------------------------------------------------
    def _pick(self, seq):
        return seq[int(self.r() * len(seq))]

    def noun(self, subject: bool = False) -> int:
        if self.r() < 0.55:
            return self._pick(self.E.subj if subject else self.E.nouns)
        return self._pick(_SINGULAR) if subject else int(self.r() * _N_NOUNS)

    def agent(self) -> int:
        if self.r() < 0.6:
            return self._pick(self.E.agents)
        return self._pick(_AGENTS)

    def vt(self):
        return self.L.vt[self._pick(self.E.vt) if self.r() < 0.5 else int(self.r() * _N_VT)]

    def vi(self):
        return self.L.vi[self._pick(self.E.vi) if self.r() < 0.6 else int(self.r() * _N_VI)]

    def adj(self) -> str:
        return self.L.adj[self._pick(self.E.adj) if self.r() < 0.5 else int(self.r() * _N_ADJ)]

    def count(self) -> str:
        return self.L.count[self._pick(self.E.count) if self.r() < 0.6 else int(self.r() * _N_COUNT)]

    def pp(self) -> str:
        L = self.L
        if self.r() < 0.2:
            return f"{L.place_prep} {self._pick(self.E.places)}"
        return L.pp[int(self.r() * len(L.pp))][self.noun()]

    def number(self) -> str:
        r = self.r()
        if r < 0.55:
            return str(self.rng.randint(2, 99))
        if r < 0.8:
            return self.L.int_(self.rng.randint(100, 999))
        return self.L.int_(self.rng.randint(10, 500) * 100)

    def money(self) -> str:
        x = self.rng.randint(2, 950) if self.r() < 0.7 else self.L.dec(self.rng.randint(11, 99) / 10)
        return self.L.money.format(x)

    def pct(self) -> str:
        x = self.rng.randint(2, 60) if self.r() < 0.6 else self.L.dec(self.rng.randint(5, 300) / 10)
        return self.L.pct.format(x)

    def person(self) -> str:
        """A person of the event: full name and role the first time, surname later."""
        i = int(self.r() * len(self.E.people))
        first, last, role, place, org = self.E.people[i]
        if i in self.introduced:
            return last
        self.introduced.add(i)
        role_text = self.L.roles[role].replace("{P}", place).replace("{O}", org)
        return f"{first} {last}, {role_text},"

    def speaker(self) -> str:
        r = self.r()
        if r < 0.65:
            return self.person()
        if r < 0.8 and self.introduced:
            return self._pick(self.L.pron)
        return self.L.nom[self.agent()]

    # -- clauses (lists of words/phrases) ---------------------------------------
    def transitive(self, sub: bool = False, front: str | None = None) -> list[str]:
        L, r = self.L, self.r
        si = self.agent()
        subj = L.nom[si]
        finite, rest, objs = self.vt()
        if r() < 0.2 and objs is L.acc:
            obj = self._pick(L.indef)
        else:
            oi = self.noun()
            if oi == si:
                oi = (oi + 1 + int(r() * (_N_NOUNS - 1))) % _N_NOUNS
            obj = objs[oi]
        adv = self._pick(L.adv) if r() < 0.3 else None
        extra = []
        if r() < 0.6:
            extra.append(self.pp())
        if r() < 0.25:
            extra.append(self._pick(L.times))
        return self._order(subj, finite, rest, [obj], extra, adv, sub, front, passive=False)

    def copular(self, sub: bool = False, front: str | None = None) -> list[str]:
        L, r = self.L, self.r
        subj = L.nom[self.noun(subject=True)]
        cop = L.cop[0] if r() < 0.6 else L.cop[1]
        comp = (self._pick(L.deg) + " " if r() < 0.5 else "") + self.adj()
        adv = self._pick(L.adv) if r() < 0.25 else None
        extra = [self.pp()] if r() < 0.4 else []
        return self._order(subj, cop, "", [comp], extra, adv, sub, front, passive=False)

    def intransitive(self, sub: bool = False, front: str | None = None) -> list[str]:
        L, r = self.L, self.r
        subj = L.nom[self.noun(subject=True)]
        finite, rest = self.vi()
        extra = []
        if r() < 0.4:
            extra.append(f"{L.by} {self.pct()}")
        if r() < 0.5:
            extra.append(self.pp())
        if r() < 0.3:
            extra.append(self._pick(L.times))
        adv = self._pick(L.adv) if r() < 0.25 else None
        return self._order(subj, finite, rest, [], extra, adv, sub, front, passive=True)

    def _order(self, subj: str, finite: str, rest: str, objs: list[str], extra: list[str], adv: str | None,
               sub: bool, front: str | None, passive: bool) -> list[str]:
        """Arrange a clause in the language's word order.

        ``rest`` is the verb's second part: a preposition/particle before the
        object (transitive) or a participle at the end (de/nl passive).
        """
        L = self.L
        tail_rest = passive and L.vfinal and rest
        mid = ([rest] if rest and not tail_rest else []) + objs
        if sub and L.vfinal:  # dass X [adv] [vor] den Plan [pp] [verschoben] wurde
            out = [subj] + ([adv] if adv else []) + mid + extra + ([rest] if tail_rest else []) + [finite]
            return out
        if sub and L.scand:  # at X [ikke] kritiserte planen
            return [subj] + ([adv] if adv else []) + [finite] + mid + extra
        vp_tail = mid + extra + ([rest] if tail_rest else [])
        if L.adv_pre and adv and not (L.code == "en" and finite in ("was", "is")):
            verb = [adv, finite]
        else:
            verb = [finite] + ([adv] if adv else [])
        if front and L.v2:  # V2: front + finite + subject
            return [front, verb[0], subj] + verb[1:] + vp_tail
        head = [front + ","] if front else []
        return head + [subj] + verb + vp_tail

    # -- sentences ----------------------------------------------------------------
    def clause(self, sub: bool = False, front: str | None = None) -> list[str]:
        x = self.r()
        if x < 0.55:
            return self.transitive(sub, front)
        if x < 0.8:
            return self.copular(sub, front)
        return self.intransitive(sub, front)

    def front(self) -> str | None:
        x = self.r()
        if x < 0.18:
            return _cap(self._pick(self.L.times))
        if x < 0.3:
            c = self._pick(self.L.connect)
            if "{" in c:
                n = self.noun()
                c = self.L._contract(c.replace("{Nd}", self.L.dat[n]).replace("{N}", self.L.nom[n]))
            return c
        if x < 0.36:
            return _cap(self.pp())
        return None

    def reported(self) -> str:
        L = self.L
        if self.r() < 0.5:  # X said that ...
            words = [self.speaker(), self._pick(L.say).strip()]
            body = " ".join(self.clause(sub=True))
            return " ".join(words) + L.that + body
        body = _cap(" ".join(self.clause()))
        say = self._pick(L.say)
        spk = self.speaker().rstrip(",")
        return f"{L.quote[0]}{body}{L.quote[1]} {say} {spk}"

    def stock(self) -> str:
        L = self.L
        s = self._pick(L.stock)
        if "{" in s:
            a = self.noun()
            b = self.noun()
            s = (s.replace("{Nd}", L.dat[a]).replace("{Na}", L.acc[a]).replace("{N2}", L.nom[b])
                 .replace("{N}", L.nom[a]))
        return s

    def quantity(self) -> str:
        s = self._pick(self.L.quant)
        if "{X}" in s:
            s = s.replace("{X}", self.number()).replace("{C}", self.count())
        if "{M}" in s:
            s = s.replace("{M}", self.money())
        if "{PCT}" in s:
            s = s.replace("{PCT}", self.pct())
        if self.r() < 0.7:
            s += " " + (self.pp() if self.r() < 0.6 else self._pick(self.L.times))
        return s

    def compound(self) -> list[str]:
        """Two clauses joined by a conjunction ("..., but ...")."""
        first = self.clause(front=self.front())
        conj = self._pick(self.L.conj)
        if conj != self.L.conj[0]:  # no comma before "and"
            first[-1] += ","
        return first + [conj] + self.clause()

    def sentence(self) -> str:
        for _ in range(4):
            x = self.r()
            if x < 0.34:
                s = " ".join(self.clause(front=self.front()))
            elif x < 0.58:
                s = self.reported()
            elif x < 0.68:
                s = self.quantity()
            elif x < 0.76:
                s = self.stock()
            else:
                s = " ".join(self.compound())
            dash = s.startswith("– ")  # the Scandinavian quote dash is no word
            n = s.count(" ") + 1 - dash
            min_len = 8 + int(self.r() * 4)
            while n < min_len:
                s += " " + self.pp()
                n = s.count(" ") + 1 - dash
            if n <= 25:
                break
        s = _cap(s)
        if self.L.contract:
            s = self.L._contract(s)
        return s + "."

    def title(self) -> str:
        for _ in range(8):
            x = self.r()
            words = self.transitive() if x < 0.6 else (self.intransitive() if x < 0.8 else self.copular())
            if 4 <= len(" ".join(words).split()) <= 14:
                break
        t = _cap(" ".join(words))
        return self.L._contract(t) if self.L.contract else t


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:] if s else s


def _paragraphs(w: _Writer, words: int, rng: random.Random) -> list[list[str]]:
    target = int(words * (0.85 + 0.3 * rng.random()))
    sents: list[str] = []
    total = 0
    while total < target:
        s = w.sentence()
        sents.append(s)
        total += s.count(" ") + 1
    n_par = max(1, min(len(sents), rng.randint(4, 10)))
    # cut points: n_par - 1 distinct positions in 1..len-1
    cuts = sorted(rng.sample(range(1, len(sents)), n_par - 1)) if n_par > 1 else []
    out, prev = [], 0
    for c in cuts + [len(sents)]:
        out.append(sents[prev:c])
        prev = c
    return out


def _stamp(ts: float) -> str:
    return datetime.fromtimestamp(int(ts), tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _url(L: _Lang, source: str, ts: float, title: str, num: int) -> str:
    d = datetime.fromtimestamp(int(ts), tz=timezone.utc)
    slug = _SLUG.sub("-", " ".join(title.lower().split()[:6])).strip("-")
    return f"https://{source}/{L.section}/{d:%Y/%m/%d}/{slug}-{num}"


def generate_articles(
    n: int,
    *,
    seed: int = 0,
    words: int = 600,
    languages: Sequence[str] = LANGUAGES,
    duplicate_rate: float = 0.03,
    start: str = "2023-01-01",
    per_day: float = 1500.0,
) -> Iterator[dict]:
    """Yield ``n`` synthetic news records (see the module docstring), in time order.

    Deterministic for equal arguments; streaming (memory does not grow with ``n``).
    """
    if n < 0:
        raise ValueError("n must be ≥ 0")
    if not 0.0 <= duplicate_rate < 1.0:
        raise ValueError("duplicate_rate must be in [0, 1)")
    languages = tuple(languages)
    if not languages:
        raise ValueError("languages must not be empty")
    langs = {code: _lang(code) for code in languages}
    rng = random.Random(seed)
    r = rng.random
    t0 = datetime.fromisoformat(start).replace(tzinfo=timezone.utc).timestamp()
    mean_size = 17.5
    day = 86400.0
    next_start = t0
    n_events = 0
    heap: list[tuple[float, int, _Event]] = []
    seq = 0
    recent: deque = deque(maxlen=400)  # (record, paragraphs, event, lang) of recent originals
    last_ts = t0

    for i in range(n):
        is_copy = recent and math.floor((i + 1) * duplicate_rate) > math.floor(i * duplicate_rate)
        num = i + 1
        aid = f"cw{seed}-{num:08d}"
        if is_copy:
            orig, paras, ev, code = recent[int(r() * len(recent))]
            L = langs[code]
            w = _Writer(L, ev, rng)
            paras = [list(p) for p in paras]
            pi = int(r() * len(paras))
            si = int(r() * len(paras[pi]))
            paras[pi][si] = w.sentence()
            others = [s for s in L.sources if s != orig["source"]]
            source = others[int(r() * len(others))]
            ts = last_ts + rng.randint(5, 180) * 60
            yield {
                "id": aid, "url": _url(L, source, ts, orig["title"], num), "source": source, "lang": code,
                "published": _stamp(ts), "title": orig["title"],
                "text": "\n\n".join(" ".join(p) for p in paras), "story": ev.id, "copy_of": orig["id"],
            }
            continue

        while not heap or heap[0][0] > next_start:
            ev = _Event(rng, f"ev{seed}-{n_events:07d}", languages)
            n_events += 1
            size = rng.randint(5, 30)
            dur = (1 + 3 * r()) * day
            for _ in range(size):
                heapq.heappush(heap, (next_start + r() * dur, seq, ev))
                seq += 1
            next_start += rng.expovariate(per_day / (mean_size * day))
        ts, _, ev = heapq.heappop(heap)
        last_ts = ts
        code = ev.pick_lang(rng)
        L = langs[code]
        w = _Writer(L, ev, rng)
        title = w.title()
        paras = _paragraphs(w, words, rng)
        source = L.sources[int(r() * len(L.sources))]
        rec = {
            "id": aid, "url": _url(L, source, ts, title, num), "source": source, "lang": code,
            "published": _stamp(ts), "title": title, "text": "\n\n".join(" ".join(p) for p in paras),
            "story": ev.id,
        }
        if duplicate_rate:
            recent.append((rec, paras, ev, code))
        yield rec


def write_jsonl(path: str | Path, n: int, **kw) -> Path:
    """Write ``generate_articles(n, **kw)`` to ``path`` as JSON lines; return the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        buf = []
        for rec in generate_articles(n, **kw):
            buf.append(dumps(rec))
            if len(buf) >= 1000:
                fh.write("\n".join(buf) + "\n")
                buf.clear()
        if buf:
            fh.write("\n".join(buf) + "\n")
    return path


def _main(argv: Sequence[str] | None = None) -> None:
    import argparse

    p = argparse.ArgumentParser(description="Write synthetic news articles as JSON lines.")
    p.add_argument("n", type=int)
    p.add_argument("path")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--words", type=int, default=600)
    p.add_argument("--languages", default=",".join(LANGUAGES))
    p.add_argument("--duplicate-rate", type=float, default=0.03)
    p.add_argument("--start", default="2023-01-01")
    a = p.parse_args(argv)
    out = write_jsonl(a.path, a.n, seed=a.seed, words=a.words, languages=a.languages.split(","),
                      duplicate_rate=a.duplicate_rate, start=a.start)
    print(out)


if __name__ == "__main__":
    _main()
