import { forbidden } from '../errors.js';

/** Throws `forbidden` unless the rule allowed the action. */
export function authorize(allowed: boolean, message?: string): asserts allowed {
  if (!allowed) throw forbidden(message);
}

export * from './member.js';
export * from './discussion.js';
export * from './discussionFacts.js';
export * from './resource.js';
