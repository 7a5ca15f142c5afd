import { describe, expect, it } from 'vitest';
import { detectDelimiter, htmlToText, parseDelimited, parseImportText } from '@/lib/content/import-csv';

const cells = (text: string, d: ',' | '\t' | ';' = ',') => parseDelimited(text, d).map((r) => r.cells);

describe('parseDelimited', () => {
  it('splits plain CSV and TSV', () => {
    expect(cells('a,b\nc,d\n')).toEqual([['a', 'b'], ['c', 'd']]);
    expect(cells('a\tb, with comma\nc\td', '\t')).toEqual([['a', 'b, with comma'], ['c', 'd']]);
  });

  it('reads quoted fields with delimiters, escaped quotes and line breaks inside', () => {
    expect(cells('"a, b","say ""hi"""\n"line 1\nline 2",x')).toEqual([
      ['a, b', 'say "hi"'],
      ['line 1\nline 2', 'x'],
    ]);
  });

  it('handles CRLF and lone CR line ends, also inside quotes', () => {
    expect(cells('a,b\r\nc,d\r\n')).toEqual([['a', 'b'], ['c', 'd']]);
    expect(cells('a,b\rc,d')).toEqual([['a', 'b'], ['c', 'd']]);
    expect(cells('"x\r\ny",z\r\n')).toEqual([['x\ny', 'z']]);
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(cells('a,,c\n,\nx,')).toEqual([['a', '', 'c'], ['', ''], ['x', '']]);
  });

  it('takes a quote literally when it does not close a field (Quizlet writes no quoting)', () => {
    expect(cells('"Hello" she said\tgreeting\n', '\t')).toEqual([['"Hello" she said', 'greeting']]);
    expect(cells('"never closed\tb', '\t')).toEqual([['"never closed', 'b']]);
  });

  it('reports the line each row starts on, counting line breaks inside quotes', () => {
    expect(parseDelimited('a,b\n"1\n2\n3",c\nlast,row', ',').map((r) => r.line)).toEqual([1, 2, 5]);
  });
});

describe('detectDelimiter', () => {
  it('prefers a tab, then the more frequent of ; and ,', () => {
    expect(detectDelimiter('front\tback, with comma')).toBe('\t');
    expect(detectDelimiter('a;b;c, d')).toBe(';');
    expect(detectDelimiter('a,b')).toBe(',');
  });

  it('ignores delimiters inside quotes and looks at the first non-empty line', () => {
    expect(detectDelimiter('\n"a\tb",c')).toBe(',');
    expect(detectDelimiter('single column')).toBe('\t');
  });
});

describe('parseImportText', () => {
  it('reads front<TAB>back lines without a header', () => {
    const out = parseImportText('Who?\tHer\nWhen?\t2022\n');
    expect(out).toMatchObject({ delimiter: '\t', header: false });
    expect(out.records).toEqual([
      { line: 1, front: 'Who?', back: 'Her', tags: '', section: '', cells: {} },
      { line: 2, front: 'When?', back: '2022', tags: '', section: '', cells: {} },
    ]);
  });

  it('strips a byte-order mark and skips blank lines', () => {
    const out = parseImportText('\uFEFFa,b\r\n\r\nc,d\r\n');
    expect(out.records.map((r) => [r.line, r.front, r.back])).toEqual([
      [1, 'a', 'b'],
      [3, 'c', 'd'],
    ]);
  });

  it('uses optional third and fourth columns as tags and section', () => {
    expect(parseImportText('q\ta\tcsto un\tintro').records[0]).toMatchObject({ tags: 'csto un', section: 'intro' });
  });

  it('detects a header row and maps columns by name in any order', () => {
    const out = parseImportText('Section,Answer,Question,Tags\nintro,"Her, indeed",Who?,x\n');
    expect(out.header).toBe(true);
    expect(out.records).toEqual([{ line: 2, front: 'Who?', back: 'Her, indeed', tags: 'x', section: 'intro', cells: {} }]);
  });

  it('does not mistake a card for a header', () => {
    const out = parseImportText('front,back of the card\n');
    expect(out.header).toBe(false);
    expect(out.records[0]).toMatchObject({ front: 'front', back: 'back of the card' });
  });

  it('reads the older export.csv back (one row per card; its evidence column is not read)', () => {
    const csv = 'id,type,section,prompt,answer,tags,explanation,evidence\r\nx1,basic,intro,"Q, 1",A1,t1 t2,,"""q"" — ¶1"\r\n';
    expect(parseImportText(csv).records).toEqual([{ line: 2, front: 'Q, 1', back: 'A1', tags: 't1 t2', section: 'intro', cells: { id: 'x1', type: 'basic', explanation: '' } }]);
  });

  it('takes the formula guard off in our own layout only', () => {
    expect(parseImportText("type,prompt,answer\r\nbasic,'=1+1,''-2\r\n").records[0]).toMatchObject({ front: '=1+1', back: "'-2" });
    expect(parseImportText("front,back\r\n'=1+1,x\r\n").records[0]).toMatchObject({ front: "'=1+1" });
  });

  it('follows Anki header lines: separator, html and tags column', () => {
    const anki = '#separator:tab\n#html:true\n#tags column:3\nWho<br>chaired?\tNikol &amp; co\tcsto::chair\n';
    expect(parseImportText(anki).records).toEqual([{ line: 4, front: 'Who\nchaired?', back: 'Nikol & co', tags: 'csto::chair', section: '', cells: {} }]);
  });

  it('skips Anki guid, note type and deck columns', () => {
    const anki = '#separator:tab\n#guid column:1\n#notetype column:2\n#deck column:3\n#tags column:6\nabc\tBasic\tWar\tFront\tBack\ttag\n';
    expect(parseImportText(anki).records[0]).toMatchObject({ front: 'Front', back: 'Back', tags: 'tag' });
  });
});

describe('htmlToText', () => {
  it('turns line breaks and blocks into newlines and drops other markup', () => {
    expect(htmlToText('<div>a</div><div><b>b</b>&nbsp;&lt;c&gt;</div>')).toBe('a\nb <c>');
  });
});
