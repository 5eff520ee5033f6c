import { describe, expect, it } from 'vitest';
import { loadRegistryConfig } from './config.ts';

describe('loadRegistryConfig: REGISTRY_PUBLIC_URL', () => {
  it('is null when unset: the WSDLs then name where the register listens', () => {
    expect(loadRegistryConfig({}).publicUrl).toBeNull();
  });

  it('keeps an http(s) URL without its trailing slash', () => {
    expect(loadRegistryConfig({ REGISTRY_PUBLIC_URL: 'https://dtr.example.dk/register/' }).publicUrl).toBe(
      'https://dtr.example.dk/register',
    );
  });

  it.each([
    'dtr.example.dk',
    'ftp://dtr.example.dk',
    'https://dtr.example.dk/?x=1',
    'https://u:p@dtr.example.dk',
  ])('refuses %s', (value) => {
    expect(() => loadRegistryConfig({ REGISTRY_PUBLIC_URL: value })).toThrow(/REGISTRY_PUBLIC_URL must be/);
  });
});

describe('loadRegistryConfig: REGISTRY_CHANGE_FEED', () => {
  it('offers the change feed unless switched off', () => {
    expect(loadRegistryConfig({}).changeFeed).toBe(true);
    expect(loadRegistryConfig({ REGISTRY_CHANGE_FEED: 'on' }).changeFeed).toBe(true);
    expect(loadRegistryConfig({ REGISTRY_CHANGE_FEED: 'off' }).changeFeed).toBe(false);
  });

  it('refuses any other value, naming it', () => {
    expect(() => loadRegistryConfig({ REGISTRY_CHANGE_FEED: 'false' })).toThrow(
      /REGISTRY_CHANGE_FEED must be "on" or "off"; got "false"/,
    );
  });
});
