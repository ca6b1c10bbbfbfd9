// make bench-peer, their side: TimelineJS in headless Chromium on the events
// `atlas gen` generated for our side, served from 127.0.0.1. For each event
// count it measures the load to the first frame (navigation start until the
// frame after TimelineJS reported "loaded" has been painted) and zoom steps
// (zoomIn/zoomOut until the frame showing them has been painted), and writes
// one JSON object that `atlas bench --peer` puts beside our figures.
//
//	node timelinejs.mjs --dir DIR --modules NODE_MODULES --chromium /usr/bin/chromium [--loads 5] [--steps 50]
//
// DIR holds events-N.jsonl (atlas events); the result goes to DIR/theirs.json.
// Nothing leaves the machine: every request not to 127.0.0.1 is aborted and
// counted.
import { createServer } from "node:http";
import { readFileSync, readdirSync, writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { join, extname, normalize } from "node:path";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";

const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith("--") ? [...acc, [a.slice(2), all[i + 1]]] : acc), []),
);
const dir = args.dir;
const modules = args.modules;
const chromiumPath = args.chromium || "/usr/bin/chromium";
const loads = Number(args.loads || 5);
const steps = Number(args.steps || 50);
if (!dir || !modules) {
  console.error("usage: node timelinejs.mjs --dir DIR --modules NODE_MODULES [--chromium PATH] [--loads N] [--steps N]");
  process.exit(2);
}
const require = createRequire(join(modules, "noop.js"));
const { chromium } = require("playwright-core");
const tlDist = join(modules, "@knight-lab", "timelinejs", "dist");
const tlVersion = JSON.parse(readFileSync(join(modules, "@knight-lab", "timelinejs", "package.json"), "utf8")).version;
const pwVersion = JSON.parse(readFileSync(join(modules, "playwright-core", "package.json"), "utf8")).version;

// Our events as TimelineJS slides: the day (or month, year) an event starts
// and ends at its precision, its title as the headline, and its place, kind
// and first source sentence as the text, as our excerpt pane shows them.
function slides(jsonl) {
  const events = [];
  for (const line of jsonl.split("\n")) {
    if (!line.trim()) continue;
    const e = JSON.parse(line);
    if (!e.start) continue; // undated: neither timeline draws it
    const date = (s) => {
      const [year, month, day] = s.split("-");
      const d = { year };
      if (e.precision !== "year") d.month = String(Number(month));
      if (e.precision === "day") d.day = String(Number(day));
      return d;
    };
    const src = (e.sources && e.sources[0] && e.sources[0].text) || "";
    const ev = {
      start_date: date(e.start),
      text: { headline: e.title, text: `<p>${e.kind}${e.place ? " · " + e.place.name : ""}</p><p>${src}</p>` },
      unique_id: e.id.replace(/[^a-zA-Z0-9_-]/g, "-"),
    };
    if (e.end && e.end !== e.start && e.precision === "day") ev.end_date = date(e.end);
    events.push(ev);
  }
  return { events };
}

const counts = readdirSync(dir)
  .map((f) => /^events-(\d+)\.jsonl$/.exec(f))
  .filter(Boolean)
  .map((m) => Number(m[1]))
  .sort((a, b) => a - b);
if (counts.length === 0) {
  console.error(`timelinejs: no events-N.jsonl in ${dir}`);
  process.exit(1);
}
const data = {};
for (const n of counts) data[n] = JSON.stringify(slides(readFileSync(join(dir, `events-${n}.jsonl`), "utf8")));

// The page: TimelineJS's own files, the data as a script, and a probe that
// records when the first frame after "loaded" was painted.
const page = (n) => `<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="/tl/css/timeline.css">
<style>html,body{margin:0;height:100%}#tl{width:100%;height:100%}</style>
<script src="/tl/js/timeline.js" id="timeline-script-tag"></script>
<script src="/data/${n}.js"></script></head><body><div id="tl"></div><script>
// After the frame that shows the work has been painted: the next animation
// frame's callback runs before painting, a message posted from it runs after.
window.painted = () => new Promise((r) => requestAnimationFrame(() => { const c = new MessageChannel(); c.port1.onmessage = () => r(performance.now()); c.port2.postMessage(0); }));
window.probe = { loaded: null, frame: null, error: null };
try {
  window.tl = new TL.Timeline("tl", window.DATA, { script_path: location.origin + "/tl/js/", hash_bookmark: false });
  window.tl.on("loaded", () => { window.probe.loaded = performance.now(); window.painted().then((t) => { window.probe.frame = t; }); });
} catch (e) { window.probe.error = String(e); }
</script></body></html>`;

