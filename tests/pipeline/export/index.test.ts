import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, exportFileName, toGexf, writeExport, type ExportFormat } from '../../../server/pipeline/export/index.js';
import { samplePayload } from './sample.js';

const payload = samplePayload();

describe('writeExport', () => {
  it('writes every format with its content type and extension', () => {
    const written = Object.fromEntries(EXPORT_FORMATS.map((f) => [f, writeExport(payload, f)]));
    expect(Object.fromEntries(EXPORT_FORMATS.map((f) => [f, [written[f]!.contentType, written[f]!.extension]]))).toEqual({
      json: ['application/json; charset=utf-8', 'json'],
      gexf: ['application/gexf+xml; charset=utf-8', 'gexf'],
      graphml: ['application/graphml+xml; charset=utf-8', 'graphml'],
      'nodes-csv': ['text/csv; charset=utf-8; header=present', 'csv'],
      'edges-csv': ['text/csv; charset=utf-8; header=present', 'csv'],
      svg: ['image/svg+xml; charset=utf-8', 'svg'],
    });
    expect(JSON.parse(written.json!.body)).toEqual(payload);
    expect(written.gexf!.body).toBe(toGexf(payload));
    expect(written['nodes-csv']!.body.split('\r\n')).toHaveLength(payload.nodes.length + 2);
    expect(written['edges-csv']!.body.split('\r\n')).toHaveLength(payload.edges.length + 2);
  });

  it('refuses a format it does not know', () => {
    expect(() => writeExport(payload, 'docx' as ExportFormat)).toThrow(/^export: unknown format docx/);
  });
});

describe('exportFileName', () => {
  it('names the file after the dataset, the part and the privacy level', () => {
    expect(exportFileName('uklibchat.csv', 'json')).toBe('uklibchat-csv-graph.json');
    expect(exportFileName('uklibchat.csv', 'gexf')).toBe('uklibchat-csv-graph.gexf');
    expect(exportFileName('uklibchat.csv', 'nodes-csv')).toBe('uklibchat-csv-nodes.csv');
    expect(exportFileName('uklibchat.csv', 'edges-csv', true)).toBe('uklibchat-csv-edges-pseudonymous.csv');
    expect(exportFileName('"Ünïcode" 🦉 <chat>', 'graphml')).toBe('unicode-chat-graph.graphml');
    expect(exportFileName('🦉', 'graphml')).toBe('dataset-graph.graphml');
  });
});
