import type { TMessageChannel, TMessageSendList, TMessageSendStatus } from '@koi/contracts';
import { http, type TPageParams } from './http.ts';

export type TMessageFilters = { channel?: TMessageChannel; status?: TMessageSendStatus };

/** The message log (order notifications), newest first; recipients come masked. */
export function listMessages(params: TPageParams & TMessageFilters): Promise<TMessageSendList> {
  return http.get<TMessageSendList>('/messages', { query: { ...params } });
}
