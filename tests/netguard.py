"""Run a module as __main__ with the network limited to this machine: a name lookup or a
connection beyond loopback is refused, and any listening socket is reported, on stderr
(`NETGUARD ...`). Usage: python -m tests.netguard crawler.cli crawl SITE ..."""

from __future__ import annotations

import ipaddress
import runpy
import socket
import sys
from typing import Any

_LOCAL_NAMES = {"localhost", "localhost.localdomain", ""}


def _local(host: Any) -> bool:
    if host is None:
        return True
    host = host.decode() if isinstance(host, bytes) else str(host)
    if host in _LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


def _report(what: str) -> None:
    sys.stderr.write(f"NETGUARD {what}\n")
    sys.stderr.flush()


def install() -> None:
    original_getaddrinfo = socket.getaddrinfo
    original_connect = socket.socket.connect
    original_connect_ex = socket.socket.connect_ex
    original_listen = socket.socket.listen

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        if not _local(host):
            _report(f"refused name lookup of {host!r}")
            raise socket.gaierror(socket.EAI_NONAME, "refused by tests/netguard.py")
        return original_getaddrinfo(host, *args, **kwargs)

    def check(sock: socket.socket, address: Any) -> None:
        if sock.family in (socket.AF_INET, socket.AF_INET6) and not _local(address[0]):
            _report(f"refused connection to {address!r}")
            raise ConnectionRefusedError(f"refused by tests/netguard.py: {address!r}")

    def connect(self: socket.socket, address: Any) -> None:
        check(self, address)
        return original_connect(self, address)

    def connect_ex(self: socket.socket, address: Any) -> int:
        check(self, address)
        return original_connect_ex(self, address)

    def listen(self: socket.socket, *args: Any) -> None:
        if self.family in (socket.AF_INET, socket.AF_INET6):
            _report(f"listening on {self.getsockname()!r}")
        return original_listen(self, *args)

    socket.getaddrinfo = getaddrinfo  # type: ignore[assignment]
    socket.socket.connect = connect  # type: ignore[method-assign]
    socket.socket.connect_ex = connect_ex  # type: ignore[method-assign]
    socket.socket.listen = listen  # type: ignore[method-assign]


if __name__ == "__main__":
    install()
    module, sys.argv = sys.argv[1], sys.argv[1:]
    runpy.run_module(module, run_name="__main__", alter_sys=True)
