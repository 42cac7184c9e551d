/**
 * Configuration, read once from the environment and parsed with zod. Nothing else reads process.env;
 * README's configuration table lists the same variables with the same defaults.
 */
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const bytes = z
  .string()
  .regex(/^\d+(kb|mb|gb)?$/i, 'must be a size such as 50mb')
  .transform((v) => v.toLowerCase());

export const configSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATA_DIR: z.string().min(1).default('./data'),
    SEED_DEMO: bool.default(true),
    PHONE_REGION: z
      .string()
      .regex(/^[A-Z]{2}$/, 'must be a two-letter ISO country code such as IN')
      .default('IN'),
    AADHAAR_HASH_KEY: z.string().min(32, 'must be at least 32 characters of secret').optional(),
    BODY_LIMIT: bytes.default('20mb'),
    // Imported files stream to disk and are read a chunk at a time, so the limit is of disk, not memory.
    IMPORT_LIMIT: bytes.default('2gb'),
    SQLITE_CACHE_MIB: z.coerce.number().int().min(8).max(16384).default(256),
    SQLITE_BUSY_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
    SESSION_IDLE_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(30),
    SESSION_MAX_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(7 * 24)
      .default(12),
    TRUST_PROXY: bool.default(false),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    // Neo4j instead of the embedded store, when NEO4J_URI is set (README, "Neo4j").
    NEO4J_URI: z
      .string()
      .regex(
        /^(bolt|neo4j)(\+s|\+ssc)?:\/\/[^\s/]+/,
        'must be a bolt:// or neo4j:// address such as bolt://localhost:7687',
      )
      .optional(),
    NEO4J_USER: z.string().min(1).default('neo4j'),
    NEO4J_PASSWORD: z.string().min(1).optional(),
    NEO4J_DATABASE: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9.-]{2,62}$/, 'must be a Neo4j database name such as neo4j')
      .default('neo4j'),
    NEO4J_BATCH_SIZE: z.coerce.number().int().min(1).max(100_000).default(1000),
    NEO4J_GDS_MIN_LINKS: z.coerce.number().int().min(0).default(100_000),
    NEO4J_TX_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  })
  .superRefine((c, ctx) => {
    if (c.NEO4J_URI && c.NEO4J_PASSWORD === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['NEO4J_PASSWORD'],
        message: 'is required when NEO4J_URI is set',
      });
  });

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const known = Object.fromEntries(
    Object.keys(configSchema.shape).map((k) => [k, env[k] === '' ? undefined : env[k]]),
  );
  const parsed = configSchema.safeParse(known);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`);
    throw new ConfigError(`invalid configuration: ${lines.join('; ')}`);
  }
  return parsed.data;
}
