"""The `handout` command: arguments -> pipeline -> file, and every problem as one `error:` line, exit 2.

arguments.py is the grammar, main.py runs a command, one module per group of commands does the work
(sheets, batch, listings, importing, serving). main.py imports a group's module only when one of its
commands runs, and the commands import the heavier modules they alone need when they run (e-mail, SMTP,
article import, figure export, the web app), so that `handout build` starts as fast as it can.
"""

from handout.cli.main import main

__all__ = ["main"]
