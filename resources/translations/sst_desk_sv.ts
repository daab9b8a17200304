<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE" sourcelanguage="en">
<context>
    <name>Accounts</name>
    <message>
        <source>The two passwords differ. Type the same password twice.</source>
        <translation>Lösenorden är inte lika. Skriv samma lösenord två gånger.</translation>
    </message>
    <message>
        <source>A password has at least %1 characters.</source>
        <translation>Lösenordet måste ha minst %1 tecken.</translation>
    </message>
    <message>
        <source>A password has at most %1 characters.</source>
        <translation>Lösenordet får ha högst %1 tecken.</translation>
    </message>
    <message>
        <source>A password cannot begin or end with a space.</source>
        <translation>Lösenordet får inte börja eller sluta med mellanslag.</translation>
    </message>
    <message>
        <source>A password cannot contain the user name.</source>
        <translation>Lösenordet får inte innehålla användarnamnet.</translation>
    </message>
    <message>
        <source>The password has too few different characters. A few words in a row are easy to remember and hard to guess.</source>
        <translation>Lösenordet har för få olika tecken. Några ord i rad är lätta att komma ihåg och svåra att gissa.</translation>
    </message>
    <message>
        <source>Choose a password other than the current one.</source>
        <translation>Välj ett annat lösenord än det du har nu.</translation>
    </message>
    <message>
        <source>The password is too easy to guess: it is one of the most common passwords, or close to one. Use three or four words that do not belong together.</source>
        <translation>Lösenordet är för lätt att gissa: det är ett av de vanligaste lösenorden, eller nästan. Använd tre eller fyra ord som inte hör ihop.</translation>
    </message>
    <message>
        <source>The password is too easy to guess: it is built on a name, the team, a month, a season or a word like &apos;lösenord&apos;. Use three or four words that do not belong together.</source>
        <translation>Lösenordet är för lätt att gissa: det bygger på ett namn, teamet, en månad, en årstid eller ett ord som &apos;lösenord&apos;. Använd tre eller fyra ord som inte hör ihop.</translation>
    </message>
    <message>
        <source>The password is too easy to guess: it is built on a sequence, a repeat or a row of keys. Use three or four words that do not belong together.</source>
        <translation>Lösenordet är för lätt att gissa: det bygger på en talföljd, en upprepning eller en rad tangenter. Använd tre eller fyra ord som inte hör ihop.</translation>
    </message>
    <message>
        <source>The password is too easy to guess: it is built on a date or a year. Use three or four words that do not belong together.</source>
        <translation>Lösenordet är för lätt att gissa: det bygger på ett datum eller ett årtal. Använd tre eller fyra ord som inte hör ihop.</translation>
    </message>
    <message>
        <source>The password is too easy to guess. Use three or four words that do not belong together.</source>
        <translation>Lösenordet är för lätt att gissa. Använd tre eller fyra ord som inte hör ihop.</translation>
    </message>
    <message>
        <source>This password cannot be used.</source>
        <translation>Det här lösenordet går inte att använda.</translation>
    </message>
    <message>
        <source>Work phone</source>
        <translation>Telefon i tjänsten</translation>
    </message>
    <message>
        <source>Printed on a notice to a meeting as the family&apos;s contact, next to your name.</source>
        <translation>Skrivs ut på kallelser till möten som familjens kontakt, bredvid ditt namn.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
</context>
<context>
    <name>AgendaModel</name>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Vad</translation>
    </message>
    <message>
        <source>Student / case</source>
        <translation>Elev/ärende</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Plats</translation>
    </message>
    <message>
        <source>%1, case %2</source>
        <translation>%1, ärende %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 – overdue</source>
        <translation>%1 – försenad</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>AgendaPanel</name>
    <message>
        <source>Upcoming</source>
        <translation>Kommande</translation>
    </message>
    <message>
        <source>Open case</source>
        <translation>Öppna ärende</translation>
    </message>
    <message>
        <source>Upcoming, status</source>
        <translation>Kommande, status</translation>
    </message>
    <message>
        <source>Nothing falls due in the next %1 days.</source>
        <translation>Inget som faller ut de närmaste %1 dagarna.</translation>
    </message>
    <message>
        <source>The team server cannot be reached, and this computer has no copy of your cases.</source>
        <translation>Teamservern går inte att nå, och den här datorn har ingen kopia av dina ärenden.</translation>
    </message>
    <message>
        <source>The list could not be loaded: %1</source>
        <translation>Listan kunde inte läsas in: %1</translation>
    </message>
</context>
<context>
    <name>AktualiseringPage</name>
    <message>
        <source>The student</source>
        <translation>Eleven</translation>
    </message>
    <message>
        <source>Referral to the team</source>
        <translation>Aktualisering</translation>
    </message>
    <message>
        <source>Not yet decided</source>
        <translation>Inte beslutat än</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nej</translation>
    </message>
    <message>
        <source>Absence (%)</source>
        <translation>Frånvaro (%)</translation>
    </message>
    <message>
        <source>e.g. 35</source>
        <translation>t.ex. 35</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Nivå</translation>
    </message>
    <message>
        <source>Form of support</source>
        <translation>Stödform</translation>
    </message>
    <message>
        <source>Date of decision</source>
        <translation>Beslutsdatum</translation>
    </message>
    <message>
        <source>Decision reference</source>
        <translation>Beslutsreferens</translation>
    </message>
    <message>
        <source>What the school has done</source>
        <translation>Vad skolan har gjort</translation>
    </message>
    <message>
        <source>More about the school&apos;s measures</source>
        <translation>Mer om skolans åtgärder</translation>
    </message>
    <message>
        <source>Meets the criteria</source>
        <translation>Uppfyller kriterierna</translation>
    </message>
    <message>
        <source>The team&apos;s decision whether the student meets the criteria for its support.</source>
        <translation>Teamets beslut om eleven uppfyller kriterierna för teamets stöd.</translation>
    </message>
    <message>
        <source>School social worker</source>
        <translation>Skolsocionom</translation>
    </message>
    <message>
        <source>Contact at school</source>
        <translation>Kontaktperson i skolan</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>SST Desk cannot start</source>
        <translation>SST Desk kan inte starta</translation>
    </message>
</context>
<context>
    <name>AttendanceImport</name>
    <message>
        <source>The file cannot be read. Check that it exists and that you may open it.</source>
        <translation>Filen går inte att läsa. Kontrollera att den finns och att du får öppna den.</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>Filen är tom.</translation>
    </message>
    <message>
        <source>This is not a CSV, Excel (XLSX/XLS) or OpenDocument (ODS) file. Export the attendance again as CSV, XLSX, XLS or ODS.</source>
        <translation>Det här är ingen CSV-, Excel- (XLSX/XLS) eller OpenDocument-fil (ODS). Exportera närvaron igen som CSV, XLSX, XLS eller ODS.</translation>
    </message>
    <message>
        <source>The file ends in the middle of a row. Is it complete? Export it again.</source>
        <translation>Filen slutar mitt i en rad. Är den komplett? Exportera den igen.</translation>
    </message>
    <message>
        <source>The file has no sheet with this name.</source>
        <translation>Filen har inget blad med det namnet.</translation>
    </message>
    <message>
        <source>No row of the file holds the mapped column headers. Check the header row.</source>
        <translation>Ingen rad i filen innehåller de valda kolumnrubrikerna. Kontrollera rubrikraden.</translation>
    </message>
    <message>
        <source>Choose the column that holds this.</source>
        <translation>Välj kolumnen som innehåller detta.</translation>
    </message>
    <message>
        <source>The file has no column with this header.</source>
        <translation>Filen har ingen kolumn med den rubriken.</translation>
    </message>
    <message>
        <source>The row has too few cells.</source>
        <translation>Raden har för få celler.</translation>
    </message>
    <message>
        <source>The student is missing.</source>
        <translation>Eleven saknas.</translation>
    </message>
    <message>
        <source>Not a valid personal identity number.</source>
        <translation>Inte ett giltigt personnummer.</translation>
    </message>
    <message>
        <source>Not a date.</source>
        <translation>Inte ett datum.</translation>
    </message>
    <message>
        <source>Not a week.</source>
        <translation>Inte en vecka.</translation>
    </message>
    <message>
        <source>Not a number.</source>
        <translation>Inte ett tal.</translation>
    </message>
    <message>
        <source>A negative number.</source>
        <translation>Ett negativt tal.</translation>
    </message>
    <message>
        <source>More absence than scheduled time.</source>
        <translation>Mer frånvaro än schemalagd tid.</translation>
    </message>
    <message>
        <source>Valid and invalid absence add up to more than all absence.</source>
        <translation>Giltig och ogiltig frånvaro blir tillsammans mer än all frånvaro.</translation>
    </message>
    <message>
        <source>The spreadsheet expands to more than can be read safely. Export it again, or as CSV.</source>
        <translation>Kalkylbladet packas upp till mer än vad som kan läsas säkert. Exportera det igen, eller som CSV.</translation>
    </message>
    <message>
        <source>The dates can be read as day/month or as month/day; say which.</source>
        <translation>Datumen kan läsas som dag/månad eller som månad/dag; ange vilket.</translation>
    </message>
    <message>
        <source>Some dates are written day/month and others month/day. Export the file again.</source>
        <translation>En del datum är skrivna dag/månad och andra månad/dag. Exportera filen igen.</translation>
    </message>
    <message>
        <source>The weeks have no year and the file does not say which; choose the school year.</source>
        <translation>Veckorna saknar år och filen säger inte vilket; välj läsår.</translation>
    </message>
    <message>
        <source>The file does not say which period it covers; give the period.</source>
        <translation>Filen säger inte vilken period den gäller; ange perioden.</translation>
    </message>
    <message>
        <source>Not a period: a from day and a to day, the to day not before the from day.</source>
        <translation>Ingen period: en från-dag och en till-dag, till-dagen inte före från-dagen.</translation>
    </message>
    <message>
        <source>An exact copy of an earlier row.</source>
        <translation>En exakt kopia av en tidigare rad.</translation>
    </message>
    <message>
        <source>Neither valid (giltig, anmäld) nor invalid (ogiltig, ej anmäld).</source>
        <translation>Varken giltig (giltig, anmäld) eller ogiltig (ogiltig, ej anmäld).</translation>
    </message>
    <message>
        <source>A percentage where a time is expected, a percentage over 100, or a spreadsheet number that may be a fraction (0.351 for 35.1 %). Write the percentage.</source>
        <translation>En procentsats där en tid väntas, en procentsats över 100, eller ett tal i kalkylbladet som kan vara en andel (0,351 för 35,1 %). Skriv procentsatsen.</translation>
    </message>
    <message>
        <source>An absence kind column cannot be chosen together with valid or invalid absence columns.</source>
        <translation>En kolumn för frånvarotyp kan inte väljas tillsammans med kolumner för giltig eller ogiltig frånvaro.</translation>
    </message>
    <message>
        <source>Another row of the same student and period: percentages and period figures cannot be added up. Keep one row per student and period.</source>
        <translation>Ytterligare en rad för samma elev och period: procentsatser och periodsiffror kan inte läggas ihop. Behåll en rad per elev och period.</translation>
    </message>
    <message>
        <source>The row has a filled cell after the last column of the header row, so its cells may be shifted. Is a decimal comma not in quotes in a comma-separated file?</source>
        <translation>Raden har en ifylld cell efter rubrikradens sista kolumn, så dess celler kan vara förskjutna. Står ett decimalkomma utan citattecken i en kommaseparerad fil?</translation>
    </message>
    <message>
        <source>The column&apos;s header names another unit than the one chosen. Choose the unit the file uses.</source>
        <translation>Kolumnens rubrik anger en annan enhet än den som är vald. Välj den enhet som filen använder.</translation>
    </message>
    <message>
        <source>Two or more columns have this header, so which one is meant cannot be told. Rename one of them in the file.</source>
        <translation>Två eller fler kolumner har den här rubriken, så det går inte att avgöra vilken som menas. Byt namn på en av dem i filen.</translation>
    </message>
    <message>
        <source>A header row inside the data names this column differently from the header row, so the columns below it may be in another order. Split the file there.</source>
        <translation>En rubrikrad inne bland raderna namnger den här kolumnen annorlunda än rubrikraden, så kolumnerna under den kan stå i en annan ordning. Dela upp filen där.</translation>
    </message>
    <message>
        <source>A copy of an earlier row: skipped.</source>
        <translation>En kopia av en tidigare rad: hoppas över.</translation>
    </message>
    <message>
        <source>Scheduled time on a Saturday or Sunday: stored.</source>
        <translation>Schemalagd tid på en lördag eller söndag: sparas.</translation>
    </message>
    <message>
        <source>Scheduled time on a holiday or in a school break: stored.</source>
        <translation>Schemalagd tid på en helgdag eller under ett lov: sparas.</translation>
    </message>
    <message>
        <source>A date after today: not stored.</source>
        <translation>Ett datum efter i dag: sparas inte.</translation>
    </message>
    <message>
        <source>A total row (Summa, Totalt): skipped.</source>
        <translation>En summarad (Summa, Totalt): hoppas över.</translation>
    </message>
    <message>
        <source>Student identifier</source>
        <translation>Elevens identitet</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Vecka</translation>
    </message>
    <message>
        <source>Year (with week numbers only)</source>
        <translation>År (bara med veckonummer)</translation>
    </message>
    <message>
        <source>Scheduled time or lessons</source>
        <translation>Schemalagd tid eller lektioner</translation>
    </message>
    <message>
        <source>All absence</source>
        <translation>All frånvaro</translation>
    </message>
    <message>
        <source>Valid absence</source>
        <translation>Giltig frånvaro</translation>
    </message>
    <message>
        <source>Invalid absence</source>
        <translation>Ogiltig frånvaro</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Förnamn</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Efternamn</translation>
    </message>
    <message>
        <source>Absence kind (valid/invalid)</source>
        <translation>Frånvarotyp (giltig/ogiltig)</translation>
    </message>
    <message>
        <source>Period from</source>
        <translation>Period från</translation>
    </message>
    <message>
        <source>Period to</source>
        <translation>Period till</translation>
    </message>
    <message>
        <source>Personnummer</source>
        <translation>Personnummer</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>minuter</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>timmar</translation>
    </message>
    <message>
        <source>lessons</source>
        <translation>lektioner</translation>
    </message>
    <message>
        <source>percent</source>
        <translation>procent</translation>
    </message>
    <message>
        <source>Excel, sheet %1</source>
        <translation>Excel, bladet %1</translation>
    </message>
    <message>
        <source>semicolon</source>
        <translation>semikolon</translation>
    </message>
    <message>
        <source>comma</source>
        <translation>komma</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>tabb</translation>
    </message>
    <message>
        <source>vertical bar</source>
        <translation>lodstreck</translation>
    </message>
    <message>
        <source>CSV, %1, %2</source>
        <translation>CSV, %1, %2</translation>
    </message>
    <message>
        <source>Import attendance</source>
        <translation>Importera närvaro</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Välj fil…</translation>
    </message>
    <message>
        <source>File format</source>
        <translation>Filformat</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>Blad</translation>
    </message>
    <message>
        <source>File problem</source>
        <translation>Problem med filen</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fil</translation>
    </message>
    <message>
        <source>Column mapping</source>
        <translation>Kolumnmatchning</translation>
    </message>
    <message>
        <source>File preview</source>
        <translation>Förhandsvisning av filen</translation>
    </message>
    <message>
        <source>What will be read</source>
        <translation>Det här kommer att läsas in</translation>
    </message>
    <message>
        <source>The file&apos;s first rows</source>
        <translation>Filens första rader</translation>
    </message>
    <message>
        <source>Mapping status</source>
        <translation>Matchningens status</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>Importens förlopp</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>Avbryt importen</translation>
    </message>
    <message>
        <source>Save mapping</source>
        <translation>Spara matchning</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Kontrollera</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importera</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>Read the whole file and show what an import would do; nothing is stored.</source>
        <translation>Läs hela filen och visa vad en import skulle göra; inget sparas.</translation>
    </message>
    <message>
        <source>Choose the attendance export</source>
        <translation>Välj närvaroexporten</translation>
    </message>
    <message>
        <source>Give the mapping a name, such as the school and the export.</source>
        <translation>Ge matchningen ett namn, till exempel skolan och exporten.</translation>
    </message>
    <message>
        <source>The mapping “%1” was saved.</source>
        <translation>Matchningen ”%1” sparades.</translation>
    </message>
    <message>
        <source>Choose the columns above to see what will be read.</source>
        <translation>Välj kolumnerna ovan för att se vad som kommer att läsas in.</translation>
    </message>
    <message>
        <source>Check or Import asks you, then reads the file with your answer.</source>
        <translation>Kontrollera eller Importera frågar dig och läser sedan filen med ditt svar.</translation>
    </message>
    <message>
        <source>The preview could not read the file; Check shows what is wrong.</source>
        <translation>Förhandsvisningen kunde inte läsa filen; Kontrollera visar vad som är fel.</translation>
    </message>
    <message>
        <source>There are no rows under the header row.</source>
        <translation>Det finns inga rader under rubrikraden.</translation>
    </message>
    <message>
        <source>Complete the column mapping first: the problems are shown next to the choices.</source>
        <translation>Gör klart kolumnmatchningen först: problemen visas vid valen.</translation>
    </message>
    <message>
        <source>Give the mapping a name; it is saved with the import for next time.</source>
        <translation>Ge matchningen ett namn; den sparas med importen till nästa gång.</translation>
    </message>
    <message>
        <source>Checking… %p %</source>
        <translation>Kontrollerar… %p %</translation>
    </message>
    <message>
        <source>Importing… %p %</source>
        <translation>Importerar… %p %</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Avbryter…</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was imported.</source>
        <translation>Avbrutet. Inget importerades.</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>Inget importerades.</translation>
    </message>
    <message>
        <source>Import, skipping the copies</source>
        <translation>Importera utan kopiorna</translation>
    </message>
    <message>
        <source>e.g. Ekbackeskolan weekly export</source>
        <translation>t.ex. Ekbackeskolan veckoexport</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatiskt</translation>
    </message>
    <message>
        <source>One row per student for a period (absence per student)</source>
        <translation>En rad per elev för en period (frånvaro per elev)</translation>
    </message>
    <message>
        <source>Saved mapping</source>
        <translation>Sparad matchning</translation>
    </message>
    <message>
        <source>Mapping name</source>
        <translation>Matchningens namn</translation>
    </message>
    <message>
        <source>School</source>
        <translation>Skola</translation>
    </message>
    <message>
        <source>Match students by</source>
        <translation>Matcha elever på</translation>
    </message>
    <message>
        <source>Time is counted in</source>
        <translation>Tiden räknas i</translation>
    </message>
    <message>
        <source>Header row</source>
        <translation>Rubrikrad</translation>
    </message>
    <message>
        <source>— not in the file —</source>
        <translation>— finns inte i filen —</translation>
    </message>
    <message>
        <source>New mapping</source>
        <translation>Ny matchning</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Rad</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Elev</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Schemalagt</translation>
    </message>
    <message>
        <source>Absence</source>
        <translation>Frånvaro</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Giltig</translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation>Ogiltig</translation>
    </message>
    <message>
        <source>not among your students</source>
        <translation>inte bland dina elever</translation>
    </message>
    <message>
        <source>Not among your students</source>
        <translation>Inte bland dina elever</translation>
    </message>
    <message>
        <source>Line %1 has the same student and period as line %2: percentages and period figures cannot be added up.</source>
        <translation>Rad %1 har samma elev och period som rad %2: procentsatser och periodsiffror kan inte läggas ihop.</translation>
    </message>
    <message>
        <source>%1 rows are dated after today and will not be stored.</source>
        <translation>%1 rader har datum efter i dag och sparas inte.</translation>
    </message>
    <message>
        <source>%1 rows copy an earlier row and are skipped.</source>
        <translation>%1 rader är kopior av en tidigare rad och hoppas över.</translation>
    </message>
    <message>
        <source>%1 total rows (Summa, Totalt) are skipped.</source>
        <translation>%1 summarader (Summa, Totalt) hoppas över.</translation>
    </message>
    <message>
        <source>%1 rows have scheduled time on a Saturday or Sunday; they are stored.</source>
        <translation>%1 rader har schemalagd tid på en lördag eller söndag; de sparas.</translation>
    </message>
    <message>
        <source>%1 rows have scheduled time on a holiday or in a school break; they are stored.</source>
        <translation>%1 rader har schemalagd tid på en helgdag eller under ett lov; de sparas.</translation>
    </message>
    <message>
        <source>… and %1 more.</source>
        <translation>… och %1 till.</translation>
    </message>
    <message>
        <source>%1 rows in all are skipped and not stored.</source>
        <translation>Sammanlagt %1 rader hoppas över och sparas inte.</translation>
    </message>
    <message>
        <source>One problem was found in the file.</source>
        <translation>Ett problem hittades i filen.</translation>
    </message>
    <message>
        <source>%1 problems were found in the file.</source>
        <translation>%1 problem hittades i filen.</translation>
    </message>
    <message>
        <source>Nothing was imported. Correct the file or the mapping and try again.</source>
        <translation>Inget importerades. Rätta filen eller matchningen och försök igen.</translation>
    </message>
    <message>
        <source>%1 rows read, %2 of them matched to %3 students.</source>
        <translation>%1 rader lästa, %2 av dem matchade mot %3 elever.</translation>
    </message>
    <message>
        <source>Checked: the file can be imported. It would store %1 of %2 day or week records (%3 unchanged). Nothing was stored yet.</source>
        <translation>Kontrollerat: filen kan importeras. Den skulle spara %1 av %2 dag- eller veckoposter (%3 oförändrade). Inget har sparats än.</translation>
    </message>
    <message>
        <source>Imported: %1 of %2 day or week records stored, %3 unchanged.</source>
        <translation>Importerat: %1 av %2 dag- eller veckoposter sparade, %3 oförändrade.</translation>
    </message>
    <message>
        <source>This file was imported before (%1) — nothing changed.</source>
        <translation>Den här filen har importerats förut (%1) — inget ändrades.</translation>
    </message>
    <message>
        <source>%1 rows for students who are not among your students (%2) were not imported; they are listed below.</source>
        <translation>%1 rader för elever som inte finns bland dina elever (%2) importerades inte; de listas nedan.</translation>
    </message>
    <message>
        <source>%1 rows for students not in the register (%2) were not imported; they are listed below.</source>
        <translation>%1 rader för elever som inte finns i registret (%2) importerades inte; de listas nedan.</translation>
    </message>
    <message>
        <source>Import result</source>
        <translation>Importens resultat</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Kolumn</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Värde</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>Identitet</translation>
    </message>
    <message>
        <source>First line</source>
        <translation>Första rad</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Rader</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Varför</translation>
    </message>
    <message>
        <source>matches several students</source>
        <translation>matchar flera elever</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>hittades inte</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Students not found</source>
        <translation>Elever som inte hittades</translation>
    </message>
    <message>
        <source>A number that reads two ways: 1,500 is 1.5 in Swedish but 1500 from Excel with a US region. Write it so that it reads one way (1500, 1 500 or 1,5).</source>
        <translation>Ett tal som kan läsas på två sätt: 1,500 är 1,5 på svenska men 1500 från Excel med amerikanska inställningar. Skriv det så att det bara kan läsas på ett sätt (1500, 1 500 eller 1,5).</translation>
    </message>
    <message>
        <source>%1 %2 %3</source>
        <translation>%1 %2 %3</translation>
    </message>
    <message>
        <source>How are the dates written?</source>
        <translation>Hur är datumen skrivna?</translation>
    </message>
    <message>
        <source>The file writes dates such as “%1”, which can be read in two ways. Which day is meant?</source>
        <translation>Filen skriver datum som ”%1”, som kan läsas på två sätt. Vilken dag menas?</translation>
    </message>
    <message>
        <source>Look it up in the school system for one row. The answer is used for every date in the file.</source>
        <translation>Slå upp en rad i skolans system. Svaret gäller alla datum i filen.</translation>
    </message>
    <message>
        <source>Day/month</source>
        <translation>Dag/månad</translation>
    </message>
    <message>
        <source>Month/day</source>
        <translation>Månad/dag</translation>
    </message>
    <message>
        <source>Which school year?</source>
        <translation>Vilket läsår?</translation>
    </message>
    <message>
        <source>The file gives weeks without a year (such as “v. 46”) and does not say which year they are in. Weeks 27–53 are read in the autumn, weeks 1–26 in the spring of the school year you choose.</source>
        <translation>Filen anger veckor utan år (som ”v. 46”) och säger inte vilket år de hör till. Vecka 27–53 läses som hösten och vecka 1–26 som våren i det läsår du väljer.</translation>
    </message>
    <message>
        <source>School year</source>
        <translation>Läsår</translation>
    </message>
    <message>
        <source>Which period?</source>
        <translation>Vilken period?</translation>
    </message>
    <message>
        <source>The file gives one row per student for a period but does not say which period. Give its first and last day as in the school system&apos;s report.</source>
        <translation>Filen har en rad per elev för en period men säger inte vilken. Ange periodens första och sista dag som i skolsystemets rapport.</translation>
    </message>
    <message>
        <source>Period problem</source>
        <translation>Fel i perioden</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>Perioden slutar innan den börjar.</translation>
    </message>
    <message>
        <source>OpenDocument, sheet %1</source>
        <translation>OpenDocument, bladet %1</translation>
    </message>
    <message>
        <source>Choose the school&apos;s attendance export (CSV, Excel or OpenDocument)</source>
        <translation>Välj skolans närvaroexport (CSV, Excel eller OpenDocument)</translation>
    </message>
    <message>
        <source>Skip the copies</source>
        <translation>Hoppa över kopiorna</translation>
    </message>
    <message>
        <source>Check again, leaving out every row that is an exact copy of an earlier row.</source>
        <translation>Kontrollera igen utan de rader som är exakta kopior av en tidigare rad.</translation>
    </message>
    <message>
        <source>Attendance exports (*.csv *.txt *.xlsx *.xlsm *.xls *.ods);;All files (*)</source>
        <translation>Närvaroexporter (*.csv *.txt *.xlsx *.xlsm *.xls *.ods);;Alla filer (*)</translation>
    </message>
    <message>
        <source>Notices</source>
        <translation>Att observera</translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation>Problem (%1)</translation>
    </message>
    <message>
        <source>Problems (the first %1 of %2)</source>
        <translation>Problem (de första %1 av %2)</translation>
    </message>
    <message>
        <source>Not among your students (%1, %2 rows)</source>
        <translation>Inte bland dina elever (%1, %2 rader)</translation>
    </message>
    <message>
        <source>Students not in the register (%1, %2 rows)</source>
        <translation>Elever som inte finns i registret (%1, %2 rader)</translation>
    </message>
    <message>
        <source>(“%1”)</source>
        <translation>(”%1”)</translation>
    </message>
    <message>
        <source>Line %1, column “%2”:</source>
        <translation>Rad %1, kolumn ”%2”:</translation>
    </message>
    <message>
        <source>Line %1:</source>
        <translation>Rad %1:</translation>
    </message>
    <message>
        <source>Column “%1”:</source>
        <translation>Kolumn ”%1”:</translation>
    </message>
    <message>
        <source>Skipped.</source>
        <translation>Hoppas över.</translation>
    </message>
    <message>
        <source>Line %1 is a copy of line %2.</source>
        <translation>Rad %1 är en kopia av rad %2.</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 lessons</source>
        <translation>%1 lektioner</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>Week %1, %2</source>
        <translation>Vecka %1, %2</translation>
    </message>
    <message>
        <source>January</source>
        <translation>januari</translation>
    </message>
    <message>
        <source>February</source>
        <translation>februari</translation>
    </message>
    <message>
        <source>March</source>
        <translation>mars</translation>
    </message>
    <message>
        <source>April</source>
        <translation>april</translation>
    </message>
    <message>
        <source>May</source>
        <translation>maj</translation>
    </message>
    <message>
        <source>June</source>
        <translation>juni</translation>
    </message>
    <message>
        <source>July</source>
        <translation>juli</translation>
    </message>
    <message>
        <source>August</source>
        <translation>augusti</translation>
    </message>
    <message>
        <source>September</source>
        <translation>september</translation>
    </message>
    <message>
        <source>October</source>
        <translation>oktober</translation>
    </message>
    <message>
        <source>November</source>
        <translation>november</translation>
    </message>
    <message>
        <source>December</source>
        <translation>december</translation>
    </message>
</context>
<context>
    <name>AvslutPage</name>
    <message>
        <source>Reason for closing</source>
        <translation>Skäl till avslut</translation>
    </message>
    <message>
        <source>Eligibility for upper secondary school</source>
        <translation>Gymnasiebehörighet</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— välj —</translation>
    </message>
    <message>
        <source>Closing note</source>
        <translation>Anteckning vid avslut</translation>
    </message>
    <message>
        <source>— not recorded —</source>
        <translation>— inte registrerat —</translation>
    </message>
    <message>
        <source>Booster session</source>
        <translation>Boosterträff</translation>
    </message>
    <message>
        <source>Booster session date</source>
        <translation>Datum för boosterträff</translation>
    </message>
    <message>
        <source>Booster session time</source>
        <translation>Tid för boosterträffen</translation>
    </message>
    <message>
        <source>Booster session place</source>
        <translation>Plats för boosterträffen</translation>
    </message>
    <message>
        <source>For example: the school&apos;s meeting room</source>
        <translation>Till exempel: skolans konferensrum</translation>
    </message>
    <message>
        <source>Propose a booster session</source>
        <translation>Föreslå en boosterträff</translation>
    </message>
    <message>
        <source>Closed on %1</source>
        <translation>Avslutat %1</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>Automatic</source>
        <translation>Automatisk</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>Manuell</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>Före en återställning</translation>
    </message>
    <message>
        <source>Before an update</source>
        <translation>Före en uppdatering</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Annan</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Säkerhetskopior</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Mapp för säkerhetskopior</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Tidpunkt</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Storlek</translation>
    </message>
    <message>
        <source>No backup yet. “Back up now” makes one; SST Desk also makes one each day it is used.</source>
        <translation>Ingen säkerhetskopia än. ”Säkerhetskopiera nu” gör en; SST Desk gör också en varje dag programmet används.</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Förlopp</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Säkerhetskopiera nu</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Återställ…</translation>
    </message>
    <message>
        <source>The database is on a server. It is backed up by the server&apos;s own tools, not by SST Desk.</source>
        <translation>Databasen ligger på en server. Den säkerhetskopieras med serverns egna verktyg, inte av SST Desk.</translation>
    </message>
    <message>
        <source>An automatic backup is taken each day SST Desk is used and when it closes; the newest %1 automatic ones are kept. Backups are kept in this folder:</source>
        <translation>En automatisk säkerhetskopia tas varje dag SST Desk används och när programmet stängs; de %1 senaste automatiska sparas. Säkerhetskopiorna finns i den här mappen:</translation>
    </message>
    <message>
        <source>Only an administrator or a team lead can restore a backup.</source>
        <translation>Bara en administratör eller en teamledare kan återställa en säkerhetskopia.</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Säkerhetskopierar…</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>Säkerhetskopieringen misslyckades</translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation>Återställ säkerhetskopia</translation>
    </message>
    <message>
        <source>Replace the database with the backup from %1? What was saved after it is no longer shown, but the database as it is now is kept as a backup first, so the restore can be undone. Open case windows are closed.</source>
        <translation>Ersätta databasen med säkerhetskopian från %1? Det som sparats efter den visas inte längre, men databasen som den är nu sparas först som en säkerhetskopia, så att återställningen kan ångras. Öppna ärendefönster stängs.</translation>
    </message>
    <message>
        <source>Nothing was restored: a case window is still open.</source>
        <translation>Ingenting återställdes: ett ärendefönster är fortfarande öppet.</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>Återställer…</translation>
    </message>
    <message>
        <source>Restore failed</source>
        <translation>Återställningen misslyckades</translation>
    </message>
    <message>
        <source>The backup from %1 was restored.</source>
        <translation>Säkerhetskopian från %1 har återställts.</translation>
    </message>
    <message>
        <source>Your account is not in the restored database, so SST Desk closes. Sign in again.</source>
        <translation>Ditt konto finns inte i den återställda databasen, så SST Desk stängs. Logga in igen.</translation>
    </message>
