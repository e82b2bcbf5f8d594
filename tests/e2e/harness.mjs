// Shared pieces of the end-to-end tests: a static server for dist/ on
// 127.0.0.1, Debian's Chromium driven by playwright-core, and page guards
// that fail a test on console errors, uncaught exceptions, failed requests
// and requests to any host but 127.0.0.1.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { before, after } from "node:test";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";

export const ROOT = resolve(fileURLToPath(import.meta.url), "../../..");
export const DIST = join(ROOT, "dist");
export const OUTPUT = join(ROOT, "tests/e2e/output");
export const AXE = join(ROOT, "node_modules/axe-core/axe.min.js");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".ico": "image/x-icon",
  ".png": "image/png",
  ".webmanifest": "application/manifest+json",
};

/**
 * Serves `dir` on 127.0.0.1 at a free port, under `prefix` (a sub-path such
 * as "/course/unit-3/", to prove dist/ works below a site's root).
 * `headers` are added to every response (for example a CSP). `dir` may be
 * a function giving the folder for each request (a deploy mid-test).
 * `redirects` maps a path below the prefix to where it redirects (as some
 * hosts send `index.html` to its folder).
 */
export async function serveDir(folder = DIST, { prefix = "/", headers = {}, redirects = {} } = {}) {
  const server = createServer(async (req, res) => {
    const dir = typeof folder === "function" ? folder() : folder;
    const url = new URL(req.url, "http://127.0.0.1");
    let path = decodeURIComponent(url.pathname);
    if (!path.startsWith(prefix)) {
      res.writeHead(404).end("not found");
      return;
    }
    path = path.slice(prefix.length);
    if (Object.hasOwn(redirects, path)) {
      res.writeHead(301, { location: redirects[path] }).end();
      return;
    }
    if (path === "" || path.endsWith("/")) path += "index.html";
    const file = normalize(join(dir, path));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end("forbidden");
      return;
    }
    try {
      if (!(await stat(file)).isFile()) throw new Error("not a file");
      const body = await readFile(file);
      res.writeHead(200, {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        "cache-control": "no-store",
        ...headers,
      });
      res.end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    port,
    close: () => new Promise((ok) => server.close(ok)),
  };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
}

/** Opens a page that records every problem a learner's browser would hit. */
export async function guardedPage(browser, options = {}) {
  // No service worker unless a test asks for one (the offline tests): it
  // would fetch the whole build in the background, and answer past
  // page.route.
  const context = await browser.newContext({ serviceWorkers: "block", ...options });
  const page = await context.newPage();
  const problems = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.push(`console error: ${msg.text()}`);
  });
  page.on("pageerror", (err) => problems.push(`uncaught exception: ${err.message}`));
  page.on("request", (req) => {
    const url = new URL(req.url());
    if (url.protocol === "data:" || url.protocol === "blob:") return;
    if (url.hostname !== "127.0.0.1") problems.push(`request to another host: ${req.url()}`);
  });
  page.on("response", (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()} for ${res.url()}`);
  });
  page.on("requestfailed", (req) => problems.push(`request failed: ${req.url()} (${req.failure()?.errorText})`));
  return { page, context, problems };
}

/**
 * A test on a guarded page: runs `body(page, context)`, then fails the test
 * if the page hit any problem (saying `note`, where given), and closes the
 * context however the test ends. `context` holds options for the browser
 * context (a viewport, say).
 */
export async function onGuardedPage(browser, body, { context: options = {}, note } = {}) {
  const { page, context, problems } = await guardedPage(browser, options);
  try {
    await body(page, context);
    assert.deepEqual(problems, [], note);
  } finally {
    await context.close();
  }
}

/**
 * Waits until the app (not the shell, nor the page painted before the
 * Wasm loaded) has drawn a page heading. `#app` is hidden until both have
 * gone, so a visible heading in it is the app's.
 */
export async function appHeading(page) {
  const h1 = page.locator("#app h1").first();
  await h1.waitFor({ timeout: 15000 });
  return (await h1.textContent()).trim();
}

/** Runs axe-core in the page; returns its violations, summarised. */
export async function axeViolations(page) {
  const source = await readFile(AXE, "utf8");
  await page.evaluate(source);
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
    }));
  });
  return result;
}

/**
 * For a test file: serves dist/ and launches Chromium once, before its
 * tests, and closes both after. Read `app.server` and `app.browser` inside
 * the tests.
 */
export function appSuite() {
  const app = {};
  before(async () => {
    app.server = await serveDir();
    app.browser = await launch();
  });
  after(async () => {
    await app.browser?.close();
    await app.server?.close();
  });
  return app;
}
