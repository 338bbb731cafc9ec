// ESLint's recommended rules over the project's own JavaScript (`eslint .`, tools/test.sh's
// lint step): what runs in the browser (the loader, the iframe mode's two scripts, the check
// page), and what runs in Node (the build tools, the bench, the tests, whose functions handed to
// page.evaluate run in the browser too).
import js from "@eslint/js";
import globals from "globals";

export default [
  // Built or downloaded, not written here.
  { ignores: ["dist/", "target/", "bench/out/", "bench/tmp/", "test-output/"] },
  js.configs.recommended,
  { linterOptions: { reportUnusedDisableDirectives: "error" } },
  {
    // Classic scripts: the loader (which also works as a module: web/loader.js says why) and
    // the iframe mode's scripts, on the embedding page and in embed.html; the bench's plain widget.
    files: ["web/loader.js", "public/*.js", "bench/plain-widget.js"],
    languageOptions: { sourceType: "script", globals: globals.browser },
  },
  {
    files: ["check-page/page/check.js"],
    languageOptions: { sourceType: "module", globals: globals.browser },
  },
  {
    files: ["eslint.config.js", "tools/*.mjs", "bench/*.mjs", "tests/**/*.mjs"],
    languageOptions: { sourceType: "module", globals: { ...globals.node, ...globals.browser } },
  },
];
