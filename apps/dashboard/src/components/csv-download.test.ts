// CSV as a spreadsheet reads it: quotes doubled, commas and line breaks quoted, formulas neutralised, numbers rounded.
import { describe, expect, it } from 'vitest';
import { csvOf } from './csv-download';

describe('csv of a view table', () => {
  it('quotes what needs quoting and nothing else', () => {
    expect(
      csvOf([
        ['touchpoint', 'quality'],
        ['Cart, EU', 71.26],
        ['Say "hi"', null],
        ['=HYPERLINK("x")', 3],
      ]),
    ).toBe('touchpoint,quality\r\n"Cart, EU",71.3\r\n"Say ""hi""",\r\n"\'=HYPERLINK(""x"")",3\r\n');
  });
});
