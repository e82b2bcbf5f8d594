// A learner takes their progress from one browser to another: by file and
// by code, seeing what will change before it does; a broken, tampered,
// foreign or over-large file, or a mistyped code, changes nothing.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { appSuite, onGuardedPage, appHeading } from "./harness.mjs";
import { solveTask, answerQuiz } from "./learner.mjs";

const app = appSuite();
const folder = mkdtempSync(join(tmpdir(), "hub-and-mesh-transfer-"));

/** Home, once the app has drawn it. */
async function home(page) {
  await page.goto(`${app.server.url}#/`);
  assert.equal(await appHeading(page), "Hub & Mesh");
}

test("progress goes from one browser to another by file, merged or replaced, after a look at what changes", async () => {
  const file = join(folder, "progress.json");
  let firstRight;
  // One browser: the first lesson completed, and its progress exported.
  await onGuardedPage(app.browser, async (page) => {
    await page.goto(`${app.server.url}#/lessons/role`);
    await appHeading(page);
    await solveTask(page, "role");
    ({ firstRight } = await answerQuiz(page));
    await home(page);
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export progress (a file)" }).click();
    const saved = await download;
    assert.equal(saved.suggestedFilename(), "hub-and-mesh-progress.json");
    await saved.saveAs(file);
  });
  const exported = JSON.parse(readFileSync(file, "utf8"));
  assert.equal(exported.app, "hub-and-mesh");
  assert.equal(exported.version, 2);
  assert.equal(exported.lessons.role.completed, true);

  // Another browser, with progress of its own in another lesson.
  await onGuardedPage(app.browser, async (page) => {
    await page.goto(`${app.server.url}#/lessons/focus`);
    await appHeading(page);
    await page.locator(".prediction input[type=radio]").first().check();
    await home(page);
    await page.locator("#progress-file").setInputFiles(file);
    const choice = page.locator(".transfer-choice");
    await choice.waitFor();
    assert.match(await choice.locator("tr", { hasText: "Roles" }).textContent(), /Not started.*Complete.*Complete/);
    // What only this browser has: kept by a merge, lost by replacing.
    assert.match(await choice.locator("tr", { hasText: "Focus" }).textContent(), /In progress.*Not started.*In progress/);
    await choice.getByRole("button", { name: "Merge: keep the further of each" }).click();
    await page.locator(".transfer-said", { hasText: "merged" }).waitFor();
    assert.match(await page.locator("#overall-progress").textContent(), /1 of 11 lessons complete/);
    // Its own lesson was kept by the merge.
    await page.goto(`${app.server.url}#/lessons/focus`);
    await appHeading(page);
    assert.ok(await page.locator(".prediction input[type=radio]:checked").count(), "the prediction made here stays");
    await page.goto(`${app.server.url}#/lessons/role`);
    await appHeading(page);
    assert.match(await page.locator(".lesson-state").textContent(), /Complete/);
    // The same file edited by hand (a first answer made right): refused.
    const edited = join(folder, "edited.json");
    writeFileSync(edited, readFileSync(file, "utf8").replace(/"first_answers":\{"([a-z-]+)":"[a-z-]+"/, '"first_answers":{"$1":"edited"'));
    assert.notEqual(readFileSync(edited, "utf8"), readFileSync(file, "utf8"));
    await home(page);
    await page.locator("#progress-file").setInputFiles(edited);
    await page.locator(".transfer-said", { hasText: "changed since it was exported" }).waitFor();
  });
  assert.ok(firstRight >= 0);
});

test("a code carries progress with no file, and a mistyped code changes nothing", () =>
  onGuardedPage(app.browser, async (page, context) => {
    await page.goto(`${app.server.url}#/lessons/role`);
    await appHeading(page);
    await solveTask(page, "role");
    await home(page);
    await page.getByRole("button", { name: "Show a progress code" }).click();
    const code = await page.locator("#progress-code-out").inputValue();
    assert.ok(code.length > 10 && code.length <= 200, code);
    assert.match(code, /^[0-9A-HJKMNP-TV-Z-]+$/);

    const other = await context.browser().newContext();
    try {
      const page2 = await other.newPage();
      await page2.goto(`${app.server.url}#/`);
      assert.equal(await appHeading(page2), "Hub & Mesh");
      const typo = code.slice(0, 3) + (code[3] === "7" ? "8" : "7") + code.slice(4);
      await page2.locator("#progress-code-in").fill(typo);
      await page2.getByRole("button", { name: "Use this code" }).click();
      await page2.locator(".transfer-said", { hasText: "Nothing was changed" }).waitFor();
      await page2.locator("#progress-code-in").fill(code.toLowerCase());
      await page2.getByRole("button", { name: "Use this code" }).click();
      await page2.getByRole("button", { name: "Replace my progress here" }).click();
      await page2.locator(".transfer-said", { hasText: "replaced" }).waitFor();
      await page2.goto(`${app.server.url}#/lessons/role`);
      assert.equal(await appHeading(page2), "Roles");
      assert.match(await page2.locator(".lesson-state").textContent(), /Task done/);
    } finally {
      await other.close();
    }
  }));

test("a broken, foreign, tampered, newer or over-large file is refused and nothing saved is lost", () =>
  onGuardedPage(app.browser, async (page) => {
    await page.goto(`${app.server.url}#/lessons/role`);
    await appHeading(page);
    await solveTask(page, "role");
    await home(page);
    const before = await page.evaluate(() => localStorage.getItem("hub-and-mesh.progress"));
    const cases = [
      ["broken.json", '{"app":"hub-and-mesh","version":2,"less', /not JSON/],
      ["foreign.json", '{"name":"something else"}', /not a Hub & Mesh progress file/],
      ["tampered.json", '{"app":"hub-and-mesh","version":2,"lessons":{"role":{"answers":{"q":"<img src=x onerror=alert(1)>"}}}}', /damaged/],
      ["newer.json", '{"app":"hub-and-mesh","version":3,"lessons":{}}', /newer version/],
      ["large.json", `{"app":"hub-and-mesh","version":2,"pad":"${"x".repeat(70 * 1024)}"}`, /larger than any progress file/],
    ];
    for (const [name, text, says] of cases) {
      const path = join(folder, name);
      writeFileSync(path, text);
      await page.locator("#progress-file").setInputFiles(path);
      await page.locator(".transfer-said", { hasText: says }).waitFor();
      assert.match(await page.locator(".transfer-said").textContent(), /Nothing was changed/);
      assert.equal(await page.locator("img[src=x]").count(), 0);
    }
    assert.equal(await page.evaluate(() => localStorage.getItem("hub-and-mesh.progress")), before, "saved progress untouched");
  }));
