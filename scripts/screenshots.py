"""Render the README screenshots: one PNG of the whole main window per tab.

Starts the demo environment (the simulator in-process, a throw-away data folder), opens the
window at 1100x720 offscreen, fills each tab with realistic content — 发送短信 with a signed text
and a few pasted numbers (one of them invalid), 模板群发 with the demo template and the sample
workbook imported — sends small campaigns and waits for the poller to bring reports and replies,
then saves ``docs/screenshots/{compose,template,campaigns,reports,replies,suppression,campaign-detail}.png``.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py [--out docs/screenshots] [--lang en]

Chinese text needs a CJK font (on Debian/Ubuntu: ``apt-get install fonts-wqy-microhei``).
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import argparse  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer, qInstallMessageHandler  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ljsms_desktop.ui.app import RESOURCES, create_window, install_translator  # noqa: E402
from ljsms_desktop.ui.demo import DEMO_TEMPLATE_ID, DemoEnvironment  # noqa: E402

SIZE = (1100, 720)
COMPOSE_TEXT = "【联江科技】会员日全场八折，满 199 元再减 30 元，活动截至本周日，详情见小程序“联江优选”。回T退订"
PASTED = ("13812345678\n+86 139 2233 4455\n13700001111, 13600002222\n15011112222；18633334444\n"
          "1381234\n13812345678\n")
LATER_TEXT = "【联江科技】您的积分即将到期，登录小程序“联江优选”即可兑换礼品。回T退订"


def wait_until(condition: Callable[[], bool], timeout: float, what: str) -> None:
    loop = QEventLoop()
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out waiting for {what}")
        QTimer.singleShot(50, loop.quit)
        loop.exec()


def settle(seconds: float = 0.3) -> None:
    """Let layouts, queued signals and repaints finish."""
    end = time.monotonic() + seconds
    wait_until(lambda: time.monotonic() >= end, seconds + 5, "the window to settle")


def shoot(window, tab, out: Path, name: str) -> None:
    window.tabs.setCurrentWidget(tab)
    settle()
    path = out / f"{name}.png"
    if not window.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    print(f"{path}  ({path.stat().st_size // 1024} KB)")


def send_and_wait(tab, what: str) -> None:
    wait_until(tab.send_button.isEnabled, 20, f"{what}: the send button")
    tab.send_button.click()
    wait_until(lambda: tab.confirm_dialog is not None and tab.confirm_dialog.ok_button.isEnabled()
               and not any(w in tab.confirm_dialog.balance_label.text() for w in ("刷新", "efresh")), 20, f"{what}: the confirmation")
    tab.confirm_dialog.ok_button.click()
    wait_until(lambda: not tab.runner.busy and any(w in tab.result_label.text() for w in ("已发送", "Sent")), 60,
               f"{what}: the send")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    ap.add_argument("--lang", default="zh_CN", help="interface language, e.g. zh_CN (default) or en")
    a = ap.parse_args(argv)
    a.out.mkdir(parents=True, exist_ok=True)
    qInstallMessageHandler(lambda mode, ctx, msg: None if "propagateSizeHints" in msg else print(msg, file=sys.stderr))
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("ljsms-desktop")
    install_translator(app, a.lang)
    app.setApplicationDisplayName(QCoreApplication.translate("MainWindow", "联江短信桌面助手"))
    env = DemoEnvironment()
    # Quiet hours off, so the confirmation reads the same whatever the time of day.
    env.settings.quiet_start = env.settings.quiet_end = "00:00"
    env.start()
    window = create_window(demo_env=env)
    try:
        window.resize(*SIZE)
        window.show()
        window.start()
        wait_until(lambda: window.balance.balance is not None, 20, "the balance")

        # 发送短信: a signed text with an opt-out line, a few pasted numbers, one of them invalid.
        compose = window.compose
        window.tabs.setCurrentWidget(compose)
        compose.content_edit.setPlainText(COMPOSE_TEXT)
        compose.numbers_edit.setPlainText(PASTED)
        wait_until(lambda: compose.plan is not None and compose.send_button.isEnabled(), 20, "the compose plan")
        shoot(window, compose, a.out, "compose")
        send_and_wait(compose, "compose")

        # 模板群发: the demo template picked from the saved ones, the sample workbook imported.
        template = window.template
        window.tabs.setCurrentWidget(template)
        wait_until(lambda: template.saved_combo.findData(DEMO_TEMPLATE_ID) > 0, 20, "the saved templates")
        i = template.saved_combo.findData(DEMO_TEMPLATE_ID)
        template.saved_combo.setCurrentIndex(i)
        template.saved_combo.activated.emit(i)
        template.load_file(RESOURCES / "sample_import.xlsx")
        wait_until(lambda: template.plan is not None and template.send_button.isEnabled(), 20, "the template plan")
        shoot(window, template, a.out, "template")
        send_and_wait(template, "template")

        # A bigger plain campaign, so reports and replies fill the views.
        window.tabs.setCurrentWidget(compose)
        compose.content_edit.setPlainText(LATER_TEXT)
        compose.numbers_edit.setPlainText("\n".join(str(13900000000 + i * 7919) for i in range(120)))
        send_and_wait(compose, "second compose")
        compose.content_edit.clear()
        compose.result_label.clear()
        compose.notice_label.clear()

        # Wait for the poller: reports ~3 s after sending, replies a few seconds later.
        wait_until(lambda: window.replies.model.rowCount() >= 8 and window.reports.model.rowCount() >= 100, 90,
                   "reports and replies")
        settle(1.0)
        shoot(window, window.campaigns, a.out, "campaigns")
        # 状态报告 with a filter: the failed reports (status in words beside the raw code)
        reports = window.reports
        opened = reports.table.opened
        reports.status_filter.setCurrentIndex(reports.status_filter.findData("failed"))
        wait_until(lambda: reports.table.opened > opened and reports.model.loaded_row(0) is not None, 20,
                   "the failed reports")
        shoot(window, reports, a.out, "reports")
        shoot(window, window.replies, a.out, "replies")
        # 退订名单: the opt-outs the replies and reports brought in
        suppression = window.suppression
        window.tabs.setCurrentWidget(suppression)
        suppression.refresh()
        wait_until(lambda: suppression.total > 0, 30, "the suppression list")
        shoot(window, suppression, a.out, "suppression")
        # The detail of the bigger campaign (the newest), opened as a double-click in 发送记录 opens it
        campaigns = window.campaigns
        window.tabs.setCurrentWidget(campaigns)
        wait_until(lambda: campaigns.model.rowCount() >= 2, 20, "the campaigns")
        detail = campaigns.open_row(0)
        wait_until(lambda: detail.loaded >= 1, 20, "the campaign detail")
        detail.resize(*SIZE)
        settle(0.5)
        path = a.out / "campaign-detail.png"
        if not detail.grab().save(str(path)):
            raise OSError(f"could not write {path}")
        print(f"{path}  ({path.stat().st_size // 1024} KB)")
        detail.close()
        window.tabs.setCurrentWidget(compose)
    finally:
        window.quit()
        settle(0.1)
        env.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
