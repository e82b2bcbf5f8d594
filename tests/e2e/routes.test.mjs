// Every route renders its heading with no console error, no uncaught
// exception, no failed request, no request off 127.0.0.1, and no axe-core
// violation; and dist/ works below a sub-path.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { appSuite, serveDir, onGuardedPage, appHeading, axeViolations, OUTPUT } from "./harness.mjs";
// The lessons in course order, as the SCORM package lists them (a native
// test keeps that list the app's).
import { LESSONS } from "../../scripts/scorm-package.mjs";

const ROUTES = [
  ["", "Hub & Mesh"],
  ["#/", "Hub & Mesh"],
  ...LESSONS.map(([slug, title]) => [`#/lessons/${slug}`, title]),
  ["#/sandbox", "Sandbox"],
  ...LESSONS.map(([slug, title]) => [`#/embed/lessons/${slug}`, title]),
  ["#/embed/sandbox", "Sandbox"],
  ["#/certificate", "Your completion record"],
  ["#/certificate?r=1;role=20261201.2.3.h;cost=-.-.-;name=Ada%20Lovelace", "A shared completion record"],
  ["#/certificate?r=damaged", "A shared completion record"],
  ["#/lessons/no-such-lesson", "Page not found"],
  ["#/nowhere", "Page not found"],
];

const app = appSuite();

before(async () => {
  await mkdir(OUTPUT, { recursive: true });
});

for (const [hash, heading] of ROUTES) {
  test(`route ${hash || "(no hash)"} shows "${heading}" cleanly and accessibly`, () =>
    onGuardedPage(
      app.browser,
      async (page) => {
        await page.goto(app.server.url + hash);
        assert.equal(await appHeading(page), heading);
        await page.waitForLoadState("networkidle");
        const violations = await axeViolations(page);
        assert.deepEqual(violations, [], `axe-core violations on ${hash}:\n${JSON.stringify(violations, null, 2)}`);
        if (hash === "#/" || hash === "#/lessons/role") {
          const name = hash === "#/" ? "home" : "lesson-role";
          await page.screenshot({ path: join(OUTPUT, `${name}.png`), fullPage: true });
        }
      },
      { note: `problems on ${hash}` },
    ));
}

test("an old #/teach link opens the teach page, a page of its own, cleanly and accessibly", () =>
  onGuardedPage(
    app.browser,
    async (page) => {
      await page.goto(app.server.url + "#/teach");
      await page.waitForURL(/\/teach\.html$/);
      assert.equal((await page.locator("h1").textContent()).trim(), "For teachers");
      await page.waitForLoadState("networkidle");
      assert.deepEqual(await axeViolations(page), []);
      // Its links lead back into the app.
      await page.locator("header.site-header a", { hasText: "Lessons" }).click();
      assert.equal(await appHeading(page), "Hub & Mesh");
    },
    { note: "problems on the teach page" },
  ));

test("embedded pages have no site header or footer", () =>
  onGuardedPage(app.browser, async (page) => {
    await page.goto(app.server.url + "#/embed/lessons/role");
    assert.equal(await appHeading(page), "Roles");
    assert.equal(await page.locator("header.site-header").count(), 0);
    assert.equal(await page.locator("footer.site-footer").count(), 0);
    await page.goto(app.server.url + "#/lessons/role");
    assert.equal(await appHeading(page), "Roles");
    assert.equal(await page.locator("header.site-header").count(), 1);
  }));

test("dist/ works from a sub-path of a site", async () => {
  const sub = await serveDir(undefined, { prefix: "/course/unit-3/hub-and-mesh/" });
  try {
    await onGuardedPage(app.browser, async (page) => {
      await page.goto(sub.url + "#/lessons/scalability");
      assert.equal(await appHeading(page), "Scalability");
      await page.waitForLoadState("networkidle");
    });
  } finally {
    await sub.close();
  }
});

test("a learner can navigate with the keyboard alone", () =>
  onGuardedPage(app.browser, async (page) => {
    await page.goto(app.server.url + "#/");
    assert.equal(await appHeading(page), "Hub & Mesh");
    // Tab until the focused element is the link to lesson 2, then press Enter.
    let found = false;
    for (let i = 0; i < 40 && !found; i++) {
      await page.keyboard.press("Tab");
      found = await page.evaluate(() => document.activeElement?.getAttribute("href") === "#/lessons/focus");
    }
    assert.ok(found, "the lesson link is reachable with Tab");
    await page.keyboard.press("Enter");
    assert.equal(await appHeading(page), "Focus");
  }));
