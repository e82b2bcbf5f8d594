// Builds a SCORM 1.2 package from a built app:
//   node scripts/scorm-package.mjs [dist] [hub-and-mesh-scorm.zip]
// A release build writes one into dist/ itself (scripts/post-build.mjs).
// The zip holds the app's files and an imsmanifest.xml that lists each
// lesson as a SCO launched at index.html#/embed/lessons/<slug>; the app
// finds the LMS's API (window.API in a frame above) and reports completion
// and the quiz score. scripts/package-scorm.sh builds the app first.
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { unzipSync, zipSync } from "fflate";
import { TEACH_FILES, siteFiles } from "./lib/files.mjs";

// The lessons in course order, as src/lessons names them (a native test,
// tests/scorm_lessons.rs, keeps this list in step with the app).
export const LESSONS = [
  ["role", "Roles"],
  ["focus", "Focus"],
  ["data", "Data"],
  ["service", "Service"],
  ["cost", "Cost"],
  ["stability", "Stability"],
  ["network-size", "Network size"],
  ["scalability", "Scalability"],
  ["hybrid", "An index or tracker, with peer-to-peer transfer"],
  ["dht", "A distributed index"],
  ["incentives", "Free riders and tit-for-tat"],
];

/** The package's name in a release build's dist/, as the teach page links it. */
export const SCORM_ZIP = "hub-and-mesh-scorm.zip";

const xml = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");


export function manifest(files) {
  const items = LESSONS.map(
    ([slug, title], i) =>
      `      <item identifier="item-${slug}" identifierref="sco-${slug}" isvisible="true">\n` +
      `        <title>${i + 1}. ${xml(title)}</title>\n      </item>`,
  ).join("\n");
  const scos = LESSONS.map(
    ([slug]) =>
      `    <resource identifier="sco-${slug}" type="webcontent" adlcp:scormtype="sco" href="index.html#/embed/lessons/${slug}">\n` +
      `      <file href="index.html"/>\n      <dependency identifierref="app"/>\n    </resource>`,
  ).join("\n");
  const fileList = files.map((f) => `      <file href="${xml(f)}"/>`).join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="hub-and-mesh" version="1"
    xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="hub-and-mesh-lessons">
    <organization identifier="hub-and-mesh-lessons">
      <title>Hub &amp; Mesh: client-server and peer-to-peer networks</title>
${items}
    </organization>
  </organizations>
  <resources>
${scos}
    <resource identifier="app" type="webcontent" adlcp:scormtype="asset">
${fileList}
    </resource>
  </resources>
</manifest>
`;
}

export function buildPackage(dist) {
  const root = resolve(dist);
  // No service worker: inside an LMS the LMS decides what is kept, and the
  // app never registers one there (assets/page.js). No package inside the
  // package (a release build's dist/ holds one), and no teach page: an LMS
  // launches lessons.
  const files = siteFiles(root).filter((f) => f !== "sw.js" && !TEACH_FILES.includes(f) && !f.endsWith(".zip"));
  if (!files.includes("index.html")) throw new Error(`${dist} has no index.html: build the app first`);
  // A fixed date keeps the zip byte for byte the same for the same files.
  const options = { level: 9, mtime: new Date(Date.UTC(2026, 0, 1)) };
  const entries = { "imsmanifest.xml": [new TextEncoder().encode(manifest(files)), options] };
  for (const f of files) entries[f] = [new Uint8Array(readFileSync(join(root, f))), options];
  // Opened on its own (a teacher's preview), the package's page must not
  // ask for the service worker it leaves out (assets/page.js).
  const unregistered = "<html data-no-service-worker";
  const page = readFileSync(join(root, "index.html"), "utf8").replace("<html", unregistered);
  entries["index.html"] = [new TextEncoder().encode(page), options];
  return Buffer.from(zipSync(entries));
}

/** A zip's files by name: what an LMS would unpack. */
export function readZip(bytes) {
  return new Map(Object.entries(unzipSync(new Uint8Array(bytes))).map(([name, data]) => [name, Buffer.from(data)]));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [dist = "dist", out = SCORM_ZIP] = process.argv.slice(2);
  try {
    const zip = buildPackage(dist);
    writeFileSync(out, zip);
    console.log(`wrote ${out} (${zip.length} bytes): ${LESSONS.length} lessons as SCORM 1.2 SCOs`);
  } catch (e) {
    console.error(`error: ${e.message}`);
    process.exit(2);
  }
}
