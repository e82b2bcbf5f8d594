// The sandbox as a learner uses it: a shared link opens the exact setup and
// gives the same result; editing a value rewrites the link; a tampered or
// oversized link shows a message and the default experiment, never a crash.
import { test } from "node:test";
import assert from "node:assert/strict";
import { appSuite, onGuardedPage, appHeading, axeViolations } from "./harness.mjs";
import { finishRun } from "./learner.mjs";

const app = appSuite();

async function runToEnd(page) {
  await finishRun(page);
  return page.locator(".experiment .metric").allTextContents();
}

test("a shared link opens the same setup and gives the same result", () =>
  onGuardedPage(app.browser, async (page) => {
    const link = `${app.server.url}#/sandbox?s=1;search;seed=5;peers=30;ttl=4;copies=3`;
    await page.goto(link);
    assert.equal(await appHeading(page), "Sandbox");
    assert.ok(await page.locator("#workload-lookup").isChecked());
    assert.equal(await page.locator("#sandbox-ttl").inputValue(), "4");
    assert.equal(await page.locator("#sandbox-peers").inputValue(), "30");
    assert.equal(await page.locator("#sandbox-seed").inputValue(), "5");
    const first = await runToEnd(page);
    assert.ok(first.some((m) => /Searches that found the item \(of searches so far\)\d+%/.test(m)), first.join(" | "));

    const other = await app.browser.newContext();
    const again = await other.newPage();
    await again.goto(link);
    await appHeading(again);
    assert.deepEqual(await runToEnd(again), first, "the same link gives the same figures");
    await other.close();
  }));

test("editing a value rewrites the share link", () =>
  onGuardedPage(app.browser, async (page) => {
    await page.goto(`${app.server.url}#/sandbox`);
    await appHeading(page);
    await page.locator("#sandbox-receivers").fill("42");
    await page.waitForFunction(() => location.hash.includes("receivers=42"));
    assert.match(await page.locator("#share-link").inputValue(), /receivers=42/);
    await page.locator("#workload-churn").check();
    await page.waitForFunction(() => location.hash.includes(";churn;"));
    await page.locator("#sandbox-seed").fill("77");
    await page.waitForFunction(() => location.hash.includes("seed=77"));
    assert.deepEqual(await axeViolations(page), []);
  }));

test("tampered, unknown and oversized links show a message and the default", async () => {
  for (const bad of [
    "1;search;ttl=999",
    "1;mesh",
    "7;distribution",
    "%E0%A4%A",
    "1;distribution;receivers=NaN",
    "1;distribution" + ";receivers=5".repeat(300),
  ]) {
    await onGuardedPage(
      app.browser,
      async (page) => {
        await page.goto(`${app.server.url}#/sandbox?s=${bad}`);
        assert.equal(await appHeading(page), "Sandbox");
        const notice = page.locator(".notice");
        await notice.waitFor();
        assert.match(await notice.textContent(), /could not be opened/, bad);
        assert.ok(await page.locator("#workload-distribution").isChecked(), `${bad}: the default is shown`);
        assert.equal(await page.locator("#crash-banner:not([hidden])").count(), 0);
      },
      { note: bad },
    );
  }
});

