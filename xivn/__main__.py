"""``python -m xivn``: the ``xivn`` command, for an environment whose scripts are not on the path."""

import sys

from xivn.cli import main

if __name__ == "__main__":  # importing the module (as the package's own checks do) runs nothing
    sys.exit(main())
