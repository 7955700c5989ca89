// How this library reads every HTTP answer, from WorkOS and from the old providers: the caller
// decides by status and body, so a body that is empty or not JSON is `undefined`, never an error.

export interface JsonAnswer {
  status: number;
  body: unknown;
  /** Seconds, from a Retry-After header in seconds (a date form is not sent by these APIs). */
  retryAfter?: number;
}

export async function readJsonAnswer(response: Response): Promise<JsonAnswer> {
  const text = await response.text().catch(() => '');
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    body = undefined;
  }
  const retryAfter = Number(response.headers.get('retry-after'));
  return { status: response.status, body, ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfter } : {}) };
}
