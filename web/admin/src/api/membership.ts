import type { TCardPlan, TCardPlanInput, TMemberDaySettings } from '@koi/contracts';
import { http } from './http.ts';

/** 付费会员 card plans and the 会员日 settings (issue 8 §1). */
export const listCardPlans = () => http.get<{ items: TCardPlan[] }>('/loyalty/card-plans');
export const createCardPlan = (input: TCardPlanInput) => http.post<TCardPlan>('/loyalty/card-plans', input);
export const updateCardPlan = (id: string, input: TCardPlanInput) => http.put<TCardPlan>(`/loyalty/card-plans/${encodeURIComponent(id)}`, input);

export const getMemberDay = () => http.get<TMemberDaySettings>('/loyalty/member-day');
export const saveMemberDay = (value: TMemberDaySettings) => http.put<TMemberDaySettings>('/loyalty/member-day', value);
