/**
 * The messages module: every string a user sees, in Vietnamese, one file per area of the product.
 * Code imports from here, never writes user text inline.
 */
export * from "./common.js";
export * from "./plan.js";
export * from "./entries.js";
export * from "./summary.js";
export * from "./layout-text.js";
export * from "./addin.js";
export * from "./workbook.js";
export * from "./sheets.js";
export * from "./plan-files.js";
export * from "./merge.js";
export * from "./export.js";
export * from "./web.js";
export * from "./derive.js";
