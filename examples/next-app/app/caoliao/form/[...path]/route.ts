import { createApiProxy } from 'caoliao-api-errors/server';

export const POST = createApiProxy({
  apiKey: process.env.CAOLIAO_API_KEY,
  allow: 'form',
  upstream: process.env.CAOLIAO_UPSTREAM, // unset: open.cli.im; the simulator in end-to-end tests
});
export const GET = POST; // GET /caoliao/form/health
