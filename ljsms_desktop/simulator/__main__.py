"""``python -m ljsms_desktop.simulator`` — see :mod:`ljsms_desktop.simulator.cli`."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
