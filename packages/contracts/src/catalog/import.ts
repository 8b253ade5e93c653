import { z } from 'zod';

export const ZImportStarted = z.object({ importId: z.string() });
export const ZImportStatus = z.object({
  id: z.string(),
  status: z.enum(['validating', 'rejected', 'importing', 'done', 'failed']),
  fileName: z.string(),
  totalRows: z.number().int(),
  processedRows: z.number().int(),
  createdProducts: z.number().int(),
  updatedProducts: z.number().int(),
  errorCount: z.number().int(),
  /** Row-by-row errors as .xlsx (the uploaded rows with an error column); null when there are none. */
  errorReportUrl: z.string().nullable(),
  message: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type TImportStatus = z.infer<typeof ZImportStatus>;
