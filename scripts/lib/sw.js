// The service worker: keeps this build's files so the app opens and runs
// offline after one visit. scripts/lib/service-worker.mjs fills in the
// build's key and its files, each with the first 16 hex digits of its
// SHA-256.
//
// - Install fetches every file, revalidated with the server, and checks
//   each against its hash: a server half way through a deploy (or any
//   other build's file) fails the install, and the worker already running
//   stays.
// - A new build waits until no tab runs the old one, then takes over and
//   deletes the old build's cache: a tab never gets two builds' files.
// - It answers only for this build's files, from its own cache; anything
//   else goes to the network untouched.
const BUILD = "__BUILD__";
const FILES = __FILES__;
const SCOPE = self.registration.scope;
const PREFIX = "hub-and-mesh " + SCOPE + " ";
const CACHE = PREFIX + BUILD;

async function digest(buffer) {
  const hash = new Uint8Array(await crypto.subtle.digest("SHA-256", buffer));
  return Array.from(hash.slice(0, 8), (b) => b.toString(16).padStart(2, "0")).join("");
}

async function precache() {
  const cache = await caches.open(CACHE);
  for (const [name, expected] of Object.entries(FILES)) {
    const url = new URL(name, SCOPE);
    // Revalidated with the server, never taken unchecked from the HTTP
    // cache: a host that answers 304 sends no bytes again.
    const response = await fetch(url, { cache: "no-cache" });
    if (!response.ok) throw new Error(name + ": " + response.status);
    const body = await response.arrayBuffer();
    if ((await digest(body)) !== expected) throw new Error(name + " is not this build's");
    // Kept as a fresh response: one a host reached by a redirect (index.html
    // to its folder, say) may not answer a page's own navigation.
    await cache.put(url, new Response(body, { status: 200, headers: response.headers }));
  }
}

self.addEventListener("install", (event) => event.waitUntil(precache()));

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      }
      // The page that installed the worker uses it from now on, so it can
      // open any lesson offline without a reload.
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(SCOPE)) return;
  let name = new URL(request.url).pathname.slice(new URL(SCOPE).pathname.length);
  if (name === "") name = "index.html";
  if (!Object.hasOwn(FILES, name)) return;
  event.respondWith(
    caches.open(CACHE).then((cache) => cache.match(new URL(name, SCOPE))).then((hit) => hit || fetch(request)),
  );
});
