import type http from 'node:http';
import express, { type Express } from 'express';
import type { Logger } from 'pino';
import type { Config } from './config/env.js';
import type { Clock } from './clock.js';
import type { RedisClient } from './redis/client.js';
import type { KeyValueStore } from './redis/kv.js';
import { createSessions, type Sessions } from './auth/session.js';
import { events } from './events/bus.js';
import { createMetrics, type Metrics } from './metrics.js';
import { clientDistDir } from './paths.js';
import { apiNotFound, errorHandler } from './http/middleware/errors.js';
import { requestLogging } from './http/middleware/requestContext.js';
import { securityHeaders } from './http/middleware/securityHeaders.js';
import { requireCsrfToken, sameOrigin } from './http/middleware/csrf.js';
import { limitRequests } from './http/middleware/rateLimit.js';
import { requireMember, requireRole } from './http/middleware/requireMember.js';
import { healthRoutes, type HealthChecks } from './http/routes/health.js';
import { meRoutes } from './http/routes/me.js';
import { discussionRoutes } from './http/routes/discussions.js';
import { memberRoutes } from './http/routes/members.js';
import { notificationRoutes } from './http/routes/notifications.js';
import { threadReadingRoutes } from './http/routes/threadReading.js';
import { flagRoutes } from './http/routes/flags.js';
import { moderationRoutes } from './http/routes/moderation.js';
import { previewRoutes } from './http/routes/preview.js';
import { searchRoutes } from './http/routes/search.js';
import { openApiRoutes } from './http/routes/openapi.js';
import { resourceRoutes } from './http/routes/resources.js';
import { attachmentRoutes } from './http/routes/attachments.js';
import { createFileServices } from './storage/index.js';
import { logoutRoutes } from './http/routes/logout.js';
import { adminUserRoutes } from './http/routes/admin/users.js';
import { authRoutes } from './http/routes/auth.js';
import { devIdpRoutes } from './http/routes/devIdp.js';
import { spaRoutes } from './http/spa.js';
import { createRealtime, type RealtimeServer } from './realtime/io.js';

export interface AppDeps {
  config: Config;
  logger: Logger;
  kv: KeyValueStore;
  redis?: RedisClient;
  clock: Clock;
  sessionSecret: string;
  /** The IdP signing certificate(s) when they come from the development IdP rather than SAML_IDP_CERT. */
  samlIdp?: { cert: string; key: string };
  checks: HealthChecks;
}

export interface BuiltApp {
  app: Express;
  sessions: Sessions;
  metrics: Metrics;
  /** Socket.IO, attached to an HTTP server by `attachRealtime`. */
  io: RealtimeServer;
  attachRealtime(server: http.Server): void;
  /** Stops listeners this app registered on process-wide buses. */
  dispose(): void;
}

const ACS_PATH = '/auth/saml/acs';

/** Builds the Express app without listening; `main.ts` and the tests both use it. */
export function createApp(deps: AppDeps): BuiltApp {
  const { config, logger } = deps;
  const app = express();
  const metrics = createMetrics();
  const sessions = createSessions({ config, secret: deps.sessionSecret, kv: deps.kv, redis: deps.redis, clock: deps.clock, logger });

  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  if (config.TRUST_PROXY) app.set('trust proxy', config.TRUST_PROXY);
  app.use(requestLogging(logger), metrics.track, securityHeaders(config.isProduction));
  app.use(healthRoutes({ config, metrics, checks: deps.checks }));

  app.use(sessions.middleware, sessions.enforceTimeouts);
  // The IdP's POST to the ACS is cross-site by nature; InResponseTo and the signature protect it.
  app.use((req, res, next) => (req.path === ACS_PATH ? next() : sameOrigin(config.PUBLIC_URL)(req, res, next)));

  const authLimit = { windowMs: 60_000, limit: config.RATE_LIMIT_AUTH_PER_MINUTE, redis: deps.redis };
  app.use('/auth/saml/login', limitRequests({ ...authLimit, name: 'saml-login' }));
  app.use(ACS_PATH, limitRequests({ ...authLimit, name: 'saml-acs' }));
  app.use('/auth', express.urlencoded({ extended: false, limit: '512kb', parameterLimit: 10 }), logoutRoutes(sessions), authRoutes({ ...deps, sessions }));
  if (config.DEV_IDP && !config.isProduction) {
    app.use('/dev-idp', express.urlencoded({ extended: false, limit: '256kb', parameterLimit: 10 }), devIdpRoutes(deps));
  }

  const api = express.Router();
  api.use(express.json({ limit: '256kb', strict: true }), requireMember(sessions), requireCsrfToken);
  api.use(meRoutes(), openApiRoutes(config.PUBLIC_URL));
  // Time between one member's posts; refused attempts (a PII warning, say) do not count against the retry.
  const writeLimit = (name: string, seconds: number) => limitRequests({ name, windowMs: seconds * 1000, limit: 1, redis: deps.redis, byMember: true, onlySuccesses: true });
  if (config.THREAD_INTERVAL_SECONDS > 0) api.post('/threads', writeLimit('thread', config.THREAD_INTERVAL_SECONDS));
  if (config.POST_INTERVAL_SECONDS > 0) api.post('/threads/:id/posts', writeLimit('post', config.POST_INTERVAL_SECONDS));
  api.use(discussionRoutes());
  api.use(threadReadingRoutes(), notificationRoutes(), memberRoutes());
  // The composer previews as the member types (debounced): generous, but a brake on scripted rendering.
  api.post('/preview', limitRequests({ name: 'preview', windowMs: 60_000, limit: 60, redis: deps.redis, byMember: true }));
  // Search ranks several collections per request: a per-member brake against scripted load.
  api.get('/search', limitRequests({ name: 'search', windowMs: 60_000, limit: config.SEARCHES_PER_MINUTE, redis: deps.redis, byMember: true }));
  api.use(searchRoutes(), flagRoutes(), moderationRoutes(), previewRoutes());
  const files = createFileServices(config);
  // Every upload costs type checks, image re-encoding, text extraction and a scan: a brake per member, counted before
  // the body is read, so a refused burst costs nothing.
  const uploadLimit = limitRequests({ name: 'upload', windowMs: 60_000, limit: config.UPLOADS_PER_MINUTE, redis: deps.redis, byMember: true });
  for (const path of ['/resources', '/resources/:id/versions', '/attachments']) api.post(path, uploadLimit);
  api.use(resourceRoutes(files), attachmentRoutes(files));
  api.use('/admin', requireRole('admin', 'coordinator'), adminUserRoutes());
  api.use(apiNotFound);
  app.use('/api', api);

  app.use(spaRoutes(clientDistDir()));
  app.use(errorHandler(logger));

  const realtime = createRealtime({ config, logger, sessions, redis: deps.redis, clock: deps.clock });
  const unsubscribe = events.subscribe('member.accessRevoked', async ({ memberId }) => {
    await sessions.destroyAllOf(memberId);
  });
  return {
    app,
    sessions,
    metrics,
    io: realtime.io,
    attachRealtime: realtime.attach,
    dispose: () => {
      unsubscribe();
      realtime.dispose();
    },
  };
}