</context>
<context>
    <name>BatchPrint</name>
    <message>
        <source>Print action plans</source>
        <translation>Skriv ut handlingsplaner</translation>
    </message>
    <message>
        <source>All current action plans (cases in genomförande or uppföljning) as one PDF. Cases without a valid consent are skipped.</source>
        <translation>Alla gällande handlingsplaner (ärenden i genomförande eller uppföljning) som en PDF. Ärenden utan giltigt samtycke hoppas över.</translation>
    </message>
    <message>
        <source>All cases I can see</source>
        <translation>Alla ärenden jag ser</translation>
    </message>
    <message>
        <source>One school</source>
        <translation>En skola</translation>
    </message>
    <message>
        <source>One worker&apos;s cases</source>
        <translation>En medarbetares ärenden</translation>
    </message>
    <message>
        <source>School</source>
        <translation>Skola</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>Medarbetare</translation>
    </message>
    <message>
        <source>Plans to print</source>
        <translation>Planer att skriva ut</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Skriv ut…</translation>
    </message>
    <message>
        <source>No case with a current action plan.</source>
        <translation>Inget ärende har en gällande handlingsplan.</translation>
    </message>
    <message>
        <source>Cases with a current action plan: %1</source>
        <translation>Ärenden med en gällande handlingsplan: %1</translation>
    </message>
    <message>
        <source>Save the action plans as</source>
        <translation>Spara handlingsplanerna som</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-dokument (*.pdf)</translation>
    </message>
    <message>
        <source>Printing the action plans…</source>
        <translation>Skriver ut handlingsplanerna…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Printing progress</source>
        <translation>Utskriftens förlopp</translation>
    </message>
    <message>
        <source>Cancel printing</source>
        <translation>Avbryt utskriften</translation>
    </message>
    <message>
        <source>%1 action plans were written to %2.</source>
        <translation>%1 handlingsplaner skrevs till %2.</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… och %1 till</translation>
    </message>
    <message>
        <source>%1 skipped without a valid consent:</source>
        <translation>%1 hoppades över utan giltigt samtycke:</translation>
    </message>
    <message>
        <source>Action plans printed</source>
        <translation>Handlingsplaner utskrivna</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was written.</source>
        <translation>Avbrutet. Inget skrevs.</translation>
    </message>
    <message>
        <source>None of the chosen cases has a valid consent to share the plan. Nothing was written.</source>
        <translation>Inget av de valda ärendena har ett giltigt samtycke till att dela planen. Inget skrevs.</translation>
    </message>
    <message>
        <source>Could not print</source>
        <translation>Kunde inte skriva ut</translation>
    </message>
</context>
<context>
    <name>CalendarExport</name>
    <message>
        <source>Add the booster session to a calendar (.ics)…</source>
        <translation>Lägg till boosterträffen i kalendern (.ics)…</translation>
    </message>
    <message>
        <source>Add the follow-up to a calendar (.ics)…</source>
        <translation>Lägg till uppföljningen i kalendern (.ics)…</translation>
    </message>
    <message>
        <source>A calendar file for Outlook or your phone: the student&apos;s initials and the case number only, never the name or personal identity number.</source>
        <translation>En kalenderfil för Outlook eller telefonen: bara elevens initialer och ärendenumret, aldrig namnet eller personnumret.</translation>
    </message>
    <message>
        <source>Save the calendar file as</source>
        <translation>Spara kalenderfilen som</translation>
    </message>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation>Kalenderfiler (*.ics)</translation>
    </message>
    <message>
        <source>Save the case first: the calendar file names its case number.</source>
        <translation>Spara ärendet först: kalenderfilen anger ärendets nummer.</translation>
    </message>
    <message>
        <source>Set the meeting&apos;s date first.</source>
        <translation>Ange mötets datum först.</translation>
    </message>
    <message>
        <source>Set the date of the next follow-up first (a closed case has none).</source>
        <translation>Ange datum för nästa uppföljning först (ett avslutat ärende har ingen).</translation>
    </message>
    <message>
        <source>The calendar file was not saved</source>
        <translation>Kalenderfilen sparades inte</translation>
    </message>
</context>
<context>
    <name>CaseRoom</name>
    <message>
        <source>Shared case</source>
        <translation>Delat ärende</translation>
    </message>
    <message>
        <source>Connecting to the shared case… It is shown read-only until then.</source>
        <translation>Ansluter till det delade ärendet… Tills dess visas det skrivskyddat.</translation>
    </message>
    <message>
        <source>Changes not sent</source>
        <translation>Ändringar inte skickade</translation>
    </message>
    <message>
        <source>Your latest changes to %1 have not reached the team server yet. Closing the window throws them away. Close anyway?</source>
        <translation>Dina senaste ändringar i %1 har inte nått teamservern än. Stänger du fönstret försvinner de. Stänga ändå?</translation>
    </message>
    <message>
        <source>The team server cannot be reached. Keep working: your changes are kept encrypted on this computer and sent when the server answers again.</source>
        <translation>Teamservern går inte att nå. Arbeta vidare: dina ändringar sparas krypterade på den här datorn och skickas när servern svarar igen.</translation>
    </message>
    <message>
        <source>The team server cannot be reached. Keep working: your changes stay in this window and are sent when the server answers again.</source>
        <translation>Teamservern går inte att nå. Arbeta vidare: dina ändringar stannar i det här fönstret och skickas när servern svarar igen.</translation>
    </message>
    <message>
        <source>The team server cannot be reached. The case is shown read-only until it answers.</source>
        <translation>Teamservern går inte att nå. Ärendet visas skrivskyddat tills den svarar.</translation>
    </message>
    <message>
        <source>What you typed is kept in this window.</source>
        <translation>Det du har skrivit finns kvar i det här fönstret.</translation>
    </message>
    <message>
        <source>Your session on the team server has ended. Sign in again, then try again.</source>
        <translation>Din session på teamservern har tagit slut. Logga in igen och försök sedan igen.</translation>
    </message>
    <message>
        <source>You may no longer see this case in the shared editing.</source>
        <translation>Du får inte längre se det här ärendet i den delade redigeringen.</translation>
    </message>
    <message>
        <source>The case is no longer on the team server.</source>
        <translation>Ärendet finns inte längre på teamservern.</translation>
    </message>
    <message>
        <source>The team server did not let this window join the shared case.</source>
        <translation>Teamservern lät inte det här fönstret ansluta till det delade ärendet.</translation>
    </message>
    <message>
        <source>The shared case could not be read. It is shown read-only.</source>
        <translation>Det delade ärendet gick inte att läsa. Det visas skrivskyddat.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Inte sparat: %1</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Sparas…</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Sparat %1</translation>
    </message>
    <message>
        <source>Shared: saved as you type</source>
        <translation>Delat: sparas medan du skriver</translation>
    </message>
    <message>
        <source>the team server could not save the shared case.</source>
        <translation>teamservern kunde inte spara det delade ärendet.</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <source>Student</source>
        <extracomment>Custom roles: the plain row behind a line, and the value to sort by.</extracomment>
        <translation>Elev</translation>
    </message>
    <message>
        <source>Personal identity number</source>
        <translation>Personnummer</translation>
    </message>
    <message>
        <source>School</source>
        <translation>Skola</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Åk</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Fas</translation>
    </message>
    <message>
        <source>Next date</source>
        <translation>Nästa datum</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Behöver åtgärdas</translation>
    </message>
    <message>
        <source>Absence, term</source>
        <translation>Frånvaro, termin</translation>
    </message>
    <message>
        <source>No attendance imported for this term.</source>
        <translation>Ingen närvaro importerad för den här terminen.</translation>
    </message>
    <message>
        <source>Over %1 % absence this term</source>
        <translation>Över %1 % frånvaro denna termin</translation>
    </message>
    <message>
        <source>Absence this term, from the school&apos;s attendance export</source>
        <translation>Frånvaro denna termin, från skolans närvaroexport</translation>
    </message>
    <message>
        <source>none</source>
        <translation>saknas</translation>
    </message>
    <message>
        <source>protected</source>
        <translation>skyddad</translation>
    </message>
