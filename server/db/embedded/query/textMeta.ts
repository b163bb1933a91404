import { isPlainObject, type Doc } from '../engine/values.js';
import { badValue } from '../errors.js';

/** Hidden field carrying each document's textScore through a pipeline; removed from the output. */
export const TEXT_SCORE_FIELD = '__embeddedTextScore';

/** The `$meta` expression: only textScore exists in the embedded store. */
export function $meta(obj: Doc, expr: unknown): unknown {
  if (expr !== 'textScore') throw badValue(`unsupported $meta value: ${JSON.stringify(expr)}`);
  return obj[TEXT_SCORE_FIELD];
}

/** Rewrites `{$sort: {score: {$meta: 'textScore'}}}` into a sort on the hidden score field. */
export function rewriteMetaSorts(pipeline: Doc[]): Doc[] {
  return pipeline.map((stage) => {
    if (!isPlainObject(stage.$sort)) return stage;
    const sort: Doc = {};
    for (const [field, direction] of Object.entries(stage.$sort)) {
      if (isPlainObject(direction) && direction.$meta === 'textScore') sort[TEXT_SCORE_FIELD] = -1;
      else sort[field] = direction;
    }
    return { $sort: sort };
  });
}

export function stripTextScores(docs: Doc[]): Doc[] {
  for (const doc of docs) if (isPlainObject(doc)) delete doc[TEXT_SCORE_FIELD];
  return docs;
}
