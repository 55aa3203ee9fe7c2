import { PdfName, PdfParser, PdfRef, PdfSyntaxError, type PdfDict, type PdfValue } from './pdf-objects';

interface XrefEntry {
  offset: number;
  gen: number;
}

/**
 * The object table of a PDF with classic cross-reference tables (what Chromium's Skia backend writes,
 * including after our own incremental updates). Cross-reference streams (PDF 1.5 object streams) are
 * refused with a clear message rather than guessed at.
 */
export class PdfStructure {
  readonly text: string;
  readonly entries = new Map<number, XrefEntry>();
  readonly trailer: PdfDict;
  readonly lastXrefOffset: number;
  readonly size: number;

  constructor(readonly bytes: Buffer) {
    this.text = bytes.toString('latin1');
    const tail = this.text.slice(-1024);
    const m = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
    if (!m) throw new PdfSyntaxError('The file does not end with startxref and %%EOF; it is not a complete PDF.');
    this.lastXrefOffset = Number(m[1]);
    let trailer: PdfDict | undefined;
    const seen = new Set<number>();
    for (let offset: number | undefined = this.lastXrefOffset; offset !== undefined;) {
      if (seen.has(offset)) throw new PdfSyntaxError('The cross-reference sections form a loop.');
      seen.add(offset);
      const section = this.readXrefSection(offset);
      trailer ??= section.trailer;
      const prev = section.trailer.get('Prev');
      offset = typeof prev === 'number' ? prev : undefined;
    }
    if (!trailer) throw new PdfSyntaxError('No trailer found.');
    this.trailer = trailer;
    const size = trailer.get('Size');
    this.size = typeof size === 'number' ? size : Math.max(0, ...this.entries.keys()) + 1;
  }

  private readXrefSection(offset: number): { trailer: PdfDict } {
    const p = new PdfParser(this.text, offset);
    p.skipSpace();
    if (!this.text.startsWith('xref', p.pos)) {
      throw new PdfSyntaxError('This PDF uses cross-reference streams, which the signer does not support; print it again with Chromium.');
    }
    p.pos += 4;
    const lineRe = /\s*(\d+)\s+(\d+)\s*/y;
    for (;;) {
      p.skipSpace();
      if (this.text.startsWith('trailer', p.pos)) break;
      lineRe.lastIndex = p.pos;
      const head = lineRe.exec(this.text);
      if (!head) throw new PdfSyntaxError(`Malformed cross-reference table at byte ${p.pos}.`);
      const first = Number(head[1]);
      const count = Number(head[2]);
      p.pos = lineRe.lastIndex;
      const entryRe = /(\d{10}) (\d{5}) ([nf])[ \r\n]{1,2}/y;
      for (let i = 0; i < count; i += 1) {
        entryRe.lastIndex = p.pos;
        const e = entryRe.exec(this.text);
        if (!e) throw new PdfSyntaxError(`Malformed cross-reference entry at byte ${p.pos}.`);
        p.pos = entryRe.lastIndex;
        const num = first + i;
        if (e[3] === 'n' && !this.entries.has(num)) this.entries.set(num, { offset: Number(e[1]), gen: Number(e[2]) });
        else if (!this.entries.has(num)) this.entries.set(num, { offset: -1, gen: Number(e[2]) });
      }
    }
    p.pos += 'trailer'.length;
    const trailer = p.value();
    if (!(trailer instanceof Map)) throw new PdfSyntaxError('The trailer is not a dictionary.');
    if (trailer.has('XRefStm'))
      throw new PdfSyntaxError('This PDF uses hybrid cross-reference streams, which the signer does not support.');
    return { trailer };
  }

  /** The value of an indirect object (dictionaries and arrays; streams are not needed here). */
  object(ref: PdfRef): PdfValue {
    const entry = this.entries.get(ref.num);
    if (!entry || entry.offset < 0) throw new PdfSyntaxError(`Object ${ref.num} is not in the file.`);
    const p = new PdfParser(this.text, entry.offset);
    const header = p.objectHeader();
    if (header.num !== ref.num) throw new PdfSyntaxError(`Object ${ref.num} is not where the cross-reference table says.`);
    return p.value();
  }

  resolve(value: PdfValue | undefined): PdfValue | undefined {
    return value instanceof PdfRef ? this.object(value) : value;
  }

  dict(ref: PdfRef): PdfDict {
    const value = this.object(ref);
    if (!(value instanceof Map)) throw new PdfSyntaxError(`Object ${ref.num} is not a dictionary.`);
    return value;
  }

  rootRef(): PdfRef {
    const root = this.trailer.get('Root');
    if (!(root instanceof PdfRef)) throw new PdfSyntaxError('The trailer has no /Root.');
    return root;
  }

  /** Page references in document order, walking nested /Pages nodes as Skia writes them for long reports. */
  pageRefs(): PdfRef[] {
    const pages = this.dict(this.rootRef()).get('Pages');
    if (!(pages instanceof PdfRef)) throw new PdfSyntaxError('The catalog has no /Pages.');
    const out: PdfRef[] = [];
    const visit = (ref: PdfRef, depth: number) => {
      if (depth > 64) throw new PdfSyntaxError('The page tree is too deep.');
      const node = this.dict(ref);
      const type = node.get('Type');
      const kids = this.resolve(node.get('Kids'));
      if (type instanceof PdfName && type.name === 'Page') out.push(ref);
      else if (Array.isArray(kids)) for (const kid of kids) if (kid instanceof PdfRef) visit(kid, depth + 1);
    };
    visit(pages, 0);
    return out;
  }
}
