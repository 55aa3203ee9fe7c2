/**
 * Just enough of the PDF object syntax (ISO 32000 §7.3) to read a page, the catalog and a signature
 * dictionary, change them, and write them back in an incremental update. Strings are kept as their
 * source text so nothing we did not mean to touch is re-encoded.
 */
export class PdfName {
  constructor(readonly name: string) {}
}
export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
}
/** A string, kept exactly as written: `(literal)` or `<hex>`. */
export class PdfRawString {
  constructor(readonly source: string) {}
}
export type PdfDict = Map<string, PdfValue>;
export type PdfValue = number | boolean | null | PdfName | PdfRef | PdfRawString | PdfValue[] | PdfDict;

const whitespace = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const delimiters = new Set('()<>[]{}/%'.split('').map((c) => c.charCodeAt(0)));

export class PdfSyntaxError extends Error {}

/** Reads PDF values from a latin1 string (one JS char per file byte, so offsets are byte offsets). */
export class PdfParser {
  constructor(
    private readonly text: string,
    public pos = 0,
  ) {}

  skipSpace(): void {
    for (;;) {
      const c = this.text.charCodeAt(this.pos);
      if (whitespace.has(c)) this.pos += 1;
      else if (c === 0x25 /* % */) {
        while (this.pos < this.text.length && !'\r\n'.includes(this.text[this.pos] ?? '')) this.pos += 1;
      } else return;
    }
  }

  /** A bare keyword or number token (obj, endobj, R, stream, 12, -3.5 …). */
  private word(): string {
    const start = this.pos;
    while (this.pos < this.text.length) {
      const c = this.text.charCodeAt(this.pos);
      if (whitespace.has(c) || delimiters.has(c)) break;
      this.pos += 1;
    }
    return this.text.slice(start, this.pos);
  }

  expectKeyword(keyword: string): void {
    this.skipSpace();
    const w = this.word();
    if (w !== keyword) throw new PdfSyntaxError(`Expected "${keyword}" at byte ${this.pos}, found "${w}".`);
  }

  /** `N G obj` at the current position. */
  objectHeader(): PdfRef {
    this.skipSpace();
    const num = Number(this.word());
    this.skipSpace();
    const gen = Number(this.word());
    this.expectKeyword('obj');
    if (!Number.isInteger(num) || !Number.isInteger(gen)) throw new PdfSyntaxError(`No object header at byte ${this.pos}.`);
    return new PdfRef(num, gen);
  }

  value(): PdfValue {
    this.skipSpace();
    const c = this.text[this.pos];
    if (c === undefined) throw new PdfSyntaxError('Unexpected end of file.');
    if (c === '<' && this.text[this.pos + 1] === '<') return this.dict();
    if (c === '<') return this.hexString();
    if (c === '(') return this.literalString();
    if (c === '[') return this.array();
    if (c === '/') return this.name();
    const start = this.pos;
    const w = this.word();
    if (w === 'true') return true;
    if (w === 'false') return false;
    if (w === 'null') return null;
    if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(w)) throw new PdfSyntaxError(`Unexpected "${w || c}" at byte ${start}.`);
    const number = Number(w);
    // `N G R` is a reference: look ahead without consuming when it is not.
    if (/^\d+$/.test(w)) {
      const save = this.pos;
      this.skipSpace();
      const gen = this.word();
      if (/^\d+$/.test(gen)) {
        this.skipSpace();
        if (this.word() === 'R') return new PdfRef(number, Number(gen));
      }
      this.pos = save;
    }
    return number;
  }

  private dict(): PdfDict {
    this.pos += 2;
    const out: PdfDict = new Map();
    for (;;) {
      this.skipSpace();
      if (this.text.startsWith('>>', this.pos)) {
        this.pos += 2;
        return out;
      }
      const key = this.value();
      if (!(key instanceof PdfName)) throw new PdfSyntaxError(`Dictionary key expected at byte ${this.pos}.`);
      out.set(key.name, this.value());
    }
  }

  private array(): PdfValue[] {
    this.pos += 1;
    const out: PdfValue[] = [];
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] === ']') {
        this.pos += 1;
        return out;
      }
      out.push(this.value());
    }
  }

  private name(): PdfName {
    this.pos += 1;
    return new PdfName(this.word());
  }

  private hexString(): PdfRawString {
    const end = this.text.indexOf('>', this.pos);
    if (end < 0) throw new PdfSyntaxError('Unterminated hex string.');
    const source = this.text.slice(this.pos, end + 1);
    this.pos = end + 1;
    return new PdfRawString(source);
  }

  private literalString(): PdfRawString {
    const start = this.pos;
    let depth = 0;
    for (; this.pos < this.text.length; this.pos += 1) {
      const c = this.text[this.pos];
      if (c === '\\') this.pos += 1;
      else if (c === '(') depth += 1;
      else if (c === ')' && --depth === 0) {
        this.pos += 1;
        return new PdfRawString(this.text.slice(start, this.pos));
      }
    }
    throw new PdfSyntaxError('Unterminated string.');
  }
}

