import { existsSync } from 'node:fs';
import proxyaddr from 'proxy-addr';
import { z } from 'zod';

const optionalUrl = z
  .string()
  .trim()
  .url('expected a full URL such as http://127.0.0.1:7700')
  .optional()
  .or(z.literal('').transform(() => undefined));
const optionalText = z.string().trim().optional().transform((v) => (v ? v : undefined));

/** Every setting the portal reads from its environment, parsed once at start-up. */
const configSchema = z.object({
  /** The port pages and API share. */
  PORT: z.coerce.number().int('expected a whole number').min(1).max(65535).default(4321),
  /** The address to listen on; 127.0.0.1 keeps a development machine private, 0.0.0.0 serves a network. */
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  /** Where the SQLite event store and other runtime files live. */
  DATA_DIR: z.string().trim().min(1).default('data'),
  /**
   * A PostgreSQL server for every runtime store (`postgres://user:password@host:5432/portal`),
   * shared by any number of portal processes; unset, one SQLite file under DATA_DIR.
   */
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || /^postgres(ql)?:\/\/[^\s]+$/.test(v), 'expected a PostgreSQL URL such as postgres://portal:secret@127.0.0.1:5432/portal'),
  /**
   * The key residents' contact details are sealed with (AES-256-GCM): 32 bytes as base64 or hex.
   * Unset, a key file is made under DATA_DIR at first start (mode 0600); several servers share one DATA_KEY.
   */
  DATA_KEY: optionalText,
  /** Days after a letter is closed that the resident's name and phone are deleted. */
  CONTACT_RETENTION_DAYS: z.coerce.number().int('expected a whole number').min(1).max(3650).default(180),
  /** The content folder (defaults to ./content); a district deploys its own here. */
  CONTENT_DIR: optionalText,
  /** A Meilisearch server; the embedded engine is used when unset. */
  MEILI_HOST: optionalUrl,
  MEILI_API_KEY: optionalText,
  /** An OpenAI-compatible endpoint for the bot's generative mode; extractive when neither is set. */
  OPENAI_API_KEY: optionalText,
  OPENAI_BASE_URL: optionalUrl,
  OPENAI_MODEL: optionalText,
  /** How long to wait for the model before answering extractively instead. */
  OPENAI_TIMEOUT_MS: z.coerce.number().int().min(1000).max(120_000).default(20_000),
  /** The public address of the portal, used in absolute links (sitemap, feeds, QR codes). */
  PUBLIC_ORIGIN: optionalUrl,
  /**
   * The reverse proxies whose `X-Forwarded-For` is believed, comma-separated: addresses, CIDR
   * ranges, or `loopback`, `linklocal`, `uniquelocal`. Unset: the socket's address is the client's.
   */
  TRUST_PROXY: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v.split(',').map((part) => part.trim()).filter(Boolean) : []))
    .superRefine((list, ctx) => {
      try {
        proxyaddr.compile(list);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: `expected addresses or CIDR ranges (${(error as Error).message})` });
      }
    }),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; reason: string }[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.reason}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Where `npm start`, `npm run users` and the other commands all read their settings from, besides the environment. */
export const ENV_FILE = '.env';

/**
 * Parses the environment; a bad value throws a ConfigError naming the variable. Reading the
 * process's own environment, it first takes the settings in `.env` (those not already set), so
 * every command sees the same configuration as `npm start` without repeating them.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  if (env === process.env && existsSync(ENV_FILE)) process.loadEnvFile(ENV_FILE);
  const result = configSchema.safeParse(env);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((issue) => ({ variable: String(issue.path[0]), reason: issue.message })),
  );
}
