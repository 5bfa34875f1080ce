"""Command-line subcommands that need Qt. Each module has `register(subparsers)`; Qt is
imported only when the command runs, so `--help` and core commands stay fast."""
