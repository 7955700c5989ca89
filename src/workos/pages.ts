import type { ReadFn } from '../model/call-counters.js';

interface Page<T> {
  data: T[];
  listMetadata: { after?: string | null };
}

/**
 * Every item of a WorkOS list, page by page (100 a page, the API's maximum), each page a paced
 * read. The SDK's autoPagination would bypass our read limiter and retries.
 */
export async function* allPages<T>(
  read: ReadFn,
  fetchPage: (after: string | undefined) => Promise<Page<T>>,
): AsyncIterable<T> {
  let after: string | undefined;
  do {
    const page = await read(() => fetchPage(after));
    yield* page.data;
    after = page.listMetadata.after ?? undefined;
  } while (after);
}
