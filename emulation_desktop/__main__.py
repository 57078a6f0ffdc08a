"""`python -m emulation_desktop` is the same as the `emulation-desktop` command."""

import sys

from emulation_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
