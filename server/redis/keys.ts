/**
 * Every Redis key the app uses is built here, under one prefix, so that a deployment (or a test run)
 * can share a Redis server without collisions and an operator can find every key family in one file.
 */
let prefix = 'tfc:';

export function setKeyPrefix(value: string): void {
  prefix = value;
}

export const keyPrefix = (): string => prefix;

export const sessionKeyPrefix = (): string => `${prefix}sess:`;
export const memberSessionsKey = (memberId: string): string => `${prefix}member-sessions:${memberId}`;
export const rateLimitPrefix = (name: string): string => `${prefix}rl:${name}:`;
export const samlRequestKey = (requestId: string): string => `${prefix}saml:req:${requestId}`;
export const samlAssertionKey = (assertionId: string): string => `${prefix}saml:assertion:${assertionId}`;
export const socketStreamName = (): string => `${prefix}socket.io`;
export const socketSessionPrefix = (): string => `${prefix}socket.io:session:`;
/** Held by the one instance running a scheduled job this interval (server/jobs). */
export const jobLockKey = (job: string): string => `${prefix}job-lock:${job}`;
