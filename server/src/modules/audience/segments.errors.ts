import { defineErrors, defineNouns } from '../../platform/errors.ts';

export const SegmentErrors = defineErrors({
  'audience.segment_name_taken': { status: 409, zh: '已有同名人群', en: 'A segment with this name exists' },
  'audience.customer_not_in_audience': { status: 404, zh: '该客户还没有可用于人群的资料', en: 'This customer has no audience facts yet' },
});

defineNouns({
  segment: { zh: '人群', en: 'Segment' },
  segment_snapshot: { zh: '人群快照', en: 'Segment snapshot' },
});
