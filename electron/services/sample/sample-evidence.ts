import sharp from 'sharp';
import type { AttachRequest } from '../../../shared/evidence/schema';
import type { Language } from '../../../shared/settings/schema';
import { pdf } from '../evidence/sample-files';

/** A drawn "photo" of two welding booths under their extraction hoods, labelled as a sample. */
const boothsSvg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="420" viewBox="0 0 640 420">
<rect width="640" height="420" fill="#5d6d7e"/>
<rect y="300" width="640" height="120" fill="#7f8c8d"/>
<rect x="60" y="90" width="220" height="220" fill="#34495e" stroke="#1c2833" stroke-width="6"/>
<rect x="360" y="90" width="220" height="220" fill="#34495e" stroke="#1c2833" stroke-width="6"/>
<path d="M110 90 L230 90 L200 40 L140 40 Z" fill="#95a5a6"/><rect x="160" width="20" height="40" fill="#95a5a6"/>
<path d="M410 90 L530 90 L500 40 L440 40 Z" fill="#95a5a6"/><rect x="460" width="20" height="40" fill="#95a5a6"/>
<rect x="120" y="230" width="100" height="12" fill="#bdc3c7"/><circle cx="170" cy="220" r="10" fill="#f5b041"/>
<rect x="420" y="230" width="100" height="12" fill="#bdc3c7"/>
<rect y="372" width="640" height="48" fill="#000" fill-opacity="0.55"/>
<text x="20" y="404" font-family="Noto Sans, DejaVu Sans, Arial, sans-serif" font-size="20" fill="#fff">SAMPLE PHOTO: welding booths with fume extraction</text>
</svg>`;

/** "Taken" on the site-visit day (YYYY-MM-DD), as a camera would record it in EXIF. */
async function boothsPhoto(siteVisitDate: string): Promise<Buffer> {
  const takenAt = `${siteVisitDate.replaceAll('-', ':')} 10:20:00`;
  return sharp(Buffer.from(boothsSvg))
    .jpeg({ quality: 80 })
    .withExif({ IFD2: { DateTimeOriginal: takenAt } })
    .toBuffer();
}

/**
 * The two evidence files of the sample: a fire-drill register (a document, on IF-04) and a photo of the
 * welding booths (on CON-03 for the welding programme), so the evidence index and viewer have content.
 */
export async function sampleEvidence(
  assessmentId: string,
  weldingProgrammeId: string,
  siteVisitDate: string,
  language: Language,
): Promise<AttachRequest[]> {
  const bn = language === 'bn';
  return [
    {
      assessmentId,
      evidenceType: 'DOC',
      caption: bn ? 'অগ্নি-মহড়ার রেজিস্টার, ফেব্রুয়ারি (নমুনা নথি)' : 'Fire drill register, February (sample document)',
      links: [{ criterionId: 'IF-04', programmeId: null }],
      files: [
        {
          name: 'fire-drill-register-sample.pdf',
          contentBase64: pdf('Fire drill register - Demo Polytechnic Institute - SAMPLE').toString('base64'),
        },
      ],
    },
    {
      assessmentId,
      evidenceType: 'PHOTO',
      caption: bn ? 'ওয়েল্ডিং বুথ ও ধোঁয়া নিষ্কাশন হুড (নমুনা ছবি)' : 'Welding booths and fume extraction hoods (sample photo)',
      links: [{ criterionId: 'CON-03', programmeId: weldingProgrammeId }],
      files: [{ name: 'welding-booths-sample.jpg', contentBase64: (await boothsPhoto(siteVisitDate)).toString('base64') }],
    },
  ];
}
