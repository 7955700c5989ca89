import { z } from 'zod';
import { isWriteMethod } from './routes/route-table.js';

// Fault injection for the stand-in: slow answers, 5xx, lost answers to writes that did happen,
// requests that never get an answer, dropped connections and 429 storms. Draws come from a
// seeded generator, so one seed and one sequence of requests give the same faults every run.

const rate = z.number().min(0).max(1);

const routeMatchSchema = z.strictObject({
  method: z.string().optional(),
  /** A path prefix (`/user_management/users`), or a regular expression's source (`^/organizations/[^/]+$`). */
  path: z.string().optional(),
});

const faultRuleSchema = z.strictObject({
  /** Limits this rule to some routes; without it the rule covers every API request. */
  match: routeMatchSchema.optional(),
  /** Added to every answer (half before the request is carried out, half after). */
  latencyMs: z.number().min(0).optional(),
  /** A random extra delay between 0 and this. */
  jitterMs: z.number().min(0).optional(),
  /** Answer 500, 502 (an HTML proxy page) or 503 before carrying the request out. */
  serverErrorRate: rate.optional(),
  /** Carry out a write, then answer 500 or reset the connection: the client cannot know it happened. Reads are spared. */
  afterCommitFailureRate: rate.optional(),
  /** Never answer; the connection is held until the client gives up or the stand-in closes. */
  timeoutRate: rate.optional(),
  /** With timeoutRate: carry the request out before going silent. */
  commitBeforeTimeout: z.boolean().optional(),
  /** Reset the connection without an answer, before carrying the request out. */
  dropRate: rate.optional(),
  /**
   * Refuse the request 400 with an error body (and request id) that quote its Authorization
   * header, as a verbose API or a proxy in between may: what the reports must never repeat.
   */
  echoHeadersRate: rate.optional(),
  /** From the moment the faults are set, answer every request 429 for `durationMs`. */
  rateLimitStorm: z
    .strictObject({ durationMs: z.number().positive(), retryAfterSeconds: z.number().int().min(1) })
    .optional(),
});

export const faultConfigSchema = faultRuleSchema.extend({
  /** More rules, each with its own `match`; for each kind of fault the first rule that matches and sets it wins, then the top level. */
  rules: z.array(faultRuleSchema).optional(),
});

export type FaultRule = z.infer<typeof faultRuleSchema>;
export type FaultConfig = z.infer<typeof faultConfigSchema>;

export type FaultOutcome =
  | { kind: 'none' }
  | { kind: 'drop' }
  | { kind: 'serverError'; status: 500 | 502 | 503 }
  | { kind: 'timeout'; commitFirst: boolean }
  | { kind: 'afterCommitFailure'; answer: 'status' | 'reset' }
  | { kind: 'echoHeaders' };

interface CompiledRule extends FaultRule {
  matches(method: string, path: string): boolean;
  stormUntil?: number;
}

/** Parses faults sent over HTTP; the message names the offending field. */
export function parseFaultConfig(value: unknown): FaultConfig {
  const result = faultConfigSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new Error(`invalid fault config at ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return result.data;
}

export class FaultInjector {
  private rules: CompiledRule[] = [];
  private random: () => number;

  constructor(
    private readonly seed: number,
    private readonly now: () => number = Date.now,
  ) {
    this.random = mulberry32(seed);
  }

  /** Replaces the current faults; a storm starts now. */
  set(config: FaultConfig): void {
    const parsed = parseFaultConfig(config);
    const { rules = [], ...top } = parsed;
    const at = this.now();
    this.rules = [...rules, top].map((rule) => ({
      ...rule,
      matches: compileMatch(rule.match),
      stormUntil: rule.rateLimitStorm ? at + rule.rateLimitStorm.durationMs : undefined,
    }));
  }

  /** No faults, and the generator back at its seed so the next run replays the same draws. */
  reset(): void {
    this.rules = [];
    this.random = mulberry32(this.seed);
  }

  /** The Retry-After of a storm covering this request, or undefined. */
  storm(method: string, path: string): number | undefined {
    const now = this.now();
    const rule = this.rules.find((r) => r.stormUntil !== undefined && now < r.stormUntil && r.matches(method, path));
    return rule?.rateLimitStorm?.retryAfterSeconds;
  }

  /** Total delay for this answer. */
  latency(method: string, path: string): number {
    const latency = this.first('latencyMs', method, path) ?? 0;
    const jitter = this.first('jitterMs', method, path) ?? 0;
    return latency + (jitter > 0 ? this.random() * jitter : 0);
  }

  /** What goes wrong with this request, if anything. One draw decides among the kinds, so rates add up. */
  outcome(method: string, path: string): FaultOutcome {
    const drop = this.first('dropRate', method, path) ?? 0;
    const serverError = this.first('serverErrorRate', method, path) ?? 0;
    const timeout = this.first('timeoutRate', method, path) ?? 0;
    // Only a write has a commit to lose; a read is left alone by this kind of fault.
    const afterCommit = isWriteMethod(method) ? (this.first('afterCommitFailureRate', method, path) ?? 0) : 0;
    const echo = this.first('echoHeadersRate', method, path) ?? 0;
    if (drop + serverError + timeout + afterCommit + echo === 0) return { kind: 'none' };
    const draw = this.random();
    if (draw < drop) return { kind: 'drop' };
    if (draw < drop + serverError)
      return { kind: 'serverError', status: ([500, 502, 503] as const)[Math.floor(this.random() * 3)]! };
    if (draw < drop + serverError + timeout)
      return { kind: 'timeout', commitFirst: this.first('commitBeforeTimeout', method, path) ?? false };
    if (draw < drop + serverError + timeout + afterCommit)
      return { kind: 'afterCommitFailure', answer: this.random() < 0.5 ? 'status' : 'reset' };
    if (draw < drop + serverError + timeout + afterCommit + echo) return { kind: 'echoHeaders' };
    return { kind: 'none' };
  }

  private first<K extends keyof FaultRule>(key: K, method: string, path: string): FaultRule[K] | undefined {
    for (const rule of this.rules) {
      if (rule[key] !== undefined && rule.matches(method, path)) return rule[key];
    }
    return undefined;
  }
}

function compileMatch(match: FaultRule['match']): (method: string, path: string) => boolean {
  if (!match) return () => true;
  const method = match.method?.toUpperCase();
  let path: ((p: string) => boolean) | undefined;
  if (match.path !== undefined) {
    const text = match.path;
    // Plain path characters mean a prefix; anything else is a regular expression.
    if (/^[\w/.:-]*$/.test(text)) path = (p) => p.startsWith(text);
    else {
      const regex = new RegExp(text);
      path = (p) => regex.test(p);
    }
  }
  return (m, p) => (method === undefined || m === method) && (path === undefined || path(p));
}

/** A small, fast, seedable generator (public domain); quality is ample for picking faults. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
