import { describe, expect, it } from 'vitest';
import { navigationAllowed } from './navigation-policy';

// The same decision guards will-navigate, will-redirect and will-frame-navigate (security.ts).
const top = (url: string) => navigationAllowed({ url, isMainFrame: true });
const inner = (url: string) => navigationAllowed({ url, isMainFrame: false });

describe('where a frame of the app window may go', () => {
  it('lets the app window move between its own pages only', () => {
    expect(top('app://renderer/index.html')).toBe(true);
    expect(top('app://renderer/index.html#/institutions')).toBe(true);
    for (const away of [
      'https://evil.example/',
      'http://127.0.0.1:8080/',
      'file:///etc/passwd',
      'data:text/html,<script>alert(1)</script>',
      'javascript:alert(1)',
      'app://renderer.evil/index.html',
      'app://evil/index.html',
      'app://user:pass@renderer/index.html',
      'about:blank',
      'about:srcdoc',
      'blob:app://renderer/3b5c2a2e-6a8b-4a0f-9a57-4b1c1a0b7d11',
      'not a url',
      '',
    ]) {
      expect(top(away), away).toBe(false);
    }
  });

  it('lets a frame inside the app hold a report preview or an evidence PDF the app made, and nothing else', () => {
    expect(inner('about:srcdoc')).toBe(true);
    expect(inner('about:blank')).toBe(true);
    expect(inner('blob:app://renderer/3b5c2a2e-6a8b-4a0f-9a57-4b1c1a0b7d11')).toBe(true);
    expect(inner('app://renderer/index.html')).toBe(true);
    for (const away of [
      'https://evil.example/',
      'blob:https://evil.example/3b5c2a2e-6a8b-4a0f-9a57-4b1c1a0b7d11',
      'blob:null/3b5c2a2e',
      'file:///home/inspector/.ssh/id_rsa',
      'data:application/pdf;base64,JVBERi0=',
      'javascript:parent.tvet.invoke("settings:update", {})',
      'about:blank#x',
    ]) {
      expect(inner(away), away).toBe(false);
    }
  });
});
