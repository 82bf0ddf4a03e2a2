import { reportTables, type RecordReport } from './record-report';

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML shows it, in an element or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]);
}

/** Lists in a cell are joined with '; ' (see the row builders): a line each when printed. */
function cellHtml(value: string): string {
  return value === '' ? '<em>not stated</em>' : value.split('; ').map(escapeHtml).join('<br>');
}

// Inline, so that the file is whole on its own: no external resource is fetched when it is opened.
const STYLE = `body{font:10pt/1.35 system-ui,sans-serif;margin:1.5em}
table{border-collapse:collapse;width:100%;margin-bottom:2em}
th,td{border:1px solid #999;padding:.25em .4em;text-align:left;vertical-align:top}
thead th{background:#eee}thead{display:table-header-group}tr{break-inside:avoid}
@page{size:A4 landscape;margin:1cm}@media print{body{margin:0}h2{break-before:page}}`;

/**
 * The report as one printable HTML page: the organisation, then a table per record with its
 * header repeated on every printed page. Every value is escaped; the page loads nothing else.
 */
export function recordHtml(report: RecordReport): string {
  const { organisation, on } = report;
  const policy = organisation?.policy;
  const heading = [
    `<h1>Record of processing activities (GDPR Art. 30(1)) on ${escapeHtml(on)}</h1>`,
    organisation ? `<p>Organisation: ${escapeHtml(organisation.name)}</p>` : '',
    policy?.title || policy?.url ? `<p>Privacy policy: ${escapeHtml([policy.title, policy.url].filter(Boolean).join(', '))}</p>` : '',
  ];
  const sections = reportTables(report).map((table) =>
    [
      `<h2>${escapeHtml(table.title)} (${table.rows.length})</h2>`,
      '<table>',
      `<thead><tr>${table.columns.map((column) => `<th>${escapeHtml(column)}</th>`).join('')}</tr></thead>`,
      '<tbody>',
      ...table.rows.map((row) => `<tr>${row.map((cell) => `<td>${cellHtml(cell)}</td>`).join('')}</tr>`),
      '</tbody></table>',
    ].join('\n'),
  );
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    // No scripts, styles or images from anywhere: a hostile value that slipped past escaping could fetch nothing.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>Record of processing on ${escapeHtml(on)}</title>`,
    `<style>${STYLE}</style></head><body>`,
    ...heading.filter(Boolean),
    ...sections,
    '</body></html>',
    '',
  ].join('\n');
}
