import {
  ZAfterSale, ZAfterSalePage, ZAfterSaleQuote, ZMedia, ZOrderAfterSales,
  type TAfterSale, type TAfterSaleApplyInput, type TAfterSalePage, type TAfterSaleQuote, type TAfterSaleQuoteInput, type TMedia, type TOrderAfterSales, type TShipBackInput,
} from '@koi/contracts';
import { request } from '@/api/request';
import { uploadFile } from '@/api/upload';

/** 售后 calls of the shop, one function per endpoint; amounts always come from the server. */
export function orderAfterSales(orderId: string): Promise<TOrderAfterSales> {
  return request(`/api/shop/orders/${encodeURIComponent(orderId)}/aftersales`, { schema: ZOrderAfterSales });
}

export function quoteAfterSale(body: TAfterSaleQuoteInput): Promise<TAfterSaleQuote> {
  return request('/api/shop/aftersales/quote', { method: 'POST', body, schema: ZAfterSaleQuote });
}

/** The same `idempotencyKey` with the same body answers the same request (a double tap files one). */
export function applyAfterSale(body: TAfterSaleApplyInput, idempotencyKey: string): Promise<TAfterSale> {
  return request('/api/shop/aftersales', { method: 'POST', body, headers: { 'Idempotency-Key': idempotencyKey }, schema: ZAfterSale });
}

export function myAfterSales(page: number): Promise<TAfterSalePage> {
  return request('/api/shop/aftersales', { query: { page, pageSize: 20 }, schema: ZAfterSalePage });
}

export function getAfterSale(id: string): Promise<TAfterSale> {
  return request(`/api/shop/aftersales/${encodeURIComponent(id)}`, { schema: ZAfterSale });
}

export function withdrawAfterSale(id: string): Promise<TAfterSale> {
  return request(`/api/shop/aftersales/${encodeURIComponent(id)}/withdraw`, { method: 'POST', schema: ZAfterSale });
}

export function shipBack(id: string, body: TShipBackInput): Promise<TAfterSale> {
  return request(`/api/shop/aftersales/${encodeURIComponent(id)}/ship-back`, { method: 'POST', body, schema: ZAfterSale });
}

export function confirmExchange(id: string): Promise<TAfterSale> {
  return request(`/api/shop/aftersales/${encodeURIComponent(id)}/confirm-exchange`, { method: 'POST', schema: ZAfterSale });
}

/** Uploads one chosen photo of an after-sale; the server checks the bytes. */
export function uploadAfterSalePhoto(filePath: string, locale: string): Promise<TMedia> {
  return uploadFile('/api/shop/aftersales/photos', filePath, locale, ZMedia);
}
