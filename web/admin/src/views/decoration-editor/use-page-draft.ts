import type { TBlock, TDecoratedPage, TProductCard, TShopPage } from '@koi/contracts';
import { ElMessage } from 'element-plus';
import { confirmAction } from '@/composables/confirm';
import { computed, ref, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { getPage, previewPage, publishPage, rollbackPage, saveDraft } from '@/api/decoration';
import { ApiError } from '@/api/http';
import { cloneBlocks, pageProblems } from './blocks.ts';
import { gridKey } from './context.ts';

/**
 * A decorated page being edited: the local draft (title and blocks), what was last saved, the server's
 * resolved preview, and the commands — save the draft, publish it, roll back to a version.
 */
export function usePageDraft(pageId: Readonly<Ref<string>>) {
  const { t } = useI18n();
  const page = ref<TDecoratedPage | null>(null);
  const title = ref('');
  const blocks = ref<TBlock[]>([]);
  const selected = ref<string | null>(null);
  const saved = ref('');
  const loading = ref(false);
  const saving = ref(false);
  const publishing = ref(false);
  const previewFailed = ref(false);
  const serverErrors = ref<Record<string, string>>({});
  const resolved = ref(new Map<string, TProductCard[]>());
  const resolvedFor = ref(new Map<string, string>());

  const snapshot = () => JSON.stringify({ title: title.value.trim(), blocks: blocks.value });
  const dirty = computed(() => saved.value !== '' && snapshot() !== saved.value);
  const problems = computed(() => pageProblems(blocks.value));

  function applyPage(next: TDecoratedPage): void {
    page.value = next;
    title.value = next.title;
    blocks.value = cloneBlocks(next.draft);
    saved.value = snapshot();
    serverErrors.value = {};
    if (!blocks.value.some((b) => b.id === selected.value)) selected.value = blocks.value[0]?.id ?? null;
  }

  /** The server resolves the saved draft's product grids; the preview shows those cards until the next save. */
  async function refreshPreview(): Promise<void> {
    try {
      const preview: TShopPage = await previewPage(pageId.value);
      const cards = new Map<string, TProductCard[]>();
      for (const b of preview.blocks) if (b.kind === 'product_grid_resolved') cards.set(b.id, b.products);
      resolved.value = cards;
      resolvedFor.value = new Map(blocks.value.filter((b) => b.kind === 'product_grid').map((b) => [b.id, gridKey(b)]));
      previewFailed.value = false;
    } catch {
      previewFailed.value = true;
    }
  }

  async function load(): Promise<void> {
    loading.value = true;
    try {
      applyPage(await getPage(pageId.value));
      await refreshPreview();
    } catch {
      // Toasted by the http client.
    } finally {
      loading.value = false;
    }
  }

  /** Saves the draft when it changed; false when it could not (problems shown, or the server refused). */
  async function save(): Promise<boolean> {
    if (!dirty.value) return true;
    if (!title.value.trim()) {
      ElMessage.error(t('decoration.titleRequired'));
      return false;
    }
    const firstBad = blocks.value.find((b) => problems.value.has(b.id));
    if (firstBad) {
      selected.value = firstBad.id;
      ElMessage.error(t('decoration.fixBlocks', { count: problems.value.size }, problems.value.size));
      return false;
    }
    saving.value = true;
    try {
      applyPage(await saveDraft(pageId.value, { title: title.value.trim(), blocks: blocks.value }));
      ElMessage.success(t('decoration.draftSaved'));
      await refreshPreview();
      return true;
    } catch (error) {
      if (error instanceof ApiError) {
        serverErrors.value = error.pathErrors;
        const bad = /^blocks\.(\d+)\./.exec(Object.keys(error.pathErrors)[0] ?? '');
        if (bad) selected.value = blocks.value[Number(bad[1])]?.id ?? selected.value;
      }
      return false;
    } finally {
      saving.value = false;
    }
  }

  const confirm = (message: string, action: string) => confirmAction(message, action, t('common.cancel'));

  async function publish(): Promise<void> {
    if (!(await confirm(t('decoration.publishConfirm'), t('decoration.publish')))) return;
    if (!(await save())) return;
    publishing.value = true;
    try {
      applyPage(await publishPage(pageId.value));
      ElMessage.success(t('decoration.published', { version: page.value?.publishedVersion ?? '' }));
    } catch {
      // Toasted by the http client.
    } finally {
      publishing.value = false;
    }
  }

  async function rollback(version: number): Promise<boolean> {
    if (!(await confirm(t('decoration.rollbackConfirm', { version }), t('decoration.rollback')))) return false;
    publishing.value = true;
    try {
      applyPage(await rollbackPage(pageId.value, { version }));
      await refreshPreview();
      ElMessage.success(t('decoration.rolledBack', { version }));
      return true;
    } catch {
      return false; // toasted by the http client
    } finally {
      publishing.value = false;
    }
  }

  return {
    page,
    title,
    blocks,
    selected,
    loading,
    saving,
    publishing,
    previewFailed,
    serverErrors,
    resolved,
    resolvedFor,
    dirty,
    problems,
    load,
    save,
    publish,
    rollback,
  };
}
