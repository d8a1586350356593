"""The recipient list of the compose tab: pasted text plus numbers brought in from elsewhere.

No widgets, so a worker thread can run it (``QCoreApplication.translate`` is thread-safe): ``plan_numbers`` turns the pasted text
and the extra sources (a file import, a previous campaign's failed numbers) into one
``core.planning.Plan`` and says where each refused entry came from (line N of the pasted text,
row N of the file), which the tab lists with the reason.

Lines are split one at a time (``core.numbers.split_number_list``) so an invalid entry keeps its
line number; a line that is already 11 ASCII digits skips the splitter. On this machine 5,000
lines plan in ~15 ms; above ``SYNC_LINES`` the tab plans in a background task (the GUI thread
must not stall for more than 50 ms).
"""

from __future__ import annotations

from collections.abc import Container, Iterable
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication

from ..core.numbers import split_number_list
from ..core.planning import Plan, plan_plain
from . import wording

SYNC_LINES = 5000
"""Up to this many pasted lines the plan is built on the GUI thread (≈15 ms), else in a Task."""
SHOWN_PROBLEMS = 200
"""How many refused entries the list shows (the counts cover all of them)."""


@dataclass
class NumberSource:
    """Numbers that came from somewhere other than the text box (already normalised and valid).

    ``problems`` are the rows the source itself refused, as (where, raw, reason) — e.g. a file
    import's invalid and duplicate rows — ``invalid``/``duplicates`` their full counts (problems may be a sample).
    """

    label: str
    mobiles: list[str]
    rows: list[int] = field(default_factory=list)    # row numbers aligned with mobiles (may be empty)
    problems: list[tuple[str, str, str]] = field(default_factory=list)
    invalid: int = 0
    duplicates: int = 0
    sheet: str = ""      # the worksheet a file import read (a sheet named 退订 is offered to the suppression list)


@dataclass
class NumbersResult:
    """A plan of the numbers, with the refused entries located for the user."""

    plan: Plan
    lines: int
    problems: list[tuple[str, str, str]]   # (where, raw, reason) of invalid, then duplicate entries; at most SHOWN_PROBLEMS
    invalid: int                           # all sources together
    duplicates: int
    suppressed: int

    @property
    def valid(self) -> int:
        return len(self.plan.recipients)


def line_count(text: str) -> int:
    return text.count("\n") + 1 if text else 0


def split_lines(text: str) -> tuple[list[str], list[int]]:
    """Candidate numbers of pasted *text* and, aligned, the 1-based line each came from."""
    raws: list[str] = []
    where: list[int] = []
    append, mark = raws.append, where.append
    for n, line in enumerate(text.splitlines(), 1):
        if len(line) == 11 and line.isdigit() and line.isascii():
            append(line)
            mark(n)
            continue
        for piece in split_number_list(line):
            append(piece)
            mark(n)
    return raws, where


def plan_numbers(content: str, text: str, sources: Iterable[NumberSource] = (), *,
                 suppressed: Container[str] = frozenset()) -> NumbersResult:
    """Plan *content* to the numbers of *text* and *sources* (duplicates across all of them count once)."""
    raws, where = split_lines(text)
    sources = list(sources)
    origin: list[tuple[int, NumberSource | None]] = [(len(raws), None)]
    all_raws: list[str] = list(raws) if sources else raws
    for src in sources:
        all_raws.extend(src.mobiles)
        origin.append((len(all_raws), src))
    plan = plan_plain(content, all_raws, suppressed=suppressed)

    line_fmt = QCoreApplication.translate("NumbersInput", "第 {0} 行")
    row_fmt = QCoreApplication.translate("NumbersInput", "{0} 第 {1} 行")

    def locate(index: int) -> str:
        if index < len(raws):
            return line_fmt.format(where[index])
        start = len(raws)
        for end, src in origin[1:]:
            if index < end:
                pos = index - start
                if src.rows and pos < len(src.rows):
                    return row_fmt.format(src.label, src.rows[pos])
                return src.label
            start = end
        return ""

    problems: list[tuple[str, str, str]] = []
    for inv in plan.invalid[:SHOWN_PROBLEMS]:
        problems.append((locate(inv.index), inv.raw, wording.number_reason(inv.reason, inv.reason_zh)))
    # Duplicates are listed like invalid entries: which line repeats which (sent once, to the first).
    same_as = QCoreApplication.translate("NumbersInput", "重复：与{0}的号码相同，只发一次")
    for dup in plan.duplicates[:max(0, SHOWN_PROBLEMS - len(problems))]:
        problems.append((locate(dup.index), all_raws[dup.index], same_as.format(locate(dup.first_index))))
    for src in sources:
        room = SHOWN_PROBLEMS - len(problems)
        if room <= 0:
            break
        problems.extend(src.problems[:room])
    return NumbersResult(
        plan=plan,
        lines=line_count(text),
        problems=problems,
        invalid=len(plan.invalid) + sum(s.invalid for s in sources),
        duplicates=len(plan.duplicates) + sum(s.duplicates for s in sources),
        suppressed=len(plan.suppressed),
    )
