import { createApiProxy } from 'caoliao-api-errors/server';

export const POST = createApiProxy({
  apiKey: process.env.CAOLIAO_API_KEY,
  allow: 'form',
  upstream: process.env.CAOLIAO_UPSTREAM,
});
export const GET = POST;
