#!/usr/bin/env python3
"""Trunk post-build hook: splits the cell page's wasm into the page's module and a lazy chunk.

Leptos 0.8 marks split points with `wasm_split` (src/ui/lazy_panel.rs); the split itself is done
by `wasm-split-cli` (crate wasm_split_cli_support), which must run between cargo and wasm-bindgen.
Trunk has no step there (trunk issue #1022), so this hook redoes trunk's last steps for the cell's
page from cargo's output: split, wasm-bindgen (keeping the linker's exports the chunk imports),
wasm-opt with the page's own flags. It then puts the results under trunk's file names, gives the
chunk and its loader content-hashed names, and mends the page's integrity hashes and preloads.
Pages without split points (the district's, the verifier's) are left alone.

Runs before preloads.py and csp.py (they read what this writes).
"""
import base64
import hashlib
import os
import re
import subprocess
import sys
import tempfile

staging = os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else "dist")
source_dir = os.environ.get("TRUNK_SOURCE_DIR", ".")
source_html = os.environ.get("TRUNK_HTML_FILE", os.path.join(source_dir, "index.html"))
profile = os.environ.get("TRUNK_PROFILE", "release")
target_dir = os.environ.get("CARGO_TARGET_DIR", os.path.join(source_dir, "target"))
LOADER = "__wasm_split.js"


def run(*cmd):
    subprocess.run(cmd, check=True)


def sri(data):
    return "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode()


def short_hash(data):
    return hashlib.sha256(data).hexdigest()[:16]


def read(path):
    with open(path, "rb") as f:
        return f.read()


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


page = os.path.join(staging, "index.html")
html = read(page).decode() if os.path.exists(page) else ""
if "chibo-app-" not in html:
    print("split.py: no cell page in this build, nothing to split")
    sys.exit(0)
# Trunk's file hash is a 64-bit number in hex without leading zeros: 16 digits or fewer (8 or
# more but for one build in 4 billion). A build whose hash began with 0 once slipped past a
# 16-digit pattern here and shipped the unsplit, unoptimised module.
glue = re.search(r'<link rel="modulepreload" href="/?(chibo-app-[0-9a-f]{8,16})\.js"', html)
if not glue:
    sys.exit("split.py: the cell page names chibo-app, but not as a preloaded glue file")
name = glue.group(1)
cargo_wasm = os.path.join(target_dir, "wasm32-unknown-unknown", profile, "chibo-app.wasm")
if b"__wasm_split_load_" not in read(cargo_wasm):
    print("split.py: chibo-app has no split points, nothing to split")
    sys.exit(0)
source = read(source_html).decode()
opt_params = re.search(r'data-bin="chibo-app"[^>]*data-wasm-opt-params="([^"]*)"', source)
opt_level = re.search(r'data-bin="chibo-app"[^>]*data-wasm-opt="([^"]*)"', source)
if not opt_params or not opt_level:
    sys.exit("split.py: index.html names no wasm-opt level and parameters for chibo-app")
wasm_opt = [f"-O{opt_level.group(1)}", *opt_params.group(1).split()]

with tempfile.TemporaryDirectory() as tmp:
    split_dir, bindgen_dir = os.path.join(tmp, "split"), os.path.join(tmp, "bindgen")
    run("wasm-split-cli", "--target", "web", "--out-name", name, cargo_wasm, split_dir)
    run("wasm-bindgen", "--target=web", "--no-typescript", "--keep-lld-exports",
        f"--out-dir={bindgen_dir}", f"--out-name={name}", os.path.join(split_dir, f"{name}.wasm"))
    # The page's module: the same name as trunk's; the chunk is loaded by __wasm_split.js.
    run("wasm-opt", *wasm_opt, os.path.join(bindgen_dir, f"{name}_bg.wasm"),
        "-o", os.path.join(staging, f"{name}_bg.wasm"))
    loader = read(os.path.join(split_dir, LOADER)).decode()
    # wasm-split-cli lists the shared exports in hash-map order: sorted, the same build gives the
    # same loader (and the same file name).
    loader = re.sub(r"\{ ([\w$, ]+?),\s*\}",
                    lambda m: "{ " + ", ".join(sorted(x.strip() for x in m.group(1).split(","))) + ", }", loader)
    chunks = sorted(f for f in os.listdir(split_dir) if f.startswith("split_") and f.endswith(".wasm"))
    for chunk in chunks:
        optimised = os.path.join(tmp, chunk)
        run("wasm-opt", *wasm_opt, os.path.join(split_dir, chunk), "-o", optimised)
        data = read(optimised)
        # Named like trunk's files, so the service worker takes it from the HTTP cache by name.
        hashed = f"{chunk[len('split_'):-len('.wasm')]}-{short_hash(data)}_bg.wasm"
        write(os.path.join(staging, hashed), data)
        loader = loader.replace(f'"./{chunk}"', f'"./{hashed}"')
        print(f"split.py: {chunk} -> {hashed} ({len(data)} B)")
    loader_bytes = loader.encode()
    hashed_loader = f"__wasm_split-{short_hash(loader_bytes)}.js"
    write(os.path.join(staging, hashed_loader), loader_bytes)
    js = read(os.path.join(bindgen_dir, f"{name}.js")).decode()
    # Only the import statement: the wasm's import object keeps the module's own name.
    js, n = re.subn(rf'(\bfrom\s*)"\./{re.escape(LOADER)}"', rf'\g<1>"./{hashed_loader}"', js)
    if n != 1:
        sys.exit(f"split.py: expected the JS glue to import ./{LOADER} once, found {n}")
    write(os.path.join(staging, f"{name}.js"), js.encode())
    # The glue's snippets are trunk's, from the same crate: check that none is missing.
    for snippet in re.findall(r'from "\./(snippets/[^"]+)"', js):
        if not os.path.exists(os.path.join(staging, snippet)):
            sys.exit(f"split.py: {snippet} is imported by the glue but not in the build")

# The page: new integrity hashes for the glue and the module, and the loader preloaded with them.
for file in (f"{name}.js", f"{name}_bg.wasm"):
    digest = sri(read(os.path.join(staging, file)))
    html, n = re.subn(rf'(href="/?{re.escape(file)}"[^>]*integrity=")[^"]*"', rf'\g<1>{digest}"', html)
    if n != 1:
        sys.exit(f"split.py: expected one integrity hash for {file} in index.html, found {n}")
preload = (f'<link rel="modulepreload" href="/{hashed_loader}" crossorigin="anonymous" '
           f'integrity="{sri(loader_bytes)}">')
html = html.replace("</head>", preload + "</head>", 1)
write(page, html.encode())
print(f"split.py: {name} split into the page's module, {len(chunks)} chunk(s) and {hashed_loader}")
