; Forewarn: machine-wide start at login for the NSIS installer (nsis.include in electron-builder.yml;
; docs/packaging.md). electron-builder has already set the 64-bit registry view (check64BitAndSetRegView), so
; this is HKLM\Software\Microsoft\Windows\CurrentVersion\Run itself, not WOW6432Node. The value is quoted:
; "C:\Program Files\Forewarn\Forewarn.exe" has a space. The MSI cannot do this (docs/packaging.md: GPO/Intune).

!macro customInstall
  ${if} $installMode == "all"
    WriteRegStr HKLM "Software\Microsoft\Windows\CurrentVersion\Run" "Forewarn" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" --autostart'
  ${endIf}
!macroend

; An update runs the old uninstaller first (with --updated) and customInstall afterwards; keep the value then.
!macro customUnInstall
  ${ifNot} ${isUpdated}
    ${if} $installMode == "all"
      DeleteRegValue HKLM "Software\Microsoft\Windows\CurrentVersion\Run" "Forewarn"
    ${endIf}
  ${endIf}
!macroend
