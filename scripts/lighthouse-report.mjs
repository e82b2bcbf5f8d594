// Prints Lighthouse's figures for the release build, mobile defaults (a
// slow phone on a slow network, simulated), on the home page and every
// lesson:
//   node scripts/lighthouse-report.mjs [dist]
// A report, not a test: the figures move from run to run and machine to
// machine, so none of them fails the command. Lighthouse failing to run
// does. Runs Debian's Chromium (CHROMIUM overrides), never a downloaded one.
//
// Each address is measured three times (LIGHTHOUSE_RUNS overrides) and the
// run with the median performance score is shown, as Lighthouse's own
// advice on variability has it: on this machine one run's total blocking
// time moves by a factor of two or more, and the first run in a fresh
// browser is the slowest. The TBT column's range is that of all the runs.
import { launch as launchChrome } from "chrome-launcher";
import lighthouse from "lighthouse";
import { join, resolve } from "node:path";
import { LESSONS } from "./scorm-package.mjs";
import { serveDir } from "../tests/e2e/harness.mjs";

const dist = resolve(process.argv[2] ?? join(import.meta.dirname, "..", "dist"));
const routes = ["#/", ...LESSONS.map(([slug]) => `#/lessons/${slug}`)];
// As a static host would serve it: revalidated, not forbidden to cache.
const server = await serveDir(dist, { headers: { "cache-control": "no-cache" } });
const chrome = await launchChrome({
  chromePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});
const runs = Math.max(1, Number.parseInt(process.env.LIGHTHOUSE_RUNS ?? "3", 10) || 3);
const rows = [];
try {
  for (const route of routes) {
    const measured = [];
    for (let run = 0; run < runs; run++) {
      const result = await lighthouse(`${server.url}${route}`, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
      });
      const { categories: c, audits: a, runtimeError } = result.lhr;
      // A figure Lighthouse could not take fails the command; its value never does.
      const check = (x, what) => {
        if (!Number.isFinite(x)) throw new Error(`Lighthouse gave no ${what} for ${route}${runtimeError ? `: ${runtimeError.message}` : ""}`);
        return x;
      };
      const score = (k) => Math.round(check(c[k].score, k) * 100);
      const ms = (k) => Math.round(check(a[k].numericValue, k));
      measured.push({
        perf: score("performance"),
        fcp: ms("first-contentful-paint"),
        lcp: ms("largest-contentful-paint"),
        tbt: ms("total-blocking-time"),
        cls: check(a["cumulative-layout-shift"].numericValue, "layout shift"),
        si: ms("speed-index"),
        a11y: score("accessibility"),
        bp: score("best-practices"),
        seo: score("seo"),
      });
    }
    const byScore = [...measured].sort((x, y) => x.perf - y.perf || y.tbt - x.tbt);
    const m = byScore[(byScore.length - 1) >> 1];
    const tbts = measured.map((r) => r.tbt);
    const spread = runs > 1 ? ` (${Math.min(...tbts)}–${Math.max(...tbts)})` : "";
    rows.push([
      route,
      String(m.perf),
      `${m.fcp} ms`,
      `${m.lcp} ms`,
      `${m.tbt} ms${spread}`,
      m.cls.toFixed(3),
      `${m.si} ms`,
      String(m.a11y),
      String(m.bp),
      String(m.seo),
    ]);
  }
} finally {
  await chrome.kill();
  await server.close();
}
const head = ["route", "perf", "FCP", "LCP", "TBT", "CLS", "SI", "a11y", "bp", "seo"];
const width = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => cells.map((cell, i) => (i === 0 ? cell.padEnd(width[i]) : cell.padStart(width[i]))).join("  ");
console.log(`Lighthouse, mobile defaults (simulated slow 4G and a 4x slower CPU), the median of ${runs} run${runs > 1 ? "s" : ""}; a report, not a pass/fail check`);
console.log(line(head));
for (const row of rows) console.log(line(row));
