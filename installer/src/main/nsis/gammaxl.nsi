; GammaXL per-user installer for 64-bit Excel.
; Build: makensis -DPAYLOAD=<dir> -DOUTFILE=<setup.exe> -DVERSION=<x.y.z> [-DCOMPRESSOR=zlib] gammaxl.nsi
; PAYLOAD holds what is copied into the install folder: gammaxl64.xll, its metadata (gammaxl.meta)
; and config (gammaxl.cfg), lib\gammaxl.jar, templates\, docs\ and optionally jre\ (a bundled
; 64-bit Java runtime).
; Silent install for deployment: setup.exe /S   Silent uninstall: uninstall.exe /S

Unicode true
Target amd64-unicode
!ifdef COMPRESSOR
  SetCompressor ${COMPRESSOR}
!else
  SetCompressor /SOLID lzma
!endif
RequestExecutionLevel user

!include LogicLib.nsh
!include FileFunc.nsh

!ifndef PAYLOAD
  !error "define PAYLOAD: the folder to install"
!endif
!ifndef OUTFILE
  !define OUTFILE "gammaxl-setup.exe"
!endif
!ifndef VERSION
  !define VERSION "0.0.0"
!endif

!define PRODUCT "GammaXL"
!define XLL "gammaxl64.xll"
!define CONFIG "gammaxl.cfg"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\GammaXL"
!define OFFICE_KEY "Software\Microsoft\Office"

Name "${PRODUCT} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\${PRODUCT}"
ShowInstDetails show
ShowUninstDetails show

Page directory
Page instfiles
UninstPage uninstConfirm
UninstPage instfiles

Var JavaHome
Var ExcelCount

; ---------------------------------------------------------------------------------------------
; Refuses to continue on 32-bit Office: the add-in is a 64-bit XLL and 32-bit Excel cannot load it.
; Click-to-Run records its platform; MSI installs record Outlook's Bitness; a 32-bit Excel on
; 64-bit Windows registers its InstallRoot under WOW6432Node only.
Function CheckOfficeBitness
  SetRegView 64
  ReadRegStr $0 HKLM "${OFFICE_KEY}\ClickToRun\Configuration" "Platform"
  ${If} $0 == "x86"
    StrCpy $1 "Click-to-Run Office is 32-bit (Platform = x86)"
    Goto refuse
  ${EndIf}
  StrCpy $2 0
  loop:
    EnumRegKey $3 HKLM "${OFFICE_KEY}" $2
    StrCmp $3 "" done
    IntOp $2 $2 + 1
    ReadRegStr $0 HKLM "${OFFICE_KEY}\$3\Outlook" "Bitness"
    ${If} $0 == "x86"
      StrCpy $1 "Office $3 is 32-bit (Outlook Bitness = x86)"
      Goto refuse
    ${EndIf}
    Goto loop
  done:
  ; Excel registered only in the 32-bit registry view is a 32-bit Excel.
  SetRegView 32
  StrCpy $2 0
  loop32:
    EnumRegKey $3 HKLM "${OFFICE_KEY}" $2
    StrCmp $3 "" done32
    IntOp $2 $2 + 1
    ReadRegStr $0 HKLM "${OFFICE_KEY}\$3\Excel\InstallRoot" "Path"
    ${If} $0 != ""
      SetRegView 64
      ReadRegStr $4 HKLM "${OFFICE_KEY}\$3\Excel\InstallRoot" "Path"
      SetRegView 32
      ${If} $4 == ""
        StrCpy $1 "Excel $3 is installed as 32-bit only ($0)"
        SetRegView 64
        Goto refuse
      ${EndIf}
    ${EndIf}
    Goto loop32
  done32:
  SetRegView 64
  Return
  refuse:
    SetRegView 64
    DetailPrint "Refused: $1."
    MessageBox MB_OK|MB_ICONSTOP "${PRODUCT} is a 64-bit Excel add-in and cannot run in 32-bit Office: $1.$\r$\nInstall 64-bit Office, or ask your IT department." /SD IDOK
    SetErrorLevel 3
    Quit
FunctionEnd

