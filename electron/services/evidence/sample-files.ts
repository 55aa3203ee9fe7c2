import sharp from 'sharp';

/** Small real evidence files for tests (unit and e2e): photos made by sharp and a hand-written PDF. */

/** A real photo made by sharp: a coloured rectangle, with an EXIF date taken when asked. */
export async function photo(options: { width?: number; height?: number; colour?: string; takenAt?: string; format?: 'jpeg' | 'png' } = {}) {
  const { width = 640, height = 480, colour = '#2e86c1', takenAt, format = 'jpeg' } = options;
  const image = sharp({ create: { width, height, channels: 3, background: colour } });
  if (format === 'png') return image.png().toBuffer();
  const jpeg = image.jpeg({ quality: 80 });
  return (takenAt ? jpeg.withExif({ IFD2: { DateTimeOriginal: takenAt } }) : jpeg).toBuffer();
}

/** A small valid PDF, written by hand. */
export function pdf(text = 'Attendance register, March 2026'): Buffer {
  const stream = `BT /F1 18 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
