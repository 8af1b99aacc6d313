/*
 * Bangfu's H5 app shell, kept in the browser so a reload without signal still opens the app and
 * every page (the helper's 记录走访 and its queue included), even one never opened online.
 * The H5 build emits this file as /sw.js with the build's own file list (config/offline-shell.ts);
 * a new build is a new list, so the browser installs it and drops the old shell.
 * Function calls (/api/*) and photos are never cached: writes go through the offline queue.
 */
const FILES = __BANGFU_SHELL_FILES__;
const CACHE = 'bf-shell-' + __BANGFU_SHELL_VERSION__;
/** On a bad signal a page load waits this long for the network before opening the kept shell. */
const NAVIGATION_WAIT_MS = 4000;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(FILES))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('bf-shell-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

function shellPage() {
  return caches.open(CACHE).then((cache) => cache.match('/index.html'));
}

/** Every route is the one page (SPA): the network's when it answers in time, else the kept one. */
function navigation(request) {
  const network = fetch(request);
  const timeout = new Promise((resolve) => setTimeout(resolve, NAVIGATION_WAIT_MS));
  return Promise.race([network.catch(() => null), timeout]).then((res) => res || shellPage().then((kept) => kept || network));
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  if (request.mode === 'navigate') {
    event.respondWith(navigation(request));
    return;
  }
  // Scripts and styles have content hashes in their names: a kept copy is the right one.
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(request))
      .then((hit) => hit || fetch(request)),
  );
});
