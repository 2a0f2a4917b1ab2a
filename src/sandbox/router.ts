/**
 * A tiny router: `{name}` matches one path segment, `{name:int}` digits only (so the literal segments
 * `attributes` and `categories` never collide with a request id, §4). Routes match in declaration order.
 */
import type { IncomingMessage } from 'node:http';
import type { Reply } from './http.ts';
import type { SandboxCore } from './core.ts';
import type { Language } from './views.ts';

export interface RequestContext {
  req: IncomingMessage;
  url: URL;
  query: URLSearchParams;
  params: Record<string, string>;
  language: Language;
  /** `http://host:port` as the client addressed the server (for absolute `next` links). */
  origin: string;
  core: SandboxCore;
}

export type Handler = (ctx: RequestContext) => Promise<Reply> | Reply;

export interface Route {
  method: string;
  operation: string;
  template: string;
  regex: RegExp;
  keys: string[];
  handler: Handler;
}

export function route(method: string, template: string, operation: string, handler: Handler): Route {
  const keys: string[] = [];
  const source = template
    .split('/')
    .map((segment) => {
      const match = /^\{(\w+)(?::(int))?\}$/.exec(segment);
      if (!match) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      keys.push(match[1] as string);
      return match[2] === 'int' ? '(\\d+)' : '([^/]+)';
    })
    .join('/');
  return { method, operation, template, regex: new RegExp(`^${source}/?$`), keys, handler };
}

export type RouteMatch = { route: Route; params: Record<string, string> };

/**
 * The route for method + path; `'method'` when the path exists with another method, `'malformed'` when a
 * parameter's %-encoding is broken (a client error, never a thrown URIError).
 */
export function matchRoute(routes: readonly Route[], method: string, path: string): RouteMatch | 'method' | 'malformed' | undefined {
  let pathMatched = false;
  for (const candidate of routes) {
    const match = candidate.regex.exec(path);
    if (!match) continue;
    if (candidate.method !== method) {
      pathMatched = true;
      continue;
    }
    const params: Record<string, string> = {};
    try {
      candidate.keys.forEach((key, index) => {
        params[key] = decodeURIComponent(match[index + 1] ?? '');
      });
    } catch {
      return 'malformed';
    }
    return { route: candidate, params };
  }
  return pathMatched ? 'method' : undefined;
}
