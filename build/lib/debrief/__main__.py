"""`python -m debrief check` runs the same as the `debrief` command."""

import sys

from .cli import main

sys.exit(main())
