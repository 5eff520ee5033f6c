import { useState, type FormEvent } from 'react';
import { basicAuthorization, setSession } from '../lib/session.ts';

/**
 * Sign-in with a register identity. The credentials stay in this page's memory only (no storage,
 * no cookie) and go only with writes, as HTTP Basic to the gateway, which passes them on to the
 * register's ImportService; the register checks them at the first write.
 */
export function SignIn() {
  const [error, setError] = useState<string | undefined>(undefined);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const user = String(form.get('bruger') ?? '').trim();
    const password = String(form.get('adgangskode') ?? '');
    if (user === '' || password === '') return setError('Udfyld både brugernavn og adgangskode.');
    setSession({ user, authorization: basicAuthorization(user, password) });
  };
  return (
    <form className="panel" onSubmit={onSubmit} aria-labelledby="log-ind">
      <h2 id="log-ind">Log ind</h2>
      <p>
        Log ind med din identitet i registeret (kommune, privat ejer eller BSM/STIL). Adgangskoden gemmes
        ikke: den glemmes, når du lukker eller genindlæser siden.
      </p>
      <div className="search-form">
        <div className="field">
          <label htmlFor="bruger">Brugernavn</label>
          <input id="bruger" name="bruger" autoComplete="username" />
        </div>
        <div className="field">
          <label htmlFor="adgangskode">Adgangskode</label>
          <input id="adgangskode" name="adgangskode" type="password" autoComplete="current-password" />
        </div>
        <button type="submit">Log ind</button>
      </div>
      {error !== undefined && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}
