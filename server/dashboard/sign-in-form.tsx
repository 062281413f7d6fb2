// Sign-in: the fleet id and the admin token. The token field is a password input (not shown, not autofilled
// into other sites); the message from a refused token or an expired session is announced.
import { useId, useState, type FormEvent } from 'react';
import { FLEET_ID, type Session } from './session.js';

export function SignInForm(props: { initialFleet: string; message: string | null; busy: boolean; onSignIn: (s: Session) => void }) {
  const [fleet, setFleet] = useState(props.initialFleet);
  const [token, setToken] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();
  const shown = problem ?? props.message;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const f = fleet.trim();
    if (!FLEET_ID.test(f)) return setProblem('The fleet id must be lower-case letters, digits, dot, dash or underscore (for example acme-laptops).');
    if (!token.trim()) return setProblem('Enter the admin token (it starts with fwa_).');
    setProblem(null);
    props.onSignIn({ fleet: f, token: token.trim() });
  };

  return (
    <form className="card sign-in" onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`}>Sign in</h2>
      <p className="hint">Use an admin token made with <code>forewarn server token create</code>. It is kept only in this tab and forgotten when the tab closes.</p>
      <label htmlFor={`${id}-fleet`}>Fleet id</label>
      <input id={`${id}-fleet`} name="fleet" type="text" autoComplete="off" spellCheck={false} required value={fleet} onChange={(e) => setFleet(e.target.value)} />
      <label htmlFor={`${id}-token`}>Admin token</label>
      <input id={`${id}-token`} name="token" type="password" autoComplete="current-password" required value={token} onChange={(e) => setToken(e.target.value)} />
      <p role="alert" className="error" aria-live="assertive">{shown}</p>
      <button type="submit" className="primary" disabled={props.busy}>{props.busy ? 'Signing in…' : 'Sign in'}</button>
    </form>
  );
}