export function serialize(value: PdfValue): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(4)));
  if (value instanceof PdfName) return `/${value.name}`;
  if (value instanceof PdfRef) return `${value.num} ${value.gen} R`;
  if (value instanceof PdfRawString) return value.source;
  if (Array.isArray(value)) return `[${value.map(serialize).join(' ')}]`;
  return `<<${[...value].map(([k, v]) => `/${k} ${serialize(v)}`).join(' ')}>>`;
}

/** A text string as UTF-16BE hex with a byte-order mark: safe for Bangla names and any punctuation. */
export function textString(text: string): PdfRawString {
  const bytes = Buffer.from(text, 'utf16le').swap16();
  return new PdfRawString(`<FEFF${bytes.toString('hex').toUpperCase()}>`);
}

/** Decodes a text string (PDFDocEncoding treated as latin1, or UTF-16BE with BOM). */
export function decodeTextString(value: PdfValue | undefined): string | undefined {
  if (!(value instanceof PdfRawString)) return undefined;
  let bytes: Buffer;
  const s = value.source;
  if (s.startsWith('<')) bytes = Buffer.from(s.slice(1, -1).replace(/\s+/g, ''), 'hex');
  else bytes = Buffer.from(unescapeLiteral(s.slice(1, -1)), 'latin1');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
  return bytes.toString('latin1');
}

function unescapeLiteral(s: string): string {
  const map: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '(': '(', ')': ')', '\\': '\\' };
  return s.replace(/\\([nrtbf()\\]|[0-7]{1,3}|\r?\n)/g, (_, e: string) => {
    if (map[e] !== undefined) return map[e];
    if (/^[0-7]+$/.test(e)) return String.fromCharCode(parseInt(e, 8) & 0xff);
    return '';
  });
}

/** `D:YYYYMMDDHHmmSSZ`, the PDF date form (§7.9.4) used for the signature's /M. */
export function pdfDate(date: Date): PdfRawString {
  const p = (n: number) => String(n).padStart(2, '0');
  const d = `${date.getUTCFullYear()}${p(date.getUTCMonth() + 1)}${p(date.getUTCDate())}${p(date.getUTCHours())}${p(date.getUTCMinutes())}${p(date.getUTCSeconds())}`;
  return new PdfRawString(`(D:${d}Z)`);
}

/** Reads `D:YYYYMMDDHHmmSS` with an optional zone (Z, +HH'mm', -HH'mm'). */
export function parsePdfDate(value: string | undefined): string | undefined {
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Z+-])?(\d{2})?'?(\d{2})?'?/.exec(value ?? '');
  if (!m) return undefined;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', zone, zh = '00', zm = '00'] = m;
  const offset = zone === '+' || zone === '-' ? (zone === '+' ? -1 : 1) * (Number(zh) * 60 + Number(zm)) : 0;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) + offset * 60_000;
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}
