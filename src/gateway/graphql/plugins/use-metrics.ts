import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { getOperationAST } from 'graphql';
import type { OperationRecorder } from '../../operations/metrics.ts';

/** Counts every operation Apollo answers, by name and outcome, with its duration (operations/metrics.ts). */
export function useMetrics<T extends BaseContext>(record: OperationRecorder): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse(context) {
          // The name as written, also for a document that failed validation (Apollo names it only after).
          const name =
            context.operationName ??
            (context.document === undefined
              ? undefined
              : getOperationAST(context.document, context.request.operationName)?.name?.value);
          record({
            name: name ?? undefined,
            outcome: context.errors !== undefined && context.errors.length > 0 ? 'error' : 'ok',
            seconds: (performance.now() - started) / 1000,
            early: false,
          });
        },
      };
    },
  };
}