test("a sweep draws time against N with the bounds and exports its results", () =>
  onGuardedPage(app.browser, async (page) => {
    await page.goto(`${app.server.url}#/sandbox?s=1;distribution;chunks=50`);
    await appHeading(page);
    await page.locator("#sweep-max").fill("abc");
    assert.match(await page.locator(".sweep .control-error").textContent(), /must be a number/);
    await page.locator("#sweep-max").fill("60");
    await page.getByRole("button", { name: "Run sweep" }).click();
    // Every N when few; at most 40 values, spread, beyond.
    await page.locator(".sweep-progress", { hasText: "40 of 40 values of N" }).waitFor({ timeout: 60000 });
    assert.equal(await page.locator("#sweep-chart svg[role=img] path.series").count(), 4);
    assert.equal(await page.locator("#sweep-chart .chart-legend li").count(), 4);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download results (CSV)" }).click(),
    ]);
    const csv = await (await import("node:fs/promises")).readFile(await download.path(), "utf8");
    const rows = csv.trim().split("\n");
    assert.equal(rows[0], "n,client_server_s,client_server_bound_s,peer_to_peer_s,peer_to_peer_bound_s");
    assert.equal(rows.length, 41);
    for (const row of rows.slice(1)) {
      const [n, cs, csBound, p2p, p2pBound] = row.split(",").map(Number);
      assert.ok(Math.abs(cs / csBound - 1) < 0.01, `client-server at N=${n} matches its bound`);
      assert.ok(p2p >= p2pBound * 0.999, `peer-to-peer at N=${n} is never below its bound`);
    }
    const [svg] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download chart (SVG)" }).click(),
    ]);
    const svgText = await (await import("node:fs/promises")).readFile(await svg.path(), "utf8");
    assert.match(svgText, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.deepEqual(await axeViolations(page), []);
  }));

test("failing the server with the keyboard makes requests fail, and the log says so", () =>
  onGuardedPage(app.browser, async (page) => {
    await page.goto(`${app.server.url}#/sandbox?s=1;requests;clients=30`);
    await appHeading(page);
    await page.locator(".experiment button.step").click();
    // Keyboard only: focus the node picker, choose the server, press the button.
    await page.locator("#sandbox-node-0").focus();
    await page.keyboard.press("Home");
    assert.equal(await page.locator("#sandbox-node-0").inputValue(), "0");
    await page.locator(".side").first().locator("button.toggle-node").focus();
    await page.keyboard.press("Enter");
    await page.locator(".event-log li", { hasText: "server 0 failed" }).waitFor();
    assert.equal(await page.locator(".side").first().locator("button.toggle-node").textContent(), "Revive it");
    // A peer is picked by a click (or tap) on the drawing and fails by a key.
    await page.locator(".side").nth(1).locator("g.node[data-node='3']").click();
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute("data-node")), "3");
    await page.keyboard.press("f");
    await page.locator(".event-log li", { hasText: "peer 3 failed" }).waitFor();
    await finishRun(page);
    const failed = await page.locator(".side").first().locator("[data-metric=FailedShare]").textContent();
    assert.ok(parseInt(failed, 10) > 50, `most client-server requests fail without the server (${failed})`);
    await page.locator(".event-log li", { hasText: "finished" }).waitFor();
    assert.deepEqual(await axeViolations(page), []);
  }));

test("in file distribution any node fails by key or button: a server that stays down leaves clients without the file", () =>
  onGuardedPage(app.browser, async (page) => {
    await page.goto(`${app.server.url}#/sandbox?s=1;distribution;receivers=10`);
    await appHeading(page);
    await page.locator(".experiment button.step").click();
    // The server by a click on the drawing and the F key.
    await page.locator(".side").first().locator("g.node[data-node='0']").click();
    await page.keyboard.press("f");
    await page.locator(".event-log li", { hasText: "Client-server: server 0 failed" }).waitFor();
    assert.equal(await page.locator(".side").first().locator("button.toggle-node").textContent(), "Revive it");
    // A peer by the button.
    await page.locator(".side").nth(1).locator("g.node[data-node='4']").click();
    await page.locator(".side").nth(1).locator("button.toggle-node").click();
    await page.locator(".event-log li", { hasText: "Peer-to-peer: peer 4 failed" }).waitFor();
    assert.match(await page.locator(".side").nth(1).locator(".node-about").textContent(), /offline/);
    await page.locator(".side").nth(1).locator("button.toggle-node").click();
    await page.locator(".event-log li", { hasText: "Peer-to-peer: peer 4 revived" }).waitFor();
    await finishRun(page);
    assert.equal((await page.locator(".side").first().locator("[data-metric=HaveFile]").textContent()).trim(), "0%",
      "no client gets the whole file from a server that stays down");
    assert.equal((await page.locator(".side").nth(1).locator("[data-metric=HaveFile]").textContent()).trim(), "100%",
      "every peer does, the revived one included");
    await page.locator(".event-log li", { hasText: "Client-server receivers with the whole file: 0%" }).waitFor();
    assert.deepEqual(await axeViolations(page), []);
  }));

