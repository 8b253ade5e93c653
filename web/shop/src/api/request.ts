import { ZProblem, type TProblem } from '@koi/contracts';
import type { z } from 'zod';
import { anonymousId } from './anonymous-id';

/** A failed call: the server's problem+json, or a synthetic one when the network failed. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail?: string;
  readonly errors: NonNullable<TProblem['errors']>;
  readonly requestId?: string;

  constructor(problem: Pick<TProblem, 'status' | 'code' | 'title'> & Partial<TProblem>) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.code = problem.code;
    this.title = problem.title;
    this.detail = problem.detail;
    this.errors = problem.errors ?? [];
    this.requestId = problem.requestId;
  }

  /** The first error reported for a field, matched on the last segment of its path (`body.phone` → `phone`). */
  fieldError(field: string): string | undefined {
    return this.errors.find((e) => e.path.split(/[./]/).pop() === field)?.message;
  }
}

/** Codes the client itself raises; everything else comes from the server. */
export const CLIENT_ERROR = {
  network: 'client.network',
  badResponse: 'client.bad_response',
} as const;

export interface RequestContext {
  token(): string | null;
  locale(): string;
  /** The server said the bearer token is no longer good. */
  onUnauthorized(): void;
}

let context: RequestContext = {
  token: () => null,
  locale: () => 'zh-CN',
  onUnauthorized: () => undefined,
};

/** Wired once in main.ts, so this module does not import the stores (they import it). */
export function configureRequest(next: RequestContext): void {
  context = next;
}

/** The signed-in shopper's token, for the one call that cannot send a header (a beacon); null when signed out. */
export function sessionToken(): string | null {
  return context.token();
}

/**
 * H5 is served by the API server itself, so it calls `/api` on its own origin.
 * The mini-program has no origin and calls the absolute URL fixed at build time.
 */
export function apiBase(): string {
  let base = '';
  // #ifdef MP
  base = __KOI_API_BASE__;
  // #endif
  return base;
}

/**
 * Media the server sent as a path (`/media/…`): H5 loads it from its own origin, the mini-program
 * from the API base. Absolute URLs and data URIs pass through.
 */
export function assetUrl(path: string): string {
  return path.startsWith('/') && !path.startsWith('//') ? `${apiBase()}${path}` : path;
}

/** wx.request has no PATCH, so neither does the shop's API. */
type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
type Query = Record<string, string | number | boolean | undefined>;

export interface RequestOptions<S extends z.ZodType> {
  method?: Method;
  query?: Query;
  body?: unknown;
  /** Extra headers for this call (`Idempotency-Key` on checkout, payment). */
  headers?: Record<string, string>;
  /** The contract's response schema: the reply is parsed with it, so the types are true at run time. */
  schema: S;
}

function withQuery(url: string, query?: Query): string {
  if (!query) return url;
  const parts = Object.entries(query)
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return parts.length ? `${url}${url.includes('?') ? '&' : '?'}${parts.join('&')}` : url;
}

function parseBody(data: unknown): unknown {
  if (typeof data !== 'string') return data;
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return data;
  }
}

function toApiError(status: number, data: unknown): ApiError {
  const problem = ZProblem.safeParse(data);
  if (problem.success) return new ApiError(problem.data);
  return new ApiError({ status, code: `http.${status}`, title: `HTTP ${status}` });
}

/** The one way the shop talks to the server. `path` starts with `/api/`. */
export function request<S extends z.ZodType>(path: string, options: RequestOptions<S>): Promise<z.output<S>> {
  const { method = 'GET', query, body, schema, headers } = options;
  const header: Record<string, string> = {
    ...headers,
    Accept: 'application/json, application/problem+json',
    'Accept-Language': context.locale(),
    // Every call says which device it comes from, so a guest's searches and events join up.
    'X-Anonymous-Id': anonymousId(),
  };
  if (body !== undefined) header['Content-Type'] = 'application/json';
  const token = context.token();
  if (token) header.Authorization = `Bearer ${token}`;

  return new Promise((resolve, reject) => {
    uni.request({
      url: withQuery(`${apiBase()}${path}`, query),
      method,
      header,
      // An empty object keeps POSTs without a body valid JSON for the server's parser.
      data: (body ?? (method === 'GET' ? undefined : {})) as UniApp.RequestOptions['data'],
      dataType: 'json',
      timeout: 15000,
      success: (res) => {
        const data = parseBody(res.data);
        if (res.statusCode >= 400) {
          if (res.statusCode === 401 && token) context.onUnauthorized();
          reject(toApiError(res.statusCode, data));
          return;
        }
        const parsed = schema.safeParse(data);
        if (parsed.success) resolve(parsed.data);
        else reject(new ApiError({ status: res.statusCode, code: CLIENT_ERROR.badResponse, title: 'Unexpected response', detail: parsed.error.message }));
      },
      fail: (err) => {
        reject(new ApiError({ status: 0, code: CLIENT_ERROR.network, title: 'Network error', detail: err.errMsg }));
      },
    });
  });
}
