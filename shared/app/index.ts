/** The use-cases every host calls (architecture.md, "shared/app"): plain data in, plain data out. */
export * from "./derive-plan.js";
export * from "./link-province-plan.js";
