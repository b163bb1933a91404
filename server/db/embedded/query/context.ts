import { Context, ProcessingMode } from 'mingo/core';
import * as queryOperators from 'mingo/operators/query';
import * as projectionOperators from 'mingo/operators/projection';
import * as pipelineOperators from 'mingo/operators/pipeline';
import * as expressionOperators from 'mingo/operators/expression';
import * as accumulatorOperators from 'mingo/operators/accumulator';
import * as windowOperators from 'mingo/operators/window';
import type { Options } from 'mingo/types';
import { bsonQueryOperators } from './operators.js';
import { $count, $sort } from './pipelineOverrides.js';
import { $meta } from './textMeta.js';
import { nullSafeDateOperators } from './dateOperators.js';
import { bsonExpressions } from './bsonExpressions.js';
import { numericExpressions } from './numericExpressions.js';

// Our operators are registered first: a Context keeps the first registration of a name.
const context = Context.init({ query: bsonQueryOperators as never, pipeline: { $count, $sort } as never, expression: { $meta, ...nullSafeDateOperators, ...bsonExpressions, ...numericExpressions } as never })
  .addQueryOps(queryOperators as never)
  .addProjectionOps(projectionOperators as never)
  .addPipelineOps(pipelineOperators as never)
  .addExpressionOps(expressionOperators as never)
  .addAccumulatorOps(accumulatorOperators as never)
  .addWindowOps(windowOperators as never);

/** The operator set every query, projection and pipeline uses. */
export const baseContext = context;

/** mingo options shared by queries, projections and pipelines. */
export function mingoOptions(extra: Partial<Options> = {}): Partial<Options> {
  return { context, idKey: '_id', processingMode: ProcessingMode.CLONE_OFF, ...extra };
}
