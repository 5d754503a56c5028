"""Runs lesson notebooks through the real tslab kernel and reports `N passed, N failed`.

Called by scripts/run-notebooks.js (which finds a Python that has nbclient).
A notebook passes only if every code cell ran and its reply was "ok": tslab
reports errors on stderr and answers "abort" to requests that arrive just after
an error, so a cell that did not run is a failure, never a silent skip.
Executed copies and HTML go to the output folder, never over the source.
"""
import argparse
import json
import os
import sys
import time

import nbformat
from nbclient import NotebookClient


def stream_text(cell, name):
    return "".join(o.get("text", "") for o in cell.get("outputs", []) if o.get("output_type") == "stream" and o.get("name") == name)


def run_one(path, out_dir, kernel_name, cell_timeout, html, keep_going=False):
    nb = nbformat.read(path, as_version=4)
    replies = {}

    def on_executed(cell=None, cell_index=None, execute_reply=None, **_):
        replies[cell_index] = execute_reply["content"]["status"] if execute_reply else "no reply"

    client = NotebookClient(
        nb,
        kernel_name=kernel_name,
        timeout=cell_timeout,
        allow_errors=True,
        resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}},
        on_cell_executed=on_executed,
    )
    problems = []
    started = time.time()
    with client.setup_kernel():
        for index, cell in enumerate(nb.cells):
            if cell.cell_type != "code" or not cell.source.strip():
                continue
            try:
                client.execute_cell(cell, index)
            except Exception as error:  # timeout, dead kernel
                problems.append(f"cell {index}: {type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}")
                break
            status = replies.get(index, "no reply")
            if status != "ok":
                # Keep the error's message, drop the stack frames.
                detail = [l.strip() for l in stream_text(cell, "stderr").splitlines() if l.strip() and not l.strip().startswith("at ")]
                problems.append(f"cell {index}: status {status}: " + " | ".join(detail[-8:]))
                if not keep_going:
                    break
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "code" and cell.source.strip() and replies.get(index) != "ok" and not any(p.startswith(f"cell {index}:") for p in problems):
            problems.append(f"cell {index}: did not run")
    seconds = time.time() - started
    os.makedirs(out_dir, exist_ok=True)
    base = os.path.splitext(os.path.basename(path))[0]
    out_nb = os.path.join(out_dir, base + ".ipynb")
    if os.path.abspath(out_nb) == os.path.abspath(path):
        raise SystemExit(f"refusing to write the executed copy over the source notebook {path}; choose another --out folder")
    nbformat.write(nb, out_nb)
    if html:
        from nbconvert import HTMLExporter
        body, _ = HTMLExporter().from_notebook_node(nb)
        with open(os.path.join(out_dir, base + ".html"), "w", encoding="utf-8") as f:
            f.write(body)
    return problems, seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("notebooks", nargs="+")
    parser.add_argument("--out", required=True, help="folder for executed notebooks and HTML")
    parser.add_argument("--kernel", default="tslab")
    parser.add_argument("--cell-timeout", type=int, default=900)
    parser.add_argument("--no-html", action="store_true")
    parser.add_argument("--json", help="write per-notebook results here")
    parser.add_argument("--keep-going", action="store_true", help="send the remaining cells after an error (they still count as failures)")
    args = parser.parse_args()
    results = []
    for path in args.notebooks:
        print(f"running {path} ...", flush=True)
        try:
            problems, seconds = run_one(path, args.out, args.kernel, args.cell_timeout, not args.no_html, args.keep_going)
        except Exception as error:
            problems, seconds = [f"could not run: {type(error).__name__}: {error}"], 0.0
        ok = not problems
        results.append({"notebook": path, "ok": ok, "seconds": round(seconds, 1), "problems": problems})
        print(f"{'PASS' if ok else 'FAIL'} {path} ({seconds:.1f} s)", flush=True)
        for p in problems:
            print(f"    {p}", flush=True)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(results, f, indent=2)
    passed = sum(r["ok"] for r in results)
    print(f"notebooks: {passed} passed, {len(results) - passed} failed", flush=True)
    sys.exit(0 if passed == len(results) else 1)


if __name__ == "__main__":
    main()
