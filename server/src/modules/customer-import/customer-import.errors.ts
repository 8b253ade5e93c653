import { defineErrors, defineNouns } from '../../platform/errors.ts';

defineNouns({ customer_import: { zh: '客户导入任务', en: 'customer import' } });

export const CustomerImportErrors = defineErrors({
  'customer_import.file_required': { status: 400, zh: '请上传 .csv 或 .xlsx 文件（字段 file）', en: 'Upload a .csv or .xlsx file (field "file")' },
  'customer_import.too_large': { status: 413, zh: '文件不能超过 {mb} MB', en: 'The file must be at most {mb} MB' },
  'customer_import.unreadable': { status: 422, zh: '无法读取文件：{reason}', en: 'The file cannot be read: {reason}' },
  'customer_import.no_header': { status: 422, zh: '文件中没有表头行', en: 'The file has no header row' },
  'customer_import.mapping_incomplete': { status: 422, zh: '列对应不完整：{fields}', en: 'The column mapping is incomplete: {fields}' },
  'customer_import.already_started': { status: 409, zh: '该导入已开始，不能再修改', en: 'This import has already started' },
  'customer_import.no_report': { status: 404, zh: '该导入没有被拒绝的行', en: 'This import has no rejected rows' },
});
