"""Executes notebooks through a Jupyter kernel for scripts/run-notebooks.js, its only caller.

Why Python: nbclient (Jupyter's own notebook executor) and nbconvert (the HTML copy) are Python
libraries. Everything else (which notebooks, where their outputs go, never overwriting a user's file,
the summary line) is decided in run-notebooks.js; this driver writes only the staging files it is told to.

    python3 scripts/notebook_driver.py JOB.json

JOB.json (written by run-notebooks.js):
    {"kernel": "tslab", "cell_timeout": 900, "keep_going": false,
     "notebooks": [{"source": "NB.ipynb", "executed": "STAGED.ipynb", "html": "STAGED.html" or null}]}
Standard output carries only JSON lines, read by run-notebooks.js:
    {"event": "started", "index": I}
    {"event": "kernel-started", "index": I, "pid": PID, "connection_file": PATH}
    {"event": "kernel-stopped", "index": I}
    {"event": "done", "index": I, "problems": [...], "seconds": S}
A notebook passes only if every code cell ran and its reply was "ok": tslab reports errors on stderr and
answers "abort" to requests that arrive just after an error, so a cell that did not run is a failure.
On SIGTERM or SIGINT the running kernel is killed, its connection file deleted, and the driver exits
with status 128 + the signal's number.
"""
import json
import os
import signal
import sys
import time
from contextlib import contextmanager


class Stopped(BaseException):
    """Raised by the first SIGTERM/SIGINT (a BaseException, so no `except Exception` swallows it)."""

    def __init__(self, signum):
        super().__init__(f"stopped by signal {signum}")
        self.signum = signum


def on_signal(signum, _frame):
    # Later signals (Ctrl-C reaches the whole process group, and run-notebooks.js forwards it too)
    # must not interrupt the clean-up that the first one starts.
    for s in (signal.SIGTERM, signal.SIGINT):
        signal.signal(s, signal.SIG_IGN)
    raise Stopped(signum)


# Installed before the slow imports, so a stop that comes early still ends the driver cleanly.
for _s in (signal.SIGTERM, signal.SIGINT):
    signal.signal(_s, on_signal)
try:
    import nbformat
    from nbclient import NotebookClient
except Stopped as _stop:
    os._exit(128 + _stop.signum)


EVENTS = None  # the real standard output, kept for events only (see main)


def emit(event, **fields):
    EVENTS.write(json.dumps({"event": event, **fields}) + "\n")
    EVENTS.flush()


def stream_text(cell, name):
    return "".join(o.get("text", "") for o in cell.get("outputs", []) if o.get("output_type") == "stream" and o.get("name") == name)


@contextmanager
def signals_held():
    if not hasattr(signal, "pthread_sigmask"):  # Windows: no signal masks
        yield
        return
    held = {signal.SIGTERM, signal.SIGINT}
    signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, held)


def kernel_process(client):
    km = client.km
    provisioner = getattr(km, "provisioner", None) if km is not None else None
    return getattr(provisioner, "process", None)


def kill_kernel(client):
    """Kills the kernel's process group at once (a kernel spinning in a loop never answers a
    shutdown request) and deletes the connection file the kernel manager wrote."""
    process = kernel_process(client)
    if process is not None and process.poll() is None:
        try:
            if hasattr(os, "killpg"):
                os.killpg(process.pid, signal.SIGKILL)  # jupyter_client starts kernels in their own session
            else:
                process.kill()
        except OSError:
            process.kill()
        try:
            process.wait(timeout=10)
        except Exception:  # noqa: BLE001 - nothing more can be done here; run-notebooks.js checks again
            pass
    km = client.km
    connection_file = getattr(km, "connection_file", None) if km is not None else None
    if connection_file and getattr(km, "_connection_file_written", False) and os.path.exists(connection_file):
        os.remove(connection_file)


