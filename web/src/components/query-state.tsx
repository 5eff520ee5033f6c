import type { CombinedError } from 'urql';

/** What a view shows while its data loads or when the gateway answered with an error. */
export function QueryState({ fetching, error }: { fetching: boolean; error: CombinedError | undefined }) {
  if (error !== undefined)
    return (
      <p role="alert" className="error">
        Registeret kunne ikke svare: {error.graphQLErrors[0]?.message ?? error.message}
      </p>
    );
  if (fetching) return <p role="status">Henter …</p>;
  return null;
}