; ---------------------------------------------------------------------------------------------
; Finds a 64-bit Java runtime when none is bundled: JAVA_HOME first, then the registry
; (JavaSoft JDK, JRE, and the old "Java Runtime Environment" keys). Sets $JavaHome or "".
Function FindJava
  StrCpy $JavaHome ""
  ReadEnvStr $0 "JAVA_HOME"
  ${If} $0 != ""
  ${AndIf} ${FileExists} "$0\bin\server\jvm.dll"
    StrCpy $JavaHome $0
    Return
  ${EndIf}
  SetRegView 64
  !macro _TryJavaKey KEY
    ${If} $JavaHome == ""
      ReadRegStr $1 HKLM "${KEY}" "CurrentVersion"
      ${If} $1 != ""
        ReadRegStr $2 HKLM "${KEY}\$1" "JavaHome"
        ${If} $2 != ""
        ${AndIf} ${FileExists} "$2\bin\server\jvm.dll"
          StrCpy $JavaHome $2
        ${EndIf}
      ${EndIf}
    ${EndIf}
  !macroend
  !insertmacro _TryJavaKey "SOFTWARE\JavaSoft\JDK"
  !insertmacro _TryJavaKey "SOFTWARE\JavaSoft\JRE"
  !insertmacro _TryJavaKey "SOFTWARE\JavaSoft\Java Runtime Environment"
  !insertmacro _TryJavaKey "SOFTWARE\JavaSoft\Java Development Kit"
FunctionEnd

; Records in the config file beside the add-in which Java it will run on. A runtime shipped in jre\
; needs nothing (the add-in looks there first); otherwise the Java found now is written as
; "runtime = <Java home>". When none is found nothing is forced: the add-in searches JAVA_HOME and
; the registry again each time Excel loads it, so installing Java later is enough.
Function WriteConfig
  ${If} ${FileExists} "$INSTDIR\jre\bin\server\jvm.dll"
    DetailPrint "Java: the runtime shipped with ${PRODUCT} ($INSTDIR\jre)."
    Return
  ${EndIf}
  Call FindJava
  FileOpen $1 "$INSTDIR\${CONFIG}" a
  FileSeek $1 0 END
  ${If} $JavaHome == ""
    DetailPrint "Java: no 64-bit Java found (looked at JAVA_HOME and HKLM\SOFTWARE\JavaSoft)."
    FileWrite $1 "$\r$\n# Installer: no 64-bit Java 17+ was found (looked at JAVA_HOME and HKLM\SOFTWARE\JavaSoft).$\r$\n"
    FileWrite $1 "# Install one, or set runtime = <Java home> here; until then GX functions return #N/A.$\r$\n"
    MessageBox MB_OK|MB_ICONEXCLAMATION "No 64-bit Java 17 or later was found (looked at JAVA_HOME and HKLM\SOFTWARE\JavaSoft).$\r$\nInstall one, or set runtime = <Java home> in $INSTDIR\${CONFIG}; until then GX functions return #N/A." /SD IDOK
  ${Else}
    DetailPrint "Java: $JavaHome"
    FileWrite $1 "$\r$\n# Installer: the Java found at install time.$\r$\nruntime = $JavaHome$\r$\n"
  ${EndIf}
  FileClose $1
FunctionEnd

; ---------------------------------------------------------------------------------------------
; Excel loads the add-ins listed as OPEN, OPEN1, OPEN2, … (no gaps) under Excel\Options.
; $R9 = Office version key (e.g. 16.0). Adds ours as the next free value unless already there.
Function RegisterInVersion
  StrCpy $R0 '/R "$INSTDIR\${XLL}"'
  StrCpy $R1 0
  next:
    ${If} $R1 == 0
      StrCpy $R2 "OPEN"
    ${Else}
      StrCpy $R2 "OPEN$R1"
    ${EndIf}
    ClearErrors
    ReadRegStr $R3 HKCU "${OFFICE_KEY}\$R9\Excel\Options" $R2
    ${If} ${Errors}
      WriteRegStr HKCU "${OFFICE_KEY}\$R9\Excel\Options" $R2 $R0
      DetailPrint "Excel $R9: registered as $R2."
      Return
    ${EndIf}
    ${If} $R3 == $R0
      DetailPrint "Excel $R9: already registered as $R2."
      Return
    ${EndIf}
    IntOp $R1 $R1 + 1
    Goto next
FunctionEnd

