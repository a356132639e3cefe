"""Layout: the pure engine. Routine + layout file + paper + text and figure measures -> Page of boxes.

Paper sizes (paper.py), layout files (layout_file.py), fonts and text measuring (fonts.py), CJK text
(cjk.py), lines of text (typesetting.py) and how many a text takes at any width (line_counts.py), the
arrangements a layout allows (arrangement.py), the search for the best of them and the page
(composition.py), copies on the sheet (imposition.py). No reportlab canvas and no files written: the
boxes it gives are everything the draw stage needs, and tests check them without making a PDF.
"""
