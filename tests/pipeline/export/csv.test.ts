import { describe, expect, it } from 'vitest';
import { textCell, toEdgesCsv, toNodesCsv } from '../../../server/pipeline/export/csv.js';
import { samplePayload } from './sample.js';

const payload = samplePayload();
const BOM = '\uFEFF';
const lines = (text: string) => text.slice(1).split('\r\n');

describe('toNodesCsv', () => {
  it('writes a BOM, the header and one CRLF row per node, text quoted and numbers bare', () => {
    const text = toNodesCsv(payload);
    expect(text.startsWith(BOM)).toBe(true);
    expect(lines(text)).toEqual([
      'key,label,handle,platform,community,sector,region,messages,sessions,degree,weightedDegree,chats',
      `"csv:eve","'=HYPERLINK(""http://x"")","eve","csv",1,"school","US",1,1,1,1.166667,""`,
      `"mastodon:bea@glammr.us","Bea Bell","bea@glammr.us","mastodon",0,"public","unknown",1,1,1,1.833333,"#uklibchat"`,
      `"twitter:ann_lib","Ann <""Lib""> & Co 🦉","Ann_Lib","twitter",0,"academic","UK",3,2,2,3,"#uklibchat;#tlchat"`,
      '',
    ]);
  });

  it('has no bare LF: every line ends CRLF, as RFC 4180 says', () => {
    expect(toNodesCsv(payload).replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });
});

describe('toEdgesCsv', () => {
  it('writes one row per edge with both endpoints labelled', () => {
    expect(lines(toEdgesCsv(payload))).toEqual([
      'source,target,source_label,target_label,weight,reply,mention,coAnswer,coSession,repost',
      `"csv:eve","twitter:ann_lib","'=HYPERLINK(""http://x"")","Ann <""Lib""> & Co 🦉",1.166667,0,1,0,1,0`,
      `"mastodon:bea@glammr.us","twitter:ann_lib","Bea Bell","Ann <""Lib""> & Co 🦉",1.833333,1,0,1,1,0`,
      '',
    ]);
  });

  it('writes just the header for a graph without edges', () => {
    expect(toEdgesCsv({ ...payload, edges: [] })).toBe(
      `${BOM}source,target,source_label,target_label,weight,reply,mention,coAnswer,coSession,repost\r\n`,
    );
  });
});

describe('textCell (formula-safe)', () => {
  it('neutralises every formula trigger OWASP lists with a leading quote', () => {
    expect(textCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(textCell('+1+1')).toBe(`"'+1+1"`);
    expect(textCell('-2+3')).toBe(`"'-2+3"`);
    expect(textCell('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
    expect(textCell('\t=1')).toBe(`"'\t=1"`);
    expect(textCell('\r=1')).toBe(`"'\r=1"`);
  });

  it('drops control characters first, so a NUL cannot hide a leading =', () => {
    expect(textCell('\u0000=cmd')).toBe(`"'=cmd"`);
    expect(textCell('a\u0007b')).toBe('"ab"');
  });

  it('leaves ordinary text alone (a trigger later in the cell is harmless) and keeps line breaks inside the quotes', () => {
    expect(textCell('Ann = librarian')).toBe('"Ann = librarian"');
    expect(textCell("O'Brien, Ann; UK")).toBe(`"O'Brien, Ann; UK"`);
    expect(textCell('two\r\nlines')).toBe('"two\r\nlines"');
    expect(textCell('')).toBe('""');
  });
});
