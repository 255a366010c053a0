"""The working record of one statement while the rules build it (character ranges, not yet Spans)."""

from __future__ import annotations

from dataclasses import dataclass, field

Range = tuple[int, int]


@dataclass(slots=True)
class Found:
    """A statement found by a rule; ranges are character offsets into the article text."""

    mode: str
    quote: list[Range]
    rule: str
    sentence: int
    cue: list[Range] = field(default_factory=list)
    speaker: Range | None = None
    addressee: Range | None = None
    frame: Range | None = None
    medium: str | None = None
    channel: str | None = None
    frames: frozenset[str] = frozenset()

    @property
    def start(self) -> int:
        return self.quote[0][0]

    @property
    def end(self) -> int:
        return self.quote[-1][1]

    def covers(self, start: int, end: int) -> bool:
        """Whether the character range lies inside one of the quote parts."""
        for begin, stop in self.quote:  # noqa: SIM110 (a loop: any() over a generator costs 4x; issue 17zl)
            if begin <= start and end <= stop:
                return True
        return False
