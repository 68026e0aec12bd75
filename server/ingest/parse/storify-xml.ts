/**
 * Storify's XML export as the value its JSON export holds: each element a
 * field, `<item>` children a list, a leaf its text. Storify wrote plain XML
 * (no attributes that matter, no namespaces, no CDATA), so a small reader
 * does; anything it cannot read is a 422 naming the line.
 */
import { TranscriptError } from '../errors.js';
import { lineAt } from './read-json.js';

type Value = string | Value[] | { [key: string]: Value };

interface Node {
  name: string;
  children: Node[];
  text: string;
}

/** Storify's stories nest about ten deep; far deeper is no story, and would overflow the reader's recursion. */
const MAX_DEPTH = 200;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** `&amp;`, `&#13;`, `&#x27;` → their characters; an unknown entity stays as written. */
function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? whole;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

const TOKEN = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<!DOCTYPE[^>]*>|<(\/?)([A-Za-z_][\w.-]*)(?:\s[^>]*?)?(\/?)>/g;

function readTree(xml: string, fileName: string): Node {
  const root: Node = { name: '', children: [], text: '' };
  const open: Node[] = [root];
  let at = 0;
  for (const m of xml.matchAll(TOKEN)) {
    const top = open[open.length - 1]!;
    top.text += decode(xml.slice(at, m.index));
    at = m.index + m[0].length;
    if (m[1] !== undefined) top.text += m[1];
    const name = m[3];
    if (!name) continue;
    if (m[2]) {
      if (top.name !== name || open.length === 1) {
        throw new TranscriptError(
          'unreadable_file',
          `${fileName}: line ${lineAt(xml, m.index)}: </${name}> closes <${top.name || 'nothing'}>`,
          {
            file: fileName,
            line: lineAt(xml, m.index),
          },
        );
      }
      open.pop();
    } else {
      const node: Node = { name, children: [], text: '' };
      top.children.push(node);
      // `open` holds the root too.
      if (!m[4] && open.push(node) > MAX_DEPTH + 1) {
        throw new TranscriptError(
          'unreadable_file',
          `${fileName}: line ${lineAt(xml, m.index)}: XML nested deeper than ${MAX_DEPTH} elements`,
          {
            file: fileName,
            line: lineAt(xml, m.index),
          },
        );
      }
    }
  }
  if (open.length > 1) {
    const unclosed = open[open.length - 1]!.name;
    throw new TranscriptError('unreadable_file', `${fileName}: the XML ends inside <${unclosed}> (cut short?)`, { file: fileName });
  }
  return root;
}

function valueOf(node: Node): Value {
  if (node.children.length === 0) return node.text.trim();
  if (node.children.every((c) => c.name === 'item')) return node.children.map(valueOf);
  const out: { [key: string]: Value } = {};
  for (const c of node.children) out[c.name] = valueOf(c);
  return out;
}

/** The document element as a value: `<story><sid>…</sid><elements><item>…` → `{sid, elements: [{…}]}`. */
export function readStorifyXml(xml: string, fileName: string): { name: string; value: Value } {
  const top = readTree(xml, fileName).children[0];
  if (!top) throw new TranscriptError('unreadable_file', `${fileName}: no XML element found`, { file: fileName, line: 1 });
  return { name: top.name, value: valueOf(top) };
}
