// Debrief's service worker: the site keeps working offline once a reader has opened it. It keeps
// the pages they open, and what those pages load, in a cache of its own; the home page and the
// pages the site names in `precache` are kept from the first visit. A classic script, at the
// site's root so that it serves every page (debrief/webapp.py writes it there, after a line that
// sets `self.debriefBuild`: the build's version, the assets' version, what to keep at once).
//
// - Pages and unversioned files come from the network first, and from the cache only when the
//   network fails, so a reader online always gets the site as published.
// - The scripts and styles of this build (`?v=<assets version>`) come from the cache first: an
//   address of that version only ever holds that version.
// - Every build has its own cache, named after it. A new worker fills its cache from the network
//   (what the old one kept, fetched again) before it takes over, then deletes the old caches, so
//   a page served from a cache only ever refers to files kept with it.
// - Only this site's own files are kept (its origin, under its folder): never another origin's.

const build = self.debriefBuild;
const scope = self.registration.scope;
// Another site on this origin (another folder, another version under mike) has its own.
const prefix = `debrief:${scope}:`;
const current = prefix + build.version;

const parsed = (address) => {
  try {
    return new URL(address);
  } catch {
    return null;
  }
};
const ours = (url) => url.href.startsWith(scope) && url.pathname !== location.pathname;
const thisBuilds = (url) => url.searchParams.get("v") === build.assets;
// Another build's versioned address: the new worker fetches its own instead.
const otherBuilds = (url) => url.searchParams.has("v") && !thisBuilds(url);

// Only whole answers of this origin are kept: no error, no part of a file, and no redirect (a
// browser refuses a redirected answer to a page it opens).
const keepable = (response) =>
  response.status === 200 && response.type === "basic" && !response.redirected;

const open = () => caches.open(current);

// Fetched from the server, never from the browser's own cache: a new worker keeps the new build.
const fetchFresh = async (cache, address) => {
  const response = await fetch(new Request(address, { cache: "no-cache" }));
  if (keepable(response)) await cache.put(address, response);
};

// What the build says to keep at once. A file the server does not have is left out; no network
// fails the install, and the worker installed before (if any) stays.
const keepBuild = (cache) =>
  Promise.all(build.keep.map((address) => fetchFresh(cache, new URL(address, scope).href)));

// What the reader's earlier caches held, fetched again from this build (best effort: what fails
// is left out, and is kept again when the reader next opens it).
const keepAgain = async (cache) => {
  const kept = new Set((await cache.keys()).map((request) => request.url));
  const wanted = new Set();
  for (const name of await caches.keys()) {
    if (!name.startsWith(prefix) || name === current) continue;
    for (const request of await (await caches.open(name)).keys()) {
      const url = new URL(request.url);
      if (!kept.has(url.href) && !otherBuilds(url)) wanted.add(url.href);
    }
  }
  await Promise.all([...wanted].map((address) => fetchFresh(cache, address).catch(() => {})));
};

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await open();
      await keepBuild(cache);
      await keepAgain(cache);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(prefix) && name !== current) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

const fromNetwork = async (event) => {
  const { request } = event;
  try {
    const response = await fetch(request);
    if (keepable(response)) {
      const copy = response.clone();
      event.waitUntil(open().then((cache) => cache.put(request, copy)));
    }
    return response;
  } catch (error) {
    // A page asked for with a query (a link from elsewhere) is the page kept without one.
    const page = request.mode === "navigate";
    const cached = await (await open()).match(request, { ignoreSearch: page, ignoreVary: true });
    if (cached) return cached;
    throw error;
  }
};

const fromCache = async (event) =>
  (await (await open()).match(event.request)) || fromNetwork(event);

self.addEventListener("fetch", (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== "GET" || !ours(url) || request.headers.has("range")) return;
  // What the browser asks for from its own cache alone (a tool of its own) is left to it.
  if (request.cache === "only-if-cached" && request.mode !== "same-origin") return;
  event.respondWith(thisBuilds(url) ? fromCache(event) : fromNetwork(event));
});

// A page that loaded before this worker served it names what it loaded: keep that too.
self.addEventListener("message", (event) => {
  const addresses = Array.isArray(event.data?.keep) ? event.data.keep : [];
  event.waitUntil(
    (async () => {
      const cache = await open();
      for (const address of addresses) {
        const url = parsed(address);
        if (!url || !ours(url) || otherBuilds(url) || (await cache.match(url.href))) continue;
        try {
          const response = await fetch(url.href);
          if (keepable(response)) await cache.put(url.href, response);
        } catch {
          // Offline already: it is kept when the reader next opens it.
        }
      }
    })(),
  );
});
