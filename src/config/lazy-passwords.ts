import type { MappingConfig } from './mapping-config.js';

/**
 * `--lazy-passwords` (action input `lazy-passwords`) is the config's policies.lazyPasswords, so
 * the planner and the checkpoint's config fingerprint see one setting whichever way it was given.
 */
export function withLazyPasswords(config: MappingConfig, lazyPasswords: boolean): MappingConfig {
  return lazyPasswords ? { ...config, policies: { ...config.policies, lazyPasswords: true } } : config;
}
