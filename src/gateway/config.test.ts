import { describe, expect, it } from 'vitest';
import { loadGatewayConfig } from './config.ts';

describe('loadGatewayConfig', () => {
  it('has embedded defaults', () => {
    expect(loadGatewayConfig({})).toEqual({
      host: 'localhost',
      port: 4000,
      registryUrl: 'https://localhost:8443',
      exportServiceUrl: 'https://localhost:8443/ExportService',
      importServiceUrl: 'https://localhost:8443/ImportService',
      registryUsername: 'reader',
      registryPassword: 'reader',
      registryCaPath: null,
      changeFeed: 'auto',
      changeFeedPollIntervalMs: 500,
      cacheTtlMs: 60_000,
      cacheMaxEntries: 20_000,
      responseCacheMaxBytes: 33_554_432,
      responseCacheEarly: true,
      cacheStaleIfErrorMs: 86_400_000,
      soapTimeoutMs: 10_000,
      soapReadRetries: 2,
      soapRetryBaseDelayMs: 100,
      soapMaxConcurrentCalls: 16,
      breakerFailureThreshold: 5,
      breakerCoolDownMs: 5000,
      loginFailuresPerUser: 5,
      loginFailuresPerGateway: 15,
      loginFailureWindowMs: 60_000,
      maxPageSize: 500,
      subscriptionMaxConnections: 1000,
      subscriptionKeepAliveMs: 12_000,
      subscriptionIdleTimeoutMs: 300_000,
      introspection: true,
      redisUrl: null,
      redisKeyPrefix: 'dtr-gateway',
      redisCommandTimeoutMs: 250,
      redisRetryAfterMs: 1000,
      redisMaxKeyTtlMs: 86_400_000,
      corsOrigins: '*',
      logLevel: 'info',
    });
  });

  it('derives the service URLs from REGISTRY_URL, each overridable', () => {
    const config = loadGatewayConfig({
      REGISTRY_URL: 'https://dtr.example.dk/api/',
      REGISTRY_IMPORT_URL: 'https://dtr.example.dk/ajour/Import.asmx',
    });
    expect(config.exportServiceUrl).toBe('https://dtr.example.dk/api/ExportService');
    expect(config.importServiceUrl).toBe('https://dtr.example.dk/ajour/Import.asmx');
  });

  it('reads GATEWAY_CHANGE_FEED as auto or off, and the poll interval', () => {
    expect(loadGatewayConfig({ GATEWAY_CHANGE_FEED: 'off' }).changeFeed).toBe('off');
    expect(loadGatewayConfig({ CHANGE_FEED_POLL_INTERVAL_MS: '250' }).changeFeedPollIntervalMs).toBe(250);
    expect(() => loadGatewayConfig({ GATEWAY_CHANGE_FEED: 'on' })).toThrow(
      /GATEWAY_CHANGE_FEED must be auto or off; got "on"/,
    );
  });

  it('reads GATEWAY_INTROSPECTION as true or false', () => {
    expect(loadGatewayConfig({ GATEWAY_INTROSPECTION: 'false' }).introspection).toBe(false);
    expect(loadGatewayConfig({ GATEWAY_INTROSPECTION: 'true' }).introspection).toBe(true);
    expect(() => loadGatewayConfig({ GATEWAY_INTROSPECTION: 'no' })).toThrow(
      /GATEWAY_INTROSPECTION must be true or false; got "no"/,
    );
  });

  it('reads REDIS_URL and REDIS_KEY_PREFIX, refusing what is not a Redis URL or a plain prefix', () => {
    const config = loadGatewayConfig({ REDIS_URL: 'redis://127.0.0.1:6379/0', REDIS_KEY_PREFIX: 'dtr-prod' });
    expect(config.redisUrl).toBe('redis://127.0.0.1:6379/0');
    expect(config.redisKeyPrefix).toBe('dtr-prod');
    expect(() => loadGatewayConfig({ REDIS_URL: 'http://127.0.0.1:6379' })).toThrow(
      /REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL/,
    );
    expect(() => loadGatewayConfig({ REDIS_KEY_PREFIX: 'a b*' })).toThrow(/REDIS_KEY_PREFIX must be/);
  });

  it('is frozen', () => {
    expect(Object.isFrozen(loadGatewayConfig({}))).toBe(true);
  });

  it('names every bad value in one message', () => {
    let message = '';
    try {
      loadGatewayConfig({
        GATEWAY_PORT: 'eighty',
        REGISTRY_URL: 'http://localhost:8443',
        REGISTRY_EXPORT_URL: 'not a url',
        CACHE_TTL_MS: '-1',
        RESPONSE_CACHE_MAX_BYTES: '32MB',
        MAX_PAGE_SIZE: '5000',
        SOAP_READ_RETRIES: '-1',
        LOG_LEVEL: 'loud',
        GATEWAY_CORS_ORIGINS: 'https://app.example.dk, app.example.dk/',
      });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.split('\n')).toEqual([
      'Invalid gateway configuration:',
      '- REGISTRY_URL must be an https:// URL; got "http://localhost:8443"',
      '- LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
      '- GATEWAY_PORT must be an integer from 0 to 65535; got "eighty"',
      '- REGISTRY_EXPORT_URL must be a URL; got "not a url"',
      '- CACHE_TTL_MS must be an integer from 1 to 86400000; got "-1"',
      '- RESPONSE_CACHE_MAX_BYTES must be an integer from 0 to 4294967296; got "32MB"',
      '- SOAP_READ_RETRIES must be an integer from 0 to 10; got "-1"',
      '- MAX_PAGE_SIZE must be an integer from 1 to 1000; got "5000"',
      '- GATEWAY_CORS_ORIGINS must be * or origins like https://app.example.dk; got "app.example.dk/"',
    ]);
  });
});
