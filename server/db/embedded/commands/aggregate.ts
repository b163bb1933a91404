import { Aggregator } from 'mingo/aggregator';
import * as pipelineOperators from 'mingo/operators/pipeline';
import { badValue, CommandError, failedToParse, invalidPipelineOperator, notImplemented } from '../errors.js';
import { cloneValue, isPlainObject, type Doc } from '../engine/values.js';
import { baseContext, mingoOptions } from '../query/context.js';
import { contextWithIndexedLookup } from '../query/indexedLookup.js';
import { executeQuery } from '../query/execute.js';
import { asCommandError } from '../query/matcher.js';
import { cursorReply } from './read.js';
import { rewriteMetaSorts, stripTextScores, TEXT_SCORE_FIELD } from '../query/textMeta.js';
import type { CommandHandler } from './types.js';
import { requireCollectionName } from '../engine/catalog.js';
import { plainNumbers } from '../engine/numbers.js';

const writingStages = new Set(['$out', '$merge']);
const knownStages = new Set(Object.keys(pipelineOperators));

function validatePipeline(pipeline: unknown): Doc[] {
  if (!Array.isArray(pipeline)) throw badValue("'pipeline' option must be specified as an array");
  for (const stage of pipeline) {
    if (!isPlainObject(stage) || Object.keys(stage).length !== 1) throw badValue('A pipeline stage specification object must contain exactly one field.');
    const name = Object.keys(stage)[0];
    if (writingStages.has(name)) throw notImplemented(`The ${name} stage`);
    if (!knownStages.has(name)) throw invalidPipelineOperator(name);
  }
  return pipeline as Doc[];
}

function usedAsAccumulator(pipeline: Doc[], operator: string): boolean {
  return pipeline.some((stage) => {
    const group = stage.$group;
    return isPlainObject(group) && Object.entries(group).some(([field, spec]) => field !== '_id' && isPlainObject(spec) && operator in spec);
  });
}

/** Names an unknown operator the way MongoDB does: an unknown accumulator in $group, else an unknown expression. */
function pipelineError(error: unknown, pipeline: Doc[]): CommandError {
  const unknown = error instanceof Error ? /'(\$\w+)' is not registered/.exec(error.message) : null;
  if (!unknown) return asCommandError(error);
  const operator = unknown[1];
  if (usedAsAccumulator(pipeline, operator)) return new CommandError(15952, 'Location15952', `unknown group operator '${operator}'`);
  return new CommandError(168, 'InvalidPipelineOperator', `Unrecognized expression '${operator}'`);
}

const aggregate: CommandHandler = ({ state, db, command, txn }) => {
  if (typeof command.aggregate !== 'string') throw notImplemented('Database-level aggregation');
  const name = requireCollectionName(command.aggregate);
  const pipeline = validatePipeline(command.pipeline);
  if (!isPlainObject(command.cursor) && !command.explain) {
    throw failedToParse("The 'cursor' option is required, except for aggregate with the explain argument");
  }
  const collection = state.catalog.get(db, name);
  // A leading $match goes through the query planner so it can use indexes (and $text).
  let rest = pipeline;
  let filter: Doc = {};
  if (pipeline[0]?.$match) {
    filter = pipeline[0].$match as Doc;
    rest = pipeline.slice(1);
  }
  const source = executeQuery(collection, { filter }, collection && state.transactions.hiddenChanges(collection, txn));
  // mingo's arithmetic and accumulators only know JS numbers, so Double and Long wrappers are unwrapped for it.
  const input = source.docs.map((doc) => plainNumbers(cloneValue(doc)));
  if (source.scores) for (let i = 0; i < input.length; i++) input[i][TEXT_SCORE_FIELD] = source.scores(source.docs[i]);
  rest = plainNumbers(rewriteMetaSorts(rest));
  let output: Doc[];
  try {
    const foreign = (name: string) => state.catalog.get(db, name);
    const options = mingoOptions({
      context: contextWithIndexedLookup(baseContext, foreign),
      collectionResolver: (name: string) => [...(foreign(name)?.docs.values() ?? [])].map((doc) => plainNumbers(cloneValue(doc))),
    });
    output = stripTextScores(rest.length ? (new Aggregator(rest, options).run(input) as Doc[]) : input);
  } catch (error) {
    throw pipelineError(error, rest);
  }
  if (command.explain) return { stages: [{ $cursor: { queryPlanner: { winningPlan: source.stats } } }] };
  const cursorOptions = (command.cursor ?? {}) as Doc;
  const batchSize = cursorOptions.batchSize === undefined ? undefined : Number(cursorOptions.batchSize);
  const { id, batch } = state.cursors.start(`${db}.${name}`, output, batchSize, (docs) => docs);
  return cursorReply(id, `${db}.${name}`, 'firstBatch', batch);
};

export const aggregateCommands: Record<string, CommandHandler> = { aggregate };
