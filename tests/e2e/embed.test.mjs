// A teacher's view: a course page on one 127.0.0.1 port embeds a lesson
// served from another, receives its messages as the learner completes it,
// and can reset it; a page of another origin gets nothing and is not
// obeyed; the app runs under a strict Content-Security-Policy; storage may
// be blocked; and the SCORM package reports completion to an LMS's API.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { DIST, appSuite, onGuardedPage, appHeading, axeViolations, serveDir } from "./harness.mjs";
import { finishRun, solveTask, answerQuiz, predict } from "./learner.mjs";
import { LESSONS, buildPackage, readZip } from "../../scripts/scorm-package.mjs";

const app = appSuite();
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const courses = mkdtempSync(join(tmpdir(), "hub-and-mesh-course-"));
let course;

before(async () => {
  writeFileSync(join(courses, "index.html"), `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Course</title></head><body><h1>Course</h1></body></html>`);
  course = await serveDir(courses);
});
after(async () => {
  await course.close();
});

const originOf = (url) => new URL(url).origin;

/**
 * Writes a course page that embeds `route` of the app with `?origin=` set
 * to `named` (by default the course page's own origin), and records every
 * message from the app's origin in `window.received`.
 */
function coursePage(name, route, { named, sandbox = "allow-scripts allow-same-origin" } = {}) {
  const appOrigin = originOf(app.server.url);
  const origin = named ?? originOf(course.url);
  writeFileSync(
    join(courses, `${name}.html`),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Unit 3</title></head><body>
<h1>Unit 3: networks</h1>
<iframe id="lesson" title="Hub and Mesh lesson" width="100%" height="400" sandbox="${sandbox}"
  src="${app.server.url}?origin=${encodeURIComponent(origin)}#${route}"></iframe>
<script src="${name}.js"></script></body></html>`,
  );
  writeFileSync(
    join(courses, `${name}.js`),
    `window.received = [];
window.addEventListener("message", function (event) {
  if (event.origin !== ${JSON.stringify(appOrigin)}) return;
  window.received.push(event.data);
  if (event.data && event.data.type === "resize") document.getElementById("lesson").height = event.data.height;
});
window.tell = function (message) {
  document.getElementById("lesson").contentWindow.postMessage(message, ${JSON.stringify(appOrigin)});
};`,
  );
  return `${course.url}${name}.html`;
}

async function lessonFrame(page) {
  await appHeading(page.frameLocator("#lesson"));
  return page.frames().find((f) => f.url().includes("#/embed/"));
}

const received = (page) => page.evaluate(() => window.received);

test("a course page receives ready, resize and completion from an embedded lesson, and can reset it", () =>
  onGuardedPage(app.browser, async (page) => {
    await page.goto(coursePage("unit", "/embed/lessons/role"));
    const frame = await lessonFrame(page);
    await page.waitForFunction(() => window.received.some((m) => m.type === "ready"));
    await page.waitForFunction(() => window.received.some((m) => m.type === "resize"));

    await solveTask(frame, "role");
    await answerQuiz(frame);
    await page.waitForFunction(() => window.received.some((m) => m.type === "lesson-complete"));
    const messages = await received(page);
    for (const m of messages) {
      assert.deepEqual([m.source, m.version, m.slug], ["hub-and-mesh", 1, "role"], JSON.stringify(m));
    }
    const types = messages.map((m) => m.type);
    assert.equal(types[0], "ready");
    for (const kind of ["task-complete", "quiz-complete", "lesson-complete"]) {
      assert.equal(types.filter((t) => t === kind).length >= 1, true, `${kind} in ${types}`);
    }
    assert.ok(types.indexOf("task-complete") < types.indexOf("lesson-complete"));
    const quiz = messages.filter((m) => m.type === "quiz-complete").at(-1);
    assert.equal(quiz.score, quiz.total, "the last quiz message has every answer right");
    const resize = messages.filter((m) => m.type === "resize").at(-1);
    assert.ok(resize.height > 600 && resize.height < 20000, `height ${resize.height}`);
    await page.waitForFunction(
      () => document.getElementById("lesson").height === String(window.received.filter((m) => m.type === "resize").at(-1).height),
    );

    // Commands: malformed ones are ignored, a reset from the named origin is obeyed.
    const state = frame.locator(".lesson-state");
    assert.match(await state.textContent(), /Complete/);
    for (const bad of ["reset", { type: "format-disk" }, { type: "reset", source: "hub-and-mesh" }, [1, 2]]) {
      await page.evaluate((m) => window.tell(m), bad);
    }
    await page.evaluate(() => window.tell({ type: "ping" }));
    await page.waitForFunction(() => window.received.filter((m) => m.type === "ready").length === 2);
    assert.match(await state.textContent(), /Complete/, "no malformed command was obeyed");
    await page.evaluate(() => window.tell({ type: "reset" }));
    await frame.locator(".lesson-state", { hasText: "Not started" }).waitFor();
  }));

test("a page of another origin gets no message and is not obeyed", () =>
  onGuardedPage(app.browser, async (page) => {
    // The frame is told to report to a different origin than its parent's.
    await page.goto(coursePage("elsewhere", "/embed/lessons/focus", { named: "http://127.0.0.1:9" }));
    const frame = await lessonFrame(page);
    // Progress made in the frame (a prediction), which a reset would undo.
    await predict(frame);
    await frame.locator(".lesson-state", { hasText: "In progress" }).waitFor();
    await page.evaluate(() => window.tell({ type: "reset" }));
    await page.waitForTimeout(1000);
    assert.match(await frame.locator(".lesson-state").textContent(), /In progress/, "the reset was ignored");
    assert.deepEqual(await received(page), [], "nothing was sent to this page");
  }));

test("a bad origin in the address is explained, and nothing is sent", () =>
  onGuardedPage(app.browser, async (page) => {
    await page.goto(coursePage("typo", "/embed/sandbox", { named: "moodle.example.org" }));
    const frame = await lessonFrame(page);
    await frame.locator(".notice", { hasText: "will not report progress" }).waitFor();
    await page.waitForTimeout(500);
    assert.deepEqual(await received(page), []);
  }));

test("with storage blocked, an embedded lesson says so, still works and still reports", () =>
  onGuardedPage(app.browser, async (page, context) => {
    await context.addInitScript(() => {
      Object.defineProperty(window, "localStorage", {
        get() {
          throw new DOMException("storage is blocked here", "SecurityError");
        },
      });
    });
    await page.goto(coursePage("blocked", "/embed/lessons/cost"));
    const frame = await lessonFrame(page);
    await frame.locator(".notice", { hasText: "storage is blocked" }).waitFor();
    await solveTask(frame, "cost");
    await answerQuiz(frame);
    await frame.locator(".complete-banner").waitFor();
    await page.waitForFunction(() => window.received.some((m) => m.type === "lesson-complete" && m.slug === "cost"));
  }));

test("every page runs under a strict Content-Security-Policy with no violation", async () => {
  const strict = await serveDir(DIST, { headers: { "content-security-policy": CSP } });
  try {
    await onGuardedPage(app.browser, async (page, context) => {
      await context.addInitScript(() => {
        window.__violations = [];
        document.addEventListener("securitypolicyviolation", (e) => {
          window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`);
          // Also tell the top page, so a frame's violations are counted.
          console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
        });
      });
      for (const route of ["#/", "#/lessons/scalability", "#/sandbox", "#/embed/lessons/role", "#/teach"]) {
        await page.goto(`${strict.url}${route}`);
        await appHeading(page);
        if (route.includes("scalability") || route.includes("sandbox")) {
          await finishRun(page);
          await page.locator(".chart svg").first().waitFor();
        }
        if (route === "#/teach") {
          // The live preview embeds a lesson and lists what it says.
          await page.locator(".message-log li", { hasText: "ready (role)" }).waitFor({ timeout: 15000 });
          // The frame reports its height as it changes: first while the
          // lesson's words load, then with the lesson in place.
          await page.locator(".message-log li", { hasText: "resize (role)" }).first().waitFor();
          await page.waitForFunction(() => Number(document.querySelector("#teach-preview")?.getAttribute("height")) > 600);
          assert.deepEqual(await axeViolations(page), []);
        }
        assert.deepEqual(await page.evaluate(() => window.__violations), [], route);
      }
    });
  } finally {
    await strict.close();
  }
});

