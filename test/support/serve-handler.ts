import type { AddressInfo } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';

/**
 * A Web-standard handler (the proxy) on a loopback port through @hono/node-server, as a Node app
 * serves it.
 * @example const { url, close } = await serveHandler(createApiProxy({ apiKey, allow: 'form' }));
 */
export async function serveHandler(handler: (request: Request) => Promise<Response>) {
  let server: ServerType | undefined;
  const port = await new Promise<number>((resolve) => {
    server = serve({ fetch: handler, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
      resolve(info.port),
    );
  });
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
        server?.close(() => resolve());
      }),
  };
}
