"""Where runs execute: in this process, in local worker processes, or on a Dask cluster.

Every executor calls a job (a picklable function of one task, see `cybergeo.experiments.
batch`) per run, yields outcomes as runs finish and keeps at most a few runs in flight per
worker, so memory stays bounded however long the batch. Results do not depend on the
executor: each run's seed is fixed by the design, not by where or when it runs.
"""

import ctypes
import itertools
import multiprocessing
import os
import select
import signal
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from functools import partial
from multiprocessing.context import BaseContext
from multiprocessing.synchronize import Event as EventType
from typing import Literal

from cybergeo.experiments.runner import RunOutcome, RunTask

Job = Callable[[RunTask], RunOutcome]
ExecutorName = Literal["serial", "local", "dask"]
IN_FLIGHT_PER_WORKER = 2
PR_SET_PDEATHSIG = 1
"""prctl option: the signal a process receives when its parent dies (Linux)."""
PARENT_CHECK_SECONDS = 0.5


def run_serially(job: Job, tasks: Iterable[RunTask]) -> Iterator[RunOutcome]:
    for task in tasks:
        yield job(task)


def run_locally(job: Job, tasks: Iterable[RunTask], workers: int) -> Iterator[RunOutcome]:
    """Local worker processes, started the fastest safe way (see `worker_context`).

    Workers never outlive the batch: they stop when it is interrupted or fails (`stop`), and
    when the batch process dies, even by SIGKILL (see `watch_parent`); the fork server and
    the resource tracker then exit as their last users are gone.
    """
    context = worker_context()
    stop = context.Event()
    watch = (stop, os.getpid())
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=watch_parent, initargs=watch
    ) as pool:
        try:
            yield from _bounded(lambda task: pool.submit(job, task), tasks, workers)
        finally:
            stop.set()


def watch_parent(stop: EventType, batch: int) -> None:
    """In a worker: leave Ctrl-C to the batch, and exit when the batch process `batch` dies
    (even by SIGKILL) or sets `stop`.

    A worker's parent is the fork server, which lives as long as its workers do, so the
    worker watches the batch process itself (a pidfd on Linux). The kernel also kills the
    worker if the fork server dies first (PR_SET_PDEATHSIG).
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    try:
        handle = os.pidfd_open(batch) if hasattr(os, "pidfd_open") else None
    except ProcessLookupError:
        os._exit(1)

    def batch_gone() -> bool:
        if handle is not None:
            return bool(select.select([handle], [], [], 0)[0])
        try:
            os.kill(batch, 0)
        except ProcessLookupError:
            return True
        return False

    def watch() -> None:
        while not stop.wait(PARENT_CHECK_SECONDS) and not batch_gone():
            continue
        os._exit(1)

    threading.Thread(target=watch, name="cybergeo-batch-watch", daemon=True).start()


def worker_context() -> BaseContext:
    """Workers forked from a server that imports the model and the writing of result files
    once per process, so they start running at once and clean (forking this process itself
    is unsafe once libraries have started threads); spawned where the platform has no fork
    server.

    Each worker still imports the program's main script (as `__mp_main__`) when it was run
    as a file, so the `cybergeo` command's script imports nothing until it is called (see
    `cybergeo.__main__`)."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["cybergeo.run", "cybergeo.experiments.store"])
    return context


def run_on_dask(
    job: Job, tasks: Iterable[RunTask], workers: int, scheduler: str | None
) -> Iterator[RunOutcome]:
    """A Dask cluster at `scheduler`, or a local one with `workers` single-threaded workers.

    Dask reschedules the runs of a lost worker elsewhere; each run is pure, so that is safe.
    """
    from dask.distributed import Client, LocalCluster, as_completed

    cluster = None
    if scheduler is None:
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
    client = Client(scheduler or cluster)
    try:
        submit = partial(client.submit, job, pure=False)
        queue = iter(tasks)
        running = as_completed()
        limit = max(1, len(client.scheduler_info()["workers"])) * IN_FLIGHT_PER_WORKER
        for first in itertools.islice(queue, limit):
            running.add(submit(first))
        for future in running:
            yield future.result()
            following = next(queue, None)
            if following is not None:
                running.add(submit(following))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _bounded(
    submit: Callable[[RunTask], Future[RunOutcome]], tasks: Iterable[RunTask], workers: int
) -> Iterator[RunOutcome]:
    """Keep up to IN_FLIGHT_PER_WORKER runs per worker submitted; yield as they finish."""
    pending: set[Future[RunOutcome]] = set()
    queue = iter(tasks)
    limit = max(1, workers) * IN_FLIGHT_PER_WORKER
    while True:
        while len(pending) < limit:
            task = next(queue, None)
            if task is None:
                break
            pending.add(submit(task))
        if not pending:
            return
        done, pending = wait(pending, return_when=FIRST_COMPLETED)
        for future in done:
            yield future.result()
