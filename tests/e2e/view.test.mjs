// The experiment view shows what the numbers say: Step always moves, the
// key lists only what is drawn, readouts name their window, the chart
// covers the run's clock and sits beside the drawings on a wide screen,
// both panels share one scale, crowds are drawn as pictures, and nothing
// is too small to read at 1280 px or on a 390 px phone.
import { test } from "node:test";
import assert from "node:assert/strict";
import { appSuite, onGuardedPage, appHeading, axeViolations } from "./harness.mjs";
import { predict } from "./learner.mjs";

const app = appSuite();
const PHONE = { context: { viewport: { width: 390, height: 844 } } };
const WIDE = { context: { viewport: { width: 1280, height: 900 } } };

/** The smallest text drawn in the page's SVG drawings and charts, in px. */
async function smallestText(page) {
  return page.evaluate(() => {
    let least = Infinity;
    for (const t of document.querySelectorAll(".experiment svg text, .sweep svg text")) {
      const box = t.getBoundingClientRect();
      if (box.width === 0 || getComputedStyle(t).display === "none") continue;
      // The drawn size, whichever way the text is turned.
      const m = t.getScreenCTM();
      const scale = m ? Math.hypot(m.a, m.b) : 1;
      least = Math.min(least, parseFloat(getComputedStyle(t).fontSize) * scale);
    }
    return least;
  });
}

const clock = async (page) => Number((await page.locator(".experiment .clock").textContent()).match(/t = ([\d.]+) s/)[1]);

test("Step moves the clock from a fresh start, even through a quiet stretch", () =>
  onGuardedPage(app.browser, async (page) => {
    await page.goto(`${app.server.url}#/lessons/role`);
    await appHeading(page);
    await predict(page);
    await page.locator(".experiment button.step").click();
    const first = await clock(page);
    assert.ok(first > 0, `the first step moves the clock (t = ${first})`);
    await page.locator(".experiment button.step").click();
    assert.ok((await clock(page)) > first, "and the next one");
  }));

test("the key lists only the symbols this experiment draws", () =>
  onGuardedPage(app.browser, async (page) => {
    const key = async () => page.locator(".experiment .legend li").allTextContents();
    await page.goto(`${app.server.url}#/lessons/role`);
    await appHeading(page);
    await predict(page);
    let items = await key();
    assert.ok(items.some((t) => /Request/.test(t)) && items.some((t) => /Answer/.test(t)), items.join(" | "));
    assert.ok(!items.some((t) => /Data|Offline|Selected|Index/.test(t)), `role draws no data, no offline node: ${items.join(" | ")}`);
    await page.goto(`${app.server.url}#/sandbox?s=1;distribution;receivers=5`);
    await page.reload();
    await appHeading(page);
    items = await key();
    assert.ok(items.some((t) => /Data/.test(t)) && !items.some((t) => /Request|Answer/.test(t)), items.join(" | "));
  }));

test("every readout says what stretch of the run it covers", () =>
  onGuardedPage(app.browser, async (page) => {
    await page.goto(`${app.server.url}#/lessons/stability`);
    await appHeading(page);
    await predict(page);
    const labels = await page.locator(".experiment .metric dt").allTextContents();
    assert.ok(labels.length >= 2);
    for (const l of labels) assert.match(l, /\((so far|average over the run so far|of [a-z ]+ so far|from the model)\)/, l);
  }));

test("before a run the chart asks for Play; after it, it covers the run's whole clock", () =>
  onGuardedPage(app.browser, async (page) => {
    await page.goto(`${app.server.url}#/lessons/service`);
    await appHeading(page);
    await predict(page);
    await page.locator(".experiment .chart-empty", { hasText: "Press Play" }).waitFor();
    await page.locator(".experiment button.skip").click();
    await page.locator(".experiment[data-state=finished]").waitFor({ timeout: 60000 });
    const end = await clock(page);
    assert.ok(end > 120, `the overloaded peers drain past the 120 s of requests (t = ${end})`);
    const ticks = (await page.locator(".experiment .chart svg .tick text").allTextContents()).map((t) => Number(t.replace("k", "e3")));
    assert.ok(Math.max(...ticks) >= end, `the x axis reaches t = ${end}: ${ticks}`);
    assert.equal(await page.locator(".experiment .chart svg text.axis-label[transform*=rotate]").count(), 1, "the y title runs along its axis");
  }));

