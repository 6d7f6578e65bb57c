// Allure 3 configuration (npm package `allure`, see package.json).
// Read by `allure generate` / `allure quality-gate` from the current working
// directory (allurerc.{js,mjs,cjs,ts,mts,cts,json,yaml,yml}); run from the repo
// root, e.g. `npm run report`. Relative paths below resolve against process.cwd().
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "allure";

// Node 20 shim: @allurereport/core/dist/qualityGate/qualityGate.js calls
// `map.values().toArray()` (an ES2025 iterator helper, Node >= 22), so
// `allure quality-gate` crashes on Node 20 with "toArray is not a function".
// This config is import()ed in the same process, so patching
// %IteratorPrototype% here fixes it; it does nothing on Node >= 22.
const IteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));
if (typeof IteratorPrototype.toArray !== "function") {
  Object.defineProperty(IteratorPrototype, "toArray", {
    value: function toArray() {
      return Array.from({ [Symbol.iterator]: () => this });
    },
    writable: true,
    configurable: true,
  });
}

// `allure quality-gate` builds a full AllureReport from this config: without
// this it would append a line to historyPath on every check and overwrite
// allure-report/test-results.json + quality-gate.json. Detect that command and
// keep it read-only (it still reads history for the metric*Delta rules).
const cliCommand = process.argv.slice(2).find((arg) => !arg.startsWith("-"));
const isQualityGate = cliCommand === "quality-gate";

export default defineConfig({
  name: "exchange-login-e2e",
  output: isQualityGate ? join(tmpdir(), "exchange-login-e2e-allure-qg") : "allure-report",
  resultsDir: "allure-results",

  // Append one line per generated report; gives the trend/history/"new failed"
  // data in the next report. Keep this file between runs (e.g. CI cache).
  historyPath: ".allure-history/history.jsonl",
  historyLimit: 50,
  appendHistory: !isQualityGate,

  plugins: {
    awesome: {
      options: {
        reportName: "exchange-login-e2e",
        // Everything inlined into allure-report/index.html -> opens from file://
        singleFile: true,
        reportLanguage: "en",
        // Tree: brand (epic) -> area (feature) -> story. Labels missing from
        // every test are dropped from the grouping automatically.
        groupBy: ["epic", "feature", "story"],
      },
    },
  },

  // Awesome-report categories (the results-dir categories.json is NOT used by
  // the awesome plugin). First matching rule wins; Allure appends its default
  // "Product errors" (failed) / "Test errors" (broken) rules after these.
  // allure-pytest: AssertionError / pytest.fail -> "failed"; any other
  // exception (incl. fixture/setup errors) -> "broken". statusDetails.message
  // is "<ExceptionType>: <text>".
  categories: [
    {
      name: "Infrastructure: timeout",
      matchers: {
        statuses: ["broken", "failed"],
        // Playwright TimeoutError / "Timeout 30000ms exceeded" (broken) and
        // pytest-timeout "Failed: Timeout (>30.0s) from pytest-timeout." (failed).
        // Case-sensitive on purpose: a failed Playwright expect() says
        // "... with timeout 5000ms" and must stay a product defect.
        message: /TimeoutError|Timeout \d+ ?ms exceeded|Timeout \(?>\d|pytest-timeout|timed out/,
      },
      groupByMessage: true,
    },
    {
      name: "Infrastructure: server / network unavailable",
      matchers: {
        statuses: ["broken"], // fixture/setup errors and Playwright errors are "broken"
        message:
          /server (failed|did not|didn't) ?(to )?start|failed to start|ECONNREFUSED|Connection refused|ERR_CONNECTION_REFUSED|net::ERR_|Address already in use/i,
      },
    },
    {
      name: "Infrastructure: browser crashed / closed",
      matchers: {
        statuses: ["broken"],
        message:
          /Target (page, context or browser )?(has been |was )?closed|Browser (has been )?closed|Page crashed|Browser(Type)?\.launch|crash/i,
      },
    },
    {
      name: "Product defects (assertion failures)",
      matchers: { statuses: ["failed"] },
      groupBy: [{ label: "epic" }, { label: "feature" }],
    },
    {
      name: "Test infrastructure: other errors",
      matchers: { statuses: ["broken"] },
    },
  ],

  // Evaluated by `allure quality-gate` (exit 0 pass / 1 fail, -1=255 if no
  // qualityGate configured) and by `allure run -- <cmd>` (exit code then comes
  // from the gate, not from pytest). `allure generate` does NOT evaluate it:
  // it writes an empty quality-gate.json and exits 0 even with failed tests.
  qualityGate: {
    rules: [
      {
        maxFailures: 0, // failed + broken tests allowed
        minTestsCount: 1, // catches an empty/missing allure-results
      },
    ],
  },
});
