/**
 * The spreadsheet form of a framework (docs/framework-format.md, "Spreadsheet form"): which sheets
 * exist, their columns, and where each column lands in the framework JSON. Readers (XLSX, CSV), the
 * mapper to JSON and the writer all follow this one table, so the three cannot drift apart.
 */

/** Untrusted-input limits for spreadsheet and JSON files. */
export const FILE_LIMITS = {
  bytes: 20 * 1024 * 1024,
  rows: 5000,
  columns: 200,
  sheets: 50,
  cellChars: 32767, // Excel's own limit for one cell
} as const;

/** How a cell's text becomes a JSON value. */
export type CellKind =
  | 'text' // plain text
  | 'number' // a number; Bengali digits are accepted
  | 'list' // comma-separated codes or ids
  | 'json' // a JSON value (data fields, outcome)
  | 'bool' // true/false (yes/no)
  | 'critical' // always | never | when:<condition>
  | 'minimums'; // criterion:rating pairs, e.g. "OI-01:2, LS-03:2"

export type JsonPath = (string | number)[];

export interface ColumnSpec {
  name: string;
  /** Where the value goes, relative to the row's object. */
  path: JsonPath;
  kind: CellKind;
  /** The column must be present in the header row. */
  required?: boolean;
  /** The value used when the cell is empty; without it an empty cell leaves the key out. */
  empty?: unknown;
}

export interface TableSheet {
  shape: 'table';
  name: SheetName;
  columns: ColumnSpec[];
}

export interface KeyValueSheet {
  shape: 'keys';
  name: SheetName;
  /** Key → where the value goes, relative to the framework root. */
  keys: ColumnSpec[];
}

export type SheetSpec = TableSheet | KeyValueSheet;

export const sheetNames = [
  'criteria',
  'groups',
  'framework',
  'scale',
  'evidence_types',
  'conditions',
  'eqavet_phases',
  'eqavet_indicators',
  'rules',
] as const;
export type SheetName = (typeof sheetNames)[number];

/** Sheets a file may leave out: their content is an empty list. */
export const optionalSheets: ReadonlySet<SheetName> = new Set(['conditions', 'eqavet_phases', 'eqavet_indicators']);

const text = (name: string, path: JsonPath, extra: Partial<ColumnSpec> = {}): ColumnSpec => ({ name, path, kind: 'text', ...extra });
const localized = (prefix: string, path: JsonPath, required = false): ColumnSpec[] => [
  text(`${prefix}_en`, [...path, 'en'], { required }),
  text(`${prefix}_bn`, [...path, 'bn']),
];

/** The criteria sheet: one row per criterion. `group_id` is not part of the criterion; it places the row. */
export const criteriaSheet: TableSheet = {
  shape: 'table',
  name: 'criteria',
  columns: [
    text('group_id', [], { required: true }),
    text('criterion_id', ['id'], { required: true }),
    ...localized('title', ['title'], true),
    ...localized('guidance', ['guidance'], true),
    ...localized('self_guidance', ['selfGuidance']),
    { name: 'evidence', path: ['evidence'], kind: 'list', required: true, empty: [] },
    { name: 'critical', path: ['critical'], kind: 'critical', required: true },
    text('applies_when', ['appliesWhen']),
    { name: 'weight', path: ['weight'], kind: 'number', required: true },
    text('level', ['level'], { required: true }),
    text('basis', ['basis'], { empty: '' }),
    { name: 'safety', path: ['safety'], kind: 'bool' },
    { name: 'data_fields', path: ['dataFields'], kind: 'json' },
    { name: 'outcome', path: ['outcome'], kind: 'json' },
  ],
};

export const groupsSheet: TableSheet = {
  shape: 'table',
  name: 'groups',
  columns: [
    text('group_id', ['id'], { required: true }),
    text('kind', ['kind'], { required: true }),
    text('sector', ['sector']),
    ...localized('title', ['title'], true),
    ...localized('description', ['description']),
    text('basis', ['basis'], { empty: '' }),
  ],
};

/** Rows of three kinds: `rating` (4 rows), `not-applicable` (1 row) and `maturity` (0 or 5 rows). */
export const scaleSheet: TableSheet = {
  shape: 'table',
  name: 'scale',
  columns: [
    text('kind', [], { required: true }),
    { name: 'value', path: ['value'], kind: 'number' },
    text('code', ['code']),
    ...localized('label', ['label'], true),
    ...localized('meaning', ['meaning']),
    { name: 'maps_to', path: ['mapsTo'], kind: 'number' },
  ],
};