</context>
<context>
    <name>CaseWindow</name>
    <message>
        <source>Stages</source>
        <translation>Faser</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historik</translation>
    </message>
    <message>
        <source>School line</source>
        <translation>Skollinje</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Nästa steg</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Spara</translation>
    </message>
    <message>
        <source>Print action plan…</source>
        <translation>Skriv ut handlingsplan…</translation>
    </message>
    <message>
        <source>Take the next step</source>
        <translation>Ta nästa steg</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Nästa sida</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Föregående sida</translation>
    </message>
    <message>
        <source>Responsible workers…</source>
        <translation>Ansvariga medarbetare…</translation>
    </message>
    <message>
        <source>Registerutdrag…</source>
        <translation>Registerutdrag…</translation>
    </message>
    <message>
        <source>&amp;Documents</source>
        <translation>&amp;Dokument</translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation>Ä&amp;rende</translation>
    </message>
    <message>
        <source>Meeting mode</source>
        <translation>Mötesläge</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Visa</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Ärende</translation>
    </message>
    <message>
        <source>no personal identity number</source>
        <translation>inget personnummer</translation>
    </message>
    <message>
        <source>%1 – SST Desk</source>
        <translation>%1 – SST Desk</translation>
    </message>
    <message>
        <source>Take the step “%1” below.</source>
        <translation>Ta steget ”%1” nedan.</translation>
    </message>
    <message>
        <source>The case left the process before this stage.</source>
        <translation>Ärendet lämnade processen före den här fasen.</translation>
    </message>
    <message>
        <source>Opens after “%1”.</source>
        <translation>Öppnas efter ”%1”.</translation>
    </message>
    <message>
        <source>The case is complete.</source>
        <translation>Ärendet är slutfört.</translation>
    </message>
    <message>
        <source>Record the booster session above when it has taken place.</source>
        <translation>Registrera boosterträffen ovan när den har hållits.</translation>
    </message>
    <message>
        <source>Before “%1”:</source>
        <translation>Före ”%1”:</translation>
    </message>
    <message>
        <source>Ready for “%1”.</source>
        <translation>Klart för ”%1”.</translation>
    </message>
    <message>
        <source>Correct the marked fields; nothing was saved yet.</source>
        <translation>Rätta de markerade fälten; inget har sparats än.</translation>
    </message>
    <message>
        <source>This case is shared: the team server saves it as you type.</source>
        <translation>Ärendet är delat: teamservern sparar det medan du skriver.</translation>
    </message>
    <message>
        <source>Not saved: the server cannot be reached.</source>
        <translation>Inte sparat: servern kan inte nås.</translation>
    </message>
    <message>
        <source>Could not save</source>
        <translation>Kunde inte spara</translation>
    </message>
    <message>
        <source>Close note</source>
        <translation>Stäng meddelandet</translation>
    </message>
    <message>
        <source>Saved at %1</source>
        <translation>Sparat kl. %1</translation>
    </message>
    <message>
        <source>Not saved: your changes are still here.</source>
        <translation>Inte sparat: dina ändringar finns kvar.</translation>
    </message>
    <message>
        <source>Changes by others</source>
        <translation>Ändringar av andra</translation>
    </message>
    <message>
        <source>%1 changed %2</source>
        <translation>%1 ändrade %2</translation>
    </message>
    <message>
        <source>Someone else</source>
        <translation>Någon annan</translation>
    </message>
    <message>
        <source>the case</source>
        <translation>ärendet</translation>
    </message>
    <message>
        <source>You changed the same: %1. Your values are kept on screen; when you save, you choose which to keep.</source>
        <translation>Du ändrade samma: %1. Dina värden står kvar på skärmen; när du sparar väljer du vilka som ska gälla.</translation>
    </message>
    <message>
        <source>This step is not possible yet:</source>
        <translation>Det här steget går inte att ta än:</translation>
    </message>
    <message>
        <source>Reason for closing</source>
        <translation>Skäl till avslut</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— välj —</translation>
    </message>
    <message>
        <source>Eligibility for upper secondary school</source>
        <translation>Gymnasiebehörighet</translation>
    </message>
    <message>
        <source>Comment (optional)</source>
        <translation>Kommentar (frivillig)</translation>
    </message>
    <message>
        <source>There is nothing to print in this document yet.</source>
        <translation>Det finns inget att skriva ut i det här dokumentet än.</translation>
    </message>
    <message>
        <source>Print action plan</source>
        <translation>Skriv ut handlingsplan</translation>
    </message>
    <message>
        <source>There is no action plan yet: it is made in the planning stage.</source>
        <translation>Det finns ingen handlingsplan än: den görs i planeringsfasen.</translation>
    </message>
    <message>
        <source>Saving… the window can be closed when it is done.</source>
        <translation>Sparar … fönstret kan stängas när det är klart.</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Osparade ändringar</translation>
    </message>
    <message>
        <source>%1 has unsaved changes. Save them before closing?</source>
        <translation>%1 har osparade ändringar. Vill du spara dem innan du stänger?</translation>
    </message>
    <message>
        <source>year</source>
        <translation>åk</translation>
    </message>
    <message>
        <source>Protected personal data</source>
        <translation>Skyddade personuppgifter</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Ansvariga</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Fas</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>A password has at least %1 characters. A few words in a row are easy to remember and hard to guess.</source>
        <translation>Lösenordet måste ha minst %1 tecken. Några ord i rad är lätta att komma ihåg och svåra att gissa.</translation>
    </message>
    <message>
        <source>Choose your own password</source>
        <translation>Välj ett eget lösenord</translation>
    </message>
    <message>
        <source>An administrator has set your password, so they know it. Before you go on, choose a password that only you know.</source>
        <translation>En administratör har satt ditt lösenord och känner därför till det. Välj ett lösenord som bara du känner till innan du går vidare.</translation>
    </message>
    <message>
        <source>If you do not want to do this now, quit SST Desk; you will be asked again the next time you sign in.</source>
        <translation>Om du inte vill göra det nu kan du avsluta SST Desk; du får frågan igen nästa gång du loggar in.</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>Byt lösenord</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>Nuvarande lösenord</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Nytt lösenord</translation>
    </message>
    <message>
        <source>Repeat the new password</source>
        <translation>Upprepa det nya lösenordet</translation>
    </message>
    <message>
        <source>Quit SST Desk</source>
        <translation>Avsluta SST Desk</translation>
    </message>
    <message>
        <source>Type the password you use now.</source>
        <translation>Skriv det lösenord du har nu.</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>Det nuvarande lösenordet är fel.</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>follow-up overdue</source>
        <translation>uppföljning försenad</translation>
    </message>
    <message>
        <source>consent expiring</source>
        <translation>samtycke går ut snart</translation>
    </message>
    <message>
        <source>boosterträff due</source>
        <translation>dags för boosterträff</translation>
    </message>
    <message>
        <source>consent missing</source>
        <translation>samtycke saknas</translation>
    </message>
    <message>
        <source>database file or URL (default: %1)</source>
        <translation>databasfil eller URL (standard: %1)</translation>
    </message>
    <message>
        <source>SST Desk: case management for skolsociala team. Without a command, opens the window.</source>
        <translation>SST Desk: ärendehantering för skolsociala team. Utan kommando öppnas fönstret.</translation>
    </message>
    <message>
        <source>Without --db, commands use the default database %1 (the demo command: %2). Run &apos;sst-desk COMMAND --help&apos; for a command&apos;s options.</source>
        <translation>Utan --db använder kommandona standarddatabasen %1 (demokommandot: %2). Kör &apos;sst-desk KOMMANDO --help&apos; för ett kommandos val.</translation>
    </message>
    <message>
        <source>database file or URL to open (default: %1)</source>
        <translation>databasfil eller URL att öppna (standard: %1)</translation>
    </message>
    <message>
        <source>open a demo database with fictional cases (created on first use)</source>
        <translation>öppna en demodatabas med påhittade ärenden (skapas första gången)</translation>
    </message>
    <message>
        <source>language of the window and the messages (default: the system&apos;s language, else Swedish; the window: the saved setting)</source>
        <translation>språk för fönstret och meddelandena (standard: systemets språk, annars svenska; fönstret: den sparade inställningen)</translation>
    </message>
    <message>
        <source>commands</source>
        <translation>kommandon</translation>
    </message>
    <message>
        <source>fill a database with fictional cases in every stage</source>
        <translation>fyll en databas med påhittade ärenden i alla faser</translation>
    </message>
    <message>
        <source>Create fictional students and take them through the process to every stage. All names and personnummer are made up.</source>
        <translation>Skapa påhittade elever och för dem genom processen till alla faser. Alla namn och personnummer är påhittade.</translation>
    </message>
    <message>
        <source>how many cases to create, 1 to %1 (default: %2)</source>
        <translation>hur många ärenden som skapas, 1 till %1 (standard: %2)</translation>
    </message>
    <message>
        <source>random seed; the same seed gives the same cases (default: 1)</source>
        <translation>slumpfrö; samma frö ger samma ärenden (standard: 1)</translation>
    </message>
    <message>
        <source>list the cases</source>
        <translation>lista ärendena</translation>
    </message>
    <message>
        <source>List the cases in a database.</source>
        <translation>Lista ärendena i en databas.</translation>
    </message>
    <message>
        <source>table (for reading), csv or json (default: table)</source>
        <translation>table (att läsa), csv eller json (standard: table)</translation>
    </message>
    <message>
        <source>The database path %1 cannot be reached: its symbolic links go round in a loop. Nothing was changed.</source>
        <translation>Databassökvägen %1 går inte att nå: dess symboliska länkar går runt i en slinga. Ingenting ändrades.</translation>
    </message>
    <message>
        <source>There is no database at %1.</source>
        <translation>Det finns ingen databas på %1.</translation>
    </message>
    <message>
        <source>There is no database at %1; give one with --db.</source>
        <translation>Det finns ingen databas på %1; ange en med --db.</translation>
    </message>
    <message>
        <source>%1 is a folder, not a database file.</source>
        <translation>%1 är en mapp, inte en databasfil.</translation>
    </message>
    <message>
        <source>The database %1 has no users yet: start SST Desk once to create the first administrator (or make a demo database with &apos;sst-desk demo&apos;).</source>
        <translation>Databasen %1 har inga användare än: starta SST Desk en gång och skapa den första administratören (eller gör en demodatabas med &apos;sst-desk demo&apos;).</translation>
    </message>
    <message>
        <source>%1 is not a database URL SST Desk can use.</source>
        <translation>%1 är ingen databas-URL som SST Desk kan använda.</translation>
    </message>
    <message>
        <source>SST Desk cannot reach %1: the database driver %2 is not installed on this computer. Install it (pip install &quot;psycopg[binary]&quot;) or ask IT; nothing was changed.</source>
        <translation>SST Desk kan inte nå %1: databasdrivrutinen %2 är inte installerad på den här datorn. Installera den (pip install &quot;psycopg[binary]&quot;) eller fråga IT; ingenting ändrades.</translation>
    </message>
    <message>
        <source>The key file %1.keys is damaged; put back the copy from the backups folder. Nothing was changed.</source>
        <translation>Nyckelfilen %1.keys är skadad; lägg tillbaka kopian från mappen med säkerhetskopior. Ingenting ändrades.</translation>
    </message>
    <message>
        <source>%1 holds a database without users; the demo needs a new file.</source>
        <translation>%1 innehåller en databas utan användare; demon behöver en ny fil.</translation>
    </message>
    <message>
        <source>Created %1 fictional cases in %2</source>
        <translation>Skapade %1 påhittade ärenden i %2</translation>
    </message>
    <message>
        <source>Demo users: %1; password for all: %2</source>
        <translation>Demoanvändare: %1; lösenord för alla: %2</translation>
    </message>
    <message>
        <source>Import a school&apos;s attendance export with a column mapping saved in the app (Team → Importera närvaro…). All or nothing: if any row has a problem, nothing is stored and every problem is listed with its line. Importing the same file again changes nothing.</source>
        <translation>Importera en skolas närvaroexport med en kolumnkoppling som sparats i appen (Team → Importera närvaro…). Allt eller inget: har någon rad ett problem sparas ingenting och varje problem listas med sin rad. Att importera samma fil igen ändrar ingenting.</translation>
    </message>
    <message>
        <source>the saved column mapping to use</source>
        <translation>den sparade kolumnkopplingen som ska användas</translation>
    </message>
    <message>
        <source>only check the file; store nothing</source>
        <translation>kontrollera bara filen; spara ingenting</translation>
    </message>
    <message>
        <source>list the saved attendance column mappings</source>
        <translation>lista de sparade kolumnkopplingarna för närvaro</translation>
    </message>
    <message>
        <source>List the column mappings saved for attendance imports.</source>
        <translation>Lista kolumnkopplingarna som sparats för närvaroimport.</translation>
    </message>
    <message>
        <source>%1 is not a file; nothing was imported.</source>
        <translation>%1 är ingen fil; ingenting importerades.</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>inga än</translation>
    </message>
    <message>
        <source>There is no saved mapping called &apos;%1&apos; (saved: %2). Save one in the app: Team → Importera närvaro….</source>
        <translation>Det finns ingen sparad koppling som heter &apos;%1&apos; (sparade: %2). Spara en i appen: Team → Importera närvaro….</translation>
    </message>
    <message>
        <source>%1: %2. Nothing was imported.</source>
        <translation>%1: %2. Ingenting importerades.</translation>
    </message>
    <message>
        <source>what falls due in the next days for your cases</source>
        <translation>det som infaller de närmaste dagarna i dina ärenden</translation>
    </message>
    <message>
        <source>List the follow-ups, boosterträffar, consents that expire and insatser that end in the next days for the cases you are responsible for, with overdue meetings first.</source>
        <translation>Visa uppföljningar, boosterträffar, samtycken som går ut och insatser som slutar de närmaste dagarna i ärendena du ansvarar för, med försenade möten först.</translation>
    </message>
    <message>
        <source>how many days ahead, 0 to %1 (default: %2)</source>
        <translation>hur många dagar framåt, 0 till %1 (standard: %2)</translation>
    </message>
    <message>
        <source>Upcoming %1 – %2 (%3 days)</source>
        <translation>Kommande %1 – %2 (%3 dagar)</translation>
    </message>
    <message>
        <source>Nothing falls due in the next %1 days.</source>
        <translation>Inget faller ut de närmaste %1 dagarna.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Vad</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Ärende</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Plats</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detalj</translation>
    </message>
    <message>
        <source>%1, overdue</source>
        <translation>%1, försenad</translation>
    </message>
    <message>
        <source>1 date.</source>
        <translation>1 datum.</translation>
    </message>
    <message>
        <source>%1 dates.</source>
        <translation>%1 datum.</translation>
    </message>
    <message>
        <source>import a school&apos;s attendance export (CSV, XLSX, XLS or ODS)</source>
        <translation>importera en skolas närvaroexport (CSV, XLSX, XLS eller ODS)</translation>
    </message>
    <message>
        <source>the export: .csv, .txt, .xlsx, .xlsm, .xls or .ods</source>
        <translation>exporten: .csv, .txt, .xlsx, .xlsm, .xls eller .ods</translation>
    </message>
    <message>
        <source>how a date like 11/2/2026 is written: dmy (11 February) or mdy (2 November); only needed when the file cannot tell</source>
        <translation>hur ett datum som 11/2/2026 är skrivet: dmy (11 februari) eller mdy (2 november); behövs bara när filen inte visar det</translation>
    </message>
    <message>
        <source>the school year of weeks written without a year (2026/27, 2026/2027 or 2026)</source>
        <translation>läsåret för veckor skrivna utan år (2026/27, 2026/2027 eller 2026)</translation>
    </message>
    <message>
        <source>the period of a file with one row per student, e.g. 2026-08-17:2026-12-18</source>
        <translation>perioden för en fil med en rad per elev, t.ex. 2026-08-17:2026-12-18</translation>
    </message>
    <message>
        <source>skip rows that are exact copies of an earlier row (listed) instead of refusing the file</source>
        <translation>hoppa över rader som är exakta kopior av en tidigare rad (listas) i stället för att vägra filen</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a school year: the second year must follow the first (%2/%3)</source>
        <translation>&apos;%1&apos; är inget läsår: det andra året måste följa på det första (%2/%3)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a school year; write it as 2026/27, 2026/2027 or 2026</source>
        <translation>&apos;%1&apos; är inget läsår; skriv det som 2026/27, 2026/2027 eller 2026</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a period; write it as FROM:TO, e.g. 2026-08-17:2026-12-18</source>
        <translation>&apos;%1&apos; är ingen period; skriv den som FRÅN:TILL, t.ex. 2026-08-17:2026-12-18</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a period: it ends before it starts</source>
        <translation>&apos;%1&apos; är ingen period: den slutar innan den börjar</translation>
    </message>
    <message>
        <source>the dates can be read as day/month or month/day (e.g. &apos;%1&apos;); say which with --date-order dmy or --date-order mdy</source>
        <translation>datumen kan läsas som dag/månad eller månad/dag (t.ex. &apos;%1&apos;); ange vilket med --date-order dmy eller --date-order mdy</translation>
    </message>
    <message>
        <source>the weeks have no year and the file does not say which; give the school year with --school-year, e.g. --school-year 2026/27</source>
        <translation>veckorna saknar år och filen säger inte vilket; ange läsåret med --school-year, t.ex. --school-year 2026/27</translation>
    </message>
    <message>
        <source>the file does not say which period it covers; give it with --period, e.g. --period 2026-08-17:2026-12-18</source>
        <translation>filen säger inte vilken period den gäller; ange den med --period, t.ex. --period 2026-08-17:2026-12-18</translation>
    </message>
    <message>
        <source>No mapping saved yet. Save one in the app: Team → Importera närvaro….</source>
        <translation>Ingen koppling sparad än. Spara en i appen: Team → Importera närvaro….</translation>
    </message>
    <message>
        <source>%1: %2 problem(s); nothing was imported.</source>
        <translation>%1: %2 problem; ingenting importerades.</translation>
    </message>
    <message>
        <source>line %1 has the same student and period as line %2: percentages and period figures cannot be added up</source>
        <translation>rad %1 har samma elev och period som rad %2: procentsatser och periodsiffror kan inte läggas ihop</translation>
    </message>
    <message>
        <source>… and %1 more.</source>
        <translation>… och %1 till.</translation>
    </message>
    <message>
        <source>Rows that are exact copies of an earlier row: check the file, or skip the copies with --skip-duplicate-rows.</source>
        <translation>Rader som är exakta kopior av en tidigare rad: kontrollera filen, eller hoppa över kopiorna med --skip-duplicate-rows.</translation>
    </message>
    <message>
        <source>%1: %2 rows read, %3 matched to %4 students; would store %5 of %6 day/week records (%7 unchanged).</source>
        <translation>%1: %2 rader lästa, %3 matchade mot %4 elever; skulle spara %5 av %6 dag-/veckoposter (%7 oförändrade).</translation>
    </message>
    <message>
        <source>%1: %2 rows read, %3 matched to %4 students; stored %5 of %6 day/week records (%7 unchanged).</source>
        <translation>%1: %2 rader lästa, %3 matchade mot %4 elever; sparade %5 av %6 dag-/veckoposter (%7 oförändrade).</translation>
    </message>
    <message>
        <source>This file was imported before (%1).</source>
        <translation>Den här filen har importerats förut (%1).</translation>
    </message>
    <message>
        <source>%1 rows for %2 students who are not among your students were not imported:</source>
        <translation>%1 rader för %2 elever som inte finns bland dina elever importerades inte:</translation>
    </message>
    <message>
        <source>%1 rows for %2 students not in the register were not imported:</source>
        <translation>%1 rader för %2 elever som inte finns i registret importerades inte:</translation>
    </message>
    <message>
        <source>matches more than one student</source>
        <translation>matchar fler än en elev</translation>
    </message>
    <message>
        <source>not among your students</source>
        <translation>inte bland dina elever</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>hittades inte</translation>
    </message>
    <message>
        <source>%1: %2; %3 row(s), first on line %4</source>
        <translation>%1: %2; %3 rad(er), första på rad %4</translation>
    </message>
    <message>
        <source>Dry run: nothing was stored.</source>
        <translation>Provkörning: ingenting sparades.</translation>
    </message>
    <message>
        <source>%1 row(s) dated after today were not stored:</source>
        <translation>%1 rad(er) med datum efter i dag sparades inte:</translation>
    </message>
    <message>
        <source>%1 row(s) that copy an earlier row were skipped:</source>
        <translation>%1 rad(er) som är kopior av en tidigare rad hoppades över:</translation>
    </message>
    <message>
        <source>%1 total row(s) (Summa, Totalt) were skipped:</source>
        <translation>%1 summarad(er) (Summa, Totalt) hoppades över:</translation>
    </message>
    <message>
        <source>%1 row(s) have scheduled time on a Saturday or Sunday (stored):</source>
        <translation>%1 rad(er) har schemalagd tid på en lördag eller söndag (sparade):</translation>
    </message>
    <message>
        <source>%1 row(s) have scheduled time on a holiday or in a school break (stored):</source>
        <translation>%1 rad(er) har schemalagd tid på en helgdag eller under ett lov (sparade):</translation>
    </message>
    <message>
        <source>%1 row(s) in all were skipped and not stored.</source>
        <translation>Sammanlagt %1 rad(er) hoppades över och sparades inte.</translation>
    </message>
    <message>
        <source>Reading … %1 %</source>
        <translation>Läser … %1 %</translation>
    </message>
    <message>
        <source>sign in as this user (default: $%1); the password is asked for, or read from $%2</source>
        <translation>logga in som den här användaren (standard: $%1); lösenordet frågas efter, eller läses från $%2</translation>
    </message>
    <message>
        <source>Say who you are: add --user NAME or set %1.</source>
        <translation>Säg vem du är: lägg till --user NAMN eller sätt %1.</translation>
    </message>
    <message>
        <source>No terminal to ask for the password on; set %1 for scripts.</source>
        <translation>Det finns ingen terminal att fråga efter lösenordet i; sätt %1 för skript.</translation>
    </message>
    <message>
        <source>Password for %1: </source>
        <translation>Lösenord för %1: </translation>
    </message>
    <message>
        <source>No password given; nothing was done.</source>
        <translation>Inget lösenord angavs; ingenting gjordes.</translation>
    </message>
    <message>
        <source>Too many wrong passwords for this name or from this computer: wait %1 s and try again; nothing was done.</source>
        <translation>För många felaktiga lösenord för det här namnet eller från den här datorn: vänta %1 s och försök igen; ingenting gjordes.</translation>
    </message>
    <message>
        <source>%1 is not an SST Desk database, or its key file %1.keys is missing; nothing was changed. If it is your database, put back the key file from the backups folder.</source>
        <translation>%1 är ingen SST Desk-databas, eller så saknas dess nyckelfil %1.keys; ingenting ändrades. Om det är din databas, lägg tillbaka nyckelfilen från mappen med säkerhetskopior.</translation>
    </message>
    <message>
        <source>The key file %1.keys is damaged; put back the copy from the backups folder.</source>
        <translation>Nyckelfilen %1.keys är skadad; lägg tillbaka kopian från mappen med säkerhetskopior.</translation>
    </message>
    <message>
        <source>The key file %1.keys does not open %2: it is an old copy (from before the database got a new key) or belongs to another database; nothing was done.</source>
        <translation>Nyckelfilen %1.keys öppnar inte %2: den är en gammal kopia (från innan databasen fick en ny nyckel) eller hör till en annan databas; ingenting har gjorts.</translation>
    </message>
    <message>
        <source>This account has been switched off; ask your administrator.</source>
        <translation>Kontot är avstängt; fråga din administratör.</translation>
    </message>
    <message>
        <source>The user name or the password is wrong; nothing was done.</source>
        <translation>Användarnamnet eller lösenordet är fel; ingenting gjordes.</translation>
    </message>
    <message>
        <source>back up the database now</source>
        <translation>säkerhetskopiera databasen nu</translation>
    </message>
    <message>
        <source>Back up the database with SQLite&apos;s backup API (safe while SST Desk is open) into its backups folder, and check the copy. Manual backups are kept until you delete them.</source>
        <translation>Säkerhetskopiera databasen med SQLites backup-API (säkert medan SST Desk är öppet) till mappen med säkerhetskopior och kontrollera kopian. Manuella säkerhetskopior sparas tills du tar bort dem.</translation>
    </message>
    <message>
        <source>write the backup to this file (not existing) instead of the backups folder</source>
        <translation>skriv säkerhetskopian till den här filen (som inte får finnas) i stället för mappen med säkerhetskopior</translation>
    </message>
    <message>
        <source>replace the database with a backup</source>
        <translation>ersätt databasen med en säkerhetskopia</translation>
    </message>
    <message>
        <source>Replace the database with a backup. The backup is checked first, and the current database is kept as a pre-restore backup, so a restore can be undone. Only an administrator or a team lead may restore; the restore is recorded in the access log, in the restored database too. Close SST Desk first.</source>
        <translation>Ersätt databasen med en säkerhetskopia. Säkerhetskopian kontrolleras först, och den nuvarande databasen sparas som en kopia från före återställningen, så att återställningen kan ångras. Bara en administratör eller en teamledare får återställa; återställningen skrivs in i åtkomstloggen, även i den återställda databasen. Stäng SST Desk först.</translation>
    </message>
    <message>
        <source>the backup file to restore</source>
        <translation>säkerhetskopian som ska återställas</translation>
    </message>
    <message>
        <source>do not ask for confirmation</source>
        <translation>fråga inte om bekräftelse</translation>
    </message>
    <message>
        <source>list the backups of the database</source>
        <translation>lista databasens säkerhetskopior</translation>
    </message>
    <message>
        <source>List the backups in the database&apos;s backups folder, newest first.</source>
        <translation>Lista säkerhetskopiorna i databasens mapp med säkerhetskopior, den nyaste först.</translation>
    </message>
    <message>
        <source>Backups and restores work on a database file. The team server&apos;s database is backed up by its operators with PostgreSQL&apos;s own tools (docs/server-operations.md); nothing was done.</source>
        <translation>Säkerhetskopiering och återställning gäller en databasfil. Teamserverns databas säkerhetskopieras av dem som driftar den, med PostgreSQL:s egna verktyg (docs/server-operations.md); ingenting gjordes.</translation>
    </message>
    <message>
        <source>A database on a server is backed up by the server&apos;s own tools, not by SST Desk.</source>
        <translation>En databas på en server säkerhetskopieras med serverns egna verktyg, inte av SST Desk.</translation>
    </message>
    <message>
        <source>Backed up %1 to %2 (checked: ok)</source>
        <translation>Säkerhetskopierade %1 till %2 (kontrollerad: ok)</translation>
    </message>
    <message>
        <source>There are no backups of %1 in %2.</source>
        <translation>Det finns inga säkerhetskopior av %1 i %2.</translation>
    </message>
    <message>
        <source>--anchors needs --log-key: the anchors are signed with the server&apos;s secret.</source>
        <translation>--anchors kräver --log-key: ankarfilens rader är signerade med serverns hemliga nyckel.</translation>
    </message>
    <message>
        <source>Give either --db or --server, not both; nothing was done.</source>
        <translation>Ange antingen --db eller --server, inte båda; ingenting gjordes.</translation>
    </message>
    <message>
        <source>This cannot be undone; run it on a terminal to confirm, or add --yes.</source>
        <translation>Det här kan inte ångras; kör det i en terminal för att bekräfta, eller lägg till --yes.</translation>
    </message>
    <message>
        <source>%1 [y/N] </source>
        <translation>%1 [j/N] </translation>
    </message>
    <message>
        <source>The demo makes fictional cases in a database file; it does not write into the team server (give --db instead); nothing was done.</source>
        <translation>Demon skapar påhittade ärenden i en databasfil; den skriver inte till teamservern (ange --db i stället); ingenting gjordes.</translation>
    </message>
    <message>
        <source>work on the team server at this https:// address instead of a database</source>
        <translation>arbeta mot teamservern på den här https://-adressen i stället för en databas</translation>
    </message>
    <message>
        <source>the certificate authority (PEM) the team server&apos;s certificate is checked against (default: $%1, else the system&apos;s)</source>
        <translation>certifikatutfärdaren (PEM) som teamserverns certifikat kontrolleras mot (standard: $%1, annars systemets)</translation>
    </message>
    <message>
        <source>work on the team server at this https:// address (sst-desk serve) instead of a database</source>
        <translation>arbeta mot teamservern på den här https://-adressen (sst-desk serve) i stället för en databas</translation>
    </message>
    <message>
        <source>choose a new password for yourself</source>
        <translation>välj ett nytt lösenord åt dig själv</translation>
    </message>
    <message>
        <source>Choose a new password for yourself: the current one is asked first, the new one twice (or read from $%1).</source>
        <translation>Välj ett nytt lösenord åt dig själv: först frågas efter det nuvarande, sedan det nya två gånger (eller läses från $%1).</translation>
    </message>
    <message>
        <source>No terminal to ask for the new password on; set %1 for scripts.</source>
        <translation>Ingen terminal att fråga efter det nya lösenordet på; sätt %1 för skript.</translation>
    </message>
    <message>
        <source>New password: </source>
        <translation>Nytt lösenord: </translation>
    </message>
    <message>
        <source>The new password again: </source>
        <translation>Det nya lösenordet igen: </translation>
    </message>
    <message>
        <source>%1 Nothing was changed.</source>
        <translation>%1 Ingenting ändrades.</translation>
    </message>
    <message>
        <source>The current password is wrong; nothing was changed.</source>
        <translation>Det nuvarande lösenordet är fel; ingenting ändrades.</translation>
    </message>
    <message>
        <source>Your new password is set; use it from now on.</source>
        <translation>Ditt nya lösenord är sparat; använd det från och med nu.</translation>
    </message>
    <message>
        <source>on a team server: the server&apos;s secret file, to check the keyed log</source>
        <translation>på en teamserver: serverns nyckelfil, för att kontrollera den nyckelskyddade loggen</translation>
    </message>
    <message>
        <source>on a team server: its anchor file, to compare the log with (needs --log-key)</source>
        <translation>på en teamserver: dess ankarfil, att jämföra loggen med (kräver --log-key)</translation>
    </message>
    <message>
        <source>--log-key and --anchors are for the team server&apos;s own machine; over --server the server checks the log with its secret and anchors itself.</source>
        <translation>--log-key och --anchors används på teamserverns egen dator; med --server kontrollerar servern loggen med sin egen hemliga nyckel och sina ankare.</translation>
    </message>
    <message>
        <source>The access log is keyed with the team server&apos;s secret: it can only be verified on the server (there: sst-desk log verify --log-key FILE --anchors FILE).</source>
        <translation>Åtkomstloggen är skyddad med teamserverns hemliga nyckel: den kan bara kontrolleras på servern (där: sst-desk log verify --log-key FIL --anchors FIL).</translation>
    </message>
    <message>
        <source>The anchor file %1 cannot be read; nothing was verified.</source>
        <translation>Ankarfilen %1 kan inte läsas; ingenting kontrollerades.</translation>
    </message>
    <message>
        <source>The access log is keyed with the team server&apos;s secret: from entry %1 on, its entries can only be verified on the server (there: sst-desk log verify --log-key FILE --anchors FILE). Nothing else is wrong with its %2 entries.</source>
        <translation>Åtkomstloggen är skyddad med teamserverns hemliga nyckel: från post %1 och framåt kan posterna bara kontrolleras på servern (där: sst-desk log verify --log-key FIL --anchors FIL). Inget annat är fel med loggens %2 poster.</translation>
    </message>
    <message>
        <source>The access log is intact: %1 entries, keyed with the server&apos;s secret, and it contains every one of the %2 anchored heads (the newest: entry %3).</source>
        <translation>Åtkomstloggen är intakt: %1 poster, skyddade med serverns hemliga nyckel, och den innehåller alla %2 förankrade kontrollvärden (det senaste: post %3).</translation>
    </message>
    <message>
        <source>The secret file given is not the one this access log is keyed with; check which file the server uses.</source>
        <translation>Nyckelfilen som angavs är inte den som åtkomstloggen är skyddad med; kontrollera vilken fil servern använder.</translation>
    </message>
    <message>
        <source>The secret file %1 cannot be read (on the server it is readable by the server&apos;s account only).</source>
        <translation>Nyckelfilen %1 kan inte läsas (på servern kan bara serverns konto läsa den).</translation>
    </message>
    <message>
        <source>%1 is not the team server&apos;s secret file (it holds %2 random bytes).</source>
        <translation>%1 är inte teamserverns nyckelfil (den innehåller %2 slumpmässiga byte).</translation>
    </message>
    <message>
        <source>run the team server (HTTPS, PostgreSQL)</source>
        <translation>kör teamets server (HTTPS, PostgreSQL)</translation>
    </message>
    <message>
        <source>Run the team server: the window and the command line of the team&apos;s computers connect to it with --server. HTTPS only: give the certificate and its key. See docs/server.md.</source>
        <translation>Kör teamets server: fönstret och kommandoraden på teamets datorer ansluter till den med --server. Endast HTTPS: ange certifikatet och dess nyckel. Se docs/server.md.</translation>
    </message>
    <message>
        <source>the server&apos;s configuration file (TOML): database, cert, key, host, port, state_dir</source>
        <translation>serverns konfigurationsfil (TOML): database, cert, key, host, port, state_dir</translation>
    </message>
    <message>
        <source>the PostgreSQL URL (the runtime role&apos;s; with --init, the owner&apos;s)</source>
        <translation>PostgreSQL-adressen (driftrollens; med --init ägarens)</translation>
    </message>
    <message>
        <source>the server&apos;s TLS certificate (PEM)</source>
        <translation>serverns TLS-certifikat (PEM)</translation>
    </message>
    <message>
        <source>the TLS certificate&apos;s private key (PEM)</source>
        <translation>TLS-certifikatets privata nyckel (PEM)</translation>
    </message>
    <message>
        <source>the address to listen on (default: 127.0.0.1)</source>
        <translation>adressen att lyssna på (standard: 127.0.0.1)</translation>
    </message>
    <message>
        <source>the port to listen on (default: 8443)</source>
        <translation>porten att lyssna på (standard: 8443)</translation>
    </message>
    <message>
        <source>how many server processes (default: 1; up to the number of cores helps)</source>
        <translation>hur många serverprocesser (standard: 1; upp till antalet kärnor hjälper)</translation>
    </message>
    <message>
        <source>the server&apos;s own folder, for its secret file (default: /var/lib/sst-desk)</source>
        <translation>serverns egen mapp, för dess hemliga nyckelfil (standard: /var/lib/sst-desk)</translation>
    </message>
    <message>
        <source>create or upgrade the database and make the first administrator, then stop</source>
        <translation>skapa eller uppdatera databasen och skapa den första administratören, och avsluta sedan</translation>
    </message>
    <message>
        <source>Give the database&apos;s URL with --database or in the configuration file.</source>
        <translation>Ange databasens adress med --database eller i konfigurationsfilen.</translation>
    </message>
    <message>
        <source>The team server runs on PostgreSQL: give a postgresql:// URL, not a file.</source>
        <translation>Teamets server körs på PostgreSQL: ange en postgresql://-adress, inte en fil.</translation>
    </message>
    <message>
        <source>This installation of SST Desk has no team server: install it on the server machine with pip install &quot;sst-desk[server]&quot; (docs/server-operations.md).</source>
        <translation>Den här installationen av SST Desk har ingen teamserver: installera den på servermaskinen med pip install &quot;sst-desk[server]&quot; (docs/server-operations.md).</translation>
    </message>
    <message>
        <source>No answer was given; nothing was changed.</source>
        <translation>Inget svar gavs; ingenting ändrades.</translation>
    </message>
    <message>
        <source>The team server speaks HTTPS only: give its certificate and key with --cert and --key (or cert and key in the configuration file).</source>
        <translation>Teamets server talar bara HTTPS: ange dess certifikat och nyckel med --cert och --key (eller cert och key i konfigurationsfilen).</translation>
    </message>
    <message>
        <source>%1 could not be read (%2).</source>
        <translation>%1 kunde inte läsas (%2).</translation>
    </message>
    <message>
        <source>%1 is not a PEM file (a certificate or key in text form).</source>
        <translation>%1 är ingen PEM-fil (ett certifikat eller en nyckel i textform).</translation>
    </message>
    <message>
        <source>The certificate %1 and the key %2 do not belong together or cannot be used.</source>
        <translation>Certifikatet %1 och nyckeln %2 hör inte ihop eller kan inte användas.</translation>
    </message>
    <message>
        <source>The server&apos;s anchor file cannot be used (%1); the server did not start.</source>
        <translation>Serverns ankarfil kan inte användas (%1); servern startade inte.</translation>
    </message>
    <message>
        <source>SST Desk&apos;s team server listens on https://%1:%2/ (stop it with Ctrl+C).</source>
        <translation>SST Desks teamserver lyssnar på https://%1:%2/ (stoppa den med Ctrl+C).</translation>
    </message>
    <message>
        <source>Made the server&apos;s secret file %1.</source>
        <translation>Skapade serverns hemliga nyckelfil %1.</translation>
    </message>
    <message>
        <source>The server&apos;s secret file %1 is there.</source>
        <translation>Serverns hemliga nyckelfil %1 finns redan.</translation>
    </message>
    <message>
        <source>The database role %1 may now do what the server needs, and no more.</source>
        <translation>Databasrollen %1 får nu göra det servern behöver, och inget mer.</translation>
    </message>
    <message>
        <source>The role %1 cannot log in yet: give it a password (ALTER ROLE %1 LOGIN PASSWORD &apos;…&apos;) and start the server with its URL.</source>
        <translation>Rollen %1 kan inte logga in ännu: ge den ett lösenord (ALTER ROLE %1 LOGIN PASSWORD &apos;…&apos;) och starta servern med dess adress.</translation>
    </message>
    <message>
        <source>The database is up to date and has accounts already; no administrator was made.</source>
        <translation>Databasen är uppdaterad och har redan konton; ingen administratör skapades.</translation>
    </message>
    <message>
        <source>The database has no accounts yet: make the first administrator.</source>
        <translation>Databasen har inga konton ännu: skapa den första administratören.</translation>
    </message>
    <message>
        <source>User name: </source>
        <translation>Användarnamn: </translation>
    </message>
    <message>
        <source>Full name: </source>
        <translation>Fullständigt namn: </translation>
    </message>
    <message>
        <source>Password: </source>
        <translation>Lösenord: </translation>
    </message>
    <message>
        <source>The password again: </source>
        <translation>Lösenordet igen: </translation>
    </message>
    <message>
        <source>the team&apos;s statistics for a school year, a term or a period</source>
        <translation>teamets statistik för ett läsår, en termin eller en period</translation>
    </message>
    <message>
        <source>The team&apos;s statistics for a period: a team lead&apos;s over every case of the team, a worker&apos;s over their own cases. Groups of fewer students than the team&apos;s threshold show as &lt;5. Without a file option the tables are printed; every view and export is recorded in the access log.</source>
        <translation>Teamets statistik för en period: en teamledares över alla teamets ärenden, en medarbetares över de egna ärendena. Grupper med färre elever än teamets gräns visas som &lt;5. Utan filval skrivs tabellerna ut här; varje visning och export registreras i åtkomstloggen.</translation>
    </message>
    <message>
        <source>a school year, July 1 to June 30 (2025/26, 2025/2026 or 2025)</source>
        <translation>ett läsår, 1 juli–30 juni (2025/26, 2025/2026 eller 2025)</translation>
    </message>
    <message>
        <source>a term: HT2025 (July 1 to December 31) or VT2026 (January 1 to June 30)</source>
        <translation>en termin: HT2025 (1 juli–31 december) eller VT2026 (1 januari–30 juni)</translation>
    </message>
    <message>
        <source>the first day of a period (YYYY-MM-DD); needs --to</source>
        <translation>första dagen i en period (ÅÅÅÅ-MM-DD); kräver --to</translation>
    </message>
    <message>
        <source>the last day of the period given with --from</source>
        <translation>sista dagen i perioden som anges med --from</translation>
    </message>
    <message>
        <source>break the tables down by school, årskurs, gender, nivå, with or without needs assessment, or worker</source>
        <translation>dela upp tabellerna per skola, årskurs, kön, nivå, med eller utan behovsprövning, eller medarbetare</translation>
    </message>
    <message>
        <source>write the tables as CSV</source>
        <translation>skriv tabellerna som CSV</translation>
    </message>
    <message>
        <source>write the tables as an Excel workbook</source>
        <translation>skriv tabellerna som en Excel-arbetsbok</translation>
    </message>
    <message>
        <source>write the report for the nämnd as PDF</source>
        <translation>skriv rapporten till nämnden som PDF</translation>
    </message>
    <message>
        <source>write the one-page yearly report as PDF</source>
        <translation>skriv årsrapporten på en sida som PDF</translation>
    </message>
    <message>
        <source>team name in the PDF&apos;s header (default: the saved setting)</source>
        <translation>teamets namn i PDF:ens sidhuvud (standard: den sparade inställningen)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a term; write it as HT2025 (autumn) or VT2026 (spring)</source>
        <translation>&apos;%1&apos; är ingen termin; skriv den som HT2025 (hösten) eller VT2026 (våren)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a day; write it as YYYY-MM-DD, e.g. 2025-08-18</source>
        <translation>&apos;%1&apos; är inget datum; skriv det som ÅÅÅÅ-MM-DD, t.ex. 2025-08-18</translation>
    </message>
    <message>
        <source>--from needs --to: give the last day of the period too.</source>
        <translation>--from kräver --to: ange även periodens sista dag.</translation>
    </message>
    <message>
        <source>--to goes with --from, not with --year or --term.</source>
        <translation>--to hör ihop med --from, inte med --year eller --term.</translation>
    </message>
    <message>
        <source>The period %1 ends before it starts; nothing was counted.</source>
        <translation>Perioden %1 slutar innan den börjar; ingenting räknades.</translation>
    </message>
    <message>
        <source>The period %1 is longer than %2 years; ask for a shorter one.</source>
        <translation>Perioden %1 är längre än %2 år; välj en kortare.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a breakdown the statistics know.</source>
        <translation>&apos;%1&apos; är ingen uppdelning som statistiken känner till.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a file format the statistics are written in.</source>
        <translation>&apos;%1&apos; är inget filformat som statistiken kan skrivas i.</translation>
    </message>
    <message>
        <source>Wrote the statistics for %1 to %2</source>
        <translation>Skrev statistiken för %1 till %2</translation>
    </message>
    <message>
        <source>This installation cannot write the statistics as %1 yet; print them without a file option. Nothing was written.</source>
        <translation>Den här installationen kan inte skriva statistiken som %1 än; visa den utan filval. Ingenting skrevs.</translation>
    </message>
    <message>
        <source>not rated</source>
        <translation>inte bedömt</translation>
    </message>
    <message>
        <source>(not known)</source>
        <translation>(uppgift saknas)</translation>
    </message>
    <message>
        <source>other areas</source>
        <translation>övriga områden</translation>
    </message>
    <message>
        <source>åk %1</source>
        <translation>åk %1</translation>
    </message>
    <message>
        <source>nivå %1</source>
        <translation>nivå %1</translation>
    </message>
    <message>
        <source>Statistics %1, %2 cases counted</source>
        <translation>Statistik %1, %2 ärenden räknade</translation>
    </message>
    <message>
        <source>Groups of fewer than %1 students are shown as %2.</source>
        <translation>Grupper med färre än %1 elever visas som %2.</translation>
    </message>
    <message>
        <source>%1 hides a figure so that a smaller group cannot be worked out from the others.</source>
        <translation>%1 döljer en siffra så att en mindre grupp inte kan räknas fram ur de andra.</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>per %1</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Totalt</translation>
    </message>
    <message>
        <source>Change in absence, baseline to the latest 4 weeks (percentage points)</source>
        <translation>Förändring i frånvaro, från inskrivning till de senaste 4 veckorna (procentenheter)</translation>
    </message>
    <message>
        <source>Change in absence, baseline to avslut (percentage points)</source>
        <translation>Förändring i frånvaro, från inskrivning till avslut (procentenheter)</translation>
    </message>
    <message>
        <source>Days in each stage</source>
        <translation>Dagar i varje fas</translation>
    </message>
    <message>
        <source>Insatser: students and their change in absence at avslut</source>
        <translation>Insatser: elever och deras förändring i frånvaro vid avslut</translation>
    </message>
    <message>
        <source>Students</source>
        <translation>Elever</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>Median</translation>
    </message>
    <message>
        <source>Lower quartile</source>
        <translation>Nedre kvartil</translation>
    </message>
    <message>
        <source>Upper quartile</source>
        <translation>Övre kvartil</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Medelvärde</translation>
    </message>
    <message>
        <source>Notes: %1</source>
        <translation>Anmärkningar: %1</translation>
    </message>
    <message>
        <source>The two passwords differ; nothing was changed.</source>
        <translation>De två lösenorden skiljer sig åt; ingenting ändrades.</translation>
    </message>
    <message>
        <source>Someone else made the first administrator meanwhile; nothing was changed.</source>
        <translation>Någon annan skapade den första administratören under tiden; ingenting ändrades.</translation>
    </message>
    <message>
        <source>A user name is needed; nothing was changed.</source>
        <translation>Ett användarnamn behövs; ingenting ändrades.</translation>
    </message>
    <message>
        <source>Made the administrator %1. Start the server without --init, with the runtime role&apos;s database URL.</source>
        <translation>Skapade administratören %1. Starta servern utan --init, med driftrollens databasadress.</translation>
    </message>
    <message>
        <source>There is no backup file %1.</source>
        <translation>Det finns ingen säkerhetskopia %1.</translation>
    </message>
    <message>
        <source>A database cannot be restored from itself.</source>
        <translation>En databas kan inte återställas från sig själv.</translation>
    </message>
    <message>
        <source>Replace %1 with the backup %2? The current database is kept as a pre-restore backup.</source>
        <translation>Ersätta %1 med säkerhetskopian %2? Den nuvarande databasen sparas som en kopia från före återställningen.</translation>
    </message>
    <message>
        <source>Restoring replaces the database; run it on a terminal to confirm, or add --yes.</source>
        <translation>Återställningen ersätter databasen; kör det i en terminal för att bekräfta, eller lägg till --yes.</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Ingenting ändrades.</translation>
    </message>
    <message>
        <source>Restored %1 from %2; the database as it was is in %3</source>
        <translation>Återställde %1 från %2; databasen som den var finns i %3</translation>
    </message>
    <message>
        <source>Restored %1 from %2</source>
        <translation>Återställde %1 från %2</translation>
    </message>
    <message>
        <source>%1 cannot be reached: its symbolic links go round in a loop. Nothing was changed.</source>
        <translation>%1 går inte att nå: dess symboliska länkar går runt i en slinga. Ingenting ändrades.</translation>
    </message>
    <message>
        <source>A file could not be read or written (%1).</source>
        <translation>En fil kunde inte läsas eller skrivas (%1).</translation>
    </message>
    <message>
        <source>%1 could not be read or written (%2).</source>
        <translation>%1 kunde inte läsas eller skrivas (%2).</translation>
    </message>
    <message>
        <source>The disk is full: free some space and try again; nothing was lost.</source>
        <translation>Disken är full: frigör utrymme och försök igen; ingenting gick förlorat.</translation>
    </message>
    <message>
        <source>Interrupted.</source>
        <translation>Avbrutet.</translation>
    </message>
    <message>
        <source>A path given cannot be reached: its symbolic links go round in a loop. Nothing was changed.</source>
        <translation>En angiven sökväg går inte att nå: dess symboliska länkar går runt i en slinga. Ingenting ändrades.</translation>
    </message>
    <message>
        <source>An unexpected error stopped the command (%1); details were written to %2.</source>
        <translation>Ett oväntat fel stoppade kommandot (%1); detaljerna skrevs till %2.</translation>
    </message>
    <message>
        <source>An unexpected error stopped the command (%1); the details could not be written to a log.</source>
        <translation>Ett oväntat fel stoppade kommandot (%1); detaljerna kunde inte skrivas till någon logg.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a whole number</source>
        <translation>&apos;%1&apos; är inget heltal</translation>
    </message>
    <message>
        <source>must be at most %1 (got %2)</source>
        <translation>får vara högst %1 (fick %2)</translation>
    </message>
    <message>
        <source>must be at least %1 (got %2)</source>
        <translation>måste vara minst %1 (fick %2)</translation>
    </message>
    <message>
        <source>No cases.</source>
        <translation>Inga ärenden.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>Nr</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Elev</translation>
    </message>
    <message>
        <source>Personnummer</source>
        <translation>Personnummer</translation>
    </message>
    <message>
        <source>Students enrolled (inskrivna) at some time in the period</source>
        <translation>Elever inskrivna någon gång under perioden</translation>
    </message>
    <message>
        <source>New cases (aktualiseringar)</source>
        <translation>Nya ärenden (aktualiseringar)</translation>
    </message>
    <message>
        <source>Inskrivningar in the period</source>
        <translation>Inskrivningar under perioden</translation>
    </message>
    <message>
        <source>Avslut in the period</source>
        <translation>Avslut under perioden</translation>
    </message>
    <message>
        <source>Boosterträffar proposed</source>
        <translation>Föreslagna boosterträffar</translation>
    </message>
    <message>
        <source>Boosterträffar held</source>
        <translation>Genomförda boosterträffar</translation>
    </message>
    <message>
        <source>New cases by who raised them</source>
        <translation>Nya ärenden efter vem som aktualiserade</translation>
    </message>
    <message>
        <source>Avslut by reason</source>
        <translation>Avslut efter skäl</translation>
    </message>
    <message>
        <source>Referrals by kind</source>
        <translation>Hänvisningar, anmälningar, ansökningar och SIP efter slag</translation>
    </message>
    <message>
        <source>Cases in each stage now</source>
        <translation>Ärenden i varje fas nu</translation>
    </message>
    <message>
        <source>Goals by area and their latest rating</source>
        <translation>Mål efter område och senaste bedömning</translation>
    </message>
    <message>
        <source>Gymnasiebehörighet at avslut (årskurs 9)</source>
        <translation>Gymnasiebehörighet vid avslut (årskurs 9)</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alla</translation>
    </message>
    <message>
        <source>School</source>
        <translation>Skola</translation>
    </message>
    <message>
        <source>Årskurs</source>
        <translation>Årskurs</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Kön</translation>
    </message>
    <message>
        <source>Nivå</source>
        <translation>Nivå</translation>
    </message>
    <message>
        <source>Needs assessment</source>
        <translation>Behovsprövning</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>Medarbetare</translation>
    </message>
    <message>
        <source>Raised by</source>
        <translation>Aktualiserat av</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Skäl</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Slag</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Fas</translation>
    </message>
    <message>
        <source>Goal area</source>
        <translation>Målområde</translation>
    </message>
    <message>
        <source>Behörighet</source>
        <translation>Behörighet</translation>
    </message>
    <message>
        <source>Insats</source>
        <translation>Insats</translation>
    </message>
    <message>
        <source>Absence (term)</source>
        <translation>Frånvaro (termin)</translation>
    </message>
    <message>
        <source>Next due</source>
        <translation>Nästa</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Behöver åtgärd</translation>
    </message>
    <message>
        <source>(protected)</source>
        <translation>(skyddad)</translation>
    </message>
    <message>
        <source>1 case.</source>
        <translation>1 ärende.</translation>
    </message>
    <message>
        <source>%1 cases.</source>
        <translation>%1 ärenden.</translation>
    </message>
    <message>
        <source>write a document as PDF without opening a window</source>
        <translation>skriv ett dokument som PDF utan att öppna något fönster</translation>
    </message>
    <message>
        <source>Write a document as PDF without opening a window. Every print is recorded in the access log once the file is written. An existing file is replaced only with --force, and never a database, key file or backup.</source>
        <translation>Skriv ett dokument som PDF utan att öppna något fönster. Varje utskrift skrivs in i åtkomstloggen när filen är skriven. En befintlig fil ersätts bara med --force, och aldrig en databas, nyckelfil eller säkerhetskopia.</translation>
    </message>
    <message>
        <source>documents</source>
        <translation>dokument</translation>
    </message>
    <message>
        <source>the %1 of a case</source>
        <translation>ett ärendes %1</translation>
    </message>
    <message>
        <source>Write the %1 of a case as PDF.</source>
        <translation>Skriv ett ärendes %1 som PDF.</translation>
    </message>
    <message>
        <source>the case number</source>
        <translation>ärendenumret</translation>
    </message>
    <message>
        <source>every current handlingsplan of a school or the team, as one PDF</source>
        <translation>alla gällande handlingsplaner för en skola eller hela teamet, som en PDF</translation>
    </message>
    <message>
        <source>Write the current handlingsplan of every case you may see in genomförande or uppföljning, for one school or all, as one PDF. Cases without a valid samtycke are skipped and named.</source>
        <translation>Skriv den gällande handlingsplanen för varje ärende du får se i genomförande eller uppföljning, för en skola eller alla, som en PDF. Ärenden utan giltigt samtycke hoppas över och namnges.</translation>
    </message>
    <message>
        <source>the school&apos;s name as in the case list</source>
        <translation>skolans namn som i ärendelistan</translation>
    </message>
    <message>
        <source>every case you may see</source>
        <translation>alla ärenden du får se</translation>
    </message>
    <message>
        <source>the PDF file to write</source>
        <translation>PDF-filen som ska skrivas</translation>
    </message>
    <message>
        <source>replace FILE if it exists (never a database, key file or backup)</source>
        <translation>ersätt FILE om den finns (aldrig en databas, nyckelfil eller säkerhetskopia)</translation>
    </message>
    <message>
        <source>team name in the header (default: the saved setting)</source>
        <translation>teamets namn i sidhuvudet (standard: den sparade inställningen)</translation>
    </message>
    <message>
        <source>Case %1 has no handlingsplan yet; nothing was written.</source>
        <translation>Ärende %1 har ingen handlingsplan än; ingenting skrevs.</translation>
    </message>
    <message>
        <source>Case %1 holds nothing for the %2 yet; nothing was written.</source>
        <translation>Ärende %1 har inget till %2 än; ingenting skrevs.</translation>
    </message>
    <message>
        <source>Wrote the %1 of case %2 to %3</source>
        <translation>Skrev %1 för ärende %2 till %3</translation>
    </message>
    <message>
        <source>You must choose a new password before you can use SST Desk: the one you signed in with was set by an administrator (or is the public demo password). Choose your own with &apos;sst-desk password&apos; (with the same --db or --server) or in the window; nothing was done.</source>
        <translation>Du måste välja ett nytt lösenord innan du kan använda SST Desk: det du loggade in med valdes av en administratör (eller är demons offentliga lösenord). Välj ett eget med &apos;sst-desk password&apos; (med samma --db eller --server) eller i fönstret; ingenting gjordes.</translation>
    </message>
    <message>
        <source>the student or a guardian</source>
        <translation>eleven eller en vårdnadshavare</translation>
    </message>
    <message>
        <source>Case %1 has no valid samtycke to share the %2 (missing: %3); record the consent, or state a legal ground in the app. Nothing was written.</source>
        <translation>Ärende %1 saknar giltigt samtycke för att dela %2 (saknas: %3); registrera samtycket, eller ange ett lagstöd i appen. Ingenting skrevs.</translation>
    </message>
    <message>
        <source>No case at %1 has a handlingsplan in force; nothing was written.</source>
        <translation>Inget ärende på %1 har en gällande handlingsplan; ingenting skrevs.</translation>
    </message>
    <message>
        <source>No case among the cases you may see has a handlingsplan in force; nothing was written.</source>
        <translation>Inget av ärendena du får se har en gällande handlingsplan; ingenting skrevs.</translation>
    </message>
    <message>
        <source>None of the %1 cases has a valid samtycke to share the plan; nothing was written.</source>
        <translation>Inget av de %1 ärendena har giltigt samtycke för att dela planen; ingenting skrevs.</translation>
    </message>
    <message>
        <source>Wrote %1 handlingsplaner to %2</source>
        <translation>Skrev %1 handlingsplaner till %2</translation>
    </message>
    <message>
        <source>%1 (case %2)</source>
        <translation>%1 (ärende %2)</translation>
    </message>
    <message>
        <source>Skipped %1 without a valid samtycke: %2</source>
        <translation>Hoppade över %1 utan giltigt samtycke: %2</translation>
    </message>
    <message>
        <source>check the access log, or save its head to keep elsewhere</source>
        <translation>kontrollera åtkomstloggen, eller spara dess huvud för att förvara någon annanstans</translation>
    </message>
    <message>
        <source>The access log is a hash chain: &apos;verify&apos; checks every entry (and, with --kept-head, that it still contains a head saved earlier); &apos;export-head&apos; writes the newest entry&apos;s hash to a file to keep outside the database.</source>
        <translation>Åtkomstloggen är en hashkedja: &apos;verify&apos; kontrollerar varje post (och, med --kept-head, att den fortfarande innehåller ett huvud som sparats tidigare); &apos;export-head&apos; skriver den nyaste postens hash till en fil som förvaras utanför databasen.</translation>
    </message>
    <message>
        <source>check the whole chain</source>
        <translation>kontrollera hela kedjan</translation>
    </message>
    <message>
        <source>a head saved earlier with export-head</source>
        <translation>ett huvud som sparats tidigare med export-head</translation>
    </message>
    <message>
        <source>write the chain&apos;s head to a file</source>
        <translation>skriv kedjans huvud till en fil</translation>
    </message>
    <message>
        <source>the file to write (not existing)</source>
        <translation>filen som ska skrivas (får inte finnas)</translation>
    </message>
    <message>
        <source>list the closed cases due for deletion, or delete them</source>
        <translation>lista de avslutade ärenden som ska gallras, eller gallra dem</translation>
    </message>
    <message>
        <source>Cases closed longer ago than the retention period (--years, default: the saved setting) are due. Without --run they are only listed.</source>
        <translation>Ärenden som avslutades för längre sedan än bevarandetiden (--years, standard: den sparade inställningen) ska gallras. Utan --run listas de bara.</translation>
    </message>
    <message>
        <source>retention in whole years after avslut (default: the saved setting)</source>
        <translation>bevarandetid i hela år efter avslut (standard: den sparade inställningen)</translation>
    </message>
    <message>
        <source>delete every listed case (asks unless --yes)</source>
        <translation>gallra alla listade ärenden (frågar om inte --yes anges)</translation>
    </message>
    <message>
        <source>do not ask before deleting</source>
        <translation>fråga inte innan något gallras</translation>
    </message>
    <message>
        <source>everything stored about one student, as PDF and JSON</source>
        <translation>allt som finns lagrat om en elev, som PDF och JSON</translation>
    </message>
    <message>
        <source>Write a registerutdrag (GDPR art. 15) for the student of a case. The files are named by the case number and the day.</source>
        <translation>Skriv ett registerutdrag (GDPR art. 15) för eleven i ett ärende. Filerna namnges efter ärendenumret och dagen.</translation>
    </message>
    <message>
        <source>a case of the student</source>
        <translation>ett av elevens ärenden</translation>
    </message>
    <message>
        <source>the folder to write into</source>
        <translation>mappen som filerna skrivs till</translation>
    </message>
    <message>
        <source>replace an extract of the same case made earlier the same day</source>
        <translation>ersätt ett utdrag för samma ärende som gjorts tidigare samma dag</translation>
    </message>
    <message>
        <source>Wrote the head of the access log (entry %1) to %2; keep it outside the database.</source>
        <translation>Skrev åtkomstloggens huvud (post %1) till %2; förvara det utanför databasen.</translation>
    </message>
    <message>
        <source>The access log is intact: %1 entries, and it contains the kept head (entry %2).</source>
        <translation>Åtkomstloggen är intakt: %1 poster, och den innehåller det sparade huvudet (post %2).</translation>
    </message>
    <message>
        <source>The access log is intact: %1 entries.</source>
        <translation>Åtkomstloggen är intakt: %1 poster.</translation>
    </message>
    <message>
        <source>The access log has been tampered with: its record of the newest entry (log_head) was deleted.</source>
        <translation>Åtkomstloggen har manipulerats: uppgiften om den senaste posten (log_head) har raderats.</translation>
    </message>
    <message>
        <source>The access log has been changed: %1 problem(s) in %2 entries.</source>
        <translation>Åtkomstloggen har ändrats: %1 problem i %2 poster.</translation>
    </message>
    <message>
        <source>  entry %1: %2 %3</source>
        <translation>  post %1: %2 %3</translation>
    </message>
    <message>
        <source>The kept head %1 cannot be reached: its symbolic links go round in a loop.</source>
        <translation>Det sparade huvudet %1 går inte att nå: dess symboliska länkar går runt i en slinga.</translation>
    </message>
    <message>
        <source>The kept head %1 cannot be read.</source>
        <translation>Det sparade huvudet %1 går inte att läsa.</translation>
    </message>
    <message>
        <source>The kept head %1 is not a head saved by &apos;sst-desk log export-head&apos; (it is not text); give the file you saved then.</source>
        <translation>Det sparade huvudet %1 är inget huvud som sparats med &apos;sst-desk log export-head&apos; (det är inte text); ange filen du sparade då.</translation>
    </message>
    <message>
        <source>The kept head %1 is not valid: %2</source>
        <translation>Det sparade huvudet %1 är inte giltigt: %2</translation>
    </message>
    <message>
        <source>--years must be a whole number from 1 to 50.</source>
        <translation>--years måste vara ett heltal från 1 till 50.</translation>
    </message>
    <message>
        <source>An interrupted gallring was finished; older backups removed: %1.</source>
        <translation>En avbruten gallring har slutförts; äldre säkerhetskopior borttagna: %1.</translation>
    </message>
    <message>
        <source>An interrupted gallring was tried again, but it is still not complete; older backups removed: %1.</source>
        <translation>En avbruten gallring har försökts igen men är fortfarande inte klar; äldre säkerhetskopior borttagna: %1.</translation>
    </message>
    <message>
        <source>Run &apos;sst-desk gallring&apos; again when the database is closed everywhere else.</source>
        <translation>Kör &apos;sst-desk gallring&apos; igen när databasen inte längre är öppen någon annanstans.</translation>
    </message>
    <message>
        <source>No closed case is due for gallring (%1 years after avslut).</source>
        <translation>Inget avslutat ärende ska gallras (%1 år efter avslut).</translation>
    </message>
    <message>
        <source>(protected identity)</source>
        <translation>(skyddad identitet)</translation>
    </message>
    <message>
        <source>closed %1  due %2</source>
        <translation>avslutat %1  gallras %2</translation>
    </message>
    <message>
        <source>%1 case(s) due for gallring (%2 years after avslut).</source>
        <translation>%1 ärende(n) ska gallras (%2 år efter avslut).</translation>
    </message>
    <message>
        <source>Delete these %1 cases and every trace of them? This cannot be undone.</source>
        <translation>Gallra de här %1 ärendena och alla spår av dem? Det går inte att ångra.</translation>
    </message>
    <message>
        <source>Nothing was deleted.</source>
        <translation>Ingenting gallrades.</translation>
    </message>
    <message>
        <source>Deleted %1 case(s) and %2 student(s); older backups removed: %3.</source>
        <translation>Gallrade %1 ärende(n) och %2 elev(er); äldre säkerhetskopior borttagna: %3.</translation>
    </message>
    <message>
        <source>The clean-up is not complete (the database is open elsewhere, or a backup could not be deleted); run &apos;sst-desk gallring&apos; again when it is closed.</source>
        <translation>Gallringen är inte klar (databasen är öppen någon annanstans, eller så gick en säkerhetskopia inte att ta bort); kör &apos;sst-desk gallring&apos; igen när den är stängd.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist; nothing was written.</source>
        <translation>Mappen %1 finns inte; ingenting skrevs.</translation>
    </message>
    <message>
        <source>The folder %1 cannot be reached: its symbolic links go round in a loop. Nothing was written.</source>
        <translation>Mappen %1 går inte att nå: dess symboliska länkar går runt i en slinga. Ingenting skrevs.</translation>
    </message>
    <message>
        <source>The folder %1 cannot be written to; nothing was written.</source>
        <translation>Det går inte att skriva i mappen %1; ingenting skrevs.</translation>
    </message>
    <message>
        <source>A registerutdrag of case %1 made today is already in %2; nothing was written. Add --force to replace it.</source>
        <translation>Ett registerutdrag för ärende %1 som gjorts i dag finns redan i %2; ingenting skrevs. Lägg till --force för att ersätta det.</translation>
    </message>
    <message>
        <source>Wrote the registerutdrag to %1 and %2. Review free text for other people&apos;s details (sekretessprövning) before handing it out.</source>
        <translation>Skrev registerutdraget till %1 och %2. Gå igenom fritexten efter uppgifter om andra personer (sekretessprövning) innan det lämnas ut.</translation>
    </message>
