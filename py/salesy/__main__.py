"""`python -m salesy`: the same as the `salesy` command."""

import sys

from salesy.cli import main

sys.exit(main())
