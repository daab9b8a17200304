; Inno Setup script of SST Desk's Windows installer (per user, no administrator rights).
; Built by installer/build.ps1 after PyInstaller made dist\sst-desk from installer/sst_desk.spec:
;   ISCC.exe /DAppVersion=0.1.0 installer\sst-desk.iss      (build.ps1 passes the version from sst_desk/__init__.py)
; Output: dist\SST-Desk-<version>-setup.exe. Silent install for municipal IT: docs/installing.md.
;
; What it does, and why:
; - Installs into {localappdata}\Programs\SST Desk for the user who runs it (PrivilegesRequired=lowest): most
;   school laptops give their users no administrator rights.
; - A Start-menu entry (and, if ticked, a desktop icon) starting "SST Desk.exe", the windowed executable.
; - AppId never changes: a newer setup.exe installs over the old one in place (the same folder, the same
;   uninstaller). The data folder is not in the program folder, so an update never touches it; SST Desk
;   itself migrates the database at the next start, after a backup.
; - The uninstaller removes the program and KEEPS the data folder (%LOCALAPPDATA%\sst-desk: the encrypted
;   database, its key file, backups, logs) unless the person answers Yes to removing it; the default button is
;   No, and a silent uninstall (/SILENT, /VERYSILENT) never asks and keeps it.

#ifndef AppVersion
  #error Pass the version: ISCC.exe /DAppVersion=X.Y.Z installer\sst-desk.iss (build.ps1 does)
#endif

; The Swedish wizard: Inno Setup 6 does not ship Swedish.isl (it is one of the user-contributed translations,
; https://jrsoftware.org/files/istrans/). Put it beside this script (installer\Swedish.isl) or in Inno Setup's
; Languages folder; without it the installer is English only (build.ps1 warns).
#if FileExists(AddBackslash(SourcePath) + "Swedish.isl")
  #define SwedishMessages AddBackslash(SourcePath) + "Swedish.isl"
#elif FileExists(AddBackslash(CompilerPath) + "Languages\Swedish.isl")
  #define SwedishMessages AddBackslash(CompilerPath) + "Languages\Swedish.isl"
#endif

[Setup]
AppId={{6D3B8A52-1F0C-4E8A-9C59-5A7E2B3C4D16}
AppName=SST Desk
AppVersion={#AppVersion}
AppVerName=SST Desk {#AppVersion}
AppPublisher=SST Desk
VersionInfoVersion={#AppVersion}
DefaultDirName={localappdata}\Programs\SST Desk
DefaultGroupName=SST Desk
DisableProgramGroupPage=yes
DisableDirPage=auto
PrivilegesRequired=lowest
OutputDir=..\dist
OutputBaseFilename=SST-Desk-{#AppVersion}-setup
SourceDir=.
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
UninstallDisplayIcon={app}\SST Desk.exe
UninstallDisplayName=SST Desk
CloseApplications=yes

[Languages]
#ifdef SwedishMessages
Name: "sv"; MessagesFile: "{#SwedishMessages}"
#endif
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
#ifdef SwedishMessages
sv.RemoveDataQuestion=Vill du också ta bort SST Desks data på den här datorn (databasen med alla ärenden, dess nyckelfil, säkerhetskopior och loggar) i %1, och dess inställningar?%n%nVälj Nej för att behålla den (rekommenderas). Det går inte att ångra.
#endif
en.RemoveDataQuestion=Do you also want to remove SST Desk's data on this computer (the database with every case, its key file, backups and logs) in %1, and its settings?%n%nChoose No to keep it (recommended). This cannot be undone.
#ifdef SwedishMessages
sv.DesktopIcon=Skapa en ikon på skrivbordet
#endif
en.DesktopIcon=Create a desktop icon

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"; Flags: unchecked

[Files]
; The whole PyInstaller folder: sst-desk.exe (the command line), "SST Desk.exe" (the window), _internal\.
Source: "..\dist\sst-desk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An update replaces the bundle's libraries wholesale: files an older version had and this one does not
; (a Qt plugin left out, a renamed module) must not linger beside the new ones.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\SST Desk"; Filename: "{app}\SST Desk.exe"; WorkingDir: "{app}"
Name: "{userdesktop}\SST Desk"; Filename: "{app}\SST Desk.exe"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\SST Desk.exe"; Description: "{cm:LaunchProgram,SST Desk}"; Flags: nowait postinstall skipifsilent

[Code]
// The data folder SST Desk uses on Windows: platformdirs' user_data_dir("sst-desk", appauthor=False),
// i.e. %LOCALAPPDATA%\sst-desk (sst_desk/paths.py; SST_DESK_DATA_DIR moves it, and is not followed here:
// a folder somewhere else is the IT department's to remove).
function DataDir(): String;
begin
  Result := ExpandConstant('{localappdata}\sst-desk');
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and DirExists(DataDir()) then
  begin
    // Silent: never asked, always kept. Otherwise asked, with No (keep) as the default button.
    if UninstallSilent() then
      Exit;
    if SuppressibleMsgBox(FmtMessage(CustomMessage('RemoveDataQuestion'), [DataDir()]), mbConfirmation,
                          MB_YESNO or MB_DEFBUTTON2, IDNO) = IDYES then
    begin
      DelTree(DataDir(), True, True, True);
      // This computer's settings of SST Desk (QSettings' INI file: language, last user, server address).
      DelTree(ExpandConstant('{userappdata}\sst-desk'), True, True, True);
    end;
  end;
end;
