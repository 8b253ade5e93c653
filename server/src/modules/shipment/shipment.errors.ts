import { defineErrors, defineNouns } from '../../platform/errors.ts';

defineNouns({ shipment: { zh: '包裹', en: 'package' }, shipment_import: { zh: '批量发货任务', en: 'batch shipping job' } });

export const ShipmentErrors = defineErrors({
  'shipment.order_not_paid': { status: 409, zh: '订单当前状态不能发货（仅已付款待发货的订单可以发货）', en: 'Only paid orders waiting for shipping can be shipped' },
  'shipment.not_express': { status: 409, zh: '该订单不是快递配送，请在自提或同城配送中处理', en: 'This order is not delivered by courier' },
  'shipment.courier_unknown': { status: 422, zh: '不支持的快递公司：{courier}', en: 'Unknown courier: {courier}' },
  'shipment.tracking_invalid': { status: 422, zh: '运单号「{trackingNo}」不是{courier}的单号格式', en: 'Tracking number "{trackingNo}" does not look like a {courier} number' },
  'shipment.line_unknown': { status: 422, zh: '商品行不属于该订单', en: 'The line is not part of this order' },
  'shipment.over_ship': { status: 409, zh: '发货数量超过该商品待发数量（剩余 {remaining} 件）', en: 'More units than are left to ship ({remaining} left)' },
  'shipment.nothing_to_ship': { status: 409, zh: '没有待发货的商品', en: 'Nothing is left to ship' },
  'shipment.whole_needs_one_package': { status: 422, zh: '整单发货只能有一个包裹；拆分发货请为每个包裹选择商品', en: 'Shipping the whole order takes one package; choose the lines of each package to split' },
  'shipment.duplicate_tracking': { status: 409, zh: '该订单已有运单号 {trackingNo}', en: 'This order already has tracking number {trackingNo}' },
  'shipment.file_required': { status: 400, zh: '请上传 .xlsx 文件（字段 file）', en: 'Upload an .xlsx file (field "file")' },
  'shipment.import_not_xlsx': { status: 400, zh: '文件不是 .xlsx 格式', en: 'The file is not an .xlsx workbook' },
  'shipment.import_too_large': { status: 413, zh: '文件不能超过 {mb} MB', en: 'The file must be at most {mb} MB' },
  'shipment.import_no_report': { status: 404, zh: '该任务没有错误报告', en: 'This job has no error report' },
  'shipment.tracking_unavailable': { status: 502, zh: '快递100查询失败：{reason}', en: 'Kuaidi100 query failed: {reason}' },
});
