import { describe, expect, it, vi } from 'vitest';
import { normalizeErrorPath } from './api-error.ts';
import { ApiError, createHttpClient, fileNameFrom, type HttpClientDeps } from './http.ts';

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

  it('sends PUT with a JSON body', async () => {
    const { http, calls } = setup(() => json(200, { items: [] }));
    await http.put('/search/hot-words', { items: [{ word: '紫砂壶', sort: 0 }] });
    expect(calls[0]!.init.method).toBe('PUT');
    expect(calls[0]!.init.body).toBe('{"items":[{"word":"紫砂壶","sort":0}]}');
  });

  it('uploads multipart form data without forcing a JSON content type, keeping the file name', async () => {
    const { http, calls } = setup(() => json(200, { url: '/media/a.png' }));
    const file = new File([new Uint8Array([137, 80, 78, 71])], '青瓷.png', { type: 'image/png' });
    expect(await http.upload('/catalog/media', { file })).toEqual({ url: '/media/a.png' });
    const init = calls[0]!.init;
    expect(init.method).toBe('POST');
    expect((init.headers as Record<string, string>)['Content-Type']).toBeUndefined();
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer tok-123');
    const sent = (init.body as FormData).get('file') as File;
    expect(sent.name).toBe('青瓷.png');
    expect(sent.size).toBe(4);
  });

  it('downloads a file with its server-given name, and still maps a problem when the export fails', async () => {
    const xlsx = new Uint8Array([80, 75, 3, 4]);
    const { http, calls } = setup((call) =>
      call.url.includes('/catalog/export')
        ? new Response(xlsx, {
            status: 200,
            headers: { 'content-disposition': "attachment; filename=\"x.xlsx\"; filename*=UTF-8''%E5%95%86%E5%93%81.xlsx" },
          })
        : json(403, { type: 'about:blank', title: '没有权限', status: 403, code: 'auth.forbidden' }, 'application/problem+json'),
    );
    const file = await http.download('/catalog/export', 'fallback.xlsx', { query: { status: 'on_sale', q: undefined } });
    expect(calls[0]!.url).toBe('/api/admin/catalog/export?status=on_sale');
    expect(file.fileName).toBe('商品.xlsx');
    expect(new Uint8Array(await file.blob.arrayBuffer())).toEqual(xlsx);
    expect((await rejection(http.download('/catalog/import/template', 't.xlsx'))).code).toBe('auth.forbidden');
  });

  it('keeps the whole path of nested field errors, so a SKU row can show its own', async () => {
    const problem = {
      ...validationProblem,
      errors: [
        { path: 'body.skus.2.priceFen', message: '必须是整数' },
        { path: 'body.skus.2.priceFen', message: '不能为负' },
        { path: '/body/skus/0/code', message: '重复的货号' },
        { path: 'title', message: '必填' },
      ],
    };
    const { http } = setup(() => json(400, problem, 'application/problem+json'));
    const error = await rejection(http.post('/catalog/products', {}));
    expect(error.pathErrors).toEqual({ 'skus.2.priceFen': '必须是整数', 'skus.0.code': '重复的货号', title: '必填' });
  });
});

describe('normalizeErrorPath', () => {
  it('drops the body root and unifies separators', () => {
    expect(normalizeErrorPath('body.skus.2.priceFen')).toBe('skus.2.priceFen');
    expect(normalizeErrorPath('skus[2].priceFen')).toBe('skus.2.priceFen');
    expect(normalizeErrorPath('/body/specs/0/values/1')).toBe('specs.0.values.1');
    expect(normalizeErrorPath('query.page')).toBe('query.page');
  });
});

describe('fileNameFrom', () => {
  it('prefers the UTF-8 name, then the plain one, then the fallback', () => {
    expect(fileNameFrom("attachment; filename*=UTF-8''%E6%A8%A1%E6%9D%BF.xlsx", 'f')).toBe('模板.xlsx');
    expect(fileNameFrom('attachment; filename="catalog.xlsx"', 'f')).toBe('catalog.xlsx');
    expect(fileNameFrom('attachment; filename=plain.xlsx', 'f')).toBe('plain.xlsx');
    expect(fileNameFrom("attachment; filename*=UTF-8''%E6%ZZ", 'f')).toBe('f');
    expect(fileNameFrom(null, 'f')).toBe('f');
  });
});
