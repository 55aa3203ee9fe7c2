// Printed at the start of `npm test` so every test log says which Node it ran on.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const [major] = process.versions.node.split('.').map(Number);
console.log(`Node ${process.version} (${process.execPath}), SQLite via better-sqlite3 ${require('better-sqlite3/package.json').version}`);
if (major < 22) {
  console.error('TVET Inspector needs Node 22.12 or newer. Run the tests through npm (npm test), which uses the bundled Node 24.');
  process.exit(1);
}
