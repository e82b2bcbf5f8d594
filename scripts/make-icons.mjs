// Draws the installed app's icons, assets/icon-192.png and icon-512.png,
// from assets/icon.svg (a square, "maskable": the picture keeps inside the
// middle 80%, so any launcher's mask leaves it whole), and the tab's icon,
// assets/favicon.png, from assets/favicon.svg (a PNG: Chromium draws an SVG
// favicon in a document of its own, a long task on a slow phone). Run after
// changing either SVG:   node scripts/make-icons.mjs
// Uses Debian's Chromium, as the tests do.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";

const assets = join(import.meta.dirname, "..", "assets");
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium" });
try {
  for (const [from, size, to] of [["icon.svg", 192, "icon-192.png"], ["icon.svg", 512, "icon-512.png"], ["favicon.svg", 32, "favicon.png"]]) {
    const svg = readFileSync(join(assets, from), "utf8");
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(`<style>html,body{margin:0}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`);
    await page.screenshot({ path: join(assets, to), omitBackground: from === "favicon.svg" });
    await page.close();
  }
} finally {
  await browser.close();
}
