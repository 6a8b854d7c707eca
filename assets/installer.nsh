; Windows "Open with" registration for Newsroom Annotator (electron-builder.yml nsis.include).
;
; Each document type the app reads gets our ProgID in its OpenWithProgids list and in
; Applications\<exe>\SupportedTypes. The extension's own default value is never written, so
; the program that opens .txt today still does; the user can still choose us in Windows'
; "Open with" dialog. Uninstalling removes exactly what was added here.
;
; SHELL_CONTEXT is HKCU for a per-user install and HKLM for an all-users one (electron-builder
; sets it with SetShellVarContext), so the uninstaller cleans the hive the installer wrote to.
; NA_FOR_EACH_EXTENSION must list the readers' DOCUMENT_EXTENSIONS:
; test/unit/packaging-config.test.ts checks it, and that every write here is undone below.

!include LogicLib.nsh

!define NA_PROGID "NewsroomAnnotator.Document"
!define NA_APP_KEY "Software\Classes\Applications\${APP_EXECUTABLE_FILENAME}"

!macro NA_FOR_EACH_EXTENSION MACRO
  !insertmacro ${MACRO} ".txt"
  !insertmacro ${MACRO} ".text"
  !insertmacro ${MACRO} ".md"
  !insertmacro ${MACRO} ".markdown"
  !insertmacro ${MACRO} ".html"
  !insertmacro ${MACRO} ".htm"
  !insertmacro ${MACRO} ".docx"
  !insertmacro ${MACRO} ".pdf"
  !insertmacro ${MACRO} ".srt"
  !insertmacro ${MACRO} ".vtt"
!macroend

!macro NA_REGISTER_EXTENSION EXT
  WriteRegNone SHELL_CONTEXT "Software\Classes\${EXT}\OpenWithProgids" "${NA_PROGID}"
  WriteRegStr SHELL_CONTEXT "${NA_APP_KEY}\SupportedTypes" "${EXT}" ""
!macroend

; Deletes KEY only when nothing is left in it: no subkey, no named value, no default value.
; Other programs' entries under .txt are never touched.
!macro NA_DELETE_KEY_IF_EMPTY KEY
  Push $R7
  Push $R8
  Push $R9
  EnumRegKey $R7 SHELL_CONTEXT "${KEY}" 0
  EnumRegValue $R8 SHELL_CONTEXT "${KEY}" 0
  ${If} $R7 == ""
  ${AndIf} $R8 == ""
    ClearErrors
    ReadRegStr $R9 SHELL_CONTEXT "${KEY}" ""
    ${If} ${Errors}
      DeleteRegKey SHELL_CONTEXT "${KEY}"
    ${EndIf}
  ${EndIf}
  ClearErrors
  Pop $R9
  Pop $R8
  Pop $R7
!macroend

!macro NA_UNREGISTER_EXTENSION EXT
  DeleteRegValue SHELL_CONTEXT "Software\Classes\${EXT}\OpenWithProgids" "${NA_PROGID}"
  !insertmacro NA_DELETE_KEY_IF_EMPTY "Software\Classes\${EXT}\OpenWithProgids"
  !insertmacro NA_DELETE_KEY_IF_EMPTY "Software\Classes\${EXT}"
!macroend

; "--" ends Chromium's switches, so no file name can be read as one.
!macro NA_REGISTER
  WriteRegStr SHELL_CONTEXT "Software\Classes\${NA_PROGID}" "" "${PRODUCT_NAME} document"
  WriteRegStr SHELL_CONTEXT "Software\Classes\${NA_PROGID}\DefaultIcon" "" "$appExe,0"
  WriteRegStr SHELL_CONTEXT "Software\Classes\${NA_PROGID}\shell\open\command" "" '"$appExe" -- "%1"'
  WriteRegStr SHELL_CONTEXT "${NA_APP_KEY}" "FriendlyAppName" "${PRODUCT_NAME}"
  WriteRegStr SHELL_CONTEXT "${NA_APP_KEY}\shell\open\command" "" '"$appExe" -- "%1"'
  !insertmacro NA_FOR_EACH_EXTENSION NA_REGISTER_EXTENSION
  ; SHCNE_ASSOCCHANGED: Explorer rereads the associations now rather than after a sign-out.
  System::Call 'shell32::SHChangeNotify(i, i, i, i) v (0x08000000, 0, 0, 0)'
!macroend

!macro NA_UNREGISTER
  !insertmacro NA_FOR_EACH_EXTENSION NA_UNREGISTER_EXTENSION
  DeleteRegKey SHELL_CONTEXT "Software\Classes\${NA_PROGID}"
  DeleteRegKey SHELL_CONTEXT "${NA_APP_KEY}"
  !insertmacro NA_DELETE_KEY_IF_EMPTY "Software\Classes\Applications"
  System::Call 'shell32::SHChangeNotify(i, i, i, i) v (0x08000000, 0, 0, 0)'
!macroend

; Hooks electron-builder inserts into its install and uninstall sections.
!macro customInstall
  !insertmacro NA_REGISTER
!macroend

!macro customUnInstall
  !insertmacro NA_UNREGISTER
!macroend
