export interface JsonAnswer {
    status: number;
    body: unknown;
    /** Seconds, from a Retry-After header in seconds (a date form is not sent by these APIs). */
    retryAfter?: number;
}
export declare function readJsonAnswer(response: Response): Promise<JsonAnswer>;
