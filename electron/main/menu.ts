import { app, Menu, shell, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { catalogues } from '../../shared/i18n';
import { acceleratorOf, menuCommandChannel, type MenuCommand } from '../../shared/ipc/menu-commands';
import type { Language } from '../../shared/settings/schema';

/**
 * The application menu, in the user's language (rebuilt when it changes). Commands that belong to a
 * screen are sent to the renderer by name; the renderer decides where they lead.
 */
export function buildMenu(window: BrowserWindow, dataDir: string, language: Language): Menu {
  const m = catalogues[language].menu;
  const send = (command: MenuCommand) => () => window.webContents.send(menuCommandChannel, command);
  // A command's item: its click sends the command, with the shortcut the map gives it.
  const command = (label: string, name: MenuCommand): MenuItemConstructorOptions => ({
    label,
    accelerator: acceleratorOf(name),
    click: send(name),
  });
  const template: MenuItemConstructorOptions[] = [
    {
      label: m.file,
      submenu: [
        command(m.newInstitution, 'new-institution'),
        command(m.newAssessment, 'new-assessment'),
        { type: 'separator' },
        command(m.importFramework, 'import-framework'),
        command(m.exportReport, 'export-report'),
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    {
      label: m.edit,
      submenu: [
        // Not the `undo` / `redo` roles: those only undo typing. The renderer undoes typing in a text
        // field and, in the assessment workspace, the last rating change elsewhere (runEditCommand).
        // A key press reaches the page first; this accelerator runs only when the page did not take it.
        command(m.undo, 'edit:undo'),
        command(m.redo, 'edit:redo'),
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: m.view,
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        {
          label: m.language,
          submenu: [
            { label: 'English', type: 'radio', checked: language === 'en', click: send('language:en') },
            { label: 'বাংলা', type: 'radio', checked: language === 'bn', click: send('language:bn') },
          ],
        },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: m.help,
      submenu: [
        command(m.guidedSample, 'guided-sample'),
        { label: m.openDataFolder, click: () => void shell.openPath(dataDir) },
        { type: 'separator' },
        { label: m.about, click: () => app.showAboutPanel() },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
