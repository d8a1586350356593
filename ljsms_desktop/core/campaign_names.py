"""How campaigns are named where a rule depends on the name."""

from __future__ import annotations

TEST_PREFIX = "测试发送"
"""Names of test sends (测试发送 in either tab) start with this: the campaign list marks them and can hide them,
and they are not offered as campaigns to pick numbers from."""