test("on a wide screen the chart sits beside the drawings and stays in view while the run plays", () =>
  onGuardedPage(
    app.browser,
    async (page) => {
      await page.goto(`${app.server.url}#/lessons/service`);
      await appHeading(page);
      await predict(page);
      const chart = page.locator(".experiment .chart-slot");
      const sides = page.locator(".experiment .sides");
      const [c, s] = [await chart.boundingBox(), await sides.boundingBox()];
      assert.ok(c.x > s.x + s.width - 1, "to the right of the drawings");
      await page.locator(".experiment button.play").click();
      await sides.evaluate((el) => el.scrollIntoView({ block: "end" }));
      const box = await chart.boundingBox();
      assert.ok(box.y >= 0 && box.y < 900, `the chart is in view while the drawings are (top at ${box.y})`);
      // Measured once requests queue, so the queues' counts are on screen.
      await page.locator(".experiment text.queue-length").first().waitFor();
      assert.ok((await smallestText(page)) >= 11, "no chart or drawing text under 11 px");
    },
    WIDE,
  ));

test("both panels' upload bars share one scale", () =>
  onGuardedPage(app.browser, async (page) => {
    await page.goto(`${app.server.url}#/sandbox?s=1;distribution;receivers=5`);
    await appHeading(page);
    await page.locator(".experiment button.skip").click();
    await page.locator(".experiment[data-state=finished]").waitFor({ timeout: 60000 });
    const server = async (i) => {
      const side = page.locator(".side").nth(i);
      const caption = await side.locator(".upload-chart figcaption").textContent();
      const mbit = Number(caption.match(/server uploaded (\d+) Mbit/)[1]);
      const height = Number(await side.locator(".upload-chart rect.bar.server").getAttribute("height"));
      return { mbit, height };
    };
    const [cs, p2p] = [await server(0), await server(1)];
    assert.ok(cs.mbit > p2p.mbit * 1.5, `client-server's server sends more (${cs.mbit} vs ${p2p.mbit})`);
    const ratio = p2p.height / cs.height;
    assert.ok(Math.abs(ratio - p2p.mbit / cs.mbit) < 0.02, `bar heights in proportion to megabits (${ratio})`);
  }));

test("more than 200 nodes are drawn as a picture, not a sentence, and the server keeps its size", () =>
  onGuardedPage(app.browser, async (page) => {
    const hub = async () => Number(await page.locator(".side").first().locator("g.node.server rect").first().getAttribute("width"));
    await page.goto(`${app.server.url}#/sandbox?s=1;service;clients=10`);
    await appHeading(page);
    const small = await hub();
    await page.goto(`${app.server.url}#/sandbox?s=1;service;clients=300`);
    await page.reload();
    await appHeading(page);
    const side = page.locator(".side").first();
    await side.locator(".netview.aggregate svg .ring-band").first().waitFor();
    assert.equal(await side.locator(".netview.aggregate p").count(), 0, "no sentence in place of the drawing");
    assert.match(await side.locator(".aggregate-label").textContent(), /300 clients/);
    assert.equal(await hub(), small, "the server square is the same size at 10 and at 300 clients");
    await page.locator(".experiment button.step").click();
    assert.deepEqual(await axeViolations(page), []);
  }));

test("on a phone the table fits, the two designs sit side by side, and no text is under 11 px", () =>
  onGuardedPage(
    app.browser,
    async (page) => {
      await page.goto(`${app.server.url}#/`);
      await appHeading(page);
      const overflow = await page.locator(".table-scroll").evaluate((el) => el.scrollWidth - el.clientWidth);
      assert.ok(overflow <= 1, `the comparison table needs no sideways scroll (${overflow} px over)`);
      assert.ok(await page.locator(".state-inline").first().isVisible(), "progress shows under each row's heading");
      await page.goto(`${app.server.url}#/lessons/service`);
      await appHeading(page);
      await predict(page);
      const [a, b] = [await page.locator(".side").nth(0).boundingBox(), await page.locator(".side").nth(1).boundingBox()];
      assert.ok(Math.abs(a.y - b.y) < 1 && b.x > a.x, "the two panels side by side");
      await page.locator(".experiment button.step").click();
      assert.ok((await smallestText(page)) >= 11, "no chart or drawing text under 11 px");
      const page_overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(page_overflow <= 1, `nothing pushes the page sideways (${page_overflow} px)`);
      assert.deepEqual(await axeViolations(page), []);
      // The sandbox's node inspector, with its longest choice showing.
      await page.goto(`${app.server.url}#/sandbox?s=1;distribution;receivers=10`);
      await appHeading(page);
      await page.locator(".side").nth(1).locator("g.node[data-node='4']").click();
      const inspector_overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(inspector_overflow <= 1, `a selected peer's controls fit the phone (${inspector_overflow} px over)`);
    },
    PHONE,
  ));

