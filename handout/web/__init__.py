"""Web: a coach's browser -> forms -> the same pipeline as the CLI -> sheets (`handout serve`).

Empty until the web page lands; it sits beside cli.py, the other way in.
"""
