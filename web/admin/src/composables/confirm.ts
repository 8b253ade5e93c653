import { ElMessage, ElMessageBox } from 'element-plus';

/** Asks before an action (delete, shelve, retry, publish): true when confirmed, false when cancelled. */
export async function confirmAction(message: string, action: string, cancel: string, type: 'warning' | 'info' = 'warning'): Promise<boolean> {
  try {
    await ElMessageBox.confirm(message, action, { type, confirmButtonText: action, cancelButtonText: cancel });
    return true;
  } catch {
    return false;
  }
}

/**
 * A table row's action that asks first (end, delete): once confirmed it runs, toasts `done` and
 * reloads the table. A refused request has been toasted by the http client; the table stays as it was.
 */
export async function confirmThenRun(
  ask: { message: string; action: string; cancel: string },
  run: () => Promise<unknown>,
  done: string,
  reload: () => Promise<void>,
): Promise<void> {
  if (!(await confirmAction(ask.message, ask.action, ask.cancel))) return;
  try {
    await run();
    ElMessage.success(done);
    await reload();
  } catch {
    // Toasted by the http client.
  }
}
