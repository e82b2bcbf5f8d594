// Keeps the app usable offline after one visit: registers the service
// worker (sw.js, written by scripts/post-build.mjs with this build's files).
// Only in a top-level window on a page of the site itself: never inside an
// embed or an LMS frame, whose hosts decide what is kept. A browser that
// refuses (private mode, file://, an old engine) simply goes without, in
// silence: the app works the same online.
(function () {
  // As the app reads it (src/route.rs): empty segments do not count.
  var embedded = /^#\/*embed(\/|$)/.test(window.location.hash);
  var framed;
  try {
    framed = window.top !== window.self;
  } catch (e) {
    framed = true;
  }
  if (embedded || framed || !("serviceWorker" in navigator)) return;
  window.addEventListener("load", function () {
    try {
      navigator.serviceWorker.register("./sw.js").catch(function () {});
    } catch (e) {
      // Some browsers throw rather than reject; either way, go without.
    }
  });
})();
