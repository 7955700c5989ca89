/** The sources a migration reads from (`--source`, the action's `source`). */
export const SOURCE_KINDS = ['auth0', 'clerk', 'firebase', 'cognito', 'supabase', 'csv'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];
