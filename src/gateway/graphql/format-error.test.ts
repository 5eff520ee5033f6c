import { GraphQLError } from 'graphql';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { QUERY_TOO_COMPLEX } from './query-limits.ts';
import { createFormatError } from './format-error.ts';

const formatError = createFormatError(pino({ level: 'silent' }));
/** A resolver error as graphql-js hands it to Apollo: wrapped, with a path. */
const fromResolver = (original: Error) =>
  new GraphQLError(original.message, { path: ['institution'], originalError: original });

describe('formatError', () => {
  it('keeps the message and code of the gateway’s own errors, and nothing else', () => {
    const error = fromResolver(new AppError('UPSTREAM_TIMEOUT', 'The register did not answer in time.'));
    expect(
      formatError(
        { message: error.message, path: ['institution'], extensions: { code: 'X', stacktrace: ['at …'] } },
        error,
      ),
    ).toEqual({
      message: 'The register did not answer in time.',
      path: ['institution'],
      extensions: { code: 'UPSTREAM_TIMEOUT' },
    });
  });

  it('masks anything unexpected', () => {
    const error = fromResolver(new TypeError("Cannot read properties of undefined (reading 'Envelope')"));
    expect(
      formatError(
        { message: error.message, path: ['institution'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
        error,
      ),
    ).toEqual({
      message: 'Internal server error',
      path: ['institution'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it('keeps Apollo’s request errors, and turns a too-deep query into QUERY_TOO_COMPLEX', () => {
    const invalid = new GraphQLError('Cannot query field "nope" on type "Query".', {
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    expect(
      formatError({ message: invalid.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, invalid),
    ).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    const deep = new GraphQLError('The operation is nested 13 fields deep; at most 12 are allowed.', {
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      originalError: new GraphQLError('deep', { extensions: { code: QUERY_TOO_COMPLEX } }),
    });
    expect(
      formatError({ message: deep.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, deep),
    ).toEqual({
      message: deep.message,
      extensions: { code: 'QUERY_TOO_COMPLEX' },
    });
  });
});

describe('formatError for writes', () => {
  it('keeps an AppError’s safe extensions beside its code', () => {
    const error = fromResolver(
      new AppError('UPSTREAM_TIMEOUT', 'The outcome is unknown.', { extensions: { number: 'G10662' } }),
    );
    expect(formatError({ message: error.message, path: ['institution'] }, error)).toEqual({
      message: 'The outcome is unknown.',
      path: ['institution'],
      extensions: { number: 'G10662', code: 'UPSTREAM_TIMEOUT' },
    });
  });

  it('a scalar’s refusal of a literal is BAD_USER_INPUT, not a validation failure', () => {
    const refused = new GraphQLError(
      'Expected value of type "PNumber!", found "1"; PNumber must be 10 digits',
      {
        originalError: Object.assign(new Error('PNumber must be 10 digits'), {
          extensions: { code: 'BAD_USER_INPUT' },
        }),
      },
    );
    expect(
      formatError({ message: refused.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, refused),
    ).toEqual({ message: refused.message, extensions: { code: 'BAD_USER_INPUT' } });
  });
});
