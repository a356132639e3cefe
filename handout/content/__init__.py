"""Content: what comes in. Routine files, the stretch library, pose files, photos and articles -> Routine.

Everything a coach writes is read and checked here, whole, with every problem collected into one
HandoutError: routine TOML (schema.py, routine.py), library entries (library.toml), pose files (poses.py),
photo files (photo_file.py), the sheet's own words in its language (sheet_words.py), the header and footer
filled from the details (furniture.py) and articles turned into routine files (importers/).
Nothing here lays out or draws.
"""
