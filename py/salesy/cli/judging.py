"""`salesy audit`'s judging: each distinct text once, in chunks, by worker processes that
start on the first chunks while the archive is still being read.

A post's verdict and score depend on its text and the config alone, so a text posted again is
judged once, and the report is the same whichever process judged what, and in whatever order
the chunks finish: answers are put back by each text's place, never by arrival.

CPython only (processes); the browser judges through `salesy.archive.classify`.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Iterator
from concurrent.futures import Executor, Future
from concurrent.futures.process import BrokenProcessPool, ProcessPoolExecutor
from contextlib import contextmanager

from salesy.cli.progress import Bar
from salesy.engine import effective_config, rate

# A big archive's posts are judged by one worker process per CPU; for a small one starting
# them costs more than they save. The pool is started before the archive is parsed (the
# forked workers then share a small heap, not the parsed archive), so the choice is made
# from the archive's size: X writes about 1.2 KB of tweets*.js per post, so 6 MB is about
# 5 000 posts.
PARALLEL_BYTES = 6 * 1024 * 1024
CHUNK = 1000  # texts per task: small enough to keep every worker busy to the end
Answer = tuple[object, object]  # (verdict, score)


def jobs(archive_bytes: int) -> int:
    """Worker processes to judge an archive of this many bytes (SALESY_JOBS=N overrides;
    1: none, this process judges)."""
    wanted = os.environ.get("SALESY_JOBS", "")
    if wanted.isdigit() and int(wanted) > 0:
        return int(wanted)
    if archive_bytes < PARALLEL_BYTES:
        return 1
    return max(1, min(os.cpu_count() or 1, 16))


@contextmanager
def workers(count: int) -> Iterator[Executor | None]:
    """A process pool, or None where there is no point or no way to start one. On an error
    (the archive turns out unreadable) the chunks not yet started are dropped, not judged."""
    if count <= 1:
        yield None
        return
    # fork starts at once and shares the loaded engine; elsewhere the platform's default.
    method = "fork" if sys.platform == "linux" else None
    try:
        pool = ProcessPoolExecutor(count, mp_context=multiprocessing.get_context(method))
    except (OSError, ImportError, NotImplementedError, ValueError):
        yield None  # no semaphores or no processes here: judge in this one
        return
    try:
        # The first task starts every worker (fork starts them all at once): now, while this
        # process holds only the archive's bytes, not when the first chunk is ready, after a
        # file has been parsed into millions of objects that fork would share copy-on-write
        # (and this process, touching them as it reads on, would then copy page by page).
        pool.submit(int)
    except (BrokenProcessPool, OSError, RuntimeError):  # no process could be started
        pool.shutdown(wait=True, cancel_futures=True)
        yield None
        return
    try:
        yield pool
    except BaseException:
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


def judge_texts(texts: list[str], config: dict[str, object]) -> list[Answer]:
    """(verdict, score) of each text, as archive.classify() would give them."""
    conf = effective_config(config)
    return [rate(text, conf) for text in texts]


class Judging:
    """add() each post's text as it is read; answers() once all are in. Full chunks go to
    the pool at once (with no pool they are judged in answers())."""

    def __init__(self, config: dict[str, object], pool: Executor | None) -> None:
        self._config = config
        self._pool = pool
        self._place: dict[str, int] = {}  # each distinct text's place in the answers
        self._pending: list[str] = []
        self._chunks: list[tuple[list[str], Future[list[Answer]] | None]] = []
        self._answers: list[Answer] = []

    def add(self, text: str) -> None:
        if text in self._place:
            return
        self._place[text] = len(self._place)
        self._pending.append(text)
        if len(self._pending) >= CHUNK:
            self._send()

    def _send(self) -> None:
        chunk, self._pending = self._pending, []
        future = None
        if self._pool is not None:
            try:
                future = self._pool.submit(judge_texts, chunk, self._config)
            except BrokenProcessPool:  # a worker died already: this process judges the rest
                self._pool = None
        self._chunks.append((chunk, future))

    def distinct(self) -> int:
        return len(self._place)

    def answers(self, shown: Bar) -> None:
        """Waits for (or judges) every chunk, in order; then answer() has each text's."""
        if self._pending:
            self._send()
        broken = False
        for chunk, future in self._chunks:
            judged = None
            if future is not None and not broken:
                try:
                    judged = future.result()
                except BrokenProcessPool:  # a worker died (out of memory?): judge here
                    broken = True
            if judged is None:
                judged = judge_texts(chunk, self._config)
            self._answers.extend(judged)
            shown.advance(len(chunk))
        self._chunks = []

    def answer(self, text: str) -> Answer:
        return self._answers[self._place[text]]
