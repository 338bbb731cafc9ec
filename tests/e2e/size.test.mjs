// The size budget of the widget's first load (tests/size-budget.json): the built dist/'s loader,
// JS glue, first wasm module and stylesheet, gzip level 9, each part at most its number. Bytes
// are exact: this fails on any growth past the file's numbers, on any machine.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { gzipSync } from "node:zlib";

const DIST = resolve(import.meta.dirname, "../../dist");
const BUDGET = JSON.parse(readFileSync(resolve(import.meta.dirname, "../size-budget.json"), "utf8"));
const read = (file) => readFileSync(resolve(DIST, file));
const gzip = (file) => gzipSync(read(file), { level: 9 }).length;

/** The files of each part in this build, from the loader's BUILD line and the glue's imports. */
function firstLoad() {
  const loader = read("upcoming-meetings.js").toString("utf8");
  // The names in the loader's BUILD object (minified: `{glue:"…",wasm:"…",…}`).
  const named = (key) => loader.match(new RegExp(`\\b${key}:\\s*"([^"]+)"`))?.[1] ?? assert.fail(`no ${key} in the loader`);
  const build = { glue: named("glue"), wasm: named("wasm"), css: named("css") };
  const glue = read(build.glue).toString("utf8");
  const imported = new Set([...glue.matchAll(/from\s*["']\.\/([^"']+)["']/g)].map((m) => m[1]));
  return {
    "first module": [build.wasm],
    "JS glue": [build.glue, ...imported],
    loader: ["upcoming-meetings.js"],
    stylesheet: [build.css],
  };
}

test("every part of the first load is within its budget (tests/size-budget.json)", () => {
  const parts = firstLoad();
  assert.deepEqual(Object.keys(parts).sort(), Object.keys(BUDGET.parts).sort(), "the budget names every part");
  assert.ok(parts["JS glue"].some((f) => /^upcoming-meetings-split-/.test(f)), "the glue imports the split loader");
  const over = [];
  let total = 0;
  for (const [part, files] of Object.entries(parts)) {
    const bytes = files.reduce((sum, f) => sum + gzip(f), 0);
    console.log(`${part}: ${bytes} B gzip (budget ${BUDGET.parts[part].gzip} B): ${files.join(", ")}`);
    if (bytes > BUDGET.parts[part].gzip) over.push(`${part}: ${bytes} B > ${BUDGET.parts[part].gzip} B`);
    total += bytes;
  }
  console.log(`first load: ${total} B gzip (budget ${BUDGET.total.gzip} B)`);
  if (total > BUDGET.total.gzip) over.push(`first load: ${total} B > ${BUDGET.total.gzip} B`);
  assert.deepEqual(over, [], "over budget: raise a number in tests/size-budget.json only with its reason");
});
