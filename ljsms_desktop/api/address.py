"""The gateway's default address, in a module of its own: the settings and the window need it without
loading the HTTP client (requests) before the first paint."""

DEFAULT_BASE_URL = "http://api.ljioe.cn/api/v1"
