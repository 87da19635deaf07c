import { createApiProxy } from 'caoliao-api-errors/server';

// The desk is for staff: sign them in first (your session, or createApiProxy's `authorize`).
export const POST = createApiProxy({
  apiKey: process.env.CAOLIAO_API_KEY,
  allow: 'desk',
  upstream: process.env.CAOLIAO_UPSTREAM,
});
export const GET = POST;
