// A learner completes all eight lessons through the UI alone, in the order
// the lessons teach: predicts, runs the experiment as it starts (which
// opens the explanation, the task and the quiz), sets the controls that
// reach the task, answers every question (trying options until the
// feedback says it is right, as a learner would), then sees 8 of 8 on the
// home page, reloads, and still does. axe-core scans every lesson before
// the prediction, before and after the reveal, and after the task.
import { test } from "node:test";
import assert from "node:assert/strict";
import { appSuite, onGuardedPage, appHeading, axeViolations } from "./harness.mjs";
import { SOLUTIONS, AT_PAR, solveTask, answerQuiz, predict } from "./learner.mjs";

const app = appSuite();
/** Lessons whose experiment is a closed-form model, not a run. */
const MODELS = ["cost", "network-size"];

async function noViolations(page, where) {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `axe-core violations ${where}:\n${JSON.stringify(violations, null, 2)}`);
}

test("a learner completes every lesson and the progress survives a reload", () =>
  onGuardedPage(app.browser, async (page) => {
    for (const slug of Object.keys(SOLUTIONS)) {
      await page.goto(`${app.server.url}#/lessons/${slug}`);
      await appHeading(page);
      // Nothing runs, and nothing is explained, before the prediction.
      await page.locator(".prediction").waitFor();
      assert.equal(await page.locator(".experiment").count(), 0, `${slug}: the experiment waits for a prediction`);
      for (const later of ["#explain-heading", "#task-heading", "#quiz-heading", "#takeaway-heading"]) {
        assert.equal(await page.locator(later).count(), 0, `${slug}: ${later} is not on the page before the run`);
      }
      await noViolations(page, `on ${slug} before the prediction`);
      await predict(page);
      if (MODELS.includes(slug)) {
        // A closed-form model's result shows as it opens: its first run.
        await page.locator("#task-heading").waitFor();
      } else {
        assert.equal(await page.locator("#task-heading").count(), 0, `${slug}: the task waits for the first run`);
      }
      await noViolations(page, `on ${slug} after the prediction`);

      await solveTask(page, slug);
      if (AT_PAR.includes(slug)) {
        // The learner's answer beside the best: these solutions are the best.
        assert.match(await page.locator(".par").textContent(), /Your answer: .*the least that works here: you found the best answer/);
      } else {
        assert.equal(await page.locator(".par").count(), 0, `${slug}: a task with one answer has no par`);
      }
      const checks = page.locator(".goal-check li");
      assert.ok((await checks.count()) >= 1, `${slug}: the task's conditions are listed`);
      assert.equal(await page.locator(".goal-check li:not(.met)").count(), 0, `${slug}: every condition met`);
      await page.locator("details.mathematics summary").click();
      assert.ok(await page.locator("details.mathematics[open] .symbols dt").count() > 0, `${slug}: the mathematics names its symbols`);
      await page.locator(".prediction-outcome").waitFor();
      assert.match(await page.locator(".prediction-outcome").textContent(), /You predicted .*; at the starting settings the run shows /);
      assert.equal(await page.locator(".prediction input[type=radio]:not([disabled])").count(), 0, `${slug}: the prediction is locked`);
      assert.equal(await page.locator(".leaves-out li").count() > 0, true, `${slug}: what the model leaves out is listed`);
      await noViolations(page, `on ${slug} after the task`);
      await answerQuiz(page);
      await page.locator(".complete-banner").waitFor({ timeout: 5000 });
    }

    await page.goto(`${app.server.url}#/`);
    await appHeading(page);
    await page.locator(".overall", { hasText: "11 of 11 lessons complete" }).waitFor({ timeout: 5000 });
    assert.equal(await page.locator(".progress-cell.complete").count(), 8);

    await page.reload();
    await appHeading(page);
    await page.locator(".overall", { hasText: "11 of 11 lessons complete" }).waitFor({ timeout: 5000 });
  }));

