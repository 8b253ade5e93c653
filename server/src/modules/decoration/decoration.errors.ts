import { defineErrors } from '../../platform/errors.ts';

export const DecorationErrors = defineErrors({
  'decoration.link_unknown': { status: 422, zh: '区块「{block}」引用的{label}不存在：{id}', en: 'Block "{block}" refers to a {type} that does not exist: {id}' },
  'decoration.url_unsafe': { status: 422, zh: '区块「{block}」的地址只能是站内路径或 http(s) 链接：{url}', en: 'Block "{block}" may only use site paths or http(s) addresses: {url}' },
  'decoration.block_id_repeated': { status: 422, zh: '区块编号「{block}」重复', en: 'The block id "{block}" is used twice' },
  'decoration.slug_taken': { status: 409, zh: '页面路径「{slug}」已被使用', en: 'The page path "{slug}" is already taken' },
  'decoration.version_unknown': { status: 422, zh: '该页面没有第 {version} 版', en: 'This page has no version {version}' },
});
