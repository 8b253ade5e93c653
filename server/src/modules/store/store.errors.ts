import { defineNouns } from '../../platform/errors.ts';

defineNouns({ store: { zh: '门店', en: 'store' } });
