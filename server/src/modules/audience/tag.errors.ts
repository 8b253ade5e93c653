import { defineErrors, defineNouns } from '../../platform/errors.ts';

export const TagErrors = defineErrors({
  'tag.name_taken': { status: 409, zh: '该分组下已有同名标签', en: 'A tag with this name already exists in the group' },
  'tag.group_name_taken': { status: 409, zh: '已有同名标签分组', en: 'A tag group with this name already exists' },
  'tag.group_not_empty': { status: 409, zh: '分组下还有 {tags} 个标签，不能删除', en: 'The group still holds {tags} tags; it cannot be deleted' },
  'tag.system_readonly': { status: 422, zh: '系统标签由 Koi 计算，不能手动修改', en: 'System tags are computed by Koi and cannot be edited by hand' },
  'tag.not_manual': { status: 422, zh: '只能手动设置手工标签（规则标签和系统标签由 Koi 计算）', en: 'Only manual tags can be set by hand (rule and system tags are computed)' },
  'tag.not_rule': { status: 422, zh: '只有规则标签才有规则', en: 'Only rule tags have a rule' },
  'tag.kind_mismatch': { status: 422, zh: '标签类型与分组类型不一致', en: 'The tag kind does not fit the group' },
});

defineNouns({
  tag: { zh: '标签', en: 'Tag' },
  tag_group: { zh: '标签分组', en: 'Tag group' },
  tag_run: { zh: '标签计算任务', en: 'Tag recompute run' },
});