test("the teach page gives a snippet per lesson that names the course's origin", () =>
  onGuardedPage(app.browser, async (page) => {
    await page.goto(`${app.server.url}#/teach`);
    await appHeading(page);
    assert.equal(await page.locator("textarea.snippet").count(), 12, "eleven lessons and the sandbox");
    await page.locator("#teach-origin").fill("moodle.example.org");
    await page.locator(".control-error", { hasText: "not an origin" }).waitFor();
    await page.locator("#teach-origin").fill("https://moodle.example.org");
    const snippet = await page.locator("#snippet-data").inputValue();
    assert.ok(snippet.includes("?origin=https%3A%2F%2Fmoodle.example.org#/embed/lessons/data"), snippet);
    assert.ok(snippet.startsWith(`<iframe src="${app.server.url}?origin=`), snippet);
    await page.locator("button[data-copy=snippet-data]").click();
    await page.locator(".copy-status", { hasText: /Copied|Selected/ }).waitFor();
    assert.match(await page.locator("pre.snippet").textContent(), new RegExp(`event.origin !== "${originOf(app.server.url)}"`));
    assert.deepEqual(await axeViolations(page), []);
  }));

test("the SCORM package's manifest is valid and an LMS's API records completion", async () => {
  const files = readZip(buildPackage(DIST));
  const manifest = files.get("imsmanifest.xml").toString("utf8");
  await onGuardedPage(app.browser, async (page) => {
    // The manifest against the required elements of SCORM 1.2's content
    // packaging schema (imscp_rootv1p1p2 with adlcp_rootv1p2), checked by
    // the browser's XML parser.
    await page.goto(`${course.url}`).catch(() => {});
    const report = await page.evaluate((text) => {
      const CP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2";
      const ADL = "http://www.adlnet.org/xsd/adlcp_rootv1p2";
      const doc = new DOMParser().parseFromString(text, "application/xml");
      const errors = [];
      if (doc.getElementsByTagName("parsererror").length) return { errors: ["not well-formed XML"] };
      const kids = (el, name) => Array.from(el.children).filter((c) => c.namespaceURI === CP && c.localName === name);
      const root = doc.documentElement;
      if (root.namespaceURI !== CP || root.localName !== "manifest") errors.push("root is not an IMS CP manifest");
      if (!root.getAttribute("identifier")) errors.push("manifest has no identifier");
      const ids = Array.from(doc.querySelectorAll("[identifier]")).map((e) => e.getAttribute("identifier"));
      if (new Set(ids).size !== ids.length) errors.push("identifiers are not unique");
      const [metadata] = kids(root, "metadata");
      if (!metadata) errors.push("no metadata");
      else {
        if (kids(metadata, "schema")[0]?.textContent !== "ADL SCORM") errors.push("schema is not ADL SCORM");
        if (kids(metadata, "schemaversion")[0]?.textContent !== "1.2") errors.push("schemaversion is not 1.2");
      }
      const [organizations] = kids(root, "organizations");
      const [resourcesEl] = kids(root, "resources");
      if (!organizations || !resourcesEl) return { errors: [...errors, "no organizations or resources"] };
      const resources = new Map(kids(resourcesEl, "resource").map((r) => [r.getAttribute("identifier"), r]));
      const orgs = kids(organizations, "organization");
      if (!orgs.some((o) => o.getAttribute("identifier") === organizations.getAttribute("default"))) errors.push("default organization missing");
      const launches = [];
      for (const org of orgs) {
        if (!kids(org, "title").length) errors.push("organization without title");
        const items = kids(org, "item");
        if (!items.length) errors.push("organization without items");
        for (const item of items) {
          if (!item.getAttribute("identifier") || !kids(item, "title").length) errors.push("item without identifier or title");
          const res = resources.get(item.getAttribute("identifierref"));
          if (!res) errors.push(`item ${item.getAttribute("identifier")} refers to no resource`);
          else launches.push(res.getAttribute("href"));
        }
      }
      const files = [];
      for (const [id, res] of resources) {
        if (!id || res.getAttribute("type") !== "webcontent") errors.push(`resource ${id}: type must be webcontent`);
        const kind = res.getAttributeNS(ADL, "scormtype");
        if (kind !== "sco" && kind !== "asset") errors.push(`resource ${id}: adlcp:scormtype ${kind}`);
        if (kind === "sco" && !res.getAttribute("href")) errors.push(`resource ${id}: a SCO needs an href`);
        for (const f of kids(res, "file")) files.push(f.getAttribute("href"));
        for (const d of kids(res, "dependency")) if (!resources.has(d.getAttribute("identifierref"))) errors.push(`resource ${id}: dangling dependency`);
      }
      return { errors, launches, files };
    }, manifest);
    assert.deepEqual(report.errors, []);
    assert.equal(report.launches.length, 11);
    for (const f of report.files) assert.ok(files.has(f), `${f} is in the zip`);
    for (const name of files.keys()) assert.ok(name === "imsmanifest.xml" || report.files.includes(name), `${name} is listed`);

    // Unpacked on an "LMS" whose player page offers a fake SCORM 1.2 API.
    for (const [name, data] of files) {
      const path = join(courses, "package", name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, data);
    }
    const launch = report.launches[0];
    writeFileSync(
      join(courses, "lms.html"),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>LMS</title><script src="lms.js"></script></head>
<body><iframe id="lesson" title="SCORM lesson" width="100%" height="700" src="package/${launch}"></iframe></body></html>`,
    );
    writeFileSync(
      join(courses, "lms.js"),
      `window.calls = []; window.values = { "cmi.core.lesson_status": "not attempted" };
window.API = {
  LMSInitialize: function (a) { calls.push("LMSInitialize"); return "true"; },
  LMSFinish: function (a) { calls.push("LMSFinish"); return "true"; },
  LMSGetValue: function (k) { calls.push("LMSGetValue " + k); return values[k] || ""; },
  LMSSetValue: function (k, v) { calls.push("LMSSetValue " + k + " " + v); values[k] = String(v); return "true"; },
  LMSCommit: function (a) { calls.push("LMSCommit"); return "true"; },
  LMSGetLastError: function () { return "0"; },
  LMSGetErrorString: function () { return ""; },
  LMSGetDiagnostic: function () { return ""; }
};`,
    );
    await page.goto(`${course.url}lms.html`);
    const frame = await lessonFrame(page);
    await page.waitForFunction(() => window.values["cmi.core.lesson_status"] === "incomplete");
    await solveTask(frame, "role");
    await answerQuiz(frame);
    await page.waitForFunction(() => window.values["cmi.core.lesson_status"] === "completed");
    const { calls, values } = await page.evaluate(() => ({ calls: window.calls, values: window.values }));
    assert.equal(calls[0], "LMSInitialize");
    assert.equal(values["cmi.core.score.raw"], "100");
    assert.ok(calls.lastIndexOf("LMSCommit") > calls.indexOf("LMSSetValue cmi.core.lesson_status completed"), "committed after");
    await page.goto(`${course.url}`).catch(() => {});
  });
});

test("every embedded page fits a frame 320 pixels wide", () =>
  onGuardedPage(app.browser, async (page) => {
    const routes = LESSONS.map(([slug]) => `/embed/lessons/${slug}`)
      .concat(["/embed/sandbox"]);
    for (const route of routes) {
      const url = coursePage("narrow", route);
      await page.goto(url);
      await page.evaluate(() => document.getElementById("lesson").setAttribute("width", "320"));
      const frame = await lessonFrame(page);
      await page.waitForFunction(() => window.received.some((m) => m.type === "resize"));
      const overflow = await frame.evaluate(() => {
        const root = document.documentElement;
        const wide = Array.from(document.querySelectorAll("main *"))
          .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 1 && !el.closest(".table-scroll, pre"))
          .map((el) => `${el.tagName.toLowerCase()}.${el.className?.baseVal ?? el.className}`);
        return { width: root.clientWidth, scroll: root.scrollWidth, wide: wide.slice(0, 5) };
      });
      assert.ok(overflow.width <= 320, `${route}: the frame is narrow (${overflow.width})`);
      assert.ok(overflow.scroll <= overflow.width, `${route}: scrolls sideways (${overflow.scroll} > ${overflow.width}): ${overflow.wide}`);
    }
  }));
