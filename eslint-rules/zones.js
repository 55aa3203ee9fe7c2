import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

/** The repository-relative folder an import resolves to, with a trailing slash ("shared/ipc/"), or null for a package. */
function targetOf(filename, source) {
  if (!source.startsWith('.')) return null;
  const resolved = path.resolve(path.dirname(filename), source.replace(/\?.*$/, ''));
  return path.relative(root, resolved).split(path.sep).join('/');
}

const within = (target, folder) => target === folder.replace(/\/$/, '') || target.startsWith(folder);

/**
 * Keeps each file in its runtime's zone (see README "Zones"). Options: `allow` — the only folders a
 * relative import may reach (omit for no such limit); `deny` — folders it may never reach, with why.
 * Relative imports are resolved against the importing file, so the depth of `../` does not matter.
 */
export const zonesRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports stay inside the zone of the runtime the file runs in.' },
    schema: [
      {
        type: 'object',
        properties: {
          allow: { type: 'array', items: { type: 'string' } },
          deny: {
            type: 'array',
            items: {
              type: 'object',
              properties: { folder: { type: 'string' }, because: { type: 'string' } },
              required: ['folder', 'because'],
            },
          },
          zone: { type: 'string' },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      outside: '{{zone}} may import only from {{allowed}}; "{{source}}" reaches {{target}}.',
      denied: '"{{source}}" reaches {{folder}}: {{because}}',
    },
  },
  create(context) {
    const { allow, deny = [], zone = 'This file' } = context.options[0] ?? {};
    const check = (node) => {
      const source = node?.value;
      if (typeof source !== 'string') return;
      const target = targetOf(context.filename, source);
      if (target === null) return;
      const denied = deny.find((d) => within(target, d.folder));
      if (denied) {
        context.report({ node, messageId: 'denied', data: { source, folder: denied.folder, because: denied.because } });
      } else if (allow && !allow.some((folder) => within(target, folder))) {
        context.report({ node, messageId: 'outside', data: { zone, allowed: allow.join(', '), source, target } });
      }
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    };
  },
};

export default { rules: { imports: zonesRule } };
