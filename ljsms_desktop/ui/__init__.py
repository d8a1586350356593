"""The desktop window (PySide6). It drives the engine, the import and the client through ``jobs``."""