test("a lesson's words are fetched once; a failed or damaged file says so and never crashes", async () => {
  // Not a guarded page: the failed requests are the point. No service
  // worker: it would answer from its cache, past the routes below.
  const context = await app.browser.newContext({ serviceWorkers: "block" });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    const fetched = [];
    page.on("request", (r) => r.url().includes("/content/data-") && fetched.push(r.url()));
    await page.route("**/content/**", (route) => route.abort("internetdisconnected"));
    await page.goto(`${app.server.url}#/lessons/data`);
    assert.equal(await appHeading(page), "Data");
    const notice = page.locator(".lesson .notice[role=alert]");
    await notice.waitFor();
    assert.match(await notice.textContent(), /could not be loaded: the connection failed.*progress is kept/);
    assert.equal(await page.locator("a.next").count(), 1, "the way on stays");
    await page.unroute("**/content/**");
    await notice.getByRole("button", { name: "Try again" }).click();
    await page.locator(".prediction").waitFor();
    assert.equal(await notice.count(), 0);
    // Away and back: the words come from memory.
    await page.goto(`${app.server.url}#/lessons/role`);
    await page.locator(".prediction").waitFor();
    await page.goto(`${app.server.url}#/lessons/data`);
    await page.locator(".prediction").waitFor();
    // (The failed attempt stopped at the glossary, which comes first.)
    assert.equal(fetched.length, 1, `data's words fetched once: ${fetched}`);
    // A damaged file is refused with the field named.
    await page.route("**/content/stability-*.json", (route) =>
      route.fulfill({ status: 200, contentType: "application/json", body: '{"claim": 3}' }),
    );
    await page.goto(`${app.server.url}#/lessons/stability`);
    await notice.waitFor();
    assert.match(await notice.textContent(), /the lesson's file is damaged: claim is not text/);
    assert.equal(await page.locator("#crash-banner:not([hidden])").count(), 0, "no panic");
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("a bad value is explained and not applied", () =>
  onGuardedPage(app.browser, async (page) => {
    await page.goto(`${app.server.url}#/lessons/role`);
    await appHeading(page);
    await predict(page);
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
    await page.locator(".overall", { hasText: "0 of 11 lessons complete" }).waitFor();
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

test("show me completes a lesson with help, the home page says so, and starting again clears it", () =>
  onGuardedPage(app.browser, async (page) => {
    await page.goto(`${app.server.url}#/lessons/network-size`);
    await appHeading(page);
    await predict(page);
    // A closed-form lesson shows its result as it opens: that is the first
    // run, judged at the settings the prediction asked about.
    await page.locator("#task-heading").waitFor();
    assert.match(await page.locator(".prediction-outcome").textContent(), /the run shows 3\.0 h/);
    await page.locator("#lesson-network-size-computers").fill("10");
    assert.match(await page.locator(".prediction-outcome").textContent(), /the run shows 3\.0 h/, "a later change does not move the verdict");
    await page.getByRole("button", { name: "Show me: set a working solution" }).click();
    await page.locator(".task-status.done").first().waitFor();
    await answerQuiz(page);
    await page.locator(".complete-banner", { hasText: "with help" }).waitFor();
    // Coming back, the learner sees the whole lesson at once.
    await page.reload();
    await appHeading(page);
    await page.locator("#task-heading").waitFor();
    assert.equal(await page.locator(".prediction-outcome").count(), 1, "the prediction and the run's result stay side by side");
    await page.goto(`${app.server.url}#/`);
    await appHeading(page);
    const cell = page.locator(".progress-cell.with-help");
    assert.equal(await cell.count(), 1);
    assert.match(await cell.textContent(), /◉\s*Complete, with help/);
    await page.goto(`${app.server.url}#/lessons/network-size`);
    await appHeading(page);
    await page.getByRole("button", { name: "Start the lesson again" }).click();
    await page.locator(".prediction input[type=radio]:not([disabled])").first().waitFor();
    assert.equal(await page.locator("#task-heading").count(), 0, "starting again hides what follows the run");
  }));

test("each lesson opens its own experiment in the sandbox, for free play", () =>
  onGuardedPage(app.browser, async (page) => {
    for (const [slug, bench, control, value] of [
      ["role", "role", "nodes", "4"],
      ["data", "placement", "offline", "20"],
      ["cost", "cost", "users", "10"],
    ]) {
      await page.goto(`${app.server.url}#/lessons/${slug}`);
      await appHeading(page);
      await predict(page);
      await page.getByRole("link", { name: "Open this experiment in the sandbox" }).click();
      await page.locator(`#workload-${bench}`).waitFor();
      assert.ok(await page.locator(`#workload-${bench}`).isChecked(), `${slug}: its bench is chosen`);
      assert.equal(await page.locator(`#sandbox-${control}`).inputValue(), value, `${slug}: at the lesson's own start`);
    }
  }));

test("a term's definition shows on keyboard focus and is the term's description", () =>
  onGuardedPage(app.browser, async (page) => {
    await page.goto(`${app.server.url}#/lessons/role`);
    await appHeading(page);
    const term = page.locator(".term dfn").first();
    const definition = page.locator(".term .term-def").first();
    assert.equal(await definition.isVisible(), false, "hidden until asked for");
    await term.focus();
    assert.equal(await definition.isVisible(), true, "shown on focus");
    const id = await term.getAttribute("aria-describedby");
    assert.equal(await definition.getAttribute("id"), id);
    assert.ok((await definition.textContent()).length > 20);
  }));

test("the scalability lesson draws time against N with both bounds", () =>
  onGuardedPage(app.browser, async (page) => {
    await page.goto(`${app.server.url}#/lessons/scalability`);
    await appHeading(page);
    await predict(page);
    await page.locator("#sweep-heading").waitFor();
    await page.locator("#sweep-max").fill("8");
    await page.getByRole("button", { name: "Run sweep" }).click();
    await page.locator("#sweep-chart .chart-legend li").first().waitFor({ timeout: 30000 });
    assert.equal(await page.locator("#sweep-chart .chart-legend li").count(), 4, "two designs and two bounds");
  }));
