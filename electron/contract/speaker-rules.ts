// How two speakers become one, shared by the services and the in-memory API so both agree.
import { ApiError, SPEAKER_LIMITS } from './errors.js';
import type { Speaker } from './api.js';

/**
 * What the survivor of a merge becomes, refused when it would pass a limit loading enforces.
 * Refused rather than cut: notes or names silently dropped are work lost, and the user can
 * shorten them knowing what goes.
 */
export function mergedSpeakerFields(survivor: Speaker, merged: Speaker): Pick<Speaker, 'aliases' | 'role' | 'organisation' | 'notes'> {
  // The merged name lives on as an alias, so a later mention of it still finds the person.
  const names = new Set([survivor.name.toLowerCase()]);
  const aliases = [...survivor.aliases, merged.name, ...merged.aliases].filter((alias) => {
    const key = alias.toLowerCase();
    if (names.has(key)) return false;
    names.add(key);
    return true;
  });
  const notes = [survivor.notes, merged.notes].filter(Boolean).join('\n\n');
  const count = (n: number) => n.toLocaleString('en');
  if (notes.length > SPEAKER_LIMITS.notes) {
    throw new ApiError(
      'bad-request',
      `The merged notes would be ${count(notes.length)} characters; the limit is ${count(SPEAKER_LIMITS.notes)}. Shorten one speaker's notes first.`,
    );
  }
  if (aliases.length > SPEAKER_LIMITS.otherNames) {
    throw new ApiError(
      'bad-request',
      `The merged speaker would have ${count(aliases.length)} other names; the limit is ${SPEAKER_LIMITS.otherNames}. Remove some of either speaker’s other names first.`,
    );
  }
  return { aliases, role: survivor.role || merged.role, organisation: survivor.organisation || merged.organisation, notes };
}
