export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const WRITE_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Writes are what WorkOS's write limit counts (authenticate included: it is a POST). */
export function isWriteMethod(method: string): boolean {
  return WRITE_METHODS.has(method);
}

export interface ApiRequest {
  params: Record<string, string>;
  query: URLSearchParams;
  body: Record<string, unknown>;
}

export interface ApiResponse {
  status: number;
  /** Sent as JSON; absent for answers without a body (deletes). */
  body?: unknown;
}

export interface Route {
  method: HttpMethod;
  /** `/user_management/users/:id`; also the key the stats count requests under. */
  pattern: string;
  /** A POST that changes no data (a portal link): paced and counted as a read, not a write. */
  readOnly?: boolean;
  handle(request: ApiRequest): ApiResponse | Promise<ApiResponse>;
}

interface CompiledRoute {
  route: Route;
  regex: RegExp;
  names: string[];
}

/** Finds the route for a request; earlier routes win, so list literal paths before `:param` ones. */
export class RouteTable {
  private readonly compiled: CompiledRoute[];

  constructor(routes: Route[]) {
    this.compiled = routes.map((route) => {
      const names: string[] = [];
      const source = route.pattern
        .split('/')
        .map((segment) => {
          if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          names.push(segment.slice(1));
          return '([^/]+)';
        })
        .join('/');
      return { route, regex: new RegExp(`^${source}/?$`), names };
    });
  }

  match(method: string, path: string): { route: Route; params: Record<string, string> } | undefined {
    for (const { route, regex, names } of this.compiled) {
      if (route.method !== method) continue;
      const found = regex.exec(path);
      if (!found) continue;
      const params: Record<string, string> = {};
      try {
        names.forEach((name, i) => {
          params[name] = decodeURIComponent(found[i + 1]!);
        });
      } catch {
        return undefined;
      }
      return { route, params };
    }
    return undefined;
  }
}
