"""The bundle's entry point of the command line, ``ljsms`` (build.spec)."""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()  # a child process (sheet parsing) re-runs this executable
    from ljsms_desktop.cli import main

    sys.exit(main())
