"""Loaded by every Python subprocess the tests start (via PYTHONPATH): installs the egress guard.

Attempts to reach a non-loopback address are blocked and appended to $EGRESS_GUARD_LOG, which
the test session reads at the end.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
try:
    import egress

    egress.install(log_path=os.environ.get("EGRESS_GUARD_LOG"))
except Exception as exc:  # the guard must never be silently missing
    sys.stderr.write(f"egress guard failed to install: {exc}\n")
    raise
