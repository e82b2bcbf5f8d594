// A learner's completion record (#/certificate): a lesson completed here
// shows with its day, first-attempt score and help; the name typed is kept
// on this device and goes into the share link only when ticked; a shared
// link opens in another browser, hostile names stay text, a damaged link
// says so, and the printout is one clean page.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { appSuite, onGuardedPage, appHeading, axeViolations, OUTPUT } from "./harness.mjs";
import { solveTask, answerQuiz } from "./learner.mjs";
import { LESSONS } from "../../scripts/scorm-package.mjs";

const app = appSuite();

/** The share link as the page offers it, with the name box ticked or not. */
async function shareLink(page, withName) {
  const tick = page.locator("#record-share-name");
  if ((await tick.isChecked()) !== withName) await tick.click();
  return page.locator("#record-link").inputValue();
}

test("a lesson completed here is on the record with its day, first-attempt score and help; the name stays on this device", async () => {
  let link;
  await onGuardedPage(app.browser, async (page) => {
    await page.goto(`${app.server.url}#/lessons/role`);
    await appHeading(page);
    await solveTask(page, "role");
    const { firstRight, total } = await answerQuiz(page);
    await page.goto(`${app.server.url}#/`);
    await appHeading(page);
    await page.getByRole("link", { name: "Your completion record" }).click();
    assert.equal(await appHeading(page), "Your completion record");
    const today = await page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
    });
    // The day the lesson was completed: today, or yesterday just past midnight.
    const dayBefore = await page.evaluate(() => {
      const d = new Date(Date.now() - 60000);
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
    });
    const row = page.locator("table.record tbody tr");
    assert.equal(await row.count(), 1);
    assert.equal(await row.locator("th").textContent(), "1. Roles");
    assert.ok([today, dayBefore].includes(await row.locator("time").getAttribute("datetime")), "dated the day it was completed");
    assert.equal(await row.locator("td").nth(1).textContent(), `${firstRight} of ${total}`);
    assert.equal(await row.locator("td").nth(2).textContent(), "Not used");
    assert.match(await page.locator(".record-count").textContent(), /^1 of 11 lessons completed\.$/);
    assert.match(await page.locator(".unverified").textContent(), /Nothing verifies this record/);

    // No name yet: the link carries none, ticked or not.
    assert.doesNotMatch(await shareLink(page, true), /name=/);
    await page.locator("#record-name").fill("Ada  Lovelace");
    assert.equal(await page.locator(".record-name bdi").textContent(), "Ada Lovelace");
    assert.doesNotMatch(await shareLink(page, false), /name=/, "the name stays out until ticked");
    link = await shareLink(page, true);
    assert.match(link, /#\/certificate\?r=1;role=\d{8}\.\d\.\d;name=Ada%20Lovelace$/);
    await page.getByRole("button", { name: "Copy the link" }).click();
    await page.locator(".record-tools [role=status]", { hasText: /copied|copy it/ }).waitFor();

    assert.equal(await page.locator(".record-tools .hint", { hasText: "This link" }).textContent(), "This link carries your name.");

    // Kept on this device: there after a reload, the choice to share it too.
    await page.reload();
    assert.equal(await appHeading(page), "Your completion record");
    assert.equal(await page.locator("#record-name").inputValue(), "Ada  Lovelace");
    assert.ok(await page.locator("#record-share-name").isChecked(), "the name stays in the link once ticked");
    assert.equal(await page.locator("#record-link").inputValue(), link);
    assert.equal(await page.locator(".record-name bdi").textContent(), "Ada Lovelace");
    assert.equal(await page.evaluate(() => localStorage.getItem("hub-and-mesh.name")), "Ada  Lovelace");
    assert.deepEqual(await axeViolations(page), []);

    // Reset: the next learner at this computer starts with no name.
    await page.goto(`${app.server.url}#/`);
    await appHeading(page);
    await page.getByRole("button", { name: "Reset progress…" }).click();
    await page.getByRole("button", { name: "Yes, reset my progress" }).click();
    await page.goto(`${app.server.url}#/certificate`);
    await page.locator("#app h1", { hasText: "Your completion record" }).waitFor();
    assert.equal(await page.locator("#record-name").inputValue(), "");
    assert.equal(await page.locator(".record-count").textContent(), "0 of 11 lessons completed.");
    assert.equal(await page.locator("#record-link").count(), 0, "nothing to share yet");
    await page.getByRole("link", { name: "Choose a lesson" }).waitFor();
    assert.equal(await page.evaluate(() => localStorage.getItem("hub-and-mesh.name")), null);
  });

  // Another browser, with nothing saved: the link shows the record it carries.
  await onGuardedPage(app.browser, async (page) => {
    await page.goto(link);
    assert.equal(await appHeading(page), "A shared completion record");
    assert.equal(await page.locator(".record-name bdi").textContent(), "Ada Lovelace");
    assert.equal(await page.locator("table.record tbody tr th").textContent(), "1. Roles");
    assert.match(await page.locator(".unverified").textContent(), /Shared by link, unverified\. Nothing verifies this record/);
    assert.equal(await page.locator("#record-name").count(), 0, "nothing to edit in someone else's record");
    assert.equal(await page.evaluate(() => localStorage.getItem("hub-and-mesh.name")), null, "a shared name is not kept");
  });
});

