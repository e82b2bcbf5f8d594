// Offline after one visit: the service worker (scripts/lib/sw.js) keeps
// this build's files, a new deploy takes over only when no tab runs the
// old one, and nothing is registered inside an embed, a frame or the SCORM
// package. Also prints what a first visit downloads.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { DIST, appHeading, guardedPage, launch, onGuardedPage, serveDir } from "./harness.mjs";
import { finishRun, predict } from "./learner.mjs";

/** Lessons whose experiment is a closed-form model, not a run. */
const MODELS = ["cost", "network-size"];
import { LESSONS, buildPackage, readZip } from "../../scripts/scorm-package.mjs";
import { precacheList, writeServiceWorker } from "../../scripts/lib/service-worker.mjs";

let browser;
const scratch = [];
/** These tests are about the service worker: allow it (the harness blocks it). */
const WORKER = { context: { serviceWorkers: "allow" } };
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

function tempCopy(from) {
  const dir = mkdtempSync(join(tmpdir(), "hub-and-mesh-"));
  scratch.push(dir);
  cpSync(from, dir, { recursive: true });
  return dir;
}

/** Waits until a service worker controls the page. */
async function controlled(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((ok) => navigator.serviceWorker.addEventListener("controllerchange", ok, { once: true }));
    }
  });
}

/** The service workers registered for the page's origin, as the page sees them. */
const registrations = (target) => target.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length);

/** What the page's caches hold: cache name to the paths it keeps. */
const cached = (page) =>
  page.evaluate(async () => {
    const out = {};
    for (const name of await caches.keys()) {
      const keys = await (await caches.open(name)).keys();
      out[name] = keys.map((r) => new URL(r.url).pathname.slice(1)).sort();
    }
    return out;
  });

test("after one visit to the home page, every lesson opens and runs offline", async () => {
  // In a course's sub-folder, on a host that sends index.html to its folder.
  const server = await serveDir(DIST, { prefix: "/course/unit-3/", redirects: { "index.html": "/course/unit-3/" } });
  try {
    await onGuardedPage(browser, async (page, context) => {
      const first = [];
      // Files, not the redirect from index.html to its folder.
      page.on("requestfinished", (req) => req.redirectedTo() === null && first.push(req));
      await page.goto(`${server.url}#/`);
      await appHeading(page);
      await page.waitForLoadState("load");
      await page.waitForTimeout(2000);
      const seen = first.splice(0);
      await controlled(page);
      report(seen, server.url);

      await context.setOffline(true);
      await page.reload();
      assert.equal(await appHeading(page), "Hub & Mesh", "the app opens with the network off");
      for (const [slug] of LESSONS) {
        await page.goto(`${server.url}#/lessons/${slug}`);
        await appHeading(page);
        if (MODELS.includes(slug)) {
          // A closed-form model shows its result as it opens: its first run.
          await predict(page);
          await page.locator("#task-heading").waitFor();
        } else {
          await finishRun(page);
        }
        assert.equal(await page.locator("#app .notice[role=alert]").count(), 0, `${slug}: its words came from the cache`);
      }
      await context.setOffline(false);
    }, WORKER);
  } finally {
    await server.close();
  }
});

