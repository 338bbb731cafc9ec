// The size budget of the widget's two stages (tests/size-budget.json): the built dist/'s loader,
// first-paint module, its glue and the stylesheet (the first paint), and the app's module and
// glue, gzip level 9, each part at most its number and each stage at most its total. Bytes are
// exact: this fails on any growth past the file's numbers, on any machine (what varies from build
// to build of the same code is measured as zeros: VARYING).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { gzipSync } from "node:zlib";

const DIST = resolve(import.meta.dirname, "../../dist");
const BUDGET = JSON.parse(readFileSync(resolve(import.meta.dirname, "../size-budget.json"), "utf8"));
const read = (file) => readFileSync(resolve(DIST, file));
/**
 * Sixteen hex digits that change from build to build of the same code, whose entropy moves the
 * gzip size by a byte or two: the hashes in the loader's file names (of the app's wasm, among
 * others), and in the app's wasm the name of an import Leptos's wasm-split support declares,
 * `_WASM_SPLIT_MARKER_<16 hex>`, random per build. They are measured as zeros, the same length,
 * so that a budget holds the code, exactly, on every build.
 */
const VARYING = /(-|_WASM_SPLIT_MARKER_)[0-9a-f]{16}/g;
const gzip = (file) => {
  const bytes = read(file).toString("latin1").replace(VARYING, (_, head) => `${head}${"0".repeat(16)}`);
  return gzipSync(Buffer.from(bytes, "latin1"), { level: 9 }).length;
};

/** The files of each part in this build, from the loader's BUILD line. */
function stages() {
  const loader = read("upcoming-meetings.js").toString("utf8");
  // The names in the loader's BUILD object (minified: `{paint:"…",paintWasm:"…",…}`).
  const named = (key) => loader.match(new RegExp(`\\b${key}:\\s*"([^"]+)"`))?.[1] ?? assert.fail(`no ${key} in the loader`);
  return {
    "first paint": {
      loader: "upcoming-meetings.js",
      module: named("paintWasm"),
      glue: named("paint"),
      stylesheet: named("css"),
    },
    app: { module: named("appWasm"), glue: named("app") },
  };
}

for (const [stage, parts] of Object.entries(stages())) {
  test(`every part of the ${stage} is within its budget (tests/size-budget.json)`, () => {
    const budget = BUDGET.stages[stage];
    assert.deepEqual(Object.keys(parts).sort(), Object.keys(budget.parts).sort(), "the budget names every part");
    const over = [];
    let total = 0;
    for (const [part, file] of Object.entries(parts)) {
      const bytes = gzip(file);
      console.log(`${stage}, ${part}: ${bytes} B gzip (budget ${budget.parts[part].gzip} B): ${file}`);
      if (bytes > budget.parts[part].gzip) over.push(`${part}: ${bytes} B > ${budget.parts[part].gzip} B`);
      total += bytes;
    }
    console.log(`${stage}: ${total} B gzip (budget ${budget.total.gzip} B${budget.goal ? `, goal ${budget.goal} B` : ""})`);
    if (total > budget.total.gzip) over.push(`${stage}: ${total} B > ${budget.total.gzip} B`);
    assert.deepEqual(over, [], "over budget: raise a number in tests/size-budget.json only with its reason");
  });
}
