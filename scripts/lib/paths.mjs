// Where things live, relative to the repository root.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const PB_VERSION = '0.39.11';
/** Where the pinned binary is kept; COFFICE_POCKETBASE moves it (tests use this). */
export const pocketbaseBinary = process.env.COFFICE_POCKETBASE ?? path.join(root, '.pocketbase', 'pocketbase');
export const buildDir = path.join(root, 'build');
export const hooksDir = path.join(root, 'pb_hooks');
export const migrationsDir = path.join(root, 'pb_migrations');
export const defaultDataDir = path.join(root, 'pb_data');