</context>
<context>
    <name>ConfirmGallringDialog</name>
    <message>
        <source>Confirm gallring</source>
        <translation>Bekräfta gallring</translation>
    </message>
    <message>
        <source>Cases to be deleted for good: %1</source>
        <translation>Ärenden som tas bort för gott: %1</translation>
    </message>
    <message>
        <source>Cases to delete</source>
        <translation>Ärenden som ska tas bort</translation>
    </message>
    <message>
        <source>case %1, closed %2</source>
        <translation>ärende %1, avslutat %2</translation>
    </message>
    <message>
        <source>Everything recorded in them is deleted: consents, kartläggning, plans, contacts, follow-ups, boosterträffar and the student&apos;s own views; so are the students and their guardians when they have no other case. Every older backup of the database is deleted too, and a new one is taken. This cannot be undone.</source>
        <translation>Allt som har registrerats i dem tas bort: samtycken, kartläggning, planer, kontakter, uppföljningar, boosterträffar och elevens egen syn. Eleverna och deras vårdnadshavare tas också bort om de inte har något annat ärende. Alla äldre säkerhetskopior av databasen tas bort, och en ny säkerhetskopia görs. Det går inte att ångra.</translation>
    </message>
    <message>
        <source>To confirm, type the number of cases (%1) below.</source>
        <translation>Bekräfta genom att skriva antalet ärenden (%1) nedan.</translation>
    </message>
    <message>
        <source>Number of cases to delete</source>
        <translation>Antal ärenden som ska tas bort</translation>
    </message>
    <message>
        <source>Delete for good</source>
        <translation>Ta bort för gott</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Type %1, the number of cases, to confirm.</source>
        <translation>Skriv %1, antalet ärenden, för att bekräfta.</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Someone else saved this case</source>
        <translation>Någon annan har sparat ärendet</translation>
    </message>
    <message>
        <source>Choose which values to keep</source>
        <translation>Välj vilka värden som ska gälla</translation>
    </message>
    <message>
        <source>Saved by %1</source>
        <translation>Sparat av %1</translation>
    </message>
    <message>
        <source>Saved by someone else</source>
        <translation>Sparat av någon annan</translation>
    </message>
    <message>
        <source>Someone else saved this case after you opened it. Their changes and yours are kept together, except in the fields below, which you both changed. Choose for each which value to keep; nothing has been saved yet.</source>
        <translation>Någon annan sparade ärendet efter att du öppnade det. Deras ändringar och dina sparas tillsammans, utom i fälten nedan, som ni båda har ändrat. Välj för varje fält vilket värde som ska gälla; ingenting är sparat ännu.</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Vad som har hänt</translation>
    </message>
    <message>
        <source>Your value</source>
        <translation>Ditt värde</translation>
    </message>
    <message>
        <source>Your value: %1</source>
        <translation>Ditt värde: %1</translation>
    </message>
    <message>
        <source>Save with my choices</source>
        <translation>Spara med mina val</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>(removed)</source>
        <translation>(borttagen)</translation>
    </message>
</context>
<context>
    <name>ConflictWords</name>
    <message>
        <source>Stage</source>
        <translation>Fas</translation>
    </message>
    <message>
        <source>Enrolled on</source>
        <translation>Inskriven den</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>Avslutad den</translation>
    </message>
    <message>
        <source>Factors</source>
        <translation>Faktorer</translation>
    </message>
    <message>
        <source>Notes on school-related factors</source>
        <translation>Anteckningar om skolrelaterade faktorer</translation>
    </message>
    <message>
        <source>Notes on individual factors</source>
        <translation>Anteckningar om individrelaterade faktorer</translation>
    </message>
    <message>
        <source>Notes on family factors</source>
        <translation>Anteckningar om familjerelaterade faktorer</translation>
    </message>
    <message>
        <source>Notes on further factors</source>
        <translation>Anteckningar om ytterligare faktorer</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beskrivning</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Bedömning</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>The student&apos;s own view</source>
        <translation>Elevens egen syn</translation>
    </message>
    <message>
        <source>Guardian %1</source>
        <translation>Vårdnadshavare %1</translation>
    </message>
    <message>
        <source>Consent %1</source>
        <translation>Samtycke %1</translation>
    </message>
    <message>
        <source>Document %1</source>
        <translation>Dokument %1</translation>
    </message>
    <message>
        <source>Action plan</source>
        <translation>Handlingsplan</translation>
    </message>
    <message>
        <source>Goal %1</source>
        <translation>Mål %1</translation>
    </message>
    <message>
        <source>Intervention %1</source>
        <translation>Insats %1</translation>
    </message>
    <message>
        <source>Contact %1</source>
        <translation>Kontakt %1</translation>
    </message>
    <message>
        <source>Follow-up %1</source>
        <translation>Uppföljning %1</translation>
    </message>
    <message>
        <source>Rating %1</source>
        <translation>Bedömning %1</translation>
    </message>
    <message>
        <source>Booster session %1</source>
        <translation>Boosterträff %1</translation>
    </message>
    <message>
        <source>Referral %1</source>
        <translation>Hänvisning %1</translation>
    </message>
    <message>
        <source>School line event %1</source>
        <translation>Händelse på skollinjen %1</translation>
    </message>
    <message>
        <source>School line events</source>
        <translation>Händelser på skollinjen</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>Steg %1</translation>
    </message>
    <message>
        <source>Guardians</source>
        <translation>Vårdnadshavare</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>Samtycken</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>Kartläggning</translation>
    </message>
    <message>
        <source>Action plans</source>
        <translation>Handlingsplaner</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Mål</translation>
    </message>
    <message>
        <source>Interventions</source>
        <translation>Insatser</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontakter</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Uppföljningar</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>Bedömningar</translation>
    </message>
    <message>
        <source>Booster sessions</source>
        <translation>Boosterträffar</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>Hänvisningar</translation>
    </message>
    <message>
        <source>Steps in the process</source>
        <translation>Steg i processen</translation>
    </message>
    <message>
        <source>The whole record</source>
        <translation>Hela posten</translation>
    </message>
    <message>
        <source>%1 (new row)</source>
        <translation>%1 (ny rad)</translation>
    </message>
    <message>
        <source>%1 (row removed)</source>
        <translation>%1 (rad borttagen)</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(tomt)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nej</translation>
    </message>
</context>
<context>
    <name>Connection</name>
    <message>
        <source>Connection to the server</source>
        <translation>Anslutning till servern</translation>
    </message>
    <message>
        <source>The server cannot be reached – what you have typed is kept; try again</source>
        <translation>Servern kan inte nås – det du skrivit finns kvar; försök igen</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Försök igen</translation>
    </message>
    <message>
        <source>Offline – your local copy from %1. Saving waits until the server can be reached; what you have typed is kept</source>
        <translation>Offline – din lokala kopia från %1. Att spara får vänta tills servern går att nå; det du har skrivit finns kvar</translation>
    </message>
</context>
<context>
    <name>ConsentGate</name>
    <message>
        <source>request documents from the other authority</source>
        <translation>begära in dokument från den andra myndigheten</translation>
    </message>
    <message>
        <source>share the action plan with the parties</source>
        <translation>dela handlingsplanen med parterna</translation>
    </message>
    <message>
        <source>Act without consent</source>
        <translation>Gå vidare utan samtycke</translation>
    </message>
    <message>
        <source>To %1 without consent you need a legal ground. %2 State the ground; it is kept with the case and in the access log.</source>
        <translation>För att %1 utan samtycke behöver du lagstöd. %2 Ange lagstödet; det sparas i ärendet och i åtkomstloggen.</translation>
    </message>
    <message>
        <source>Legal ground</source>
        <translation>Lagstöd</translation>
    </message>
    <message>
        <source>Other legal ground (write it)</source>
        <translation>Annat lagstöd (skriv vilket)</translation>
    </message>
    <message>
        <source>Other legal ground</source>
        <translation>Annat lagstöd</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
    <message>
        <source>Go on without consent</source>
        <translation>Gå vidare utan samtycke</translation>
    </message>
    <message>
        <source>Write the legal ground: the law, chapter and section.</source>
        <translation>Skriv lagstödet: lag, kapitel och paragraf.</translation>
    </message>
    <message>
        <source>Consent needed</source>
        <translation>Samtycke behövs</translation>
    </message>
    <message>
        <source>You cannot %1 without a valid consent. %2</source>
        <translation>Du kan inte %1 utan ett giltigt samtycke. %2</translation>
    </message>
    <message>
        <source>Record the consent first. Only the team&apos;s socialtjänst member or team lead can act on another legal ground.</source>
        <translation>Registrera samtycket först. Bara teamets skolsocionom eller teamledare kan gå vidare med ett annat lagstöd.</translation>
    </message>
    <message>
        <source>State a legal ground…</source>
        <translation>Ange lagstöd…</translation>
    </message>
</context>
<context>
    <name>DatabaseErrors</name>
    <message>
        <source>The database %1 cannot be used.</source>
        <translation>Databasen %1 går inte att använda.</translation>
    </message>
    <message>
        <source>The file %1 is not an SST Desk database (or it is damaged); nothing was changed.</source>
        <translation>Filen %1 är ingen SST Desk-databas (eller så är den skadad); ingenting ändrades.</translation>
    </message>
    <message>
        <source>SST Desk cannot create or write its database at %1; choose a folder you may write to.</source>
        <translation>SST Desk kan inte skapa eller skriva sin databas på %1; välj en mapp som du får skriva i.</translation>
    </message>
    <message>
        <source>The database %1 was made by a newer version of SST Desk; update SST Desk to open it (nothing was changed).</source>
        <translation>Databasen %1 skapades av en nyare version av SST Desk; uppdatera SST Desk för att öppna den (ingenting ändrades).</translation>
    </message>
    <message>
        <source>SST Desk cannot connect to the database %1 right now; try again later.</source>
        <translation>SST Desk kan inte ansluta till databasen %1 just nu; försök igen senare.</translation>
    </message>
    <message>
        <source>The access log of the database %1 is not keyed with the server&apos;s secret; nothing was changed.</source>
        <translation>Åtkomstloggen i databasen %1 är inte skyddad med serverns hemliga nyckel; ingenting ändrades.</translation>
    </message>
    <message>
        <source>Updating the database %1 to this version of SST Desk failed; it was left as it was.</source>
        <translation>Det gick inte att uppdatera databasen %1 till den här versionen av SST Desk; den lämnades som den var.</translation>
    </message>
    <message>
        <source>The database %1 is on a network share or in a synced folder, where it can be damaged; move it to a folder on this computer&apos;s own disk.</source>
        <translation>Databasen %1 ligger på en nätverksresurs eller i en synkroniserad mapp, där den kan skadas; flytta den till en mapp på datorns egen disk.</translation>
    </message>
    <message>
        <source>The database %1 is damaged (it fails SQLite&apos;s integrity check); nothing was changed.</source>
        <translation>Databasen %1 är skadad (den klarar inte SQLites integritetskontroll); ingenting ändrades.</translation>
    </message>
    <message>
        <source>The disk is full where the database %1 is: free some space and try again; nothing was lost.</source>
        <translation>Disken där databasen %1 ligger är full: frigör utrymme och försök igen; ingenting gick förlorat.</translation>
    </message>
    <message>
        <source>The backup could not be written to %1; the earlier backups are untouched.</source>
        <translation>Säkerhetskopian kunde inte skrivas till %1; de tidigare säkerhetskopiorna är orörda.</translation>
    </message>
    <message>
        <source>The backup could not be restored into %1; the database was left as it was.</source>
        <translation>Säkerhetskopian kunde inte återställas till %1; databasen lämnades som den var.</translation>
    </message>
    <message>
        <source>You do not have access to this in %1.</source>
        <translation>Du har inte åtkomst till det här i %1.</translation>
    </message>
    <message>
        <source>case view</source>
        <translation>öppna</translation>
    </message>
    <message>
        <source>case create</source>
        <translation>skapa ärenden</translation>
    </message>
    <message>
        <source>case edit</source>
        <translation>ändra i</translation>
    </message>
    <message>
        <source>case print</source>
        <translation>skriva ut</translation>
    </message>
    <message>
        <source>case export</source>
        <translation>göra registerutdrag för</translation>
    </message>
    <message>
        <source>case delete</source>
        <translation>gallra</translation>
    </message>
    <message>
        <source>case read_log</source>
        <translation>läsa loggen för</translation>
    </message>
    <message>
        <source>case assign</source>
        <translation>ändra ansvariga för</translation>
    </message>
    <message>
        <source>consent override</source>
        <translation>agera utan samtycke i</translation>
    </message>
    <message>
        <source>access_log read_log</source>
        <translation>läsa åtkomstloggen</translation>
    </message>
    <message>
        <source>access_log edit</source>
        <translation>registrera stickprov i åtkomstloggen</translation>
    </message>
    <message>
        <source>access_log export</source>
        <translation>spara åtkomstloggens huvud</translation>
    </message>
    <message>
        <source>users view</source>
        <translation>se användarkontona</translation>
    </message>
    <message>
        <source>users create</source>
        <translation>skapa användarkonton</translation>
    </message>
    <message>
        <source>users edit</source>
        <translation>ändra användarkonton</translation>
    </message>
    <message>
        <source>users delete</source>
        <translation>ta bort användarkonton</translation>
    </message>
    <message>
        <source>backups view</source>
        <translation>se säkerhetskopiorna</translation>
    </message>
    <message>
        <source>backups create</source>
        <translation>ta säkerhetskopior</translation>
    </message>
    <message>
        <source>backups edit</source>
        <translation>återställa en säkerhetskopia</translation>
    </message>
    <message>
        <source>settings view</source>
        <translation>se teamets inställningar</translation>
    </message>
    <message>
        <source>settings edit</source>
        <translation>ändra teamets inställningar</translation>
    </message>
    <message>
        <source>attendance create</source>
        <translation>importera närvaro</translation>
    </message>
    <message>
        <source>attendance edit</source>
        <translation>spara kolumnkopplingar för närvaro</translation>
    </message>
    <message>
        <source>statistics view</source>
        <translation>se teamets statistik</translation>
    </message>
    <message>
        <source>statistics export</source>
        <translation>exportera teamets statistik</translation>
    </message>
    <message>
        <source>The access log of the database %1 is keyed with another secret (key id %2) than the server&apos;s (key id %3); check which secret file the server was given. Nothing was changed.</source>
        <translation>Åtkomstloggen i databasen %1 är skyddad med en annan hemlig nyckel (nyckel-id %2) än serverns (nyckel-id %3); kontrollera vilken nyckelfil servern fick. Ingenting ändrades.</translation>
    </message>
    <message>
        <source>The database %1 belongs to a team server, whose secret key protects its access log: work through the server (sst-desk --server …). Nothing was changed.</source>
        <translation>Databasen %1 tillhör en teamserver, vars hemliga nyckel skyddar åtkomstloggen: arbeta via servern (sst-desk --server …). Ingenting ändrades.</translation>
    </message>
    <message>
        <source>The access log of the database %1 is not keyed with the server&apos;s secret yet; run &apos;sst-desk serve --init&apos; first. Nothing was changed.</source>
        <translation>Åtkomstloggen i databasen %1 är ännu inte skyddad med serverns hemliga nyckel; kör först &apos;sst-desk serve --init&apos;. Ingenting ändrades.</translation>
    </message>
    <message>
        <source>Updating the database %1 to this version of SST Desk failed; it was left as it was, and a copy from before the attempt is at %2.</source>
        <translation>Det gick inte att uppdatera databasen %1 till den här versionen av SST Desk; den lämnades som den var, och en kopia från före försöket finns i %2.</translation>
    </message>
    <message>
        <source>There is no case number %1 in the database %2.</source>
        <translation>Det finns inget ärende nummer %1 i databasen %2.</translation>
    </message>
    <message>
        <source>Case number %1 was saved by someone else after you opened it; your copy was not saved over theirs.</source>
        <translation>Ärende nummer %1 sparades av någon annan efter att du öppnade det; din kopia sparades inte över deras.</translation>
    </message>
    <message>
        <source>Case number %1 was saved by someone else after you opened it, with other values in %2 of the fields you changed; choose which to keep. Nothing was saved yet.</source>
        <translation>Ärende nummer %1 sparades av någon annan efter att du öppnade det, med andra värden i %2 av fälten du ändrade; välj vilka som ska gälla. Ingenting är sparat ännu.</translation>
    </message>
    <message>
        <source>The disk is full: the backup could not be written to %1; the earlier backups are untouched. Free some space and try again.</source>
        <translation>Disken är full: säkerhetskopian kunde inte skrivas till %1; de tidigare säkerhetskopiorna är orörda. Frigör utrymme och försök igen.</translation>
    </message>
    <message>
        <source>The disk is full: the backup could not be restored into %1; the database was left as it was. Free some space and try again.</source>
        <translation>Disken är full: säkerhetskopian kunde inte återställas till %1; databasen lämnades som den var. Frigör utrymme och försök igen.</translation>
    </message>
    <message>
        <source>You may not do this (%1); the attempt was logged.</source>
        <translation>Du får inte göra det här (%1); försöket loggades.</translation>
    </message>
    <message>
        <source>You may not do this (%1 case %2); the attempt was logged. Ask your team lead if you should be responsible for the case.</source>
        <translation>Du får inte göra det här (%1 ärende %2); försöket loggades. Fråga din teamledare om du ska vara ansvarig för ärendet.</translation>
    </message>
    <message>
        <source>SST Desk cannot reach the server %1 right now; check the network and try again.</source>
        <translation>SST Desk når inte servern %1 just nu; kontrollera nätverket och försök igen.</translation>
    </message>
    <message>
        <source>The certificate of the server %1 is not trusted by this computer; get the server&apos;s CA file from your IT department and give it with --ca-file (nothing was sent).</source>
        <translation>Certifikatet för servern %1 är inte betrott av den här datorn; hämta serverns CA-fil från IT-avdelningen och ange den med --ca-file (ingenting skickades).</translation>
    </message>
    <message>
        <source>The server %1 answered with a certificate made out for another name; check the server address with your IT department (nothing was sent).</source>
        <translation>Servern %1 svarade med ett certifikat som är utfärdat för ett annat namn; kontrollera serverns adress med IT-avdelningen (ingenting skickades).</translation>
    </message>
    <message>
        <source>The CA file %1 cannot be used: it is missing or is not a PEM certificate file.</source>
        <translation>CA-filen %1 kan inte användas: den saknas eller är ingen PEM-certifikatfil.</translation>
    </message>
    <message>
        <source>The address %1 is not an https:// address: plain HTTP is not allowed, because case data would cross the network unencrypted.</source>
        <translation>Adressen %1 är ingen https://-adress: okrypterad HTTP är inte tillåten, eftersom ärendeuppgifter då skulle gå okrypterade över nätverket.</translation>
    </message>
    <message>
        <source>Your session on the server %1 has ended; sign in again.</source>
        <translation>Din session på servern %1 har upphört; logga in igen.</translation>
    </message>
    <message>
        <source>You must choose a new password before you can use the server %1: the one you signed in with was set by an administrator; nothing was done.</source>
        <translation>Du måste välja ett nytt lösenord innan du kan använda servern %1: det du loggade in med valdes av en administratör; ingenting gjordes.</translation>
    </message>
    <message>
        <source>The server %1 refused the request.</source>
        <translation>Servern %1 avvisade begäran.</translation>
    </message>
    <message>
        <source>The server %1 could not do this because of an error on the server (it is in the server&apos;s log); nothing was changed.</source>
        <translation>Servern %1 kunde inte göra detta på grund av ett fel på servern (det finns i serverns logg); ingenting ändrades.</translation>
    </message>
    <message>
        <source>The server %1 refused the request: %2</source>
        <translation>Servern %1 avvisade begäran: %2</translation>
    </message>
    <message>
        <source>The local copy of your cases on this computer (%1) cannot be read: it is damaged. Sign in when the server can be reached, and SST Desk makes a new copy; nothing was changed on the server.</source>
        <translation>Den lokala kopian av dina ärenden på den här datorn (%1) går inte att läsa: den är skadad. Logga in när servern går att nå, så gör SST Desk en ny kopia; ingenting ändrades på servern.</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>ÅÅÅÅ-MM-DD</translation>
    </message>
    <message>
        <source>Choose a date</source>
        <translation>Välj ett datum</translation>
    </message>
    <message>
        <source>Write the date as YYYY-MM-DD, for example 2026-11-22.</source>
        <translation>Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-11-22.</translation>
    </message>
    <message>
        <source>%1 is not a date: a month is numbered 01 to 12.</source>
        <translation>%1 är inget datum: månaderna numreras 01 till 12.</translation>
    </message>
    <message>
        <source>%1 is not a date (%2 has %3 days).</source>
        <translation>%1 är inget datum (%2 har %3 dagar).</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Something unexpected went wrong; your changes are still in the window. The details were written to the log.</source>
        <translation>Något oväntat gick fel; dina ändringar finns kvar i fönstret. Detaljerna har skrivits till loggen.</translation>
    </message>
    <message>
        <source>The case no longer exists. It may have been removed by someone else.</source>
        <translation>Ärendet finns inte längre. Det kan ha tagits bort av någon annan.</translation>
    </message>
    <message>
        <source>The database cannot be reached right now. Your changes are still in the window; try again.</source>
        <translation>Databasen går inte att nå just nu. Dina ändringar finns kvar i fönstret; försök igen.</translation>
    </message>
    <message>
        <source>The file %1 is not an SST Desk database, or it is damaged. Nothing was changed.</source>
        <translation>Filen %1 är ingen SST Desk-databas, eller så är den skadad. Inget har ändrats.</translation>
    </message>
    <message>
        <source>The disk is full: free some space and try again. Nothing was lost.</source>
        <translation>Disken är full: frigör utrymme och försök igen. Ingenting gick förlorat.</translation>
    </message>
    <message>
        <source>You do not have permission to do this.</source>
        <translation>Du har inte behörighet att göra det här.</translation>
    </message>
    <message>
        <source>The database %1 is on a network share or in a synced folder (such as OneDrive or Dropbox). There it can be damaged when two computers or the sync program write at the same time. Move it to a folder on this computer&apos;s own disk.</source>
        <translation>Databasen %1 ligger på en nätverksenhet eller i en synkroniserad mapp (till exempel OneDrive eller Dropbox). Där kan den skadas när två datorer eller synkprogrammet skriver samtidigt. Flytta den till en mapp på datorns egen disk.</translation>
    </message>
    <message>
        <source>The database %1 is damaged: it fails SQLite&apos;s integrity check. Nothing was changed.</source>
        <translation>Databasen %1 är skadad: den klarar inte SQLites integritetskontroll. Ingenting har ändrats.</translation>
    </message>
    <message>
        <source>The disk is full, so the backup could not be restored into %1. The database was left as it was. Free some space and try again.</source>
        <translation>Disken är full, så säkerhetskopian kunde inte återställas i %1. Databasen lämnades som den var. Frigör utrymme och försök igen.</translation>
    </message>
    <message>
        <source>The backup could not be restored into %1. The database was left as it was. Check that you may write to the folder.</source>
        <translation>Säkerhetskopian kunde inte återställas i %1. Databasen lämnades som den var. Kontrollera att du får skriva i mappen.</translation>
    </message>
    <message>
        <source>The disk is full, so the backup could not be written to %1. The earlier backups are untouched. Free some space and try again.</source>
        <translation>Disken är full, så säkerhetskopian kunde inte skrivas till %1. De tidigare säkerhetskopiorna är orörda. Frigör utrymme och försök igen.</translation>
    </message>
    <message>
        <source>The backup could not be written to %1. The earlier backups are untouched. Check that the folder exists and that you may write to it.</source>
        <translation>Säkerhetskopian kunde inte skrivas till %1. De tidigare säkerhetskopiorna är orörda. Kontrollera att mappen finns och att du får skriva i den.</translation>
    </message>
    <message>
        <source>SST Desk cannot write to the folder %1. Choose another location or ask IT to fix the folder&apos;s permissions. Nothing was changed.</source>
        <translation>SST Desk kan inte skriva till mappen %1. Välj en annan plats eller be IT rätta behörigheterna för mappen. Inget har ändrats.</translation>
    </message>
    <message>
        <source>The database %1 was made by a newer version of SST Desk. Update SST Desk to open it.</source>
        <translation>Databasen %1 har skapats av en nyare version av SST Desk. Uppdatera SST Desk för att öppna den.</translation>
    </message>
    <message>
        <source>Someone else saved this case after you opened it, so your copy was not saved over theirs. Your changes are still in the window: note what you need, close the window without saving and open the case again.</source>
        <translation>Någon annan har sparat ärendet efter att du öppnade det, så din version sparades inte över deras. Dina ändringar finns kvar i fönstret: anteckna det du behöver, stäng fönstret utan att spara och öppna ärendet igen.</translation>
    </message>
    <message>
        <source>At least one person must be responsible for the case. Nothing was changed.</source>
        <translation>Minst en person måste vara ansvarig för ärendet. Inget ändrades.</translation>
    </message>
    <message>
        <source>Acting without consent needs a stated legal ground. Nothing was changed.</source>
        <translation>Att agera utan samtycke kräver ett angivet lagstöd. Inget ändrades.</translation>
    </message>
    <message>
        <source>The case was not saved, because the process&apos;s rules do not allow it:
%1
Nothing was changed; your changes are still in the window.</source>
        <translation>Ärendet sparades inte, eftersom processens regler inte tillåter det:
%1
Inget ändrades; dina ändringar finns kvar i fönstret.</translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation>Filen kunde inte skrivas: %1</translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <source>%1 already exists; nothing was written. Choose another name (on the command line, --force replaces it).</source>
        <translation>%1 finns redan; ingenting skrevs. Välj ett annat namn (på kommandoraden ersätter --force filen).</translation>
    </message>
    <message>
        <source>%1 is a folder; give a file name in it. Nothing was written.</source>
        <translation>%1 är en mapp; ange ett filnamn i den. Ingenting skrevs.</translation>
    </message>
    <message>
        <source>%1 is not an ordinary file (a device, a pipe or a broken link); nothing was written.</source>
        <translation>%1 är ingen vanlig fil (en enhet, en pipe eller en trasig länk); ingenting skrevs.</translation>
    </message>
    <message>
        <source>%1 cannot be reached: its symbolic links go round in a loop. Nothing was written.</source>
        <translation>%1 går inte att nå: dess symboliska länkar går runt i en slinga. Ingenting skrevs.</translation>
    </message>
    <message>
        <source>%1 is a database, a key file or a backup; SST Desk never writes a document over it. Choose another name; nothing was written.</source>
        <translation>%1 är en databas, en nyckelfil eller en säkerhetskopia; SST Desk skriver aldrig ett dokument över den. Välj ett annat namn; ingenting skrevs.</translation>
    </message>
    <message>
        <source>The folder of %1 does not exist; nothing was written.</source>
        <translation>Mappen för %1 finns inte; ingenting skrevs.</translation>
    </message>
    <message>
        <source>The folder of %1 cannot be written to; nothing was written.</source>
        <translation>Det går inte att skriva i mappen för %1; ingenting skrevs.</translation>
    </message>
</context>
<context>
    <name>Form</name>
    <message>
        <source>HH:MM</source>
        <translation>TT:MM</translation>
    </message>
    <message>
        <source>Write the time as hours and minutes, for example 14:30.</source>
        <translation>Skriv tiden som timmar och minuter, till exempel 14:30.</translation>
    </message>
    <message>
        <source>Write a number, for example 12,5.</source>
        <translation>Skriv ett tal, till exempel 12,5.</translation>
    </message>
