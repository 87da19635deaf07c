import { API_MESSAGES } from './api-messages.js';

/** An HTTP answer of the simulator (a network failure is the other kind, see `SimulatedAnswer`). */
export interface HttpAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  delayMs?: number;
}

/** An HTTP answer of the simulator with a JSON body. */
export const jsonAnswer = (
  status: number,
  body: object,
  headers: Record<string, string> = {},
): HttpAnswer => ({
  status,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

/** The success envelope of the OpenAPI V2. */
export const successBody = (data: unknown) => ({ code: 0, message: 'ok', data });

/** A simulated success with `data`. */
export const okAnswer = (data: unknown) => jsonAnswer(200, successBody(data));

/**
 * An error envelope exactly as the API sends it: `error_code` only when given, the documented
 * English message unless another is given, `message_detail` only when given.
 * @example errorBody(400, 100308, 'required: 71234567890101')
 */
export function errorBody(code: number, errorCode?: number, detail?: string, message?: string) {
  const messages: Partial<Record<number, string>> = API_MESSAGES;
  const known = messages[errorCode ?? code] ?? messages[code] ?? 'Unknown error';
  return {
    code,
    ...(errorCode === undefined ? {} : { error_code: errorCode }),
    message: message ?? known,
    ...(detail === undefined ? {} : { message_detail: detail }),
  };
}

/** A simulated business error: HTTP 400, code 400 and this `error_code`. */
export const businessAnswer = (errorCode: number, detail?: string) =>
  jsonAnswer(400, errorBody(400, errorCode, detail));

const STATUS_TEXT: Record<number, string> = {
  404: 'Not Found',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

/** The bare HTML page a gateway sends when the upstream fails (no envelope at all). */
export const gatewayHtml = (status: number) => {
  const title = `${status} ${STATUS_TEXT[status] ?? 'Error'}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
};

/**
 * A `Response` with an error envelope, for your own MSW handlers.
 * @example http.post(url, () => apiErrorResponse({ code: 429, retryAfter: '2' }))
 */
export function apiErrorResponse({
  code,
  errorCode,
  detail,
  message,
  status = code,
  retryAfter,
}: {
  code: number;
  errorCode?: number;
  detail?: string;
  message?: string;
  status?: number;
  retryAfter?: string;
}): Response {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (retryAfter !== undefined) headers['retry-after'] = retryAfter;
  return new Response(JSON.stringify(errorBody(code, errorCode, detail, message)), { status, headers });
}
