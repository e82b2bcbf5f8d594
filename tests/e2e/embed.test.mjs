// A teacher's view: a course page on one 127.0.0.1 port embeds a lesson
// served from another, receives its messages as the learner completes it,
// and can reset it; a page of another origin gets nothing and is not
// obeyed; the app runs under a strict Content-Security-Policy; storage may
// be blocked; and the SCORM package reports completion to an LMS's API.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { DIST, OUTPUT, ROOT, appSuite, onGuardedPage, appHeading, axeViolations, serveDir } from "./harness.mjs";
import { finishRun, solveTask, answerQuiz, predict } from "./learner.mjs";
import { LESSONS, SCORM_ZIP, readZip } from "../../scripts/scorm-package.mjs";

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
    const { firstRight, total } = await answerQuiz(frame);
    await page.waitForFunction(() => window.received.some((m) => m.type === "lesson-complete"));
    const messages = await received(page);
    for (const m of messages) {
      assert.deepEqual([m.source, m.version, m.slug], ["hub-and-mesh", 2, "role"], JSON.stringify(m));
    }
    const types = messages.map((m) => m.type);
    assert.equal(types[0], "ready");
    for (const kind of ["task-complete", "quiz-complete", "lesson-complete"]) {
      assert.equal(types.filter((t) => t === kind).length >= 1, true, `${kind} in ${types}`);
    }
    assert.ok(types.indexOf("task-complete") < types.indexOf("lesson-complete"));
    const quiz = messages.filter((m) => m.type === "quiz-complete");
    assert.equal(quiz.length, 1, "the quiz is reported once");
    assert.deepEqual([quiz[0].score, quiz[0].total], [firstRight, total], "with the first attempt's score");
    assert.equal(messages.find((m) => m.type === "lesson-complete").helped, false);
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
      for (const route of ["#/", "#/lessons/scalability", "#/sandbox", "#/embed/lessons/role", "teach.html"]) {
        await page.goto(`${strict.url}${route}`);
        if (route === "teach.html") {
          // The live preview embeds a lesson and lists what it says.
          await page.locator(".message-log li", { hasText: "ready (role)" }).waitFor({ timeout: 15000 });
          // The frame reports its height as it changes: first while the
          // lesson's words load, then with the lesson in place.
          await page.locator(".message-log li", { hasText: "resize (role)" }).first().waitFor();
          await page.waitForFunction(() => Number(document.querySelector("#teach-preview")?.getAttribute("height")) > 600);
          assert.deepEqual(await axeViolations(page), []);
        } else {
          await appHeading(page);
        }
        if (route.includes("scalability") || route.includes("sandbox")) {
          await finishRun(page);
          await page.locator(".chart svg").first().waitFor();
        }
        assert.deepEqual(await page.evaluate(() => window.__violations), [], route);
      }
    });
  } finally {
    await strict.close();
  }
});

/** The teach page's preview has loaded what it shows, and said so. */
const previewReady = (page) => page.locator(".message-log li", { hasText: "ready (" }).waitFor({ timeout: 15000 });

