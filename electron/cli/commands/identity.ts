import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../../../shared/ipc/result';
import type { Identity } from '../../../shared/signing/schema';
import { IdentityStore, keyInDesktopKeychainMessage } from '../../services/signing/identity-store';
import { TrustedRoots } from '../../services/signing/trusted-roots';
import { defaultDataDir } from '../../services/support/data-dir';
import { exitCodes, readPassphrase, UsageError, type Output } from '../cli-context';

export const identityUsage = `identity create --name <name> --organisation <org> --role <role> [--passphrase-file <file>]
identity import <file.p12> --role <role> [--name <name>] [--organisation <org>] [--passphrase-file <file>] [--new-passphrase-file <file>]
identity list
identity trust <root.pem>        add a root certificate that verification trusts
identity roots                   list the trusted root certificates
  Passphrases never go on the command line: --passphrase-file (first line of the file) or TVET_PASSPHRASE.`;

export function runIdentity(args: string[], o: Output): number {
  const [verb, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    options: {
      name: { type: 'string' },
      organisation: { type: 'string' },
      role: { type: 'string' },
      'passphrase-file': { type: 'string' },
      'new-passphrase-file': { type: 'string' },
      'data-dir': { type: 'string' },
      json: { type: 'boolean' },
    },
    allowPositionals: true,
    strict: true,
  });
  const dataDir = path.resolve(values['data-dir'] ?? defaultDataDir());
  const store = new IdentityStore(dataDir);
  const print = (value: unknown, text: string) => o.out(o.json ? JSON.stringify(value, null, 2) : text);
  const describe = (i: Identity) =>
    `${i.id}  ${i.name}, ${i.role}, ${i.organisation}\n  ${i.selfSigned ? 'SELF-SIGNED (trial use only)' : `issued by ${i.issuer}`}; valid until ${i.validTo}\n  SHA-256 ${i.fingerprintSha256}\n  ${keyLine(i)}`;

  switch (verb) {
    case 'create': {
      if (positionals.length) throw new UsageError('identity create takes no file.');
      for (const flag of ['name', 'organisation', 'role'] as const)
        if (!values[flag]) throw new UsageError(`identity create needs --${flag}.`);
      const identity = store.createSelfSigned({
        name: values.name ?? '',
        organisation: values.organisation ?? '',
        role: values.role ?? '',
        passphrase: readPassphrase(values['passphrase-file']),
      });
      print(identity, `Created a self-signed trial identity:\n${describe(identity)}`);
      return exitCodes.ok;
    }
    case 'import': {
      if (positionals.length !== 1) throw new UsageError('identity import needs one .p12 or .pfx file.');
      if (!values.role) throw new UsageError('identity import needs --role.');
      const bytes = readFile(positionals[0] ?? '');
      const newPassphraseFile = values['new-passphrase-file'];
      const identity = store.importPkcs12(
        bytes,
        readPassphrase(values['passphrase-file']),
        { role: values.role, name: values.name ?? '', organisation: values.organisation ?? '' },
        newPassphraseFile ? readPassphrase(newPassphraseFile) : undefined,
      );
      print(identity, `Imported:\n${describe(identity)}`);
      return exitCodes.ok;
    }
    case 'list': {
      const items = store.list();
      print({ items }, items.length ? items.map(describe).join('\n') : 'No signing identities.');
      return exitCodes.ok;
    }
    case 'trust': {
      if (positionals.length !== 1) throw new UsageError('identity trust needs one PEM file.');
      const root = new TrustedRoots(dataDir).add(readFile(positionals[0] ?? '').toString('utf8'));
      print(root, `Trusted root added: ${root.subject}\n  SHA-256 ${root.fingerprintSha256}`);
      return exitCodes.ok;
    }
    case 'roots': {
      const items = new TrustedRoots(dataDir).summaries();
      print(
        { items },
        items.length ? items.map((r) => `${r.subject}\n  SHA-256 ${r.fingerprintSha256}  (${r.file})`).join('\n') : 'No trusted roots.',
      );
      return exitCodes.ok;
    }
    default:
      throw new UsageError(`Unknown command "identity ${verb ?? ''}".`);
  }
}

/** How the key is locked, said plainly: the command line has no OS keychain, so a desktop-made key may not open here. */
function keyLine(i: Identity): string {
  if (!i.keyWrapped) return 'Key: locked with its passphrase (opens here and in the desktop app).';
  if (!i.keyOpensHere) return `KEY LOCKED: ${keyInDesktopKeychainMessage}`;
  return 'Key: locked with its passphrase and the operating-system keychain.';
}

function readFile(file: string): Buffer {
  try {
    return fs.readFileSync(path.resolve(file));
  } catch {
    throw new AppError('not-found', `Cannot read ${path.resolve(file)}.`);
  }
}
