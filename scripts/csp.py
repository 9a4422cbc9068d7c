#!/usr/bin/env python3
"""Trunk post-build hook: puts a Content-Security-Policy in each built page.

The policy allows nothing from another origin. Trunk writes one inline module script (the wasm
loader); it is allowed by its SHA-256 hash, computed here from the built file, so no other
inline script can run. 'wasm-unsafe-eval' is what compiling WebAssembly needs. frame-ancestors
cannot be set from a meta tag: a host should also send it as a header (see SECURITY.md).
"""
import base64
import hashlib
import os
import re
import sys

staging = os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else "dist")


def protect(path):
    with open(path, encoding="utf-8") as f:
        html = f.read()
    html = re.sub(r'\s*<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
    inline = re.findall(r"<script\b[^>]*>(.*?)</script>", html, re.S)
    hashes = " ".join(
        "'sha256-%s'" % base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode()
        for s in inline
        if s.strip()
    )
    policy = "; ".join(
        [
            "default-src 'self'",
            f"script-src 'self' 'wasm-unsafe-eval' {hashes}".strip(),
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "worker-src 'self'",
            "manifest-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}" />'
    marker = '<meta charset="utf-8" />'
    if marker not in html:
        sys.exit(f"csp.py: {marker} not found in {path}")
    html = html.replace(marker, f"{marker}\n    {meta}", 1)
    with open(path, "w", encoding="utf-8") as f:
        f.write(html)
    print(f"csp.py: policy with {len(inline)} hashed inline script(s) written to {path}")


# Each trunk build has one page: index.html, district.html or verify.html (Makefile).
pages = sorted(p for p in os.listdir(staging) if p.endswith(".html"))
if not pages:
    sys.exit(f"csp.py: no page in {staging}")
for page in pages:
    protect(os.path.join(staging, page))
