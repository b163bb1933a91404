// Imported first by globalSetup: ES imports are evaluated before the importing module's body, so the process-wide
// logger (created when server modules load) must find LOG_LEVEL already set.
process.env.LOG_LEVEL ??= 'silent';
