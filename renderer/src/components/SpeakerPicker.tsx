// Who said it: type a name and the speakers whose names or aliases match are offered; a new
// speaker is made only when that is what you choose.
import { useId, useMemo, useState } from 'react';
import type { Speaker } from '../../../electron/contract/window-api';
import { findSpeakerByName, onlySpeakerForMention, speakerNameKey, speakersForMention } from '../../../electron/contract/speaker-names';

interface Props {
  id: string;
  label: string;
  speakers: Speaker[];
  value: string | null;
  /** What to offer before anything is typed (a Speaker highlight's own text). */
  suggest?: string;
  emptyText: string;
  onPick(speakerId: string | null): void;
  onCreate(name: string): void;
  /** After a choice made with Enter: the keyboard goes back to the text. */
  onChosenByKeyboard?(): void;
}

export type Option = { kind: 'speaker'; speaker: Speaker; via?: string } | { kind: 'create'; name: string } | { kind: 'none' };

/** Speakers whose name or an alias contains `query`; those starting with it first. */
export function matchSpeakers(speakers: Speaker[], query: string): { speaker: Speaker; via?: string }[] {
  const q = speakerNameKey(query);
  if (!q) return speakers.map((speaker) => ({ speaker }));
  const scored: { speaker: Speaker; via?: string; score: number }[] = [];
  for (const speaker of speakers) {
    const names = [speaker.name, ...speaker.aliases];
    let best: { via?: string; score: number } | null = null;
    for (const [i, name] of names.entries()) {
      const at = speakerNameKey(name).indexOf(q);
      if (at < 0) continue;
      const score = (at === 0 ? 0 : 2) + (i === 0 ? 0 : 1);
      if (!best || score < best.score) best = { via: i === 0 ? undefined : name, score };
    }
    if (best) scored.push({ speaker, ...best });
  }
  return scored.sort((a, b) => a.score - b.score || a.speaker.name.localeCompare(b.speaker.name));
}

/**
 * What the list offers. With words to go on (typed, or a Speaker highlight's own text) only the
 * speakers they match: first those the words name (a whole name, or whole words of one:
 * "Hwang", "Mr. Wood"; see speakersForMention), then "Create", then names that merely contain
 * the letters. With nothing typed, everyone. Never an unrelated speaker first, so Enter cannot
 * attribute a quote to the wrong person.
 */
export function pickerOptions(speakers: Speaker[], typed: string, suggest?: string): Option[] {
  const words = (typed || suggest || '').trim();
  const named: Option[] = (words ? speakersForMention(speakers, words) : []).map(({ speaker, via }) => ({ kind: 'speaker', speaker, ...(via && { via }) }));
  const ids = new Set(named.map((o) => o.kind === 'speaker' && o.speaker.id));
  const loose: Option[] = matchSpeakers(speakers, words)
    .filter((m) => !ids.has(m.speaker.id))
    .map((m) => ({ kind: 'speaker', ...m }));
  const list: Option[] = [...named];
  if (words && !findSpeakerByName(speakers, words)) {
    // Nobody by that name: creating comes after those the words name, and before mere look-alikes
    // unless nothing else matches ("Rob" is someone's start, not a new speaker's whole name).
    const create: Option = { kind: 'create', name: words };
    if (named.length || !loose.length) list.push(create, ...loose);
    else list.push(...loose, create);
  } else list.push(...loose);
  list.push({ kind: 'none' });
  return list;
}

/**
 * Where Enter lands before any arrow key: the first offer, or nothing (-1) when the words name
 * two speakers equally ("Wood" with Robert and Ellen Wood), so a person chooses between them.
 */
export function firstOffer(speakers: Speaker[], words: string): number {
  const w = words.trim();
  if (!w) return 0;
  return speakersForMention(speakers, w).length > 1 && !onlySpeakerForMention(speakers, w) ? -1 : 0;
}

export function SpeakerPicker({ id, label, speakers, value, suggest, emptyText, onPick, onCreate, onChosenByKeyboard }: Props) {
  const current = speakers.find((s) => s.id === value) ?? null;
  const [query, setQuery] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const listId = useId();
  const open = query !== null;
  const typed = query ?? '';
  const words = (typed || suggest || '').trim();
  const matching = open && active < 0 ? speakersForMention(speakers, words).length : 0;
  const options = useMemo<Option[]>(() => pickerOptions(speakers, typed, suggest), [speakers, typed, suggest]);
  /** Where Enter lands when the list opens: the speaker already chosen, else the first offer. */
  const initialActive = () => {
    const chosen = options.findIndex((o) => o.kind === 'speaker' && o.speaker.id === value);
    if (chosen >= 0) return chosen;
    // Nothing chosen and nothing to go on: Enter keeps it that way.
    return suggest ? firstOffer(speakers, suggest) : options.length - 1;
  };

  const choose = (option: Option | undefined) => {
    if (!option) return;
    if (option.kind === 'speaker') onPick(option.speaker.id);
    else if (option.kind === 'create') onCreate(option.name);
    else onPick(null);
    setQuery(null);
  };

  return (
    <div className="field speaker-picker">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
        aria-describedby={matching ? `${listId}-hint` : undefined}
        autoComplete="off"
        placeholder={emptyText}
        value={open ? typed : (current?.name ?? '')}
        onFocus={() => (setQuery(''), setActive(initialActive()))}
        onBlur={() => setQuery(null)}
        onChange={(event) => (setQuery(event.target.value), setActive(firstOffer(speakers, event.target.value || suggest || '')))}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            if (!open) setQuery('');
            setActive((i) => (event.key === 'ArrowDown' ? Math.min(options.length - 1, i + 1) : Math.max(0, i - 1)));
          } else if (event.key === 'Enter' && open) {
            event.preventDefault();
            // Two speakers match and none is chosen yet: the hint below says what to do.
            if (active < 0) return;
            choose(options[active]);
            onChosenByKeyboard?.();
          } else if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            // First Esc closes the list; the next goes back to the text.
            if (open) setQuery(null);
            else onChosenByKeyboard?.();
          }
        }}
      />
      {matching > 0 && (
        <p className="picker-hint" id={`${listId}-hint`} role="status">
          {matching} speakers match “{words}”: choose one with ↓ and Enter.
        </p>
      )}
      {open && (
        <ul className="picker-options" role="listbox" id={listId} aria-label={`${label}: speakers`}>
          {options.map((option, index) => (
            <li
              key={option.kind === 'speaker' ? option.speaker.id : option.kind}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              // Chosen on mousedown, before the input's blur closes the list.
              onMouseDown={(event) => (event.preventDefault(), choose(option))}
              onMouseEnter={() => setActive(index)}
            >
              {option.kind === 'speaker' && (
                <>
                  {option.speaker.name}
                  {option.via && <span className="via"> (also “{option.via}”)</span>}
                  {option.speaker.role && <span className="via"> · {option.speaker.role}</span>}
                </>
              )}
              {option.kind === 'create' && <>Create speaker “{option.name}”</>}
              {option.kind === 'none' && <span className="via">{emptyText}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
