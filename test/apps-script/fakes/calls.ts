/** Counting service calls: every fake service object is wrapped so that each method call is recorded by name. */

/** Counts calls by "Class.method". */
export class CallLog {
  readonly counts = new Map<string, number>();
  total = 0;

  record(name: string): void {
    this.total++;
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
  }

  /** Forgets everything counted so far. */
  reset(): void {
    this.total = 0;
    this.counts.clear();
  }

  /** Calls of one method ("Range.setValues"), or of every method of a class ("Range."). */
  count(name: string): number {
    if (name.endsWith(".")) {
      let n = 0;
      for (const [k, v] of this.counts) if (k.startsWith(name)) n += v;
      return n;
    }
    return this.counts.get(name) ?? 0;
  }

  /** A plain object of the counts, sorted by name (for readable assertion diffs). */
  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
  }
}

/**
 * Wraps `target` so that calling any of its public methods (names not starting with "_") is counted as
 * `${cls}.${method}`. Fakes keep the raw object for their own bookkeeping and hand the wrapper to the script.
 */
export function counted<T extends object>(target: T, cls: string, log: CallLog): T {
  return new Proxy(target, {
    get(t, prop, receiver) {
      const value = Reflect.get(t, prop, receiver);
      if (typeof value !== "function" || typeof prop !== "string" || prop.startsWith("_") || prop === "constructor") {
        return value;
      }
      return (...args: unknown[]) => {
        log.record(`${cls}.${prop}`);
        return value.apply(t, args);
      };
    },
  });
}
