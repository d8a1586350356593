"""Where the program keeps its files: one data folder (platformdirs), overridable with ``LJSMS_HOME``."""

from __future__ import annotations

import os
import re
from pathlib import Path

import platformdirs

APP_NAME = "ljsms-desktop"
PRIVATE_DIR = 0o700    # the data folder holds customers' numbers and replies: the owner only (POSIX)
PRIVATE_FILE = 0o600
_secured: set[str] = set()
# What the program keeps in the data folder (LJSMS_HOME may name a folder that holds other things too:
# those are left alone), and the sub-folders that are wholly its own.
_OURS = re.compile(r"^(ljsms\.sqlite3.*|settings\.json.*|schedules\.json.*|window\.ini|pulls\.spool.*|ljsms\.log.*"
                   r"|\.restore-.*|\.settings\..*|\.schedules\..*)$")
_OUR_FOLDERS = {"backups", "logs"}


def data_dir(*, create: bool = True) -> Path:
    """The data folder: ``$LJSMS_HOME`` when set, else the platform's per-user data folder.

    Created 0700; an existing folder (and the files in it) made private once per process."""
    home = os.environ.get("LJSMS_HOME")
    path = Path(home).expanduser() if home else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    if create:
        make_private_dir(path)
    return path


def make_private_dir(path: Path, *, everything: bool = False) -> Path:
    """Create *path* (with parents) and, on POSIX, make it and the program's files in it private —
    whatever the umask: group and other permissions taken off the folder, its files (database, WAL,
    settings, schedules, window.ini, spool, logs) and its ``backups``/``logs`` folders and all they
    hold (*everything*: every file in *path*). Once per process and folder (a few chmod calls); later
    files are created private by whoever writes them."""
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True)
    key = str(path.resolve())
    if os.name != "posix" or key in _secured:
        return path
    _secured.add(key)
    shared = _shared_folder(path)
    if not shared:
        _restrict(path)
    try:
        entries = list(os.scandir(path))
    except OSError:
        return path
    for entry in entries:
        if entry.is_dir(follow_symlinks=False) and (everything and not shared or entry.name in _OUR_FOLDERS):
            make_private_dir(Path(entry.path), everything=True)
        elif entry.is_file(follow_symlinks=False) and (everything and not shared or _OURS.match(entry.name)):
            _restrict(Path(entry.path))
    return path


def _shared_folder(path: Path) -> bool:
    """A folder that others rely on and that is never tightened, only our files in it: a sticky one (/tmp, where a
    database or LJSMS_HOME may be put by hand), another user's, or the home folder itself."""
    try:
        st = os.stat(path)
        home = Path.home().resolve()
    except (OSError, RuntimeError):
        return True
    return bool(st.st_mode & 0o1000) or st.st_uid != os.getuid() or path.resolve() == home


def make_private(path: str | os.PathLike[str]) -> None:
    """Take group and other permissions off an existing file (POSIX; no-op when it is missing)."""
    if os.name == "posix":
        _restrict(Path(path))


def create_private(path: str | os.PathLike[str]) -> None:
    """Create *path* empty with mode 0600 when it does not exist (for files other code then rewrites)."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, PRIVATE_FILE))
    except OSError:
        pass  # the writer will say what is wrong
    make_private(path)


def keep_bad_copy(path: str | os.PathLike[str], data: bytes | None = None) -> Path | None:
    """Keep the unusable file *path* (or *data*, what was read from it) as ``NAME.bad-YYYYMMDD-HHMMSS``
    next to it, 0600, before anything overwrites it. Not again when the newest such copy already
    holds the same bytes. Returns the copy (None when nothing could be kept)."""
    path = Path(path)
    try:
        if data is None:
            data = path.read_bytes()
        earlier = sorted(path.parent.glob(f"{path.name}.bad-*"))
        if earlier and earlier[-1].read_bytes() == data:
            return earlier[-1]
        from datetime import datetime

        target = path.with_name(f"{path.name}.bad-{datetime.now():%Y%m%d-%H%M%S}")
        n = 2
        while target.exists():
            target = path.with_name(f"{path.name}.bad-{datetime.now():%Y%m%d-%H%M%S}-{n}")
            n += 1
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        return target
    except OSError:
        return None


def _restrict(path: Path) -> None:
    try:
        st = os.stat(path, follow_symlinks=False)
        if st.st_mode & 0o077:   # only take away: the owner's own bits stay as they are
            os.chmod(path, st.st_mode & 0o700)
    except (OSError, NotImplementedError):
        pass  # gone meanwhile, or not ours: nothing to tighten


def db_path() -> Path:
    """The SQLite database holding campaigns, reports, replies and the suppression list."""
    return data_dir() / "ljsms.sqlite3"


def settings_path() -> Path:
    """Settings shared by the command line and the window (never the password)."""
    return data_dir() / "settings.json"


def log_dir() -> Path:
    """The log folder: ``$LJSMS_HOME/logs`` when set, else the platform's per-user log folder."""
    home = os.environ.get("LJSMS_HOME")
    if home:
        return Path(home).expanduser() / "logs"
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def log_path() -> Path:
    """The rotating log (``ljsms.log``, ``.1`` … ``.4``) that ``ljsms`` and the window write (see ``logs``)."""
    return log_dir() / "ljsms.log"