test("the DHT workload: lookups hop round the ring, the index fails alone, churn is a setting of the run", () =>
  onGuardedPage(app.browser, async (page) => {
    await page.goto(`${app.server.url}#/sandbox?s=1;dht;peers=16`);
    await appHeading(page);
    assert.ok(await page.locator("#workload-dht").isChecked());
    await page.locator(".experiment button.play").click();
    const ring = page.locator(".side").nth(1);
    // A lookup in flight, and the newest one's route drawn as lines.
    await page.waitForFunction(() => Number(document.querySelectorAll(".side")[1]?.querySelector("path.edges")?.getAttribute("data-links") ?? 0) > 0);
    await page.locator(".experiment button.pause").click();
    const key = await page.locator(".experiment .legend li").allTextContents();
    assert.ok(key.some((t) => /newest lookup's route/.test(t)), key.join(" | "));
    assert.match(await ring.locator("[data-metric=HopsPerSearch]").textContent(), /^\d+\.\d\d$/);
    // The index is node 0 of the left-hand side: failing it leaves lookups stuck.
    const index = page.locator(".side").nth(0);
    await index.locator("g.node[data-node='0']").click();
    await page.keyboard.press("f");
    await page.locator(".event-log li", { hasText: "Central index: index 0 failed" }).waitFor();
    await finishRun(page);
    const found = (side) => page.locator(".side").nth(side).locator("[data-metric=HitRate]").textContent();
    assert.ok(parseInt(await found(0), 10) < parseInt(await found(1), 10), `without its index, fewer lookups succeed (${await found(0)} vs ${await found(1)})`);
    // Churn is a setting of the run: on, peers leave and take keys with them.
    await page.locator("#sandbox-churning").check();
    await page.waitForFunction(() => location.hash.includes("churning=1"));
    await finishRun(page);
    assert.ok(parseInt(await found(1), 10) < 100, `with churn the ring misses some (${await found(1)})`);
    assert.deepEqual(await axeViolations(page), []);
  }));

test("the tracker workload: peers take the load off the server, and a failed tracker turns newcomers away", () =>
  onGuardedPage(app.browser, async (page) => {
    await page.goto(`${app.server.url}#/sandbox?s=1;hybrid;receivers=10;trackerfail=1`);
    await appHeading(page);
    assert.ok(await page.locator("#workload-hybrid").isChecked());
    assert.ok(await page.locator("#sandbox-trackerfail").isChecked(), "the share link's switch is on");
    await finishRun(page);
    const metric = (side, key) => page.locator(".side").nth(side).locator(`[data-metric=${key}]`).textContent();
    assert.equal(await metric(0, "ServerSentMbit"), "2000 Mbit", "client-server: the server sends all ten copies");
    assert.ok(parseInt(await metric(1, "ServerSentMbit"), 10) < 1000, `hybrid: the peers send most of them (${await metric(1, "ServerSentMbit")})`);
    assert.ok(parseInt(await metric(1, "JoinsRefused"), 10) > 0, "newcomers were turned away");
    assert.match(await page.locator(".side").nth(1).locator("g.node[data-node='11']").getAttribute("class"), /\bindex\b.*\bdown\b/, "the tracker is drawn down");
    assert.deepEqual(await axeViolations(page), []);
  }));

test("the swarm workload: under tit-for-tat free riders wait longer; altruism carries them", () =>
  onGuardedPage(app.browser, async (page) => {
    await page.goto(`${app.server.url}#/sandbox?s=1;incentives;receivers=20`);
    await appHeading(page);
    assert.ok(await page.locator("#workload-incentives").isChecked());
    const key = await page.locator(".experiment .legend li").allTextContents();
    assert.ok(key.includes("Free rider: downloads only"), `the key names the free riders: ${key.join(" | ")}`);
    await finishRun(page);
    const seconds = async (side, key) => parseFloat(await page.locator(".side").nth(side).locator(`[data-metric=${key}]`).textContent());
    const tft = (await seconds(1, "FreeRiderMeanS")) / (await seconds(1, "ContributorMeanS"));
    const altruistic = (await seconds(0, "FreeRiderMeanS")) / (await seconds(0, "ContributorMeanS"));
    assert.ok(tft > altruistic, `free riders lag more under tit-for-tat (${tft.toFixed(2)} vs ${altruistic.toFixed(2)})`);
    assert.deepEqual(await axeViolations(page), []);
  }));

test("size presets and the churn switch", () =>
  onGuardedPage(app.browser, async (page) => {
    await page.goto(`${app.server.url}#/sandbox?s=1;churn`);
    await appHeading(page);
    await page.getByRole("button", { name: "Large (200)" }).click();
    await page.waitForFunction(() => location.hash.includes("peers=200"));
    assert.equal(await page.locator("#sandbox-peers").inputValue(), "200");
    assert.equal(await page.getByRole("button", { name: "Large (200)" }).getAttribute("aria-pressed"), "true");
    await page.locator(".experiment button.step").click();
    await page.locator("#sandbox-churn").uncheck();
    await page.locator(".event-log li", { hasText: "churn off" }).waitFor();
    await page.locator("#sandbox-churn").check();
    await page.locator(".event-log li", { hasText: "churn on" }).waitFor();
    assert.deepEqual(await axeViolations(page), []);
  }));

test("the hybrid design can stand in for pure peer-to-peer", () =>
  onGuardedPage(app.browser, async (page) => {
    await page.goto(`${app.server.url}#/sandbox?s=1;requests;clients=20`);
    await appHeading(page);
    assert.equal(await page.locator(".side h3").nth(1).textContent(), "Peer-to-peer");
    await page.locator("#sandbox-hybrid").check();
    await page.waitForFunction(() => location.hash.includes("hybrid=1"));
    assert.equal(await page.locator(".side h3").nth(1).textContent(), "Hybrid");
    assert.equal(await page.locator(".side").nth(1).locator("g.node.index").count(), 1, "the index is drawn");
    await finishRun(page);
    assert.deepEqual(await axeViolations(page), []);
  }));

test("a finished run exports its results as CSV and its chart as SVG", () =>
  onGuardedPage(app.browser, async (page) => {
    await page.goto(`${app.server.url}#/sandbox?s=1;distribution;receivers=10`);
    await appHeading(page);
    assert.equal(await page.locator("button.export-csv").count(), 0, "nothing to export before the run");
    await runToEnd(page);
    const { readFile } = await import("node:fs/promises");
    const [csv] = await Promise.all([page.waitForEvent("download"), page.locator("button.export-csv").click()]);
    const rows = (await readFile(await csv.path(), "utf8")).trim().split("\n");
    assert.equal(rows[0], "metric,Client-server,Peer-to-peer");
    assert.match(rows[1], /^Time to send the file to all,80,\d+(\.\d+)?$/);
    const [svg] = await Promise.all([page.waitForEvent("download"), page.locator("button.export-svg").click()]);
    assert.match(await readFile(await svg.path(), "utf8"), /^<svg xmlns=/);
  }));

// Which node of a drawing has focus, and is it the selected one?
const focused = (page) =>
  page.evaluate(() => ({
    node: document.activeElement.getAttribute("data-node"),
    selected: document.activeElement.getAttribute("aria-selected"),
    drawing: document.activeElement.closest("figure")?.id,
  }));

test("build a network with the keyboard, run it, fail the server, see requests fail", () =>
  onGuardedPage(app.browser, async (page) => {
    await page.goto(`${app.server.url}#/sandbox?s=1;requests`);
    await appHeading(page);
    await page.locator("button.from-scratch").focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => location.hash.includes("clients=1;"));
    const drawing = page.locator("#sandbox-net-0");
    assert.equal(await drawing.locator("g.node").count(), 2, "a server and one client");
    // Into the drawing: only the selected node is in the tab order.
    assert.equal(await drawing.locator("g.node[tabindex='0']").count(), 1);
    await drawing.locator("g.node[tabindex='0']").focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press("a");
    await page.waitForFunction(() => location.hash.includes("clients=5;"));
    assert.equal(await drawing.locator("g.node").count(), 6);
    assert.deepEqual(await focused(page), { node: "5", selected: "true", drawing: "sandbox-net-0" }, "the new node has focus");
    await page.keyboard.press("Home");
    assert.equal((await focused(page)).node, "0");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    assert.deepEqual(await focused(page), { node: "2", selected: "true", drawing: "sandbox-net-0" });
    assert.equal(await page.locator("#sandbox-node-0").inputValue(), "2", "the picker follows the drawing");
    assert.match(await page.locator(".side").first().locator(".node-about").textContent(), /^Client 2 asks the server and answers no one; online/);
    await page.keyboard.press("Delete");
    await page.waitForFunction(() => location.hash.includes("clients=4;"));
    assert.equal(await drawing.locator("g.node").count(), 5);
    await page.keyboard.press("Home");
    await page.keyboard.press("Delete");
    await page.locator(".experiment .control-error", { hasText: "cannot be removed" }).waitFor();
    assert.equal(await drawing.locator("g.node").count(), 5, "the server stays");

    // Run a little, then fail the server with its key.
    await page.locator(".experiment button.step").click();
    await drawing.locator("g.node[data-node='0']").focus();
    await page.keyboard.press("f");
    await page.locator(".event-log li", { hasText: "server 0 failed" }).waitFor();
    assert.equal(await drawing.locator("g.node.down[data-node='0']").count(), 1);
    await finishRun(page);
    const failed = await page.locator(".side").first().locator("[data-metric=FailedShare]").textContent();
    assert.ok(parseInt(failed, 10) > 50, `most requests fail without the server (${failed})`);
    assert.deepEqual(await axeViolations(page), []);
  }));

test("a receiver's own speeds and hand-made overlay links go into the link and the results", () =>
  onGuardedPage(app.browser, async (page) => {
    await page.goto(`${app.server.url}#/sandbox?s=1;distribution;receivers=5`);
    await appHeading(page);
    const cs = page.locator(".side").first();
    await cs.locator("g.node[data-node='2']").click();
    await cs.locator("#sandbox-node-0-down").fill("1");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => location.hash.includes(";node=1:10:1"));
    const swarm = page.locator(".side").nth(1);
    await swarm.locator("g.node[data-node='2']").click();
    await swarm.locator("#sandbox-node-1-up").fill("0.01");
    await page.keyboard.press("Enter");
    await page.locator(".experiment .control-error", { hasText: "between" }).waitFor();
    // In the swarm, receiver 1 becomes a client that uploads nothing.
    await swarm.locator("#sandbox-node-1-role").selectOption("client");
    await page.waitForFunction(() => location.hash.includes(";node=1:0:1"));
    assert.equal(await swarm.locator("g.node.client[data-node='2']").count(), 1, "drawn as a client");
    assert.equal(await swarm.locator("#sandbox-node-1-up").count(), 0, "a client has no upload to set");
    await finishRun(page);
    // One client at 1 Mbps must take F/d_min = 800 s, whatever the server does.
    assert.equal(await cs.locator("[data-metric=CompletionS]").textContent(), "800.0 s");
    assert.match(await cs.locator(".upload-chart figcaption").textContent(), /server uploaded 4000 Mbit \(100%\)/);
    assert.match(await page.locator(".side").nth(1).locator(".upload-chart figcaption").textContent(), /the 5 others together [1-9]\d* Mbit/);
    // Reopened from the link, the slow receiver is still there.
    const uploads = await swarm.locator(".upload-chart figcaption").textContent();
    await page.goto(`${app.server.url}#/sandbox?s=1;distribution;receivers=5;node=1:0:1`);
    await page.reload();
    await appHeading(page);
    await finishRun(page);
    assert.equal(await cs.locator("[data-metric=CompletionS]").textContent(), "800.0 s");
    assert.equal(await swarm.locator(".upload-chart figcaption").textContent(), uploads, "the same run again");
    assert.equal(await swarm.locator(".upload-chart rect.bar").nth(2).getAttribute("height"), "0.00", "the client uploaded nothing");

    // Finding data: connect two peers of the flooding side by hand.
    await page.goto(`${app.server.url}#/sandbox?s=1;search;peers=20`);
    await page.reload();
    await appHeading(page);
    const p2p = page.locator(".side").nth(1);
    // The standing links are one path; it says how many it draws.
    const edges = async () => Number(await p2p.locator("path.edges").getAttribute("data-links"));
    const before = await edges();
    await p2p.locator("g.node[data-node='0']").click();
    const target = await p2p.locator("#sandbox-node-1-connect option").first().getAttribute("value");
    await p2p.locator("#sandbox-node-1-connect").selectOption(target);
    await p2p.getByRole("button", { name: "Connect", exact: true }).click();
    await page.waitForFunction((t) => location.hash.includes(`;link=0-${t}`), target);
    assert.equal(await edges(), before + 1);
    await p2p.getByRole("button", { name: `Cut link to peer ${target}`, exact: true }).click();
    await page.waitForFunction(() => !location.hash.includes(";link="));
    assert.equal(await edges(), before);
    assert.deepEqual(await axeViolations(page), []);
  }));

