import { badValue } from '../errors.js';
import type { Doc } from '../engine/values.js';
import { executeQuery } from '../query/execute.js';
import type { CommandHandler } from './types.js';

/**
 * `explain` for find, count, distinct and aggregate's leading $match: reports the plan the store used
 * (COLLSCAN, IXSCAN with the index name, or IDHACK) and how many keys and documents it examined.
 */
const explain: CommandHandler = ({ state, db, command }) => {
  const inner = command.explain as Doc;
  const verb = Object.keys(inner ?? {})[0];
  const filterByVerb: Record<string, () => [string, Doc | undefined, unknown]> = {
    find: () => [String(inner.find), inner.filter as Doc, inner.sort],
    count: () => [String(inner.count), inner.query as Doc, undefined],
    distinct: () => [String(inner.distinct), inner.query as Doc, undefined],
    aggregate: () => [String(inner.aggregate), ((inner.pipeline as Doc[])?.[0]?.$match ?? {}) as Doc, undefined],
  };
  if (!filterByVerb[verb]) throw badValue(`explain does not support '${verb}' in the embedded store`);
  const [name, filter, sort] = filterByVerb[verb]();
  const result = executeQuery(state.catalog.get(db, name), { filter, sort, limit: Number(inner.limit ?? 0), skip: Number(inner.skip ?? 0) });
  const { stage, indexName } = result.stats;
  const inputStage = stage === 'COLLSCAN' ? { stage } : { stage, indexName };
  return {
    queryPlanner: { namespace: `${db}.${name}`, winningPlan: stage === 'COLLSCAN' ? inputStage : { stage: 'FETCH', inputStage } },
    executionStats: { nReturned: result.docs.length, totalKeysExamined: result.stats.keysExamined, totalDocsExamined: result.stats.docsExamined },
  };
};

export const explainCommands: Record<string, CommandHandler> = { explain };
