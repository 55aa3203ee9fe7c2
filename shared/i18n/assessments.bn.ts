import type { Catalogue } from './en';

export const assessmentsBn: Catalogue['assessments'] = {
  title: 'মূল্যায়নসমূহ',
};
