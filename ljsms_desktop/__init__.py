"""联江短信桌面助手 — SMS campaigns on the 联江·云通讯 gateway."""

__version__ = "0.1.0"
# The product's name where a build or the system shows it (the bundle's file properties, build.spec);
# the window's own texts carry it as a translatable literal.
PRODUCT_NAME = "联江短信桌面助手"
