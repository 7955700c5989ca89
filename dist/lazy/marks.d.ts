export declare const LAZY_METADATA_KEY = "migrate_to_workos_lazy";
export declare const LAZY_PENDING = "pending";
export declare const LAZY_MOVED = "moved";
export type LazyMark = typeof LAZY_PENDING | typeof LAZY_MOVED;
/** The mark a user's metadata holds, if any (anything else is no mark). */
export declare function lazyMarkOf(metadata: Record<string, unknown> | null | undefined): LazyMark | undefined;
