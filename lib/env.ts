import { z } from 'zod';

// Every variable the app reads, validated once. Defaults let a fresh machine run
// with nothing configured; see .env.example for what each one does.
const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.string().url().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().positive().default(10),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  NEXTAUTH_URL: z.string().url().default('http://localhost:3000'),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  APP_BASE_URL: z.string().url().optional(),
  EMAIL_SERVER: z.string().optional(),
  EMAIL_FROM: z.string().default('SMS CRM <no-reply@localhost>'),
  LOG_SIGN_IN_LINKS: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  MAGIC_LINK_MAX_AGE_MINUTES: z.coerce.number().int().positive().default(15),
  ADMIN_EMAIL: z.string().email().default('admin@example.com'),
  CRON_SECRET: z.string().optional(),
  UPSTASH_REDIS_REST_URL: z.string().url().optional(),
  UPSTASH_REDIS_REST_TOKEN: z.string().optional(),
  SMS_PROVIDER: z.enum(['twilio', 'simulator']).optional(),
  TWILIO_ACCOUNT_SID: z.string().optional(),
  TWILIO_AUTH_TOKEN: z.string().optional(),
  TWILIO_MESSAGING_SERVICE_SID: z.string().optional(),
  TWILIO_API_BASE_URL: z.string().url().optional(),
  SIMULATOR_FAILURE_RATE: z.coerce.number().min(0).max(1).default(0.05),
  /** Numbers (E.164, comma separated) whose messages the simulator always reports undelivered, to show failures on demand. */
  SIMULATOR_UNREACHABLE_NUMBERS: z
    .string()
    .default('')
    .transform(
      (list) =>
        new Set(
          list
            .split(',')
            .map((n) => n.trim())
            .filter(Boolean),
        ),
    ),
  SIMULATOR_CALLBACK_DELAY_MS: z.coerce.number().int().min(0).default(1500),
  DRAIN_INTERVAL_MS: z.coerce.number().int().min(0).default(5000),
  INBOX_DIGEST_MINUTES: z.coerce.number().int().min(5).max(1440).default(60),
  LINK_SIGNING_KEYS: z.string().optional(),
  SHORT_LINK_BASE_URL: z.string().url().optional(),
  LINK_TTL_DAYS: z.coerce.number().int().positive().default(60),
  BACKUP_DIR: z.string().default('.data/backups'),
  BACKUP_KEEP_DAILY: z.coerce.number().int().min(1).default(7),
  // HH:MM in the install's own zone (TZ): when `npm start` takes the daily backup. Unset: never.
  BACKUP_AT: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'BACKUP_AT is a time of day such as 02:30')
    .optional(),
  // When the app raises its own alerts (docs/OPERATIONS.md, "Alerts").
  ALERT_DRAIN_SILENT_MINUTES: z.coerce.number().positive().default(5),
  ALERT_DELIVERY_RATE_MIN: z.coerce.number().min(0).max(1).default(0.9),
  ALERT_DELIVERY_SAMPLE: z.coerce.number().int().positive().default(200),
  ALERT_BUDGET_SHARE: z.coerce.number().min(0).max(1).default(0.8),
  ALERT_CALLBACKS_SILENT_MINUTES: z.coerce.number().positive().default(15),
  ALERT_BACKUP_MAX_AGE_HOURS: z.coerce.number().positive().default(26),
  // Where the runbook is read (e.g. the repository's docs/OPERATIONS.md on your Git host); alerts link its sections.
  RUNBOOK_URL: z.string().url().optional(),
  // Days after a campaign finished when its jobs, clicks and links are folded into its totals and removed.
  JOB_RETENTION_DAYS: z.coerce.number().int().min(1).default(90),
  // Bearer token for /api/metrics; unset, the route refuses every scrape.
  METRICS_TOKEN: z.string().min(16).optional(),
  // Proxies of ours in front of the app, each adding the address it was reached from to
  // X-Forwarded-For. 0: none, so no forwarded header is believed (a client can write them).
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  // Set to 1 by Vercel on its deployments, whose edge writes the client's address itself.
  VERCEL: z
    .string()
    .optional()
    .transform((v) => v === '1'),
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  // An empty variable (`FOO=` in a .env file) means unset, not an invalid value.
  const parsed = EnvSchema.safeParse(
    Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== '')),
  );
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid environment: ${problems}`);
  }
  cached = parsed.data;
  return cached;
}

const DEVELOPMENT_SECRET = 'development-secret-not-for-production';
/** 32 random bytes written as hex or base64 are at least this long. */
const MIN_PRODUCTION_SECRET_LENGTH = 32;

/**
 * Why a secret cannot sign sessions, webhooks and unsubscribe links in production,
 * or null when it can: it must be set, not the public development value, and long
 * enough to hold 32 random bytes.
 */
export function productionSecretProblem(secret: string | undefined): string | null {
  const howTo = 'e.g. NEXTAUTH_SECRET=$(openssl rand -hex 32)';
  if (!secret) return `NEXTAUTH_SECRET must be set in production (${howTo}).`;
  if (secret === DEVELOPMENT_SECRET) return `NEXTAUTH_SECRET is the public development value; set your own (${howTo}).`;
  if (secret.length < MIN_PRODUCTION_SECRET_LENGTH)
    return `NEXTAUTH_SECRET must be at least ${MIN_PRODUCTION_SECRET_LENGTH} characters of random data (${howTo}).`;
  return null;
}

/** The secret next-auth signs with; a fixed development value only outside production. */
export function authSecret(): string {
  const e = env();
  if (e.NODE_ENV === 'production') {
    const problem = productionSecretProblem(e.NEXTAUTH_SECRET);
    if (problem) throw new Error(problem);
  }
  return e.NEXTAUTH_SECRET ?? DEVELOPMENT_SECRET;
}

export function publicBaseUrl(): string {
  const e = env();
  return (e.APP_BASE_URL ?? e.NEXTAUTH_URL).replace(/\/$/, '');
}
