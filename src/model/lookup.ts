/**
 * Lookups keyed by text from an export (role names, factor names, field names). A plain
 * object answers `constructor`, `toString` or `__proto__` from Object.prototype; these only
 * see what was put in.
 */
export function ownValue<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** An empty object without a prototype, safe to fill with keys taken from an export (`__proto__` included). */
export function emptyRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
