// The teach page (teach.html, which the build writes from src/page/teach.rs):
// one picker drives the snippet to paste, the live preview and its message
// log, the listener and which lesson's notes show. A plain script on a page
// of its own, so learners' Wasm carries none of it. The messages and the
// address's query are the app's (src/embed/protocol.rs); this page writes
// what a course page needs to use them.
(function () {
  "use strict";
  var byId = function (id) { return document.getElementById(id); };
  // The protocol's source and version, as the build wrote them from the
  // app's own (src/page/teach.rs).
  var SOURCE = byId("main").getAttribute("data-source");
  var VERSION = Number(byId("main").getAttribute("data-version"));
  var choice = byId("teach-choice");
  var originInput = byId("teach-origin");
  var originError = byId("teach-origin-error");
  var hide = byId("teach-hide-show-me");
  var courseNote = byId("teach-course-origin");
  var snippet = byId("teach-snippet");
  var status = document.querySelector(".copy-status");
  var preview = byId("teach-preview");
  var log = document.querySelector(".message-log");
  var listenerSection = byId("teach-listener");
  var own = window.location.origin;
  // The app beside this page, wherever the teacher has put the folder.
  var base = own + window.location.pathname.replace(/[^/]*$/, "") + "index.html";

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  // A course page's origin, as the app accepts it (TargetOrigin::parse):
  // "*", or http(s) with a host and perhaps a port, and nothing after.
  function parseOrigin(text) {
    text = text.trim();
    if (text === "*") return { origin: "*" };
    var url;
    try {
      url = new URL(text);
    } catch (e) {
      return { error: '"' + text.slice(0, 60) + '" is not an origin like https://course.example.org' };
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") return { error: "an origin starts with https:// (or http://)" };
    if (url.username || url.password || url.pathname !== "/" || url.search || url.hash) {
      return { error: "an origin is only the scheme, the host and perhaps a port: no path, please" };
    }
    // What the app's parser takes: letters, digits, dots and hyphens, or
    // an IPv6 address in brackets; a port from 1.
    if (!/^([a-z0-9.-]+|\[[0-9a-f:.]+\])$/.test(url.hostname)) {
      return { error: "the origin has no host, or one with characters a host cannot have" };
    }
    if (url.port === "0") return { error: "the origin's port must be a number from 1 to 65535" };
    return { origin: url.origin };
  }

  function lessons() {
    return Array.prototype.filter.call(choice.options, function (o) { return o.value !== "sandbox" && o.value !== "course"; })
      .map(function (o) { return { slug: o.value, title: o.textContent }; });
  }

  function route() {
    var picked = choice.value;
    if (picked === "sandbox") return "/embed/sandbox";
    return "/embed/lessons/" + (picked === "course" ? lessons()[0].slug : picked);
  }

  function address(to, origin) {
    var query = [];
    if (origin) query.push("origin=" + encodeURIComponent(origin));
    if (hide.checked && to.indexOf("/embed/lessons/") === 0) query.push("showme=off");
    return base + (query.length ? "?" + query.join("&") : "") + "#" + to;
  }

  function iframe(to, title, origin) {
    return '<iframe src="' + escapeHtml(address(to, origin)) + '" title="' + escapeHtml(title) +
      '" width="100%" height="720" loading="lazy" sandbox="allow-scripts allow-same-origin allow-downloads"></iframe>';
  }

  // The lines every listener needs: our messages only, from this copy of
  // the app, and each frame fitted to the height its lesson asks for.
  function listenerHead() {
    return 'window.addEventListener("message", function (event) {\n' +
      "  if (event.origin !== " + JSON.stringify(own) + ") return;\n" +
      "  var m = event.data;\n" +
      '  if (!m || m.source !== "' + SOURCE + '" || m.version !== ' + VERSION + ") return;\n" +
      '  var frames = document.querySelectorAll("iframe");\n' +
      "  for (var i = 0; i < frames.length; i++) {\n" +
      '    if (frames[i].contentWindow === event.source && m.type === "resize") frames[i].height = m.height;\n' +
      "  }\n";
  }

  function listener() {
    return "<script>\n// Messages from Hub & Mesh frames served from " + own + "\n" + listenerHead() +
      '  // m.type: "ready", "resize", "task-complete", "quiz-complete" (m.score\n' +
      "  // of m.total, the first attempt's) or \"lesson-complete\" (m.helped when\n" +
      '  // "Show me" set the solution); m.slug names the lesson.\n' +
      '  if (m.type === "lesson-complete") {\n' +
      '    console.log("Lesson complete: " + m.slug + (m.helped ? ", with help" : ""));\n' +
      "  }\n});\n</script>";
  }

  // Every lesson on one page, under a list that marks each as completed.
  function coursePage(origin) {
    var all = lessons();
    var out = "<h2>Hub &amp; Mesh: client-server and peer-to-peer networks</h2>\n" +
      "<p>Progress in this visit (the list starts afresh when the page is reloaded):</p>\n<ol id=\"hub-and-mesh-progress\" aria-live=\"polite\">\n";
    all.forEach(function (l) {
      out += '  <li data-slug="' + escapeHtml(l.slug) + '"><a href="#hub-and-mesh-' + escapeHtml(l.slug) + '">' + escapeHtml(l.title) +
        '</a>: <span class="status">not finished</span> <span class="score"></span></li>\n';
    });
    out += "</ol>\n";
    all.forEach(function (l) {
      out += '<h3 id="hub-and-mesh-' + escapeHtml(l.slug) + '">' + escapeHtml(l.title) + "</h3>\n" + iframe("/embed/lessons/" + l.slug, l.title, origin) + "\n";
    });
    return out + "<script>\n// Progress from the Hub & Mesh frames above, served from " + own + "\n" + listenerHead() +
      "  var item = document.querySelector('#hub-and-mesh-progress li[data-slug=\"' + m.slug + '\"]');\n" +
      "  if (!item) return;\n" +
      '  if (m.type === "quiz-complete") item.querySelector(".score").textContent = "(quiz: " + m.score + " of " + m.total + " right first time)";\n' +
      '  if (m.type === "lesson-complete") item.querySelector(".status").textContent = m.helped ? "complete, with help" : "complete";\n' +
      "});\n</script>";
  }

  // One of our messages in words, for the log under the preview.
  function describe(m) {
    var about = m.type + " (" + m.slug + ")";
    if (m.type === "resize") return about + ": height " + m.height + " px";
    if (m.type === "quiz-complete") return about + ": " + m.score + " of " + m.total + " right first time";
    if (m.type === "lesson-complete" && m.helped) return about + ", with help";
    return about;
  }

  function update() {
    var picked = choice.value;
    var typed = originInput.value.trim();
    var parsed = typed ? parseOrigin(typed) : {};
    originError.textContent = parsed.error ? parsed.error : "";
    originInput.setAttribute("aria-invalid", parsed.error ? "true" : "false");
    hide.disabled = picked === "sandbox";
    courseNote.hidden = !(picked === "course" && !parsed.origin);
    listenerSection.hidden = picked === "course";
    listenerSection.querySelector("code").textContent = listener();
    document.querySelectorAll(".teacher-notes").forEach(function (notes) {
      notes.hidden = notes.getAttribute("data-lesson") !== picked;
    });
    if (picked === "course") {
      snippet.value = coursePage(parsed.origin);
      snippet.rows = 12;
    } else {
      var title = picked === "sandbox" ? "Hub & Mesh sandbox" : "Hub & Mesh lesson: " + choice.selectedOptions[0].textContent.replace(/^Lesson \d+: /, "");
      snippet.value = iframe(route(), title, parsed.origin);
      snippet.rows = 4;
    }
    var src = address(route(), own);
    if (preview.getAttribute("src") !== src) {
      preview.setAttribute("src", src);
      log.replaceChildren();
    }
  }

  window.addEventListener("message", function (event) {
    var m = event.data;
    if (event.source !== preview.contentWindow || event.origin !== own) return;
    if (!m || m.source !== SOURCE || m.version !== VERSION) return;
    if (m.type === "resize" && typeof m.height === "number") preview.height = String(Math.min(Math.max(Math.round(m.height), 100), 20000));
    var item = document.createElement("li");
    item.textContent = describe(m);
    log.append(item);
    while (log.children.length > 20) log.firstElementChild.remove();
  });

  byId("teach-copy").addEventListener("click", function () {
    snippet.select();
    var clipboard = navigator.clipboard;
    if (clipboard && clipboard.writeText) {
      clipboard.writeText(snippet.value).then(
        function () { status.textContent = "Copied."; },
        function () { status.textContent = "Selected: press Ctrl+C (or Cmd+C) to copy."; },
      );
    } else {
      status.textContent = "Selected: press Ctrl+C (or Cmd+C) to copy.";
    }
  });
  choice.addEventListener("change", update);
  originInput.addEventListener("input", update);
  hide.addEventListener("change", update);
  update();
})();
