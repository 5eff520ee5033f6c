import { describe, expect, it } from 'vitest';
import { presenceFor } from './write-mode.ts';

describe('presenceFor', () => {
  it('makes a mandatory field mandatory on insert, given or not', () => {
    expect(presenceFor('insert', undefined)).toEqual({ mandatory: true });
    expect(presenceFor('insert', 'x')).toEqual({ mandatory: true });
  });

  it('makes it mandatory on update only when the client sent it', () => {
    expect(presenceFor('update', undefined)).toEqual({ mandatory: false });
    expect(presenceFor('update', '')).toEqual({ mandatory: true });
  });
});
