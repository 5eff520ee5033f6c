import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

/** The extension code a too-deep query is refused with (rewritten from Apollo's validation code). */
export const QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX';

/**
 * Refuses operations nested deeper than `maxDepth` fields. The graph has cycles (a unit's
 * daginstitution's units …), and each level may multiply the work by a page size. Introspection
 * fields are not counted: a standard introspection query is deep by nature.
 */
export function depthLimit(maxDepth: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const depthOf = (selectionSet: SelectionSetNode, seen: ReadonlySet<string>): number => {
      let deepest = 0;
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) {
          if (selection.name.value.startsWith('__')) continue;
          const below = selection.selectionSet === undefined ? 0 : depthOf(selection.selectionSet, seen);
          deepest = Math.max(deepest, 1 + below);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          deepest = Math.max(deepest, depthOf(selection.selectionSet, seen));
        } else {
          const name = selection.name.value;
          const fragment = context.getFragment(name);
          // A fragment cycle is reported by graphql-js's own rule; here it just stops the walk.
          if (fragment !== null && fragment !== undefined && !seen.has(name)) {
            deepest = Math.max(deepest, depthOf(fragment.selectionSet, new Set([...seen, name])));
          }
        }
      }
      return deepest;
    };
    return {
      OperationDefinition(operation) {
        const depth = depthOf(operation.selectionSet, new Set());
        if (depth > maxDepth) {
          context.reportError(
            new GraphQLError(
              `The operation is nested ${depth} fields deep; at most ${maxDepth} are allowed.`,
              {
                nodes: [operation],
                extensions: { code: QUERY_TOO_COMPLEX },
              },
            ),
          );
        }
      },
    };
  };
}