; Every Office version with an Excel key for this user or an Excel install root for the machine.
Function RegisterAddin
  SetRegView 64
  StrCpy $ExcelCount 0
  StrCpy $5 0
  loop:
    EnumRegKey $R9 HKCU "${OFFICE_KEY}" $5
    StrCmp $R9 "" hklm
    IntOp $5 $5 + 1
    EnumRegKey $6 HKCU "${OFFICE_KEY}\$R9\Excel" 0
    ReadRegStr $7 HKLM "${OFFICE_KEY}\$R9\Excel\InstallRoot" "Path"
    ${If} $6 != ""
    ${OrIf} $7 != ""
      Call RegisterInVersion
      IntOp $ExcelCount $ExcelCount + 1
    ${EndIf}
    Goto loop
  hklm:
  StrCpy $5 0
  loopm:
    EnumRegKey $R9 HKLM "${OFFICE_KEY}" $5
    StrCmp $R9 "" done
    IntOp $5 $5 + 1
    ReadRegStr $7 HKLM "${OFFICE_KEY}\$R9\Excel\InstallRoot" "Path"
    EnumRegKey $6 HKCU "${OFFICE_KEY}\$R9\Excel" 0
    ${If} $7 != ""
    ${AndIf} $6 == ""
      Call RegisterInVersion
      IntOp $ExcelCount $ExcelCount + 1
    ${EndIf}
    Goto loopm
  done:
  ${If} $ExcelCount == 0
    DetailPrint "No 64-bit Excel found for this user; the add-in was installed but not registered."
    MessageBox MB_OK|MB_ICONINFORMATION "No Excel installation was found. Open $INSTDIR\${XLL} from Excel's Add-ins dialog (File > Options > Add-ins > Go... > Browse)." /SD IDOK
  ${EndIf}
FunctionEnd

Section "GammaXL"
  SetShellVarContext current
  SetRegView 64
  Call CheckOfficeBitness
  SetOutPath "$INSTDIR"
  File /r "${PAYLOAD}\*.*"
  Call WriteConfig
  Call RegisterAddin
  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${PRODUCT} (Excel add-in)"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "GammaXL contributors"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" $0
SectionEnd

; ---------------------------------------------------------------------------------------------
; Removes exactly our OPENn value in one Office version ($R9) and moves the values after it down
; by one, so the list stays without gaps (Excel stops reading at the first gap).
Function un.UnregisterInVersion
  StrCpy $R0 '/R "$INSTDIR\${XLL}"'
  StrCpy $R5 '"$INSTDIR\${XLL}"'
  StrCpy $R1 0
  StrCpy $R4 -1
  find:
    ${If} $R1 == 0
      StrCpy $R2 "OPEN"
    ${Else}
      StrCpy $R2 "OPEN$R1"
    ${EndIf}
    ClearErrors
    ReadRegStr $R3 HKCU "${OFFICE_KEY}\$R9\Excel\Options" $R2
    IfErrors found
    ${If} $R3 == $R0
    ${OrIf} $R3 == $R5
    ${OrIf} $R3 == "$INSTDIR\${XLL}"
      StrCpy $R4 $R1
      Goto found
    ${EndIf}
    IntOp $R1 $R1 + 1
    Goto find
  found:
  ${If} $R4 < 0
    Return
  ${EndIf}
  ; shift OPEN(k+1) -> OPEN(k) from our slot on, then delete the last one
  StrCpy $R1 $R4
  shift:
    ${If} $R1 == 0
      StrCpy $R2 "OPEN"
    ${Else}
      StrCpy $R2 "OPEN$R1"
    ${EndIf}
    IntOp $R6 $R1 + 1
    ClearErrors
    ReadRegStr $R3 HKCU "${OFFICE_KEY}\$R9\Excel\Options" "OPEN$R6"
    ${If} ${Errors}
      DeleteRegValue HKCU "${OFFICE_KEY}\$R9\Excel\Options" $R2
      DetailPrint "Excel $R9: removed the add-in."
      Return
    ${EndIf}
    WriteRegStr HKCU "${OFFICE_KEY}\$R9\Excel\Options" $R2 $R3
    StrCpy $R1 $R6
    Goto shift
FunctionEnd

Section "Uninstall"
  SetShellVarContext current
  SetRegView 64
  StrCpy $5 0
  loop:
    EnumRegKey $R9 HKCU "${OFFICE_KEY}" $5
    StrCmp $R9 "" done
    IntOp $5 $5 + 1
    Call un.UnregisterInVersion
    ; the Add-in Manager remembers add-ins the user unticked, by path
    DeleteRegValue HKCU "${OFFICE_KEY}\$R9\Excel\Add-in Manager" "$INSTDIR\${XLL}"
    Goto loop
  done:
  RMDir /r "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
SectionEnd
