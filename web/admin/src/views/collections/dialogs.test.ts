import type { TCategory, TCollection } from '@koi/contracts';
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { nextTick } from 'vue';
import { i18n } from '@/i18n';
import CategoryDialog from '../categories/modules/category-dialog.vue';
import CollectionDialog from './modules/collection-dialog.vue';

/** The category and collection dialogs share one save flow (useDialogSave): field errors from the server, close on success. */

const json = (status: number, body: unknown, type = 'application/json') => new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });
const problem = (status: number, code: string, errors: { path: string; message: string }[]) =>
  json(status, { type: `urn:koi:problem:${code}`, title: '请求参数有误，请检查标出的字段', status, code, errors }, 'application/problem+json');

function fakeApi(answer: (method: string, url: string, body: unknown) => Response) {
  const calls: { method: string; url: string; body: unknown }[] = [];
  vi.stubGlobal('fetch', vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const call = { method: init?.method ?? 'GET', url: String(input), body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined };
    calls.push(call);
    return answer(call.method, call.url, call.body);
  }));
  return calls;
}

const collection: TCollection = {
  id: 'col1', name: '新品上架', mode: 'manual', productIds: ['0190a0a0-0000-7000-8000-000000000001'], rule: null, productCount: 1, updatedAt: '2026-01-01T00:00:00Z',
};
const category: TCategory = { id: 'cat1', parentId: null, name: '茶具', icon: null, sort: 10, productCount: 0, children: [] };

async function open<P extends object>(component: unknown, props: P) {
  i18n.global.locale.value = 'zh-CN';
  const wrapper = mount(component as never, {
    props: { modelValue: false, ...props, 'onUpdate:modelValue': (v: boolean) => wrapper.setProps({ modelValue: v } as never) } as never,
    global: { plugins: [i18n, ElementPlus] },
    attachTo: document.body,
  });
  await wrapper.setProps({ modelValue: true } as never);
  await flushPromises();
  return wrapper;
}

const dialogError = () => document.querySelector('.el-dialog .el-form-item.is-error .el-form-item__error')?.textContent?.trim();
const click = async (text: string) => {
  const button = [...document.querySelectorAll<HTMLButtonElement>('.el-dialog__footer button')].find((b) => b.textContent?.trim() === text)!;
  button.click();
  await flushPromises();
};

describe('edit dialogs', { timeout: 30_000 }, () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('collection: a refused save shows the server\'s message under the field and stays open; a good one closes and refreshes', async () => {
    let refuse = true;
    const calls = fakeApi((method, url) => {
      if (method === 'PUT' && url.endsWith('/catalog/collections/col1')) {
        return refuse ? problem(400, 'http.validation_failed', [{ path: 'body.name', message: '最多 30 个字符' }]) : json(200, collection);
      }
      return json(200, { items: [], total: 0 });
    });
    const wrapper = await open(CollectionDialog, { collection, categoryOptions: [] });
    await click('保存');
    await vi.waitFor(() => expect(dialogError()).toBe('最多 30 个字符'));
    expect(wrapper.emitted('saved')).toBeUndefined();
    expect(wrapper.props('modelValue' as never)).toBe(true);

    refuse = false;
    await click('保存');
    expect(wrapper.emitted('saved')).toHaveLength(1);
    expect(wrapper.props('modelValue' as never)).toBe(false);
    expect(calls.filter((c) => c.method === 'PUT').map((c) => c.body)).toEqual([
      { name: '新品上架', mode: 'manual', productIds: collection.productIds, rule: null },
      { name: '新品上架', mode: 'manual', productIds: collection.productIds, rule: null },
    ]);
    // Opening again starts clean.
    await wrapper.setProps({ modelValue: true } as never);
    await nextTick();
    await flushPromises();
    expect(dialogError()).toBeUndefined();
    wrapper.unmount();
  });

  it('category: its own check first, then the server\'s field errors, then a patch of what changed', async () => {
    let refuse = true;
    const calls = fakeApi((method) => {
      if (method === 'PATCH') return refuse ? problem(422, 'catalog.category_too_deep', [{ path: 'body.parentId', message: '类目最多两级' }]) : json(200, { ...category, name: '茶器' });
      return json(404, {});
    });
    const wrapper = await open(CategoryDialog, { category, parentId: null, sort: 10, tree: [category] });
    const name = document.querySelector<HTMLInputElement>('.el-dialog input')!;
    name.value = '';
    name.dispatchEvent(new Event('input'));
    await click('保存');
    await vi.waitFor(() => expect(dialogError()).toBeTruthy());
    expect(calls).toHaveLength(0);

    name.value = '茶器';
    name.dispatchEvent(new Event('input'));
    await click('保存');
    await vi.waitFor(() => expect(dialogError()).toBe('类目最多两级'));
    refuse = false;
    await click('保存');
    expect(wrapper.emitted('saved')).toHaveLength(1);
    expect(calls.map((c) => [c.method, c.body])).toEqual([['PATCH', { name: '茶器' }], ['PATCH', { name: '茶器' }]]);
    wrapper.unmount();
  });
});
