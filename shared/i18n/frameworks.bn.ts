import type { Catalogue } from './en';

export const frameworksBn: Catalogue['frameworks'] = {
  title: 'কাঠামোসমূহ',
};
