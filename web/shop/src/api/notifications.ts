import {
  ZNotificationPreferences,
  type TNotificationPreferences,
  type TNotificationPreferencesInput,
  type TSubscribeResultInput,
} from '@koi/contracts';
import { request } from './request';

/** My notification channels, what can reach me and my WeChat subscriptions. */
export function getNotificationPreferences(): Promise<TNotificationPreferences> {
  return request('/api/shop/me/notification-preferences', { schema: ZNotificationPreferences });
}

/** Turns channels on or off; only the switches given change. */
export function updateNotificationPreferences(body: TNotificationPreferencesInput): Promise<TNotificationPreferences> {
  return request('/api/shop/me/notification-preferences', { method: 'PUT', body, schema: ZNotificationPreferences });
}

/** Reports what wx.requestSubscribeMessage answered (template id → accept / reject / ban / filter). */
export function reportSubscriptions(results: TSubscribeResultInput['results']): Promise<TNotificationPreferences> {
  return request('/api/shop/me/notification-subscriptions', { method: 'POST', body: { results }, schema: ZNotificationPreferences });
}
