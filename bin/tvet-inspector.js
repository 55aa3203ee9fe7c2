#!/usr/bin/env node
// The package's command line: the same services as the app, run by Node with TypeScript via tsx.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../electron/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2), { out: (t) => console.log(t), err: (t) => console.error(t) });
