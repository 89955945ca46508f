// Structured logs (pino). Secrets and personal data are redacted at the logger so a careless log
// line cannot leak a password, a session cookie or a message body.
import pino, { type Logger } from 'pino';
import type { Config } from './config.js';

export const REDACT_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.oneTimePassword',
  '*.code',
  '*.recoveryCode',
  '*.secret',
  '*.token',
];

export function createLogger(
  config: Pick<Config, 'logLevel' | 'logPretty'>,
  name = 'ariadne',
): Logger {
  return pino({
    name,
    level: config.logLevel,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    ...(config.logPretty
      ? {
          transport: {
            target: 'pino-pretty',
            options: { colorize: true, translateTime: 'SYS:HH:MM:ss' },
          },
        }
      : {}),
  });
}
