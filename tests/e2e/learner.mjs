// What a learner does in a lesson, for a page or a frame inside one:
// predict, run the experiment once as it starts, set the controls that
// reach the task, run it, answer the questions.
import assert from "node:assert/strict";

// What a learner sets in each lesson to reach its task: control key → value.
export const SOLUTIONS = {
  role: { nodes: "25" },
  focus: { ttl: "5" },
  data: { copies: "4", push: true },
  service: { capacity: "200" },
  cost: { users: "500" },
  stability: { copies: "9", fail: true },
  "network-size": { computers: "10" },
  scalability: { receivers: "50", upload: "5000" },
};

/**
 * In a lesson that still asks for one, makes a prediction (the first
 * option, as a learner might) so that the experiment opens.
 */
export async function predict(page) {
  const choices = page.locator(".prediction input[type=radio]");
  if ((await choices.count()) > 0 && (await page.locator(".prediction input[type=radio]:checked").count()) === 0) {
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

export async function answerQuiz(page) {
  const questions = page.locator(".quiz fieldset");
  const count = await questions.count();
  assert.ok(count >= 2 && count <= 4, `a quiz has 2 to 4 questions (found ${count})`);
  for (let q = 0; q < count; q++) {
    const fieldset = questions.nth(q);
    const options = fieldset.locator("input[type=radio]");
    let right = false;
    for (let o = 0; o < (await options.count()) && !right; o++) {
      await options.nth(o).check();
      right = (await fieldset.locator(".feedback.right").count()) === 1;
    }
    assert.ok(right, `question ${q + 1} has a correct option`);
  }
}

