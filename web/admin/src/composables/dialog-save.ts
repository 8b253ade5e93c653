import { ElMessage } from 'element-plus';
import { ref, watch, type Ref } from 'vue';
import { ApiError } from '@/api/http';

/** What a dialog's form gives back on 保存: its own mistakes by field path, or the request to send. */
export type TDialogSavePlan = { errors: Record<string, string> } | { save: () => Promise<string> };

/**
 * The save of an edit dialog (category, collection …): on opening, `reset` the form and clear the
 * errors; on 保存, check the form (`prepare`), send the request, toast its success message, tell the
 * page (`saved`) and close. A refused request leaves the dialog open with the problem's
 * `errors[].path` under their fields (`name`, `rule.priceMinFen`); the http client has toasted it.
 */
export function useDialogSave(options: {
  visible: Ref<boolean>;
  reset: () => void;
  prepare: () => TDialogSavePlan;
  /** Tells the page once saved; a save that hands the page what the server answered does it itself. */
  saved?: () => void;
}) {
  const errors = ref<Record<string, string>>({});
  const saving = ref(false);

  watch(options.visible, (open) => {
    if (!open) return;
    options.reset();
    errors.value = {};
  });

  async function submit(): Promise<void> {
    if (saving.value) return;
    const plan = options.prepare();
    if ('errors' in plan) {
      errors.value = plan.errors;
      return;
    }
    saving.value = true;
    errors.value = {};
    try {
      ElMessage.success(await plan.save());
      options.saved?.();
      options.visible.value = false;
    } catch (error) {
      if (error instanceof ApiError) errors.value = error.pathErrors;
      else throw error;
    } finally {
      saving.value = false;
    }
  }

  /** Drops one field's error once the operator has dealt with it. */
  function clear(path: string): void {
    if (!(path in errors.value)) return;
    const { [path]: _gone, ...rest } = errors.value;
    errors.value = rest;
  }

  return { errors, saving, submit, clear };
}
