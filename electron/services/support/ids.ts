import { randomUUID } from 'node:crypto';

/** Globally unique ids: records made on different offline laptops must never collide when merged. */
export function newId(): string {
  return randomUUID();
}