</context>
<context>
    <name>GallringDialog</name>
    <message>
        <source>(protected identity)</source>
        <translation>(skyddad identitet)</translation>
    </message>
    <message>
        <source>Gallring</source>
        <translation>Gallring</translation>
    </message>
    <message>
        <source>Cases due for gallring</source>
        <translation>Ärenden som ska gallras</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Elev</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Avslutat</translation>
    </message>
    <message>
        <source>Due since</source>
        <translation>Ska gallras sedan</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultat</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>Markera alla</translation>
    </message>
    <message>
        <source>Gallra…</source>
        <translation>Gallra…</translation>
    </message>
    <message>
        <source>Closed cases are kept %1 whole years after avslut or the boosterträff, whichever is later (the setting “Retention (years after avslut)”).</source>
        <translation>Avslutade ärenden sparas %1 hela år efter avslut eller boosterträff, det som kommer senast (inställningen ”Gallringsfrist (år efter avslut)”).</translation>
    </message>
    <message>
        <source>These have been kept longer and are due for gallring. Select the ones to delete.</source>
        <translation>De här ärendena har sparats längre och ska gallras. Markera de ärenden som ska tas bort.</translation>
    </message>
    <message>
        <source>An interrupted gallring was finished: older backups deleted: %1.</source>
        <translation>En avbruten gallring har slutförts: äldre säkerhetskopior borttagna: %1.</translation>
    </message>
    <message>
        <source>An interrupted gallring is still not finished: another program or another SST Desk has the database or a backup open. Close it and open Gallring again.</source>
        <translation>En avbruten gallring är fortfarande inte slutförd: ett annat program eller en annan SST Desk har databasen eller en säkerhetskopia öppen. Stäng den och öppna Gallring igen.</translation>
    </message>
    <message>
        <source>No case is due for gallring.</source>
        <translation>Inga ärenden ska gallras just nu.</translation>
    </message>
    <message>
        <source>Only a team lead can see and carry out gallring.</source>
        <translation>Bara en teamledare kan se och genomföra gallring.</translation>
    </message>
    <message>
        <source>Nothing was deleted: a window of one of these cases is still open.</source>
        <translation>Ingenting togs bort: ett av ärendena är fortfarande öppet i ett fönster.</translation>
    </message>
    <message>
        <source>Deleting the cases and clearing every trace of them…</source>
        <translation>Raderar ärendena och alla spår av dem…</translation>
    </message>
    <message>
        <source>Only a team lead can carry out gallring. Nothing was deleted.</source>
        <translation>Bara en teamledare kan genomföra gallring. Ingenting togs bort.</translation>
    </message>
    <message>
        <source>Some of the cases are no longer due for gallring (they may have been reopened). Nothing was deleted.</source>
        <translation>Några av ärendena ska inte längre gallras (de kan ha öppnats igen). Ingenting togs bort.</translation>
    </message>
    <message>
        <source>Cases deleted: %1. Students deleted (they had no other case): %2. A new backup was taken; older backups deleted: %3.</source>
        <translation>Borttagna ärenden: %1. Borttagna elever (de hade inget annat ärende): %2. En ny säkerhetskopia har gjorts; borttagna äldre säkerhetskopior: %3.</translation>
    </message>
    <message>
        <source>Copies of the database made outside SST Desk&apos;s backups folder (for example on a USB stick) must be deleted by hand.</source>
        <translation>Kopior av databasen som finns utanför SST Desks mapp för säkerhetskopior (till exempel på ett USB-minne) måste du ta bort för hand.</translation>
    </message>
    <message>
        <source>Some traces could not be cleared: another program or another SST Desk has the database or a backup open. Close it and press Retry.</source>
        <translation>Vissa rester kunde inte tas bort: ett annat program eller ett annat SST Desk har databasen eller en säkerhetskopia öppen. Stäng det och tryck på Försök igen.</translation>
    </message>
    <message>
        <source>Gallring not finished</source>
        <translation>Gallringen är inte klar</translation>
    </message>
    <message>
        <source>Gallring done</source>
        <translation>Gallringen är klar</translation>
    </message>
</context>
<context>
    <name>GenomforandePage</name>
    <message>
        <source>Contact log</source>
        <translation>Kontaktlogg</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Who took part</source>
        <translation>Deltagare</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>Vad som gjordes</translation>
    </message>
    <message>
        <source>Written by</source>
        <translation>Dokumenterad av</translation>
    </message>
    <message>
        <source>Add contact</source>
        <translation>Lägg till kontakt</translation>
    </message>
    <message>
        <source>Edit contact</source>
        <translation>Ändra kontakt</translation>
    </message>
    <message>
        <source>No contact logged yet.</source>
        <translation>Ingen kontakt är loggad än.</translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <source>History</source>
        <translation>Historik</translation>
    </message>
    <message>
        <source>When</source>
        <translation>När</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Från</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Till</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Av</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>No step taken yet.</source>
        <translation>Inget steg har tagits än.</translation>
    </message>
</context>
<context>
    <name>InskrivningPage</name>
    <message>
        <source>Guardians and consent</source>
        <translation>Vårdnadshavare och samtycke</translation>
    </message>
    <message>
        <source>The student and every guardian who must consent sign their own consent.</source>
        <translation>Eleven och varje vårdnadshavare som ska samtycka skriver under sitt eget samtycke.</translation>
    </message>
    <message>
        <source>Guardians</source>
        <translation>Vårdnadshavare</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>Relation</translation>
    </message>
    <message>
        <source>Telephone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-post</translation>
    </message>
    <message>
        <source>Must consent</source>
        <translation>Ska samtycka</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nej</translation>
    </message>
    <message>
        <source>Interpreter</source>
        <translation>Tolk</translation>
    </message>
    <message>
        <source>Add guardian</source>
        <translation>Lägg till vårdnadshavare</translation>
    </message>
    <message>
        <source>Edit guardian</source>
        <translation>Ändra vårdnadshavare</translation>
    </message>
    <message>
        <source>Remove guardian</source>
        <translation>Ta bort vårdnadshavare</translation>
    </message>
    <message>
        <source>No guardian registered yet.</source>
        <translation>Ingen vårdnadshavare är registrerad än.</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>Samtycken</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>Undertecknat av</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>Parter</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>Lämnat</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Gäller till</translation>
    </message>
    <message>
        <source>until further notice</source>
        <translation>tills vidare</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Add consent</source>
        <translation>Lägg till samtycke</translation>
    </message>
    <message>
        <source>Edit consent</source>
        <translation>Ändra samtycke</translation>
    </message>
    <message>
        <source>Withdraw consent</source>
        <translation>Återkalla samtycke</translation>
    </message>
    <message>
        <source>No consent recorded yet.</source>
        <translation>Inget samtycke är registrerat än.</translation>
    </message>
    <message>
        <source>Withdrawn %1</source>
        <translation>Återkallat %1</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Har gått ut</translation>
    </message>
    <message>
        <source>Not yet in force</source>
        <translation>Gäller inte än</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>Gäller</translation>
    </message>
    <message>
        <source>Relation to the student</source>
        <translation>Relation till eleven</translation>
    </message>
    <message>
        <source>e.g. mother, father</source>
        <translation>t.ex. mamma, pappa</translation>
    </message>
    <message>
        <source>name@example.se</source>
        <translation>namn@exempel.se</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adress</translation>
    </message>
    <message>
        <source>Interpreter language</source>
        <translation>Tolkspråk</translation>
    </message>
    <message>
        <source>Leave empty if no interpreter is needed</source>
        <translation>Lämna tomt om tolk inte behövs</translation>
    </message>
    <message>
        <source>Must consent (has custody)</source>
        <translation>Ska samtycka (har vårdnaden)</translation>
    </message>
    <message>
        <source>Remove %1 from the student&apos;s guardians?</source>
        <translation>Ta bort %1 från elevens vårdnadshavare?</translation>
    </message>
    <message>
        <source>The student %1</source>
        <translation>Eleven %1</translation>
    </message>
    <message>
        <source>May share information</source>
        <translation>Får dela information</translation>
    </message>
    <message>
        <source>What may be shared</source>
        <translation>Vad som får delas</translation>
    </message>
    <message>
        <source>Given on</source>
        <translation>Lämnat den</translation>
    </message>
    <message>
        <source>Leave empty if the consent is not limited in time.</source>
        <translation>Lämna tomt om samtycket inte är tidsbegränsat.</translation>
    </message>
    <message>
        <source>Withdrawn on</source>
        <translation>Återkallat den</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
</context>
<context>
    <name>KartlaggningPage</name>
    <message>
        <source>Documents</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Begärt</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Mottaget</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
    <message>
        <source>Edit document</source>
        <translation>Ändra dokument</translation>
    </message>
    <message>
        <source>Add other document</source>
        <translation>Lägg till annat dokument</translation>
    </message>
    <message>
        <source>Clear document</source>
        <translation>Töm dokumentraden</translation>
    </message>
    <message>
        <source>Notes on %1</source>
        <translation>Anteckningar om %1</translation>
    </message>
    <message>
        <source>Protective factors to strengthen</source>
        <translation>Skyddsfaktorer att stärka</translation>
    </message>
    <message>
        <source>Protective factors</source>
        <translation>Skyddsfaktorer</translation>
    </message>
    <message>
        <source>Notes on protective factors</source>
        <translation>Anteckningar om skyddsfaktorer</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Sammanfattning</translation>
    </message>
    <message>
        <source>The guardians&apos; view</source>
        <translation>Vårdnadshavarnas syn</translation>
    </message>
    <message>
        <source>Summary of the assessment</source>
        <translation>Sammanfattning av kartläggningen</translation>
    </message>
    <message>
        <source>Needed before the planning can start.</source>
        <translation>Behövs innan planeringen kan börja.</translation>
    </message>
    <message>
        <source>Not requested</source>
        <translation>Ej begärt</translation>
    </message>
    <message>
        <source>Kind of document</source>
        <translation>Typ av dokument</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Annat</translation>
    </message>
    <message>
        <source>Name, if other</source>
        <translation>Namn, om annat</translation>
    </message>
    <message>
        <source>Requested on</source>
        <translation>Begärt den</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>Mottaget den</translation>
    </message>
    <message>
        <source>Clear the dates and note of “%1”?</source>
        <translation>Ta bort datum och anteckning för ”%1”?</translation>
    </message>
</context>
<context>
    <name>KeyFigures</name>
    <message>
        <source>This term</source>
        <translation>Denna termin</translation>
    </message>
    <message>
        <source>Absence</source>
        <translation>Frånvaro</translation>
    </message>
    <message>
        <source>Valid absence</source>
        <translation>Giltig frånvaro</translation>
    </message>
    <message>
        <source>Invalid absence</source>
        <translation>Ogiltig frånvaro</translation>
    </message>
    <message>
        <source>Longest continuous absence</source>
        <translation>Längsta sammanhängande frånvaro</translation>
    </message>
    <message>
        <source>Scattered absence (ströfrånvaro)</source>
        <translation>Ströfrånvaro</translation>
    </message>
    <message>
        <source>Baseline at enrolment</source>
        <translation>Utgångsläge vid inskrivning</translation>
    </message>
    <message>
        <source>Change since enrolment</source>
        <translation>Förändring sedan inskrivning</translation>
    </message>
    <message>
        <source>This term (%1)</source>
        <translation>Denna termin (%1)</translation>
    </message>
    <message>
        <source>From the baseline %1 to the last weeks, %2</source>
        <translation>Från utgångsläget %1 till de senaste veckorna, %2</translation>
    </message>
    <message>
        <source>Over %1 % this term</source>
        <translation>Över %1 % denna termin</translation>
    </message>
    <message numerus="yes">
        <source>%n week(s)</source>
        <translation>
            <numerusform>%n vecka</numerusform>
            <numerusform>%n veckor</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n school day(s)</source>
        <translation>
            <numerusform>%n skoldag</numerusform>
            <numerusform>%n skoldagar</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 occasions</source>
        <translation>%1 av %2 tillfällen</translation>
    </message>
    <message>
        <source>a pattern of scattered absence</source>
        <translation>ett mönster av ströfrånvaro</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Preschool class</source>
        <translation>Förskoleklass</translation>
    </message>
    <message>
        <source>Upper secondary year %1</source>
        <translation>Gymnasiet år %1</translation>
    </message>
    <message>
        <source>Referral to the team</source>
        <comment>Stage</comment>
        <translation>Aktualisering</translation>
    </message>
    <message>
        <source>Enrolment</source>
        <comment>Stage</comment>
        <translation>Inskrivning</translation>
    </message>
    <message>
        <source>Assessment</source>
        <comment>Stage</comment>
        <translation>Kartläggning</translation>
    </message>
    <message>
        <source>Planning</source>
        <comment>Stage</comment>
        <translation>Planering</translation>
    </message>
    <message>
        <source>Implementation</source>
        <comment>Stage</comment>
        <translation>Genomförande</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <comment>Stage</comment>
        <translation>Uppföljning</translation>
    </message>
    <message>
        <source>Closed</source>
        <comment>Stage</comment>
        <translation>Avslutad</translation>
    </message>
    <message>
        <source>Booster session</source>
        <comment>Stage</comment>
        <translation>Vidmakthållande</translation>
    </message>
    <message>
        <source>Level 1 – promoting attendance</source>
        <comment>Level</comment>
        <translation>Nivå 1 – närvarofrämjande</translation>
    </message>
    <message>
        <source>Level 2 – preventive</source>
        <comment>Level</comment>
        <translation>Nivå 2 – förebyggande</translation>
    </message>
    <message>
        <source>Level 3 – remedial</source>
        <comment>Level</comment>
        <translation>Nivå 3 – åtgärdande</translation>
    </message>
    <message>
        <source>Without needs assessment</source>
        <comment>Assessment</comment>
        <translation>Utan behovsprövning</translation>
    </message>
    <message>
        <source>After investigation and decision</source>
        <comment>Assessment</comment>
        <translation>Efter utredning och beslut</translation>
    </message>
    <message>
        <source>School</source>
        <comment>RaisedBy</comment>
        <translation>Skolan</translation>
    </message>
    <message>
        <source>Student health team</source>
        <comment>RaisedBy</comment>
        <translation>Elevhälsan</translation>
    </message>
    <message>
        <source>Guardian</source>
        <comment>RaisedBy</comment>
        <translation>Vårdnadshavare</translation>
    </message>
    <message>
        <source>The student</source>
        <comment>RaisedBy</comment>
        <translation>Eleven själv</translation>
    </message>
    <message>
        <source>Social services</source>
        <comment>RaisedBy</comment>
        <translation>Socialtjänsten</translation>
    </message>
    <message>
        <source>Someone else</source>
        <comment>RaisedBy</comment>
        <translation>Annan</translation>
    </message>
    <message>
        <source>Girl</source>
        <comment>Gender</comment>
        <translation>Flicka</translation>
    </message>
    <message>
        <source>Boy</source>
        <comment>Gender</comment>
        <translation>Pojke</translation>
    </message>
    <message>
        <source>Other</source>
        <comment>Gender</comment>
        <translation>Annat</translation>
    </message>
    <message>
        <source>Not stated</source>
        <comment>Gender</comment>
        <translation>Ej angivet</translation>
    </message>
    <message>
        <source>Absence investigation</source>
        <comment>SchoolMeasure</comment>
        <translation>Frånvaroutredning</translation>
    </message>
    <message>
        <source>Adjustments</source>
        <comment>SchoolMeasure</comment>
        <translation>Extra anpassningar</translation>
    </message>
    <message>
        <source>Special support</source>
        <comment>SchoolMeasure</comment>
        <translation>Särskilt stöd</translation>
    </message>
    <message>
        <source>Action programme</source>
        <comment>SchoolMeasure</comment>
        <translation>Åtgärdsprogram</translation>
    </message>
    <message>
        <source>Student health meeting</source>
        <comment>SchoolMeasure</comment>
        <translation>Elevhälsomöte</translation>
    </message>
    <message>
        <source>Contact with guardians</source>
        <comment>SchoolMeasure</comment>
        <translation>Kontakt med vårdnadshavare</translation>
    </message>
    <message>
        <source>Student</source>
        <comment>SignerKind</comment>
        <translation>Elev</translation>
    </message>
    <message>
        <source>Guardian</source>
        <comment>SignerKind</comment>
        <translation>Vårdnadshavare</translation>
    </message>
    <message>
        <source>School</source>
        <comment>Party</comment>
        <translation>Skolan</translation>
    </message>
    <message>
        <source>Student health team</source>
        <comment>Party</comment>
        <translation>Elevhälsan</translation>
    </message>
    <message>
        <source>Social services</source>
        <comment>Party</comment>
        <translation>Socialtjänsten</translation>
    </message>
    <message>
        <source>Region (child psychiatry, health centre, habilitation)</source>
        <comment>Party</comment>
        <translation>Regionen (BUP, vårdcentral, habilitering)</translation>
    </message>
    <message>
        <source>Other party</source>
        <comment>Party</comment>
        <translation>Annan part</translation>
    </message>
    <message>
        <source>Action programmes</source>
        <comment>DocumentKind</comment>
        <translation>Åtgärdsprogram</translation>
    </message>
    <message>
        <source>Pedagogical assessments</source>
        <comment>DocumentKind</comment>
        <translation>Pedagogiska utredningar</translation>
    </message>
    <message>
        <source>Reports of degrading treatment</source>
        <comment>DocumentKind</comment>
        <translation>Anmälningar om kränkningar</translation>
    </message>
    <message>
        <source>Parents&apos; documented views</source>
        <comment>DocumentKind</comment>
        <translation>Föräldrars dokumenterade synpunkter</translation>
    </message>
    <message>
        <source>Reports to the Schools Inspectorate</source>
        <comment>DocumentKind</comment>
        <translation>Anmälningar till Skolinspektionen</translation>
    </message>
    <message>
        <source>Registered attendance</source>
        <comment>DocumentKind</comment>
        <translation>Registrerad skolnärvaro</translation>
    </message>
    <message>
        <source>Goal attainment and grades</source>
        <comment>DocumentKind</comment>
        <translation>Måluppfyllelse och betyg</translation>
    </message>
    <message>
        <source>Documented adjustments</source>
        <comment>DocumentKind</comment>
        <translation>Dokumenterade anpassningar</translation>
    </message>
    <message>
        <source>Individual development plan (IUP)</source>
        <comment>DocumentKind</comment>
        <translation>Individuell utvecklingsplan (IUP)</translation>
    </message>
    <message>
        <source>Complaints handling</source>
        <comment>DocumentKind</comment>
        <translation>Klagomålshantering</translation>
    </message>
    <message>
        <source>Earlier social services investigations</source>
        <comment>DocumentKind</comment>
        <translation>Tidigare socialtjänstutredningar</translation>
    </message>
    <message>
        <source>School-related factors</source>
        <comment>FactorGroup</comment>
        <translation>Skolrelaterade faktorer</translation>
    </message>
    <message>
        <source>Individual factors</source>
        <comment>FactorGroup</comment>
        <translation>Individrelaterade faktorer</translation>
    </message>
    <message>
        <source>Family factors</source>
        <comment>FactorGroup</comment>
        <translation>Familjerelaterade faktorer</translation>
    </message>
    <message>
        <source>Further factors</source>
        <comment>FactorGroup</comment>
        <translation>Ytterligare faktorer</translation>
    </message>
    <message>
        <source>Bullying</source>
        <comment>Factor</comment>
        <translation>Mobbning</translation>
    </message>
    <message>
        <source>Social climate</source>
        <comment>Factor</comment>
        <translation>Socialt klimat</translation>
    </message>
    <message>
        <source>Physical environment</source>
        <comment>Factor</comment>
        <translation>Fysisk miljö och arbetsmiljö</translation>
    </message>
    <message>
        <source>Teaching situation</source>
        <comment>Factor</comment>
        <translation>Den pedagogiska situationen</translation>
    </message>
    <message>
        <source>Need for support and adjustment</source>
        <comment>Factor</comment>
        <translation>Behov av stöd och anpassning</translation>
    </message>
    <message>
        <source>Anxiety</source>
        <comment>Factor</comment>
        <translation>Ångest</translation>
    </message>
    <message>
        <source>Neurodevelopmental disorder</source>
        <comment>Factor</comment>
        <translation>Neuropsykiatrisk funktionsnedsättning (NPF)</translation>
    </message>
    <message>
        <source>Depression or low mood</source>
        <comment>Factor</comment>
        <translation>Depression eller nedstämdhet</translation>
    </message>
    <message>
        <source>Parents&apos; own school experiences</source>
        <comment>Factor</comment>
        <translation>Föräldrars egna skolerfarenheter</translation>
    </message>
    <message>
        <source>Trust</source>
        <comment>Factor</comment>
        <translation>Förtroende</translation>
    </message>
    <message>
        <source>Communication and interaction in the family</source>
        <comment>Factor</comment>
        <translation>Kommunikation och samspel i familjen</translation>
    </message>
    <message>
        <source>Practical means to support the child</source>
        <comment>Factor</comment>
        <translation>Praktiska möjligheter att stötta barnet</translation>
    </message>
    <message>
        <source>Peer factors</source>
        <comment>Factor</comment>
        <translation>Kamratfaktorer</translation>
    </message>
    <message>
        <source>Medical causes</source>
        <comment>Factor</comment>
        <translation>Medicinska orsaker</translation>
    </message>
    <message>
        <source>Earlier interventions</source>
        <comment>Factor</comment>
        <translation>Tidigare insatser</translation>
    </message>
    <message>
        <source>Obstacles and resources</source>
        <comment>Factor</comment>
        <translation>Hinder och resurser</translation>
    </message>
    <message>
        <source>School attendance</source>
        <comment>ProtectiveFactor</comment>
        <translation>Skolnärvaro</translation>
    </message>
    <message>
        <source>School connectedness</source>
        <comment>ProtectiveFactor</comment>
        <translation>Skolanknytning</translation>
    </message>
    <message>
        <source>Parents&apos; involvement in schooling</source>
        <comment>ProtectiveFactor</comment>
        <translation>Föräldrars engagemang i skolgången</translation>
    </message>
    <message>
        <source>Trusting relationship</source>
        <comment>ProtectiveFactor</comment>
        <translation>Tillitsfull relation</translation>
    </message>
    <message>
        <source>Continuity and school stability</source>
        <comment>ProtectiveFactor</comment>
        <translation>Kontinuitet och skolstabilitet</translation>
    </message>
    <message>
        <source>Structured leisure activities</source>
        <comment>ProtectiveFactor</comment>
        <translation>Strukturerade fritidsaktiviteter</translation>
    </message>
    <message>
        <source>Social skills and peer relations</source>
        <comment>ProtectiveFactor</comment>
        <translation>Sociala färdigheter och kamratrelationer</translation>
    </message>
    <message>
        <source>School attendance</source>
        <comment>GoalArea</comment>
        <translation>Skolnärvaro</translation>
    </message>
    <message>
        <source>School results</source>
        <comment>GoalArea</comment>
        <translation>Skolresultat</translation>
    </message>
    <message>
        <source>Well-being at school</source>
        <comment>GoalArea</comment>
        <translation>Trivsel i skolan</translation>
    </message>
    <message>
        <source>Health</source>
        <comment>GoalArea</comment>
        <translation>Hälsa</translation>
    </message>
    <message>
        <source>Family</source>
        <comment>GoalArea</comment>
        <translation>Familj</translation>
    </message>
    <message>
        <source>Leisure</source>
        <comment>GoalArea</comment>
        <translation>Fritid</translation>
    </message>
    <message>
        <source>Other area</source>
        <comment>GoalArea</comment>
        <translation>Annat</translation>
    </message>
    <message>
        <source>School</source>
        <comment>Authority</comment>
        <translation>Skolan</translation>
    </message>
    <message>
        <source>Social services</source>
        <comment>Authority</comment>
        <translation>Socialtjänsten</translation>
    </message>
    <message>
        <source>Guardian</source>
        <comment>Authority</comment>
        <translation>Vårdnadshavare</translation>
    </message>
    <message>
        <source>The student</source>
        <comment>Authority</comment>
        <translation>Eleven</translation>
    </message>
    <message>
        <source>Region (child psychiatry, health centre, habilitation)</source>
        <comment>Authority</comment>
        <translation>Regionen (BUP, vårdcentral, habilitering)</translation>
    </message>
    <message>
        <source>Other actor</source>
        <comment>Authority</comment>
        <translation>Annan aktör</translation>
    </message>
    <message>
        <source>In force</source>
        <comment>PlanStatus</comment>
        <translation>Gällande</translation>
    </message>
    <message>
        <source>Replaced by a later version</source>
        <comment>PlanStatus</comment>
        <translation>Ersatt av en senare version</translation>
    </message>
    <message>
        <source>Achieved</source>
        <comment>Rating</comment>
        <translation>Uppnått</translation>
    </message>
    <message>
        <source>Partly achieved</source>
        <comment>Rating</comment>
        <translation>Delvis uppnått</translation>
    </message>
    <message>
        <source>Not achieved</source>
        <comment>Rating</comment>
        <translation>Ej uppnått</translation>
    </message>
    <message>
        <source>Meeting</source>
        <comment>ContactKind</comment>
        <translation>Möte</translation>
    </message>
    <message>
        <source>Telephone</source>
        <comment>ContactKind</comment>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Home visit</source>
        <comment>ContactKind</comment>
        <translation>Hembesök</translation>
    </message>
    <message>
        <source>Online meeting</source>
        <comment>ContactKind</comment>
        <translation>Digitalt möte</translation>
    </message>
    <message>
        <source>School visit</source>
        <comment>ContactKind</comment>
        <translation>Skolbesök</translation>
    </message>
    <message>
        <source>Message</source>
        <comment>ContactKind</comment>
        <translation>Meddelande</translation>
    </message>
    <message>
        <source>School change</source>
        <comment>EventKind</comment>
        <translation>Skolbyte</translation>
    </message>
    <message>
        <source>Placement</source>
        <comment>EventKind</comment>
        <translation>Placering</translation>
    </message>
    <message>
        <source>Illness</source>
        <comment>EventKind</comment>
        <translation>Sjukdom</translation>
    </message>
    <message>
        <source>Family event</source>
        <comment>EventKind</comment>
        <translation>Händelse i familjen</translation>
    </message>
    <message>
        <source>Holiday or leave</source>
        <comment>EventKind</comment>
        <translation>Lov eller ledighet</translation>
    </message>
    <message>
        <source>Other event</source>
        <comment>EventKind</comment>
        <translation>Annan händelse</translation>
    </message>
    <message>
        <source>Goals achieved</source>
        <comment>ClosingReason</comment>
        <translation>Målen är uppnådda</translation>
    </message>
    <message>
        <source>Referred on</source>
        <comment>ClosingReason</comment>
        <translation>Hänvisad vidare</translation>
    </message>
    <message>
        <source>Moved</source>
        <comment>ClosingReason</comment>
        <translation>Har flyttat</translation>
    </message>
    <message>
        <source>Declined the support</source>
        <comment>ClosingReason</comment>
        <translation>Har avböjt stödet</translation>
    </message>
    <message>
        <source>Does not meet the criteria</source>
        <comment>ClosingReason</comment>
        <translation>Uppfyller inte kriterierna</translation>
    </message>
    <message>
        <source>Other reason</source>
        <comment>ClosingReason</comment>
        <translation>Annat skäl</translation>
    </message>
    <message>
        <source>Referral elsewhere</source>
        <comment>ReferralKind</comment>
        <translation>Hänvisning</translation>
    </message>
    <message>
        <source>Report of concern to social services</source>
        <comment>ReferralKind</comment>
        <translation>Orosanmälan till socialtjänsten</translation>
    </message>
    <message>
        <source>Application to social services</source>
        <comment>ReferralKind</comment>
        <translation>Ansökan till socialtjänsten</translation>
    </message>
    <message>
        <source>Coordinated individual plan (SIP)</source>
        <comment>ReferralKind</comment>
        <translation>Samordnad individuell plan (SIP)</translation>
    </message>
    <message>
        <source>Eligible for upper secondary school</source>
        <comment>Behorighet</comment>
        <translation>Behörig till gymnasiet</translation>
    </message>
    <message>
        <source>Not eligible for upper secondary school</source>
        <comment>Behorighet</comment>
        <translation>Inte behörig till gymnasiet</translation>
    </message>
    <message>
        <source>Not known</source>
        <comment>Behorighet</comment>
        <translation>Okänt</translation>
    </message>
    <message>
        <source>Follow-up overdue</source>
        <comment>Attention</comment>
        <translation>Uppföljning försenad</translation>
    </message>
    <message>
        <source>Consent expires soon</source>
        <comment>Attention</comment>
        <translation>Samtycket går snart ut</translation>
    </message>
    <message>
        <source>Booster session due</source>
        <comment>Attention</comment>
        <translation>Dags för boosterträff</translation>
    </message>
    <message>
        <source>Consent missing</source>
        <comment>Attention</comment>
        <translation>Samtycke saknas</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <comment>DueKind</comment>
        <translation>Uppföljning</translation>
    </message>
    <message>
        <source>Booster session</source>
        <comment>DueKind</comment>
        <translation>Boosterträff</translation>
    </message>
    <message>
        <source>Consent expires</source>
        <comment>DueKind</comment>
        <translation>Samtycket går ut</translation>
    </message>
    <message>
        <source>Intervention ends</source>
        <comment>DueKind</comment>
        <translation>Insatsen slutar</translation>
    </message>
    <message>
        <source>Enrol the student</source>
        <comment>Move</comment>
        <translation>Skriv in eleven</translation>
    </message>
    <message>
        <source>Close: does not meet the criteria</source>
        <comment>Move</comment>
        <translation>Avsluta: uppfyller inte kriterierna</translation>
    </message>
    <message>
        <source>Start the assessment</source>
        <comment>Move</comment>
        <translation>Påbörja kartläggningen</translation>
    </message>
    <message>
        <source>Close: the family declined</source>
        <comment>Move</comment>
        <translation>Avsluta: familjen avböjde</translation>
    </message>
    <message>
        <source>Assessment done: plan</source>
        <comment>Move</comment>
        <translation>Kartläggningen klar: planera</translation>
    </message>
    <message>
        <source>Start the plan</source>
        <comment>Move</comment>
        <translation>Påbörja genomförandet</translation>
    </message>
    <message>
        <source>Close: referred on</source>
        <comment>Move</comment>
        <translation>Avsluta: hänvisad vidare</translation>
    </message>
    <message>
        <source>Start the follow-up</source>
        <comment>Move</comment>
        <translation>Påbörja uppföljningen</translation>
    </message>
    <message>
        <source>Continue with the same plan</source>
        <comment>Move</comment>
        <translation>Fortsätt med samma plan</translation>
    </message>
    <message>
        <source>Revise the plan</source>
        <comment>Move</comment>
        <translation>Revidera planen</translation>
    </message>
    <message>
        <source>Close the case</source>
        <comment>Move</comment>
        <translation>Avsluta ärendet</translation>
    </message>
    <message>
        <source>Book the booster session</source>
        <comment>Move</comment>
        <translation>Boka boosterträff</translation>
    </message>
    <message>
        <source>School social worker (skolsocionom)</source>
        <comment>Role</comment>
        <translation>Skolsocionom</translation>
    </message>
    <message>
        <source>Kurator / specialpedagog</source>
        <comment>Role</comment>
        <translation>Kurator/specialpedagog</translation>
    </message>
    <message>
        <source>Team lead (teamledare)</source>
        <comment>Role</comment>
        <translation>Teamledare</translation>
    </message>
    <message>
        <source>Administrator</source>
        <comment>Role</comment>
        <translation>Administratör</translation>
    </message>
    <message>
        <source>School</source>
        <comment>Dimension</comment>
        <translation>Skola</translation>
    </message>
    <message>
        <source>Year</source>
        <comment>Dimension</comment>
        <translation>Årskurs</translation>
    </message>
    <message>
        <source>Gender</source>
        <comment>Dimension</comment>
        <translation>Kön</translation>
    </message>
    <message>
        <source>Level</source>
        <comment>Dimension</comment>
        <translation>Nivå</translation>
    </message>
    <message>
        <source>With or without needs assessment</source>
        <comment>Dimension</comment>
        <translation>Med eller utan behovsprövning</translation>
    </message>
    <message>
        <source>Responsible worker</source>
        <comment>Dimension</comment>
        <translation>Ansvarig handläggare</translation>
    </message>
    <message>
        <source>Signed in</source>
        <comment>LogAction</comment>
        <translation>Loggade in</translation>
    </message>
    <message>
        <source>Failed sign-in</source>
        <comment>LogAction</comment>
        <translation>Misslyckad inloggning</translation>
    </message>
    <message>
        <source>Signed out</source>
        <comment>LogAction</comment>
        <translation>Loggade ut</translation>
    </message>
    <message>
        <source>Locked the program</source>
        <comment>LogAction</comment>
        <translation>Låste programmet</translation>
    </message>
    <message>
        <source>Unlocked the program</source>
        <comment>LogAction</comment>
        <translation>Låste upp programmet</translation>
    </message>
    <message>
        <source>Listed the cases</source>
        <comment>LogAction</comment>
        <translation>Visade ärendelistan</translation>
    </message>
    <message>
        <source>Opened the case</source>
        <comment>LogAction</comment>
        <translation>Öppnade ärendet</translation>
    </message>
    <message>
        <source>Registered the case</source>
        <comment>LogAction</comment>
        <translation>Registrerade ärendet</translation>
    </message>
    <message>
        <source>Changed the case</source>
        <comment>LogAction</comment>
        <translation>Ändrade i ärendet</translation>
    </message>
    <message>
        <source>Printed</source>
        <comment>LogAction</comment>
        <translation>Skrev ut</translation>
    </message>
    <message>
        <source>Handed out information</source>
        <comment>LogAction</comment>
        <translation>Lämnade ut uppgifter</translation>
    </message>
    <message>
        <source>Deleted information (gallring)</source>
        <comment>LogAction</comment>
        <translation>Gallrade uppgifter</translation>
    </message>
    <message>
        <source>Changed who is responsible for the case</source>
        <comment>LogAction</comment>
        <translation>Ändrade vem som ansvarar för ärendet</translation>
    </message>
    <message>
        <source>Went on without consent, on a legal ground</source>
        <comment>LogAction</comment>
        <translation>Gick vidare utan samtycke, med stöd av lag</translation>
    </message>
    <message>
        <source>Access denied</source>
        <comment>LogAction</comment>
        <translation>Nekades åtkomst</translation>
    </message>
    <message>
        <source>Read the access log</source>
        <comment>LogAction</comment>
        <translation>Tog del av åtkomstloggen</translation>
    </message>
    <message>
        <source>Sample check of the access log</source>
        <comment>LogAction</comment>
        <translation>Stickprovskontroll av åtkomstloggen</translation>
    </message>
    <message>
        <source>Saved the access log&apos;s check value</source>
        <comment>LogAction</comment>
        <translation>Sparade åtkomstloggens kontrollvärde</translation>
    </message>
    <message>
        <source>Created a user account</source>
        <comment>LogAction</comment>
        <translation>Skapade ett användarkonto</translation>
    </message>
    <message>
        <source>Changed a user account</source>
        <comment>LogAction</comment>
        <translation>Ändrade ett användarkonto</translation>
    </message>
    <message>
        <source>Changed password</source>
        <comment>LogAction</comment>
        <translation>Bytte lösenord</translation>
    </message>
    <message>
        <source>Reset a password</source>
        <comment>LogAction</comment>
        <translation>Återställde ett lösenord</translation>
    </message>
    <message>
        <source>Took a backup</source>
        <comment>LogAction</comment>
        <translation>Tog en säkerhetskopia</translation>
    </message>
    <message>
        <source>Restored a backup</source>
        <comment>LogAction</comment>
        <translation>Återställde en säkerhetskopia</translation>
    </message>
    <message>
        <source>Imported attendance</source>
        <comment>LogAction</comment>
        <translation>Importerade närvaro</translation>
    </message>
    <message>
        <source>Changed the team&apos;s settings</source>
        <comment>LogAction</comment>
        <translation>Ändrade teamets inställningar</translation>
    </message>
    <message>
        <source>Viewed the team&apos;s statistics</source>
        <comment>LogAction</comment>
        <translation>Visade teamets statistik</translation>
    </message>
    <message>
        <source>Copied the case to their computer for offline work</source>
        <comment>LogAction</comment>
        <translation>Kopierade ärendet till sin dator för arbete offline</translation>
    </message>
    <message>
        <source>Found the log tampered with (its record of the newest entry was deleted)</source>
        <comment>LogAction</comment>
        <translation>Upptäckte att loggen manipulerats (uppgiften om den senaste posten var borttagen)</translation>
    </message>
    <message>
        <source>Protected the log with the server&apos;s secret key</source>
        <comment>LogAction</comment>
        <translation>Skyddade loggen med serverns hemliga nyckel</translation>
    </message>
    <message>
        <source>Students enrolled at some time in the period</source>
        <comment>StatsTable</comment>
        <translation>Elever inskrivna i teamet under perioden</translation>
    </message>
    <message>
        <source>New cases (referrals to the team)</source>
        <comment>StatsTable</comment>
        <translation>Nya ärenden (aktualiseringar)</translation>
    </message>
    <message>
        <source>New enrolments</source>
        <comment>StatsTable</comment>
        <translation>Nya inskrivningar</translation>
    </message>
    <message>
        <source>Students whose case was closed</source>
        <comment>StatsTable</comment>
        <translation>Avslutade ärenden (utskrivna elever)</translation>
    </message>
    <message>
        <source>Booster sessions planned</source>
        <comment>StatsTable</comment>
        <translation>Planerade boosterträffar</translation>
    </message>
    <message>
        <source>Booster sessions held</source>
        <comment>StatsTable</comment>
        <translation>Genomförda boosterträffar</translation>
    </message>
    <message>
        <source>Students in each stage today (open cases)</source>
        <comment>StatsTable</comment>
        <translation>Elever per steg i dag (pågående ärenden)</translation>
    </message>
    <message>
        <source>Who raised the case</source>
        <comment>StatsTable</comment>
        <translation>Vem som aktualiserade ärendet</translation>
    </message>
    <message>
        <source>Reasons for closing</source>
        <comment>StatsTable</comment>
        <translation>Skäl till avslut</translation>
    </message>
    <message>
        <source>Referrals, reports, applications and SIP</source>
        <comment>StatsTable</comment>
        <translation>Hänvisningar, anmälningar, ansökningar och SIP</translation>
    </message>
    <message>
        <source>Goals by rating</source>
        <comment>StatsTable</comment>
        <translation>Mål efter bedömning</translation>
    </message>
    <message>
        <source>Upper secondary eligibility at closing (year 9)</source>
        <comment>StatsTable</comment>
        <translation>Gymnasiebehörighet vid avslut (årskurs 9)</translation>
    </message>
    <message>
        <source>All students</source>
        <comment>StatsCode</comment>
        <translation>Alla elever</translation>
    </message>
    <message>
        <source>All</source>
        <comment>StatsCode</comment>
        <translation>Alla</translation>
    </message>
    <message>
        <source>Total</source>
        <comment>StatsCode</comment>
        <translation>Totalt</translation>
    </message>
    <message>
        <source>Not known</source>
        <comment>StatsCode</comment>
        <translation>Uppgift saknas</translation>
    </message>
    <message>
        <source>Not rated</source>
        <comment>StatsCode</comment>
        <translation>Ej bedömt</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <comment>StatsCode</comment>
        <translation>Ej registrerat</translation>
    </message>
    <message>
        <source>Other areas</source>
        <comment>StatsCode</comment>
        <translation>Övriga områden</translation>
    </message>
    <message>
        <source>Change in absence: baseline to the latest 4 weeks</source>
        <comment>StatsCode</comment>
        <translation>Förändring i frånvaro: utgångsläget mot de senaste 4 veckorna</translation>
    </message>
    <message>
        <source>Change in absence: baseline to closing</source>
        <comment>StatsCode</comment>
        <translation>Förändring i frånvaro: utgångsläget mot avslut</translation>
    </message>
    <message>
        <source>Raised by</source>
        <comment>StatsDimension</comment>
        <translation>Aktualiserat av</translation>
    </message>
    <message>
        <source>Reason</source>
        <comment>StatsDimension</comment>
        <translation>Skäl</translation>
    </message>
    <message>
        <source>Kind</source>
        <comment>StatsDimension</comment>
        <translation>Slag</translation>
    </message>
    <message>
        <source>Stage</source>
        <comment>StatsDimension</comment>
        <translation>Steg</translation>
    </message>
    <message>
        <source>Goal area</source>
        <comment>StatsDimension</comment>
        <translation>Målområde</translation>
    </message>
    <message>
        <source>Rating</source>
        <comment>StatsDimension</comment>
        <translation>Bedömning</translation>
    </message>
    <message>
        <source>Eligibility</source>
        <comment>StatsDimension</comment>
        <translation>Behörighet</translation>
    </message>
    <message>
        <source>Intervention</source>
        <comment>StatsDimension</comment>
        <translation>Insats</translation>
    </message>
    <message>
        <source>&lt;{min_cell} = fewer than {min_cell} students.</source>
        <comment>StatsMark</comment>
        <translation>&lt;{min_cell} = färre än {min_cell} elever.</translation>
    </message>
    <message>
        <source>.. = hidden so that a smaller group cannot be worked out (at least {min_cell} students).</source>
        <comment>StatsMark</comment>
        <translation>.. = dold så att en mindre grupp inte kan räknas fram (minst {min_cell} elever).</translation>
    </message>
    <message>
        <source>No case active in the period has its absence before enrolment recorded: there are no absence figures.</source>
        <comment>StatsNote</comment>
        <translation>Inget ärende under perioden har frånvaro registrerad före inskrivningen: frånvarosiffror saknas.</translation>
    </message>
    <message>
        <source>A case with two responsible workers counts under each of them: the rows add up to more than the total, which counts each student once.</source>
        <comment>StatsNote</comment>
        <translation>Ett ärende med två ansvariga handläggare räknas hos båda: raderna blir tillsammans fler än totalen, som räknar varje elev en gång.</translation>
    </message>
    <message>
        <source>Few cases in the period: many figures are hidden to protect the students.</source>
        <comment>StatsNote</comment>
        <translation>Få ärenden under perioden: många siffror döljs för att skydda eleverna.</translation>
    </message>
