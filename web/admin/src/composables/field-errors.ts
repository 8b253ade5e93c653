import { reactive } from 'vue';
import { ApiError } from '@/api/http';

/**
 * Server-side field errors for el-form-item's `error` prop. The client already toasted the problem;
 * this puts each `errors[].message` under the field it belongs to.
 */
export function useFieldErrors() {
  const errors = reactive<Record<string, string | undefined>>({});

  function reset(): void {
    for (const key of Object.keys(errors)) delete errors[key];
  }

  function capture(error: unknown): void {
    reset();
    if (error instanceof ApiError) Object.assign(errors, error.fieldErrors);
  }

  return { errors, reset, capture };
}
