import { AppError } from '../../../shared/ipc/result';
import {
  decodeTextString,
  pdfDate,
  PdfName,
  PdfRef,
  PdfSyntaxError,
  serialize,
  textString,
  type PdfDict,
  type PdfValue,
} from './pdf-objects';
import { PdfStructure } from './pdf-structure';

/** Where the visible signature goes: a 1-based page number and [x1, y1, x2, y2] in PDF points from the bottom left. */
export interface SignaturePlacement {
  page: number;
  rect: [number, number, number, number];
}

export interface PlaceholderOptions extends SignaturePlacement {
  signerName: string;
  reason?: string;
  location?: string;
  contactInfo?: string;
  signingTime: Date;
  /** Bytes reserved for the CMS signature; the hex placeholder is twice as long. */
  signatureLength: number;
}

/** The form @signpdf/signpdf looks for and fills in. */
export const byteRangePlaceholder = '/ByteRange [0 /********** /********** /**********]';

/**
 * Appends an incremental update that adds a signature field with an empty signature value: Chromium's
 * bytes stay exactly as printed (the first revision is untouched), and only new and updated objects,
 * a cross-reference section and a trailer pointing back to the previous one follow.
 * (@signpdf/placeholder-plain does the same but can only put the widget on the first page and assumes
 * a flat page tree; a report's signature box is on its last page.)
 */
export function addSignaturePlaceholder(pdf: Buffer, options: PlaceholderOptions): Buffer {
  try {
    return build(pdf, options);
  } catch (error) {
    if (error instanceof PdfSyntaxError) throw new AppError('signing', `The PDF cannot be signed: ${error.message}`);
    throw error;
  }
}

function build(pdf: Buffer, o: PlaceholderOptions): Buffer {
  const doc = new PdfStructure(pdf);
  const pages = doc.pageRefs();
  const pageRef = pages[o.page - 1];
  if (!pageRef) throw new AppError('validation', `The PDF has ${pages.length} page(s); there is no page ${o.page}.`);
  const [x1, y1, x2, y2] = o.rect;
  if (!(x2 >= x1 && y2 >= y1)) throw new AppError('validation', 'The signature box must have x1 ≤ x2 and y1 ≤ y2.');

  let next = doc.size;
  const newRef = () => new PdfRef(next++, 0);
  const objects = new Map<number, string>();
  const put = (ref: PdfRef, body: string) => objects.set(ref.num, `${ref.num} ${ref.gen} obj\n${body}\nendobj\n`);

  const rootRef = doc.rootRef();
  const catalog = doc.dict(rootRef);
  const acroFormValue = catalog.get('AcroForm');
  const existingForm = doc.resolve(acroFormValue);
  const acroForm: PdfDict = new Map(existingForm instanceof Map ? existingForm : []);
  const fieldsValue = acroForm.get('Fields');
  const fields = [...((doc.resolve(fieldsValue) as PdfValue[] | undefined) ?? [])];
  const fieldName = uniqueFieldName(doc, fields);

  const sigRef = newRef();
  const widgetRef = newRef();
  const appearanceRef = newRef();
  const signature: PdfDict = new Map<string, PdfValue>([
    ['Type', new PdfName('Sig')],
    ['Filter', new PdfName('Adobe.PPKLite')],
    ['SubFilter', new PdfName('ETSI.CAdES.detached')],
  ]);
  // ByteRange and Contents are written by hand below so their placeholders have the exact form the signer fills.
  const sigTail: PdfDict = new Map<string, PdfValue>([
    ['M', pdfDate(o.signingTime)],
    ['Name', textString(o.signerName)],
    ...(o.reason ? ([['Reason', textString(o.reason)]] as const) : []),
    ...(o.location ? ([['Location', textString(o.location)]] as const) : []),
    ...(o.contactInfo ? ([['ContactInfo', textString(o.contactInfo)]] as const) : []),
    ['Prop_Build', new Map([['App', new Map([['Name', new PdfName('TVET#20Inspector')]])]])],
  ]);
  const head = serialize(signature).slice(0, -2);
  const tail = serialize(sigTail).slice(2);
  put(sigRef, `${head} ${byteRangePlaceholder} /Contents <${'0'.repeat(o.signatureLength * 2)}> ${tail}`);

  const width = x2 - x1;
  const height = y2 - y1;
  // An empty, transparent appearance: the report draws the box itself, and PDF 2.0 wants every visible widget to have one.
  objects.set(
    appearanceRef.num,
    `${appearanceRef.num} 0 obj\n<</Type /XObject /Subtype /Form /BBox [0 0 ${fmt(width)} ${fmt(height)}] /Resources <<>> /Length 0>>\nstream\n\nendstream\nendobj\n`,
  );
  const widget: PdfDict = new Map<string, PdfValue>([
    ['Type', new PdfName('Annot')],
    ['Subtype', new PdfName('Widget')],
    ['FT', new PdfName('Sig')],
    ['T', textString(fieldName)],
    ['V', sigRef],
    ['Rect', [x1, y1, x2, y2]],
    ['F', 132], // Print | Locked
    ['P', pageRef],
    ['AP', new Map([['N', appearanceRef]])],
  ]);
  put(widgetRef, serialize(widget));

  // The page lists the widget among its annotations (inline array, referenced array, or none yet).
  const page = new Map(doc.dict(pageRef));
  const annots = page.get('Annots');
  if (annots instanceof PdfRef) {
    const list = doc.object(annots);
    put(annots, serialize([...(Array.isArray(list) ? list : []), widgetRef]));
  } else {
    page.set('Annots', [...(Array.isArray(annots) ? annots : []), widgetRef]);
    put(pageRef, serialize(page));
  }

  // The form lists the field; SigFlags 3 = signatures exist, append only.
  acroForm.set('SigFlags', 3);
  if (fieldsValue instanceof PdfRef) put(fieldsValue, serialize([...fields, widgetRef]));
  else acroForm.set('Fields', [...fields, widgetRef]);
  const updatedCatalog = new Map(catalog);
  if (acroFormValue instanceof PdfRef) put(acroFormValue, serialize(acroForm));
  else {
    const formRef = newRef();
    put(formRef, serialize(acroForm));
    updatedCatalog.set('AcroForm', formRef);
  }
  // ETSI.CAdES.detached belongs to PDF 2.0, or PDF 1.7 with the ESIC extension (ETSI EN 319 142-1).
  updatedCatalog.set(
    'Extensions',
    new Map([
      [
        'ESIC',
        new Map<string, PdfValue>([
          ['BaseVersion', new PdfName('1.7')],
          ['ExtensionLevel', 2],
        ]),
      ],
    ]),
  );
  if (!updatedCatalog.has('Version')) updatedCatalog.set('Version', new PdfName('1.7'));
  put(rootRef, serialize(updatedCatalog));

  return appendRevision(pdf, doc, objects, next);
}

