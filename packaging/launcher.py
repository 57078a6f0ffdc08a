"""Entry script of the frozen build: the same command line as `emulation-desktop` (cli.main)."""

import sys

from emulation_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
