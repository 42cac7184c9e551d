/**
 * The session cookie a signed-in test client sends (the API is closed by default), for requests a test
 * makes with fetch itself: to watch headers arrive before the body, or to hang up halfway.
 */
import type { Client } from './server.js';

export async function sessionCookie(client: Client): Promise<string> {
  const original = globalThis.fetch;
  let cookie = '';
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    cookie = (init?.headers as Record<string, string> | undefined)?.cookie ?? cookie;
    return original(input, init);
  }) as typeof fetch;
  try {
    await client.get('/api/health');
  } finally {
    globalThis.fetch = original;
  }
  if (!cookie) throw new Error('the signed-in test client sent no session cookie');
  return cookie;
}
