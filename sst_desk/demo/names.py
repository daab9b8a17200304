"""Word lists for the demo generator: common Swedish names, made-up schools, stock phrases.

Names are common Swedish first and last names combined at random, so no
combination is meant to describe anyone. School names are invented.
"""

from __future__ import annotations

GIRLS = (
    "Alice", "Maja", "Vera", "Elsa", "Alma", "Astrid", "Wilma", "Ebba", "Olivia", "Selma",
    "Ella", "Saga", "Agnes", "Freja", "Stella", "Ines", "Clara", "Nova", "Leah", "Lilly",
    "Signe", "Tyra", "Linnea", "Ellen", "Elin", "Ida", "Emma", "Moa", "Julia", "Hanna",
    "Amira", "Sara", "Nora", "Lova", "Majken", "Sofia", "Edith", "Matilda", "Minna", "Ester",
)
BOYS = (
    "Noah", "William", "Hugo", "Lucas", "Liam", "Oliver", "Adam", "Elias", "Alexander", "Leo",
    "Matteo", "Theo", "Nils", "Ludvig", "Vincent", "Isak", "Oscar", "Charlie", "Viktor", "Axel",
    "Arvid", "Albin", "Melvin", "Frans", "Malte", "Sigge", "Otto", "Edvin", "Emil", "Gustav",
    "Omar", "Ali", "Yusuf", "Josef", "Anton", "Filip", "Jack", "Sam", "Love", "Vide",
)
ADULT_WOMEN = (
    "Anna", "Eva", "Maria", "Karin", "Sara", "Lena", "Kristina", "Emma", "Malin", "Jenny",
    "Linda", "Sofia", "Helena", "Johanna", "Camilla", "Fatima", "Amina", "Therese", "Petra", "Cecilia",
)
ADULT_MEN = (
    "Erik", "Lars", "Karl", "Anders", "Johan", "Per", "Mikael", "Fredrik", "Daniel", "Andreas",
    "Mats", "Magnus", "Jonas", "Martin", "Ahmed", "Mohammed", "Stefan", "Henrik", "Patrik", "Niklas",
)
LAST_NAMES = (
    "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson",
    "Svensson", "Gustafsson", "Pettersson", "Jonsson", "Jansson", "Hansson", "Bengtsson", "Jönsson",
    "Lindberg", "Jakobsson", "Magnusson", "Lindström", "Olofsson", "Lindqvist", "Lindgren", "Berg",
    "Axelsson", "Bergström", "Lundberg", "Lind", "Lundgren", "Lundqvist", "Mattsson", "Berglund",
    "Fredriksson", "Sandberg", "Henriksson", "Ali", "Mohammed", "Forsberg", "Sjöberg", "Wallin",
    "Ahmed", "Engström", "Eklund", "Danielsson", "Lundin", "Håkansson", "Björk", "Bergman",
    "Gunnarsson", "Holm", "Wikström", "Samuelsson", "Isaksson", "Fransson", "Bergqvist", "Nyström",
    "Holmberg", "Arvidsson", "Löfgren", "Söderberg", "Nyberg", "Blomqvist", "Claesson", "Nordström",
)
SCHOOLS = (
    "Björkdalsskolan", "Ängsvägens skola", "Ekbackeskolan", "Lindhagaskolan", "Tallåsens skola",
    "Sjöviksskolan", "Granbergsskolan", "Havsutsiktens skola", "Rönnängsskolan", "Solkullens skola",
)
# Reserved by PTS for use in fiction, so no real subscriber is ever called.
PHONE_PREFIX = "070-174 06 "
PHONE_RANGE = (5, 99)

SOCIONOMER = ("Karin Ström", "Amir Haddad", "Lisa Fors", "Johanna Sjö")
SCHOOL_STAFF = (
    "Jonas Ek, kurator", "Maria Lund, specialpedagog", "Sanna Vik, kurator",
    "Peter Holm, rektor", "Nadia Berg, mentor", "Eva Dahl, skolsköterska",
)
INTERPRETER_LANGUAGES = ("arabiska", "somaliska", "dari", "tigrinja", "persiska", "ukrainska", "polska")
RELATIONS_WOMAN = ("mamma", "mamma", "mamma", "vårdnadshavare", "familjehemsmamma")
RELATIONS_MAN = ("pappa", "pappa", "pappa", "vårdnadshavare", "familjehemspappa")

