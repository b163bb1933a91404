import type { CommandHandler } from './types.js';

export const MAX_BSON_OBJECT_SIZE = 16 * 1024 * 1024;
export const MAX_MESSAGE_SIZE = 48_000_000;
export const MAX_WRITE_BATCH_SIZE = 100_000;

// No topologyVersion: its presence switches the driver to streaming (exhaust) monitoring.
const hello: CommandHandler = ({ connectionId }) => ({
  ismaster: true,
  isWritablePrimary: true,
  helloOk: true,
  maxBsonObjectSize: MAX_BSON_OBJECT_SIZE,
  maxMessageSizeBytes: MAX_MESSAGE_SIZE,
  maxWriteBatchSize: MAX_WRITE_BATCH_SIZE,
  localTime: new Date(),
  logicalSessionTimeoutMinutes: 30,
  connectionId,
  minWireVersion: 0,
  maxWireVersion: 21,
  readOnly: false,
});

const buildInfo: CommandHandler = () => ({

  version: '7.0.0',
  gitVersion: 'embedded',
  versionArray: [7, 0, 0, 0],
  bits: 64,
  maxBsonObjectSize: MAX_BSON_OBJECT_SIZE,
  storageEngines: ['embedded'],
  javascriptEngine: 'none',
  modules: [],
});

export const handshakeCommands: Record<string, CommandHandler> = {
  hello,
  isMaster: hello,
  ismaster: hello,
  ping: () => ({}),
  buildInfo,
  buildinfo: buildInfo,
  getParameter: ({ command }) => (command.featureCompatibilityVersion ? { featureCompatibilityVersion: { version: '7.0' } } : {}),
  serverStatus: ({ state }) => ({
    host: `127.0.0.1:${state.port}`,
    version: '7.0.0',
    process: 'embedded',
    uptime: Math.floor((Date.now() - state.startedAt) / 1000),
    localTime: new Date(),
    connections: { current: state.nextConnectionId - 1 },
    metrics: { cursor: { open: { total: state.cursors.size } } },
    mem: { resident: Math.round(process.memoryUsage().rss / 1024 / 1024) },
  }),
  hostInfo: () => ({ system: { hostname: '127.0.0.1' } }),
  whatsmyuri: ({ state }) => ({ you: `127.0.0.1:${state.port}` }),
  getLog: () => ({ totalLinesWritten: 0, log: [] }),
  connectionStatus: () => ({ authInfo: { authenticatedUsers: [], authenticatedUserRoles: [] } }),
};