test("a click on the server mid-run picks the server, whatever is drawn over it", () =>
  onGuardedPage(app.browser, async (page) => {
    await page.goto(`${app.server.url}#/sandbox?s=1;distribution;receivers=10`);
    await appHeading(page);
    await page.locator(".experiment button.play").click();
    const side = page.locator(".side").nth(1);
    await page.waitForFunction(() => document.querySelectorAll(".side:nth-child(2) .packets.data").length > 0 &&
      (document.querySelector(".side:nth-child(2) .packets.data").getAttribute("d") ?? "").length > 0);
    await page.locator(".experiment button.pause").click();
    // Pick another node first, so picking the server is a change.
    await side.locator("g.node[data-node='3']").click();
    await side.locator("g.node[data-node='0']").scrollIntoViewIfNeeded();
    const box = await side.locator("g.node[data-node='0'] rect").first().boundingBox();
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    assert.equal(await side.locator(".node-inspector select").first().inputValue(), "0", "the server is selected");
  }));

test("a failed server's latency is shown as unanswered, not as a falling line", () =>
  onGuardedPage(app.browser, async (page) => {
    await page.goto(`${app.server.url}#/sandbox?s=1;service;clients=10`);
    await appHeading(page);
    const central = page.locator(".side").nth(0);
    await central.locator("g.node[data-node='0']").click();
    await central.locator("button.toggle-node").click();
    assert.equal(await central.locator("button.toggle-node").textContent(), "Revive it", "the button says what it will do now");
    await page.locator(".experiment button.skip").click();
    await page.locator(".experiment[data-state=finished]").waitFor({ timeout: 60000 });
    assert.ok(await page.locator(".experiment .chart rect.failing").count() > 0, "the stretch without answers is shaded");
    assert.match(await page.locator(".experiment .chart-legend").textContent(), /Shaded: Client-server left more than 1 request in 20 unanswered/, "and the key says what shading means");
  }));

test("a clock of five digits leaves the progress bar on its line, wide and on a phone", async () => {
  for (const size of [WIDE, PHONE]) {
    await onGuardedPage(app.browser, async (page) => {
      await page.goto(`${app.server.url}#/sandbox?s=1;churn`);
      await appHeading(page);
      await page.locator(".experiment button.skip").click();
      await page.locator(".experiment[data-state=finished]").waitFor({ timeout: 60000 });
      assert.ok(await clock(page) >= 10000, "a long run's clock has five digits");
      const [c, p] = await Promise.all([".experiment .clock", ".experiment .run-progress"].map((s) => page.locator(s).boundingBox()));
      const middle = (b) => b.y + b.height / 2;
      assert.ok(Math.abs(middle(c) - middle(p)) < Math.max(c.height, p.height) / 2,
        `the bar sits beside the clock (${JSON.stringify(c)} vs ${JSON.stringify(p)})`);
    }, size);
  }
});

test("failing the server by hand and the scheduled failure are two controls that each say what they do", () =>
  onGuardedPage(app.browser, async (page) => {
    await page.goto(`${app.server.url}#/sandbox?s=1;churn`);
    await appHeading(page);
    const central = page.locator(".side").nth(0);
    await central.locator("g.node[data-node='0']").click();
    await central.locator("button.toggle-node").click();
    assert.match(await central.locator(".node-about").textContent(), /offline/, "the inspector says the server is down");
    assert.equal(await central.locator("button.toggle-node").textContent(), "Revive it");
    const scheduled = page.locator("label", { hasText: "Server fails for good a third of the way in" });
    assert.equal(await scheduled.count(), 1, "the switch names a scheduled event, not the server's state now");
  }));
