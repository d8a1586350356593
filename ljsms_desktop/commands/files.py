"""The command line's words for what could not be used in ``settings.json`` and ``schedules.json``.

The settings and the schedule list hand up codes (``settings.Notice``, ``engine.schedule.FileNotice``);
``Context`` prints these lines once per run, to stderr.
"""

from __future__ import annotations

FIELD_ZH = {
    "base_url": "网关地址 base_url",
    "account": "账号 account",
    "ext_code": "默认扩展号 ext_code",
    "poll_interval": "拉取间隔 poll_interval",
    "balance_threshold": "余额提醒 balance_threshold",
    "test_numbers": "测试号码 test_numbers",
    "quiet_start": "免打扰开始 quiet_start",
    "quiet_end": "免打扰结束 quiet_end",
}


def _kept(backup: str) -> str:
    return f"原文件已另存为 {backup}" if backup else "原文件未能另存"


def settings_notice_text(notice) -> str:
    if notice.code == "unreadable":
        return f"设置文件 settings.json 无法读取（不是有效的 JSON），已全部使用默认设置；{_kept(notice.backup)}。"
    if notice.code == "not_object":
        return f"设置文件 settings.json 的格式不对（应为一个对象），已全部使用默认设置；{_kept(notice.backup)}。"
    name = FIELD_ZH.get(notice.field, notice.field)
    why = "类型不对" if notice.code == "wrong_type" else "取值无效"
    return f"设置文件中的 {name} {why}，已改用默认值；{_kept(notice.backup)}。"


def schedule_notice_text(notice) -> str:
    if notice.code == "entries":
        return (f"定时发送列表 schedules.json 中有 {notice.count} 项无法读取，已跳过（不会执行）；"
                f"{_kept(notice.backup)}。")
    return f"定时发送列表 schedules.json 无法读取，其中的定时发送不会执行；{_kept(notice.backup)}。"
