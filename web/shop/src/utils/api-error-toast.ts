import type { Toast } from 'wot-design-uni/components/wd-toast/types';
import { ApiError, CLIENT_ERROR } from '@/api/request';
import { useLocaleStore } from '@/locale';

/**
 * Shows a failed call to the shopper. The server already localised `title`/`detail` from our
 * Accept-Language; only the errors the client raises itself need our own words.
 */
export function useApiErrorToast(toast: Toast): (e: unknown, onApiError?: (err: ApiError) => void) => void {
  const { t } = useLocaleStore();
  return (e, onApiError) => {
    if (!(e instanceof ApiError)) {
      toast.error(t('errors.unknown'));
      return;
    }
    onApiError?.(e);
    if (e.code === CLIENT_ERROR.network) toast.error(t('errors.network'));
    else if (e.code === CLIENT_ERROR.badResponse || e.code.startsWith('http.')) toast.error(t('errors.unknown'));
    else if (e.status >= 500 && e.requestId) toast.error(`${e.detail ?? e.title}\n${t('errors.requestId', { id: e.requestId })}`);
    else toast.error(e.detail ?? e.title);
  };
}
