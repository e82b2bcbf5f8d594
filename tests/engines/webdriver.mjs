// A W3C WebDriver client in a few lines (Node's fetch), and the drivers of
// the two engines besides Chromium: geckodriver for Firefox ESR, and
// WebKitWebDriver for WebKitGTK's MiniBrowser under a virtual display.
import { spawn } from "node:child_process";
import { createServer } from "node:net";

export const MINIBROWSER = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";

export const ENGINES = {
  firefox: {
    command: (port) => ["geckodriver", ["--port", String(port), "--log", "error"]],
    capabilities: {
      browserName: "firefox",
      "moz:firefoxOptions": { binary: process.env.FIREFOX ?? "/usr/bin/firefox-esr", args: ["-headless"] },
    },
  },
  webkit: {
    // MiniBrowser needs a display: a virtual one, from xvfb-run.
    command: (port) => ["xvfb-run", ["-a", "WebKitWebDriver", `--port=${port}`]],
    capabilities: { "webkitgtk:browserOptions": { binary: MINIBROWSER, args: ["--automation"] } },
  },
};

const freePort = () =>
  new Promise((ok, fail) => {
    const probe = createServer();
    probe.on("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => ok(port));
    });
  });

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

/** Starts an engine's driver and a session in it. */
export async function startSession(name) {
  const engine = ENGINES[name];
  const port = await freePort();
  const [command, args] = engine.command(port);
  const child = spawn(command, args, { stdio: ["ignore", "ignore", "pipe"], detached: true });
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i += 1) {
    try {
      const status = await (await fetch(`${base}/status`)).json();
      if (status.value?.ready !== false) break;
    } catch {
      // Not listening yet.
    }
    if (i > 100 || child.exitCode !== null) throw new Error(`${name}: the driver did not start: ${stderr}`);
    await sleep(100);
  }
  const session = new Session(base, child);
  await session.open(engine.capabilities);
  return session;
}

export class Session {
  constructor(base, child) {
    this.base = base;
    this.child = child;
  }

  async call(method, path, body) {
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const answer = await response.json();
    if (answer.value?.error) throw new Error(`${method} ${path}: ${answer.value.error}: ${answer.value.message}`);
    return answer.value;
  }

  async open(capabilities) {
    const value = await this.call("POST", "/session", { capabilities: { alwaysMatch: capabilities } });
    this.id = value.sessionId;
    this.browser = `${value.capabilities.browserName} ${value.capabilities.browserVersion}`;
  }

  go(url) {
    return this.call("POST", `/session/${this.id}/url`, { url });
  }

  /** Runs `script` (a function body; its arguments are `arguments`) in the page. */
  run(script, ...args) {
    return this.call("POST", `/session/${this.id}/execute/sync`, { script, args });
  }

  /** Waits until `script` returns something truthy, and returns it. */
  async until(script, what, timeout = 20000) {
    const end = Date.now() + timeout;
    for (;;) {
      const value = await this.run(script).catch(() => null);
      if (value) return value;
      if (Date.now() > end) throw new Error(`${this.browser}: timed out waiting for ${what}`);
      await sleep(100);
    }
  }

  async close() {
    await this.call("DELETE", `/session/${this.id}`).catch(() => {});
    try {
      // The driver and what it started (xvfb-run's display, the browser).
      process.kill(-this.child.pid);
    } catch {
      // Already gone.
    }
  }
}
