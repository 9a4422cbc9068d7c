// Service worker: after one visit a page opens and works with no network.
// On install it caches the pages in use and every asset they name (trunk gives them hashed
// names, so they are read from the pages rather than listed here). Pages: network first, cache
// when offline. Assets: cache first (their names change when their content does), and anything
// fetched later is cached as it comes.
// v5: only the pages in use are cached at install (a secretary's phone no longer downloads the
// district's code), and files with a content hash in their name are taken from the browser's
// HTTP cache when the page has just loaded them.
// v6: the cell's page loads its rarely used panels from a wasm chunk (src/ui/lazy_panel.rs),
// named only inside the chunk loader (__wasm_split-….js), which the page preloads.
const CACHE = 'chibo-shell-v6';

// The cell's page, and the district's with verify.html, which names the district import's
// verifier module, and the script of the import's Web Workers (which load that module).
const GROUPS = { './': ['./'], './district.html': ['./district.html', './verify.html'] };
const WITH = { './district.html': ['./public/verify-worker.js'] };

/** The cached page a navigation to `url` falls back to. */
function pageOf(url) {
  return new URL(url).pathname.endsWith('/district.html') ? './district.html' : './';
}

// A name with a content hash (trunk's `-0123456789abcdef` before the extension) never changes
// content: a copy in the browser's HTTP cache, such as the one the page has just loaded, is as
// good as a new download. Other names (pages, sw.js, the manifest, wasm-bindgen's snippets,
// whose folder is named after the crate, not the content) are asked of the server again.
const HASHED = /-[0-9a-f]{8,16}(?:_bg\.wasm|\.js|\.css)$/;
const get = (u) => fetch(u, { cache: HASHED.test(new URL(u).pathname) ? 'force-cache' : 'no-cache' });

// The pages in use: those open now (on a first visit, the page installing this worker) and
// those an earlier version had cached (so an update keeps them offline). A secretary who never
// opens the district's page never downloads its 700 KB; it is cached when first opened online,
// as it loads.
async function pagesInUse() {
  const pages = new Set();
  for (const c of await self.clients.matchAll({ type: 'window', includeUncontrolled: true })) {
    pages.add(pageOf(c.url));
  }
  for (const key of await caches.keys()) {
    const old = await caches.open(key);
    for (const page of Object.keys(GROUPS)) if (await old.match(page)) pages.add(page);
  }
  if (pages.size === 0) pages.add('./');
  return [...pages];
}

async function precache() {
  const cache = await caches.open(CACHE);
  const inUse = await pagesInUse();
  // Absolute URLs throughout, so that a file named twice is fetched once.
  const urls = new Set(['./manifest.webmanifest', './public/icon.svg', './public/icon-192.png', './public/icon-512.png',
    ...inUse.flatMap((p) => WITH[p] ?? [])].map((u) => new URL(u, self.registration.scope).href));
  for (const page of inUse.flatMap((p) => GROUPS[p])) {
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
      const r = await get(u);
      if (!r.ok) return null;
      await cache.put(u, r.clone());
      return u.endsWith('.js') ? [u, await r.text()] : null;
    } catch (_) { return null; /* an optional asset missing must not stop the install */ }
  }));
  // Modules the JS glue imports (wasm-bindgen snippets) are named only inside it, and the wasm
  // chunks only inside the chunk loader.
  const imported = new Set();
  for (const entry of fetched) {
    if (!entry) continue;
    const [base, js] = entry;
    for (const m of js.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
      imported.add(new URL(m[1], base).href);
    }
    for (const m of js.matchAll(/new URL\(\s*['"](\.{1,2}\/[^'"]+\.wasm)['"]/g)) {
      imported.add(new URL(m[1], base).href);
    }
  }
  await Promise.all([...imported].filter((u) => !urls.has(u)).map(async (u) => {
    try {
      const r = await get(u);
      if (r.ok) await cache.put(u, r);
    } catch (_) { /* see above */ }
  }));
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
