; Inno Setup 6 script: a per-user installer for the PyInstaller folder (no administrator rights).
;   iscc /DAppVersion=0.1.0 /DSourceDir=..\..\build\dist-windows\frozen\huurdersgroep ^
;        /DIconFile=..\..\build\dist-windows\icons\huurdersgroep.ico installer\windows\huurdersgroep.iss
; Installs to %LOCALAPPDATA%\Programs\Huurdersgroep with a Start-menu entry and an uninstaller.
; The group's data lives in %LOCALAPPDATA%\huurdersgroep (platformdirs), outside the program
; folder: installing a newer version over an older one, or uninstalling, never touches it.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\build\dist-windows\frozen\huurdersgroep"
#endif
#ifndef IconFile
  #define IconFile "..\..\build\dist-windows\icons\huurdersgroep.ico"
#endif

[Setup]
AppId={{6E0C4E8B-3A57-4F0B-9C55-7B1B2C2F4A11}
AppName=Huurdersgroep
AppVersion={#AppVersion}
AppVerName=Huurdersgroep {#AppVersion}
AppPublisher=huurdersgroep_app
DefaultDirName={localappdata}\Programs\Huurdersgroep
DefaultGroupName=Huurdersgroep
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=huurdersgroep-{#AppVersion}-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\huurdersgroep.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "nl"; MessagesFile: "compiler:Languages\Dutch.isl"
Name: "fr"; MessagesFile: "compiler:Languages\French.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
nl.DataStays=Uw gegevens blijven bewaard in %1. Verwijder die map zelf als u ze niet meer nodig hebt.
fr.DataStays=Vos données restent dans %1. Supprimez ce dossier vous-même si vous n'en avez plus besoin.
en.DataStays=Your group's data stays in %1. Delete that folder yourself if you no longer need it.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An update replaces the whole program folder, so no file of an older version lingers.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{userprograms}\Huurdersgroep"; Filename: "{app}\huurdersgroep.exe"; AppUserModelID: "be.huurdersgroep.App"
Name: "{userdesktop}\Huurdersgroep"; Filename: "{app}\huurdersgroep.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\huurdersgroep.exe"; Description: "{cm:LaunchProgram,Huurdersgroep}"; Flags: nowait postinstall skipifsilent

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent then
    MsgBox(FmtMessage(CustomMessage('DataStays'), [ExpandConstant('{localappdata}\huurdersgroep')]),
           mbInformation, MB_OK);
end;
