import type { TStaffLoginRequest } from '@koi/contracts';
import type { FormRules } from 'element-plus';

/** The seeded demo merchant's owner (server/src/demo). */
export const DEMO_ACCOUNT = { email: 'owner@koi.demo', password: 'koi-demo-2026' } as const;

export function emptyLoginForm(): TStaffLoginRequest {
  return { email: '', password: '' };
}

export function useLoginRules(t: (key: string) => string): FormRules<TStaffLoginRequest> {
  return {
    email: [
      { required: true, message: t('login.emailRequired'), trigger: 'blur' },
      { type: 'email', message: t('login.emailInvalid'), trigger: 'blur' },
    ],
    password: [{ required: true, message: t('login.passwordRequired'), trigger: 'blur' }],
  };
}
