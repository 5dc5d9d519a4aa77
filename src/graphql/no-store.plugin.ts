import type { ApolloServerPlugin } from '@apollo/server';

/** A header Apollo's cache-control plugin would have parsed: its own `no-store`, or `max-age=N, public|private`. */
const PARSABLE = /^(no-store|max-age=\d+, (public|private))$/;

/**
 * The `Cache-Control: no-store` Apollo's default cache-control plugin put on every answer, without
 * that plugin. Netra sets no cache hints (`@cacheControl`), so every answer's policy was "not
 * cacheable" and the plugin's only visible effect was this header; but its `willResolveField` hook
 * made Apollo wrap every field resolver and call the hook for each field of each answer (a mutation's
 * case as the console asks for it is ~400 fields): ~5 % of the server's CPU on a case read.
 * graphql.module.ts disables it and installs this. An answer whose header someone else set in a
 * form the plugin could not parse keeps it, as before.
 */
export function noStorePlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          const existing = response.http.headers.get('cache-control');
          if (existing === undefined || PARSABLE.test(existing)) response.http.headers.set('cache-control', 'no-store');
        },
      };
    },
  };
}
