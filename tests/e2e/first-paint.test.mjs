// The pages painted before the Wasm loads (src/page/prepaint.rs, shown by
// assets/page.js): the right one for the address, nothing the lesson keeps
// until after its first run, and gone, without a trace, once the app has
// taken over. The Wasm is held back until each test lets it through.
import { test } from "node:test";
import assert from "node:assert/strict";
import { appSuite, guardedPage, onGuardedPage, appHeading } from "./harness.mjs";

const app = appSuite();

const display = (page, selector) => page.locator(selector).evaluate((e) => getComputedStyle(e).display);

/** Holds every request matching `pattern` until `release()` is called. */
async function hold(page, pattern) {
  const held = [];
  await page.route(pattern, (route) => held.push(route));
  return async () => {
    for (const route of held.splice(0)) await route.continue();
    await page.unroute(pattern);
  };
}

const holdWasm = (page) => hold(page, "**/*.wasm");

test("the home page is painted before the Wasm arrives, and the app takes its place", () =>
  onGuardedPage(app.browser, async (page) => {
    const release = await holdWasm(page);
    await page.goto(`${app.server.url}#/`);
    const painted = page.locator("#prepaint");
    await painted.locator("h1", { hasText: "Hub & Mesh" }).waitFor();
    assert.equal(await painted.locator("table.comparison tbody tr a").count(), 8, "every row of the table links its lesson");
    assert.equal(await painted.locator("ol.combined a").count(), 3, "and part 2's lessons");
    assert.equal(await page.locator("#shell").isVisible(), false, "the shell stays hidden under a painted page");
    assert.equal(await display(page, "#app"), "none", "the app waits out of sight");
    await release();
    assert.equal(await appHeading(page), "Hub & Mesh");
    assert.equal(await page.locator("#prepaint, #shell").count(), 0, "the painted page and the shell are gone");
    assert.equal(await page.locator("h1").count(), 1, "one page, the app's");
  }));

test("a lesson is painted up to its prediction, which waits for the app", () =>
  onGuardedPage(app.browser, async (page) => {
    const release = await holdWasm(page);
    await page.goto(`${app.server.url}#/`);
    await page.locator("#prepaint table.comparison").waitFor();
    // Following a row before the Wasm arrives paints that lesson.
    await page.locator("#prepaint a[href='#/lessons/data']").click();
    const painted = page.locator("#prepaint");
    await painted.locator("h1", { hasText: "Data" }).waitFor();
    assert.match(await painted.locator("#claim-heading").textContent(), /The claim/);
    const caption = await painted.locator("figure.diagram figcaption").textContent();
    assert.ok(caption.length > 20, "the lesson's caption");
    assert.equal(await painted.locator("figure.diagram svg").getAttribute("aria-label"), caption, "the shared diagram, labelled for this lesson");
    assert.ok((await painted.locator("figure.diagram svg circle").count()) >= 12, "drawn whole");
    assert.ok((await painted.locator("fieldset.prediction legend").textContent()).length > 20, "the prediction's question");
    const choices = painted.locator("fieldset.prediction input[type=radio]");
    assert.ok((await choices.count()) >= 2);
    assert.equal(await choices.first().isDisabled(), true, "choices wait for the app");
    assert.match(await painted.locator("fieldset.prediction").textContent(), /once the simulator has loaded/, "and say why");
    for (const later of ["#explain-heading", "#task-heading", "#quiz-heading", "#takeaway-heading", ".experiment"]) {
      assert.equal(await page.locator(later).count(), 0, `${later} is not painted`);
    }
    await release();
    await appHeading(page);
    await page.locator("#app .prediction input[type=radio]:not([disabled])").first().waitFor();
    assert.equal(await page.locator("#prepaint").count(), 0);
    assert.equal(await page.locator("fieldset.prediction").count(), 1, "one prediction, the app's");
  }));

// The app draws its first page a stage a task, out of sight (src/ui/app.rs,
// `Drawn`): the painted page or the shell must stand until the last stage.
test("the painted page and the shell give way only to the app's whole page", () =>
  onGuardedPage(app.browser, async (page) => {
    await page.addInitScript(() => {
      window.shownAtHandover = {};
      new MutationObserver((records) => {
        for (const record of records) {
          for (const node of record.removedNodes) {
            if (node.id !== "prepaint" && node.id !== "shell") continue;
            const main = document.querySelector("#app main");
            window.shownAtHandover[node.id] = {
              heading: document.querySelector("#app h1")?.textContent ?? null,
              header: !!document.querySelector("#app header"),
              text: main ? main.textContent.length : 0,
            };
          }
        }
      }).observe(document, { childList: true, subtree: true });
    });
    for (const [route, heading] of [["#/", "Hub & Mesh"], ["#/sandbox", "Sandbox"]]) {
      // A document of its own each: from one hash to another is no load.
      await page.goto("about:blank");
      await page.goto(`${app.server.url}${route}`);
      assert.equal(await appHeading(page), heading);
      const seen = await page.evaluate(() => window.shownAtHandover);
      const gone = Object.keys(seen);
      assert.ok(gone.length > 0, `${route}: something stood before the app`);
      for (const id of gone) {
        assert.equal(seen[id].heading, heading, `${route}: the app's page was whole when #${id} went`);
        assert.ok(seen[id].header, `${route}: with its header`);
        assert.ok(seen[id].text > 100, `${route}: and its words`);
      }
    }
  }));

