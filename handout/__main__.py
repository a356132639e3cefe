"""`python -m handout` runs the command line, like the `handout` command."""

import sys

from handout.cli import main

sys.exit(main())
