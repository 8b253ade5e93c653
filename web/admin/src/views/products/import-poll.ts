import type { TImportStatus } from '@koi/contracts';

/** An import has finished when it is done, rejected (a bad row: nothing written) or failed. */
export function importFinished(status: TImportStatus['status']): boolean {
  return status === 'done' || status === 'rejected' || status === 'failed';
}

/** 0–100 for the progress bar: rows looked at so far (validation, then writing). */
export function importPercent(s: TImportStatus): number {
  // A rejected file was read to the end (every row checked): a full, red bar.
  if (s.status === 'done' || s.status === 'rejected') return 100;
  if (s.totalRows <= 0) return 0;
  return Math.min(100, Math.floor((s.processedRows / s.totalRows) * 100));
}

export function importProgressStatus(s: TImportStatus): 'success' | 'exception' | undefined {
  if (s.status === 'done') return 'success';
  if (s.status === 'rejected' || s.status === 'failed') return 'exception';
  return undefined;
}

export interface TPollDeps {
  getStatus: (id: string) => Promise<TImportStatus>;
  sleep: (ms: number) => Promise<void>;
  onUpdate: (status: TImportStatus) => void;
  /** Stops polling (the dialog closed); the last status seen is returned. */
  cancelled: () => boolean;
  intervalMs?: number;
  /** Consecutive failed polls tolerated before giving up (a restart of the server, a blip). */
  maxFailures?: number;
}

/**
 * Asks for the import's status until it finishes, reporting each answer. A failed poll is retried with
 * a longer wait; `maxFailures` in a row end the polling with the error.
 */
export async function pollImport(id: string, deps: TPollDeps): Promise<TImportStatus | null> {
  const interval = deps.intervalMs ?? 1000;
  const maxFailures = deps.maxFailures ?? 5;
  let failures = 0;
  let last: TImportStatus | null = null;
  while (!deps.cancelled()) {
    try {
      last = await deps.getStatus(id);
      failures = 0;
      if (deps.cancelled()) return last;
      deps.onUpdate(last);
      if (importFinished(last.status)) return last;
    } catch (error) {
      failures += 1;
      if (failures >= maxFailures) throw error;
    }
    await deps.sleep(interval * (failures + 1));
  }
  return last;
}
