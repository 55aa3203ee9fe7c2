// `npm run start:browser`: the browser host as built by `npm run build:host` (one compiled .mjs), with
// V8's compile cache on, so every start after the first also skips compiling the bundle's code.
import module from 'node:module';

module.enableCompileCache?.();
await import('../out/browser-host/main.mjs');
