// Prints the bytes of the built app, raw and gzipped, one line per kind of
// file, and fails when any line, or dist/ as a whole, is over its budget.
//   node scripts/bundle-report.mjs [dist]
//
// The budgets are gzipped bytes. A change that needs more says so, with
// the reason, in its issue's note: no budget is raised silently.
import { existsSync, readFileSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { TEACH_FILES, siteFiles } from "./lib/files.mjs";

const dist = process.argv.slice(2).find((a) => !a.startsWith("--")) ?? "dist";

// Each kind of file, the test that sorts a file into it, and its budget.
// The app is what every visit needs before it can run: the Wasm, its JS
// glue, the styles and the page.
export const KINDS = [
  { kind: "scorm package", budget: 400_000, test: (p) => extname(p) === ".zip" },
  { kind: "service worker", budget: 10_000, test: (p) => /^(sw|service-worker)[.-]/.test(basename(p)) },
  { kind: "content", budget: 100_000, test: (p) => p.split("/")[0] === "content" || [".json", ".txt"].includes(extname(p)) },
  { kind: "icons", budget: 20_000, test: (p) => [".svg", ".png", ".ico", ".webmanifest"].includes(extname(p)) },
  // The teach page, a page of its own (src/page/teach.rs, assets/teach.js):
  // teachers load it, learners never do, so it is not the app's.
  { kind: "teach page", budget: 20_000, test: (p) => TEACH_FILES.includes(p) },
  // 300,000 until the lessons' rewrite (issue 13) added a glossary, a
  // mathematics box and per-option feedback to every lesson: about 25 KB
  // of text, compiled into the Wasm. 310,000 until the experiment view
  // (issue 14) drew a key per view, crowds as pictures and readouts with
  // their windows (about 3 KB, after writing the new drawing as markup).
  // 315,000 until issue 15 put three more simulators in the page (a Chord
  // ring with stabilisation and churn, BitTorrent's choking, arrivals and
  // a tracker that fails) behind three sandbox workloads: 313,607 bytes
  // before, 332,819 after.
  // 335,000 until the lessons' words moved out of the Wasm into "content"
  // (dist/content/*.json, fetched when a lesson opens): 333,211 bytes
  // before, 303,207 after.
  // 310,000 until issue 16 set 300,000: the Wasm reads numbers with the
  // browser's parser (src/number.rs, 13,666 bytes less), which paid for
  // the pages painted into index.html before the Wasm loads (the home page
  // and every lesson's, about 8 KB) and the script that shows them and
  // registers the service worker; wasm-opt's memory assumptions (see
  // index.html) took off 1,250 bytes more. 298,842 bytes when set.
  { kind: "app", budget: 300_000, test: (p) => [".wasm", ".js", ".css", ".html"].includes(extname(p)) },
  { kind: "other", budget: 10_000, test: () => true },
];
// Everything a visit may fetch: dist/ without the package teachers download.
const SITE_BUDGET = 450_000;


const lines = new Map(KINDS.map((k) => [k.kind, { ...k, raw: 0, gzip: 0, files: 0, names: [] }]));
let hasWasm = false;
for (const rel of siteFiles(dist)) {
  const path = join(dist, rel);
  const line = lines.get(KINDS.find((k) => k.test(rel)).kind);
  const body = readFileSync(path);
  line.raw += body.length;
  line.gzip += gzipSync(body, { level: 9 }).length;
  line.files += 1;
  line.names.push(rel);
  hasWasm ||= extname(rel) === ".wasm";
}

const fmt = (n) => n.toLocaleString("en-GB").padStart(10);
const pct = (used, of) => `${((100 * used) / of).toFixed(1)}%`.padStart(7);
console.log(`bundle report for ${dist}/ (bytes; budgets are gzipped)`);
console.log(`${"kind".padEnd(15)} ${"files".padStart(5)} ${"raw".padStart(10)} ${"gzipped".padStart(10)} ${"budget".padStart(10)} ${"used".padStart(7)}`);
const over = [];
let site = 0;
for (const line of lines.values()) {
  console.log(`${line.kind.padEnd(15)} ${String(line.files).padStart(5)} ${fmt(line.raw)} ${fmt(line.gzip)} ${fmt(line.budget)} ${pct(line.gzip, line.budget)}`);
  if (line.gzip > line.budget) over.push(`${line.kind} is ${line.gzip} bytes gzipped, over its ${line.budget}-byte budget (${line.names.join(", ")})`);
  if (line.kind !== "scorm package") site += line.gzip;
}
console.log(`${"dist/ less scorm".padEnd(15)} ${"".padStart(5)} ${"".padStart(10)} ${fmt(site)} ${fmt(SITE_BUDGET)} ${pct(site, SITE_BUDGET)}`);
if (site > SITE_BUDGET) over.push(`dist/ without the SCORM package is ${site} bytes gzipped, over its ${SITE_BUDGET}-byte budget`);
if (!hasWasm) over.push("no .wasm file in the build");
// core's float formatter costs 7.5 KB gzipped and comes back with any
// `{}`, `{:.1}` or `{:?}` of an f64 (or an f64 `clamp` with bounds it cannot
// see): the Wasm before wasm-bindgen still has its function names.
const named = join(process.env.CARGO_TARGET_DIR ?? "target", "wasm32-unknown-unknown/release/hub-and-mesh.wasm");
if (!existsSync(named)) {
  console.log(`note: ${named} not found, so the check for core's float formatter was skipped`);
} else if (readFileSync(named).includes("flt2dec")) {
  over.push(`core's float formatter is in ${named}: write numbers with src/decimal.rs (fixed, shortest)`);
}
for (const why of over) console.error(`error: ${why}`);
if (over.length > 0) process.exit(1);
