/** A result for operations on user data: findings are data, not exceptions (architecture.md, convention 4). */
export type Result<T, F> = { ok: true; value: T } | { ok: false; findings: F[] };

/** Wraps a value as a successful result. */
export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

/** Wraps findings as a failed result. */
export const fail = <F>(findings: F[]): { ok: false; findings: F[] } => ({ ok: false, findings });
