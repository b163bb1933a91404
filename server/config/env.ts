import { z } from 'zod';

const onOff = z.enum(['on', 'off']);
const optionalText = z.string().trim().min(1).optional().catch(undefined);

/** Every environment variable the server reads (../shared/API.md "Configuration"). */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  DATA_DIR: z.string().min(1).default('data'),
  MONGODB_URI: z.string().regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://').optional(),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must start with redis:// or rediss://').optional(),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().positive().default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().positive().default(12),
  SAML_IDP_SSO_URL: z.url().optional(),
  SAML_IDP_CERT: optionalText,
  SAML_IDP_ISSUER: optionalText,
  SAML_SP_ENTITY_ID: optionalText,
  SAML_SP_KEY: optionalText,
  SAML_SP_CERT: optionalText,
  SAML_ATTR_EMAIL: z.string().default('email'),
  SAML_ATTR_GIVEN_NAME: z.string().default('givenName'),
  SAML_ATTR_SURNAME: z.string().default('surname'),
  SAML_ATTR_TASK_FORCE: z.string().default('taskForceId'),
  SAML_ATTR_DISCIPLINE: z.string().default('discipline'),
  SAML_ATTR_AGENCY: z.string().default('agency'),
  DEV_IDP: onOff.optional(),
  UPLOAD_DIR: z.string().min(1).default('uploads'),
  STORAGE: z.enum(['disk', 'gridfs']).default('disk'),
  MAX_UPLOAD_MB: z.coerce.number().positive().max(1024).default(25),
  /** Searches one member may run per minute. */
  SEARCHES_PER_MINUTE: z.coerce.number().int().positive().max(100_000).default(60),
  /** Uploads (library files, versions, attachments) one member may send per minute. */
  UPLOADS_PER_MINUTE: z.coerce.number().int().positive().max(10_000).default(20),
  /** Total bytes of files one member may keep stored (all versions). */
  UPLOAD_QUOTA_MB: z.coerce.number().positive().max(1_048_576).default(500),
  /** clamd for the optional malware scan: a TCP host (and port) or a unix socket; unset means no scan. */
  CLAMAV_HOST: optionalText,
  CLAMAV_PORT: z.coerce.number().int().min(1).max(65535).default(3310),
  CLAMAV_SOCKET: optionalText,
  CLAMAV_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  SMTP_URL: optionalText,
  ADMIN_EMAILS: z.string().default(''),
  DEMO_DATA: onOff.optional(),
  METRICS_TOKEN: optionalText,
  RATE_LIMIT_AUTH_PER_MINUTE: z.coerce.number().int().positive().default(30),
  /** Minimum seconds between one member's replies and between their new threads (Discourse: 5 and 15); 0 turns it off. */
  POST_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(3600).default(5),
  THREAD_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(3600).default(15),
  REDIS_PREFIX: z.string().regex(/^[\w:.-]{1,64}$/).default('tfc:'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: z.string().optional(),
});

export type RawEnv = z.infer<typeof envSchema>;

export interface Config extends Omit<RawEnv, 'ADMIN_EMAILS' | 'DEV_IDP' | 'DEMO_DATA' | 'PUBLIC_URL'> {
  PUBLIC_URL: string;
  DEV_IDP: boolean;
  DEMO_DATA: boolean;
  ADMIN_EMAILS: string[];
  isProduction: boolean;
  /** False when PUBLIC_URL was derived from PORT, so the server may derive it again from the bound port. */
  publicUrlGiven: boolean;
}

/** Thrown when the environment cannot run the server; its message names every problem. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses and checks the environment once; production refusals per ../shared/API.md. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`));
  }
  const raw = parsed.data;
  const isProduction = raw.NODE_ENV === 'production';
  const problems: string[] = [];
  if (isProduction) {
    if (!raw.MONGODB_URI) problems.push('MONGODB_URI is required in production (the embedded store is for development only)');
    if (!raw.REDIS_URL) problems.push('REDIS_URL is required in production');
    if (!raw.SESSION_SECRET) problems.push('SESSION_SECRET is required in production (at least 32 characters)');
    if (!raw.SAML_IDP_CERT) problems.push('SAML_IDP_CERT is required in production');
    if (!raw.SAML_IDP_SSO_URL) problems.push('SAML_IDP_SSO_URL is required in production');
    if (!raw.SAML_IDP_ISSUER) problems.push('SAML_IDP_ISSUER (the IdP entity id) is required in production');
    if (!raw.PUBLIC_URL?.startsWith('https://')) problems.push('PUBLIC_URL must be set to an https:// address in production');
    if (raw.DEV_IDP === 'on') problems.push('DEV_IDP=on is refused in production');
    if (raw.DEMO_DATA === 'on') problems.push('DEMO_DATA=on is refused in production');
  }
  if (problems.length) throw new ConfigError(problems);

  return {
    ...raw,
    PUBLIC_URL: (raw.PUBLIC_URL ?? `http://localhost:${raw.PORT}`).replace(/\/+$/, ''),
    DEV_IDP: raw.DEV_IDP ? raw.DEV_IDP === 'on' : !isProduction,
    DEMO_DATA: raw.DEMO_DATA ? raw.DEMO_DATA === 'on' : !isProduction && !raw.MONGODB_URI,
    ADMIN_EMAILS: raw.ADMIN_EMAILS.split(/[,\s]+/).map((e) => e.trim().toLowerCase()).filter(Boolean),
    isProduction,
    publicUrlGiven: raw.PUBLIC_URL !== undefined,
  };
}
