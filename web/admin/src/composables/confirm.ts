import { ElMessageBox } from 'element-plus';

/** Asks before an action (delete, shelve, retry, publish): true when confirmed, false when cancelled. */
export async function confirmAction(message: string, action: string, cancel: string, type: 'warning' | 'info' = 'warning'): Promise<boolean> {
  try {
    await ElMessageBox.confirm(message, action, { type, confirmButtonText: action, cancelButtonText: cancel });
    return true;
  } catch {
    return false;
  }
}
