// The names of your app that README.md's examples use without defining them: your components, your
// router, your session, the ids of the page. Everything else in an example is the library's or the
// example's own. `npm test` type-checks every example against this file (scripts/check-readme-blocks.mjs).
// Script-style declarations (no import or export here): they are globals of the examples only.

/** Your pages and your app's root. */
declare function App(): import('react').ReactNode;
declare function FormPage(): import('react').ReactNode;

/** Your logger (Sentry, your own endpoint…). */
declare function log(entry: unknown): void;

/** Your router's navigation. */
declare function navigate(to: string): void;

/** Your sign-in: resolves once the person is signed in again (the provider's `onReauthenticate`). */
declare function signIn(): Promise<void>;
/** The same for a query client: `createApiQueryClient({ onUnauthorized })`. */
declare function reconnect(): void;

/** Your session middleware's look-up, on your server. */
declare function getSession(request: Request): Promise<{ staff: boolean; userId: string } | undefined>;

/** Your backend's CSRF token, sent by the browser's client. */
declare const token: string;

/** The organisation's API key, on your server only (e.g. `process.env.CAOLIAO_API_KEY`). */
declare const apiKey: string;

/** Your server's Hono app. */
declare const app: import('hono').Hono;

/** The page's ids: the form (`tpl_id`) and the QR code it was opened from (`code_id`). */
declare const tplId: number;
declare const codeId: number;
declare const tpl_id: number;
declare const code_id: number;

/** A record the desk opens, and what opens it. */
declare const record_id: number;
declare function open(record: import('caoliao-api-errors/client').RecordResult): void;

/** Your i18next instance, set up by your app (`i18next.createInstance().use(initReactI18next).init(…)`). */
declare const i18n: import('i18next').i18n;

/** The desk's own screens: the identity form (100329), the authorization code's input (100327), and the
 * choice of another method or status (100325, 100326). */
declare function openIdentityForm(): Promise<boolean>;
declare const authCodeInput: import('react').RefObject<HTMLInputElement | null>;
declare function chooseMethodOrStatus(): void;

/** The values your form collected, as the API takes them. */
declare const fields: import('caoliao-api-errors/client').AddRecordRequest['fields'];
/** Your form's submit handler. */
declare function send(event: import('react').FormEvent): void;
/** Your component's abort signal (React Query passes one to a query). */
declare const signal: AbortSignal;

/** Your app's client and query client, made once as the README shows (`createApiClient`,
 * `createApiQueryClient`) — `api` and `client` are the same kind of object. */
declare const client: import('caoliao-api-errors/client').ApiClient;
declare const api: import('caoliao-api-errors/client').ApiClient;
declare const queryClient: import('@tanstack/react-query').QueryClient;

/** The Next.js section's own modules (`@/` is the app's root, as create-next-app sets it up): the files of
 * examples/next-app, so that the README's page imports what the example exports. */
declare module '@/app/api-providers' {
  export const ApiProviders: typeof import('../examples/next-app/app/api-providers.js').ApiProviders;
}
declare module '@/app/form/submit-page' {
  export const SubmitPage: typeof import('../examples/next-app/app/form/submit-page.js').SubmitPage;
}

/** Your form's own state setter (a `useState` of the values), emptied for another submission. */
declare function setValues(values: Record<number, string>): void;