</context>
<context>
    <name>Lock</name>
    <message>
        <source>SST Desk is locked</source>
        <translation>SST Desk är låst</translation>
    </message>
    <message>
        <source>SST Desk is locked; open cases and unsaved changes are kept. %1, write your password to go on.</source>
        <translation>SST Desk är låst; öppna ärenden och osparade ändringar finns kvar. %1, skriv ditt lösenord för att fortsätta.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Lösenord</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Lås upp</translation>
    </message>
    <message>
        <source>Quit SST Desk…</source>
        <translation>Avsluta SST Desk…</translation>
    </message>
    <message>
        <source>Quit SST Desk</source>
        <translation>Avsluta SST Desk</translation>
    </message>
    <message>
        <source>Write your password.</source>
        <translation>Skriv ditt lösenord.</translation>
    </message>
    <message>
        <source>The password is wrong.</source>
        <translation>Lösenordet är fel.</translation>
    </message>
</context>
<context>
    <name>LogDetails</name>
    <message>
        <source>attendance</source>
        <translation>närvaro</translation>
    </message>
    <message>
        <source>the case&apos;s printouts</source>
        <translation>ärendets utskrifter</translation>
    </message>
    <message>
        <source>log entries</source>
        <translation>loggposter</translation>
    </message>
    <message>
        <source>check of the whole log</source>
        <translation>kontroll av hela loggen</translation>
    </message>
    <message>
        <source>entries for a sample check</source>
        <translation>poster för en stickprovskontroll</translation>
    </message>
    <message>
        <source>the documented sample checks</source>
        <translation>de dokumenterade stickproven</translation>
    </message>
    <message>
        <source>the student&apos;s access history</source>
        <translation>elevens åtkomsthistorik</translation>
    </message>
    <message>
        <source>for printing</source>
        <translation>för utskrift</translation>
    </message>
    <message>
        <source>no problems</source>
        <translation>inga fel</translation>
    </message>
    <message>
        <source>registerutdrag</source>
        <translation>registerutdrag</translation>
    </message>
    <message>
        <source>gallring</source>
        <translation>gallring</translation>
    </message>
    <message>
        <source>gallring of the student&apos;s data</source>
        <translation>gallring av elevens uppgifter</translation>
    </message>
    <message>
        <source>quit while locked</source>
        <translation>avslutade medan programmet var låst</translation>
    </message>
    <message>
        <source>signed out from the menu</source>
        <translation>loggade ut via menyn</translation>
    </message>
    <message>
        <source>gathering documents</source>
        <translation>inhämtning av dokument</translation>
    </message>
    <message>
        <source>sharing the action plan</source>
        <translation>delning av handlingsplanen</translation>
    </message>
    <message>
        <source>lines: %1</source>
        <translation>rader: %1</translation>
    </message>
    <message>
        <source>entries: %1</source>
        <translation>poster: %1</translation>
    </message>
    <message>
        <source>problems found: %1</source>
        <translation>fel: %1</translation>
    </message>
    <message>
        <source>against the kept head %1</source>
        <translation>mot det sparade loggavtrycket %1</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>från %1</translation>
    </message>
    <message>
        <source>to %1</source>
        <translation>till %1</translation>
    </message>
    <message>
        <source>user %1</source>
        <translation>användare %1</translation>
    </message>
    <message>
        <source>action %1</source>
        <translation>händelse %1</translation>
    </message>
    <message>
        <source>role %1</source>
        <translation>roll %1</translation>
    </message>
    <message>
        <source>active: %1</source>
        <translation>aktiv: %1</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>uppdelat per %1</translation>
    </message>
    <message>
        <source>cases counted: %1</source>
        <translation>ärenden räknade: %1</translation>
    </message>
    <message>
        <source>nothing (totals only)</source>
        <translation>ingenting (bara summor)</translation>
    </message>
    <message>
        <source>school</source>
        <translation>skola</translation>
    </message>
    <message>
        <source>school year (årskurs)</source>
        <translation>årskurs</translation>
    </message>
    <message>
        <source>gender</source>
        <translation>kön</translation>
    </message>
    <message>
        <source>level (nivå)</source>
        <translation>nivå</translation>
    </message>
    <message>
        <source>with or without needs assessment</source>
        <translation>med eller utan behovsprövning</translation>
    </message>
    <message>
        <source>worker</source>
        <translation>medarbetare</translation>
    </message>
    <message>
        <source>cases</source>
        <translation>ärenden</translation>
    </message>
    <message>
        <source>acting without consent</source>
        <translation>åtgärd utan samtycke</translation>
    </message>
    <message>
        <source>the access log</source>
        <translation>åtkomstloggen</translation>
    </message>
    <message>
        <source>users</source>
        <translation>användare</translation>
    </message>
    <message>
        <source>backups</source>
        <translation>säkerhetskopior</translation>
    </message>
    <message>
        <source>settings</source>
        <translation>inställningar</translation>
    </message>
    <message>
        <source>the team&apos;s statistics</source>
        <translation>teamets statistik</translation>
    </message>
    <message>
        <source>view</source>
        <translation>visa</translation>
    </message>
    <message>
        <source>create</source>
        <translation>skapa</translation>
    </message>
    <message>
        <source>change</source>
        <translation>ändra</translation>
    </message>
    <message>
        <source>print</source>
        <translation>skriva ut</translation>
    </message>
    <message>
        <source>export</source>
        <translation>exportera</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>radera</translation>
    </message>
    <message>
        <source>read the log</source>
        <translation>läsa loggen</translation>
    </message>
    <message>
        <source>choose who is responsible</source>
        <translation>välja ansvariga</translation>
    </message>
    <message>
        <source>act without consent</source>
        <translation>agera utan samtycke</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>offline, on the computer&apos;s copy, at %1</source>
        <translation>offline, i datorns lokala kopia, %1</translation>
    </message>
    <message>
        <source>%1, version %2</source>
        <translation>%1, version %2</translation>
    </message>
    <message>
        <source>%1 (batch print)</source>
        <translation>%1 (massutskrift)</translation>
    </message>
    <message>
        <source>stage now: %1</source>
        <translation>fas nu: %1</translation>
    </message>
    <message>
        <source>cases shown: %1</source>
        <translation>visade ärenden: %1</translation>
    </message>
    <message>
        <source>cases due for gallring: %1</source>
        <translation>ärenden att gallra: %1</translation>
    </message>
    <message>
        <source>upcoming dates shown: %1</source>
        <translation>kommande datum visade: %1</translation>
    </message>
    <message>
        <source>revision %1</source>
        <translation>version %1</translation>
    </message>
    <message>
        <source>the team&apos;s statistics as %1</source>
        <translation>teamets statistik som %1</translation>
    </message>
    <message>
        <source>user %1, %2</source>
        <translation>användare %1, %2</translation>
    </message>
    <message>
        <source>users %1</source>
        <translation>användare %1</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>ingen</translation>
    </message>
    <message>
        <source>attendance “%1”: %2 of %3 records stored, %4 students, %5 rows not matched</source>
        <translation>närvaro ”%1”: %2 av %3 poster sparade, %4 elever, %5 rader utan matchning</translation>
    </message>
    <message>
        <source>check %1</source>
        <translation>kontroll %1</translation>
    </message>
    <message>
        <source>case %1</source>
        <translation>ärende %1</translation>
    </message>
</context>
<context>
    <name>LogFilters</name>
    <message>
        <source>Show</source>
        <translation>Visa</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Användare</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Elev</translation>
    </message>
    <message>
        <source>Type a name</source>
        <translation>Skriv ett namn</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Händelse</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Från</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Till</translation>
    </message>
    <message>
        <source>Show entries</source>
        <translation>Visa poster</translation>
    </message>
    <message>
        <source>All users</source>
        <translation>Alla användare</translation>
    </message>
    <message>
        <source>All students</source>
        <translation>Alla elever</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Alla händelser</translation>
    </message>
    <message>
        <source>No student by that name in the log.</source>
        <translation>Det finns ingen elev med det namnet i loggen.</translation>
    </message>
</context>
<context>
    <name>LogReview</name>
    <message>
        <source>school social worker</source>
        <translation>skolsocionom</translation>
    </message>
    <message>
        <source>school counsellor</source>
        <translation>kurator/specialpedagog</translation>
    </message>
    <message>
        <source>team lead</source>
        <translation>teamledare</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>administratör</translation>
    </message>
    <message>
        <source>Entry %1 was changed after it was written.</source>
        <translation>Post %1 har ändrats efter att den skrevs.</translation>
    </message>
    <message>
        <source>One or more entries just before %1 are missing (deleted).</source>
        <translation>En eller flera poster närmast före %1 saknas (har tagits bort).</translation>
    </message>
    <message>
        <source>Entry %1 is out of order.</source>
        <translation>Post %1 ligger i fel ordning.</translation>
    </message>
    <message>
        <source>Entry %1 does not follow the entry before it (an entry was inserted or replaced).</source>
        <translation>Post %1 hänger inte ihop med posten före (en post har lagts in eller bytts ut).</translation>
    </message>
    <message>
        <source>Entry %1 has been moved: the entries were reordered.</source>
        <translation>Post %1 har flyttats: posternas ordning har ändrats.</translation>
    </message>
    <message>
        <source>The newest entries, up to %1, are missing (removed).</source>
        <translation>De senaste posterna, fram till %1, saknas (har tagits bort).</translation>
    </message>
    <message>
        <source>The newest entry, %1, differs from the one the log recorded.</source>
        <translation>Den senaste posten, %1, stämmer inte med den som loggen har registrerat.</translation>
    </message>
    <message>
        <source>Entries after %1 were added without going through the log (its record of the newest entry was not updated).</source>
        <translation>Poster efter %1 har lagts till utan att gå via loggen (loggens uppgift om senaste posten uppdaterades inte).</translation>
    </message>
    <message>
        <source>Entry %1, named by the kept head, is missing: the log was cut short.</source>
        <translation>Post %1, som det sparade kontrollvärdet pekar på, saknas: loggen har kortats.</translation>
    </message>
    <message>
        <source>Entry %1 differs from the kept head: the log was rewritten.</source>
        <translation>Post %1 stämmer inte med det sparade kontrollvärdet: loggen har skrivits om.</translation>
    </message>
    <message>
        <source>The log has been tampered with: its record of the newest entry was deleted (found at entry %1).</source>
        <translation>Loggen har manipulerats: uppgiften om den senaste posten har tagits bort (upptäckt vid post %1).</translation>
    </message>
    <message>
        <source>From entry %1 on the log is protected with the server&apos;s secret key; only the server can check those entries&apos; contents.</source>
        <translation>Från post %1 och framåt är loggen skyddad med serverns hemliga nyckel; bara servern kan kontrollera de posternas innehåll.</translation>
    </message>
    <message>
        <source>The log is protected with another secret key than the one given (from entry %1 on).</source>
        <translation>Loggen är skyddad med en annan hemlig nyckel än den som angavs (från post %1 och framåt).</translation>
    </message>
    <message>
        <source>The database says its log is protected with the server&apos;s key, but no entry says so: the log was rewritten.</source>
        <translation>Databasen anger att loggen är skyddad med serverns nyckel, men ingen post visar det: loggen har skrivits om.</translation>
    </message>
    <message>
        <source>Line %1 of the server&apos;s anchor file has been changed.</source>
        <translation>Rad %1 i serverns ankarfil har ändrats.</translation>
    </message>
    <message>
        <source>No remarks</source>
        <translation>Utan anmärkning</translation>
    </message>
    <message>
        <source>Needs follow-up</source>
        <translation>Behöver följas upp</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Användare</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Händelse</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Elev</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detaljer</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>Kontrollerat</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Av</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Poster</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Utfall</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
    <message>
        <source>Protected identity</source>
        <translation>Skyddad identitet</translation>
    </message>
    <message>
        <source>No longer registered (%1)</source>
        <translation>Finns inte längre (%1)</translation>
    </message>
</context>
<context>
    <name>LogReviewDialog</name>
    <message>
        <source>Access log</source>
        <translation>Åtkomstlogg</translation>
    </message>
    <message>
        <source>Print access history…</source>
        <translation>Skriv ut åtkomsthistorik…</translation>
    </message>
    <message>
        <source>Log entries</source>
        <translation>Loggposter</translation>
    </message>
    <message>
        <source>Integrity of the log</source>
        <translation>Kontroll av loggen</translation>
    </message>
    <message>
        <source>Verify the log</source>
        <translation>Kontrollera loggen</translation>
    </message>
    <message>
        <source>Compare with a kept head…</source>
        <translation>Jämför med sparat kontrollvärde…</translation>
    </message>
    <message>
        <source>Export head…</source>
        <translation>Spara kontrollvärde…</translation>
    </message>
    <message>
        <source>Not checked yet.</source>
        <translation>Inte kontrollerad än.</translation>
    </message>
    <message>
        <source>Verification result</source>
        <translation>Resultat av kontrollen</translation>
    </message>
    <message>
        <source>Sample checks</source>
        <translation>Stickprov</translation>
    </message>
    <message>
        <source>Sample check…</source>
        <translation>Gör stickprov…</translation>
    </message>
    <message>
        <source>Reading the log…</source>
        <translation>Läser loggen…</translation>
    </message>
    <message>
        <source>The newest %1 entries are shown; narrow the filters to see older ones.</source>
        <translation>De %1 senaste posterna visas; begränsa urvalet för att se äldre poster.</translation>
    </message>
    <message>
        <source>%1 entries, newest first.</source>
        <translation>%1 poster, senaste först.</translation>
    </message>
    <message>
        <source>Checking the log…</source>
        <translation>Kontrollerar loggen…</translation>
    </message>
    <message>
        <source>Choose the kept head</source>
        <translation>Välj sparat kontrollvärde</translation>
    </message>
    <message>
        <source>The file %1 could not be read.</source>
        <translation>Filen %1 kunde inte läsas.</translation>
    </message>
    <message>
        <source>The file %1 cannot be used as a kept head: %2</source>
        <translation>Filen %1 går inte att använda som sparat kontrollvärde: %2</translation>
    </message>
    <message>
        <source>Save the log&apos;s head as</source>
        <translation>Spara loggens kontrollvärde som</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>Textfiler (*.txt)</translation>
    </message>
    <message>
        <source>The head was saved to %1: entry %2, hash %3. Keep it outside this computer (print it, or save it on a USB stick) and compare the log with it later.</source>
        <translation>Kontrollvärdet sparades i %1: post %2, kontrollsumma %3. Förvara det utanför den här datorn (skriv ut det eller spara det på ett USB-minne) och jämför loggen med det senare.</translation>
    </message>
    <message>
        <source>Export head</source>
        <translation>Spara kontrollvärde</translation>
    </message>
    <message>
        <source>The log has %1 problems: it has been changed. A head exported now would vouch for the changed log. Export it anyway?</source>
        <translation>Loggen har %1 fel: den har ändrats. Ett kontrollvärde som sparas nu skulle gå i god för den ändrade loggen. Vill du spara det ändå?</translation>
    </message>
    <message>
        <source>Save the access history as</source>
        <translation>Spara åtkomsthistoriken som</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-dokument (*.pdf)</translation>
    </message>
    <message>
        <source>Could not print</source>
        <translation>Kunde inte skriva ut</translation>
    </message>
    <message>
        <source>Kept heads (*.txt);;All files (*)</source>
        <translation>Sparade kontrollvärden (*.txt);;Alla filer (*)</translation>
    </message>
    <message>
        <source>The access log is empty.</source>
        <translation>Åtkomstloggen är tom.</translation>
    </message>
    <message>
        <source>access-log-head</source>
        <translation>åtkomstlogg-kontrollvärde</translation>
    </message>
    <message>
        <source>Access history</source>
        <translation>Åtkomsthistorik</translation>
    </message>
    <message>
        <source>Only the team lead can review the access log.</source>
        <translation>Bara teamledaren kan granska åtkomstloggen.</translation>
    </message>
</context>
<context>
    <name>LogVerdict</name>
    <message>
        <source>line %1 is not part of a kept head.</source>
        <translation>rad %1 hör inte till ett sparat kontrollvärde.</translation>
    </message>
    <message>
        <source>line %1 repeats a value.</source>
        <translation>rad %1 upprepar ett värde.</translation>
    </message>
    <message>
        <source>it is not a kept head of the access log.</source>
        <translation>det är inget sparat kontrollvärde från åtkomstloggen.</translation>
    </message>
    <message>
        <source>it was made by a newer version of SST Desk.</source>
        <translation>det har skapats av en nyare version av SST Desk.</translation>
    </message>
    <message>
        <source>the entry number (seq) must be a whole number from 1 up.</source>
        <translation>postnumret (seq) måste vara ett heltal från 1 och uppåt.</translation>
    </message>
    <message>
        <source>the hash must be 64 characters, 0–9 and a–f.</source>
        <translation>kontrollsumman (hash) måste vara 64 tecken, 0–9 och a–f.</translation>
    </message>
    <message>
        <source>the time (at) must be a date and time with a time zone.</source>
        <translation>tiden (at) måste vara ett datum och en tid med tidszon.</translation>
    </message>
    <message>
        <source>The log is protected with the team server&apos;s secret key: only the server can check its entries from entry %1 on. Nothing else is wrong with its %2 entries. Checked %3.</source>
        <translation>Loggen är skyddad med teamserverns hemliga nyckel: bara servern kan kontrollera posterna från post %1 och framåt. Inget annat är fel med loggens %2 poster. Kontrollerad %3.</translation>
    </message>
    <message>
        <source>The log has been tampered with (problems found: %1). Checked %2.</source>
        <translation>Någon har ändrat i loggen (antal fel: %1). Kontrollerad %2.</translation>
    </message>
    <message>
        <source>… and %1 more.</source>
        <translation>… och %1 till.</translation>
    </message>
    <message>
        <source>The log has no entries yet. Checked %1.</source>
        <translation>Loggen har inga poster än. Kontrollerad %1.</translation>
    </message>
    <message>
        <source>The log is intact: %1 entries, none changed, removed or reordered, and it still holds every head the server anchored outside the database (the newest: entry %2). Checked %3.</source>
        <translation>Loggen är orörd: %1 poster, ingen ändrad, borttagen eller flyttad, och den innehåller fortfarande alla kontrollvärden som servern förankrat utanför databasen (det senaste: post %2). Kontrollerad %3.</translation>
    </message>
    <message>
        <source>The log is intact and matches the head kept on %1 (entry %2): %3 entries, none changed, removed or reordered. Checked %4.</source>
        <translation>Loggen är orörd och stämmer med kontrollvärdet som sparades %1 (post %2): %3 poster, ingen ändrad, borttagen eller flyttad. Kontrollerad %4.</translation>
    </message>
    <message>
        <source>The log is intact: %1 entries, none changed, removed or reordered as far as the log itself shows. Compare it with a kept head to also rule out a rewrite of the whole log. Checked %2.</source>
        <translation>Loggen är orörd: %1 poster, ingen ändrad, borttagen eller flyttad så långt loggen själv visar. Jämför med ett sparat kontrollvärde för att också utesluta att hela loggen har skrivits om. Kontrollerad %2.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>SST Desk – cases</source>
        <translation>SST Desk – ärenden</translation>
    </message>
    <message>
        <source>Name, personal identity number or school</source>
        <translation>Namn, personnummer eller skola</translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>Alla faser</translation>
    </message>
    <message>
        <source>All cases</source>
        <translation>Alla ärenden</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Behöver åtgärdas</translation>
    </message>
    <message>
        <source>High absence this term</source>
        <translation>Hög frånvaro denna termin</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Sök</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Fas</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Visa</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Ärenden</translation>
    </message>
    <message>
        <source>No cases yet. Start with “New case” (Ctrl+N).</source>
        <translation>Inga ärenden än. Börja med ”Nytt ärende” (Ctrl+N).</translation>
    </message>
    <message>
        <source>Team server: %1</source>
        <translation>Teamserver: %1</translation>
    </message>
    <message>
        <source>Team server</source>
        <translation>Teamserver</translation>
    </message>
    <message>
        <source>Upcoming (%1 days)</source>
        <translation>Kommande (%1 dagar)</translation>
    </message>
    <message>
        <source>The server ended this session: colleagues&apos; changes are no longer shown as they happen.</source>
        <translation>Servern avslutade sessionen: kollegornas ändringar visas inte längre när de görs.</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>Nytt ärende</translation>
    </message>
    <message>
        <source>Open case</source>
        <translation>Öppna ärende</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Uppdatera</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Inställningar…</translation>
    </message>
    <message>
        <source>Backups…</source>
        <translation>Säkerhetskopior…</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Lås</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Logga ut</translation>
    </message>
    <message>
        <source>Sign out and remove the local copy</source>
        <translation>Logga ut och ta bort den lokala kopian</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Avsluta</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Arkiv</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Visa</translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation>Kommande</translation>
    </message>
    <message>
        <source>Signed in: %1 (%2)</source>
        <translation>Inloggad: %1 (%2)</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Inloggad</translation>
    </message>
    <message>
        <source>&amp;Team</source>
        <translation>&amp;Team</translation>
    </message>
    <message>
        <source>Users…</source>
        <translation>Användare…</translation>
    </message>
    <message>
        <source>Access log…</source>
        <translation>Åtkomstlogg…</translation>
    </message>
    <message>
        <source>Gallring…</source>
        <translation>Gallring…</translation>
    </message>
    <message>
        <source>Print action plans…</source>
        <translation>Skriv ut handlingsplaner…</translation>
    </message>
    <message>
        <source>Import attendance…</source>
        <translation>Importera närvaro…</translation>
    </message>
    <message>
        <source>Statistics…</source>
        <translation>Statistik…</translation>
    </message>
    <message>
        <source>My profile…</source>
        <translation>Min profil…</translation>
    </message>
    <message>
        <source>Change my password…</source>
        <translation>Byt mitt lösenord…</translation>
    </message>
    <message>
        <source>Loading cases…</source>
        <translation>Läser in ärenden…</translation>
    </message>
    <message>
        <source>Could not load the cases</source>
        <translation>Kunde inte läsa in ärendena</translation>
    </message>
    <message>
        <source>%1 of %2 cases shown</source>
        <translation>%1 av %2 ärenden visas</translation>
    </message>
    <message>
        <source>Could not open the case</source>
        <translation>Kunde inte öppna ärendet</translation>
    </message>
</context>
<context>
    <name>MeetingView</name>
    <message>
        <source>Meeting mode</source>
        <translation>Mötesläge</translation>
    </message>
    <message>
        <source>Action plan</source>
        <translation>Handlingsplan</translation>
    </message>
    <message>
        <source>Leave meeting mode</source>
        <translation>Lämna mötesläget</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>Större text</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>Mindre text</translation>
    </message>
    <message>
        <source>Normal text size</source>
        <translation>Normal textstorlek</translation>
    </message>
    <message>
        <source>The student</source>
        <translation>Eleven</translation>
    </message>
    <message>
        <source>Action plan for %1</source>
        <translation>Handlingsplan för %1</translation>
    </message>
    <message>
        <source>There is no action plan yet: it is made together in the planning stage, after the assessment.</source>
        <translation>Ingen handlingsplan är upprättad än. Den tas fram tillsammans i planeringen, efter kartläggningen.</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Version %1, made %2</source>
        <translation>Version %1, upprättad %2</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Uppföljning</translation>
    </message>
    <message>
        <source>The date of the next follow-up is not decided yet.</source>
        <translation>Datum för nästa uppföljning är inte bestämt än.</translation>
    </message>
    <message>
        <source>Next follow-up</source>
        <translation>Nästa uppföljning</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Mål</translation>
    </message>
    <message>
        <source>No goals yet.</source>
        <translation>Inga mål har angetts än.</translation>
    </message>
    <message>
        <source>Goal %1: %2</source>
        <translation>Mål %1: %2</translation>
    </message>
    <message>
        <source>(no description yet)</source>
        <translation>(ingen beskrivning än)</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Område</translation>
    </message>
    <message>
        <source>Measured by</source>
        <translation>Hur det mäts</translation>
    </message>
    <message>
        <source>Baseline → target</source>
        <translation>Utgångsläge → mål</translation>
    </message>
    <message>
        <source>Interventions</source>
        <translation>Insatser</translation>
    </message>
    <message>
        <source>No interventions yet.</source>
        <translation>Inga insatser har angetts än.</translation>
    </message>
    <message>
        <source>(no name yet)</source>
        <translation>(inget namn än)</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Ansvarig</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Serves</source>
        <translation>Hör till</translation>
    </message>
    <message>
        <source>The student&apos;s own view</source>
        <translation>Elevens egen syn</translation>
    </message>
    <message>
        <source>The student&apos;s own view has not been written down yet.</source>
        <translation>Elevens egen syn har inte dokumenterats.</translation>
    </message>
    <message>
        <source>The guardians&apos; view</source>
        <translation>Vårdnadshavarnas syn</translation>
    </message>
    <message>
        <source>The guardians&apos; view has not been written down yet.</source>
        <translation>Vårdnadshavarnas syn har inte dokumenterats.</translation>
    </message>
    <message>
        <source>Not decided yet</source>
        <translation>Inte bestämt än</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>from %1, until further notice</source>
        <translation>från %1, tills vidare</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>till %1</translation>
    </message>
    <message>
        <source>No particular goal</source>
        <translation>Inget särskilt mål</translation>
    </message>
    <message>
        <source>Esc or F11 leaves meeting mode. Page Up and Page Down scroll; Ctrl and plus or minus change the text size.</source>
        <translation>Esc eller F11 lämnar mötesläget. Page Up och Page Down bläddrar; Ctrl och plus eller minus ändrar textstorleken.</translation>
    </message>
    <message>
        <source>[personal identity number hidden]</source>
        <translation>[personnummer dolt]</translation>
    </message>
