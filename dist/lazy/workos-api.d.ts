export interface WorkOSSettings {
    apiKey: string;
    clientId: string;
    /** Default https://api.workos.com. */
    apiUrl?: string;
    /** Milliseconds to wait for each WorkOS request; default 10000. */
    timeoutMs?: number;
}
export interface WorkOSUser {
    id: string;
    email: string;
    external_id?: string | null;
    metadata?: Record<string, string> | null;
    [key: string]: unknown;
}
/** WorkOS's answer to a successful sign-in: `user`, `access_token`, `refresh_token`, … as sent. */
export interface WorkOSAuthentication {
    user: WorkOSUser;
    access_token: string;
    refresh_token: string;
    organization_id?: string;
    [key: string]: unknown;
}
export interface SignIn {
    email: string;
    password: string;
    ipAddress?: string;
    userAgent?: string;
}
export declare class WorkOSApi {
    #private;
    constructor(settings: WorkOSSettings);
    /** Resolves with WorkOS's answer, or `undefined` for `invalid_credentials`; any other answer throws. */
    authenticate(signIn: SignIn): Promise<WorkOSAuthentication | undefined>;
    userByEmail(email: string): Promise<WorkOSUser | undefined>;
    setPassword(userId: string, password: string, metadata: Record<string, string>): Promise<void>;
}
