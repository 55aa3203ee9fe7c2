import { reportFontStack } from '../../reports/report-fonts';

/**
 * A two-page English and Bangla document shaped like a report: a cover and a signature page with a box
 * reserved for the signature widget. The box is placed in millimetres from the page's top left so its
 * PDF rectangle is known: `signatureBoxRect`.
 */
export const sampleReportHtml = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Assessment report — মূল্যায়ন প্রতিবেদন</title>
<style>
  @page { size: A4; margin: 0; }
  html, body { margin: 0; font-family: ${reportFontStack}; color: #1a1a1a; }
  .page { position: relative; width: 210mm; height: 297mm; box-sizing: border-box; padding: 25mm 20mm; page-break-after: always; }
  .page:last-child { page-break-after: auto; }
  h1 { font-size: 26pt; margin: 0 0 4mm; color: #0b4f6c; }
  .bn { font-size: 20pt; }
  .outcome { margin-top: 30mm; font-size: 36pt; font-weight: 700; color: #1b7f3b; }
  table { border-collapse: collapse; margin-top: 10mm; width: 100%; }
  td, th { border: 1px solid #999; padding: 2mm 3mm; text-align: left; font-size: 11pt; }
  .signature-box { position: absolute; left: 20mm; top: 200mm; width: 90mm; height: 30mm; border: 1.5px solid #0b4f6c; border-radius: 2mm; }
  .signature-box span { position: absolute; left: 3mm; bottom: 2mm; font-size: 9pt; color: #555; }
</style></head>
<body>
  <section class="page">
    <h1>Assessment report</h1>
    <p class="bn" lang="bn">মূল্যায়ন প্রতিবেদন</p>
    <p lang="bn">প্রতিষ্ঠান: ঢাকা পলিটেকনিক ইনস্টিটিউট</p>
    <table>
      <tr><th>Criterion</th><th>Rating</th><th lang="bn">মন্তব্য</th></tr>
      <tr><td>QA-1.1</td><td>3 — Met</td><td lang="bn">কর্মশালার নিরাপত্তা সন্তোষজনক</td></tr>
      <tr><td>QA-1.2</td><td>2 — Largely met</td><td lang="bn">শিক্ষার্থীদের দক্ষতা যাচাই করা হয়েছে</td></tr>
    </table>
    <p class="outcome">Aligned with the framework</p>
  </section>
  <section class="page">
    <h1>Signature</h1>
    <p lang="bn">স্বাক্ষর পৃষ্ঠা — পরিদর্শকের স্বাক্ষর</p>
    <div class="signature-box"><span>Digitally signed · ডিজিটাল স্বাক্ষর</span></div>
  </section>
</body></html>`;

const mm = 72 / 25.4;
const pageHeight = 297 * mm;
/** The .signature-box in PDF points from the bottom left of page 2. */
export const signatureBoxRect: [number, number, number, number] = [20 * mm, pageHeight - 230 * mm, 110 * mm, pageHeight - 200 * mm];