</context>
<context>
    <name>MembersDialog</name>
    <message>
        <source>Responsible for the case</source>
        <translation>Ansvariga för ärendet</translation>
    </message>
    <message>
        <source>Tick the workers responsible for this case. Only they see it in their case list and may work in it; team leads see the team&apos;s cases anyway.</source>
        <translation>Kryssa för de medarbetare som ansvarar för ärendet. Bara de ser det i sin ärendelista och får arbeta i det; teamledare ser teamets ärenden ändå.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Spara</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>At least one person must be responsible for the case.</source>
        <translation>Minst en person måste ansvara för ärendet.</translation>
    </message>
    <message>
        <source>%1 (switched off)</source>
        <translation>%1 (avstängt konto)</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>This field must be filled in.</source>
        <translation>Fältet måste fyllas i.</translation>
    </message>
    <message>
        <source>Write the personal identity number as YYYYMMDD-NNNN or YYMMDD-NNNN (10 or 12 digits).</source>
        <translation>Skriv personnumret som ÅÅÅÅMMDD-NNNN eller ÅÅMMDD-NNNN (10 eller 12 siffror).</translation>
    </message>
    <message>
        <source>This is not a valid personal identity or coordination number: check the date and the last digit.</source>
        <translation>Det här är inget giltigt person- eller samordningsnummer: kontrollera datumet och sista siffran.</translation>
    </message>
    <message>
        <source>Choose a school year from preschool class to upper secondary.</source>
        <translation>Välj en årskurs från förskoleklass till gymnasiet.</translation>
    </message>
    <message>
        <source>A percentage must be between 0 and 100.</source>
        <translation>Ange en procentsats mellan 0 och 100.</translation>
    </message>
    <message>
        <source>This date is before the date it follows.</source>
        <translation>Datumet ligger före det datum som det ska komma efter.</translation>
    </message>
    <message>
        <source>This date has not happened yet.</source>
        <translation>Datumet har inte inträffat än.</translation>
    </message>
    <message>
        <source>A case after investigation and decision needs the decision&apos;s date and reference.</source>
        <translation>Ett ärende efter utredning och beslut behöver beslutets datum och referens.</translation>
    </message>
    <message>
        <source>The consent must let the school (or the student health team) and social services share information.</source>
        <translation>Samtycket måste låta skolan (eller elevhälsan) och socialtjänsten dela information.</translation>
    </message>
    <message>
        <source>Choose one of the student&apos;s guardians.</source>
        <translation>Välj en av elevens vårdnadshavare.</translation>
    </message>
    <message>
        <source>Write a whole number of months from 1 to 24.</source>
        <translation>Skriv ett helt antal månader från 1 till 24.</translation>
    </message>
    <message>
        <source>Write at most %1 characters.</source>
        <translation>Skriv högst %1 tecken.</translation>
    </message>
    <message>
        <source>Remove the hidden control or text-direction character from this field (it may have come with copied text); write the text again by hand.</source>
        <translation>Ta bort det dolda styrtecknet eller textriktningstecknet i fältet (det kan ha följt med kopierad text); skriv texten igen för hand.</translation>
    </message>
    <message>
        <source>Write the e-mail address as name@domain.se, without spaces.</source>
        <translation>Skriv e-postadressen som namn@domän.se, utan mellanslag.</translation>
    </message>
    <message>
        <source>Write the phone number with digits, spaces and + or - only, for example 070-123 45 67.</source>
        <translation>Skriv telefonnumret med bara siffror, mellanslag, + och -, till exempel 070-123 45 67.</translation>
    </message>
    <message>
        <source>Set the meeting&apos;s date before its time.</source>
        <translation>Ange mötets datum innan du anger tiden.</translation>
    </message>
    <message>
        <source>The team has not yet decided that the student meets the criteria for the team&apos;s support.</source>
        <translation>Teamet har ännu inte beslutat att eleven uppfyller kriterierna för teamets stöd.</translation>
    </message>
    <message>
        <source>No guardian is registered for the student.</source>
        <translation>Ingen vårdnadshavare är registrerad för eleven.</translation>
    </message>
    <message>
        <source>Valid consent is missing from the student %1.</source>
        <translation>Giltigt samtycke saknas från eleven %1.</translation>
    </message>
    <message>
        <source>Valid consent is missing from the guardian %1.</source>
        <translation>Giltigt samtycke saknas från vårdnadshavaren %1.</translation>
    </message>
    <message>
        <source>The assessment has no summary yet.</source>
        <translation>Kartläggningen har ingen sammanfattning än.</translation>
    </message>
    <message>
        <source>There is no action plan yet.</source>
        <translation>Det finns ingen handlingsplan än.</translation>
    </message>
    <message>
        <source>The action plan has no goal.</source>
        <translation>Handlingsplanen har inget mål.</translation>
    </message>
    <message>
        <source>The action plan has no intervention.</source>
        <translation>Handlingsplanen har ingen insats.</translation>
    </message>
    <message>
        <source>The intervention “%1” needs a responsible authority and person.</source>
        <translation>Insatsen ”%1” behöver en ansvarig aktör och en ansvarig person.</translation>
    </message>
    <message>
        <source>The action plan has no follow-up date.</source>
        <translation>Handlingsplanen har inget datum för uppföljning.</translation>
    </message>
    <message>
        <source>No follow-up has been recorded in this round.</source>
        <translation>Ingen uppföljning är registrerad i den här omgången.</translation>
    </message>
    <message>
        <source>The goal “%1” has not been rated.</source>
        <translation>Målet ”%1” har inte bedömts.</translation>
    </message>
    <message>
        <source>Set a new follow-up date in the plan, after the latest follow-up.</source>
        <translation>Ange ett nytt uppföljningsdatum i planen, efter den senaste uppföljningen.</translation>
    </message>
    <message>
        <source>Choose why the case is closed.</source>
        <translation>Välj varför ärendet avslutas.</translation>
    </message>
    <message>
        <source>The student is in year 9: record whether they are eligible for upper secondary school (“Not known” is an answer too).</source>
        <translation>Eleven går i årskurs 9: ange om eleven är behörig till gymnasiet (även ”Okänt” är ett svar).</translation>
    </message>
    <message>
        <source>Record the referral, report or SIP before closing the case as referred on.</source>
        <translation>Registrera hänvisningen, anmälan eller SIP:en innan ärendet avslutas som hänvisat vidare.</translation>
    </message>
    <message>
        <source>Set a date for the booster session.</source>
        <translation>Ange ett datum för boosterträffen.</translation>
    </message>
    <message>
        <source>The booster session is already recorded.</source>
        <translation>Boosterträffen är redan registrerad.</translation>
    </message>
    <message>
        <source>The case is not in the stage this step starts from.</source>
        <translation>Ärendet är inte i den fas som steget utgår från.</translation>
    </message>
    <message>
        <source>The case&apos;s history stays as it was recorded: a step taken cannot be removed or changed.</source>
        <translation>Ärendets historik står kvar som den registrerades: ett taget steg kan inte tas bort eller ändras.</translation>
    </message>
    <message>
        <source>The case holds a record that is not one of its own; nothing was saved.</source>
        <translation>Ärendet innehåller en uppgift som inte hör till det; ingenting sparades.</translation>
    </message>
    <message>
        <source>A case moves to another stage only by the process&apos;s steps, one at a time from where it stands.</source>
        <translation>Ett ärende går till en annan fas bara genom processens steg, ett i taget från den fas där det står.</translation>
    </message>
    <message>
        <source>This goal has been rated at a follow-up and stays on record. Revise the plan to change its goals.</source>
        <translation>Målet har bedömts vid en uppföljning och ska finnas kvar. Revidera planen för att ändra målen.</translation>
    </message>
    <message>
        <source>%1 has signed a consent, which must stay on record. Untick “Must consent” instead.</source>
        <translation>%1 har skrivit under ett samtycke, som måste finnas kvar. Avmarkera ”Ska samtycka” i stället.</translation>
    </message>
    <message>
        <source>The case was closed as referred on; its referral stays on record.</source>
        <translation>Ärendet avslutades som hänvisat; hänvisningen ska finnas kvar.</translation>
    </message>
    <message>
        <source>Version %1 of the action plan was replaced by a later version and stays as it was. Change the current version.</source>
        <translation>Version %1 av handlingsplanen har ersatts av en senare version och ska vara som den var. Ändra i den gällande versionen.</translation>
    </message>
    <message>
        <source>This follow-up belongs to version %1 of the action plan, which has been revised since; it stays as it was.</source>
        <translation>Uppföljningen hör till version %1 av handlingsplanen, som har reviderats sedan dess; den ska vara som den var.</translation>
    </message>
    <message>
        <source>The consent from %1 is already withdrawn; its date of withdrawal stays on record.</source>
        <translation>Samtycket från %1 är redan återkallat; datumet för återkallelsen ska finnas kvar.</translation>
    </message>
    <message>
        <source>Nothing is recorded for this document yet, so there is nothing to clear.</source>
        <translation>Inget är registrerat för det här dokumentet än, så det finns inget att tömma.</translation>
    </message>
    <message>
        <source>The plan has no goal on school attendance or school results. Such a goal is recommended.</source>
        <translation>Planen har inget mål för skolnärvaro eller skolresultat. Ett sådant mål rekommenderas.</translation>
    </message>
    <message>
        <source>The consent from %1 expires soon.</source>
        <translation>Samtycket från %1 går snart ut.</translation>
    </message>
    <message>
        <source>The valid-until date</source>
        <translation>Giltighetsdatumet</translation>
    </message>
    <message>
        <source>The date of withdrawal</source>
        <translation>Datumet för återkallelsen</translation>
    </message>
    <message>
        <source>The end date</source>
        <translation>Slutdatumet</translation>
    </message>
    <message>
        <source>The follow-up date</source>
        <translation>Uppföljningsdatumet</translation>
    </message>
    <message>
        <source>The booster session date</source>
        <translation>Datumet för boosterträffen</translation>
    </message>
    <message>
        <source>The date it was held</source>
        <translation>Datumet då den hölls</translation>
    </message>
    <message>
        <source>The date received</source>
        <translation>Datumet då det kom in</translation>
    </message>
    <message>
        <source>the date the consent was given</source>
        <translation>datumet då samtycket gavs</translation>
    </message>
    <message>
        <source>the start date</source>
        <translation>startdatumet</translation>
    </message>
    <message>
        <source>the date of the plan</source>
        <translation>planens datum</translation>
    </message>
    <message>
        <source>the date the case was closed</source>
        <translation>datumet då ärendet avslutades</translation>
    </message>
    <message>
        <source>the date requested</source>
        <translation>datumet då det begärdes</translation>
    </message>
    <message>
        <source>This date</source>
        <translation>Datumet</translation>
    </message>
    <message>
        <source>the date it follows</source>
        <translation>datumet det ska komma efter</translation>
    </message>
    <message>
        <source>%1 (%2) is before %3 (%4); it must be the same day or later.</source>
        <translation>%1 (%2) ligger före %3 (%4); det måste vara samma dag eller senare.</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <source>New case</source>
        <translation>Nytt ärende</translation>
    </message>
    <message>
        <source>Who is the student, and why are they brought to the team? You can fill in the rest in the case.</source>
        <translation>Vem är eleven, och varför aktualiseras hen i teamet? Resten kan du fylla i senare i ärendet.</translation>
    </message>
    <message>
        <source>Create case</source>
        <translation>Skapa ärende</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Discard the new case?</source>
        <translation>Kasta det nya ärendet?</translation>
    </message>
    <message>
        <source>What you typed in the new case will be lost. Discard it?</source>
        <translation>Det du har skrivit i det nya ärendet försvinner. Vill du kasta det?</translation>
    </message>
    <message>
        <source>The student already has a case</source>
        <translation>Eleven har redan ett ärende</translation>
    </message>
    <message>
        <source>%1 already has a case (%2). Create another case anyway?</source>
        <translation>%1 har redan ett ärende (%2). Vill du skapa ett ärende till ändå?</translation>
    </message>
    <message>
        <source>Could not save</source>
        <translation>Kunde inte spara</translation>
    </message>
    <message>
        <source>The student already has a case in the team. Ask the team lead before you register the student again.</source>
        <translation>Eleven har redan ett ärende i teamet. Fråga teamledaren innan du registrerar eleven igen.</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <source>Working…</source>
        <translation>Arbetar…</translation>
    </message>
    <message>
        <source>Could not complete</source>
        <translation>Det gick inte att slutföra</translation>
    </message>
</context>
<context>
    <name>PeriodChooser</name>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>School year</source>
        <translation>Läsår</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>Termin</translation>
    </message>
    <message>
        <source>From–to</source>
        <translation>Från–till</translation>
    </message>
    <message>
        <source>Autumn term (HT)</source>
        <translation>Hösttermin (HT)</translation>
    </message>
    <message>
        <source>Spring term (VT)</source>
        <translation>Vårtermin (VT)</translation>
    </message>
    <message>
        <source>Year of the term</source>
        <translation>Terminens år</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Från</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Till</translation>
    </message>
    <message>
        <source>Period problem</source>
        <translation>Fel i perioden</translation>
    </message>
    <message>
        <source>Write both dates as YYYY-MM-DD, for example 2025-08-15.</source>
        <translation>Skriv båda datumen som ÅÅÅÅ-MM-DD, till exempel 2025-08-15.</translation>
    </message>
    <message>
        <source>The period cannot end (%1) before it starts (%2).</source>
        <translation>Perioden kan inte sluta (%1) innan den börjar (%2).</translation>
    </message>
    <message>
        <source>School year %1</source>
        <translation>Läsår %1</translation>
    </message>
    <message>
        <source>HT</source>
        <translation>HT</translation>
    </message>
    <message>
        <source>VT</source>
        <translation>VT</translation>
    </message>
</context>
<context>
    <name>PlaneringPage</name>
    <message>
        <source>Plan version</source>
        <translation>Planversion</translation>
    </message>
    <message>
        <source>Print action plan…</source>
        <translation>Skriv ut handlingsplan…</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Mål</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Mål</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Område</translation>
    </message>
    <message>
        <source>Measured by</source>
        <translation>Hur det mäts</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Utgångsläge</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Målnivå</translation>
    </message>
    <message>
        <source>Add goal</source>
        <translation>Lägg till mål</translation>
    </message>
    <message>
        <source>Edit goal</source>
        <translation>Ändra mål</translation>
    </message>
    <message>
        <source>Remove goal</source>
        <translation>Ta bort mål</translation>
    </message>
    <message>
        <source>No goal yet. Every plan needs at least one.</source>
        <translation>Inga mål än. Varje plan behöver minst ett.</translation>
    </message>
    <message>
        <source>Interventions</source>
        <translation>Insatser</translation>
    </message>
    <message>
        <source>Intervention</source>
        <translation>Insats</translation>
    </message>
    <message>
        <source>Responsible authority</source>
        <translation>Ansvarig aktör</translation>
    </message>
    <message>
        <source>Responsible person</source>
        <translation>Ansvarig person</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Slut</translation>
    </message>
    <message>
        <source>Serves goal</source>
        <translation>Hör till mål</translation>
    </message>
    <message>
        <source>Add intervention</source>
        <translation>Lägg till insats</translation>
    </message>
    <message>
        <source>Edit intervention</source>
        <translation>Ändra insats</translation>
    </message>
    <message>
        <source>Remove intervention</source>
        <translation>Ta bort insats</translation>
    </message>
    <message>
        <source>No intervention yet. Every plan needs at least one.</source>
        <translation>Inga insatser än. Varje plan behöver minst en.</translation>
    </message>
    <message>
        <source>Follow-up date</source>
        <translation>Datum för uppföljning</translation>
    </message>
    <message>
        <source>Follow-up time</source>
        <translation>Tid för uppföljningen</translation>
    </message>
    <message>
        <source>Follow-up place</source>
        <translation>Plats för uppföljningen</translation>
    </message>
    <message>
        <source>The guardians&apos; view of the plan</source>
        <translation>Vårdnadshavarnas syn på planen</translation>
    </message>
    <message>
        <source>Referrals, reports and SIP</source>
        <translation>Hänvisningar, anmälningar och SIP</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Till</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
    <message>
        <source>For example: the school&apos;s meeting room</source>
        <translation>Till exempel: skolans konferensrum</translation>
    </message>
    <message>
        <source>Add referral</source>
        <translation>Lägg till hänvisning</translation>
    </message>
    <message>
        <source>Edit referral</source>
        <translation>Ändra hänvisning</translation>
    </message>
    <message>
        <source>Remove referral</source>
        <translation>Ta bort hänvisning</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>(earlier)</source>
        <translation>(tidigare)</translation>
    </message>
    <message>
        <source>The action plan is made when the assessment is done.</source>
        <translation>Handlingsplanen görs när kartläggningen är klar.</translation>
    </message>
    <message>
        <source>Action plan, version %1, made %2</source>
        <translation>Handlingsplan, version %1, upprättad %2</translation>
    </message>
    <message>
        <source>e.g. attendance in the school&apos;s system</source>
        <translation>t.ex. närvaron i skolans system</translation>
    </message>
    <message>
        <source>e.g. 40 % absence</source>
        <translation>t.ex. 40 % frånvaro</translation>
    </message>
    <message>
        <source>e.g. under 15 % absence</source>
        <translation>t.ex. under 15 % frånvaro</translation>
    </message>
    <message>
        <source>Target absence (%)</source>
        <translation>Målnivå frånvaro (%)</translation>
    </message>
    <message>
        <source>e.g. 15</source>
        <translation>t.ex. 15</translation>
    </message>
    <message>
        <source>For an attendance goal: drawn as the goal&apos;s line on the school line (0–100).</source>
        <translation>För ett närvaromål: ritas som målets linje på skollinjen (0–100).</translation>
    </message>
    <message>
        <source>Remove the goal “%1”?</source>
        <translation>Ta bort målet ”%1”?</translation>
    </message>
    <message>
        <source>Other (write the name below)</source>
        <translation>Annan (skriv namnet nedan)</translation>
    </message>
    <message>
        <source>No particular goal</source>
        <translation>Inget särskilt mål</translation>
    </message>
    <message>
        <source>From the catalogue</source>
        <translation>Från katalogen</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beskrivning</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— välj —</translation>
    </message>
    <message>
        <source>Remove the intervention “%1”?</source>
        <translation>Ta bort insatsen ”%1”?</translation>
    </message>
    <message>
        <source>e.g. the social services&apos; reception</source>
        <translation>t.ex. socialtjänstens mottagning</translation>
    </message>
    <message>
        <source>Remove the referral to %1?</source>
        <translation>Ta bort hänvisningen till %1?</translation>
    </message>
</context>
<context>
    <name>PresenceMarkers</name>
    <message>
        <source>%1 is writing here</source>
        <translation>%1 skriver här</translation>
    </message>
</context>
<context>
    <name>PresenceStrip</name>
    <message>
        <source>Also open:</source>
        <translation>Har också ärendet öppet:</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Also open: %1</source>
        <translation>Har också ärendet öppet: %1</translation>
    </message>
</context>
<context>
    <name>PreviewWindow</name>
    <message>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n sida</numerusform>
            <numerusform>%n sidor</numerusform>
        </translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Skriv ut…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Spara som PDF…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>Could not save</source>
        <translation>Kunde inte spara</translation>
    </message>
</context>
<context>
    <name>PrintedList</name>
    <message>
        <source>Printouts</source>
        <translation>Utskrifter</translation>
    </message>
    <message>
        <source>Printed documents</source>
        <translation>Utskrivna dokument</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Utskrivet</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Av</translation>
    </message>
    <message>
        <source>Printouts note</source>
        <translation>Om utskrifterna</translation>
    </message>
    <message>
        <source>Only the people responsible for the case and the team lead see its printouts.</source>
        <translation>Bara de som ansvarar för ärendet och teamledaren ser dess utskrifter.</translation>
    </message>
    <message>
        <source>No document of this case has been printed.</source>
        <translation>Inget dokument i ärendet har skrivits ut.</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Handlingsplan</source>
        <translation>Handlingsplan</translation>
    </message>
    <message>
        <source>Save the document as</source>
        <translation>Spara dokumentet som</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-dokument (*.pdf)</translation>
    </message>
    <message>
        <source>There is no action plan to print yet.</source>
        <translation>Det finns ingen handlingsplan att skriva ut än.</translation>
    </message>
    <message>
        <source>There is nothing to print in this document yet.</source>
        <translation>Det finns inget att skriva ut i det här dokumentet än.</translation>
    </message>
    <message>
        <source>The document cannot be shared without a valid consent.</source>
        <translation>Dokumentet kan inte delas utan ett giltigt samtycke.</translation>
    </message>
    <message>
        <source>Could not print</source>
        <translation>Kunde inte skriva ut</translation>
    </message>
    <message>
        <source>Handlingsplan – %1</source>
        <translation>Handlingsplan – %1</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>Signed in as %1. Your name and role are set by an administrator.</source>
        <translation>Inloggad som %1. Ditt namn och din roll bestäms av en administratör.</translation>
    </message>
    <message>
        <source>My profile</source>
        <translation>Min profil</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Spara</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Enter starts a new line in a text box; Ctrl+Enter saves (OK).</source>
        <translation>Enter ger en ny rad i en textruta; Ctrl+Enter sparar (OK).</translation>
    </message>
</context>
<context>
    <name>Registerutdrag</name>
    <message>
        <source>Choose a folder for the registerutdrag</source>
        <translation>Välj en mapp för registerutdraget</translation>
    </message>
    <message>
        <source>Registerutdrag</source>
        <translation>Registerutdrag</translation>
    </message>
    <message>
        <source>A registerutdrag of this case made today is already in %1. Replace it?</source>
        <translation>Ett registerutdrag för det här ärendet som gjorts i dag finns redan i %1. Vill du ersätta det?</translation>
    </message>
    <message>
        <source>You may not make a registerutdrag for this student. It must cover every case of the student, so it is made by someone who may export all of them, usually the team lead.</source>
        <translation>Du får inte göra registerutdrag för den här eleven. Utdraget måste omfatta alla elevens ärenden, så det görs av någon som får lämna ut uppgifter ur alla, oftast teamledaren.</translation>
    </message>
    <message>
        <source>The registerutdrag was written to %1:

%2 (to read)
%3 (machine-readable)

Guardians&apos; contact details are left out. Read the free text through and make a sekretessprövning before it is handed out; delete the files when they have been handed over.</source>
        <translation>Registerutdraget har sparats i %1:

%2 (att läsa)
%3 (maskinläsbar)

Vårdnadshavarnas kontaktuppgifter är inte med. Läs igenom fritexten och gör en sekretessprövning innan utdraget lämnas ut; ta bort filerna när de har lämnats över.</translation>
    </message>
</context>
<context>
    <name>RoomBanner</name>
    <message>
        <source>Try again</source>
        <translation>Försök igen</translation>
    </message>
    <message>
        <source>Join the shared case again</source>
        <translation>Anslut till det delade ärendet igen</translation>
    </message>
</context>
<context>
    <name>SampleCheckDialog</name>
    <message>
        <source>Sample check of the access log</source>
        <translation>Stickprov i åtkomstloggen</translation>
    </message>
    <message>
        <source>Entries are drawn at random from the period&apos;s accesses to students&apos; data. Check that each person had a reason to open, change or print what they did, then record the outcome.</source>
        <translation>Poster dras slumpvis bland periodens åtkomster till elevers uppgifter. Kontrollera att varje person hade skäl att öppna, ändra eller skriva ut det hen gjorde, och registrera sedan utfallet.</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Från</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Till</translation>
    </message>
    <message>
        <source>Number of entries</source>
        <translation>Antal poster</translation>
    </message>
    <message>
        <source>Draw entries</source>
        <translation>Dra stickprov</translation>
    </message>
    <message>
        <source>Drawn entries</source>
        <translation>Poster i stickprovet</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Utfall</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
    <message>
        <source>What was checked, and what must be followed up</source>
        <translation>Vad som kontrollerades och vad som behöver följas upp</translation>
    </message>
    <message>
        <source>Save sample check</source>
        <translation>Spara stickprov</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Choose the period to check.</source>
        <translation>Välj vilken period som ska kontrolleras.</translation>
    </message>
    <message>
        <source>%1 entries drawn.</source>
        <translation>%1 poster har dragits.</translation>
    </message>
    <message>
        <source>No one accessed students&apos; data in this period.</source>
        <translation>Ingen tog del av elevers uppgifter under perioden.</translation>
    </message>
    <message>
        <source>Draw the entries first.</source>
        <translation>Dra stickprovet först.</translation>
    </message>
    <message>
        <source>Say what must be followed up.</source>
        <translation>Skriv vad som behöver följas upp.</translation>
    </message>
    <message>
        <source>You do not have access to the access log.</source>
        <translation>Du har inte behörighet till åtkomstloggen.</translation>
    </message>
    <message>
        <source>Write the date as YYYY-MM-DD.</source>
        <translation>Skriv datumet som ÅÅÅÅ-MM-DD.</translation>
    </message>
    <message>
        <source>The period cannot end before it starts.</source>
        <translation>Perioden kan inte sluta innan den börjar.</translation>
    </message>
