import { describe, expect, it } from 'vitest';
import { institutionInputSchema, programmeInputSchema } from '../../../shared/institutions/schema';
import { textLimits } from './text-limits';

describe('textLimits', () => {
  it('reads the length limits of a form from the same schema the services use', () => {
    const programme = textLimits(programmeInputSchema);
    expect(programme).toMatchObject({
      titleEn: 200,
      titleBn: 200,
      occupation: 200,
      escoUri: 300,
      destinationCountry: 100,
      targetLanguage: 60,
    });
    // Numbers, choices and fixed patterns have no typed length limit to show.
    expect(programme).not.toHaveProperty('annualIntake');
    expect(programme).not.toHaveProperty('sector');
    expect(programme).not.toHaveProperty('iscoCode');
    expect(textLimits(institutionInputSchema)).toMatchObject({ nameEn: 200, district: 80, address: 500, contactPhone: 40 });
  });
});
