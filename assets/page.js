// What the page does before, and without, the Wasm: wires the crash
// banner's button, shows the page painted for this address, and registers
// the service worker. One small file where three would cost the first
// visit two more requests. It stands in the body, after the crash banner
// and the painted pages' templates, before the shell.

// The crash banner's button reloads the page: the Wasm module cannot run
// again after a panic has aborted it (src/ui/crash.rs shows the banner).
(function () {
  var button = document.getElementById("crash-reload");
  if (button) {
    button.addEventListener("click", function () { window.location.reload(); });
  }
})();

// Shows, before the Wasm has loaded, the page painted for this address:
// one of the <template>s the build wrote into index.html. It runs before
// the shell below it is parsed, so the first thing drawn is already the
// right page, never the shell and then the page. The app removes both
// when its own page is ready (src/ui/prepaint.rs).
(function () {
  // The teach page is a page of its own (teach.html), so learners never
  // load it: an old link to #/teach goes there, on load or later.
  function toTeach() {
    if (/^#\/*teach\/*([?#].*)?$/.test(window.location.hash)) window.location.replace("teach.html");
  }
  toTeach();
  window.addEventListener("hashchange", toTeach);
  var root = document.documentElement;
  var painted = document.createElement("div");
  painted.id = "prepaint";
  document.currentScript.after(painted);
  function templateFor(hash) {
    var path = hash.replace(/^#/, "").split(/[?#]/)[0].split("/").filter(Boolean);
    var id = null;
    if (path.length === 0) id = "paint-home";
    else if (path[0] === "embed") id = "paint-embed";
    else if (path.length === 2 && path[0] === "lessons" && /^[a-z-]+$/.test(path[1])) id = "paint-lesson-" + path[1];
    return id && document.getElementById(id);
  }
  // Each lesson's diagram, from the one the lessons share, with its caption.
  function diagrams(page) {
    var shared = document.getElementById("paint-diagram");
    page.querySelectorAll("figure[data-diagram]").forEach(function (slot) {
      if (!shared) return;
      var figure = shared.content.firstElementChild.cloneNode(true);
      var caption = slot.getAttribute("data-diagram");
      figure.querySelector("svg").setAttribute("aria-label", caption);
      figure.querySelector("figcaption").textContent = caption;
      slot.replaceWith(figure);
    });
    return page;
  }
  // With a page painted, the shell stays hidden (style/main.css).
  function paint() {
    var template = templateFor(window.location.hash);
    painted.replaceChildren(template ? diagrams(template.content.cloneNode(true)) : "");
    root.classList.toggle("painted", !!template);
  }
  paint();
  // The app waits for the first paint before it takes over, so what was
  // painted here is drawn at least once, however fast the Wasm arrives
  // (and the largest text a reader sees first is this page's, not the
  // app's copy of it moments later).
  window.hubAndMeshShown = new Promise(function (resolve) {
    var types = window.PerformanceObserver && PerformanceObserver.supportedEntryTypes;
    if (!types || types.indexOf("paint") < 0 || document.visibilityState === "hidden") return resolve();
    new PerformanceObserver(function (list, observer) {
      if (list.getEntriesByName("first-contentful-paint").length) {
        observer.disconnect();
        resolve();
      }
    }).observe({ type: "paint", buffered: true });
    setTimeout(resolve, 1000);
  });
  window.addEventListener("hashchange", function () {
    // Gone once the app has taken over.
    if (!painted.isConnected) return;
    paint();
    window.scrollTo(0, 0);
  });
})();

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
  // The SCORM package's copy says so on <html>: it has no sw.js to register.
  var packaged = document.documentElement.hasAttribute("data-no-service-worker");
  if (embedded || framed || packaged || !("serviceWorker" in navigator)) return;
  window.addEventListener("load", function () {
    try {
      navigator.serviceWorker.register("./sw.js").catch(function () {});
    } catch (e) {
      // Some browsers throw rather than reject; either way, go without.
    }
  });
})();
