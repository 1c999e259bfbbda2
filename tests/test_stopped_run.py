"""A test run stopped with SIGTERM (a CI job's timeout) leaves no process a test started."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT, Processes, wait_while_running

# A test that starts a long command in the background and then waits: it is never meant to
# finish, only to be stopped. Its teardown takes a while, as stopping an ingest and a Redis
# does: longer than pytest-xdist's workers are given once the controller asks them to exit
# (their own interrupt after 5 s, a kill after 10), so a worker must hear of the SIGTERM at once.
WAITING_TEST = """
import os, time
from pathlib import Path

import pytest
from tests.helpers import Processes

@pytest.fixture(scope="module")
def waited():
    with Processes() as processes:
        child = processes.start(["sleep", "600"])
        Path(os.environ["CHILD_PID_FILE"]).write_text(str(child.pid))
        try:
            child.wait()
        finally:
            time.sleep(6)

def test_waits(waited):
    pass
"""


@pytest.mark.slow
@pytest.mark.parametrize("workers", [["-n", "1"], ["-p", "no:xdist"]], ids=["xdist", "plain"])
def test_sigterm_to_pytest_stops_what_the_tests_started(
    tmp_path: Path, processes: Processes, workers: list[str]
) -> None:
    (tmp_path / "test_waiting.py").write_text(WAITING_TEST)
    pid_file = tmp_path / "child.pid"
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *workers]
    command += ["-p", "tests.conftest", "--rootdir", str(tmp_path), "-c", os.devnull]
    env = {**os.environ, "CHILD_PID_FILE": str(pid_file), "PYTHONPATH": str(ROOT)}
    run = processes.start(
        [*command, str(tmp_path / "test_waiting.py")],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )

    def written() -> bool:
        return pid_file.exists() and bool(pid_file.read_text())

    wait_while_running(run, written, "the waiting test did not start")
    child = int(pid_file.read_text())
    assert Path(f"/proc/{child}").exists()
    run.send_signal(signal.SIGTERM)
    output, _ = run.communicate(timeout=60)
    assert "KeyboardInterrupt" in output, output
    assert not Path(f"/proc/{child}").exists(), f"sleep ({child}) outlived the run"
