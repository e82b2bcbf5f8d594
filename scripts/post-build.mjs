// Trunk's post-build hook, run on the staging folder before it becomes dist/.
//
// 1. Trunk writes the Wasm loader as an inline <script type="module">, which
//    a strict Content-Security-Policy (script-src 'self') refuses: move it
//    into a file of its own, named by a hash of its content, and have it
//    fetch the Wasm after the first paint, as bytes (see `afterFirstPaint`).
// 2. Release builds: minify the JavaScript (Trunk's own minifier gives up on
//    wasm-bindgen's glue) with terser, and rewrite the integrity hashes
//    index.html gives for the files that changed.
//
// 3. Write the lessons' words beside the app, and paint each route's page
//    into index.html (src/bin/content.rs): the Wasm fetches the words as
//    content/<slug>-<hash>.json, so it carries no text.
// 4. Write the service worker, sw.js (scripts/lib/service-worker.mjs), with
//    every file of this build and its hash: all it may keep for offline use.
// 5. Release builds: write the SCORM package, hub-and-mesh-scorm.zip, which
//    the teach page offers for download (scripts/scorm-package.mjs).
//
// Fails the build if no loader is found, if any inline script or style is
// left in index.html, or if the lessons' words cannot be written.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { minify } from "terser";
import { writeServiceWorker } from "./lib/service-worker.mjs";
import { SCORM_ZIP, buildPackage } from "./scorm-package.mjs";

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!dir) {
  console.error("post-build: set TRUNK_STAGING_DIR or pass the folder");
  process.exit(2);
}
const release = (process.env.TRUNK_PROFILE || "release") === "release";
const page = join(dir, "index.html");
let html = readFileSync(page, "utf8");

const inline = /<script type=("module"|module)>([\s\S]*?)<\/script>/;

// The Wasm is fetched once the page painted before it (assets/page.js)
// has been drawn, not preloaded beside the style sheet: on a slow line the
// reader gets words first, and the Wasm's bytes no longer hold up the first
// paint. Its integrity hash moves from the preload to the fetch.
function afterFirstPaint(code) {
  const tag = (html.match(/<link\b[^>]*>/g) ?? []).find((t) => /\brel="?preload\b/.test(t) && /\.wasm\b/.test(t));
  const integrity = tag && tag.match(/integrity=("?)(sha384-[A-Za-z0-9+/=]+)\1/);
  const wasm = /module_or_path:\s*(['"])([^'"]+\.wasm)\1/;
  if (!tag || !integrity || !wasm.test(code)) {
    console.error("post-build: Trunk's loader or the Wasm's preload is not as expected");
    process.exit(1);
  }
  html = html.replace(tag, "");
  // Handed over as bytes, not as a response. The integrity check holds
  // the response until every byte has arrived; from a response the browser
  // then reads the whole module into its decoder at once, on the page's
  // main thread (one long task); from bytes it decodes the module in the
  // background. What is given up: Chromium keeps compiled Wasm in its
  // cache only for a module compiled from a response, so a browser started
  // afresh compiles the functions it runs again, spread over the app's
  // first tasks (src/ui/app.rs, `Drawn`).
  const fetchWasm = `module_or_path: fetch(${JSON.stringify(code.match(wasm)[2])}, { integrity: ${JSON.stringify(integrity[2])} }).then((r) => r.arrayBuffer())`;
  return code.replace(wasm, fetchWasm).replace(/^((?:import[^;]*;\s*)+)/, "$1await window.hubAndMeshShown;\n");
}
const found = html.match(inline);
if (found) {
  const code = afterFirstPaint(found[2].trim()) + "\n";
  const name = `boot-${createHash("sha256").update(code).digest("hex").slice(0, 16)}.js`;
  writeFileSync(join(dir, name), code);
  html = html.replace(inline, `<script type=module src="./${name}"></script>`);
} else if (!/src="\.\/boot-[0-9a-f]{16}\.js"/.test(html)) {
  console.error("post-build: no inline module script found in index.html");
  process.exit(1);
}

if (release) {
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".js"))) {
    const path = join(dir, file);
    const source = readFileSync(path, "utf8");
    const out = await minify(source, { module: true, compress: true, mangle: true });
    if (typeof out.code !== "string") throw new Error(`post-build: terser gave nothing for ${file}`);
    writeFileSync(path, out.code);
    const integrity = "sha384-" + createHash("sha384").update(out.code).digest("base64");
    // Any tag naming this file with an integrity hash gets the new hash.
    html = html.replace(/<(?:link|script)\b[^>]*>/g, (tag) =>
      tag.includes(`./${file}`) ? tag.replace(/integrity=("?)sha384-[A-Za-z0-9+/=]+\1/, `integrity=$1${integrity}$1`) : tag,
    );
  }
}
writeFileSync(page, html);

const leftover = html.match(/<script(?![^>]*\bsrc=)[^>]*>|<style\b|\sstyle=/);
if (leftover) {
  console.error(`post-build: index.html still has inline code: ${leftover[0]}`);
  process.exit(1);
}

// A native build of the same sources names the same files as the Wasm:
// both come from build.rs reading content/ now.
const content = spawnSync("cargo", ["run", "--quiet", "--bin", "content", "--", dir], { stdio: "inherit" });
if (content.status !== 0) {
  console.error("post-build: could not write the lessons' words (cargo run --bin content)");
  process.exit(1);
}

await writeServiceWorker(dir, { minify: release });

// Release builds: the SCORM package beside the app, for the teach page to
// offer (a teacher needs no build tools). Last, so it holds every other
// file; it leaves out the service worker and itself.
if (release) {
  const zip = buildPackage(dir);
  writeFileSync(join(dir, SCORM_ZIP), zip);
}
