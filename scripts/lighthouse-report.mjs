// Prints Lighthouse's figures for the release build, mobile defaults (a
// slow phone on a slow network, simulated), on the home page and every
// lesson:
//   node scripts/lighthouse-report.mjs [dist]
// A report, not a test: the figures move from run to run and machine to
// machine, so none of them fails the command. Lighthouse failing to run
// does. Runs Debian's Chromium (CHROMIUM overrides), never a downloaded one.
//
// Each address is measured three times (LIGHTHOUSE_RUNS overrides) and the
// run Lighthouse's own `computeMedianRun` picks is shown (the one nearest
// the median first contentful paint and time to interactive), as its advice
// on variability has it: on this machine one run's total blocking time
// moves by a factor of two or more, and the first run in a fresh browser
// is the slowest. The TBT column adds the range over all the runs.
import { launch as launchChrome } from "chrome-launcher";
import lighthouse from "lighthouse";
import { computeMedianRun } from "lighthouse/core/lib/median-run.js";
import { join, resolve } from "node:path";
import { LESSONS } from "./scorm-package.mjs";
import { serveDir } from "../tests/e2e/harness.mjs";

const dist = resolve(process.argv[2] ?? join(import.meta.dirname, "..", "dist"));
const routes = ["#/", ...LESSONS.map(([slug]) => `#/lessons/${slug}`)];
const asked = process.env.LIGHTHOUSE_RUNS ?? "3";
const runs = Number(asked);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`LIGHTHOUSE_RUNS must be a whole number from 1, not ${JSON.stringify(asked)}`);
// As a static host would serve it: revalidated, not forbidden to cache.
const server = await serveDir(dist, { headers: { "cache-control": "no-cache" } });
const chrome = await launchChrome({
  chromePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});
const rows = [];
try {
  for (const route of routes) {
    const results = [];
    for (let run = 0; run < runs; run++) {
      const { lhr } = await lighthouse(`${server.url}${route}`, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
      });
      results.push(lhr);
    }
    // A figure Lighthouse could not take, in any run, fails the command;
    // its value never does.
    const check = (lhr, x, what) => {
      if (!Number.isFinite(x)) throw new Error(`Lighthouse gave no ${what} for ${route}${lhr.runtimeError ? `: ${lhr.runtimeError.message}` : ""}`);
      return x;
    };
    const tbts = results.map((lhr) => Math.round(check(lhr, lhr.audits["total-blocking-time"].numericValue, "total blocking time")));
    for (const lhr of results) check(lhr, lhr.audits.interactive.numericValue, "time to interactive");
    const m = computeMedianRun(results);
    const { categories: c, audits: a } = m;
    const score = (k) => String(Math.round(check(m, c[k].score, k) * 100));
    const ms = (k) => `${Math.round(check(m, a[k].numericValue, k))} ms`;
    const spread = runs > 1 ? ` (${Math.min(...tbts)}–${Math.max(...tbts)})` : "";
    rows.push([
      route,
      score("performance"),
      ms("first-contentful-paint"),
      ms("largest-contentful-paint"),
      `${ms("total-blocking-time")}${spread}`,
      check(m, a["cumulative-layout-shift"].numericValue, "layout shift").toFixed(3),
      ms("speed-index"),
      score("accessibility"),
      score("best-practices"),
      score("seo"),
    ]);
  }
} finally {
  await chrome.kill();
  await server.close();
}
const head = ["route", "perf", "FCP", "LCP", "TBT", "CLS", "SI", "a11y", "bp", "seo"];
const width = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => cells.map((cell, i) => (i === 0 ? cell.padEnd(width[i]) : cell.padStart(width[i]))).join("  ");
console.log(`Lighthouse, mobile defaults (simulated slow 4G and a 4x slower CPU): of ${runs} run${runs > 1 ? "s" : ""} an address, the median run (Lighthouse's computeMedianRun), TBT with its range; a report, not a pass/fail check`);
console.log(line(head));
for (const row of rows) console.log(line(row));
