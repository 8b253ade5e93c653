import { ElMessage, ElMessageBox, type MessageBoxData } from 'element-plus';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { confirmThenRun } from './confirm.ts';

/** A row's action that asks first: nothing runs when cancelled; a refusal neither toasts nor reloads. */

const ask = { message: '删除「新人券」？', action: '删除', cancel: '取消' };

function setup(answer: 'confirm' | 'cancel') {
  vi.spyOn(ElMessageBox, 'confirm').mockImplementation(() => (answer === 'confirm' ? Promise.resolve('confirm' as unknown as MessageBoxData) : Promise.reject('cancel')));
  const toast = vi.spyOn(ElMessage, 'success').mockImplementation(() => ({ close: () => undefined }) as ReturnType<typeof ElMessage.success>);
  const reload = vi.fn(async () => undefined);
  return { toast, reload };
}

describe('confirmThenRun', () => {
  afterEach(() => vi.restoreAllMocks());

  it('does nothing when the operator cancels', async () => {
    const { toast, reload } = setup('cancel');
    const run = vi.fn(async () => undefined);
    await confirmThenRun(ask, run, '已删除', reload);
    expect(run).not.toHaveBeenCalled();
    expect(toast).not.toHaveBeenCalled();
    expect(reload).not.toHaveBeenCalled();
  });

  it('runs, toasts and reloads once confirmed', async () => {
    const { toast, reload } = setup('confirm');
    const run = vi.fn(async () => undefined);
    await confirmThenRun(ask, run, '已删除', reload);
    expect(run).toHaveBeenCalledTimes(1);
    expect(toast).toHaveBeenCalledWith('已删除');
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('leaves the table as it was when the server refuses (the http client toasted it)', async () => {
    const { toast, reload } = setup('confirm');
    await confirmThenRun(ask, () => Promise.reject(new Error('409')), '已删除', reload);
    expect(toast).not.toHaveBeenCalled();
    expect(reload).not.toHaveBeenCalled();
  });
});
