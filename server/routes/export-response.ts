/**
 * The export routes' 200 as OpenAPI should describe it: one media type per
 * format (JSON is the GraphPayload; GEXF, GraphML, CSV and SVG are text in
 * their own format), not a GraphPayload for all of them.
 */
import { z } from 'zod';
import { GraphPayloadSchema } from '../../shared/index.js';
import { EXPORT_MEDIA_TYPES } from '../pipeline/export/index.js';

const asFile = (what: string) => z.string().describe(what);

export const ExportResponse = {
  description: 'The graph as a file: the media type follows `format`',
  content: {
    [EXPORT_MEDIA_TYPES.json]: { schema: GraphPayloadSchema },
    [EXPORT_MEDIA_TYPES.gexf]: { schema: asFile('GEXF 1.3 (Gephi): people, ties, communities, positions') },
    [EXPORT_MEDIA_TYPES.graphml]: { schema: asFile('GraphML (Cytoscape, networkx, yEd)') },
    [EXPORT_MEDIA_TYPES['nodes-csv']]: {
      schema: asFile('CSV with a header: one row per person (nodes-csv) or per tie (edges-csv); formula-safe'),
    },
    [EXPORT_MEDIA_TYPES.svg]: { schema: asFile('SVG picture with legend and caption') },
  },
};

/** The same body typed as the route's reply (the route sends the file's text as it is). */
export const asExportBody = (body: string) => body as unknown as z.infer<typeof GraphPayloadSchema>;
