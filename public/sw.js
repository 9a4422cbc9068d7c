// Service worker: after one visit the app opens and works with no network.
// On install it caches both pages and every asset they name (trunk gives them hashed names,
// so they are read from the pages rather than listed here). Pages: network first, cache when
// offline. Assets: cache first (their names change when their content does).
// v4: the import's worker script changed its messages (read-ahead, answers name their chunk);
// a new name makes every client fetch it again with the modules it goes with.
const CACHE = 'chibo-shell-v4';

// The two pages: the cell's and the district's (each with its own wasm module), and verify.html,
// which names the district import's verifier module (loaded by its Web Workers).
const PAGES = ['./', './district.html', './verify.html'];

/** The cached page a navigation to `url` falls back to. */
function pageOf(url) {
  return new URL(url).pathname.endsWith('/district.html') ? './district.html' : './';
}

async function precache() {
  const cache = await caches.open(CACHE);
  const urls = new Set(['./manifest.webmanifest', './public/icon.svg', './public/icon-192.png', './public/icon-512.png', './public/verify-worker.js']);
  for (const page of PAGES) {
    let html = '';
    try {
      const response = await fetch(page, { cache: 'no-cache' });
      if (!response.ok) continue;
      html = await response.clone().text();
      await cache.put(page, response);
    } catch (_) { continue; /* offline again: the next visit installs */ }
    for (const m of html.matchAll(/(?:href|src)="([^"]+)"/g)) {
      if (!m[1].startsWith('http')) urls.add(new URL(m[1], self.registration.scope).href);
    }
    // The wasm and its JS glue are loaded by the module script, not named by a tag of their own.
    for (const m of html.matchAll(/['"]([^'"]+\.(?:js|wasm))['"]/g)) {
      if (!m[1].startsWith('http')) urls.add(new URL(m[1], self.registration.scope).href);
    }
  }
  const fetched = await Promise.all([...urls].map(async (u) => {
    try {
      const r = await fetch(u, { cache: 'no-cache' });
      if (!r.ok) return null;
      await cache.put(u, r.clone());
      return u.endsWith('.js') ? [u, await r.text()] : null;
    } catch (_) { return null; /* an optional asset missing must not stop the install */ }
  }));
  // Modules the JS glue imports (wasm-bindgen snippets) are named only inside it.
  for (const entry of fetched) {
    if (!entry) continue;
    const [base, js] = entry;
    for (const m of js.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
      const u = new URL(m[1], base).href;
      try {
        const r = await fetch(u, { cache: 'no-cache' });
        if (r.ok) await cache.put(u, r);
      } catch (_) { /* see above */ }
    }
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  if (req.mode === 'navigate') {
    event.respondWith((async () => {
      try {
        const fresh = await fetch(req);
        // Only a good page replaces the offline copy (never a 404 or a server error page).
        if (fresh.ok) (await caches.open(CACHE)).put(pageOf(req.url), fresh.clone());
        return fresh;
      } catch (_) {
        return (await caches.match(pageOf(req.url))) ?? Response.error();
      }
    })());
    return;
  }
  event.respondWith((async () => {
    const hit = await caches.match(req, { ignoreSearch: true });
    if (hit) return hit;
    const res = await fetch(req);
    if (res.ok) (await caches.open(CACHE)).put(req, res.clone());
    return res;
  })());
});
