import type { WireList } from './wire.js';

export type ListOrder = 'asc' | 'desc' | 'normal';

export interface PageRequest {
  limit: number;
  order: ListOrder;
  after?: string;
  before?: string;
}

/**
 * Ids kept sorted, so a list page is two binary searches and a slice. Ids sort in creation
 * order (see ids.ts), which is the order WorkOS lists by; a cursor is the id of an item and
 * still works after that item was deleted.
 */
export class OrderedIds {
  private ids: string[];
  /**
   * Ids removed but still in `ids` (in their sorted place), taken out at the next read: a
   * rollback's million deletes, each a splice of a million-entry array, took the stand-in most
   * of an hour.
   */
  private readonly removed = new Set<string>();

  constructor(sorted: string[] = []) {
    this.ids = sorted;
  }

  static of(unsorted: Iterable<string>): OrderedIds {
    return new OrderedIds([...unsorted].sort(compare));
  }

  get size(): number {
    return this.ids.length - this.removed.size;
  }

  add(id: string): void {
    if (this.removed.delete(id)) return;
    const last = this.ids[this.ids.length - 1];
    if (last === undefined || compare(last, id) < 0) {
      this.ids.push(id);
      return;
    }
    const at = lowerBound(this.ids, id);
    if (this.ids[at] !== id) this.ids.splice(at, 0, id);
  }

  remove(id: string): void {
    if (this.removed.has(id)) return;
    const at = lowerBound(this.ids, id);
    if (this.ids[at] === id) this.removed.add(id);
  }

  all(): readonly string[] {
    return this.current();
  }

  clear(): void {
    this.ids = [];
    this.removed.clear();
  }

  /** The ids without the removed ones (taken out now, in one pass). */
  private current(): string[] {
    if (this.removed.size > 0) {
      this.ids = this.ids.filter((id) => !this.removed.has(id));
      this.removed.clear();
    }
    return this.ids;
  }

  /**
   * One page in list order with the ids for the neighbouring pages: `after` is set when more
   * items follow this page, `before` when items precede it (WorkOS `list_metadata`).
   */
  page(request: PageRequest): { ids: string[]; before: string | null; after: string | null } {
    // "normal" is descending with the cursors' meanings swapped (the API's own definition).
    if (request.order === 'normal') {
      const swapped = this.page({ limit: request.limit, order: 'desc', after: request.before, before: request.after });
      return { ids: swapped.ids, before: swapped.after, after: swapped.before };
    }
    const ids = this.current();
    const n = ids.length;
    const limit = request.limit;
    let from: number; // inclusive start in ascending index space
    let to: number; // exclusive end
    if (request.order === 'asc') {
      if (request.after !== undefined) {
        from = upperBound(ids, request.after);
        to = Math.min(n, from + limit);
      } else if (request.before !== undefined) {
        to = lowerBound(ids, request.before);
        from = Math.max(0, to - limit);
      } else {
        from = 0;
        to = Math.min(n, limit);
      }
      const page = ids.slice(from, to);
      return {
        ids: page,
        before: page.length > 0 && from > 0 ? page[0]! : null,
        after: page.length > 0 && to < n ? page[page.length - 1]! : null,
      };
    }
    if (request.after !== undefined) {
      to = lowerBound(ids, request.after);
      from = Math.max(0, to - limit);
    } else if (request.before !== undefined) {
      from = upperBound(ids, request.before);
      to = Math.min(n, from + limit);
    } else {
      to = n;
      from = Math.max(0, n - limit);
    }
    const page = ids.slice(from, to).reverse();
    return {
      ids: page,
      before: page.length > 0 && to < n ? page[0]! : null,
      after: page.length > 0 && from > 0 ? page[page.length - 1]! : null,
    };
  }
}

/** A page of `ids` turned into the API's list object. */
export function listPage<T>(ids: OrderedIds, request: PageRequest, load: (id: string) => T): WireList<T> {
  const page = ids.page(request);
  return { object: 'list', data: page.ids.map(load), list_metadata: { before: page.before, after: page.after } };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** First index whose id is >= `id`. */
function lowerBound(ids: readonly string[], id: string): number {
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ids[mid]! < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index whose id is > `id`. */
function upperBound(ids: readonly string[], id: string): number {
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ids[mid]! <= id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
