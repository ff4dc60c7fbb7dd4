// Registers the site's service worker (`sw.js` at the site's root, see sw.js), so that the pages a
// reader opens, and what they need, still open offline. Loaded on every page the Debrief plugin
// builds, once (instant navigation keeps it). Only over http(s): a page opened from its files gets
// no worker. Quietly: whatever fails (a private window, a browser that blocks workers), the page
// works as it does without one, and answers are saved as ever.

// This module is at assets/debrief/page/: the site's root is three folders up.
const root = new URL("../../../", import.meta.url);

// What this page loaded before any worker served it: the worker keeps it too.
const loaded = () => [
  location.href.split("#")[0],
  ...performance.getEntriesByType("resource").map((entry) => entry.name),
];

const register = async () => {
  await navigator.serviceWorker.register(new URL("sw.js", root));
  const ready = await navigator.serviceWorker.ready;
  ready.active?.postMessage({ keep: loaded() });
};

if (/^https?:$/.test(location.protocol) && "serviceWorker" in navigator) {
  register().catch(() => {});
}
