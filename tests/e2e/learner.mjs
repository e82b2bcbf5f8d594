// What a learner does in a lesson, for a page or a frame inside one:
// predict, run the experiment once as it starts, set the controls that
// reach the task, run it, answer the questions.
import assert from "node:assert/strict";

// What a learner sets in each lesson to reach its task: control key → value.
export const SOLUTIONS = {
  role: { nodes: "16" },
  focus: { ttl: "3", copies: "5" },
  data: { offline: "30", copies: "4", push: true, catchup: true },
  service: { capacity: "133", peercap: "2.66" },
  cost: { owner: "0.3", users: "93" },
  stability: { second: true, copies: "7" },
  "network-size": { pairmin: "30", computers: "7" },
  scalability: { receivers: "11" },
  hybrid: { receivers: "69" },
  dht: { churning: true, copies: "4" },
  incentives: { freeriders: "18" },
};

/** Lessons whose task has a best answer, which the solutions above reach. */
export const AT_PAR = ["role", "focus", "data", "service", "stability", "scalability", "hybrid", "dht", "incentives"];

/**
 * In a lesson that still asks for one, makes a prediction (the first
 * option, as a learner might) so that the experiment opens.
 */
export async function predict(page) {
  // A lesson's words arrive after the page opens: wait for them (the
  // sandbox has an experiment and no prediction).
  // (Inside #app: the page painted before the Wasm loaded has a prediction
  // too, whose choices wait, disabled, for the app.)
  await page.locator("#app .prediction, #app .experiment").first().waitFor();
  const choices = page.locator("#app .prediction input[type=radio]");
  if ((await choices.count()) > 0 && (await page.locator("#app .prediction input[type=radio]:checked").count()) === 0) {
    await choices.first().check();
    await page.locator(".experiment").waitFor();
  }
}

/** Runs the experiment to its end ("Skip to end") and waits for it. */
export async function finishRun(page) {
  await predict(page);
  await page.locator(".experiment button.skip").click();
  await page.locator(".experiment[data-state=finished]").waitFor({ timeout: 30000 });
}

/**
 * Predicts, runs the experiment once as it starts (which opens the rest of
 * the lesson), then sets what reaches the task and runs it.
 */
export async function solveTask(page, slug) {
  await predict(page);
  if ((await page.locator("#task-heading").count()) === 0 && (await page.locator(".experiment button.skip").count()) > 0) {
    await finishRun(page);
    await page.locator("#task-heading").waitFor();
  }
  for (const [key, value] of Object.entries(SOLUTIONS[slug])) {
    const input = page.locator(`#lesson-${slug}-${key}`);
    if (value === true) {
      await input.check();
    } else {
      await input.fill(value);
    }
  }
  const skip = page.locator(".experiment button.skip");
  if (await skip.count()) {
    await skip.click();
  }
  await page.locator(".task-status.done").first().waitFor({ timeout: 30000 });
}

/**
 * Answers every question, trying options in order until one is right;
 * returns how many questions were right at the first try, of how many.
 */
export async function answerQuiz(page) {
  const questions = page.locator(".quiz fieldset");
  const count = await questions.count();
  assert.ok(count >= 2 && count <= 4, `a quiz has 2 to 4 questions (found ${count})`);
  let firstRight = 0;
  for (let q = 0; q < count; q++) {
    const fieldset = questions.nth(q);
    const options = fieldset.locator("input[type=radio]");
    let right = false;
    for (let o = 0; o < (await options.count()) && !right; o++) {
      await options.nth(o).check();
      right = (await fieldset.locator(".feedback.right").count()) === 1;
      if (right && o === 0) firstRight += 1;
    }
    assert.ok(right, `question ${q + 1} has a correct option`);
  }
  return { firstRight, total: count };
}

