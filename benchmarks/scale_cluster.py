"""A Ray instance on this machine, started before a benchmark's timing, for jobs that attach to it.

A team that runs ``wortlaut batch`` on a cluster starts Ray once (``ray start
--head``) and sends its jobs with ``--address``: Ray's services, its idle
worker processes and the helper actors a first job leaves behind are running
already when a job starts.  :class:`Cluster` starts such an instance with
``ray start --head --block`` as a child of the benchmark (so the benchmark can
watch its processes and end it by its own process id, never with ``ray stop``,
which would end every Ray session on the machine), with the job's settings:
``workers`` CPUs, worker priority 0 (as :func:`wortlaut.scale.job.start_ray`),
no dashboard and no usage statistics.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Self

#: What ``ray start`` prints once the head node is up.
READY = "Ray runtime started."
#: Seconds to wait for it (a cold ``ray start`` took 5-15 s on the shared 2-core machine).
START_TIMEOUT = 180.0
#: Seconds left to the fresh instance after it is up, so that its services' own start-up (Python
#: imports in the agents) is over before a job is timed, as on a cluster that has been running.
SETTLE_SECONDS = 5.0


class ClusterError(RuntimeError):
    """``ray start`` failed or did not come up in time."""


def free_port() -> int:
    """A TCP port nobody listens on now (Ray's GCS port; 6379 may be another session's)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class Cluster:
    """``ray start --head --block`` for the length of a ``with`` block; ``address`` to attach to."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.address = ""
        self.process: subprocess.Popen[bytes] | None = None
        handle, name = tempfile.mkstemp(prefix="bench-ray-start-", suffix=".log")
        os.close(handle)
        self.log = Path(name)  # ray start's output, kept for a failed start
        # A folder of its own, short for Unix socket paths: `ray start` writes its address into
        # <temp dir>/ray_current_cluster, and in the shared /tmp/ray every other `ray.init()` on the
        # machine without an address would connect to this instance (or, once it is gone, fail).
        self.temp_dir = tempfile.mkdtemp(prefix="rb-", dir="/tmp")

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def __enter__(self) -> Self:
        port = free_port()
        ray = Path(sys.executable).with_name("ray")
        command = [str(ray), "start", "--head", "--block", f"--port={port}", f"--num-cpus={self.workers}"]
        command += ["--include-dashboard=false", "--disable-usage-stats", f"--temp-dir={self.temp_dir}"]
        env = {
            **os.environ,
            "RAY_worker_niceness": "0",
            "RAY_USAGE_STATS_ENABLED": "0",
            "PYTHONUNBUFFERED": "1",
        }
        with self.log.open("wb") as log:  # the child keeps its own copy of the descriptor
            self.process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env)
        self.address = f"127.0.0.1:{port}"
        self._wait()
        time.sleep(SETTLE_SECONDS)
        return self

    def _wait(self) -> None:
        assert self.process is not None
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if READY in Path(self.log).read_text(errors="replace"):
                return
            if self.process.poll() is not None:
                break
            time.sleep(0.2)
        self.__exit__()
        raise ClusterError(f"ray start did not come up: see {self.log}")

    def __exit__(self, *exc: object) -> None:
        """End the instance: SIGTERM to ``ray start``, which stops its processes (they share its fate)."""
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.temp_dir, ignore_errors=True)
