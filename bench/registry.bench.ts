import type { AppServices } from '../electron/services/app-services';
import { newId } from '../electron/services/support/ids';
import { measure, type Measurement } from './measure';

const districts = ['Dhaka', 'Chattogram', 'Khulna', 'Rajshahi', 'Sylhet', 'Barishal', 'Rangpur', 'Mymensingh', 'Cumilla', 'Bogura'];

/** The registry at national scale: 10,000 institutions (`--quick`: 1,000) with two programmes each. */
export function registryBenchmarks(services: AppServices, size = 10_000): Measurement[] {
  const results: Measurement[] = [];
  // Through the service (one durable transaction each, synchronous=FULL): what a user's save costs.
  results.push(
    measure('create institution via service (fsync per save)', 200, (i) => {
      services.institutions.create({
        nameEn: `Bench Polytechnic ${i}`,
        nameBn: `বেঞ্চ পলিটেকনিক ${i}`,
        registrationBody: 'BTEB',
        registrationNumber: `B-${i}`,
        type: 'government-polytechnic',
        division: 'dhaka',
        district: districts[i % districts.length]!,
        address: '',
        headName: '',
        contactPhone: '',
        contactEmail: '',
        sectors: ['ict'],
      });
    }),
  );
  // Bulk-load to national scale in one transaction (like a head-office import), then query.
  const insertInstitution = services.db.prepare(
    `INSERT INTO institutions (id, name_en, name_bn, registration_body, registration_number, type, division, district, sectors, created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, ?, 'BTEB', ?, 'technical-training-centre', 'dhaka', ?, '["construction"]', ?, 'bench', ?, 'bench')`,
  );
  const insertProgramme = services.db.prepare(
    `INSERT INTO programmes (id, institution_id, title_en, sector, occupation, isco_code, created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, ?, 'construction', 'Welder', '7212', ?, 'bench', ?, 'bench')`,
  );
  services.db.transaction(() => {
    for (let i = 0; i < size; i++) {
      const id = newId();
      const at = new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString();
      insertInstitution.run(
        id,
        `Technical Training Centre ${i}`,
        `কারিগরি প্রশিক্ষণ কেন্দ্র ${i}`,
        `NSDA-${i}`,
        districts[i % districts.length],
        at,
        at,
      );
      insertProgramme.run(newId(), id, 'Welding', at, at);
      insertProgramme.run(newId(), id, 'Masonry', at, at);
    }
  })();
  const list = (search: string, sort: 'name' | 'district' | 'updated') => () =>
    services.institutions.list({ search, sort, includeArchived: false, limit: 200, offset: 0 });
  results.push(measure(`list first 200 of ${(size + 200).toLocaleString('en')} institutions by name`, 50, list('', 'name')));
  results.push(measure('list by district', 50, list('', 'district')));
  results.push(measure('search "Centre 99" (English)', 50, list('Centre 99', 'name')));
  results.push(measure('search "কেন্দ্র ৯৯" (Bangla, no match in digits)', 50, list('কেন্দ্র ৯৯', 'name')));
  results.push(measure('search "NSDA-4242" (registration number)', 50, list('NSDA-4242', 'name')));
  return results;
}
