/**
 * @internal An answer of the proxy's own in the API's envelope, so that the browser client reads it
 * as it reads the API's (`code`, `error_code`, `message_detail`).
 */
export function envelopeResponse(
  status: number,
  { errorCode, detail, headers }: { errorCode?: number; detail?: string; headers?: HeadersInit } = {},
): Response {
  const body = {
    code: status,
    error_code: errorCode,
    message: MESSAGES[status] ?? 'Error',
    message_detail: detail,
  };
  return jsonResponse(status, JSON.stringify(body), headers);
}

/**
 * @internal A JSON answer of the proxy's, never cached (`null` for a body-less one, as to HEAD).
 * @example jsonResponse(200, '{"ok":true}')
 */
export function jsonResponse(status: number, body: string | null, headers?: HeadersInit): Response {
  const answer = new Response(body, { status, headers });
  answer.headers.set('Content-Type', 'application/json; charset=utf-8');
  answer.headers.set('Cache-Control', 'no-store');
  return answer;
}

const MESSAGES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  408: 'Request timeout',
  409: 'Conflict',
  413: 'Payload too large',
  422: 'Unprocessable content',
  429: 'Too many requests',
  500: 'Internal server error',
  502: 'Bad gateway',
  503: 'Service unavailable',
};