def execute(index, job, settings, state):
    source = job["source"]
    nb = nbformat.read(source, as_version=4)
    replies = {}

    def on_executed(cell=None, cell_index=None, execute_reply=None, **_):
        replies[cell_index] = execute_reply["content"]["status"] if execute_reply else "no reply"

    client = NotebookClient(
        nb,
        kernel_name=settings["kernel"],
        timeout=settings["cell_timeout"],
        allow_errors=True,
        resources={"metadata": {"path": os.path.dirname(os.path.abspath(source))}},
        on_cell_executed=on_executed,
    )
    state["client"] = client
    problems = []
    started = time.time()
    client.km = client.create_kernel_manager()
    try:
        # A stop signal that arrived while the kernel process was being created could leave it
        # unknown to kill_kernel: hold the signals until the kernel is known (then they take effect).
        with signals_held():
            client.start_new_kernel()
            process = kernel_process(client)
            emit("kernel-started", index=index, pid=process.pid if process else None, connection_file=client.km.connection_file)
        client.start_new_kernel_client()
        for cell_index, cell in enumerate(nb.cells):
            if cell.cell_type != "code" or not cell.source.strip():
                continue
            try:
                client.execute_cell(cell, cell_index)
            except Exception as error:  # timeout, dead kernel
                first_line = str(error).splitlines()[0] if str(error) else ""
                problems.append(f"cell {cell_index}: {type(error).__name__}: {first_line}")
                break
            status = replies.get(cell_index, "no reply")
            if status != "ok":
                # Keep the error's message, drop the stack frames.
                detail = [line.strip() for line in stream_text(cell, "stderr").splitlines() if line.strip() and not line.strip().startswith("at ")]
                problems.append(f"cell {cell_index}: status {status}: " + " | ".join(detail[-8:]))
                if not settings["keep_going"]:
                    break
        client._cleanup_kernel()  # graceful: the kernel is idle
    finally:
        kill_kernel(client)  # after a graceful shutdown there is nothing left to kill
        state["client"] = None
        emit("kernel-stopped", index=index)
    for cell_index, cell in enumerate(nb.cells):
        ran = replies.get(cell_index) == "ok" or any(p.startswith(f"cell {cell_index}:") for p in problems)
        if cell.cell_type == "code" and cell.source.strip() and not ran:
            problems.append(f"cell {cell_index}: did not run")
    nbformat.write(nb, job["executed"])
    if job.get("html"):
        from nbconvert import HTMLExporter

        body, _ = HTMLExporter().from_notebook_node(nb)
        with open(job["html"], "w", encoding="utf-8") as f:
            f.write(body)
    return problems, time.time() - started


def main():
    if len(sys.argv) != 2 or sys.argv[1] in ("-h", "--help"):
        sys.stderr.write(__doc__)
        sys.exit(0 if len(sys.argv) == 2 else 2)
    global EVENTS
    state = {"client": None}
    try:
        with open(sys.argv[1], encoding="utf-8") as f:
            settings = json.load(f)
        # Events get a private copy of stdout (not inherited: PEP 446); fd 1 becomes stderr, so whatever a
        # library or the kernel (which inherits fd 1) prints cannot mix with events or hold the pipe open.
        EVENTS = os.fdopen(os.dup(1), "w", encoding="utf-8")
        os.dup2(2, 1)
        for index, job in enumerate(settings["notebooks"]):
            emit("started", index=index)
            try:
                problems, seconds = execute(index, job, settings, state)
            except Exception as error:  # noqa: BLE001 - reported as this notebook's failure; the batch goes on
                problems, seconds = [f"could not run: {type(error).__name__}: {error}"], 0.0
            emit("done", index=index, problems=problems, seconds=round(seconds, 1))
    except Stopped as stop:
        if state["client"] is not None:
            kill_kernel(state["client"])
        sys.stdout.flush()
        sys.stderr.flush()
        # os._exit: interpreter shutdown could wait on the kernel client's sockets.
        os._exit(128 + stop.signum)


if __name__ == "__main__":
    main()
