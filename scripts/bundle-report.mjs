// Prints the bytes of the built app (wasm, js, css and the rest), raw and
// gzipped, and fails when the gzipped total is over the budget.
//   node scripts/bundle-report.mjs [dist] [--budget-kb 250]
import { readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import { gzipSync } from "node:zlib";

const args = process.argv.slice(2);
const dist = args.find((a) => !a.startsWith("--")) ?? "dist";
const budgetIndex = args.indexOf("--budget-kb");
const budgetKb = budgetIndex >= 0 ? Number(args[budgetIndex + 1]) : 250;
const budget = budgetKb * 1000;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

const groups = new Map();
for (const path of files(dist)) {
  const kind = { ".wasm": "wasm", ".js": "js", ".css": "css", ".html": "html" }[extname(path)] ?? "other";
  const body = readFileSync(path);
  const g = groups.get(kind) ?? { raw: 0, gzip: 0, files: 0 };
  g.raw += body.length;
  g.gzip += gzipSync(body, { level: 9 }).length;
  g.files += 1;
  groups.set(kind, g);
}

const fmt = (n) => n.toLocaleString("en-GB").padStart(10);
console.log(`bundle report for ${dist}/ (bytes)`);
console.log(`${"kind".padEnd(6)} ${"files".padStart(5)} ${"raw".padStart(10)} ${"gzipped".padStart(10)}`);
let raw = 0;
let gzip = 0;
for (const kind of ["wasm", "js", "css", "html", "other"]) {
  const g = groups.get(kind);
  if (!g) continue;
  raw += g.raw;
  gzip += g.gzip;
  console.log(`${kind.padEnd(6)} ${String(g.files).padStart(5)} ${fmt(g.raw)} ${fmt(g.gzip)}`);
}
console.log(`${"total".padEnd(6)} ${"".padStart(5)} ${fmt(raw)} ${fmt(gzip)}`);
console.log(`budget: ${fmt(budget).trim()} bytes gzipped; used ${((100 * gzip) / budget).toFixed(1)}%`);
if (!groups.has("wasm")) {
  console.error("error: no .wasm file in the build");
  process.exit(1);
}
if (gzip > budget) {
  console.error(`error: the bundle is ${gzip} bytes gzipped, over the ${budget}-byte budget`);
  process.exit(1);
}
