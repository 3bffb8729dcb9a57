"""Sentences and clauses of a passage, cut at punctuation that is not inside a printed number.

A *sentence* ends at "。" (or "!" / "?"); a *clause* also ends at "," ";" ":" (folded from
"，；：").  The comma of "1,942.11" and of OCR's "1, 442. 80" belongs to the number: the
boundaries are looked for outside the figures ``patterns.find_figures`` found.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from cnbudget.narrative.patterns import Figure

SENTENCE_ENDS = "。!?"
CLAUSE_ENDS = ",;:" + SENTENCE_ENDS


@dataclass(frozen=True)
class Clause:
    """``text[start:end]`` of the passage; ``end_mark`` is the punctuation that closed it
    ("" at the end of the passage); ``sentence`` numbers the sentence it belongs to."""

    start: int
    end: int
    end_mark: str
    sentence: int
    figures: tuple[Figure, ...]


def clauses(text: str, figures: list[Figure]) -> list[Clause]:
    """Cut ``text`` into clauses, each with the figures printed in it."""
    inside = set()
    for f in figures:
        inside.update(range(f.start, f.end))
    ordered = sorted(figures, key=lambda f: f.start)
    starts = [f.start for f in ordered]
    out: list[Clause] = []
    start, sentence = 0, 0
    for i, ch in enumerate(text):
        if ch in CLAUSE_ENDS and i not in inside:
            out.append(_clause(start, i, ch, sentence, ordered, starts))
            start = i + 1
            if ch in SENTENCE_ENDS:
                sentence += 1
    if start < len(text):
        out.append(_clause(start, len(text), "", sentence, ordered, starts))
    return out


def _clause(start: int, end: int, mark: str, sentence: int, ordered: list[Figure], starts: list[int]) -> Clause:
    # the figures starting in [start, end): found by bisection, a passage may hold thousands
    figs = tuple(ordered[bisect_left(starts, start):bisect_left(starts, end)])
    return Clause(start, end, mark, sentence, figs)


def sentence_span(text: str, offset: int) -> tuple[int, int]:
    """The sentence of ``text`` around ``offset`` (start, end), its closing mark included."""
    start = max(text.rfind(ch, 0, offset) for ch in SENTENCE_ENDS) + 1
    ends = [i for i in (text.find(ch, offset) for ch in SENTENCE_ENDS) if i >= 0]
    end = min(ends) + 1 if ends else len(text)
    return start, end
