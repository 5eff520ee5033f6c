import { describe, expect, it } from 'vitest';
import { loadRegistryConfig } from './config.ts';

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
