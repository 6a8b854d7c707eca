// A claim several annotators tagged, on the desk's side panel: each version with its author,
// status and note. Only one verdict is published: while the versions disagree, none is, until the
// editor picks one here (the others then take its status; the pick is her desk decision).
import type { ClaimRow, ClaimVersionGroup, Status } from '../../../electron/contract/window-api';
import { rowKey } from './claim-table';

interface Props {
  group: ClaimVersionGroup<ClaimRow> | undefined;
  statuses: Status[];
  onPick(key: string): void;
}

export function ClaimVersions({ group, statuses, onPick }: Props) {
  if (!group || group.versions.length < 2) return null;
  const name = (id: string) => statuses.find((s) => s.id === id)?.name ?? id;
  return (
    <section className={`desk-conflict desk-versions${group.agree ? ' agree' : ''}`} aria-label="Versions of this claim">
      <h3>{group.agree ? `${group.versions.length} versions agree: published once` : `${group.versions.length} versions disagree: pick the one to publish`}</h3>
      <ul>
        {group.versions.map((version) => {
          const published = group.agree && version === group.lead;
          return (
            <li key={rowKey(version)}>
              <span className="conflict-version">
                <strong>{name(version.status)}</strong>
                {version.author ? ` by ${version.author}` : ' by someone unnamed'}
                {version.reviewer && ` · verdict by ${version.reviewer}`}
                {published && ' · published'}
                {version.note && <span className="version-note"> · note: {version.note}</span>}
                <span className="version-text"> · “{version.text}”</span>
              </span>
              {!group.agree && (
                <button type="button" className="secondary" onClick={() => onPick(rowKey(version))}>
                  Publish {name(version.status)} ({version.author || 'unnamed'})
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** In the desk's status cell: a claim several annotators tagged, how many versions, and whether they disagree. */
export function VersionsMark({ versions, agree }: { versions: number; agree: boolean }) {
  if (versions < 2) return null;
  const words = agree ? `${versions} versions` : `${versions} versions disagree`;
  return (
    <span className={agree ? 'versions-mark' : 'conflict-mark'} title={agree ? `${words}: published once` : `${words}: pick one to publish`}>
      {` · ${words}`}
    </span>
  );
}
