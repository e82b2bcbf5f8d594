// A learner completes all eight lessons through the UI alone: sets the
// controls, runs the experiment until the task is reached, answers every
// question (trying options until the feedback says it is right, as a
// learner would), then sees 8 of 8 on the home page, reloads, and still
// does. axe-core scans every lesson before and after its task.
import { test } from "node:test";
import assert from "node:assert/strict";
import { appSuite, onGuardedPage, appHeading, axeViolations } from "./harness.mjs";
import { SOLUTIONS, solveTask, answerQuiz } from "./learner.mjs";

const app = appSuite();

async function noViolations(page, where) {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `axe-core violations ${where}:\n${JSON.stringify(violations, null, 2)}`);
}

test("a learner completes every lesson and the progress survives a reload", () =>
  onGuardedPage(app.browser, async (page) => {
    for (const slug of Object.keys(SOLUTIONS)) {
      await page.goto(`${app.server.url}#/lessons/${slug}`);
      await appHeading(page);
      await page.locator(".experiment").waitFor();
      assert.equal(await page.locator(".task-status.done").count(), 0, `${slug}: the task is not reached at the start`);
      await noViolations(page, `on ${slug} at the start`);

      await solveTask(page, slug);
      await noViolations(page, `on ${slug} after the task`);
      await answerQuiz(page);
      await page.locator(".complete-banner").waitFor({ timeout: 5000 });
    }

    await page.goto(`${app.server.url}#/`);
    await appHeading(page);
    await page.locator(".overall", { hasText: "8 of 8 lessons complete" }).waitFor({ timeout: 5000 });
    assert.equal(await page.locator(".progress-cell.complete").count(), 8);

    await page.reload();
    await appHeading(page);
    await page.locator(".overall", { hasText: "8 of 8 lessons complete" }).waitFor({ timeout: 5000 });
  }));

test("a bad value is explained and not applied", () =>
  onGuardedPage(app.browser, async (page) => {
    await page.goto(`${app.server.url}#/lessons/role`);
    await appHeading(page);
    const input = page.locator("#lesson-role-nodes");
    await input.fill("9000");
    const error = page.locator(".control-error");
    await error.waitFor();
    assert.match(await error.textContent(), /between 2 and 40/);
    assert.equal(await input.getAttribute("aria-invalid"), "true");
    await input.fill("abc");
    assert.match(await error.textContent(), /must be a number/);
    await input.fill("12");
    assert.equal(await page.locator(".control-error").count(), 0);
  }));

test("corrupted saved progress gives a notice and a fresh start, never a crash", () =>
  onGuardedPage(app.browser, async (page) => {
    await page.goto(`${app.server.url}#/`);
    await appHeading(page);
    await page.evaluate(() => localStorage.setItem("hub-and-mesh.progress", "{broken"));
    await page.reload();
    await appHeading(page);
    const notice = page.locator(".notice");
    await notice.waitFor();
    assert.match(await notice.textContent(), /could not be read/);
    assert.equal(await page.evaluate(() => localStorage.getItem("hub-and-mesh.progress.unreadable")), "{broken");
    await page.locator(".overall", { hasText: "0 of 8 lessons complete" }).waitFor();
    assert.equal(await page.locator("#crash-banner:not([hidden])").count(), 0);
  }));

test("reset progress asks first", () =>
  onGuardedPage(app.browser, async (page) => {
    await page.goto(`${app.server.url}#/lessons/cost`);
    await appHeading(page);
    await solveTask(page, "cost");
    await page.goto(`${app.server.url}#/`);
    await appHeading(page);
    await page.getByRole("button", { name: "Reset progress…" }).click();
    await page.getByRole("button", { name: "Keep my progress" }).click();
    assert.equal(await page.locator(".progress-cell.task-done").count(), 1);
    await page.getByRole("button", { name: "Reset progress…" }).click();
    await page.getByRole("button", { name: "Yes, reset my progress" }).click();
    assert.equal(await page.locator(".progress-cell.not-started").count(), 8);
  }));
