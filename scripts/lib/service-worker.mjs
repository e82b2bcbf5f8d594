// Writes a build's service worker, <dir>/sw.js, from scripts/lib/sw.js:
// the build's key and every file it may keep, each with the first 16 hex
// digits of its SHA-256. Run by scripts/post-build.mjs as the build's last
// step; the offline tests run it on a changed copy of dist/ to stand for
// the next deploy.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { minify as terser } from "terser";
import { TEACH_FILES, siteFiles } from "./files.mjs";

export const WORKER = "sw.js";

/** Every file the worker keeps, by name, with its hash; and the build's key. */
export function precacheList(dir) {
  const kept = {};
  for (const name of siteFiles(dir)) {
    // Not itself, nor what only teachers open (the teach page, the SCORM
    // package): learners' devices keep only what learners use.
    if (name === WORKER || TEACH_FILES.includes(name) || name.endsWith(".zip")) continue;
    kept[name] = createHash("sha256").update(readFileSync(join(dir, name))).digest("hex").slice(0, 16);
  }
  const build = createHash("sha256").update(JSON.stringify(kept)).digest("hex").slice(0, 16);
  return { build, files: kept };
}

export async function writeServiceWorker(dir, { minify = true } = {}) {
  const { build, files: kept } = precacheList(dir);
  let worker = readFileSync(new URL("./sw.js", import.meta.url), "utf8")
    .replace("__BUILD__", build)
    .replace("__FILES__", JSON.stringify(kept));
  if (minify) {
    const out = await terser(worker, { compress: true, mangle: true });
    if (typeof out.code !== "string") throw new Error("post-build: terser gave nothing for sw.js");
    worker = out.code;
  }
  writeFileSync(join(dir, WORKER), worker);
  return { build, files: kept };
}
