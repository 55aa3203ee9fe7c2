import { describe, expect, it } from 'vitest';
import { acceleratorOf, isMenuCommand, menuCommands, type MenuCommand } from './menu-commands';

describe('menu commands', () => {
  it('accepts the commands the menu sends and nothing else', () => {
    for (const command of Object.keys(menuCommands)) expect(isMenuCommand(command)).toBe(true);
    for (const other of [
      'open-devtools',
      '__proto__',
      'toString',
      'hasOwnProperty',
      '',
      'NEW-INSTITUTION',
      42,
      null,
      { command: 'edit:undo' },
    ]) {
      expect(isMenuCommand(other)).toBe(false);
    }
  });

  it('gives no two commands the same shortcut', () => {
    const accelerators = (Object.keys(menuCommands) as MenuCommand[]).flatMap((c) => acceleratorOf(c) ?? []);
    expect(accelerators).toContain('CmdOrCtrl+Z');
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });
});