</context>
<context>
    <name>ServerSignIn</name>
    <message>
        <source>SST Desk: sign in</source>
        <translation>SST Desk: logga in</translation>
    </message>
    <message>
        <source>Sign in to the team server %1. Your password is checked by the server. So that you can work when the server cannot be reached, an encrypted copy of the cases you are responsible for is kept on this computer; only your password opens it.</source>
        <translation>Logga in på teamservern %1. Ditt lösenord kontrolleras av servern. För att du ska kunna arbeta när servern inte går att nå sparas en krypterad kopia av de ärenden du ansvarar för på den här datorn; bara ditt lösenord öppnar den.</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Användarnamn</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Lösenord</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Logga in</translation>
    </message>
    <message>
        <source>Choose CA file…</source>
        <translation>Välj CA-fil…</translation>
    </message>
    <message>
        <source>Choose CA file</source>
        <translation>Välj CA-fil</translation>
    </message>
    <message>
        <source>Work offline</source>
        <translation>Arbeta offline</translation>
    </message>
    <message>
        <source>Write your user name.</source>
        <translation>Skriv ditt användarnamn.</translation>
    </message>
    <message>
        <source>Write your password.</source>
        <translation>Skriv ditt lösenord.</translation>
    </message>
    <message>
        <source>The certificate of the server %1 is not trusted by this computer, so nothing was sent. Get the server&apos;s CA file from your IT department and choose it with “Choose CA file…”; it is remembered for this server.</source>
        <translation>Den här datorn litar inte på certifikatet från servern %1, så inget skickades. Hämta serverns CA-fil från IT-avdelningen och välj den med ”Välj CA-fil…”; den sparas för den här servern.</translation>
    </message>
    <message>
        <source>The server %1 cannot be reached. This computer has a local copy of your cases: “Work offline” opens it with your password, and what you open is logged on the server when it can be reached again.</source>
        <translation>Servern %1 går inte att nå. Den här datorn har en lokal kopia av dina ärenden: ”Arbeta offline” öppnar den med ditt lösenord, och det du öppnar loggas på servern när den går att nå igen.</translation>
    </message>
    <message>
        <source>The CA file %1 will be used for this server. Sign in again.</source>
        <translation>CA-filen %1 används för den här servern. Logga in igen.</translation>
    </message>
    <message>
        <source>Choose the server&apos;s CA file</source>
        <translation>Välj serverns CA-fil</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certifikat (*.pem *.crt *.cer);;Alla filer (*)</translation>
    </message>
    <message>
        <source>SST Desk cannot start</source>
        <translation>SST Desk kan inte starta</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Choose…</source>
        <translation>Välj…</translation>
    </message>
    <message>
        <source>Choose a logo…</source>
        <translation>Välj en logotyp…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Ta bort</translation>
    </message>
    <message>
        <source>Remove the logo</source>
        <translation>Ta bort logotypen</translation>
    </message>
    <message>
        <source>Choose the logo for documents</source>
        <translation>Välj logotyp för dokumenten</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Bilder (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>The high-absence limit must be above the first limit.</source>
        <translation>Gränsen för hög frånvaro måste vara högre än den första gränsen.</translation>
    </message>
    <message>
        <source>Write at most %1 lines; only those fit in the letterhead.</source>
        <translation>Skriv högst %1 rader; fler får inte plats i brevhuvudet.</translation>
    </message>
    <message>
        <source>Keep each line to %1 characters or fewer; longer lines are cut off on paper.</source>
        <translation>Håll varje rad till högst %1 tecken; längre rader klipps av på papperet.</translation>
    </message>
    <message>
        <source>There is no file at this path. Choose the logo again.</source>
        <translation>Det finns ingen fil på den platsen. Välj logotypen igen.</translation>
    </message>
    <message>
        <source>This file is not a PNG or JPEG image that can be read.</source>
        <translation>Filen är ingen PNG- eller JPEG-bild som går att läsa.</translation>
    </message>
    <message>
        <source>The image is larger than 5 MB. Use a smaller version of the logo.</source>
        <translation>Bilden är större än 5 MB. Använd en mindre version av logotypen.</translation>
    </message>
    <message>
        <source>Team name on prints</source>
        <translation>Teamets namn på utskrifter</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>Takes effect the next time SST Desk starts.</source>
        <translation>Gäller från nästa gång SST Desk startas.</translation>
    </message>
    <message>
        <source>Booster session after closing (months)</source>
        <translation>Boosterträff efter avslut (månader)</translation>
    </message>
    <message>
        <source>Automatic backups to keep</source>
        <translation>Antal automatiska säkerhetskopior att spara</translation>
    </message>
    <message>
        <source>One is taken each day SST Desk is used, and when it closes. The oldest beyond this number are deleted.</source>
        <translation>En tas varje dag SST Desk används och när programmet stängs. De äldsta utöver detta antal tas bort.</translation>
    </message>
    <message>
        <source>Idle lock (minutes)</source>
        <translation>Automatiskt lås (minuter)</translation>
    </message>
    <message>
        <source>SST Desk locks itself after this many minutes without use; your password opens it again.</source>
        <translation>SST Desk låses efter så här många minuter utan användning; ditt lösenord öppnar det igen.</translation>
    </message>
    <message>
        <source>Retention (years after avslut)</source>
        <translation>Gallringsfrist (år efter avslut)</translation>
    </message>
    <message>
        <source>A closed case is due for gallring this many whole years after avslut or its boosterträff, whichever is later. Follow your authority&apos;s dokumenthanteringsplan.</source>
        <translation>Ett avslutat ärende ska gallras så här många hela år efter avslut eller boosterträff, det som kommer senast. Följ er myndighets dokumenthanteringsplan.</translation>
    </message>
    <message>
        <source>Smallest group in statistics (students)</source>
        <translation>Minsta grupp i statistiken (elever)</translation>
    </message>
    <message>
        <source>The statistics show a group of fewer students than this only as &quot;fewer than&quot;, and hide what would let it be worked out.</source>
        <translation>Statistiken visar en grupp med färre elever än så bara som ”färre än”, och döljer det som skulle göra det möjligt att räkna fram den.</translation>
    </message>
    <message>
        <source>Write a whole number of months from %1 to %2.</source>
        <translation>Skriv ett helt antal månader från %1 till %2.</translation>
    </message>
    <message>
        <source>Write a whole number of years from %1 to %2.</source>
        <translation>Skriv ett helt antal år från %1 till %2.</translation>
    </message>
    <message>
        <source>Write a whole number of minutes from %1 to %2.</source>
        <translation>Skriv ett helt antal minuter från %1 till %2.</translation>
    </message>
    <message>
        <source>Write a whole number of per cent from %1 to %2.</source>
        <translation>Skriv ett helt antal procent från %1 till %2.</translation>
    </message>
    <message>
        <source>Write a whole number from %1 to %2.</source>
        <translation>Skriv ett heltal från %1 till %2.</translation>
    </message>
    <message>
        <source>Write at most %1 characters.</source>
        <translation>Skriv högst %1 tecken.</translation>
    </message>
    <message>
        <source>This field must be filled in.</source>
        <translation>Fältet måste fyllas i.</translation>
    </message>
    <message>
        <source>This is not a setting of the team.</source>
        <translation>Det här är ingen av teamets inställningar.</translation>
    </message>
    <message>
        <source>No logo</source>
        <translation>Ingen logotyp</translation>
    </message>
    <message>
        <source>%1 image, %2 KB</source>
        <translation>%1-bild, %2 kB</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Inställningar</translation>
    </message>
    <message>
        <source>On a team server the server&apos;s operators back up the database; this computer keeps none.</source>
        <translation>På en teamserver säkerhetskopierar serverns driftansvariga databasen; den här datorn sparar inga kopior.</translation>
    </message>
    <message>
        <source>The team&apos;s settings (the same on every computer of the team)</source>
        <translation>Teamets inställningar (desamma på alla teamets datorer)</translation>
    </message>
    <message>
        <source>Only an administrator can change the team&apos;s settings.</source>
        <translation>Bara en administratör kan ändra teamets inställningar.</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Den här datorn</translation>
    </message>
    <message>
        <source>Flag absence from (% of the term)</source>
        <translation>Flagga frånvaro från (% av terminen)</translation>
    </message>
    <message>
        <source>A student whose absence this term reaches this share is flagged in the case list and on the skollinje.</source>
        <translation>En elev vars frånvaro denna termin når den här andelen flaggas i ärendelistan och på skollinjen.</translation>
    </message>
    <message>
        <source>High absence from (% of the term)</source>
        <translation>Hög frånvaro från (% av terminen)</translation>
    </message>
    <message>
        <source>The second, stronger flag. Many teams use over 50 % of a term as a criterion.</source>
        <translation>Den andra, starkare flaggan. Många team använder över 50 % av en termin som kriterium.</translation>
    </message>
    <message>
        <source>Contact lines on documents</source>
        <translation>Kontaktrader på dokumenten</translation>
    </message>
    <message>
        <source>Address, phone, e-mail: one per line</source>
        <translation>Adress, telefon, e-post: en per rad</translation>
    </message>
    <message>
        <source>Printed under the team&apos;s name at the top of the first page of every document.</source>
        <translation>Skrivs under teamets namn överst på första sidan i varje dokument.</translation>
    </message>
    <message>
        <source>Logo on documents</source>
        <translation>Logotyp på dokumenten</translation>
    </message>
    <message>
        <source>Printed at the top left of the first page of every document.</source>
        <translation>Skrivs överst till vänster på första sidan i varje dokument.</translation>
    </message>
    <message>
        <source>Consent text</source>
        <translation>Samtyckestext</translation>
    </message>
    <message>
        <source>What the samtycke form says is shared. Leave it empty to print the text shown in grey.</source>
        <translation>Vad samtyckesblanketten säger delas. Lämna tomt för att skriva ut texten som visas i grått.</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <source>The user name or the password is wrong.</source>
        <translation>Användarnamnet eller lösenordet är fel.</translation>
    </message>
    <message>
        <source>This account has been switched off. Ask your administrator.</source>
        <translation>Kontot är avstängt. Fråga din administratör.</translation>
    </message>
    <message>
        <source>%1 is not an SST Desk database, or its key file (%1.keys) is missing. If it is your database, put back the key file from the backups folder; nothing was changed.</source>
        <translation>%1 är ingen SST Desk-databas, eller så saknas dess nyckelfil (%1.keys). Om det är din databas: lägg tillbaka nyckelfilen från mappen för säkerhetskopior. Ingenting har ändrats.</translation>
    </message>
    <message>
        <source>The key file %1.keys is damaged. Put back the copy from the backups folder; nothing was changed.</source>
        <translation>Nyckelfilen %1.keys är skadad. Lägg tillbaka kopian från mappen för säkerhetskopior. Ingenting har ändrats.</translation>
    </message>
    <message>
        <source>The key file %1.keys does not open this database: it is an old copy, or belongs to another database. Nothing was changed.</source>
        <translation>Nyckelfilen %1.keys öppnar inte den här databasen: den är en gammal kopia eller hör till en annan databas. Ingenting har ändrats.</translation>
    </message>
    <message>
        <source>Too many wrong tries. Wait %1 seconds.</source>
        <translation>För många felaktiga försök. Vänta %1 sekunder.</translation>
    </message>
    <message>
        <source>Signing in failed.</source>
        <translation>Inloggningen misslyckades.</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meddelande</translation>
    </message>
    <message>
        <source>%1: error</source>
        <translation>%1: fel</translation>
    </message>
    <message>
        <source>A database file on this computer protects the cases if the laptop is lost or stolen: the file is encrypted, and without a password nobody can read it. It does not protect colleagues&apos; cases from each other: every user&apos;s password unlocks the whole file, so the roles hold only inside SST Desk. Only a team server enforces the roles where the data is, so that each person can reach only the cases they may see. If your team has a server, choose “Use a team server…”.</source>
        <translation>En databasfil på den här datorn skyddar ärendena om datorn tappas bort eller blir stulen: filen är krypterad, och utan lösenord kan ingen läsa den. Den skyddar inte kollegers ärenden från varandra: varje användares lösenord låser upp hela filen, så rollerna gäller bara inne i SST Desk. Bara en teamserver upprätthåller rollerna där uppgifterna finns, så att var och en bara kommer åt de ärenden de får se. Har ert team en server, välj ”Använd en teamserver…”.</translation>
    </message>
    <message>
        <source>SST Desk: first start</source>
        <translation>SST Desk: första start</translation>
    </message>
    <message>
        <source>This database has no users yet. Create the administrator account: the administrator adds the team&apos;s users and their roles but does not read the cases. The database is encrypted; without a password nobody can read it, so keep the administrator&apos;s password safe.</source>
        <translation>Databasen har inga användare än. Skapa administratörskontot: administratören lägger till teamets användare och deras roller men läser inte ärendena. Databasen är krypterad; utan lösenord kan ingen läsa den, så förvara administratörens lösenord säkert.</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Databas: %1</translation>
    </message>
    <message>
        <source>Use a team server…</source>
        <translation>Använd en teamserver…</translation>
    </message>
    <message>
        <source>Use a team server</source>
        <translation>Använd en teamserver</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Användarnamn</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>För- och efternamn</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Lösenord</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>Lösenordet igen</translation>
    </message>
    <message>
        <source>Create administrator</source>
        <translation>Skapa administratör</translation>
    </message>
    <message>
        <source>Write a user name, for example your first name.</source>
        <translation>Skriv ett användarnamn, till exempel ditt förnamn.</translation>
    </message>
    <message>
        <source>A user name is one word of at most 64 characters.</source>
        <translation>Ett användarnamn är ett ord på högst 64 tecken.</translation>
    </message>
    <message>
        <source>Write the administrator&apos;s full name.</source>
        <translation>Skriv administratörens för- och efternamn.</translation>
    </message>
    <message>
        <source>The team server&apos;s address, from your IT department (for example https://sst.kommun.se:8443):</source>
        <translation>Teamserverns adress, från IT-avdelningen (till exempel https://sst.kommun.se:8443):</translation>
    </message>
    <message>
        <source>Sign in to SST Desk.</source>
        <translation>Logga in i SST Desk.</translation>
    </message>
    <message>
        <source>SST Desk: sign in</source>
        <translation>SST Desk: logga in</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Logga in</translation>
    </message>
    <message>
        <source>Write your user name.</source>
        <translation>Skriv ditt användarnamn.</translation>
    </message>
    <message>
        <source>Write your password.</source>
        <translation>Skriv ditt lösenord.</translation>
    </message>
    <message>
        <source>Demo database (fictional data). Users: %1. Password for all: %2.</source>
        <translation>Demodatabas (påhittade uppgifter). Användare: %1. Lösenord för alla: %2.</translation>
    </message>
    <message>
        <source>Quit SST Desk</source>
        <translation>Avsluta SST Desk</translation>
    </message>
    <message>
        <source>Quit without saving? Changes not saved in open cases are lost.</source>
        <translation>Avsluta utan att spara? Ändringar som inte har sparats i öppna ärenden går förlorade.</translation>
    </message>
</context>
<context>
    <name>Skollinje</name>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 percentage points</source>
        <translation>%1 procentenheter</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>från %1</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 tim</translation>
    </message>
    <message>
        <source>%1 lessons</source>
        <translation>%1 lektioner</translation>
    </message>
    <message>
        <source>w %1</source>
        <translation>v. %1</translation>
    </message>
    <message>
        <source>Week %1</source>
        <translation>Vecka %1</translation>
    </message>
    <message>
        <source>Nothing scheduled (holiday or no data)</source>
        <translation>Inget schemalagt (lov eller inga uppgifter)</translation>
    </message>
    <message>
        <source>Absence: %1</source>
        <translation>Frånvaro: %1</translation>
    </message>
    <message>
        <source>Valid: %1 · Invalid: %2</source>
        <translation>Giltig: %1 · Ogiltig: %2</translation>
    </message>
    <message>
        <source>Absent %1 of %2 scheduled</source>
        <translation>Frånvarande %1 av %2 schemalagd tid</translation>
    </message>
    <message>
        <source>Goal %1</source>
        <translation>Mål %1</translation>
    </message>
    <message>
        <source>Baseline %1 on %2</source>
        <translation>Utgångsläge %1 den %2</translation>
    </message>
    <message>
        <source>Target %1 by %2</source>
        <translation>Målnivå %1 senast %2</translation>
    </message>
</context>
<context>
    <name>SkollinjeChart</name>
    <message>
        <source>School line</source>
        <translation>Skollinje</translation>
    </message>
    <message>
        <source>No attendance imported yet for this student. Import the school&apos;s export from the Team menu.</source>
        <translation>Ingen närvaro är importerad för eleven än. Importera skolans export från menyn Team.</translation>
    </message>
    <message>
        <source>Absence</source>
        <translation>Frånvaro</translation>
    </message>
    <message>
        <source>Invalid absence</source>
        <translation>Ogiltig frånvaro</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Mål</translation>
    </message>
    <message>
        <source>Flag thresholds</source>
        <translation>Flaggränser</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Händelse</translation>
    </message>
    <message>
        <source>Period (summary)</source>
        <translation>Period (sammanfattning)</translation>
    </message>
    <message>
        <source>Use the left and right arrow keys to read the absence week by week (or month by month).</source>
        <translation>Använd vänster- och högerpil för att läsa frånvaron vecka för vecka (eller månad för månad).</translation>
    </message>
</context>
<context>
    <name>SkollinjePage</name>
    <message>
        <source>Week by week</source>
        <translation>Vecka för vecka</translation>
    </message>
    <message>
        <source>Month by month</source>
        <translation>Månad för månad</translation>
    </message>
    <message>
        <source>Show absence</source>
        <translation>Visa frånvaro</translation>
    </message>
    <message>
        <source>Highlighted period</source>
        <translation>Markerad period</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Händelser</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
    <message>
        <source>Add event</source>
        <translation>Lägg till händelse</translation>
    </message>
    <message>
        <source>Edit event</source>
        <translation>Ändra händelse</translation>
    </message>
    <message>
        <source>Remove event</source>
        <translation>Ta bort händelse</translation>
    </message>
    <message>
        <source>No event noted. A school change, a placement or an illness noted here is marked on the school line.</source>
        <translation>Ingen händelse antecknad. Ett skolbyte, en placering eller en sjukdom som antecknas här markeras på skollinjen.</translation>
    </message>
    <message>
        <source>What happened, briefly (at most 500 characters).</source>
        <translation>Vad som hände, kort (högst 500 tecken).</translation>
    </message>
    <message>
        <source>Remove the event “%1” on %2?</source>
        <translation>Ta bort händelsen ”%1” den %2?</translation>
    </message>
</context>
<context>
    <name>StagePage</name>
    <message>
        <source>The student&apos;s own view</source>
        <translation>Elevens egen syn</translation>
    </message>
    <message>
        <source>In the student&apos;s own words, if possible.</source>
        <translation>Med elevens egna ord, om möjligt.</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>SST Desk cannot start</source>
        <translation>SST Desk kan inte starta</translation>
    </message>
    <message>
        <source>%1 is not an SST Desk database, or its key file (%1.keys) is missing. If it is your database, put back the key file from the backups folder; nothing was changed.</source>
        <translation>%1 är ingen SST Desk-databas, eller så saknas dess nyckelfil (%1.keys). Om det är din databas: lägg tillbaka nyckelfilen från mappen för säkerhetskopior. Ingenting har ändrats.</translation>
    </message>
    <message>
        <source>Automatic backup failed</source>
        <translation>Den automatiska säkerhetskopieringen misslyckades</translation>
    </message>
    <message>
        <source>The database is damaged</source>
        <translation>Databasen är skadad</translation>
    </message>
    <message>
        <source>There is no backup that passes its own check. Do not delete the file; ask IT for help.</source>
        <translation>Det finns ingen säkerhetskopia som klarar sin egen kontroll. Ta inte bort filen; be IT om hjälp.</translation>
    </message>
    <message>
        <source>Restore the newest whole backup, from %1? The damaged database is kept as a backup first. What was saved after %1 has to be entered again.</source>
        <translation>Återställa den senaste hela säkerhetskopian, från %1? Den skadade databasen sparas först som en säkerhetskopia. Det som sparats efter %1 behöver föras in igen.</translation>
    </message>
</context>
<context>
    <name>StatisticsWindow</name>
    <message>
        <source>Statistics – the whole team</source>
        <translation>Statistik – hela teamet</translation>
    </message>
    <message>
        <source>Statistics – my cases</source>
        <translation>Statistik – mina ärenden</translation>
    </message>
    <message>
        <source>Breakdown</source>
        <translation>Uppdelning</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Visa</translation>
    </message>
    <message>
        <source>Choose a period and a breakdown, then press Show.</source>
        <translation>Välj en period och en uppdelning och tryck sedan på Visa.</translation>
    </message>
    <message>
        <source>What is shown</source>
        <translation>Vad som visas</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Anmärkningar</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Vyer</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>Tabeller</translation>
    </message>
    <message>
        <source>Change in absence</source>
        <translation>Förändring i frånvaro</translation>
    </message>
    <message>
        <source>Time in stages</source>
        <translation>Tid i varje steg</translation>
    </message>
    <message>
        <source>Insatser</source>
        <translation>Insatser</translation>
    </message>
    <message>
        <source>Chart: students by gender</source>
        <translation>Diagram: elever efter kön</translation>
    </message>
    <message>
        <source>Chart: change in absence</source>
        <translation>Diagram: förändring i frånvaro</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exportera CSV…</translation>
    </message>
    <message>
        <source>Export Excel…</source>
        <translation>Exportera Excel…</translation>
    </message>
    <message>
        <source>Report (PDF)…</source>
        <translation>Rapport (PDF)…</translation>
    </message>
    <message>
        <source>Yearly report (PDF)…</source>
        <translation>Årsrapport (PDF)…</translation>
    </message>
    <message>
        <source>Export result</source>
        <translation>Exportens resultat</translation>
    </message>
    <message>
        <source>Count table</source>
        <translation>Antalstabell</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabell</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Mått</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Grupp</translation>
    </message>
    <message>
        <source>Absence in percent of the school time: the 8 weeks before inskrivning against the latest 4 weeks, or the 4 weeks before avslut. The change is in percentage points; below zero means less absence. Each student&apos;s change counts once; the median is the middle student&apos;s, and half of the students lie between q1 and q3.</source>
        <translation>Frånvaro i procent av skoltiden: de 8 veckorna före inskrivning jämfört med de senaste 4 veckorna, eller med de 4 veckorna före avslut. Förändringen anges i procentenheter; under noll betyder mindre frånvaro. Varje elevs förändring räknas en gång; medianen är den mittersta elevens, och hälften av eleverna ligger mellan q1 och q3.</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Steg</translation>
    </message>
    <message>
        <source>Days from the day a case entered a stage to the day it left it, for the stages left during the period; one figure per student (their latest case).</source>
        <translation>Dagar från den dag ärendet kom till ett steg till den dag det lämnade steget, för steg som lämnades under perioden; en siffra per elev (elevens senaste ärende).</translation>
    </message>
    <message>
        <source>Insats</source>
        <translation>Insats</translation>
    </message>
    <message>
        <source>Students with a case during the period that had the insats in its plan, and the median change in absence from before inskrivning to avslut of those whose case closed in the period; “–” when fewer than the threshold have that figure.</source>
        <translation>Elever med ett ärende under perioden som hade insatsen i sin plan, och medianen av förändringen i frånvaro från före inskrivning till avslut för dem vars ärende avslutades under perioden; ”–” när färre än gränsen har den siffran.</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Räknat</translation>
    </message>
    <message>
        <source>Students by gender</source>
        <translation>Elever efter kön</translation>
    </message>
    <message>
        <source>Chart of</source>
        <translation>Diagram över</translation>
    </message>
    <message>
        <source>Students</source>
        <translation>Elever</translation>
    </message>
    <message>
        <source>Distribution of the change in absence</source>
        <translation>Fördelning av förändringen i frånvaro</translation>
    </message>
    <message>
        <source>%1 (%2) · broken down by: %3 · %4 cases counted</source>
        <translation>%1 (%2) · uppdelat efter: %3 · %4 ärenden räknade</translation>
    </message>
    <message>
        <source>Each student is counted once in a cell, even with two cases.</source>
        <translation>Varje elev räknas en gång i en cell, även med två ärenden.</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Räknar…</translation>
    </message>
    <message>
        <source>A case with two responsible workers is counted under each of them, so the rows add up to more than the total, which counts each student once.</source>
        <translation>Ett ärende med två ansvariga handläggare räknas hos var och en av dem, så raderna blir tillsammans fler än totalen, som räknar varje elev en gång.</translation>
    </message>
    <message>
        <source>%1, by gender and %2</source>
        <translation>%1, efter kön och %2</translation>
    </message>
    <message>
        <source>%1, by gender</source>
        <translation>%1, efter kön</translation>
    </message>
    <message>
        <source>statistics</source>
        <translation>statistik</translation>
    </message>
    <message>
        <source>yearly-report</source>
        <translation>arsrapport</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-filer (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel-arbetsböcker (*.xlsx)</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-dokument (*.pdf)</translation>
    </message>
    <message>
        <source>Save the statistics as</source>
        <translation>Spara statistiken som</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>Skriver…</translation>
    </message>
    <message>
        <source>Saved as %1.</source>
        <translation>Sparad som %1.</translation>
    </message>
    <message>
        <source>Could not export</source>
        <translation>Kunde inte exportera</translation>
    </message>
    <message>
        <source>The file was not written. %1</source>
        <translation>Filen skrevs inte. %1</translation>
    </message>
    <message>
        <source>The period cannot end before it starts.</source>
        <translation>Perioden kan inte sluta innan den börjar.</translation>
    </message>
    <message>
        <source>The period is too long: choose at most five school years at a time.</source>
        <translation>Perioden är för lång: välj högst fem läsår åt gången.</translation>
    </message>
    <message>
        <source>This version does not know that breakdown.</source>
        <translation>Den här versionen känner inte till den uppdelningen.</translation>
    </message>
    <message>
        <source>This version cannot export in that format.</source>
        <translation>Den här versionen kan inte exportera i det formatet.</translation>
    </message>
    <message>
        <source>There is no table to draw.</source>
        <translation>Det finns ingen tabell att rita.</translation>
    </message>
    <message>
        <source>This group is hidden so that a smaller group cannot be worked out from the others: nothing is drawn.</source>
        <translation>Den här gruppen är dold så att en mindre grupp inte kan räknas fram ur de andra: inget ritas.</translation>
    </message>
    <message>
        <source>Fewer than %1 students with an absence figure here: nothing is drawn, so that no student can be recognised.</source>
        <translation>Färre än %1 elever med en frånvarosiffra här: inget ritas, så att ingen elev kan kännas igen.</translation>
    </message>
    <message>
        <source>Change in absence, percentage points (below zero: less absence)</source>
        <translation>Förändring i frånvaro, procentenheter (under noll: mindre frånvaro)</translation>
    </message>
    <message>
        <source>below %1</source>
        <translation>under %1</translation>
    </message>
    <message>
        <source>%1 or more</source>
        <translation>%1 eller mer</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 till %2</translation>
    </message>
    <message>
        <source>Fewer than %1 students: the number is not shown, so that no student can be recognised.</source>
        <translation>Färre än %1 elever: antalet visas inte, så att ingen elev kan kännas igen.</translation>
    </message>
    <message>
        <source>Hidden so that a smaller group cannot be worked out from the totals.</source>
        <translation>Dold så att en mindre grupp inte kan räknas fram ur summorna.</translation>
    </message>
    <message>
        <source>Median (percentage points)</source>
        <translation>Median (procentenheter)</translation>
    </message>
    <message>
        <source>Middle half (q1 to q3)</source>
        <translation>Mittersta hälften (q1 till q3)</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Medelvärde</translation>
    </message>
    <message>
        <source>Median days</source>
        <translation>Median, dagar</translation>
    </message>
    <message>
        <source>Median change in absence at closing (percentage points)</source>
        <translation>Median av förändringen i frånvaro vid avslut (procentenheter)</translation>
    </message>
    <message>
        <source>to</source>
        <translation>till</translation>
    </message>
    <message>
        <source>Fewer than %1 students: the figures are not shown, so that no student can be recognised.</source>
        <translation>Färre än %1 elever: siffrorna visas inte, så att ingen elev kan kännas igen.</translation>
    </message>
    <message>
        <source>Fewer than %1 of these students have this figure, so it is not shown.</source>
        <translation>Färre än %1 av de här eleverna har den här siffran, så den visas inte.</translation>
    </message>
    <message>
        <source>You do not have access to these statistics.</source>
        <translation>Du har inte behörighet till den här statistiken.</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistik</translation>
    </message>
    <message>
        <source>Your role has no statistics about the cases.</source>
        <translation>Din roll har ingen statistik om ärendena.</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ingen</translation>
    </message>
</context>
<context>
    <name>Stepper</name>
    <message>
        <source>done</source>
        <translation>klar</translation>
    </message>
    <message>
        <source>current stage</source>
        <translation>aktuell fas</translation>
    </message>
    <message>
        <source>visited</source>
        <translation>besökt</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>låst</translation>
    </message>
</context>
<context>
    <name>StudentFields</name>
    <message>
        <source>First name</source>
        <translation>Förnamn</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Efternamn</translation>
    </message>
    <message>
        <source>Personal identity number</source>
        <translation>Personnummer</translation>
    </message>
    <message>
        <source>School</source>
        <translation>Skola</translation>
    </message>
    <message>
        <source>School year</source>
        <translation>Årskurs</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Kön</translation>
    </message>
    <message>
        <source>Protected personal data</source>
        <translation>Skyddade personuppgifter</translation>
    </message>
    <message>
        <source>Date raised</source>
        <translation>Datum för aktualisering</translation>
    </message>
    <message>
        <source>Raised by</source>
        <translation>Aktualiserat av</translation>
    </message>
    <message>
        <source>Name of who raised it</source>
        <translation>Namn på den som aktualiserade</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Anledning</translation>
    </message>
    <message>
        <source>YYYYMMDD-NNNN – leave empty if none yet</source>
        <translation>ÅÅÅÅMMDD-NNNN – lämna tomt om det saknas än</translation>
    </message>
    <message>
        <source>Personal identity or coordination number, 10 or 12 digits. Leave empty if the student has none yet.</source>
        <translation>Person- eller samordningsnummer, 10 eller 12 siffror. Lämna tomt om eleven inte har något än.</translation>
    </message>
    <message>
        <source>Used only for the gender-disaggregated statistics.</source>
        <translation>Används bara för den könsuppdelade statistiken.</translation>
    </message>
    <message>
        <source>The student has protected identity: address and school are left out of prints.</source>
        <translation>Eleven har skyddad identitet: adress och skola skrivs inte ut.</translation>
    </message>
    <message>
        <source>Why is the student brought to the team?</source>
        <translation>Varför aktualiseras eleven i teamet?</translation>
    </message>
</context>
<context>
    <name>UppfoljningPage</name>
    <message>
        <source>Follow-ups</source>
        <translation>Uppföljningar</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Plan version</source>
        <translation>Planversion</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>Bedömningar</translation>
    </message>
    <message>
        <source>Absence (%)</source>
        <translation>Frånvaro (%)</translation>
    </message>
    <message>
        <source>Conclusion</source>
        <translation>Slutsats</translation>
    </message>
    <message>
        <source>Record follow-up</source>
        <translation>Registrera uppföljning</translation>
    </message>
    <message>
        <source>Edit follow-up</source>
        <translation>Ändra uppföljning</translation>
    </message>
    <message>
        <source>No follow-up recorded yet.</source>
        <translation>Ingen uppföljning är registrerad än.</translation>
    </message>
    <message>
        <source>Next round</source>
        <translation>Nästa omgång</translation>
    </message>
    <message>
        <source>Next follow-up date</source>
        <translation>Datum för nästa uppföljning</translation>
    </message>
    <message>
        <source>Needed to continue with the same plan.</source>
        <translation>Behövs för att fortsätta med samma plan.</translation>
    </message>
    <message>
        <source>Follow-up time</source>
        <translation>Tid för uppföljningen</translation>
    </message>
    <message>
        <source>Follow-up place</source>
        <translation>Plats för uppföljningen</translation>
    </message>
    <message>
        <source>For example: the school&apos;s meeting room</source>
        <translation>Till exempel: skolans konferensrum</translation>
    </message>
    <message>
        <source>Date of the follow-up</source>
        <translation>Datum för uppföljningen</translation>
    </message>
    <message>
        <source>— rate —</source>
        <translation>— bedöm —</translation>
    </message>
    <message>
        <source>Comment on “%1”</source>
        <translation>Kommentar om ”%1”</translation>
    </message>
    <message>
        <source>Absence now (%)</source>
        <translation>Frånvaro nu (%)</translation>
    </message>
    <message>
        <source>Conclusion: what changes next</source>
        <translation>Slutsats: vad som ändras framöver</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>Users</source>
        <translation>Användare</translation>
    </message>
    <message>
        <source>Who may sign in to this database, and in which role. An account is never deleted; switch it off when someone leaves. A password you set is a first password: the person chooses their own the next time they sign in.</source>
        <translation>Vilka som får logga in i databasen, och med vilken roll. Ett konto tas aldrig bort; stäng av det när någon slutar. Ett lösenord som du sätter är ett första lösenord: personen väljer ett eget nästa gång hen loggar in.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Användarnamn</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Roll</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Last signed in</source>
        <translation>Senast inloggad</translation>
    </message>
    <message>
        <source>Add user…</source>
        <translation>Lägg till användare…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Ändra…</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>Återställ lösenord…</translation>
    </message>
    <message>
        <source>Switch off</source>
        <translation>Stäng av</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktivt</translation>
    </message>
    <message>
        <source>Switched off</source>
        <translation>Avstängt</translation>
    </message>
    <message>
        <source>Active, must choose a password</source>
        <translation>Aktivt, måste välja lösenord</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Aldrig</translation>
    </message>
    <message>
        <source>Switch on…</source>
        <translation>Aktivera igen…</translation>
    </message>
    <message>
        <source>What the person types to sign in; no spaces.</source>
        <translation>Det personen skriver för att logga in; inga mellanslag.</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>För- och efternamn</translation>
    </message>
    <message>
        <source>First password</source>
        <translation>Första lösenord</translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation>Upprepa lösenordet</translation>
    </message>
    <message>
        <source>There is already a user called %1.</source>
        <translation>Det finns redan en användare som heter %1.</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>Lägg till användare</translation>
    </message>
    <message>
        <source>Give the person the first password in a safe way. They must choose their own when they first sign in.</source>
        <translation>Ge personen det första lösenordet på ett säkert sätt. Hen måste välja ett eget första gången hen loggar in.</translation>
    </message>
    <message>
        <source>Write a user name.</source>
        <translation>Skriv ett användarnamn.</translation>
    </message>
    <message>
        <source>A user name has no spaces.</source>
        <translation>Ett användarnamn får inte innehålla mellanslag.</translation>
    </message>
    <message>
        <source>Write the person&apos;s full name.</source>
        <translation>Skriv personens för- och efternamn.</translation>
    </message>
    <message>
        <source>Edit user %1</source>
        <translation>Ändra användaren %1</translation>
    </message>
    <message>
        <source>You are no longer an administrator, so the user administration closes.</source>
        <translation>Du är inte längre administratör, så användarhanteringen stängs.</translation>
    </message>
    <message>
        <source>Set a new first password for %1 and give it to them in a safe way. They must choose their own the next time they sign in.</source>
        <translation>Sätt ett nytt första lösenord för %1 och ge det till hen på ett säkert sätt. Hen måste välja ett eget nästa gång hen loggar in.</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>Återställ lösenord</translation>
    </message>
    <message>
        <source>The password of %1 has been reset.</source>
        <translation>Lösenordet för %1 har återställts.</translation>
    </message>
    <message>
        <source>%1 can sign in again with a new first password. Give it to them in a safe way; they must choose their own the next time they sign in.</source>
        <translation>%1 kan logga in igen med ett nytt första lösenord. Ge det till hen på ett säkert sätt; hen måste välja ett eget nästa gång hen loggar in.</translation>
    </message>
    <message>
        <source>Switch on</source>
        <translation>Aktivera igen</translation>
    </message>
    <message>
        <source>You cannot switch off the account you are signed in with. Ask another administrator to do it.</source>
        <translation>Du kan inte stänga av kontot som du är inloggad med. Be en annan administratör att göra det.</translation>
    </message>
    <message>
        <source>Switch off the account of %1? They can no longer sign in or open the database. Their cases and what they recorded are kept; you can switch the account on again.</source>
        <translation>Stänga av kontot för %1? Hen kan då inte längre logga in eller öppna databasen. Hens ärenden och det hen har registrerat finns kvar; du kan aktivera kontot igen.</translation>
    </message>
    <message>
        <source>The account of %1 is switched off.</source>
        <translation>Kontot för %1 är avstängt.</translation>
    </message>
    <message>
        <source>The database is open elsewhere (another window or a command), so it could not be given a new key now: until then, an old copy of the key file still opens it. Close SST Desk everywhere else; the new key is made the next time someone signs in.</source>
        <translation>Databasen är öppen på annat håll (ett annat fönster eller ett kommando), så den kunde inte få en ny nyckel nu. Till dess kan en gammal kopia av nyckelfilen fortfarande öppna den. Stäng SST Desk överallt annars; den nya nyckeln skapas nästa gång någon loggar in.</translation>
    </message>
    <message>
        <source>The database and its backups have a new key: old passwords and old copies of the key file no longer open them.</source>
        <translation>Databasen och dess säkerhetskopior har fått en ny nyckel: gamla lösenord och gamla kopior av nyckelfilen öppnar dem inte längre.</translation>
    </message>
    <message>
        <source>These accounts had not signed in since SST Desk was updated and could not be given the new key: %1. Give each of them a new first password (Reset password).</source>
        <translation>De här kontona har inte loggat in sedan SST Desk uppdaterades och kunde inte få den nya nyckeln: %1. Ge var och en av dem ett nytt första lösenord (Återställ lösenord).</translation>
    </message>
    <message>
        <source>%1 backup(s) are under a key nobody here has and were left as they were.</source>
        <translation>%1 säkerhetskopior är krypterade med en nyckel som ingen här har och lämnades som de var.</translation>
    </message>
    <message>
        <source>New first password</source>
        <translation>Nytt första lösenord</translation>
    </message>
    <message>
        <source>This is the last active administrator. Make someone else an administrator first; otherwise nobody could add users or reset a forgotten password.</source>
        <translation>Det här är den sista aktiva administratören. Gör någon annan till administratör först; annars kan ingen lägga till användare eller återställa ett glömt lösenord.</translation>
    </message>
</context>
<context>
    <name>VidmakthallandePage</name>
    <message>
        <source>Not yet</source>
        <translation>Inte än</translation>
    </message>
    <message>
        <source>Took place</source>
        <translation>Hölls</translation>
    </message>
    <message>
        <source>Did not take place</source>
        <translation>Hölls inte</translation>
    </message>
    <message>
        <source>For example: the school&apos;s meeting room</source>
        <translation>Till exempel: skolans konferensrum</translation>
    </message>
    <message>
        <source>Booster session date</source>
        <translation>Datum för boosterträff</translation>
    </message>
    <message>
        <source>Booster session time</source>
        <translation>Tid för boosterträffen</translation>
    </message>
    <message>
        <source>Booster session place</source>
        <translation>Plats för boosterträffen</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Utfall</translation>
    </message>
    <message>
        <source>Held on</source>
        <translation>Hölls den</translation>
    </message>
    <message>
        <source>Notes from the booster session</source>
        <translation>Anteckningar från boosterträffen</translation>
    </message>
</context>
</TS>
