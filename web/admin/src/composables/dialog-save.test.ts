import { ElMessage } from 'element-plus';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { nextTick, ref } from 'vue';
import { ApiError } from '@/api/http';
import { useDialogSave, type TDialogSavePlan } from './dialog-save.ts';

/** The one save flow of the edit dialogs: check → send → toast → close → refresh, or errors under the fields. */

function setup(plan: () => TDialogSavePlan) {
  const visible = ref(false);
  const reset = vi.fn();
  const saved = vi.fn();
  const dialog = useDialogSave({ visible, reset, prepare: plan, saved });
  return { visible, reset, saved, ...dialog };
}

describe('useDialogSave', () => {
  afterEach(() => vi.restoreAllMocks());

  it('resets the form and clears old errors each time the dialog opens', async () => {
    const d = setup(() => ({ errors: { name: '请填写名称' } }));
    d.visible.value = true;
    await nextTick();
    expect(d.reset).toHaveBeenCalledTimes(1);
    await d.submit();
    expect(d.errors.value).toEqual({ name: '请填写名称' });
    d.visible.value = false;
    await nextTick();
    d.visible.value = true;
    await nextTick();
    expect(d.reset).toHaveBeenCalledTimes(2);
    expect(d.errors.value).toEqual({});
  });

  it('keeps the form\'s own mistakes without asking the server', async () => {
    const save = vi.fn(async () => 'ok');
    let bad = true;
    const d = setup(() => (bad ? { errors: { 'rule.priceMaxFen': '上限不能低于下限' } } : { save }));
    d.visible.value = true;
    await nextTick();
    await d.submit();
    expect(save).not.toHaveBeenCalled();
    expect(d.errors.value).toEqual({ 'rule.priceMaxFen': '上限不能低于下限' });
    expect(d.visible.value).toBe(true);
    d.clear('rule.priceMaxFen');
    expect(d.errors.value).toEqual({});
    bad = false;
    await d.submit();
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('saves once, toasts, tells the page and closes', async () => {
    const toast = vi.spyOn(ElMessage, 'success').mockImplementation(() => ({ close: () => undefined }) as ReturnType<typeof ElMessage.success>);
    let finish: (v: string) => void = () => undefined;
    const save = vi.fn(() => new Promise<string>((resolve) => (finish = resolve)));
    const d = setup(() => ({ save }));
    d.visible.value = true;
    const first = d.submit();
    expect(d.saving.value).toBe(true);
    await d.submit(); // a second click while saving does nothing
    finish('分组已保存');
    await first;
    expect(save).toHaveBeenCalledTimes(1);
    expect(toast).toHaveBeenCalledWith('分组已保存');
    expect(d.saved).toHaveBeenCalledTimes(1);
    expect(d.visible.value).toBe(false);
    expect(d.saving.value).toBe(false);
  });

  it('puts a problem\'s field errors under their fields and stays open', async () => {
    const problem = new ApiError({
      type: 'about:blank', title: '请求参数有误', status: 400, code: 'http.validation_failed',
      errors: [{ path: 'body.name', message: '最多 30 个字符' }, { path: 'body.rule.priceMinFen', message: '不能为负数' }],
    });
    const d = setup(() => ({ save: () => Promise.reject(problem) }));
    d.visible.value = true;
    await nextTick();
    await d.submit();
    expect(d.errors.value).toEqual({ name: '最多 30 个字符', 'rule.priceMinFen': '不能为负数' });
    expect(d.visible.value).toBe(true);
    expect(d.saved).not.toHaveBeenCalled();
    expect(d.saving.value).toBe(false);
  });
});