REASONS = (
    "Hög och ökande frånvaro sedan höstlovet, främst måndagar och fredagar.",
    "Eleven kommer till skolan men lämnar ofta efter lunch; frånvaron har ökat under terminen.",
    "Långvarig frånvaro efter byte av klass; eleven uttrycker oro inför skoldagen.",
    "Ströfrånvaro och sena ankomster; vårdnadshavare ber om stöd med morgonrutiner.",
    "Eleven har inte varit i skolan på tre veckor; skolan har inte nått vårdnadshavare.",
    "Risk att inte nå gymnasiebehörighet; frånvaro i flera ämnen och oro för kamratrelationer.",
)
MEASURES_NOTES = (
    "Frånvarokartläggning gjord av mentor. Anpassat schema prövat under fyra veckor.",
    "Elevhälsomöte hållet; extra anpassningar i matematik och svenska.",
    "Åtgärdsprogram upprättat; särskilt stöd i liten grupp två dagar i veckan.",
    "Mentor har haft tät kontakt med hemmet; ingen förbättring av närvaron.",
)
SCHOOL_NOTES = (
    "Eleven beskriver stökiga lektioner och svårt att koncentrera sig i helklass.",
    "Konflikter med kamrater på rasterna; eleven känner sig utanför.",
    "Stort glapp i matematik efter tidigare frånvaro; behöver anpassningar.",
    "Trivs med mentor men har svårt med byten mellan lektioner.",
)
INDIVIDUAL_NOTES = (
    "Beskriver oro och magont på morgonen inför skoldagen.",
    "Utredning inom BUP pågår; vårdnadshavare misstänker NPF.",
    "Sover dåligt och har förskjuten dygnsrytm.",
    "Nedstämd under hösten; har kontakt med skolsköterska.",
)
FAMILY_NOTES = (
    "Vårdnadshavare arbetar tidiga skift och har svårt att följa eleven till skolan.",
    "Familjen har nyligen flyttat; syskon har också hög frånvaro.",
    "Vårdnadshavare har egna negativa skolerfarenheter men vill samarbeta.",
    "God kommunikation i familjen; behöver stöd i att sätta gränser kring skärmtid.",
)
OTHER_NOTES = (
    "Har tidigare haft kontaktperson genom socialtjänsten.",
    "Spelar fotboll två kvällar i veckan; tränaren är en viktig vuxen.",
    "Få kamrater utanför skolan.",
    "Lång skolväg med två bussbyten.",
)
PROTECTIVE_NOTES = (
    "Har en god relation till sin mentor.",
    "Vårdnadshavare är engagerade och kommer på möten.",
    "Tycker om bild och idrott; vill gå på gymnasiet.",
)
SUMMARIES = (
    "Frånvaron hänger samman med oro i skolsituationen och svårigheter med morgonrutiner. "
    "Eleven vill vara i skolan och vårdnadshavare är motiverade.",
    "Kamratsituationen och kunskapsglapp i kärnämnen är de främsta orsakerna till frånvaron. "
    "Skolan behöver anpassa undervisningen och familjen stöd i vardagen.",
    "Sammansatt bild med individfaktorer och familjefaktorer. Samordning mellan skola, "
    "socialtjänst och BUP behövs.",
)
GUARDIAN_VIEWS = (
    "Vårdnadshavare instämmer i bilden och vill ha stöd med morgnarna.",
    "Vårdnadshavare tycker att skolan behöver ta större ansvar för kamratsituationen.",
    "Vårdnadshavare är oroliga och vill att insatserna kommer igång snabbt.",
)
STUDENT_VIEWS = (
    "Jag vill gå till skolan men det känns jobbigt på morgonen.",
    "Det är skönt att någon lyssnar. Jag vill inte byta skola.",
    "Jag vill klara matten och komma in på gymnasiet.",
    "Rasterna är det värsta. Jag vill ha någon att vara med.",
    "Jag tycker att det har blivit bättre sedan vi började träffas.",
    "Jag vet inte riktigt varför jag inte orkar gå dit.",
)
CONTACT_SUMMARIES = (
    "Samtal om veckans närvaro och vad som fungerat bra.",
    "Hembesök; gick igenom morgonrutinen tillsammans med familjen.",
    "Möte med mentor om anpassningar i matematik.",
    "Telefonsamtal med vårdnadshavare om schema och skolskjuts.",
    "Motiverande samtal med eleven om mål inför terminen.",
    "Samordningsmöte med skola och BUP.",
    "Följde med eleven till skolan på morgonen.",
)
FOLLOW_UP_SUMMARIES = (
    "Närvaron har ökat tydligt; eleven trivs bättre i klassen.",
    "Viss förbättring men fortsatt ströfrånvaro på måndagar.",
    "Ingen förändring i närvaron; insatserna behöver ses över.",
)
