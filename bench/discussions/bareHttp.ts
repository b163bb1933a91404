// The thread-read baseline, in a process of its own: bare Express 5 + helmet + express-session on connect-redis
// (the app's session store and options), one JSON route answering a body of the same size as the app's thread.
import { readFileSync } from 'node:fs';
import { RedisStore } from 'connect-redis';
import express from 'express';
import session from 'express-session';
import helmet from 'helmet';
import { createClient } from 'redis';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

const body: unknown = JSON.parse(readFileSync(env('BODY_FILE'), 'utf8'));
const idleMs = 30 * 60_000;
const redis = createClient({ url: env('REDIS_URL') });
await redis.connect();

const app = express();
app.disable('x-powered-by');
app.use(helmet());
app.get('/healthz', (_req, res) => {
  res.json({ status: 'ok' });
});
app.use(
  session({
    name: 'tfc.sid',
    secret: env('SESSION_SECRET'),
    store: new RedisStore({ client: redis, prefix: env('REDIS_PREFIX'), ttl: idleMs / 1000 }),
    resave: false,
    saveUninitialized: false,
    rolling: true,
    cookie: { httpOnly: true, sameSite: 'lax', secure: false, path: '/', maxAge: idleMs },
  }),
);
app.get('/login', (req, res, next) => {
  (req.session as unknown as { memberId: string }).memberId = 'bench';
  req.session.save((err) => (err ? next(err) : res.json({ ok: true })));
});
app.get('/api/thread', (req, res) => {
  if (!(req.session as unknown as { memberId?: string }).memberId) {
    res.status(401).json({ error: { code: 'unauthenticated', message: 'Sign in.', details: [] } });
    return;
  }
  res.json(body);
});

const server = app.listen(Number(env('PORT')), '127.0.0.1');
process.on('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  redis.quit().finally(() => process.exit(0));
});
