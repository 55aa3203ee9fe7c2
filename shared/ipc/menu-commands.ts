/**
 * Every command the desktop menu sends to the renderer, with its keyboard shortcut: one map that the
 * menu (electron/main/menu.ts), the preload and the renderer's listener all type against, so a command
 * cannot be sent that the renderer does not handle, or handled under a name the menu never sends.
 */
export const menuCommands = {
  'new-institution': { accelerator: 'CmdOrCtrl+N' },
  'new-assessment': { accelerator: 'CmdOrCtrl+Shift+N' },
  'import-framework': { accelerator: 'CmdOrCtrl+I' },
  'export-report': { accelerator: 'CmdOrCtrl+E' },
  'edit:undo': { accelerator: 'CmdOrCtrl+Z' },
  'edit:redo': { accelerator: 'Shift+CmdOrCtrl+Z' },
  'language:en': {},
  'language:bn': {},
  'guided-sample': {},
} as const satisfies Record<string, { accelerator?: string }>;

export type MenuCommand = keyof typeof menuCommands;

/** The keyboard shortcut the menu shows for a command, if it has one. */
export function acceleratorOf(command: MenuCommand): string | undefined {
  const entry: { accelerator?: string } = menuCommands[command];
  return entry.accelerator;
}

/** The one event channel from the main process to the renderer. */
export const menuCommandChannel = 'tvet:menu';

/** The preload passes on only names in the map: anything else arriving on the channel is dropped. */
export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && Object.hasOwn(menuCommands, value);
}
