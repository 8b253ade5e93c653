import type {
  TCustomerLedger, TLedgerCheck, TLevel, TLevelInput, TLoyaltySettings, TMemberPage, TPointsAdjust, TRechargePackage, TRechargePackageInput,
} from '@koi/contracts';
import { http } from './http.ts';

/** 会员与积分 (issue 8): rules, levels, recharge packages, members' ledgers. */
export const getLoyaltySettings = () => http.get<TLoyaltySettings>('/loyalty/settings');
export const saveLoyaltySettings = (value: TLoyaltySettings) => http.put<TLoyaltySettings>('/loyalty/settings', value);

export const listLevels = () => http.get<{ items: TLevel[] }>('/loyalty/levels');
export const createLevel = (input: TLevelInput) => http.post<TLevel>('/loyalty/levels', input);
export const updateLevel = (id: string, input: TLevelInput) => http.put<TLevel>(`/loyalty/levels/${encodeURIComponent(id)}`, input);
export const deleteLevel = (id: string) => http.del<{ ok: true }>(`/loyalty/levels/${encodeURIComponent(id)}`);

export const listRechargePackages = () => http.get<{ items: TRechargePackage[] }>('/loyalty/recharge-packages');
export const createRechargePackage = (input: TRechargePackageInput) => http.post<TRechargePackage>('/loyalty/recharge-packages', input);
export const updateRechargePackage = (id: string, input: TRechargePackageInput) => http.put<TRechargePackage>(`/loyalty/recharge-packages/${encodeURIComponent(id)}`, input);

export const listMembers = (query: { page: number; pageSize: number; customerId?: string }) => http.get<TMemberPage>('/loyalty/members', { query: { ...query } });
export const customerLedger = (customerId: string) => http.get<TCustomerLedger>(`/loyalty/customers/${encodeURIComponent(customerId)}/ledger`);
export const adjustPoints = (customerId: string, input: TPointsAdjust) => http.post<{ balance: number }>(`/loyalty/customers/${encodeURIComponent(customerId)}/points-adjust`, input);
export const runLedgerCheck = () => http.post<TLedgerCheck>('/loyalty/ledger-check');
