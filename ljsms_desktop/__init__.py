"""联江短信桌面助手 — SMS campaigns on the 联江·云通讯 gateway."""

__version__ = "0.1.0"
