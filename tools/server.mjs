// The project's web server: serves the built dist/ on 127.0.0.1 like a static host would (for
// `make serve`, the end-to-end tests and the benchmark), plus the test feeds under /fixtures/
// (from tests/fixtures/), and the misbehaviour tests ask for:
//   /status/<code>          answers with that HTTP status;
//   state.broken.add(path)  makes that path answer 503 until it is deleted again;
//   state.headers           extra headers on every response (a CSP, say);
//   state.requests          every path asked for, in order;
//   state.routes            path -> (req, res) handler, answering (or not) as a test needs;
//   hold(state, test)       holds every request whose path passes `test` until `release()`:
//                           `requested` resolves at the first one (the moment it was asked for);
//   /pages/<file>           test host pages from tests/e2e/pages/, with %FEED_ORIGIN% replaced
//                           by state.vars.FEED_ORIGIN (a second server, for cross-origin feeds).
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const ROOT = resolve(import.meta.dirname, "..");
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".csv": "text/csv; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
};

/** Resolves `path` under `base`, refusing anything that climbs out of it. */
function inside(base, path) {
  const full = normalize(join(base, decodeURIComponent(path)));
  return full.startsWith(base) ? full : null;
}

/** Compressed bodies, by path and encoding, made once (the benchmark serves what a real host
 * would: brotli or gzip, as the browser asks). */
const compressed = new Map();
function encode(path, body, accept) {
  const encoding = /\bbr\b/.test(accept) ? "br" : /\bgzip\b/.test(accept) ? "gzip" : null;
  if (!encoding || body.length < 256) return { body, encoding: null };
  const key = `${encoding} ${path}`;
  if (!compressed.has(key)) {
    compressed.set(key, encoding === "br" ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }) : gzipSync(body, { level: 9 }));
  }
  return { body: compressed.get(key), encoding };
}

/** Holds the requests for the paths `test` accepts until `release()` (or, with `fail: true`,
 * answers them 503 when released). `asked`: the paths asked for; `requested`: a promise of the
 * first. */
export function hold(state, test, { fail = false } = {}) {
  let release, first;
  const gate = new Promise((ok) => (release = ok));
  const held = { test, gate, fail, asked: [], requested: new Promise((ok) => (first = ok)) };
  held.arrived = (path) => {
    held.asked.push(path);
    first(path);
  };
  held.release = () => {
    if (state.held.includes(held)) state.held.splice(state.held.indexOf(held), 1);
    release();
  };
  state.held.push(held);
  return held;
}

/** `compress`: answer files compressed; `mounts`: URL prefix -> folder, served like dist/;
 * `port`: 0 for any free one. */
export async function startServer({ dist = join(ROOT, "dist"), compress = false, mounts = {}, port = 0 } = {}) {
  const state = { headers: {}, broken: new Set(), requests: [], vars: {}, routes: new Map(), held: [] };
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    state.requests.push(url.pathname + url.search);
    const send = (status, body, type = "text/plain; charset=utf-8", extra = {}) => {
      res.writeHead(status, { "content-type": type, "cache-control": "no-store", ...state.headers, ...extra });
      res.end(body);
    };
    const held = state.held.find((h) => h.test(url.pathname));
    if (held) {
      held.arrived(url.pathname);
      await held.gate;
      if (held.fail) return send(503, "held, then failed");
    }
    const route = state.routes.get(url.pathname);
    if (route) return route(req, res);
    const status = url.pathname.match(/^\/status\/(\d{3})$/);
    if (status) return send(Number(status[1]), `status ${status[1]}`);
    let file;
    if (url.pathname.startsWith("/pages/")) {
      file = inside(join(ROOT, "tests/e2e/pages"), url.pathname.slice("/pages/".length));
      if (file?.endsWith(".html")) {
        try {
          const page = (await readFile(file, "utf8")).replaceAll("%FEED_ORIGIN%", state.vars.FEED_ORIGIN ?? "");
          return send(200, page, TYPES[".html"]);
        } catch {
          return send(404, "not found");
        }
      }
    } else if (url.pathname.startsWith("/fixtures/")) {
      file = inside(join(ROOT, "tests/fixtures"), url.pathname.slice("/fixtures/".length));
    } else if (Object.keys(mounts).some((m) => url.pathname.startsWith(m))) {
      const prefix = Object.keys(mounts).find((m) => url.pathname.startsWith(m));
      file = inside(resolve(ROOT, mounts[prefix]), url.pathname.slice(prefix.length));
    } else {
      file = inside(dist, url.pathname === "/" ? "index.html" : url.pathname.slice(1));
    }
    if (file && state.broken.has(url.pathname)) return send(503, "temporarily broken");
    try {
      if (!file || !(await stat(file)).isFile()) throw new Error("not a file");
      const raw = await readFile(file);
      const { body, encoding } = compress ? encode(file, raw, req.headers["accept-encoding"] ?? "") : { body: raw, encoding: null };
      send(200, body, TYPES[extname(file)] ?? "application/octet-stream", encoding ? { "content-encoding": encoding, vary: "accept-encoding" } : {});
    } catch {
      send(404, "not found");
    }
  });
  await new Promise((ok, fail) => server.once("error", fail).listen(port, "127.0.0.1", ok));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    state,
    close: () => new Promise((ok) => server.close(ok)),
  };
}
