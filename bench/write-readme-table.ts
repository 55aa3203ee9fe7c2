// `npm run bench:table`: rewrites the README's benchmark table from the committed bench/results.json
// (after editing the README's prose around it; a full `npm run bench` does this by itself).
import path from 'node:path';
import { writeReadmeTable } from './readme-table';

const root = path.resolve(import.meta.dirname, '..');
await writeReadmeTable(path.join(root, 'README.md'), path.join(root, 'bench', 'results.json'));
