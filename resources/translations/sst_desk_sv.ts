<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE" sourcelanguage="en">
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
    <name>AvslutPage</name>
    <message>
        <source>Reason for closing</source>
        <translation>Skäl till avslut</translation>
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
        <source>Booster session</source>
        <translation>Boosterträff</translation>
    </message>
    <message>
        <source>Booster session date</source>
        <translation>Datum för boosterträff</translation>
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
        <source>Back up now</source>
        <translation>Säkerhetskopiera nu</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Återställ…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
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
        <source>Restore failed</source>
        <translation>Återställningen misslyckades</translation>
    </message>
    <message>
        <source>The backup from %1 was restored.</source>
        <translation>Säkerhetskopian från %1 har återställts.</translation>
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
        <source>&amp;Case</source>
        <translation>Ä&amp;rende</translation>
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
        <source>Could not save</source>
        <translation>Kunde inte spara</translation>
    </message>
    <message>
        <source>Saved at %1</source>
        <translation>Sparat kl. %1</translation>
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
        <source>Comment (optional)</source>
        <translation>Kommentar (frivillig)</translation>
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
        <source>Stage</source>
        <translation>Fas</translation>
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
        <source>The file could not be written: %1</source>
        <translation>Filen kunde inte skrivas: %1</translation>
    </message>
