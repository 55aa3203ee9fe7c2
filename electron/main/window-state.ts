import fs from 'node:fs';
import path from 'node:path';
import { screen, type BrowserWindow, type Rectangle } from 'electron';

interface WindowState {
  bounds: Rectangle;
  maximized: boolean;
}

const fallback: WindowState = { bounds: { x: 0, y: 0, width: 1280, height: 860 }, maximized: false };

/** Remembers the window's size and place between runs; ignores a saved place on a missing monitor. */
export function loadWindowState(folder: string): WindowState {
  try {
    const saved = JSON.parse(fs.readFileSync(path.join(folder, 'window-state.json'), 'utf8')) as WindowState;
    const visible = screen.getAllDisplays().some((d) => {
      const a = d.workArea;
      const b = saved.bounds;
      return b.x < a.x + a.width && b.x + b.width > a.x && b.y < a.y + a.height && b.y + b.height > a.y;
    });
    return visible ? saved : { ...fallback, maximized: saved.maximized };
  } catch {
    return fallback;
  }
}

export function trackWindowState(window: BrowserWindow, folder: string): void {
  const save = () => {
    const state: WindowState = { bounds: window.getNormalBounds(), maximized: window.isMaximized() };
    try {
      fs.writeFileSync(path.join(folder, 'window-state.json'), JSON.stringify(state));
    } catch {
      // Losing the window position is harmless; never block closing for it.
    }
  };
  window.on('close', save);
}
