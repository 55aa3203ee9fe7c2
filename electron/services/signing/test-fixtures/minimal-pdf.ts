/**
 * A small, valid PDF with a classic cross-reference table and a nested page tree, written by hand so
 * tests that only need "a PDF" do not start Chromium. `padding` adds an uncompressed stream of that many
 * bytes (for the 1 MB timing).
 */
export function minimalPdf(pages = 2, padding = 0): Buffer {
  const objects: string[] = [];
  const add = (body: string) => {
    objects.push(body);
    return objects.length;
  };
  const catalog = add('');
  const root = add('');
  const inner = add('');
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  const pageRefs: number[] = [];
  for (let i = 1; i <= pages; i += 1) {
    const text = `BT /F1 24 Tf 72 720 Td (Test report page ${i}) Tj ET`;
    const content = add(`<< /Length ${text.length} >>\nstream\n${text}\nendstream`);
    pageRefs.push(
      add(
        `<< /Type /Page /Parent ${inner} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`,
      ),
    );
  }
  if (padding > 0) add(`<< /Length ${padding} >>\nstream\n${'x'.repeat(padding)}\nendstream`);
  // A two-level page tree, like Skia writes for long reports: the signer must walk it.
  objects[inner - 1] = `<< /Type /Pages /Parent ${root} 0 R /Kids [${pageRefs.map((r) => `${r} 0 R`).join(' ')}] /Count ${pages} >>`;
  objects[root - 1] = `<< /Type /Pages /Kids [${inner} 0 R] /Count ${pages} >>`;
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${root} 0 R >>`;

  let out = '%PDF-1.4\n%\xE2\xE3\xCF\xD3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
