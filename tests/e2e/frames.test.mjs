// A frame-rate report, not a pass/fail timer: 200 drawn nodes running a
// peer-to-peer file distribution in the sandbox, frames per second over
// 5 seconds, the longest frame, and the main thread's long tasks (over
// 50 ms: the page would feel frozen), printed for the record.
import { test } from "node:test";
import assert from "node:assert/strict";
import { appSuite, onGuardedPage, appHeading } from "./harness.mjs";

const app = appSuite();

test("frame report: 200 peers distributing a file", () =>
  onGuardedPage(app.browser, async (page) => {
    // 200 receivers, 1000 chunks: a long run with many transfers in flight.
    await page.goto(`${app.server.url}#/sandbox?s=1;distribution;seed=3;receivers=200;chunks=1000;file=8000;upload=100;peerup=10;peerdown=50`);
    await appHeading(page);
    await page.locator(".experiment .side svg").first().waitFor();
    await page.evaluate(() => {
      window.__frames = [];
      window.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longTasks.push(e.duration);
      }).observe({ type: "longtask" });
      const tick = (t) => {
        window.__frames.push(t);
        if (window.__frames.length < 2000) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await page.locator(".experiment button.play").click();
    await page.waitForTimeout(5000);
    const frames = await page.evaluate(() => window.__frames);
    const longTasks = await page.evaluate(() => window.__longTasks);
    const clock = await page.locator(".experiment .clock").textContent();
    const gaps = frames.slice(1).map((t, i) => t - frames[i]);
    const seconds = (frames[frames.length - 1] - frames[0]) / 1000;
    const fps = gaps.length / seconds;
    const longest = Math.max(...gaps);
    const drawn = await page.locator(".experiment .side").nth(1).locator("g.node").count();
    const slow = gaps.filter((g) => g > 50).length;
    // The first frames after Play carry the engine's warm-up (baseline-
    // compiled Wasm) and the run's opening burst; say what follows apart.
    const WARM_UP = 20;
    const steady = Math.max(...gaps.slice(WARM_UP));
    console.log(
      `frames: ${drawn} drawn nodes (a server and 200 peers): ${fps.toFixed(1)} frames per second over ${seconds.toFixed(1)} s; ` +
        `longest frame ${longest.toFixed(1)} ms; ${slow} of ${gaps.length} frames over 50 ms; ` +
        `longest after the first ${WARM_UP} frames ${steady.toFixed(1)} ms; ` +
        `main-thread tasks over 50 ms: ${longTasks.length}${longTasks.length ? ` (longest ${Math.max(...longTasks).toFixed(0)} ms)` : ""} (${clock.trim()})`,
    );
    assert.equal(drawn, 201, "the server and 200 peers are drawn");
    assert.ok(gaps.length > 0, "frames were drawn");
    assert.match(clock, /Running|Finished/);
  }, { context: { viewport: { width: 1280, height: 900 } } }));
