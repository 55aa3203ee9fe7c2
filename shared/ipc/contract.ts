import { accreditationContract } from '../accreditation/contract';
import { assessmentsContract } from '../assessments/contract';
import { backupContract } from '../backup/contract';
import { evidenceContract } from '../evidence/contract';
import { exchangeContract } from '../exchange/contract';
import { frameworksContract } from '../framework/contract';
import { headOfficeContract } from '../head-office/contract';
import { institutionsContract } from '../institutions/contract';
import { reportsContract } from '../reports/contract';
import { sampleContract } from '../sample/contract';
import { appContract } from '../settings/contract';
import { signingContract } from '../signing/contract';
import type { z } from 'zod';

/**
 * The one contract between the renderer and the services: channel → request and response schema.
 * Both hosts (Electron IPC and the loopback browser host) dispatch through it, and the renderer's typed
 * client is derived from it, so a channel cannot drift between the two sides. Each domain declares its
 * channels in its own file (`<domain>/contract.ts`) and is merged here.
 */
export const contract = {
  ...appContract,
  ...institutionsContract,
  ...frameworksContract,
  ...assessmentsContract,
  ...accreditationContract,
  ...signingContract,
  ...evidenceContract,
  ...reportsContract,
  ...sampleContract,
  ...exchangeContract,
  ...headOfficeContract,
  ...backupContract,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
export type ParsedRequestOf<C extends Channel> = z.output<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<Contract[C]['response']>;

export const channels = Object.keys(contract) as Channel[];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(contract, value);
}
