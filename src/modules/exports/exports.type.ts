import { registerEnumType } from 'type-graphql';

/** Text format of the record of processing. */
export enum RecordFormat {
  CSV = 'csv',
  MARKDOWN = 'markdown',
}

registerEnumType(RecordFormat, {
  name: 'RecordFormat',
  description: 'Text format of the record of processing.',
  valuesConfig: {
    CSV: { description: 'RFC 4180 CSV with a header row, one row per activity.' },
    MARKDOWN: { description: 'Markdown, a section per activity, for a reader.' },
  },
});
