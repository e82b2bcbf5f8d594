// The files of a built site, as names relative to its folder with "/"
// between folders, sorted: what the bundle report weighs, the SCORM
// package packs and the service worker keeps.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** The teach page's files: teachers open them, learners never do. */
export const TEACH_FILES = ["teach.html", "teach.js", "teach.css"];

export function siteFiles(root, folder = "") {
  const out = [];
  for (const name of readdirSync(join(root, folder)).sort()) {
    const rel = folder ? `${folder}/${name}` : name;
    if (statSync(join(root, rel)).isDirectory()) out.push(...siteFiles(root, rel));
    else out.push(rel);
  }
  return out;
}
