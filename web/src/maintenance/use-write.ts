import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { useClient, type AnyVariables } from 'urql';
import { useSession } from '../lib/session.ts';

/** A register user error as the payloads carry it. */
export interface UserError {
  field: readonly string[];
  code: string;
  message: string;
}

/** A write's outcome: its data, or one message for the form as a whole and the errors at fields. */
export interface WriteResult<D> {
  data?: D;
  /** Errors by field key: the input path without `input`, e.g. `firstUnit.address.postalCode`. */
  fieldErrors: Record<string, string>;
  formError?: string;
}

/** The field key of an input path: `["input","firstUnit","pNumber"]` → `firstUnit.pNumber`. */
export const fieldKey = (path: readonly string[]): string =>
  path[0] === 'input' ? path.slice(1).join('.') : path.join('.');

// The gateway refuses a value that is not of its kind (a scalar) before the register sees it; the
// register's own Danish texts cover the rest. These say the same in Danish, by field.
const SCALAR_TEXT: Readonly<Record<string, string>> = {
  pNumber: 'P-nummeret skal være 10 cifre.',
  postalCode: 'Postnummeret skal være 4 cifre.',
  municipalityCode: 'Kommunekoden findes ikke.',
  email: 'E-mailadressen skal have formen navn@domæne.dk.',
  number: 'Institutionsnummeret skal være et bogstav og 5 cifre.',
  toDaycareInstitutionNumber: 'Institutionsnummeret skal være et bogstav og 5 cifre.',
  toAssignmentUnitNumber: 'Institutionsnummeret skal være et bogstav og 5 cifre.',
};

/**
 * Sends a mutation with the session's credentials, on that request only (reads never carry them),
 * and sorts the answer into field errors and a form error in Danish.
 */
export function useWrite() {
  const client = useClient();
  const session = useSession();
  return async function write<D, V extends AnyVariables>(
    document: TypedDocumentNode<D, V>,
    variables: V,
    userErrorsOf: (data: D) => readonly UserError[],
  ): Promise<WriteResult<D>> {
    if (session === null) return { fieldErrors: {}, formError: 'Du er ikke logget ind.' };
    const result = await client
      .mutation(document, variables, {
        fetchOptions: { headers: { authorization: session.authorization } },
        requestPolicy: 'network-only',
      })
      .toPromise();
    const fieldErrors: Record<string, string> = {};
    if (result.error !== undefined) {
      const first = result.error.graphQLErrors[0];
      const code = first?.extensions.code;
      if (code === 'UNAUTHENTICATED')
        return {
          fieldErrors,
          formError: 'Registeret kender ikke brugernavnet eller adgangskoden. Log ind igen.',
        };
      if (code === 'FORBIDDEN')
        return { fieldErrors, formError: 'Du har ikke ret til at ændre dette i registeret (INGEN_ADGANG).' };
      for (const error of result.error.graphQLErrors) {
        const at = /at "([^"]+)"/.exec(error.message)?.[1];
        if (at === undefined) continue;
        const key = fieldKey(at.split('.'));
        fieldErrors[key] = SCALAR_TEXT[key.split('.').at(-1) ?? ''] ?? 'Værdien er ugyldig.';
      }
      if (Object.keys(fieldErrors).length > 0) return { fieldErrors };
      return {
        fieldErrors,
        formError: `Ændringen blev ikke gemt: ${first?.message ?? result.error.message}`,
      };
    }
    const data = result.data;
    if (data === undefined) return { fieldErrors, formError: 'Registeret svarede ikke.' };
    const errors = userErrorsOf(data);
    let formError: string | undefined;
    for (const error of errors) {
      const key = fieldKey(error.field);
      if (key === '') formError = formError === undefined ? error.message : `${formError} ${error.message}`;
      else
        fieldErrors[key] =
          fieldErrors[key] === undefined ? error.message : `${fieldErrors[key]} ${error.message}`;
    }
    return errors.length === 0
      ? { data, fieldErrors }
      : { fieldErrors, ...(formError !== undefined && { formError }) };
  };
}
