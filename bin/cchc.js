#!/usr/bin/env node
// Entry point of the `cchc` command; the bundle is built by `npm ci` (prepare) or `npm run build`.
import("../dist/cli/cchc.js").catch((err) => {
  if (err && err.code === "ERR_MODULE_NOT_FOUND") {
    process.stderr.write("Chưa build công cụ: hãy chạy `npm run build` trước.\n");
    process.exit(2);
  }
  throw err;
});