const types = { ".js": "text/javascript", ".css": "text/css", ".json": "application/json", ".html": "text/html", ".svg": "image/svg+xml", ".woff": "font/woff", ".woff2": "font/woff2", ".ttf": "font/ttf", ".png": "image/png" };
const server = createServer((req, res) => {
  const url = new URL(req.url, "http://127.0.0.1");
  let m;
  if ((m = /^\/page\/(\d+)$/.exec(url.pathname)) && data[m[1]]) {
    res.writeHead(200, { "content-type": "text/html" });
    return res.end(page(m[1]));
  }
  if ((m = /^\/data\/(\d+)\.js$/.exec(url.pathname)) && data[m[1]]) {
    res.writeHead(200, { "content-type": "text/javascript" });
    return res.end(`window.DATA=${data[m[1]]};`);
  }
  if (url.pathname.startsWith("/tl/")) {
    const p = normalize(join(tlDist, url.pathname.slice(4)));
    if (p.startsWith(tlDist)) {
      try {
        const body = readFileSync(p);
        res.writeHead(200, { "content-type": types[extname(p)] || "application/octet-stream" });
        return res.end(body);
      } catch {}
    }
  }
  res.writeHead(404);
  res.end();
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const origin = `http://127.0.0.1:${server.address().port}`;

// Chromium as root needs no sandbox; without the background-networking
// switches it tries to reach Google and the machine refuses it.
const profile = mkdtempSync(join(tmpdir(), "atlas-peer-chromium-"));
// Playwright takes the fresh profile as a persistent context's folder (it
// refuses --user-data-dir among the switches).
const context = await chromium.launchPersistentContext(profile, {
  executablePath: chromiumPath,
  headless: true,
  viewport: { width: 1280, height: 800 },
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
});
const blocked = new Set();
await context.route("**/*", (route) => {
  const u = new URL(route.request().url());
  if (u.hostname === "127.0.0.1") return route.continue();
  blocked.add(u.origin + u.pathname);
  return route.abort();
});

const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => sorted(xs)[Math.floor(xs.length / 2)];
const p95 = (xs) => sorted(xs)[Math.max(0, Math.ceil(0.95 * xs.length) - 1)];
const round = (x) => Math.round(x * 10) / 10;

const out = { tool: `TimelineJS ${tlVersion}`, browser: "", driver: `playwright-core ${pwVersion}`, counts: {} };
out.browser = `Chromium ${context.browser() ? context.browser().version() : ""}`.trim();
for (const n of counts) {
  const firsts = [];
  let markers = 0;
  let zooms = [];
  let error = "";
  // At 10,000 events a load takes half a minute and a zoom step seconds:
  // after a minute, three loads and ten steps are enough.
  const began = Date.now();
  for (let i = 0; i < loads; i++) {
    const last = i === loads - 1 || (i >= 2 && Date.now() - began > 60000);
    const pg = await context.newPage();
    try {
      await pg.goto(`${origin}/page/${n}`, { waitUntil: "commit", timeout: 120000 });
      await pg.waitForFunction(() => window.probe && (window.probe.frame !== null || window.probe.error !== null), null, { timeout: 120000, polling: 50 });
      const probe = await pg.evaluate(() => window.probe);
      if (probe.error) throw new Error(probe.error);
      firsts.push(probe.frame);
      markers = await pg.evaluate(() => document.querySelectorAll(".tl-timemarker").length);
      if (last) {
        // What the user saw, to look at (not timed).
        await pg.screenshot({ path: join(dir, `timelinejs-${n}.png`) });
        // Zoom steps on the last load: five in, five out, as our zoom keys.
        zooms = await pg.evaluate(async (steps) => {
          const ds = [];
          const began = performance.now();
          for (let s = 0; s < steps && (s < 10 || performance.now() - began < 60000); s++) {
            const t = performance.now();
            if (Math.floor(s / 5) % 2 === 0) window.tl.zoomIn(); else window.tl.zoomOut();
            ds.push((await window.painted()) - t);
          }
          return ds;
        }, steps);
      }
    } catch (e) {
      error = String(e.message || e).split("\n")[0];
    }
    await pg.close();
    if (error || last) break;
  }
  const r = { events: n, loads: firsts.length, markers };
  if (firsts.length) Object.assign(r, { first_frame_ms: round(median(firsts)), first_frame_all_ms: firsts.map(round) });
  if (zooms.length) Object.assign(r, { zoom_ms_median: round(median(zooms)), zoom_ms_p95: round(p95(zooms)), zoom_steps: zooms.length });
  if (error) r.error = error;
  out.counts[n] = r;
  console.error(`timelinejs: ${n} events: first frame ${r.first_frame_ms ?? "-"} ms, zoom ${r.zoom_ms_median ?? "-"}/${r.zoom_ms_p95 ?? "-"} ms${error ? " — " + error : ""}`);
}
out.blocked = [...blocked].sort();
await context.close();
server.close();
rmSync(profile, { recursive: true, force: true });
writeFileSync(join(dir, "theirs.json"), JSON.stringify(out, null, 2) + "\n");
