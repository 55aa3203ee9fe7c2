import type { Migration } from '../migrate';
import { initialSchema } from './001-initial';

/** Append only. A shipped migration is never edited; fixes go in a new one. */
export const migrations: readonly Migration[] = [initialSchema];
