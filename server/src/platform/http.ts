import Fastify, {
  type FastifyBaseLogger, type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest,
  type RawReplyDefaultExpression, type RawRequestDefaultExpression, type RawServerDefault,
} from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { ZProblem } from '@koi/contracts';
import { newId } from './ids.ts';
import { errorDef, KoiError, pickLang, type Lang } from './errors.ts';
import { validationMessage } from './validation-messages.ts';
import type { Logger } from './log.ts';

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;
/** A route guard: throws a KoiError to refuse, or sends a reply (idempotent replay). */
export type PreHandler = (req: FastifyRequest, reply: FastifyReply) => Promise<unknown>;

declare module 'fastify' {
  interface FastifyRequest {
    lang: Lang;
  }
  interface FastifyInstance {
    /** Single-page apps served beside the API: an unknown page path under `prefix` gets its index.html. */
    spaRoots: { prefix: string; indexHtml: string }[];
  }
}

const PROBLEM_TYPE = 'application/problem+json; charset=utf-8';

export type ProblemBody = {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  code: string;
  requestId: string;
  errors?: { path: string; message: string; code?: string }[];
};

/**
 * A field error in the request's language: one that names a registered code with `params` is
 * rendered from that code's message (`catalog.sku_code_taken` at `body.skus.2.code`); `params` stay inside.
 */
function fieldErrorOf(e: NonNullable<KoiError['fieldErrors']>[number], lang: Lang): NonNullable<ProblemBody['errors']>[number] {
  const { params, ...wire } = e;
  if (!params || !e.code || !errorDef(e.code)) return wire;
  return { ...wire, message: new KoiError(e.code, params).localized(lang) };
}

/** Renders any KoiError as RFC 9457 problem details in the request's language. */
export function problemOf(err: KoiError, req: FastifyRequest): ProblemBody {
  const title = err.localized(req.lang);
  return {
    type: `urn:koi:problem:${err.code}`,
    title,
    status: err.status,
    detail: title,
    instance: req.url.split('?')[0],
    code: err.code,
    requestId: req.id,
    ...(err.fieldErrors ? { errors: err.fieldErrors.map((e) => fieldErrorOf(e, req.lang)) } : {}),
  };
}

export function sendProblem(reply: FastifyReply, err: KoiError): FastifyReply {
  if (err.headers) reply.headers(err.headers);
  return reply.code(err.status).type(PROBLEM_TYPE).send(JSON.stringify(problemOf(err, reply.request)));
}

/** Maps framework errors (bad JSON, wrong content type, too large, schema failures) to our codes. */
function toKoiError(error: FastifyError, req: FastifyRequest): KoiError | null {
  if (error instanceof KoiError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? 'body';
    const fieldErrors = error.validation.map((v) => ({
      path: [where, ...String(v.instancePath ?? '').split('/').filter(Boolean)].join('.'),
      message: validationMessage({ keyword: String(v.keyword), message: v.message ?? 'invalid', params: v.params ?? {} }, req.lang),
      code: typeof v.keyword === 'string' ? v.keyword : undefined,
    }));
    return new KoiError('http.validation_failed', {}, { fieldErrors });
  }
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new KoiError('http.malformed_json');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new KoiError('http.unsupported_media_type');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new KoiError('http.payload_too_large');
  }
  if (error instanceof SyntaxError && req.headers['content-type']?.includes('json')) return new KoiError('http.malformed_json');
  if (typeof error.statusCode === 'number' && error.statusCode === 429) {
    return new KoiError('http.rate_limited', { seconds: 60 });
  }
  if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
    return new KoiError('http.bad_request');
  }
  return null;
}

export async function createHttp(log: Logger, opts: { bodyLimit?: number; docs?: boolean; trustProxy?: boolean | number | string[] } = {}): Promise<App> {
  const app = Fastify({
    loggerInstance: log,
    genReqId: () => newId(),
    bodyLimit: opts.bodyLimit ?? 1024 * 1024,
    // A hop count trusts that many proxies nearest to us (proxy-addr semantics).
    trustProxy: typeof opts.trustProxy === 'number' ? ((_addr: string, hop: number) => hop < (opts.trustProxy as number)) : (opts.trustProxy ?? false),
  }).withTypeProvider<ZodTypeProvider>() as unknown as App;

  // JSON only: a text/plain body to a JSON route is a 415, not a string the schema then rejects.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('lang', 'zh-CN');
  app.addHook('onRequest', async (req, reply) => {
    req.lang = pickLang(req.headers['accept-language']);
    reply.header('x-request-id', req.id);
  });

  app.setErrorHandler((error: FastifyError, req, reply) => {
    const koi = toKoiError(error, req);
    if (koi) {
      if (koi.status >= 500) req.log.error({ err: error }, 'request failed');
      return sendProblem(reply, koi);
    }
    if (isResponseSerializationError(error)) req.log.error({ err: error, issues: error.cause?.issues }, 'response did not match its schema');
    else req.log.error({ err: error }, 'unexpected error');
    return sendProblem(reply, new KoiError('http.internal', { requestId: req.id }));
  });

  app.decorate('spaRoots', []);
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0]!;
    if (req.method === 'GET' && !path.startsWith('/api/') && !/\.[a-z0-9]{1,8}$/i.test(path)) {
      const spa = [...app.spaRoots].sort((a, b) => b.prefix.length - a.prefix.length).find((r) => path.startsWith(r.prefix));
      if (spa) return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(spa.indexHtml);
    }
    return sendProblem(reply, new KoiError('http.not_found'));
  });

  // Every documented route answers errors the same way; say so once, here, for the OpenAPI document.
  app.addHook('onRoute', (route) => {
    const schema = route.schema as { hide?: boolean; response?: Record<string, unknown> } | undefined;
    if (!schema || schema.hide) return;
    schema.response = { ...schema.response, '4XX': ZProblem, '5XX': ZProblem };
  });

  if (opts.docs !== false) {
    // Awaited before any route exists: swagger collects routes through its onRoute hook.
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: { title: 'Koi API', version: '0.1.0', description: 'Koi private-domain commerce: shop, admin and provider callback APIs. Errors are RFC 9457 problem+json with a stable `code`.' },
        components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
        tags: [
          { name: 'shop', description: 'Shoppers (mini-program and H5)' },
          { name: 'admin', description: 'Staff console' },
          { name: 'callbacks', description: 'Outside providers' },
          { name: 'platform', description: 'Health and docs' },
        ],
      },
      transform: jsonSchemaTransform,
      // Named schemas (z.globalRegistry ids, e.g. the recursive Category) become components.
      transformObject: jsonSchemaTransformObject,
    });
    await app.register(swaggerUi, { routePrefix: '/api/docs' });
    app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  }
  return app;
}
