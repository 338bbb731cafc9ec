// dist/ is what webmasters copy to their sites, so it must hold the release build and nothing
// of a development server (trunk serve's autoreload script would make every visitor's browser
// try ws://{{__trunk_address__}}), and the page must name only files that are there.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";

const DIST = resolve(import.meta.dirname, "../../dist");

test("dist/ holds no trace of a development server, and every file its pages name", () => {
  const files = readdirSync(DIST, { recursive: true }).filter((f) => !f.startsWith(".stage"));
  assert.ok(files.some((f) => f.endsWith("_bg.wasm")), "a wasm");
  for (const file of files) {
    const path = join(DIST, file);
    if (!existsSync(path) || !/\.(html|js|css|json|wasm)$/.test(file)) continue;
    const text = readFileSync(path, "latin1");
    for (const trace of ["__trunk_address__", "autoreload", "ws://", "data-trunk"]) {
      assert.ok(!text.includes(trace), `${file} contains ${trace}`);
    }
  }
  for (const page of files.filter((f) => f.endsWith(".html"))) {
    const html = readFileSync(join(DIST, page), "utf8");
    for (const [, ref] of html.matchAll(/\b(?:src|href)="?([^"\s>]+)/g)) {
      if (/^(https?:|mailto:|#|\/)/.test(ref)) continue; // absolute, or on the host site
      assert.ok(existsSync(join(DIST, ref.split(/[?#]/)[0])), `${page} names ${ref}, which is not in dist/`);
    }
  }
});
