import { ElMessage } from 'element-plus';
import { getLocale, i18n } from '@/i18n';
import { getToken } from '@/stores/token';
import { ApiError, toProblem } from './api-error.ts';

export { ApiError } from './api-error.ts';

type TQuery = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  query?: TQuery;
  body?: unknown;
  /** Overrides the client's base, e.g. `/api` for the public health check. */
  base?: string;
  /** Do not toast on error (the caller shows it some other way). */
  silent?: boolean;
  signal?: AbortSignal;
  /** Non-2xx statuses whose body is still the answer (the health check answers 503 when degraded). */
  acceptStatus?: number[];
}

/** A file the server sent (an Excel export, a template, an error report). */
export interface TDownload {
  blob: Blob;
  /** From Content-Disposition, else the caller's fallback. */
  fileName: string;
}

export interface TPageParams {
  page: number;
  pageSize: number;
}

export interface HttpClientDeps {
  base: string;
  fetch: typeof fetch;
  getToken: () => string | null;
  getLocale: () => string;
  /** Called on any 401: the session is gone. */
  onUnauthorized: () => void;
  /** Shows an error to the operator (a toast in the app). */
  notify: (message: string) => void;
  /** Localised text when there is no problem body: `status` 0 means the server was unreachable. */
  fallbackMessage: (status: number) => string;
}

export interface HttpClient {
  request<T>(method: string, path: string, options?: RequestOptions): Promise<T>;
  get<T>(path: string, options?: RequestOptions): Promise<T>;
  post<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T>;
  patch<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T>;
  put<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T>;
  del<T>(path: string, options?: RequestOptions): Promise<T>;
  /** A multipart upload: `fields` become form parts (a File keeps its name). */
  upload<T>(path: string, fields: Record<string, Blob | string>, options?: RequestOptions): Promise<T>;
  /** A GET whose answer is a file; errors are still problem+json. */
  download(path: string, fallbackName: string, options?: RequestOptions): Promise<TDownload>;
}

function buildUrl(base: string, path: string, query?: TQuery): string {
  let url = `${base.replace(/\/$/, '')}${path}`;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== null) params.set(k, String(v));
  const qs = params.toString();
  if (qs) url += `?${qs}`;
  return url;
}

async function readBody(res: Response): Promise<unknown> {
  if (res.status === 204) return undefined;
  const text = await res.text();
  if (!text) return undefined;
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

/**
 * `attachment; filename*=UTF-8''%E5%95%86%E5%93%81.xlsx` or `attachment; filename="x.xlsx"` → the name;
 * the RFC 5987 form wins because it carries Chinese names intact.
 */
export function fileNameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1]!.trim());
    } catch {
      // A malformed escape: fall through to the plain form.
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(disposition);
  return plain ? plain[1]!.trim() : fallback;
}

/** The one HTTP client: base URL, bearer token, Accept-Language, JSON in and out, problem+json → ApiError. */
export function createHttpClient(deps: HttpClientDeps): HttpClient {
  /** Sends the request; resolves with the response when it is an answer, else throws the ApiError (toasted). */
  async function send(method: string, path: string, options: RequestOptions, accept: string): Promise<Response> {
    const headers: Record<string, string> = { Accept: accept, 'Accept-Language': deps.getLocale() };
    const token = deps.getToken();
    if (token) headers.Authorization = `Bearer ${token}`;
    const init: RequestInit = { method, headers, signal: options.signal };
    if (options.body instanceof FormData) {
      // The browser sets multipart/form-data with its boundary itself.
      init.body = options.body;
    } else if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(options.body);
    }

    let res: Response;
    try {
      res = await deps.fetch(buildUrl(options.base ?? deps.base, path, options.query), init);
    } catch (cause) {
      if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
      const error = new ApiError({ type: 'about:blank', title: deps.fallbackMessage(0), status: 0, code: 'http.network' });
      if (!options.silent) deps.notify(error.message);
      throw error;
    }

    if (res.ok || options.acceptStatus?.includes(res.status)) return res;

    const error = new ApiError(toProblem(res.status, await readBody(res), deps.fallbackMessage(res.status)));
    if (res.status === 401) deps.onUnauthorized();
    if (!options.silent) deps.notify(error.message);
    throw error;
  }

  async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    return (await readBody(await send(method, path, options, 'application/json'))) as T;
  }

  async function download(path: string, fallbackName: string, options: RequestOptions = {}): Promise<TDownload> {
    const res = await send('GET', path, options, '*/*');
    return { blob: await res.blob(), fileName: fileNameFrom(res.headers.get('content-disposition'), fallbackName) };
  }

  function upload<T>(path: string, fields: Record<string, Blob | string>, options: RequestOptions = {}): Promise<T> {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) {
      if (value instanceof File) form.append(name, value, value.name);
      else form.append(name, value);
    }
    return request<T>('POST', path, { ...options, body: form });
  }

  return {
    request,
    get: (path, options) => request('GET', path, options),
    post: (path, body, options) => request('POST', path, { ...options, body }),
    patch: (path, body, options) => request('PATCH', path, { ...options, body }),
    put: (path, body, options) => request('PUT', path, { ...options, body }),
    del: (path, options) => request('DELETE', path, options),
    upload,
    download,
  };
}

let unauthorizedHandler: () => void = () => {};

/** main.ts wires this to the session store and router (kept out of here to avoid an import cycle). */
export function setUnauthorizedHandler(handler: () => void): void {
  unauthorizedHandler = handler;
}

export const http = createHttpClient({
  base: '/api/admin',
  fetch: (input, init) => globalThis.fetch(input, init),
  getToken,
  getLocale,
  onUnauthorized: () => unauthorizedHandler(),
  notify: (message) => {
    ElMessage({ type: 'error', message, grouping: true, showClose: true });
  },
  fallbackMessage: (status) =>
    status === 0 ? i18n.global.t('http.network') : i18n.global.t('http.status', { status }),
});
