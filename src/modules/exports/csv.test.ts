import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from './csv';

describe('toCsv (RFC 4180)', () => {
  it('leaves plain fields alone and ends every line with CRLF, the header first', () => {
    expect(toCsv(['a', 'b'], [['1', 'two words'], ['', 'x']])).toBe('a,b\r\n1,two words\r\n,x\r\n');
  });

  it('quotes fields with a comma, a quote or a line break, doubling the quotes', () => {
    expect(csvField('Acme, Inc.')).toBe('"Acme, Inc."');
    expect(csvField('the "cloud"')).toBe('"the ""cloud"""');
    expect(csvField('line 1\nline 2')).toBe('"line 1\nline 2"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    expect(toCsv(['name'], [['say "hi", then go']])).toBe('name\r\n"say ""hi"", then go"\r\n');
  });
});
