"""Subcommands of the ``ljsms`` command line: one module per group, each with ``register(subparsers)``."""
