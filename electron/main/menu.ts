import { app, Menu, shell, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';

/** The application menu. Commands that belong to a screen are sent to the renderer by name. */
export function buildMenu(window: BrowserWindow, dataDir: string): Menu {
  const send = (command: string) => () => window.webContents.send('tvet:menu', command);
  const template: MenuItemConstructorOptions[] = [
    {
      label: '&File',
      submenu: [
        { label: 'New &institution', accelerator: 'CmdOrCtrl+N', click: send('new-institution') },
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
    },
    {
      label: '&Help',
      submenu: [
        { label: 'Open data folder', click: () => void shell.openPath(dataDir) },
        { type: 'separator' },
        { label: `About ${app.getName()}`, click: () => app.showAboutPanel() },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
