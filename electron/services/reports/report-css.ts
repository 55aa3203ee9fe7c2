import { margin, page, signatureBox, signaturePageHeight } from './page-geometry';
import { reportFontStack } from './report-fonts';

const mono = "'Report Sans', monospace";

/**
 * The report's stylesheet: A4 print first (Chromium sets the margins; the header and footer live in
 * them), and a screen view for the in-app preview that shows the same document as sheets of paper.
 * No inline style attributes anywhere: the preview frame's CSP refuses them.
 */
export const reportCss = `
@page { size: A4; }
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: ${reportFontStack}; font-size: 9.5pt; line-height: 1.45; color: #1d232a; }
h1, h2, h3 { color: #123c5a; line-height: 1.25; break-after: avoid; page-break-after: avoid; }
h1 { font-size: 15pt; margin: 0 0 3mm; padding-bottom: 1.5mm; border-bottom: 0.6mm solid #123c5a; }
h2 { font-size: 11.5pt; margin: 6mm 0 2mm; }
h3 { font-size: 10pt; margin: 4mm 0 1.5mm; }
p { margin: 0 0 2mm; }
ul, ol { margin: 0 0 2mm; padding-left: 5mm; }
.report--bengali-digits ol { list-style-type: bengali; }
li { margin-bottom: 0.8mm; }
.muted { color: #5b6670; }
.small { font-size: 8pt; }
.mono { font-family: ${mono}; font-size: 7.5pt; word-break: break-all; letter-spacing: 0.01em; }
.nowrap { white-space: nowrap; }
.pre { white-space: pre-line; }

.section { break-before: page; page-break-before: always; }
.section--flow { break-before: auto; page-break-before: auto; margin-top: 8mm; }
.keep { break-inside: avoid; page-break-inside: avoid; }

/* Tables: headers repeat on every page, rows are never split across pages. */
table { width: 100%; border-collapse: collapse; margin: 0 0 4mm; font-size: 8.5pt; }
thead { display: table-header-group; }
tfoot { display: table-footer-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { text-align: left; vertical-align: top; padding: 1.4mm 1.8mm; border-bottom: 0.25mm solid #d5dbe1; }
thead th { background: #e9eef3; color: #123c5a; font-weight: 700; border-bottom: 0.4mm solid #123c5a; }
tbody tr:nth-child(even) td { background: #f7f9fb; }
td.num, th.num { text-align: right; white-space: nowrap; }
table.facts th { width: 46mm; background: none; color: #5b6670; font-weight: 400; border-bottom: 0.25mm solid #e1e6ea; }
table.facts td { border-bottom: 0.25mm solid #e1e6ea; background: none !important; }
table.facts { font-size: 9pt; }
.criteria col.c-id { width: 17mm; } .criteria col.c-title { width: 50mm; } .criteria col.c-rating { width: 30mm; }
.criteria col.c-note { width: 52mm; } .criteria col.c-evidence { width: 25mm; }
.nc col.c-class { width: 25mm; } .nc col.c-criterion { width: 45mm; } .nc col.c-finding { width: 58mm; } .nc col.c-action { width: 46mm; }
table.criteria, table.nc, table.evidence { table-layout: fixed; }
.evidence col.c-ref { width: 11mm; } .evidence col.c-file { width: 44mm; } .evidence col.c-criterion { width: 38mm; }
.evidence col.c-size { width: 15mm; } .evidence col.c-hash { width: 66mm; }

/* Chips and badges */
.chip { display: inline-block; max-width: 100%; padding: 0.3mm 1.6mm; border-radius: 1mm; font-weight: 700; font-size: 8pt; }
.chip--3 { background: #dcefe2; color: #1e5e35; }
.chip--2 { background: #e3edf7; color: #1f4f7a; }
.chip--1 { background: #fcebc8; color: #7a4d00; }
.chip--0 { background: #f8dadc; color: #8f1f26; }
.chip--na, .chip--none { background: #eceff2; color: #4b5560; }
.tag { display: inline-block; margin: 0.6mm 1mm 0 0; padding: 0 1.2mm; border: 0.25mm solid #9aa6b1; border-radius: 0.8mm; font-size: 7pt; color: #4b5560; }
.tag--critical { border-color: #a1262d; color: #a1262d; }
.tag--safety { border-color: #8a5a00; color: #8a5a00; }
.badge { display: inline-block; padding: 0.4mm 1.6mm; border-radius: 1mm; font-size: 7.5pt; font-weight: 700; color: #fff; }
.badge--critical { background: #a1262d; } .badge--major { background: #c2561a; } .badge--minor { background: #8a6d00; } .badge--observation { background: #5b6670; }
.light { display: inline-block; width: 3mm; height: 3mm; border-radius: 50%; margin-right: 1.4mm; vertical-align: -0.4mm; border: 0.2mm solid rgba(0,0,0,0.25); }
.light--green { background: #2e8b4e; } .light--amber { background: #e0a100; } .light--red { background: #c62f36; } .light--none { background: #fff; }
.ok { color: #1e6b3a; font-weight: 700; } .not-ok { color: #a1262d; font-weight: 700; }

/* Cover */
.cover { min-height: ${page.height - margin.top - margin.bottom - 8}mm; display: flex; flex-direction: column; }
.cover__overline { text-transform: uppercase; letter-spacing: 0.14em; font-size: 8.5pt; color: #1f6f8b; font-weight: 700; margin: 0 0 2mm; }
.cover__rule { height: 1.6mm; background: linear-gradient(90deg, #123c5a 0 70%, #1f6f8b 70% 100%); margin-bottom: 7mm; }
.cover h1 { font-size: 25pt; border: none; padding: 0; margin: 0 0 5mm; }
.cover__institution { font-size: 17pt; font-weight: 700; color: #1d232a; margin: 0; line-height: 1.3; }
.cover__institution-bn { font-size: 15pt; font-weight: 700; color: #33414d; margin: 1mm 0 2mm; }
.cover__meta { color: #5b6670; margin: 0 0 7mm; }
.cover__facts { margin-top: 7mm; }
.cover__statement { margin-top: auto; padding-top: 4mm; border-top: 0.25mm solid #c9d1d9; font-size: 8.5pt; color: #5b6670; }
.outcome { border-left: 3mm solid #4b5563; background: #eef1f4; padding: 5mm 7mm; break-inside: avoid; }
.outcome__label { text-transform: uppercase; letter-spacing: 0.12em; font-size: 8pt; font-weight: 700; color: #4b5563; margin: 0 0 1mm; }
.outcome__decision { font-size: 27pt; font-weight: 700; line-height: 1.15; margin: 0 0 2mm; }
.outcome__meaning { font-size: 10.5pt; margin: 0 0 2mm; }
.outcome__score { font-size: 11pt; font-weight: 700; margin: 0; }
.outcome--recommended { border-color: #1e6b3a; background: #e8f4ec; } .outcome--recommended .outcome__decision { color: #1e6b3a; }
.outcome--recommended-with-conditions { border-color: #b07400; background: #fdf4de; } .outcome--recommended-with-conditions .outcome__decision { color: #8a5a00; }
.outcome--deferred { border-color: #4b5563; background: #eef1f4; } .outcome--deferred .outcome__decision { color: #374151; }
.outcome--not-recommended { border-color: #a1262d; background: #fbeaeb; } .outcome--not-recommended .outcome__decision { color: #a1262d; }
.banner { border: 0.4mm solid #8a5a00; background: #fff7e0; color: #6b4500; padding: 2mm 4mm; font-weight: 700; margin: 0 0 4mm; }
.banner--preview { border-color: #1f6f8b; background: #e6f2f6; color: #164f63; }
.notice { border: 0.5mm solid #a1262d; background: #fbeaeb; padding: 3mm 4mm; margin: 3mm 0; break-inside: avoid; }
.notice h3 { color: #a1262d; margin-top: 0; }

/* Summary figures */
.figures { display: flex; gap: 4mm; margin: 2mm 0 5mm; }
.figure { flex: 1; border: 0.3mm solid #c9d1d9; border-top: 1.2mm solid #123c5a; padding: 3mm 4mm; }
.figure__label { font-size: 8pt; color: #5b6670; text-transform: uppercase; letter-spacing: 0.06em; margin: 0 0 1mm; }
.figure__value { font-size: 18pt; font-weight: 700; color: #123c5a; margin: 0; line-height: 1.2; }
.figure__value--text { font-size: 13pt; }
.counts { list-style: none; padding: 0; margin: 0; }
.counts li { display: flex; justify-content: space-between; gap: 2mm; margin: 0; font-size: 8.5pt; }

/* Charts */
.chart { width: 100%; height: auto; margin: 1mm 0 2mm; }
.chart text { font-family: ${reportFontStack}; }
.legend { font-size: 8pt; color: #5b6670; margin-bottom: 4mm; }
.legend span { margin-right: 5mm; white-space: nowrap; }
.legend i { display: inline-block; width: 6mm; border-top: 0.5mm dashed; vertical-align: middle; margin-right: 1.5mm; }
.legend .l-rec { border-color: #1e6b3a; } .legend .l-cond { border-color: #b07400; }

/* Signature page: a fixed block so the box lands where the PDF widget is placed. */
.signature { position: relative; height: ${signaturePageHeight}mm; }
.signature__box { position: absolute; left: ${signatureBox.left}mm; top: ${signatureBox.top}mm; width: ${signatureBox.width}mm;
  height: ${signatureBox.height}mm; border: 0.5mm solid #123c5a; border-radius: 1.5mm; padding: 2.5mm 3.5mm; background: #f5f8fa; }
.signature__box-label { font-size: 7.5pt; text-transform: uppercase; letter-spacing: 0.1em; color: #5b6670; margin: 0 0 2mm; }
.signature__box-name { font-size: 11pt; font-weight: 700; color: #123c5a; margin: 0 0 1mm; }
.signature__box-time { font-size: 8pt; color: #33414d; margin: 0; }
.signature__after { position: absolute; left: 0; right: 0; top: ${signatureBox.top + signatureBox.height + 8}mm; font-size: 8.5pt; color: #5b6670; }
.trial { display: inline-block; border: 0.5mm solid #a1262d; color: #a1262d; font-weight: 700; padding: 0.6mm 2mm; border-radius: 1mm; }

/* Photo evidence: thumbnails under their finding, large copies two to a page in the annex. */
table.nc:has(tr.finding-photos) tbody td { background: none !important; }
table.nc tr:has(+ tr.finding-photos) td { border-bottom: none; }
tr.finding-photos { break-before: avoid; page-break-before: avoid; }
tr.finding-photos td { padding-top: 0; }
.photo-strip { display: flex; flex-wrap: wrap; gap: 2.5mm 3mm; align-items: flex-start; margin: 0 0 1mm; }
.photo { width: 40mm; margin: 0; break-inside: avoid; page-break-inside: avoid; font-size: 7.5pt; line-height: 1.3; }
.photo__image { display: block; max-width: 40mm; max-height: 30mm; margin-bottom: 1mm; border: 0.25mm solid #c9d1d9; }
.photo__date { display: block; color: #5b6670; }
.photo__missing { border: 0.3mm dashed #9aa6b1; color: #5b6670; padding: 2mm; margin: 0 0 1mm; }
.photo-strip__more { width: 100%; margin: 0; }
.observation-photos { break-inside: avoid; page-break-inside: avoid; margin: 0 0 4mm; }
.annex-photo { margin: 0 0 6mm; break-inside: avoid; page-break-inside: avoid; }
.annex-photo__frame { display: flex; justify-content: center; margin-bottom: 1.5mm; }
.annex-photo__image { display: block; max-width: 100%; max-height: 80mm; border: 0.25mm solid #c9d1d9; }
table.facts.annex-photo__facts { font-size: 8pt; margin: 0; }
table.facts.annex-photo__facts th { width: 38mm; }
table.facts.annex-photo__facts th, table.facts.annex-photo__facts td { padding: 0.8mm 1.8mm; }

/* Letter-spacing and capitals are Latin typography: Bangla clusters must not be pulled apart. */
:lang(bn) .cover__overline, :lang(bn) .outcome__label, :lang(bn) .figure__label, :lang(bn) .signature__box-label { letter-spacing: 0; text-transform: none; }
.tags { margin-top: 0.4mm; }

@media screen {
  body { background: #dfe4e9; padding: 6mm 0; }
  .sheet { width: ${page.width}mm; margin: 0 auto 6mm; padding: ${margin.top}mm ${margin.right}mm ${margin.bottom}mm ${margin.left}mm;
    background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,0.25); }
  .section--flow { margin-top: 0; }
}
@media print {
  .sheet { padding: 0; }
}
`;
