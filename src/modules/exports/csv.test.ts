import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

const BOM = '\uFEFF';

describe('toCsv', () => {
  it('starts with a byte order mark, leaves plain fields alone and ends every line with CRLF, the header first', () => {
    expect(toCsv(['a', 'b'], [['1', 'two words'], ['', 'x']])).toBe(`${BOM}a,b\r\n1,two words\r\n,x\r\n`);
  });

  it('quotes fields with a comma, a quote or a line break, doubling the quotes (RFC 4180)', () => {
    expect(toCsv(['name'], [['Acme, Inc.'], ['the "cloud"'], ['line 1\nline 2'], ['say "hi", then go']])).toBe(
      `${BOM}name\r\n"Acme, Inc."\r\n"the ""cloud"""\r\n"line 1\nline 2"\r\n"say ""hi"", then go"\r\n`,
    );
  });

  it('keeps a cell that a spreadsheet would run as a formula as text', () => {
    const csv = toCsv(['importer'], [['=HYPERLINK("http://evil.example","click")'], ['+1'], ['@SUM(A1)'], ['-2+3']]);
    expect(csv).toBe(`${BOM}importer\r\n"'=HYPERLINK(""http://evil.example"",""click"")"\r\n'+1\r\n'@SUM(A1)\r\n'-2+3\r\n`);
  });
});
