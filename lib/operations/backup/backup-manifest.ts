import { z } from 'zod';

/** The first line of every manifest; a restore refuses a folder that does not carry it. */
export const BACKUP_FORMAT = 'sms-crm-backup/1';

export const MANIFEST_FILE = 'manifest.json';

const BackupTableSchema = z.object({
  name: z.string(),
  /** The columns in the order the file holds them (generated columns are left out: the server computes them). */
  columns: z.array(z.string()),
  /** The table's rows in PostgreSQL's COPY text format, gzip-compressed, relative to the backup folder. */
  file: z.string(),
  rows: z.number().int().nonnegative(),
  /** Order-independent checksum of the rows' COPY text (see RowSetChecksum). */
  checksum: z.string(),
  bytes: z.number().int().nonnegative(),
});

const BackupSequenceSchema = z.object({
  name: z.string(),
  lastValue: z.string(),
  isCalled: z.boolean(),
});

export const BackupManifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  app: z.object({ name: z.string(), version: z.string() }),
  /** The last migration applied to the database backed up: its schema version. */
  schemaVersion: z.string(),
  migrations: z.array(z.string()),
  serverVersion: z.string(),
  /** The instant every table was read at (the snapshot's now()). */
  snapshotAt: z.string(),
  startedAt: z.string(),
  finishedAt: z.string(),
  /** In an order that satisfies every foreign key: a referenced table comes before its referrers. */
  tables: z.array(BackupTableSchema),
  sequences: z.array(BackupSequenceSchema),
});

export type BackupManifest = z.infer<typeof BackupManifestSchema>;
export type BackupTable = z.infer<typeof BackupTableSchema>;
