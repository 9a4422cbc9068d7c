#!/usr/bin/env python3
"""Trunk post-build hook: drops a page's preloads of wasm-bindgen snippets its JS glue never imports.

wasm-bindgen writes every JS snippet the crate declares for every binary, and trunk preloads all
of them: the cell's page fetched the district import's worker pool (import_workers.js) and an
unused inline snippet on every first visit, 3 KB gzip and two requests for nothing. A snippet is
kept when the glue imports it, directly or through another snippet; the files stay in the build
(the district's page imports them), and the service worker follows the glue's imports, not these
tags.
"""
import os
import re
import sys

staging = os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else "dist")
IMPORT = re.compile(r"""(?:from|import)\s*\(?\s*['"](\.{1,2}/[^'"]+)['"]""")
SNIPPET_LINK = re.compile(r'<link rel="modulepreload" href="/?(snippets/[^"]+)"[^>]*>')


def imported(path, seen):
    """Every module `path` imports, directly or not, as paths relative to the staging dir."""
    try:
        with open(os.path.join(staging, path), encoding="utf-8") as f:
            js = f.read()
    except OSError:
        return seen
    for rel in IMPORT.findall(js):
        target = os.path.normpath(os.path.join(os.path.dirname(path), rel))
        if target not in seen:
            seen.add(target)
            imported(target, seen)
    return seen


def prune(page):
    with open(os.path.join(staging, page), encoding="utf-8") as f:
        html = f.read()
    glue = re.search(r'<link rel="modulepreload" href="/?(chibo-[^"/]+\.js)"', html)
    if not glue:
        sys.exit(f"preloads.py: no JS glue preloaded in {page}")
    used = imported(glue.group(1), set())
    dropped = [m.group(1) for m in SNIPPET_LINK.finditer(html) if m.group(1) not in used]
    html = SNIPPET_LINK.sub(lambda m: m.group(0) if m.group(1) in used else "", html)
    with open(os.path.join(staging, page), "w", encoding="utf-8") as f:
        f.write(html)
    print(f"preloads.py: {page}: {len(dropped)} unused snippet preload(s) dropped {dropped}")


for page in sorted(p for p in os.listdir(staging) if p.endswith(".html")):
    prune(page)
