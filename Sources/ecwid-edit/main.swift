print("ecwid-edit: the editor is coming; run `swift test` for now")