function appendRevision(pdf: Buffer, doc: PdfStructure, objects: Map<number, string>, size: number): Buffer {
  const base = pdf[pdf.length - 1] === 0x0a || pdf[pdf.length - 1] === 0x0d ? pdf : Buffer.concat([pdf, Buffer.from('\n')]);
  const parts: string[] = [];
  const offsets = new Map<number, number>();
  let position = base.length;
  for (const num of [...objects.keys()].sort((a, b) => a - b)) {
    const text = objects.get(num) ?? '';
    offsets.set(num, position);
    parts.push(text);
    position += Buffer.byteLength(text, 'latin1');
  }
  const xrefOffset = position;
  let xref = 'xref\n';
  const nums = [...offsets.keys()];
  for (let i = 0; i < nums.length;) {
    let j = i;
    while (j + 1 < nums.length && nums[j + 1] === (nums[j] ?? 0) + 1) j += 1;
    xref += `${nums[i]} ${j - i + 1}\n`;
    for (let k = i; k <= j; k += 1) xref += `${String(offsets.get(nums[k] ?? 0)).padStart(10, '0')} 00000 n\r\n`;
    i = j + 1;
  }
  const trailer: PdfDict = new Map<string, PdfValue>([
    ['Size', size],
    ['Root', doc.rootRef()],
  ]);
  for (const key of ['Info', 'ID']) {
    const value = doc.trailer.get(key);
    if (value !== undefined) trailer.set(key, value);
  }
  trailer.set('Prev', doc.lastXrefOffset);
  parts.push(`${xref}trailer\n${serialize(trailer)}\nstartxref\n${xrefOffset}\n%%EOF\n`);
  return Buffer.concat([base, Buffer.from(parts.join(''), 'latin1')]);
}

function uniqueFieldName(doc: PdfStructure, fields: PdfValue[]): string {
  const taken = new Set<string>();
  for (const f of fields) {
    const dict = doc.resolve(f);
    const name = dict instanceof Map ? decodeTextString(dict.get('T')) : undefined;
    if (name) taken.add(name);
  }
  for (let i = fields.length + 1; ; i += 1) if (!taken.has(`Signature${i}`)) return `Signature${i}`;
}

function fmt(n: number): string {
  return String(Number(n.toFixed(2)));
}
