import { describe, expect, it } from 'vitest';
import { isTrustedSender } from './trusted-sender';

describe('IPC sender check', () => {
  it('accepts only the top frame of our own renderer', () => {
    expect(isTrustedSender({ url: 'app://renderer/index.html#/institutions', parent: null })).toBe(true);
    expect(isTrustedSender({ url: 'app://renderer/index.html', parent: {} })).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'file:///etc/passwd', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'app://renderer.evil/index.html', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'not a url', parent: null })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });
});
