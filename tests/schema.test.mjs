// The JSON Schema of feed format v1 (public/feed.schema.json) against the bundled feed and the
// fixtures that tests/fixtures.rs also feeds to the Rust parser.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const ROOT = resolve(import.meta.dirname, "..");
const read = (path) => JSON.parse(readFileSync(join(ROOT, path), "utf8"));
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(read("public/feed.schema.json"));
const fixtures = (dir) => readdirSync(join(ROOT, dir)).filter((f) => f.endsWith(".json")).map((f) => join(dir, f));

test("the bundled feed validates against the schema", () => {
  assert.ok(validate(read("public/feed.json")), ajv.errorsText(validate.errors));
});

test("every valid fixture validates", () => {
  const files = fixtures("tests/fixtures/valid");
  assert.ok(files.length >= 2);
  for (const f of files) assert.ok(validate(read(f)), `${f}: ${ajv.errorsText(validate.errors)}`);
});

test("every invalid fixture is refused", () => {
  const files = fixtures("tests/fixtures/invalid");
  assert.ok(files.length >= 5);
  for (const f of files) assert.equal(validate(read(f)), false, `${f} should not validate`);
});
