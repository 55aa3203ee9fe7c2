// The finder lives with the services (reports are printed by the same Chromium); e2e uses it unchanged.
export { chromiumArgs, findChromium } from '../../electron/services/support/find-chromium';
