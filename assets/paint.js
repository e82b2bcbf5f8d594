// Shows, before the Wasm has loaded, the page painted for this address:
// one of the <template>s the build wrote into index.html. It runs before
// the shell below it is parsed, so the first thing drawn is already the
// right page, never the shell and then the page. The app removes both
// when its own page is ready (src/ui/prepaint.rs).
(function () {
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
  // With a page painted, the shell stays hidden (style/main.css).
  function paint() {
    var template = templateFor(window.location.hash);
    painted.replaceChildren(template ? template.content.cloneNode(true) : "");
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
