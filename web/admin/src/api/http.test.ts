import { describe, expect, it, vi } from 'vitest';
import { ApiError, createHttpClient, type HttpClientDeps } from './http.ts';

interface Call {
  url: string;
  init: RequestInit;
}

function json(status: number, body: unknown, type = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });
}

function setup(respond: (call: Call) => Response | Promise<Response>, overrides: Partial<HttpClientDeps> = {}) {
  const calls: Call[] = [];
  const deps = {
    base: '/api/admin',
    fetch: vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const call = { url: String(input), init: init ?? {} };
      calls.push(call);
      return respond(call);
    }),
    getToken: () => 'tok-123',
    getLocale: () => 'zh-CN',
    onUnauthorized: vi.fn(),
    notify: vi.fn(),
    fallbackMessage: (status: number) => (status === 0 ? '无法连接服务器' : `请求失败（${status}）`),
    ...overrides,
  } satisfies HttpClientDeps;
  return { http: createHttpClient(deps), deps, calls };
}

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

const validationProblem = {
  type: 'https://koi.dev/problems/validation',
  title: '请求参数有误',
  status: 400,
  detail: '有 2 个字段不正确',
  code: 'http.validation',
  requestId: 'req-9',
  errors: [
    { path: 'body.email', message: '邮箱格式不正确' },
    { path: 'password', message: '至少 8 位' },
  ],
};

describe('http client', () => {
  it('sends the base, query, bearer token, language and JSON body, and unwraps the JSON answer', async () => {
    const { http, calls } = setup(() => json(200, { id: 's1' }));
    const out = await http.post<{ id: string }>('/staff', { name: '王小鱼' }, { query: { page: 2, skip: undefined } });
    expect(out).toEqual({ id: 's1' });
    expect(calls[0]!.url).toBe('/api/admin/staff?page=2');
    const headers = calls[0]!.init.headers as Record<string, string>;
    expect(headers.Authorization).toBe('Bearer tok-123');
    expect(headers['Accept-Language']).toBe('zh-CN');
    expect(headers['Content-Type']).toBe('application/json');
    expect(calls[0]!.init.body).toBe('{"name":"王小鱼"}');
  });

  it('sends no Authorization header when signed out, and honours a base override', async () => {
    const { http, calls } = setup(() => json(200, { status: 'ok' }), { getToken: () => null });
    await http.get('/health', { base: '/api' });
    expect(calls[0]!.url).toBe('/api/health');
    expect((calls[0]!.init.headers as Record<string, string>).Authorization).toBeUndefined();
  });

  it('maps a problem+json answer to an ApiError with its code, status and field errors, and toasts it', async () => {
    const { http, deps } = setup(() => json(400, validationProblem, 'application/problem+json'));
    const error = await rejection(http.post('/staff', {}));
    expect(error.status).toBe(400);
    expect(error.code).toBe('http.validation');
    expect(error.message).toBe('有 2 个字段不正确');
    expect(error.problem.requestId).toBe('req-9');
    expect(error.fieldErrors).toEqual({ email: '邮箱格式不正确', password: '至少 8 位' });
    expect(deps.notify).toHaveBeenCalledWith('有 2 个字段不正确');
    expect(deps.onUnauthorized).not.toHaveBeenCalled();
  });

  it('uses the title when the problem has no detail', async () => {
    const problem = { type: 'about:blank', title: '员工不存在', status: 404, code: 'identity.staff_not_found' };
    const { http } = setup(() => json(404, problem, 'application/problem+json'));
    expect((await rejection(http.get('/staff/x'))).message).toBe('员工不存在');
  });

  it('clears the session on 401 (through onUnauthorized) and still says why', async () => {
    const problem = { type: 'about:blank', title: '请先登录', status: 401, code: 'auth.unauthenticated' };
    const { http, deps } = setup(() => json(401, problem, 'application/problem+json'));
    const error = await rejection(http.get('/me'));
    expect(error.status).toBe(401);
    expect(deps.onUnauthorized).toHaveBeenCalledOnce();
    expect(deps.notify).toHaveBeenCalledWith('请先登录');
  });

  it('makes a problem from a non-problem error body (a proxy 502 page)', async () => {
    const { http } = setup(() => new Response('<html>Bad Gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } }));
    const error = await rejection(http.get('/staff'));
    expect(error.problem).toEqual({ type: 'about:blank', title: '请求失败（502）', status: 502, code: 'http.502' });
  });

  it('turns a network failure into an ApiError with status 0', async () => {
    const { http, deps } = setup(() => Promise.reject(new TypeError('Failed to fetch')));
    const error = await rejection(http.get('/staff'));
    expect(error.status).toBe(0);
    expect(error.code).toBe('http.network');
    expect(deps.notify).toHaveBeenCalledWith('无法连接服务器');
  });

  it('does not toast when asked to be silent, and accepts listed non-2xx statuses as answers', async () => {
    const { http, deps } = setup((call) =>
      call.url.endsWith('/health') ? json(503, { status: 'degraded' }) : json(500, { title: 'x' }),
    );
    await rejection(http.get('/boom', { silent: true }));
    expect(deps.notify).not.toHaveBeenCalled();
    expect(await http.get('/health', { acceptStatus: [503] })).toEqual({ status: 'degraded' });
  });

  it('returns undefined for 204 No Content', async () => {
    const { http } = setup(() => new Response(null, { status: 204 }));
    expect(await http.del('/staff/s1')).toBeUndefined();
  });
});
