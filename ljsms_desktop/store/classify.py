"""Bucket and carrier of stored reports, computed per pull without Python per report where possible.

The rules live in core (``core.delivery_codes.classify``, ``core.carriers.carrier_id``); this module only
makes them cheap at store time:

* buckets: a pull has a handful of distinct status codes, so each is classified once and the rows
  are mapped through a dict with ``map(dict.__getitem__, codes)`` (C).
* carriers: an 11-character number's carrier is a dict lookup on its first 4 characters
  (``itemgetter(slice(0, 4))`` and ``dict.get`` both run in C); the few 4-digit prefixes split further
  by a 5th digit (174xx), and anything not 11 characters long, go through ``carrier_id`` one by one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from operator import itemgetter

from ..core import carriers as _carriers
from ..core import delivery_codes as _codes

_HEAD4 = itemgetter(slice(0, 4))


def _carrier_by_head4() -> dict[str, int]:
    ambiguous = {p[:4] for p in _carriers.PREFIXES if len(p) == 5}
    table = {}
    for n in range(1000, 2000):
        head = str(n)
        if head not in ambiguous:
            table[head] = _carriers.carrier_id(head + "0000000")
    return table


CARRIER_BY_HEAD4: dict[str, int] = _carrier_by_head4()
"""Carrier id of an 11-digit number by its first 4 digits (prefixes that need a 5th digit are absent)."""


def bucket_ids(codes: Iterable[str]) -> dict[str, int]:
    """{code: bucket id} for the distinct *codes*."""
    return {c: _codes.bucket_id(_codes.classify(c)) for c in set(codes)}


def bucket_id_of(code: str) -> int:
    return _codes.bucket_id(_codes.classify(code))


def carrier_ids(mobiles: Sequence[str]) -> list[int]:
    """Carrier id of every number in *mobiles* (the same as ``core.carriers.carrier_id``)."""
    if set(map(len, mobiles)) == {11}:
        ids = list(map(CARRIER_BY_HEAD4.get, map(_HEAD4, mobiles)))
        if None in ids:
            cid = _carriers.carrier_id
            ids = [cid(m) if i is None else i for m, i in zip(mobiles, ids)]
        return ids  # type: ignore[return-value]
    cid = _carriers.carrier_id
    return [cid(m) for m in mobiles]


_DIGIT_BY_HEAD4 = {head: str(cid) for head, cid in CARRIER_BY_HEAD4.items() if 0 <= cid <= 9}


def carrier_digits(mobiles: Sequence[str]) -> str | None:
    """``carrier_ids(mobiles)`` as one string of single digits (how the team store sends them: no ``str()`` per
    number), or None should an id ever need two digits."""
    if set(map(len, mobiles)) == {11}:
        heads = list(map(_DIGIT_BY_HEAD4.get, map(_HEAD4, mobiles)))
        if None not in heads:
            return "".join(heads)
    return _digits(carrier_ids(mobiles))


def bucket_digits(codes: Sequence[str], bucket_of: dict[str, int]) -> str | None:
    """The bucket id of every code in *codes* (*bucket_of*: ``bucket_ids(codes)``) as one string of single
    digits, or None should an id ever need two digits."""
    digit = {c: str(b) for c, b in bucket_of.items()}
    if any(len(d) != 1 for d in digit.values()):
        return None
    return "".join(map(digit.__getitem__, codes))


def _digits(values: Sequence[int]) -> str | None:
    text = "".join(map(str, values))
    return text if len(text) == len(values) else None


def carrier_id_of(mobile: str) -> int:
    return _carriers.carrier_id(mobile)


def opt_out_codes(codes: Iterable[str]) -> list[str]:
    """The opt-out status codes among the distinct *codes* (``core.delivery_codes.is_opt_out``)."""
    return [c for c in codes if _codes.is_opt_out(c)]


def opt_out_reason(code: str) -> str:
    """The suppression list's reason (Chinese) for a number an opt-out report put there; the code is kept
    beside it so the window can word it in English (``core.delivery_codes.opt_out_reason``)."""
    return _codes.opt_out_reason(code)[0]
