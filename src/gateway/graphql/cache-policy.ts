import {
  Kind,
  type ConstDirectiveNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';

/** A response's cache policy: how long, and whether shared caches may keep it. */
export interface CachePolicy {
  maxAge: number;
  scope: 'PUBLIC' | 'PRIVATE';
}

interface Hint {
  maxAge?: number;
  scope?: 'PUBLIC' | 'PRIVATE';
  inheritMaxAge?: boolean;
}

// graphql ships CJS and ESM builds, and a test runner may hand Apollo's schema (one copy) to this
// code (the other): its class predicates (isCompositeType …) would throw "from another module or
// realm". So the walk below reads the schema through its methods and properties only.
const namedType = (type: GraphQLOutputType): GraphQLNamedType =>
  'ofType' in type ? namedType(type.ofType) : type;
const isComposite = (type: GraphQLNamedType): boolean => 'getFields' in type || 'getTypes' in type;
const fieldsOf = (
  type: GraphQLNamedType | null | undefined,
): Record<string, GraphQLField<unknown, unknown>> =>
  type !== null && type !== undefined && 'getFields' in type
    ? (type.getFields() as Record<string, GraphQLField<unknown, unknown>>)
    : {};

/** A `@cacheControl(maxAge, scope, inheritMaxAge)` directive's arguments, as Apollo reads them. */
function hintOf(directives: readonly ConstDirectiveNode[]): Hint {
  const directive = directives.find((d) => d.name.value === 'cacheControl');
  const hint: Hint = {};
  for (const { name, value } of directive?.arguments ?? []) {
    if (name.value === 'maxAge' && value.kind === Kind.INT) hint.maxAge = Number(value.value);
    if (
      name.value === 'scope' &&
      value.kind === Kind.ENUM &&
      (value.value === 'PUBLIC' || value.value === 'PRIVATE')
    ) {
      hint.scope = value.value;
    }
    if (name.value === 'inheritMaxAge' && value.kind === Kind.BOOLEAN) hint.inheritMaxAge = value.value;
  }
  return hint;
}

const typeHint = (type: GraphQLNamedType): Hint =>
  hintOf([type.astNode, ...type.extensionASTNodes].flatMap((node) => node?.directives ?? []));

/** One field's policy, by Apollo's cacheControl rules: the field's hint over its type's. */
function fieldPolicy(field: GraphQLField<unknown, unknown>, isRoot: boolean, defaultMaxAge: number): Hint {
  const target = namedType(field.type);
  const composite = isComposite(target);
  const fromType = composite ? typeHint(target) : {};
  const fromField = hintOf(field.astNode?.directives ?? []);
  let inherits = fromType.inheritMaxAge === true;
  let policy: Hint;
  if (fromField.inheritMaxAge === true && fromType.maxAge === undefined) {
    inherits = true;
    policy = { scope: fromField.scope ?? fromType.scope };
  } else {
    policy = { maxAge: fromField.maxAge ?? fromType.maxAge, scope: fromField.scope ?? fromType.scope };
  }
  if (policy.maxAge === undefined && ((composite && !inherits) || isRoot)) policy.maxAge = defaultMaxAge;
  return policy;
}

/**
 * The cache policy of a whole document, from the schema's `@cacheControl` hints alone: the smallest
 * maxAge of its fields, PRIVATE if any field is. It counts every field the document names, also
 * those a response may leave out (another type's fragment, an empty list): never less strict than
 * Apollo's count of the fields resolved. Introspection fields count for nothing; a document with no
 * hinted field gets maxAge 0 (not cacheable).
 */
export function documentCachePolicy(
  schema: GraphQLSchema,
  document: DocumentNode,
  defaultMaxAge = 0,
): CachePolicy {
  let maxAge: number | undefined;
  let scope: CachePolicy['scope'] = 'PUBLIC';
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const seen = new Set<string>();
  const walk = (
    selectionSet: SelectionSetNode,
    parent: GraphQLNamedType | null | undefined,
    isRoot: boolean,
  ) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const field = fieldsOf(parent)[selection.name.value];
        if (selection.name.value.startsWith('__') || field === undefined) continue;
        const policy = fieldPolicy(field, isRoot, defaultMaxAge);
        if (policy.maxAge !== undefined) maxAge = Math.min(maxAge ?? policy.maxAge, policy.maxAge);
        if (policy.scope === 'PRIVATE') scope = 'PRIVATE';
        if (selection.selectionSet !== undefined) walk(selection.selectionSet, namedType(field.type), false);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on =
          selection.typeCondition === undefined ? parent : schema.getType(selection.typeCondition.name.value);
        walk(selection.selectionSet, on, isRoot);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment === undefined || seen.has(fragment.name.value)) continue;
        seen.add(fragment.name.value);
        walk(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value), isRoot);
        seen.delete(fragment.name.value);
      }
    }
  };
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const root = definition.operation === 'query' ? schema.getQueryType() : null;
    walk(definition.selectionSet, root, true);
  }
  return { maxAge: maxAge ?? 0, scope };
}

/** documentCachePolicy, computed once per parsed document (Apollo reuses those of repeated queries). */
export type DocumentCachePolicies = (schema: GraphQLSchema, document: DocumentNode) => CachePolicy;

/** A fresh memo of documentCachePolicy; one per server, shared by the plugins that read policies. */
export function createDocumentCachePolicies(): DocumentCachePolicies {
  const policies = new WeakMap<DocumentNode, CachePolicy>();
  return (schema, document) => {
    let policy = policies.get(document);
    if (policy === undefined) {
      policy = documentCachePolicy(schema, document);
      policies.set(document, policy);
    }
    return policy;
  };
}
