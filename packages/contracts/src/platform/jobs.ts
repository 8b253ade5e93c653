import { z } from 'zod';

export const ZDeadJob = z.object({
  id: z.string(),
  queue: z.string(),
  data: z.unknown(),
  error: z.string().nullable(),
  retryCount: z.number().int(),
  failedAt: z.string().nullable(),
});
export const ZDeadJobList = z.object({ items: z.array(ZDeadJob), total: z.number().int() });
export type TDeadJob = z.infer<typeof ZDeadJob>;
export type TDeadJobList = z.infer<typeof ZDeadJobList>;