/** Prints the first visit's bytes and, apart, what the worker then keeps. */
function report(requests, base) {
  const path = (url) => decodeURIComponent(url.split(/[?#]/)[0].slice(base.length)) || "index.html";
  let raw = 0;
  let gzipped = 0;
  for (const req of requests) {
    const file = join(DIST, path(req.url()));
    const body = readFileSync(file);
    raw += body.length;
    gzipped += gzipSync(body, { level: 9 }).length;
  }
  const { files } = precacheList(DIST);
  let precacheRaw = 0;
  let precacheGzipped = 0;
  for (const name of Object.keys(files)) {
    const body = readFileSync(join(DIST, name));
    precacheRaw += body.length;
    precacheGzipped += gzipSync(body, { level: 9 }).length;
  }
  console.log(`first visit to #/ (cold cache, until load and 2 s idle): ${requests.length} requests, ${raw} bytes, ${gzipped} gzipped`);
  console.log(`then kept by the service worker for offline use: ${Object.keys(files).length} files, ${precacheRaw} bytes, ${precacheGzipped} gzipped (a host answering 304 sends the ones already loaded again as headers only)`);
}

test("the worker keeps only this build's files, and a new deploy takes over once no tab runs the old one", async () => {
  const old = DIST;
  // The next deploy: the same app with other words for lesson 1 and another title.
  const next = tempCopy(DIST);
  const roleFile = readdirSync(join(next, "content")).find((f) => f.startsWith("role-"));
  const role = join(next, "content", roleFile);
  writeFileSync(role, readFileSync(role, "utf8").replace(/"claim":"/, '"claim":"NEXT DEPLOY. '));
  const page0 = join(next, "index.html");
  writeFileSync(page0, readFileSync(page0, "utf8").replace("<title>", "<title>Next deploy: "));
  const nextBuild = (await writeServiceWorker(next, { minify: false })).build;
  const oldList = precacheList(old);
  assert.notEqual(nextBuild, oldList.build);

  let serving = old;
  const server = await serveDir(() => serving);
  const context = await browser.newContext({ serviceWorkers: "allow" });
  try {
    const first = await context.newPage();
    await first.goto(`${server.url}#/`);
    await appHeading(first);
    await controlled(first);
    const caches1 = await cached(first);
    const names = Object.keys(caches1);
    assert.equal(names.length, 1, "one cache");
    assert.ok(names[0].endsWith(oldList.build), `the cache is named by the build: ${names[0]}`);
    assert.deepEqual(caches1[names[0]], Object.keys(oldList.files).sort(), "exactly this build's files");

    // A file that is not this build's goes past the worker to the server.
    const stray = await first.evaluate(async () => (await fetch("content/role-0000000000000000.json")).status);
    assert.equal(stray, 404);

    // Deploy. A second tab opened while the first is open still runs the
    // old build, and so does the first, lesson words included.
    serving = next;
    const second = await context.newPage();
    await second.goto(`${server.url}#/lessons/role`);
    await appHeading(second);
    assert.ok(!(await second.title()).startsWith("Next deploy"), "the old build, whole");
    await second.locator("#app .lesson").waitFor();
    assert.ok(!(await second.locator("#app").textContent()).includes("NEXT DEPLOY"), "never the next build's words");
    await second.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration.update();
      while (!registration.waiting) await new Promise((ok) => setTimeout(ok, 50));
    });

    // Once no tab runs the old build, the next one takes over, alone.
    await first.close();
    await second.close();
    let third;
    for (let attempt = 0; attempt < 20; attempt += 1) {
      third = await context.newPage();
      await third.goto(`${server.url}#/lessons/role`);
      await appHeading(third);
      if ((await third.title()).startsWith("Next deploy")) break;
      await third.close();
      await new Promise((ok) => setTimeout(ok, 250));
    }
    assert.ok((await third.title()).startsWith("Next deploy"), "the next deploy has taken over");
    await third.locator("#app .lesson").getByText("NEXT DEPLOY").first().waitFor();
    const caches3 = await cached(third);
    assert.deepEqual(Object.keys(caches3).map((n) => n.slice(-16)), [nextBuild], "the old build's cache is gone");
  } finally {
    await context.close();
    await server.close();
  }
});

test("nothing is registered inside an embed, a frame or the SCORM package, and a refusal stays silent", async () => {
  const server = await serveDir();
  // The SCORM package, unpacked as an LMS would: no worker in it.
  const zip = readZip(buildPackage(DIST));
  assert.ok(!zip.has("sw.js"), "the SCORM package has no service worker");
  const lms = mkdtempSync(join(tmpdir(), "hub-and-mesh-lms-"));
  scratch.push(lms);
  for (const [name, body] of zip) {
    mkdirSync(dirname(join(lms, "course", name)), { recursive: true });
    writeFileSync(join(lms, "course", name), body);
  }
  const host = await serveDir(lms);
  // A course page on another port frames the app.
  writeFileSync(join(lms, "frame.html"), "<!doctype html><title>Course</title><link rel=icon href=\"data:,\"><iframe id=f title=lesson></iframe>");
  const framing = await serveDir(lms);
  // A host whose worker script is missing: registration fails.
  const missing = tempCopy(DIST);
  rmSync(join(missing, "sw.js"));
  const broken = await serveDir(missing);
  try {
    for (const [where, url] of [
      ["an embed, opened at the top", `${server.url}#/embed/lessons/role`],
      ["the SCORM package's lesson", `${host.url}course/index.html#/embed/lessons/dht`],
      // A teacher previewing the package: nothing asked of a worker it lacks.
      ["the SCORM package's page, opened on its own", `${host.url}course/index.html#/`],
    ]) {
      await onGuardedPage(browser, async (page) => {
        await page.goto(url);
        await page.locator("#app h1, #app .lesson").first().waitFor();
        await page.waitForLoadState("load");
        await page.waitForTimeout(1000);
        assert.equal(await registrations(page), 0, where);
      }, WORKER);
    }
    for (const target of [`${server.url}#/lessons/role`, `${server.url}#/embed/lessons/role`]) {
      await onGuardedPage(browser, async (page) => {
        await page.goto(`${framing.url}frame.html`);
        await page.evaluate((src) => (document.getElementById("f").src = src), target);
        const frame = page.frameLocator("#f");
        await frame.locator("#app h1").first().waitFor({ timeout: 15000 });
        await page.waitForTimeout(1000);
        const inside = page.frames().find((f) => f.url().startsWith(server.url));
        assert.equal(await registrations(inside), 0, `framed: ${target}`);
      }, WORKER);
    }
    const { page, context, problems } = await guardedPage(browser, WORKER.context);
    try {
      await page.goto(`${broken.url}#/`);
      await appHeading(page);
      await page.waitForLoadState("load");
      await page.waitForTimeout(1000);
      assert.equal(await registrations(page), 0);
      // Chromium itself logs the failed fetch of the worker's script; the
      // page adds nothing: no exception, no rejection left unhandled.
      const own = "console error: A bad HTTP response code (404) was received when fetching the script.";
      const loud = problems.filter((p) => p !== own);
      assert.deepEqual(loud, [], "a refused registration says nothing");
      assert.equal(await page.locator("#app .notice[role=alert], #crash-banner:not([hidden])").count(), 0);
    } finally {
      await context.close();
    }
  } finally {
    await Promise.all([server.close(), host.close(), framing.close(), broken.close()]);
  }
});

test("the app is installable: a manifest whose icons are there, at their sizes", () =>
  onGuardedPage(browser, async (page) => {
    const server = await serveDir();
    try {
      await page.goto(`${server.url}#/`);
      await appHeading(page);
      const href = await page.locator("link[rel=manifest]").getAttribute("href");
      const manifest = await page.evaluate(async (h) => (await fetch(h)).json(), href);
      assert.equal(manifest.start_url, "./", "opens at the app's own folder, wherever it is");
      assert.equal(manifest.display, "standalone");
      assert.ok(manifest.name && manifest.short_name.length <= 12);
      const sizes = manifest.icons.map((i) => i.sizes);
      assert.ok(sizes.includes("192x192") && sizes.includes("512x512"), sizes.join(", "));
      for (const icon of manifest.icons) {
        const size = await page.evaluate(async (src) => {
          const blob = await (await fetch(src)).blob();
          const bitmap = await createImageBitmap(blob).catch(() => null);
          return bitmap ? `${bitmap.width}x${bitmap.height}` : blob.type;
        }, icon.src);
        if (icon.sizes === "any") assert.equal(size, "image/svg+xml", icon.src);
        else assert.equal(size, icon.sizes, icon.src);
      }
    } finally {
      await server.close();
    }
  }));
