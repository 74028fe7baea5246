"""run-corpus on a Ray cluster (--ray ADDRESS): the same jobs as the local pool, each a Ray task
running `run_job` (one boot process per image) on whichever node has a free processor. Ray does
the scheduling; this module only submits the tasks and collects their reports as they finish.
Ray is an optional extra (`pip install 'ntmini[ray]'`)."""
from .errors import EXIT_UNSUPPORTED, EXIT_USAGE, UserError


def run_on_ray(address: str, jobs: list[dict], options: list[str], kill_after, done) -> None:
    try:
        import ray
    except ImportError:
        raise UserError("--ray needs Ray: pip install 'ntmini[ray]'", EXIT_UNSUPPORTED) from None
    from .run_corpus import run_job
    started_here = address == "local"
    try:
        if started_here:
            ray.init(include_dashboard=False, logging_level="ERROR", log_to_driver=False)
        else:
            ray.init(address=address, logging_level="ERROR", log_to_driver=False)
    except Exception as e:      # Ray's connection errors have no common base class
        raise UserError(f"--ray {address}: cannot connect ({type(e).__name__}: {e})", EXIT_USAGE) from None
    try:
        task = ray.remote(num_cpus=1, max_retries=0)(_on_node)
        pending = [task.remote(run_job, job, options, kill_after) for job in jobs]
        while pending:
            finished, pending = ray.wait(pending, num_returns=1)
            for ref in finished:
                done(ray.get(ref))
    finally:
        ray.shutdown()


def _on_node(run_job, job: dict, options: list[str], kill_after) -> dict:
    """On a node: a working directory of the node's own, then the job as the local pool runs it."""
    import shutil
    import tempfile
    work_root = tempfile.mkdtemp(prefix="ntmini-corpus-")
    try:
        return run_job(job, work_root, options, kill_after)
    finally:
        shutil.rmtree(work_root, ignore_errors=True)
