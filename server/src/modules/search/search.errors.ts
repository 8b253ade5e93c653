import { defineErrors } from '../../platform/errors.ts';

export const SearchErrors = defineErrors({
  'search.synonym_term_repeated': { status: 422, zh: '同义词「{term}」出现在多个词组中，每个词只能属于一个词组', en: 'The synonym "{term}" appears in more than one group; a term may belong to one group only' },
  'search.synonym_group_too_small': { status: 422, zh: '第 {index} 个同义词组去重后不足两个词', en: 'Synonym group {index} has fewer than two distinct terms' },
  'search.synonym_term_invalid': { status: 422, zh: '同义词「{term}」不含文字或数字', en: 'The synonym "{term}" has no letters or digits' },
  'search.hot_word_repeated': { status: 422, zh: '热搜词「{word}」重复', en: 'The hot word "{word}" is listed twice' },
});