test("a long run shows its progress and can be cancelled", () =>
  onGuardedPage(app.browser, async (page) => {
    await page.goto(`${app.server.url}#/sandbox?s=1;distribution;receivers=300;chunks=2000`);
    await appHeading(page);
    const progress = page.locator(".experiment progress.run-progress");
    assert.equal(await progress.getAttribute("value"), "0");
    await page.locator(".experiment button.skip").click();
    const cancel = page.locator(".experiment button.pause");
    assert.equal(await cancel.textContent(), "Cancel");
    await page.waitForFunction(() => Number(document.querySelector("progress.run-progress").value) > 0);
    await cancel.click();
    await page.locator(".experiment[data-state=paused]").waitFor();
    const at = Number(await progress.getAttribute("value"));
    assert.ok(at > 0 && at < 100, `stopped part way (${at}%)`);
  }));

test("a peer's own capacity and role are set in the inspector and kept in the link", () =>
  onGuardedPage(app.browser, async (page) => {
    await page.goto(`${app.server.url}#/sandbox?s=1;requests;clients=10;peercap=5`);
    await appHeading(page);
    const swarm = page.locator(".side").nth(1);
    const p95 = () => swarm.locator("[data-metric=P95LatencyMs]").textContent();
    await finishRun(page);
    const before = parseFloat(await p95());
    await swarm.locator("g.node[data-node='3']").click();
    await swarm.locator("#sandbox-node-1-capacity").fill("0");
    await page.keyboard.press("Enter");
    await page.locator(".experiment .control-error", { hasText: "between" }).waitFor();
    for (const node of ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]) {
      await swarm.locator(`g.node[data-node='${node}']`).click();
      await swarm.locator("#sandbox-node-1-capacity").fill("200");
      await page.keyboard.press("Enter");
      await page.waitForFunction((n) => location.hash.includes(`;cap=${n}:200`), node);
    }
    await finishRun(page);
    const after = parseFloat(await p95());
    assert.ok(after < before / 3, `p95 ${after} ms with fast peers, ${before} ms before`);
    // Peer 3 becomes a client inside the swarm: it asks and answers no one.
    await swarm.locator("g.node[data-node='3']").click();
    await swarm.locator("#sandbox-node-1-role").selectOption("client");
    await page.waitForFunction(() => location.hash.includes(";client=3"));
    assert.equal(await swarm.locator("g.node.client[data-node='3']").count(), 1, "drawn as a client");
    await swarm.locator("g.node[data-node='4']").click();
    assert.equal(await swarm.locator("#sandbox-node-1-role").inputValue(), "peer");
    await swarm.locator("g.node[data-node='3']").click();
    assert.equal(await swarm.locator("#sandbox-node-1-role").inputValue(), "client", "the role shown is the node's");
    await finishRun(page);
    assert.equal(await swarm.locator("g.node[data-node='3'] text.badge").count(), 0, "it answered no one");
    assert.deepEqual(await axeViolations(page), []);
  }));