export const evidenceTypesSheet: TableSheet = {
  shape: 'table',
  name: 'evidence_types',
  columns: [text('code', ['code'], { required: true }), ...localized('label', ['label'], true)],
};

export const conditionsSheet: TableSheet = {
  shape: 'table',
  name: 'conditions',
  columns: [
    text('condition_id', ['id'], { required: true }),
    text('kind', ['kind'], { required: true }),
    text('flag', ['flag']),
    text('activity', ['activity']),
    ...localized('label', ['label'], true),
  ],
};

export const eqavetPhasesSheet: TableSheet = {
  shape: 'table',
  name: 'eqavet_phases',
  columns: [
    text('phase', ['id'], { required: true }),
    ...localized('label', ['label'], true),
    { name: 'criteria', path: ['criteria'], kind: 'list', required: true, empty: [] },
  ],
};

export const eqavetIndicatorsSheet: TableSheet = {
  shape: 'table',
  name: 'eqavet_indicators',
  columns: [
    { name: 'number', path: ['number'], kind: 'number', required: true },
    text('name', ['name'], { required: true }),
    ...localized('label', ['label'], true),
    { name: 'criteria', path: ['criteria'], kind: 'list', required: true, empty: [] },
  ],
};

/** Framework-level facts, one per row: `key`, `value`. */
export const frameworkSheet: KeyValueSheet = {
  shape: 'keys',
  name: 'framework',
  keys: [
    text('format', ['format']),
    text('id', ['id']),
    text('version', ['version']),
    ...localized('title', ['title']),
    ...localized('description', ['description']),
    ...localized('publisher', ['publisher']),
    // Optional: present (even empty) means the list exists; absent means the framework has none.
    { name: 'maturity_groups', path: ['scale', 'maturityGroups'], kind: 'list', empty: [] },
  ],
};

const rule = (key: string, kind: CellKind = 'number'): ColumnSpec => ({
  name: key,
  path: ['rules', ...key.split('.')],
  kind,
  ...(kind === 'list' || kind === 'minimums' ? { empty: [] } : {}),
});

/** Decision thresholds, one per row; keys are the JSON names of `rules` joined with dots. */
export const rulesSheet: KeyValueSheet = {
  shape: 'keys',
  name: 'rules',
  keys: [
    rule('recommended.minOverallPct'),
    rule('recommended.minGroupPct'),
    rule('recommended.maxMajor'),
    rule('recommended.criterionMinimums', 'minimums'),
    rule('conditional.minOverallPct'),
    rule('conditional.minGroupPct'),
    rule('conditional.maxMajor'),
    rule('mobilityReady.minSectorPct'),
    rule('mobilityReady.minSectorCriticalRating'),
    rule('mobilityReady.noOpenMajorInGroups', 'list'),
    rule('mobilityReady.criterionMinimums', 'minimums'),
    rule('correctiveActionDays.critical'),
    rule('correctiveActionDays.major'),
    rule('correctiveActionDays.minor'),
    rule('minCohort'),
    rule('minTracerResponsePct'),
    rule('redOutcomeActionCohort'),
    rule('redOutcomeActionCriterion', 'text'),
    // Optional blocks (framework 1.1.0 on): a framework without them has no such rows.
    rule('accreditationCycle.validityMonths.recommended'),
    rule('accreditationCycle.validityMonths.recommended-with-conditions'),
    rule('accreditationCycle.appealDays'),
    rule('accreditationCycle.proposal', 'bool'),
    rule('sampling.learnerFiles.minimum'),
    rule('sampling.learnerFiles.pct'),
    rule('sampling.learnerFiles.maximum'),
    rule('sampling.placementPhoneChecks.pct'),
    rule('sampling.placementPhoneChecks.minimum'),
    rule('sampling.proposal', 'bool'),
  ],
};

export const sheetSpecs: Record<SheetName, SheetSpec> = {
  criteria: criteriaSheet,
  groups: groupsSheet,
  framework: frameworkSheet,
  scale: scaleSheet,
  evidence_types: evidenceTypesSheet,
  conditions: conditionsSheet,
  eqavet_phases: eqavetPhasesSheet,
  eqavet_indicators: eqavetIndicatorsSheet,
  rules: rulesSheet,
};

export const keyValueHeader = ['key', 'value'] as const;

/** The marker row that opens each sheet in the CSV form: `#sheet:criteria`. */
export const csvSheetMarker = '#sheet:';

/** A1-style column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
