import { ZProblem, type TProblem } from '@koi/contracts';

/** A failed request, carrying the server's RFC 9457 problem (already localised by the server). */
export class ApiError extends Error {
  readonly problem: TProblem;

  constructor(problem: TProblem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): string {
    return this.problem.code;
  }

  /**
   * Field errors keyed by their whole path without the `body` root (`body.skus.2.priceFen` → `skus.2.priceFen`),
   * for forms with nested rows: the first message of a path wins.
   */
  get pathErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.problem.errors ?? []) out[normalizeErrorPath(e.path)] ??= e.message;
    return out;
  }

  /** Field errors keyed by the last segment of their path (`body.email` → `email`), for el-form-item `error`. */
  get fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.problem.errors ?? []) {
      const key = e.path.split(/[./]/).filter(Boolean).pop() ?? e.path;
      out[key] ??= e.message;
    }
    return out;
  }
}

/** `body.skus.2.priceFen`, `/body/skus/2/priceFen` or `skus[2].priceFen` → `skus.2.priceFen`. */
export function normalizeErrorPath(path: string): string {
  const parts = path.split(/[./[\]]/).filter(Boolean);
  if (parts[0] === 'body') parts.shift();
  return parts.join('.');
}

/**
 * Turns any failed response body into a problem. The server always sends problem+json, but a proxy
 * in front of it (nginx 502, a load balancer) may not: then we make one from the status.
 */
export function toProblem(status: number, body: unknown, fallbackTitle: string): TProblem {
  const parsed = ZProblem.safeParse(body);
  if (parsed.success) return parsed.data;
  return { type: 'about:blank', title: fallbackTitle, status, code: `http.${status}` };
}
