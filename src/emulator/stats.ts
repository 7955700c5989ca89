export interface RouteStats {
  requests: number;
  byStatus: Record<string, number>;
}

/** What the stand-in was asked and answered, for tests and benchmarks. Admin routes are not counted. */
export interface EmulatorStats {
  /** API requests received. */
  requests: number;
  reads: number;
  /** POST, PUT, PATCH and DELETE requests received (authenticate included), whatever their answer. */
  writes: number;
  /** Writes carried out (a 2xx from the route, whether or not the client got to hear it). */
  committed: number;
  /** Answers by HTTP status; requests that got no answer (drops, timeouts, resets) are not here. */
  byStatus: Record<string, number>;
  /** Keyed `METHOD /route/:pattern`, e.g. `POST /user_management/users`. */
  byRoute: Record<string, RouteStats>;
  /** 429s from the write and read limits (storms are counted under faults). */
  rateLimited: number;
  faults: {
    serverError: number;
    afterCommitFailure: number;
    echoHeaders: number;
    timeout: number;
    drop: number;
    rateLimitStorm: number;
  };
}

export type FaultKind = keyof EmulatorStats['faults'];

export class StatsCounter {
  private stats = StatsCounter.empty();

  private static empty(): EmulatorStats {
    return {
      requests: 0,
      reads: 0,
      writes: 0,
      committed: 0,
      byStatus: {},
      byRoute: {},
      rateLimited: 0,
      faults: { serverError: 0, afterCommitFailure: 0, timeout: 0, drop: 0, rateLimitStorm: 0, echoHeaders: 0 },
    };
  }

  received(route: string, isWrite: boolean): void {
    this.stats.requests++;
    if (isWrite) this.stats.writes++;
    else this.stats.reads++;
    this.routeStats(route).requests++;
  }

  answered(route: string, status: number): void {
    const key = String(status);
    this.stats.byStatus[key] = (this.stats.byStatus[key] ?? 0) + 1;
    const byStatus = this.routeStats(route).byStatus;
    byStatus[key] = (byStatus[key] ?? 0) + 1;
  }

  committed(): void {
    this.stats.committed++;
  }

  rateLimited(): void {
    this.stats.rateLimited++;
  }

  fault(kind: FaultKind): void {
    this.stats.faults[kind]++;
  }

  snapshot(): EmulatorStats {
    return structuredClone(this.stats);
  }

  reset(): void {
    this.stats = StatsCounter.empty();
  }

  private routeStats(route: string): RouteStats {
    let entry = this.stats.byRoute[route];
    if (entry === undefined) {
      entry = { requests: 0, byStatus: {} };
      this.stats.byRoute[route] = entry;
    }
    return entry;
  }
}
