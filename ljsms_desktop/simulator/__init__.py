"""A simulated 联江·云通讯 gateway: a real HTTP server that answers as the contract says.

Used by the integration tests (over HTTP on 127.0.0.1), by the app's demo mode (in a thread),
by benchmarks and by people rehearsing a campaign (``python -m ljsms_desktop.simulator``).

    with Simulator(seed=1, templates={"1": "【联江】您的验证码{}"}) as sim:
        LjClient(sim.base_url, "demo", "demo").send("【联江】你好", ["13800000000"])
        sim.make_all_due()

Behaviour (contract: ../../shared/ljioe-api.md), where the vendor text is silent:

- Codes are answered as JSON ints (``string_codes=True`` answers them as strings), always with
  HTTP 200, as the vendor does; unknown paths get HTTP 404 JSON, other methods HTTP 405.
- Empty body and ``{}`` → 40000; unparsable JSON, a JSON that is not an object, a bad
  Content-Length, a field of the wrong type → 40001. ``ext`` over 40 characters → 40001 too
  (the table has no code for it; 40014 is about the extension number).
- ``timestamp`` is accepted as an int or a digit string (public Go clients send a string),
  within ±``timestamp_window`` seconds (default 300) of the simulator's clock, else 40007.
- Numbers: ``mobile`` is split on ``,``; blanks are ignored; numbers are not otherwise checked,
  duplicates are charged each time. Content length (40011) counts characters (code points).
- Charging: each number is charged per part of its (rendered) text: ≤ 70 UTF-16 units → 1,
  else ceil(units / 67). When the balance cannot cover the whole request the whole request is
  refused with **40019 "balance not enough"** — not in the vendor table (the vendor is silent
  on an empty account); nothing is charged or queued.
- Template sends: ``templateId`` must be registered with exactly the ``template`` text; each
  entry's value count must equal the number of ``{}`` (else 40016); each rendered text must
  pass the plain-send content rules (40009/40010/40011).
- Reports: one per number of an accepted send, due ``report_delay`` seconds later (Python API
  default 0.0, command line default 2.0), DELIVRD with probability ``deliver_rate``, else one
  of UNDELIV, MK:0001, EXPIRED, REJECTD, MN:0012. ``/report`` hands each out once, in
  acceptance order, at most ``pull_size`` per pull, then 40999. Replies: a ``reply_rate`` share
  of delivered numbers reply ``reply_delay`` seconds after their report (``optout_rate`` of them
  an opt-out such as 退订/TD/T), with ``expand`` = the send's extension number and its msgId.
- msgId: 18 digits, unique per simulator: 8 digits drawn from the seed, then a counter.
  With a ``seed``, the same requests give the same msgIds, statuses, replies and faults.
- Faults: ``busy_rate`` → 49999 without acting (any endpoint); ``drop_rate`` → a send is
  accepted (charged, queued, recorded with ``dropped=True``) and the connection is closed with
  no answer; ``delay`` → the request is processed, then the answer waits that many seconds (a
  client timing out meanwhile faces the ambiguous "maybe accepted" case). ``inject()`` sets
  one-shot answers for tests. ``set_faults()``/``configure()`` change them at run time.
"""

from .config import SimConfig
from .server import Simulator
from .state import Accepted

__all__ = ["Accepted", "SimConfig", "Simulator"]
