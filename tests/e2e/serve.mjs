// A tiny static server for the built app (no dependencies). Usage: node serve.mjs DIR PORT
// Like a host set up for the app, it sends the build's precompressed copies (FILE.br, FILE.gz:
// scripts/precompress.mjs) to a browser that takes them.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const [dir = '../../dist', port = '4173'] = process.argv.slice(2);
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.webmanifest': 'application/manifest+json',
};
createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  const file = join(dir, path.endsWith('/') ? join(path, 'index.html') : path);
  try {
    const headers = { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache', vary: 'accept-encoding' };
    const accepts = String(req.headers['accept-encoding'] ?? '');
    let body = null;
    for (const [enc, ext] of [['br', '.br'], ['gzip', '.gz']]) {
      if (body || !new RegExp(`\\b${enc}\\b`).test(accepts)) continue;
      body = await readFile(file + ext).catch(() => null);
      if (body) headers['content-encoding'] = enc;
    }
    body ??= await readFile(file);
    res.writeHead(200, headers);
    res.end(body);
  } catch {
    res.writeHead(404).end('not found');
  }
}).listen(Number(port), '127.0.0.1', () => console.log(`serving ${dir} at http://127.0.0.1:${port}/`));
