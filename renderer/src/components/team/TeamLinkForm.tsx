// The link form: the database's address, the user name and the password (never kept in the
// window after linking). The address rule is the contract's, so the window refuses as the engine does.
import { useState } from 'react';
import { insecureAddressWarning, remoteAddressProblem } from '../../../../electron/contract/team-address';
import type { LinkTeamArgs } from '../../../../electron/contract/window-api';

interface Props {
  busy: boolean;
  /** Resolves true when linked (the password field is emptied then). */
  onLink(args: LinkTeamArgs): Promise<boolean>;
  onProblem(message: string): void;
}

export function TeamLinkForm({ busy, onLink, onProblem }: Props) {
  const [url, setUrl] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [allowInsecure, setAllowInsecure] = useState(false);
  const warning = insecureAddressWarning(url);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const problem = remoteAddressProblem(url, { allowInsecure: warning !== null && allowInsecure });
    if (problem) return onProblem(problem);
    if (!username.trim()) return onProblem('Give the user name the server knows you by.');
    if (!password) return onProblem('Give your password for that server.');
    const linked = await onLink({ url: url.trim(), username: username.trim(), password, ...(warning && allowInsecure && { allowInsecure: true }) });
    if (linked) setPassword('');
  };

  return (
    <form className="team-form" noValidate onSubmit={(event) => void submit(event)} aria-label="Link to the team database">
      <div className="field">
        <label htmlFor="team-url">Database address</label>
        <input id="team-url" type="url" placeholder="https://couch.example.org/newsroom" autoComplete="url" spellCheck={false} value={url} onChange={(event) => setUrl(event.target.value)} />
      </div>
      {warning && (
        <div className="team-insecure">
          <label>
            <input type="checkbox" checked={allowInsecure} onChange={(event) => setAllowInsecure(event.target.checked)} /> Allow plain http to this server (not safe)
          </label>
          <p className="field-error">{warning}</p>
        </div>
      )}
      <div className="field-row">
        <div className="field">
          <label htmlFor="team-username">User name</label>
          <input id="team-username" autoComplete="username" spellCheck={false} value={username} onChange={(event) => setUsername(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="team-password">Password</label>
          <input id="team-password" type="password" autoComplete="current-password" value={password} onChange={(event) => setPassword(event.target.value)} />
        </div>
      </div>
      <div className="sheet-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Linking…' : 'Link'}
        </button>
      </div>
    </form>
  );
}
