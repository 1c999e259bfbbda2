"""The CLI in child processes forked from one that has imported the libraries already.

Every `govarchive` child process of the suite imports Scrapy, Twisted, trafilatura, lxml and
sqlite-utils again (about 0.9 s of CPU each). A fork server imports them once: each command is
a fresh process forked from it (single-threaded, no reactor installed, none of the project's
modules imported, so its settings read the command's environment), running `python -m
crawler.cli` with the command's arguments, environment, working directory and pipes.

Run as `python -m tests.forkserver SOCKET`; the tests use `run(args, ...)`.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import runpy
import selectors
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

# What a crawl imports that is not the project's own code.
PRELOAD = (
    "scrapy.crawler",
    "scrapy.http",
    "scrapy.extensions.remote_control",
    "twisted.web.client",
    "trafilatura",
    "htmldate",
    "lxml.html",
    "sqlite_utils",
    "warcio",
    "click",
)


def serve(path: str) -> None:
    for name in PRELOAD:
        __import__(name)
    # The project's modules are imported by each command, after its environment is set: the
    # settings and the crawler package read it at import.
    preloaded = {name.split(".")[0] for name in sys.modules}
    assert not preloaded & {"crawler", "archive", "replica", "tldextract"}, preloaded
    assert "twisted.internet.reactor" not in sys.modules, "a preload installed a reactor"
    parent = os.getppid()
    wake_read, wake_write = os.pipe()
    os.set_blocking(wake_write, False)
    signal.set_wakeup_fd(wake_write, warn_on_full_buffer=False)
    signal.signal(signal.SIGCHLD, lambda *_: None)
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(path)
    listener.listen(16)
    waiting: dict[int, socket.socket] = {}  # child pid -> the connection that asked for it
    selector = selectors.DefaultSelector()
    selector.register(listener, selectors.EVENT_READ)
    selector.register(wake_read, selectors.EVENT_READ)
    while os.getppid() == parent:  # the test process is gone: so is its fork server
        for key, _ in selector.select(timeout=1):
            if key.fileobj == wake_read:
                os.read(wake_read, 512)
                continue
            conn, _ = listener.accept()
            message, fds, _, _ = socket.recv_fds(conn, 1 << 20, 3)
            if len(fds) != 3:  # the test process gave up before asking
                conn.close()
                continue
            pid = os.fork()
            if pid == 0:  # the command: this loop's files closed, then it ends as Python does
                signal.set_wakeup_fd(-1)
                signal.signal(signal.SIGCHLD, signal.SIG_DFL)
                for sock in (selector, listener, conn, *waiting.values()):
                    sock.close()
                os.close(wake_read)
                os.close(wake_write)
                _child(json.loads(message), fds)
                sys.exit(0)
            for fd in fds:
                os.close(fd)
            _answer(conn, f"{pid}")
            waiting[pid] = conn
        while waiting:
            pid, status, usage = os.wait4(-1, os.WNOHANG)
            if pid == 0:
                break
            conn = waiting.pop(pid)
            _answer(
                conn,
                f"{os.waitstatus_to_exitcode(status)} {usage.ru_utime + usage.ru_stime}",
            )
            conn.close()


def _answer(conn: socket.socket, line: str) -> None:
    """Tell the test process; one that gave up waiting (a timeout) has closed its end."""
    with contextlib.suppress(OSError):
        conn.sendall(f"{line}\n".encode())


_INHERITED: list[object] = []


def _child(request: dict, fds: list[int]) -> None:
    """Run `python -m crawler.cli ARGS` on the given stdin, stdout and stderr; its SystemExit
    and any error end this process as they would end that one."""
    for target, fd in enumerate(fds):
        os.dup2(fd, target)
        os.close(fd)
    # New standard streams, as Python's start makes them: the inherited ones know this
    # server's own files (a seekable /dev/null, say), not the pipes now behind 0, 1 and 2.
    for fd, name in enumerate(("stdin", "stdout", "stderr")):
        inherited = getattr(sys, name)
        _INHERITED.append(inherited)  # kept: collected, it would close the new file behind fd
        stream = open(  # noqa: SIM115 (the process's stream, open until it ends)
            fd,
            "r" if fd == 0 else "w",
            buffering=-1 if fd == 0 else 1,
            encoding=inherited.encoding,
            errors=inherited.errors,
            closefd=False,
        )
        setattr(sys, name, stream)
        setattr(sys, f"__{name}__", stream)
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    sys.path[0] = request["cwd"]
    sys.argv = ["-m", *request["args"]]
    runpy.run_module("crawler.cli", run_name="__main__", alter_sys=True)


class ForkServer:
    """A fork server of this process's environment, started on first use."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.process: subprocess.Popen | None = None
        self.folder = self.path = ""

    def socket_path(self) -> str:
        with self.lock:
            if self.process is None:
                self.folder = tempfile.mkdtemp(prefix="govarchive-fork-")
                self.path = os.path.join(self.folder, "socket")
                root = Path(__file__).resolve().parent.parent
                self.process = subprocess.Popen(
                    [sys.executable, "-m", "tests.forkserver", self.path],
                    cwd=root,
                    stdin=subprocess.DEVNULL,
                    env={**os.environ, "PYTHONUNBUFFERED": "1"},
                )
                atexit.register(self.stop)
                deadline = time.monotonic() + 60
                while not os.path.exists(self.path):
                    assert self.process.poll() is None, "the fork server exited"
                    assert time.monotonic() < deadline, "the fork server did not start"
                    time.sleep(0.02)
            return self.path

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None
            shutil.rmtree(self.folder, ignore_errors=True)


SERVER = ForkServer()
# CPU seconds of the commands run here that have ended (they are the fork server's children,
# not this process's: tests/cpu_times.py adds them).
CHILD_CPU = 0.0


def run(
    args: list[str], cwd: Path, env: dict[str, str], timeout: float
) -> subprocess.CompletedProcess[str]:
    """`python -m crawler.cli ARGS` as subprocess.run(capture_output=True, text=True) runs it."""
    out_read, out_write = os.pipe()
    err_read, err_write = os.pipe()
    stdin = os.open(os.devnull, os.O_RDONLY)
    conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    conn.connect(SERVER.socket_path())
    request = {"args": args, "cwd": str(cwd), "env": env}
    socket.send_fds(conn, [json.dumps(request).encode()], [stdin, out_write, err_write])
    for fd in (stdin, out_write, err_write):
        os.close(fd)
    answers = conn.makefile("r")
    pid = int(answers.readline())
    outputs: dict[int, bytes] = {}

    def drain(fd: int) -> None:
        with os.fdopen(fd, "rb") as stream:
            outputs[fd] = stream.read()

    readers = [threading.Thread(target=drain, args=(fd,)) for fd in (out_read, err_read)]
    for reader in readers:
        reader.start()
    deadline = time.monotonic() + timeout
    for reader in readers:
        reader.join(max(0.0, deadline - time.monotonic()))
    if any(reader.is_alive() for reader in readers):
        os.kill(pid, signal.SIGKILL)
        for reader in readers:
            reader.join()
        raise subprocess.TimeoutExpired(args, timeout)
    returncode, cpu = answers.readline().split()
    conn.close()
    global CHILD_CPU
    CHILD_CPU += float(cpu)
    # As text=True reads it: the locale's encoding (UTF-8 here), universal newlines.
    stdout, stderr = (
        outputs[fd].decode().replace("\r\n", "\n").replace("\r", "\n")
        for fd in (out_read, err_read)
    )
    return subprocess.CompletedProcess(args, int(returncode), stdout, stderr)


if __name__ == "__main__":
    serve(sys.argv[1])
