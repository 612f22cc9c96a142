"""Jobs run at once, each in its own thread with its own database connection (tests marked `postgres`)."""

import threading

from django.db import connections


def run_in_threads(*jobs):
    """Run each job in its own thread (its own database connection), started together."""
    results: list = [None] * len(jobs)
    barrier = threading.Barrier(len(jobs))

    def runner(i, job):
        try:
            barrier.wait()
            results[i] = ("ok", job())
        except Exception as exc:
            results[i] = ("error", exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=runner, args=(i, job)) for i, job in enumerate(jobs)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    return results
