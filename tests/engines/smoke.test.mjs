// A short smoke test of the release build in Firefox ESR and in WebKit (the
// engine behind Safari), through W3C WebDriver: every route draws its
// heading with no crash, a lesson's experiment runs, the sandbox draws and
// runs, progress survives a reload, and an embedded lesson tells a course
// page on another port that it is ready. The full suites run in Chromium
// (tests/e2e/).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serveDir } from "../e2e/harness.mjs";
import { LESSONS } from "../../scripts/scorm-package.mjs";
import { startSession } from "./webdriver.mjs";

let app;
let course;
before(async () => {
  app = await serveDir();
  const dir = mkdtempSync(join(tmpdir(), "hub-and-mesh-engines-"));
  writeFileSync(
    join(dir, "index.html"),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Course</title></head><body>
<iframe id="lesson" title="lesson" width="600" height="400"></iframe><script src="listen.js"></script></body></html>`,
  );
  writeFileSync(join(dir, "listen.js"), `window.received = []; window.addEventListener("message", function (e) { window.received.push(e.data); });`);
  course = await serveDir(dir);
});
after(async () => {
  await app?.close();
  await course?.close();
});

const ROUTES = [["#/", "Hub & Mesh"], ...LESSONS.map(([slug, title]) => [`#/lessons/${slug}`, title]), ["#/sandbox", "Sandbox"]];

/**
 * The app's own heading once it has taken over and shows `title` (any
 * heading when `title` is null), or "crashed": a page changed by its hash
 * shows the old heading for a moment.
 */
const heading = (title) => `const h = document.querySelector("#app h1");
  const crashed = !document.getElementById("crash-banner").hidden;
  const text = h && !document.getElementById("prepaint") ? h.textContent.trim() : null;
  return crashed ? "crashed" : text && (${JSON.stringify(title)} === null || text === ${JSON.stringify(title)}) ? text : null;`;

/** Clicks the first element matching `selector` once there is one. */
const clickFirst = (selector) => `const e = document.querySelector(${JSON.stringify(selector)}); if (e) e.click(); return !!e;`;

for (const engine of ["firefox", "webkit"]) {
  test(`${engine}: routes, a lesson, the sandbox, saved progress and an embed`, async (t) => {
    const session = await startSession(engine);
    try {
      await t.test(`every route draws its heading (${session.browser})`, async () => {
        for (const [route, title] of ROUTES) {
          await session.go(`${app.url}${route}`);
          const shown = await session.until(heading(title), `the heading of ${route}`);
          assert.notEqual(shown, "crashed", route);
          if (title) assert.equal(shown, title, route);
        }
      });

      await t.test("a lesson's experiment runs to its end, and the progress survives a reload", async () => {
        // A fresh load: a sandbox left running keeps a slow engine busy.
        await session.go(`${app.url}?fresh#/lessons/role`);
        await session.until(clickFirst("#app .prediction input[type=radio]"), "the prediction");
        await session.until(clickFirst("#app .experiment button.skip:not([disabled])"), "the experiment");
        await session.until(`return document.querySelector("#app .experiment[data-state=finished]")`, "the run's end", 60000);
        await session.until(`return document.querySelector("#task-heading")`, "the task, opened by the run");
        await session.run(`location.reload()`);
        const checked = await session.until(
          `return document.querySelector("#app .prediction input[type=radio]:checked") && document.querySelector("#task-heading") ? "kept" : null`,
          "the prediction and the opened lesson after a reload",
        );
        assert.equal(checked, "kept");
      });

      await t.test("an old #/teach link opens the teach page, whose script writes the snippet", async () => {
        // A fresh load, as from a course site's old link.
        await session.go(`${app.url}?from=an-old-link#/teach`);
        const snippet = await session.until(
          `const s = document.getElementById("teach-snippet"); return location.pathname.endsWith("/teach.html") && s && s.value.includes("<iframe") ? s.value : null;`,
          "the teach page's snippet",
        );
        assert.match(snippet, /#\/embed\/lessons\/role"/);
      });

      await t.test("the sandbox draws its network and runs", async () => {
        await session.go(`${app.url}#/sandbox`);
        await session.until(`return document.querySelectorAll("#app .experiment svg circle, #app .experiment svg rect").length > 2`, "a drawn network");
        await session.until(clickFirst("#app .experiment button.skip:not([disabled])"), "the sandbox's transport");
        await session.until(`return document.querySelector("#app .experiment[data-state=finished]")`, "the sandbox run's end", 60000);
      });

      await t.test("an embedded lesson tells a course page on another port that it is ready", async () => {
        await session.go(course.url);
        const origin = new URL(course.url).origin;
        await session.run(`document.getElementById("lesson").src = arguments[0]`, `${app.url}?origin=${encodeURIComponent(origin)}#/embed/lessons/focus`);
        const ready = await session.until(
          `return (window.received || []).find(function (m) { return m && m.source === "hub-and-mesh" && m.type === "ready"; })`,
          "the ready message",
        );
        assert.equal(ready.slug, "focus");
      });
    } finally {
      await session.close();
    }
  });
}
