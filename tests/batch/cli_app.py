"""The CLI app with the library commands, whether or not ``cli._register_optional`` lists
``cnbudget.cli_library`` yet."""

from __future__ import annotations


def library_app():
    from cnbudget import cli_library
    from cnbudget.cli import app

    names = {c.name or (c.callback.__name__ if c.callback else None) for c in app.registered_commands}
    if "ingest" not in names:
        cli_library.register(app)
    return app