/** Saved progress with these lessons complete, as if done in this browser. */
async function completed(page, slugs) {
  await page.evaluate((slugs) => {
    const lesson = { started: true, revealed: true, task_done: true, helped: false, completed: true };
    localStorage.setItem("hub-and-mesh.progress", JSON.stringify({ version: 2, lessons: Object.fromEntries(slugs.map((s) => [s, lesson])) }));
    localStorage.setItem("hub-and-mesh.completed-on", JSON.stringify(Object.fromEntries(slugs.map((s) => [s, "2026-12-01"]))));
  }, slugs);
}

test("hostile names stay text on the record and in the link; a damaged link is refused", () =>
  onGuardedPage(app.browser, async (page) => {
    await page.goto(`${app.server.url}#/`);
    await appHeading(page);
    await completed(page, ["role"]);
    await page.goto(`${app.server.url}#/certificate`);
    await page.reload();
    assert.equal(await appHeading(page), "Your completion record");
    await page.evaluate(() => {
      window.pwned = 0;
    });
    const hostile = [
      `<img src=x onerror="window.pwned=1">`,
      `"><script>window.pwned=2</script>`,
      `' autofocus onfocus='window.pwned=3`,
      `</bdi></strong><iframe src="javascript:window.parent.pwned=4"></iframe>`,
      `\u202Eevil`,
    ];
    for (const name of hostile) {
      await page.locator("#record-name").fill(name);
      const link = await shareLink(page, true);
      assert.doesNotMatch(link.split("#")[1], /[<>"' ]/, `${name}: encoded in the link`);
      for (const where of [page, null]) {
        if (where === null) {
          // Only the hash changes: wait for the app to draw the new page.
          await page.goto(link);
          await page.locator("#app h1", { hasText: "A shared completion record" }).waitFor();
        }
        const shown = await page.locator(".record-name bdi").textContent();
        assert.equal(shown, name.replace("\u202E", ""), `${name}: shown as typed, as text`);
        assert.equal(await page.locator(".certificate img, .certificate script, .certificate iframe").count(), 0, name);
        assert.equal(await page.evaluate(() => window.pwned ?? 0), 0, name);
      }
      await page.goto(`${app.server.url}#/certificate`);
      await page.locator("#app h1", { hasText: "Your completion record" }).waitFor();
      await page.evaluate(() => {
        window.pwned = 0;
      });
    }
    // Damaged, foreign, or impossible: a day to come, a score out of more
    // questions than the lesson has.
    for (const damaged of ["r=1;role=yesterday", "r=9;role=-.-.-", "r=1;name=%E2%28", "r=<script>", "r=1;role=20990101.-.-", "r=1;role=-.9.9", "x=1"]) {
      await page.goto(`${app.server.url}#/certificate?${damaged}`);
      await page.locator("#app h1", { hasText: "A shared completion record" }).waitFor();
      assert.match(await page.getByRole("alert").textContent(), /^This link to a record is refused: .+\.$/, damaged);
      assert.equal(await page.locator("table.record").count(), 0, damaged);
    }
  }));

test("the record prints on one clean page, all eleven lessons with it", () =>
  onGuardedPage(app.browser, async (page) => {
    await page.goto(`${app.server.url}#/`);
    await appHeading(page);
    // Every lesson complete, as if done here, with a day for each.
    await completed(page, LESSONS.map(([slug]) => slug));
    await page.evaluate(() => localStorage.setItem("hub-and-mesh.name", "Ada Lovelace"));
    await page.goto(`${app.server.url}#/certificate`);
    await page.reload();
    assert.equal(await appHeading(page), "Your completion record");
    assert.equal(await page.locator("table.record tbody tr").count(), 11);
    assert.equal(await page.locator("table.record time").first().textContent(), "1 December 2026");
    await page.emulateMedia({ media: "print" });
    for (const hidden of [".site-header", ".site-footer", ".record-tools"]) {
      assert.equal(await page.locator(hidden).isVisible(), false, `${hidden} is not printed`);
    }
    assert.ok(await page.locator("table.record").isVisible());
    const pdf = await page.pdf({ format: "A4" });
    mkdirSync(OUTPUT, { recursive: true });
    writeFileSync(join(OUTPUT, "certificate.pdf"), pdf);
    const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    assert.equal(pages, 1, "one page");
  }));
