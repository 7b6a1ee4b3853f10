"""Translations of a game's story into other languages, kept in gettext PO files.

- `source` lists what a translator translates (lines, prompts, options, endings,
  characters' names, game.yaml's title and end card), each under its stable id;
- `catalog` writes and updates `translations/LANG.po` (`python main.py translate LANG`)
  and reads one back, reporting a broken file at its line;
- `apply` gives the story and game folder as a language shows them.

An entry is matched to its text by the stable id (its `msgctxt`) and the text's
fingerprint (an extracted comment), as saves find their line: inserting or moving
lines never shifts a translation onto another line; an edited line's translation is
kept, marked fuzzy with the old text beside it.
"""