test("a change of address while the app draws its first page keeps a painted page until the app's stands whole", () =>
  onGuardedPage(app.browser, async (page) => {
    await page.addInitScript(() => {
      window.handover = null;
      new MutationObserver((records) => {
        // The app's header and footer are drawn, its page not yet: the
        // address changes, and its event arrives before the app's next
        // stage (as a click's can; a real one would wait its turn in a test).
        if (!window.moved && document.querySelector("#app header")) {
          window.moved = true;
          history.replaceState(null, "", "#/lessons/data");
          window.dispatchEvent(new HashChangeEvent("hashchange"));
        }
        for (const record of records) {
          for (const node of record.removedNodes) {
            if (node.id !== "prepaint" || window.handover) continue;
            window.handover = "pending";
            // What the next frame shows: the lesson's words arrive, the
            // painted page goes and the app draws them in one task.
            requestAnimationFrame(() => {
              window.handover = {
                heading: document.querySelector("#app h1")?.textContent ?? null,
                prediction: !!document.querySelector("#app fieldset.prediction"),
              };
            });
          }
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${app.server.url}#/`);
    await page.locator("#app fieldset.prediction").waitFor();
    await page.waitForFunction(() => typeof window.handover === "object" && window.handover !== null);
    assert.equal(await appHeading(page), "Data");
    assert.equal(await page.evaluate(() => window.moved), true, "the address changed while the app was drawing");
    assert.deepEqual(await page.evaluate(() => window.handover), { heading: "Data", prediction: true }, "the painted page went only for the whole lesson");
  }));

test("an address with no painted page shows the shell until the app is ready", () =>
  onGuardedPage(app.browser, async (page) => {
    const release = await holdWasm(page);
    await page.goto(`${app.server.url}#/sandbox`);
    await page.locator("#shell .loading").waitFor();
    assert.equal(await page.locator("#prepaint").textContent(), "");
    await release();
    assert.equal(await appHeading(page), "Sandbox");
    assert.equal(await page.locator("#prepaint, #shell").count(), 0);
  }));

test("a lesson keeps its painted page until its words arrive, and a failure takes its place", () =>
  onGuardedPage(app.browser, async (page) => {
    const release = await hold(page, "**/content/focus-*.json");
    await page.goto(`${app.server.url}#/lessons/focus`);
    // The app has loaded (its router answers) but the words are held.
    await page.waitForFunction(() => window.wasmBindings !== undefined);
    await page.waitForTimeout(500);
    assert.equal(await page.locator("#prepaint h1").textContent(), "Focus", "the painted lesson stays");
    assert.equal(await display(page, "#app"), "none");
    await release();
    await appHeading(page);
    assert.equal(await page.locator("#prepaint").count(), 0);
  }));

test("when a lesson's words cannot be had, the app says so in place of the painted page", async () => {
  const { page, context, problems } = await guardedPage(app.browser);
  try {
    await page.route("**/content/stability-*.json", (route) => route.abort());
    await page.goto(`${app.server.url}#/lessons/stability`);
    await page.locator("#app .notice[role=alert]").waitFor();
    assert.match(await page.locator("#app .notice").textContent(), /could not be loaded/);
    assert.equal(await page.locator("#prepaint").count(), 0);
    // The refused file, as the browser reports it, and nothing else.
    const others = problems.filter((p) => !p.includes("stability-") && p !== "console error: Failed to load resource: net::ERR_FAILED");
    assert.deepEqual(others, []);
  } finally {
    await context.close();
  }
});

test("an embed paints only a loading line, without the site's header", () =>
  onGuardedPage(app.browser, async (page) => {
    const release = await holdWasm(page);
    await page.goto(`${app.server.url}#/embed/lessons/role`);
    await page.locator("#prepaint main.embed .loading").waitFor();
    assert.equal(await page.locator("header.site-header:visible").count(), 0);
    await release();
    await page.locator("#app .lesson").waitFor();
    assert.equal(await page.locator("#prepaint").count(), 0);
  }));
