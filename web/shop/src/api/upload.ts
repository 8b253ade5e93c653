import { ZProblem } from '@koi/contracts';
import type { z } from 'zod';
import { ApiError, apiBase, sessionToken } from './request';

/**
 * Uploads one chosen file (multipart field `file`) with the session and language, and reads the
 * answer through `schema`: a problem becomes an ApiError like any other request's.
 */
export function uploadFile<S extends z.ZodType>(path: string, filePath: string, locale: string, schema: S): Promise<z.infer<S>> {
  return new Promise((resolve, reject) => {
    const token = sessionToken();
    uni.uploadFile({
      url: `${apiBase()}${path}`,
      filePath,
      name: 'file',
      header: { ...(token ? { Authorization: `Bearer ${token}` } : {}), 'Accept-Language': locale },
      success: (res) => {
        let data: unknown = res.data;
        try {
          data = JSON.parse(res.data);
        } catch {
          // not JSON: reported below
        }
        if (res.statusCode >= 400) {
          const p = ZProblem.safeParse(data);
          reject(p.success ? new ApiError(p.data) : new ApiError({ status: res.statusCode, code: `http.${res.statusCode}`, title: `HTTP ${res.statusCode}` }));
          return;
        }
        const parsed = schema.safeParse(data);
        if (parsed.success) resolve(parsed.data);
        else reject(new ApiError({ status: res.statusCode, code: 'client.bad_response', title: 'Unexpected response' }));
      },
      fail: (err) => reject(new ApiError({ status: 0, code: 'client.network', title: 'Network error', detail: err.errMsg })),
    });
  });
}
