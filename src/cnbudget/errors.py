"""The one exception family for user-facing errors.

A ``CnbudgetError`` names the file, the place and the reason (Chinese first).  The CLI prints
``str(error)`` as one line on stderr and exits 2; nothing else is shown without ``--debug``.
"""

from __future__ import annotations


class CnbudgetError(Exception):
    """Input that cannot be used: unreadable, empty, not a disclosure, bad arguments."""

    def __init__(self, reason: str, *, file: str | None = None, place: str | None = None) -> None:
        self.reason = reason
        self.file = file
        self.place = place
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = self.file or ""
        if self.place:
            where = f"{where}:{self.place}" if where else self.place
        return f"{where}: {self.reason}" if where else self.reason


class UnreadableFile(CnbudgetError):
    """Empty, binary, corrupt, encrypted or in an unknown encoding."""


class NotADisclosure(CnbudgetError):
    """Readable, but no budget / final-account table or narrative was found."""
