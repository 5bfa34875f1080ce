; Inno Setup script: wraps the one-folder build into Linimasa-Setup-<version>.exe,
; a per-user installer that needs no administrator rights.
;
;   py packaging\build.py --onedir                         (gives dist\Linimasa-folder\)
;   "%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 packaging\linimasa.iss
;
; The result is dist\Linimasa-Setup-0.1.0.exe. .github/workflows/release.yml does both.
; Recipe only: it cannot be compiled or run on the Linux machine the project is built on
; (README: "Installing on office PCs" says what is verified where).
;
; - Installs into %LOCALAPPDATA%\Programs\Linimasa ({autopf} in non-administrative mode),
;   with a Start-menu shortcut (and a desktop one if ticked). No UAC prompt.
; - Upgrades in place: the fixed AppId below makes a newer installer find the installed
;   version, reuse its folder and replace the program. Never change the AppId.
; - The user's data is not here but in %LOCALAPPDATA%\Linimasa (platformdirs): neither an
;   upgrade nor uninstalling touches it.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define AppName "Linimasa"
#define AppExe "Linimasa.exe"
#define BuildDir "..\dist\Linimasa-folder"

[Setup]
; The application's identity for Windows: fixed for ever (upgrades find it by this id).
AppId={{9DB88CDE-1298-4A23-9599-237D35FA4D52}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist
OutputBaseFilename={#AppName}-Setup-{#AppVersion}
SetupIconFile=linimasa.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; A running Linimasa is asked to close before its files are replaced (Restart Manager).
CloseApplications=yes
RestartApplications=no

[Languages]
; Inno Setup ships no official Indonesian translation; the wizard is in English.
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the bundle whole: no library of the previous version is left behind.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BuildDir}\{#AppExe}"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#BuildDir}\_internal\*"; DestDir: "{app}\_internal"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
