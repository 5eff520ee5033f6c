import { ownOriginPolicy } from '../http/content-security-policy.ts';

/**
 * The web app's Content-Security-Policy: the gateway's own, unwidened. Stricter than the
 * playground's: the app adds no <style> element at run time, so styles too come only from its files.
 */
export const WEB_APP_CSP = ownOriginPolicy();
