"""Web: a coach's browser -> forms -> the same pipeline as the CLI -> sheets (`handout serve`).

app.py lists the routes; pages.py (the editor page) and api.py (POST /sheet.pdf, /sheet.png) answer them;
editor.py turns the page's form into a routine and back; sheets.py builds a visitor's sheet with the same
checks as the CLI; guard.py refuses cross-site posts, oversized bodies and slow requests. Only cli.py's
`serve` command imports it.
"""
