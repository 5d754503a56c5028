"""Renders the course site's pages with nbconvert, nothing loaded from the network.

Called only by scripts/build-site.js (Python, because nbconvert is), with one argument: a JSON job file
  {"template_dir": DIR, "pages": [{"output": FILE.html, "title": STR, "source_dir": DIR,
    "notebook": FILE.ipynb | null, "markdown": STR | null, "convnet": {...nav, urls, banner}}]}
A page is either an (executed) notebook or a markdown text rendered as a one-cell notebook.
Markdown images with relative paths are embedded (resolved from source_dir). The pages are written
into build-site's temporary folder; build-site post-processes them and writes the site itself.
"""
import html
import json
import os
import sys

import nbformat
from nbconvert import HTMLExporter


def load_page(page):
    if page.get("notebook"):
        return nbformat.read(page["notebook"], as_version=4)
    if page.get("markdown") is None:
        raise SystemExit(f"render_pages: page {page.get('output')!r} has neither 'notebook' nor 'markdown'; give one.")
    nb = nbformat.v4.new_notebook()
    nb.cells.append(nbformat.v4.new_markdown_cell(page["markdown"]))
    return nb


def main():
    if len(sys.argv) == 2 and sys.argv[1] in ("-h", "--help"):
        print(__doc__)
        return
    if len(sys.argv) != 2 or not os.path.isfile(sys.argv[1]):
        raise SystemExit("usage: render_pages.py JOB.json  (JOB.json is written by scripts/build-site.js; --help says more)")
    with open(sys.argv[1], encoding="utf-8") as f:
        job = json.load(f)
    exporter = HTMLExporter(
        template_name="lab",
        extra_template_paths=[job["template_dir"]],
        template_file="convnet-site.html.j2",
        embed_images=True,
        theme="light",
        exclude_input_prompt=True,  # tslab leaves execution counts empty: "In [ ]" would read as "not run"
        exclude_output_prompt=True,
    )
    for page in job["pages"]:
        nb = load_page(page)
        nb.metadata["title"] = page["title"]
        convnet = dict(page["convnet"])
        if convnet.get("banner"):
            convnet["banner"] = html.escape(convnet["banner"]).replace("\n", "<br>")
        resources = {"metadata": {"name": page["title"], "path": page["source_dir"]}, "convnet": convnet}
        body, _ = exporter.from_notebook_node(nb, resources=resources)
        os.makedirs(os.path.dirname(page["output"]), exist_ok=True)
        with open(page["output"], "w", encoding="utf-8") as f:
            f.write(body)
        print(f"site: rendered {page.get('rel', page['output'])}", flush=True)


if __name__ == "__main__":
    main()