test("the teach page's one picker drives the snippet, the notes, the preview and the listener", () =>
  onGuardedPage(app.browser, async (page) => {
    await page.goto(`${app.server.url}teach.html`);
    await previewReady(page);
    const snippet = page.locator("#teach-snippet");
    assert.equal(await page.locator("textarea").count(), 1, "one snippet, for what the picker names");
    assert.match(await snippet.inputValue(), /#\/embed\/lessons\/role"/);
    const shownNotes = () => page.locator(".teacher-notes:visible").evaluateAll((s) => s.map((n) => n.dataset.lesson));
    assert.deepEqual(await shownNotes(), ["role"]);

    await page.locator("#teach-choice").selectOption("data");
    assert.deepEqual(await shownNotes(), ["data"]);
    const notes = page.locator('.teacher-notes[data-lesson="data"]');
    for (const heading of ["Learning objectives", "Time", "The task, and its answer", "Common wrong predictions"]) {
      assert.equal(await notes.locator("h3", { hasText: heading }).count(), 1, heading);
    }
    assert.match(await notes.textContent(), /“Show me” sets .+:/);
    await page.waitForFunction(() => document.getElementById("teach-preview").src.endsWith("#/embed/lessons/data"));
    await previewReady(page);

    await page.locator("#teach-origin").fill("moodle.example.org");
    await page.locator(".control-error", { hasText: "not an origin" }).waitFor();
    assert.equal(await page.locator("#teach-origin").getAttribute("aria-invalid"), "true");
    await page.locator("#teach-origin").fill("https://moodle.example.org/");
    assert.equal(await page.locator(".control-error").textContent(), "");
    const base = `${app.server.url}index.html`;
    assert.ok((await snippet.inputValue()).startsWith(`<iframe src="${base}?origin=https%3A%2F%2Fmoodle.example.org#/embed/lessons/data" title="Hub &amp; Mesh lesson: Data"`), await snippet.inputValue());

    await page.locator("#teach-hide-show-me").check();
    assert.ok((await snippet.inputValue()).includes("?origin=https%3A%2F%2Fmoodle.example.org&amp;showme=off#/embed/lessons/data"), await snippet.inputValue());
    await page.waitForFunction(() => document.getElementById("teach-preview").src.includes("showme=off"));
    await previewReady(page);

    await page.locator("#teach-copy").click();
    await page.locator(".copy-status", { hasText: /Copied|Selected/ }).waitFor();
    const listener = await page.locator("#teach-listener pre").textContent();
    assert.match(listener, new RegExp(`event.origin !== "${originOf(app.server.url)}"`));
    assert.match(listener, /m\.version !== 2/);

    await page.locator("#teach-choice").selectOption("sandbox");
    await previewReady(page);
    assert.ok(await page.locator("#teach-hide-show-me").isDisabled(), "the sandbox has no Show me");
    assert.match(await snippet.inputValue(), /\?origin=https%3A%2F%2Fmoodle\.example\.org#\/embed\/sandbox" title="Hub &amp; Mesh sandbox"/);
    assert.deepEqual(await shownNotes(), []);

    await page.locator("#teach-choice").selectOption("course");
    await previewReady(page);
    const course = await snippet.inputValue();
    assert.equal(course.match(/<iframe /g).length, 11);
    assert.equal(course.match(/<li data-slug=/g).length, 11);
    assert.ok(await page.locator("#teach-listener").isHidden(), "the course's snippet carries its own listener");

    const zip = await page.request.get(new URL(await page.locator("a.download").getAttribute("href"), page.url()).href);
    assert.equal(zip.status(), 200);
    assert.equal((await zip.body()).subarray(0, 2).toString(), "PK", "the SCORM package downloads from the page");
    assert.deepEqual(await axeViolations(page), []);
  }));

test("the whole-course snippet marks a lesson complete, with its first-attempt score", () =>
  onGuardedPage(app.browser, async (page) => {
    await page.goto(`${app.server.url}teach.html`);
    await page.locator("#teach-choice").selectOption("course");
    await page.locator("#teach-origin").fill(originOf(course.url));
    const snippet = await page.locator("#teach-snippet").inputValue();
    writeFileSync(
      join(courses, "whole-course.html"),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Course</title></head><body>${snippet}</body></html>`,
    );
    await page.goto(`${course.url}whole-course.html`);
    const status = page.locator('#hub-and-mesh-progress li[data-slug="role"] .status');
    assert.equal(await status.textContent(), "not finished");
    await appHeading(page.frameLocator("iframe").first());
    const frame = page.frames().find((f) => f.url().includes("#/embed/lessons/role"));
    await solveTask(frame, "role");
    const { firstRight, total } = await answerQuiz(frame);
    await page.locator('#hub-and-mesh-progress li[data-slug="role"] .status', { hasText: /^complete$/ }).waitFor();
    assert.equal(
      await page.locator('#hub-and-mesh-progress li[data-slug="role"] .score').textContent(),
      `(quiz: ${firstRight} of ${total} right first time)`,
    );
    assert.equal(await page.locator('#hub-and-mesh-progress li[data-slug="focus"] .status').textContent(), "not finished");
  }));

test("with showme=off in its address, an embedded lesson offers no Show me", () =>
  onGuardedPage(app.browser, async (page) => {
    for (const [query, shown] of [["?showme=off", 0], ["", 1]]) {
      await page.goto(`${app.server.url}${query}#/embed/lessons/role`);
      await appHeading(page);
      await predict(page);
      await finishRun(page);
      await page.locator("#task-heading").waitFor();
      assert.equal(await page.locator("button.show-me").count(), shown, query || "no query");
      assert.equal(await page.locator("button.hint").count(), 1, "the hints stay");
    }
  }));

const ROLE_LAUNCH = "index.html#/embed/lessons/role";
let unpacked = false;

/** The release build's package, unpacked where the "LMS" serves it. */
function unpack() {
  if (unpacked) return;
  for (const [name, data] of readZip(readFileSync(join(DIST, SCORM_ZIP)))) {
    const path = join(courses, "package", name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, data);
  }
  unpacked = true;
}

test("the release build's SCORM package has a valid manifest and none of the site's extras", async () => {
  const files = readZip(readFileSync(join(DIST, SCORM_ZIP)));
  for (const extra of ["sw.js", "teach.html", "teach.js", "teach.css", SCORM_ZIP]) assert.ok(!files.has(extra), `${extra} is not in the package`);
  const manifest = files.get("imsmanifest.xml").toString("utf8");
  let report;
  await onGuardedPage(app.browser, async (page) => {
    // The manifest against the required elements of SCORM 1.2's content
    // packaging schema (imscp_rootv1p1p2 with adlcp_rootv1p2), checked by
    // the browser's XML parser.
    await page.goto(`${course.url}`).catch(() => {});
    report = await page.evaluate((text) => {
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

    assert.ok(report.launches.includes(ROLE_LAUNCH), report.launches.join(", "));
    await page.goto(`${course.url}`).catch(() => {});
  });
});


/**
 * An LMS's player page: scorm-again's SCORM 1.2 run-time as `window.API`,
 * loaded with what the LMS kept from an earlier launch (`kept`), and every
 * call the lesson makes recorded with its result and error code.
 */
async function openLms(page, launch, kept) {
  unpack();
  writeFileSync(join(courses, "scorm12.js"), readFileSync(join(ROOT, "node_modules/scorm-again/dist/scorm12.js")));
  writeFileSync(
    join(courses, "lms.html"),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>LMS</title><script src="scorm12.js"></script><script src="lms.js"></script></head>
<body><iframe id="lesson" title="SCORM lesson" width="100%" height="700" src="package/${launch}"></iframe></body></html>`,
  );
  writeFileSync(
    join(courses, "lms.js"),
    `window.calls = [];
var api = new Scorm12API({ logLevel: 5 });
if (window.KEPT) api.loadFromJSON(window.KEPT);
["LMSInitialize", "LMSFinish", "LMSGetValue", "LMSSetValue", "LMSCommit"].forEach(function (name) {
  var real = api[name].bind(api);
  api[name] = function () {
    var result = real.apply(null, arguments);
    calls.push({ name: name, args: Array.prototype.slice.call(arguments), result: String(result), error: String(api.LMSGetLastError()) });
    return result;
  };
});
window.API = api;
window.kept = function () { return JSON.parse(JSON.stringify(api.renderCommitCMI(true))); };`,
  );
  if (kept) await page.addInitScript((k) => (window.KEPT = k), kept);
  await page.goto(`${course.url}lms.html`);
  return lessonFrame(page);
}

/** The LMS closes the lesson's frame, as when the learner leaves it. */
async function leave(page) {
  await page.evaluate(() => document.getElementById("lesson").remove());
  await page.waitForFunction(() => window.calls.some((c) => c.name === "LMSFinish"));
  return page.evaluate(() => ({ calls: window.calls, kept: window.kept() }));
}

const value = (calls, key) => calls.filter((c) => c.name === "LMSSetValue" && c.args[0] === key).at(-1)?.args[1];

test("an LMS running scorm-again keeps a lesson across leaving and coming back on another computer", async () => {
  const role = ROLE_LAUNCH;
  const log = [];
  // Launch: this browser has finished the lesson outside the LMS; that is
  // not the LMS's to record, and is left as it was.
  let first;
  await onGuardedPage(app.browser, async (page) => {
    await page.goto(`${course.url}`);
    const local = JSON.stringify({ version: 2, lessons: { role: { started: true, revealed: true, task_done: true, completed: true } } });
    await page.evaluate((v) => localStorage.setItem("hub-and-mesh.progress", v), local);
    const frame = await openLms(page, role);
    assert.doesNotMatch(await frame.locator(".lesson-state").textContent(), /Complete|Task done/);
    await solveTask(frame, "role");
    first = await leave(page);
    assert.equal(await page.evaluate(() => localStorage.getItem("hub-and-mesh.progress")), local, "this browser's progress is untouched");
  });
  log.push("launch, reach the task, leave:", ...first.calls.map(describeCall));
  assert.deepEqual(first.calls.filter((c) => c.error !== "0").map(describeCall), [], "no call fails");
  assert.equal(first.calls[0].name, "LMSInitialize");
  assert.equal(value(first.calls, "cmi.core.lesson_status"), "incomplete");
  assert.equal(value(first.calls, "cmi.core.exit"), "suspend");
  assert.match(value(first.calls, "cmi.core.session_time"), /^\d{4}:\d{2}:\d{2}\.\d{2}$/);
  const suspend = first.kept.cmi.suspend_data;
  assert.ok(suspend.length > 0 && suspend.length <= 4096, `suspend_data of ${suspend.length} characters`);
  assert.equal(JSON.parse(suspend).lessons.role.task_done, true);
  assert.equal(first.kept.cmi.core.lesson_status, "incomplete");

  // Resume, in a fresh browser context, from what the run-time kept (an
  // LMS answers "resume" after a suspended exit).
  const kept = {
    core: { entry: first.kept.cmi.core.exit === "suspend" ? "resume" : "", lesson_status: first.kept.cmi.core.lesson_status },
    suspend_data: suspend,
  };
  let second;
  let firstRight;
  await onGuardedPage(app.browser, async (page) => {
    const frame = await openLms(page, role, kept);
    await frame.locator(".task-status.done").first().waitFor();
    assert.match(await frame.locator(".lesson-state").textContent(), /Task done/);
    ({ firstRight } = await answerQuiz(frame));
    await page.waitForFunction(() => window.API.cmi.core.lesson_status === "completed");
    second = await leave(page);
  });
  log.push("", "resume in a fresh browser, answer the quiz, leave:", ...second.calls.map(describeCall));
  mkdirSync(OUTPUT, { recursive: true });
  writeFileSync(join(OUTPUT, "scorm-cycle.txt"), log.join("\n") + "\n");
  assert.deepEqual(second.calls.filter((c) => c.error !== "0").map(describeCall), [], "no call fails");
  const questions = JSON.parse(value(second.calls, "cmi.suspend_data")).lessons.role.first_answers;
  const total = Object.keys(questions).length;
  assert.equal(second.kept.cmi.core.score.raw, String(Math.round((firstRight * 100) / total)), "the score is the first attempt's, to the nearest percent");
  assert.equal(second.kept.cmi.core.lesson_status, "completed");
  assert.equal(value(second.calls, "cmi.core.exit"), "", "a complete lesson exits normally");
  assert.match(value(second.calls, "cmi.core.session_time"), /^\d{4}:\d{2}:\d{2}\.\d{2}$/);
  for (const { calls } of [first, second]) {
    assert.equal(calls.filter((c) => c.name === "LMSFinish").length, 1, "one LMSFinish a launch");
    assert.equal(calls.at(-1).name, "LMSFinish", "nothing is called after it");
  }
});

test("an LMS's damaged or newer state is explained, and newer state is left as it is", async () => {
  for (const [suspend, says, writes] of [
    ["viewed=1,2,3|slide=4", /cannot be read/, true],
    ['{"version":99,"lessons":{}}', /newer format \(version 99\)/, false],
  ]) {
    await onGuardedPage(app.browser, async (page) => {
      const frame = await openLms(page, ROLE_LAUNCH, { core: { entry: "resume", lesson_status: "incomplete" }, suspend_data: suspend });
      await frame.locator(".notice", { hasText: says }).waitFor();
      assert.doesNotMatch(await frame.locator(".lesson-state").textContent(), /Task done|Complete/);
      await predict(frame);
      const { calls, kept } = await leave(page);
      assert.deepEqual(calls.filter((c) => c.error !== "0").map(describeCall), [], "no call fails");
      assert.equal(calls.some((c) => c.name === "LMSSetValue"), writes, suspend);
      if (!writes) assert.equal(kept.cmi.suspend_data, suspend, "the newer state is kept as it was");
    });
  }
});

function describeCall(c) {
  const shown = c.args.map((a) => (a.length > 60 ? `${a.slice(0, 57)}... (${a.length} characters)` : JSON.stringify(a)));
  return `${c.name}(${shown.join(", ")}) -> ${JSON.stringify(c.result)}, error ${c.error}`;
}

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
