"""``ljsms backup [--list]`` / ``ljsms restore FILE``: copies of the data file, and putting one back.

Automatic backups (daily, before a schema migration) are taken by the store (``store/backup.py``);
these commands take one now, list them, and restore one. The words for the store's backup errors
(``damaged``, ``in_use``, ``bad_backup``) on the command line are made here (``store_error_text``).
"""

from __future__ import annotations

from pathlib import Path

from .. import paths
from .context import EXIT_FAILED, EXIT_OK, CliError


def register(sub) -> None:
    p = sub.add_parser("backup", help="立即备份数据文件（自动备份每天一次，保留最近 7 份）")
    p.add_argument("--list", action="store_true", help="列出已有的备份（时间、大小、文件）")
    p.set_defaults(handler=run_backup)
    r = sub.add_parser("restore", help="从备份恢复数据文件（当前数据会先另存为备份）")
    r.add_argument("file", metavar="FILE", help="备份文件：路径，或 ljsms backup --list 列出的文件名")
    r.add_argument("--yes", "-y", action="store_true", help="不询问，直接恢复")
    r.set_defaults(handler=run_restore)


def size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB"
    return f"{max(1, round(size / 1024))} KB"


def run_backup(args, ctx) -> int:
    from ..store import backup

    db = paths.db_path()
    if args.list:
        found = backup.list_backups(db)
        if not found:
            ctx.out(f"还没有备份（备份文件夹：{backup.backup_dir(db)}）")
            return EXIT_OK
        why = {"prerestore": "（恢复前的数据）"}
        for b in found:
            note = why.get(b.reason) or ("（升级数据格式前）" if b.reason.startswith("v") else "")
            ctx.out(f"{b.taken_at:%Y-%m-%d %H:%M:%S}  {size_text(b.size):>9}  {b.path}{note}")
        return EXIT_OK
    if not db.exists():
        raise CliError(f"还没有数据文件（{db}），无需备份", EXIT_FAILED)
    target = backup.take_backup(db)
    ctx.err("已备份数据文件：")
    ctx.out(str(target))
    return EXIT_OK


def _find(name: str, db: Path) -> Path:
    from ..store import backup

    given = Path(name).expanduser()
    if given.exists() or given.is_absolute() or len(given.parts) > 1:
        return given
    in_folder = backup.backup_dir(db) / name
    return in_folder if in_folder.exists() else given


def run_restore(args, ctx) -> int:
    from ..store import backup

    db = paths.db_path()
    source = _find(args.file, db)
    with backup.open_candidate(db, source) as candidate:
        ctx.err(f"备份 {candidate.source}：{size_text(candidate.size)}，{candidate.campaigns} 个活动，"
                f"{candidate.suppressed} 个屏蔽号码。")
        if not ctx.confirm(f"用它替换当前数据（{db}）？当前数据会先另存为备份"):
            ctx.err("已取消，数据未改动")
            return EXIT_FAILED
        result = backup.restore(db, candidate)
    ctx.out(f"已从 {result.source} 恢复数据文件 {db}")
    if result.kept is not None:
        ctx.out(f"恢复前的数据已另存为 {result.kept}")
    return EXIT_OK


def store_error_text(error) -> str:
    """A StoreError in the command line's words (the backup kinds get their own, naming the command to run)."""
    params = getattr(error, "params", {}) or {}
    kind = getattr(error, "kind", "")
    if kind == "damaged":
        what = {"empty": "是空的（0 字节）", "truncated": "不完整（被截断）"}.get(params.get("detail"), "不是有效的数据文件")
        text = (f"数据文件 {params.get('path')} {what}。为免丢失记录（包括屏蔽名单），没有新建空白的数据文件。")
        if params.get("backup"):
            text += (f"\n  从最近的备份恢复：ljsms restore {params['backup']}"
                     "\n  列出全部备份：ljsms backup --list")
        else:
            text += "\n  没有找到备份。"
        if params.get("wal"):
            text += f"\n  数据文件旁的 {params.get('path')}-wal 可能还保存着记录，恢复前请勿删除它。"
        return text
    if kind == "in_use":
        return "数据文件正被另一个窗口或命令使用（例如桌面程序或 ljsms watch），请先关闭它们再恢复。当前数据未改动。"
    if kind == "bad_backup":
        reason = {
            "missing": "文件不存在（ljsms backup --list 列出可用的备份）",
            "empty": "文件是空的",
            "unreadable": "文件无法读取",
            "not_sqlite": "这不是联江短信的数据文件",
            "not_ljsms": "这不是联江短信的数据文件",
            "damaged": "文件已损坏",
            "too_new": "它来自更新版本的联江短信桌面助手，请先升级本程序",
        }.get(params.get("detail"), "文件无法使用")
        return f"无法从 {params.get('path')} 恢复：{reason}。当前数据未改动。"
    return getattr(error, "message_zh", "") or str(error)


def usage_error(error) -> bool:
    """True when the error is the caller's (a file that cannot be restored): exit status 2."""
    return getattr(error, "kind", "") == "bad_backup"

