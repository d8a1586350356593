"""Demo mode: the simulator in-process on a free 127.0.0.1 port, a throw-away data folder, a demo account.

The simulator answers within seconds (reports after ~3 s, replies a few seconds later) and the
poller runs every few seconds, so a new user watches reports and replies arrive.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from ..credentials import MemoryCredentials
from ..settings import Settings
from ..simulator import Simulator

DEMO_ACCOUNT = "demo"
DEMO_PASSWORD = "demo"
# Registered on the demo gateway; fits resources/sample_import.xlsx (手机号, 姓名, 订单号).
DEMO_TEMPLATE_ID = "1001"
DEMO_TEMPLATE = "【联江演示】尊敬的{}，您的订单{}已发货，请注意查收。回T退订"


class DemoEnvironment:
    def __init__(self) -> None:
        self.home = Path(tempfile.mkdtemp(prefix="ljsms-demo-"))
        from ..store.target import keep_local
        keep_local(self.home)   # the demo never writes into a team's database (LJSMS_DATABASE_URL)
        self.simulator = Simulator(account=DEMO_ACCOUNT, password=DEMO_PASSWORD, balance=50_000,
                                   templates={DEMO_TEMPLATE_ID: DEMO_TEMPLATE}, report_delay=3.0,
                                   reply_delay=4.0, deliver_rate=0.9, reply_rate=0.15, optout_rate=0.3)
        self.settings = Settings(account=DEMO_ACCOUNT, poll_interval=5, balance_threshold=1000,
                                 test_numbers=["13800138000"])
        self.credentials = MemoryCredentials()

    def start(self) -> DemoEnvironment:
        self.simulator.start()
        self.settings.base_url = self.simulator.base_url
        self.credentials.set_password(DEMO_ACCOUNT, DEMO_PASSWORD)
        self.settings.save(self.home / "settings.json")
        from ..store import Store

        with Store(self.home / "ljsms.sqlite3") as store:  # the demo template, ready in 模板群发
            store.save_template(DEMO_TEMPLATE_ID, DEMO_TEMPLATE, "演示模板（配合示例表格）")
        return self

    def stop(self) -> None:
        self.simulator.stop()
        shutil.rmtree(self.home, ignore_errors=True)
