import type { THealth } from '@koi/contracts';
import { http } from './http.ts';

/**
 * Public, outside /api/admin. A degraded server may answer 503 with the same body, which we still show.
 * Silent: the dashboard shows a failure in its own card.
 */
export function getHealth(): Promise<THealth> {
  return http.get<THealth>('/health', { base: '/api', silent: true, acceptStatus: [503] });
}
