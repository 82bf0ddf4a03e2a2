import { registerEnumType } from 'type-graphql';

/** Format of the record of processing: text, or a workbook as base64. */
export enum RecordFormat {
  CSV = 'csv',
  MARKDOWN = 'markdown',
  XLSX = 'xlsx',
  HTML = 'html',
}

registerEnumType(RecordFormat, {
  name: 'RecordFormat',
  description: 'Format of the record of processing (XLSX as base64).',
  valuesConfig: {
    CSV: { description: 'RFC 4180 CSV with a header row, one row per activity.' },
    MARKDOWN: { description: 'Markdown, a section per activity, for a reader.' },
    XLSX: { description: 'An XLSX workbook, base64-encoded: a sheet each for the record, the Art. 30(2) records of processors and the transfer register, header rows frozen, filters on.' },
    HTML: { description: 'A printable, self-contained HTML page: the same three tables, every value escaped, nothing loaded from elsewhere.' },
  },
});
