"""The bundle's entry point of the window, ``ljsms-desktop`` (build.spec)."""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()  # a multiprocessing child re-runs this executable
    if sys.argv[1:2] == ["--ljsms-sheet-worker"]:  # the spreadsheet reader process (sheets.isolated)
        from ljsms_desktop.sheets.worker import run_if_worker

        run_if_worker()  # serves one request and exits
    from ljsms_desktop.ui.app import main

    sys.exit(main())