</context>
<context>
    <name>Form</name>
    <message>
        <source>Write the date as YYYY-MM-DD, for example 2026-11-22.</source>
        <translation>Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-11-22.</translation>
    </message>
    <message>
        <source>Write a number, for example 12,5.</source>
        <translation>Skriv ett tal, till exempel 12,5.</translation>
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
        <source>%1 has signed a consent, which must stay on record. Untick “Must consent” instead.</source>
        <translation>%1 har skrivit under ett samtycke, som måste finnas kvar. Avmarkera ”Ska samtycka” i stället.</translation>
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
    <name>Labels</name>
    <message>
        <source>Referral to the team</source>
        <translation>Aktualisering</translation>
    </message>
    <message>
        <source>Enrolment and consent</source>
        <translation>Inskrivning och samtycke</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>Kartläggning</translation>
    </message>
    <message>
        <source>Planning</source>
        <translation>Planering</translation>
    </message>
    <message>
        <source>Implementation</source>
        <translation>Genomförande</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Uppföljning</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Avslutad</translation>
    </message>
    <message>
        <source>Booster session</source>
        <translation>Vidmakthållande (boosterträff)</translation>
    </message>
    <message>
        <source>Level 1 – promoting attendance</source>
        <translation>Nivå 1 – närvarofrämjande</translation>
    </message>
    <message>
        <source>Level 2 – preventive</source>
        <translation>Nivå 2 – förebyggande</translation>
    </message>
    <message>
        <source>Level 3 – remedial</source>
        <translation>Nivå 3 – åtgärdande</translation>
    </message>
    <message>
        <source>Without needs assessment</source>
        <translation>Utan behovsprövning</translation>
    </message>
    <message>
        <source>After investigation and decision</source>
        <translation>Efter utredning och beslut</translation>
    </message>
    <message>
        <source>School</source>
        <translation>Skolan</translation>
    </message>
    <message>
        <source>Student health team</source>
        <translation>Elevhälsan</translation>
    </message>
    <message>
        <source>Guardian</source>
        <translation>Vårdnadshavare</translation>
    </message>
    <message>
        <source>The student</source>
        <translation>Eleven</translation>
    </message>
    <message>
        <source>Social services</source>
        <translation>Socialtjänsten</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Annat</translation>
    </message>
    <message>
        <source>Girl</source>
        <translation>Flicka</translation>
    </message>
    <message>
        <source>Someone else</source>
        <translation>Annan</translation>
    </message>
    <message>
        <source>Boy</source>
        <translation>Pojke</translation>
    </message>
    <message>
        <source>Not stated</source>
        <translation>Ej angivet</translation>
    </message>
    <message>
        <source>Absence investigation</source>
        <translation>Frånvaroutredning</translation>
    </message>
    <message>
        <source>Adjustments</source>
        <translation>Extra anpassningar</translation>
    </message>
    <message>
        <source>Special support</source>
        <translation>Särskilt stöd</translation>
    </message>
    <message>
        <source>Action programme</source>
        <translation>Åtgärdsprogram</translation>
    </message>
    <message>
        <source>Student health meeting</source>
        <translation>Elevhälsomöte</translation>
    </message>
    <message>
        <source>Contact with guardians</source>
        <translation>Kontakt med vårdnadshavare</translation>
    </message>
    <message>
        <source>Region (child psychiatry, health centre)</source>
        <translation>Regionen (BUP, vårdcentral)</translation>
    </message>
    <message>
        <source>Other party</source>
        <translation>Annan part</translation>
    </message>
    <message>
        <source>Action programmes</source>
        <translation>Åtgärdsprogram</translation>
    </message>
    <message>
        <source>Pedagogical assessments</source>
        <translation>Pedagogiska utredningar</translation>
    </message>
    <message>
        <source>Reports of degrading treatment</source>
        <translation>Anmälningar om kränkande behandling</translation>
    </message>
    <message>
        <source>Parents&apos; documented views</source>
        <translation>Föräldrars dokumenterade synpunkter</translation>
    </message>
    <message>
        <source>Reports to the Schools Inspectorate</source>
        <translation>Anmälningar till Skolinspektionen</translation>
    </message>
    <message>
        <source>Registered attendance</source>
        <translation>Registrerad skolnärvaro</translation>
    </message>
    <message>
        <source>Goal attainment and grades</source>
        <translation>Måluppfyllelse och betyg</translation>
    </message>
    <message>
        <source>Documented adjustments</source>
        <translation>Dokumenterade anpassningar</translation>
    </message>
    <message>
        <source>Individual development plan</source>
        <translation>Individuell utvecklingsplan (IUP)</translation>
    </message>
    <message>
        <source>Complaints handling</source>
        <translation>Klagomålshantering</translation>
    </message>
    <message>
        <source>Earlier social services investigations</source>
        <translation>Tidigare socialtjänstutredningar</translation>
    </message>
    <message>
        <source>School-related factors</source>
        <translation>Skolrelaterade faktorer</translation>
    </message>
    <message>
        <source>Individual factors</source>
        <translation>Individrelaterade faktorer</translation>
    </message>
    <message>
        <source>Family factors</source>
        <translation>Familjerelaterade faktorer</translation>
    </message>
    <message>
        <source>Further factors</source>
        <translation>Ytterligare faktorer</translation>
    </message>
    <message>
        <source>Bullying</source>
        <translation>Mobbning</translation>
    </message>
    <message>
        <source>Social climate</source>
        <translation>Socialt klimat</translation>
    </message>
    <message>
        <source>Physical environment</source>
        <translation>Fysisk miljö och arbetsmiljö</translation>
    </message>
    <message>
        <source>Teaching situation</source>
        <translation>Den pedagogiska situationen</translation>
    </message>
    <message>
        <source>Need for support and adjustment</source>
        <translation>Behov av stöd och anpassning</translation>
    </message>
    <message>
        <source>Anxiety</source>
        <translation>Ångest</translation>
    </message>
    <message>
        <source>Neurodevelopmental disorder</source>
        <translation>Neuropsykiatrisk funktionsnedsättning (NPF)</translation>
    </message>
    <message>
        <source>Depression or low mood</source>
        <translation>Depression eller nedstämdhet</translation>
    </message>
    <message>
        <source>Parents&apos; own school experiences</source>
        <translation>Föräldrars egna skolerfarenheter</translation>
    </message>
    <message>
        <source>Trust</source>
        <translation>Förtroende</translation>
    </message>
    <message>
        <source>Communication and interaction in the family</source>
        <translation>Kommunikation och samspel i familjen</translation>
    </message>
    <message>
        <source>Practical means to support the child</source>
        <translation>Praktiska möjligheter att stötta barnet</translation>
    </message>
    <message>
        <source>Peer factors</source>
        <translation>Kamratfaktorer</translation>
    </message>
    <message>
        <source>Medical causes</source>
        <translation>Medicinska orsaker</translation>
    </message>
    <message>
        <source>Earlier interventions</source>
        <translation>Tidigare insatser</translation>
    </message>
    <message>
        <source>Obstacles and resources</source>
        <translation>Hinder och resurser</translation>
    </message>
    <message>
        <source>School attendance</source>
        <translation>Skolnärvaro</translation>
    </message>
    <message>
        <source>School connectedness</source>
        <translation>Skolanknytning</translation>
    </message>
    <message>
        <source>Parents&apos; involvement in schooling</source>
        <translation>Föräldrars engagemang i skolgången</translation>
    </message>
    <message>
        <source>A trusting relationship</source>
        <translation>En tillitsfull relation</translation>
    </message>
    <message>
        <source>Continuity and school stability</source>
        <translation>Kontinuitet och skolstabilitet</translation>
    </message>
    <message>
        <source>Structured leisure activities</source>
        <translation>Strukturerade fritidsaktiviteter</translation>
    </message>
    <message>
        <source>Social skills and peer relations</source>
        <translation>Sociala färdigheter och kamratrelationer</translation>
    </message>
    <message>
        <source>School results</source>
        <translation>Skolresultat</translation>
    </message>
    <message>
        <source>Well-being at school</source>
        <translation>Trivsel i skolan</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Hälsa</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Familj</translation>
    </message>
    <message>
        <source>Leisure</source>
        <translation>Fritid</translation>
    </message>
    <message>
        <source>Other area</source>
        <translation>Annat</translation>
    </message>
    <message>
        <source>Other actor</source>
        <translation>Annan aktör</translation>
    </message>
    <message>
        <source>Achieved</source>
        <translation>Uppnått</translation>
    </message>
    <message>
        <source>Partly achieved</source>
        <translation>Delvis uppnått</translation>
    </message>
    <message>
        <source>Not achieved</source>
        <translation>Ej uppnått</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Möte</translation>
    </message>
    <message>
        <source>Telephone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Home visit</source>
        <translation>Hembesök</translation>
    </message>
    <message>
        <source>Video meeting</source>
        <translation>Videomöte</translation>
    </message>
    <message>
        <source>Visit at school</source>
        <translation>Besök i skolan</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meddelande</translation>
    </message>
    <message>
        <source>Goals achieved</source>
        <translation>Målen är uppnådda</translation>
    </message>
    <message>
        <source>Referred on</source>
        <translation>Hänvisad vidare</translation>
    </message>
    <message>
        <source>Moved</source>
        <translation>Har flyttat</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Har avböjt</translation>
    </message>
    <message>
        <source>Does not meet the criteria</source>
        <translation>Uppfyller inte kriterierna</translation>
    </message>
    <message>
        <source>Other reason</source>
        <translation>Annat skäl</translation>
    </message>
    <message>
        <source>Referral elsewhere</source>
        <translation>Hänvisning</translation>
    </message>
    <message>
        <source>Report of concern to social services</source>
        <translation>Orosanmälan till socialtjänsten</translation>
    </message>
    <message>
        <source>Application to social services</source>
        <translation>Ansökan till socialtjänsten</translation>
    </message>
    <message>
        <source>Coordinated individual plan (SIP)</source>
        <translation>Samordnad individuell plan (SIP)</translation>
    </message>
    <message>
        <source>Follow-up overdue</source>
        <translation>Uppföljning försenad</translation>
    </message>
    <message>
        <source>Consent expires soon</source>
        <translation>Samtycket går snart ut</translation>
    </message>
    <message>
        <source>Booster session due</source>
        <translation>Dags för boosterträff</translation>
    </message>
    <message>
        <source>Consent missing</source>
        <translation>Samtycke saknas</translation>
    </message>
    <message>
        <source>Enrol the student</source>
        <translation>Skriv in eleven</translation>
    </message>
    <message>
        <source>Close: does not meet the criteria</source>
        <translation>Avsluta: uppfyller inte kriterierna</translation>
    </message>
    <message>
        <source>Start the assessment</source>
        <translation>Påbörja kartläggningen</translation>
    </message>
    <message>
        <source>Close: the family declined</source>
        <translation>Avsluta: familjen avböjde</translation>
    </message>
    <message>
        <source>Assessment done: plan</source>
        <translation>Kartläggningen klar: planera</translation>
    </message>
    <message>
        <source>Start the plan</source>
        <translation>Påbörja genomförandet</translation>
    </message>
    <message>
        <source>Close: referred on</source>
        <translation>Avsluta: hänvisad vidare</translation>
    </message>
    <message>
        <source>Start the follow-up</source>
        <translation>Påbörja uppföljningen</translation>
    </message>
    <message>
        <source>Continue with the same plan</source>
        <translation>Fortsätt med samma plan</translation>
    </message>
    <message>
        <source>Revise the plan</source>
        <translation>Revidera planen</translation>
    </message>
    <message>
        <source>Close the case</source>
        <translation>Avsluta ärendet</translation>
    </message>
    <message>
        <source>Book the booster session</source>
        <translation>Boka boosterträff</translation>
    </message>
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
        <source>Quit</source>
        <translation>Avsluta</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Arkiv</translation>
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
        <source>The plan has no goal on school attendance or school results. Such a goal is recommended.</source>
        <translation>Planen har inget mål för skolnärvaro eller skolresultat. Ett sådant mål rekommenderas.</translation>
    </message>
    <message>
        <source>The consent from %1 expires soon.</source>
        <translation>Samtycket från %1 går snart ut.</translation>
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
        <source>This goal has been rated at a follow-up and stays on record. Revise the plan to change its goals.</source>
        <translation>Målet har bedömts vid en uppföljning och ska finnas kvar. Revidera planen för att ändra målen.</translation>
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
        <source>The case was closed as referred on; its referral stays on record.</source>
        <translation>Ärendet avslutades som hänvisat; hänvisningen ska finnas kvar.</translation>
    </message>
    <message>
        <source>Remove the referral to %1?</source>
        <translation>Ta bort hänvisningen till %1?</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Handlingsplan</source>
        <translation>Handlingsplan</translation>
    </message>
    <message>
        <source>Save the action plan as</source>
        <translation>Spara handlingsplanen som</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-dokument (*.pdf)</translation>
    </message>
    <message>
        <source>Could not print</source>
        <translation>Kunde inte skriva ut</translation>
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
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Write a whole number from 1 to 100.</source>
        <translation>Skriv ett heltal från 1 till 100.</translation>
    </message>
    <message>
        <source>Team name on prints</source>
        <translation>Teamets namn på utskrifter</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Ditt namn</translation>
    </message>
    <message>
        <source>Recorded with every step you take. Empty: your login name.</source>
        <translation>Registreras med varje steg du tar. Tomt: ditt inloggningsnamn.</translation>
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
        <source>Settings</source>
        <translation>Inställningar</translation>
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
        <source>Booster session date</source>
        <translation>Datum för boosterträff</translation>
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
