"""``python -m xivn``: the ``xivn`` command, for an environment whose scripts are not on the path."""

import sys

from xivn.cli import main

sys.exit(main())
