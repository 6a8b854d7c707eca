// The suggestions list: Suggest, its progress, the setting to suggest on open, and each proposed
// quote or claim with why it was proposed. Keys on a focused row accept, edit or reject it.
import './suggestions.css';
import { useEffect, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Label, Suggestion } from '../../../electron/contract/window-api';
import { SUGGESTION_KIND_NAMES } from '../../../electron/contract/suggestion-rules';
import { handlerOf, runKey, type Handlers } from '../commands/dispatch';
import { matchesKey } from '../commands/keys';
import { COMMANDS } from '../commands/registry';
import type { SuggestionsModel } from './use-suggestions';

const LIST_COMMANDS = COMMANDS.filter((c) => c.when === 'suggestion-list');

interface Props {
  model: SuggestionsModel;
  text: string;
  labels: readonly Label[];
  mod: string;
  focusedKey: string | null;
  onFocusKey(key: string | null): void;
  /** Shows a suggestion's words in the text; `select`: as the text selection, to edit them. */
  onShow(suggestion: Suggestion, select: boolean): void;
}

const excerpt = (text: string) => {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 110 ? `${flat.slice(0, 108)}…` : flat;
};

/** Seconds since the run started, ticking while it runs. */
function useElapsed(running: boolean, startedAt: number): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [running]);
  return running ? Math.max(0, Math.floor((now - startedAt) / 1000)) : 0;
}

export function SuggestionList({ model, text, labels, mod, focusedKey, onFocusKey, onShow }: Props) {
  const { suggestions } = model;
  const scrollRef = useRef<HTMLDivElement>(null);
  const elapsed = useElapsed(model.running, model.startedAt);
  const virtualizer = useVirtualizer({ count: suggestions.length, getScrollElement: () => scrollRef.current, estimateSize: () => 74, overscan: 6 });
  const index = focusedKey ? suggestions.findIndex((s) => s.key === focusedKey) : -1;
  const focused = index >= 0 ? suggestions[index]! : null;
  useEffect(() => {
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [index, virtualizer]);
  const suggestButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (model.focusRequest > 0) (scrollRef.current ?? suggestButton.current)?.focus();
  }, [model.focusRequest]);

  /** After one is accepted or rejected, the next takes its place. */
  const moveOnFrom = (gone: readonly Suggestion[]) => {
    const keys = new Set(gone.map((s) => s.key));
    const next = suggestions.slice(index + 1).find((s) => !keys.has(s.key)) ?? [...suggestions.slice(0, Math.max(0, index))].reverse().find((s) => !keys.has(s.key));
    onFocusKey(next?.key ?? null);
    if (next) onShow(next, false);
  };
  const walkTo = (i: number) => {
    const target = suggestions[Math.max(0, Math.min(suggestions.length - 1, i))];
    if (!target) return false;
    onFocusKey(target.key);
    onShow(target, false);
    return true;
  };
  const handlers: Handlers<'suggestion-list'> = {
    'suggestion-accept': () => !!focused && (model.accept([focused]), moveOnFrom([focused]), true),
    'suggestion-edit': () => !!focused && (model.edit(focused), onShow(focused, true), true),
    'suggestion-reject': () => !!focused && (model.reject([focused]), moveOnFrom([focused]), true),
    'suggestion-accept-speaker': () => {
      if (!focused?.speakerName) return !!focused && (model.accept([focused]), moveOnFrom([focused]), true);
      const same = suggestions.filter((s) => s.kind !== 'claim' && s.speakerName === focused.speakerName);
      model.accept(same);
      moveOnFrom(same);
      return true;
    },
    'suggestion-accept-all': () => suggestions.length > 0 && (model.accept(suggestions), onFocusKey(null), true),
    'walk-suggestions': (event) => walkTo(event.key === 'ArrowDown' ? index + 1 : event.key === 'ArrowUp' ? index - 1 : event.key === 'Home' ? 0 : suggestions.length - 1),
  };
  const onKeyDown = (event: React.KeyboardEvent) => {
    runKey(LIST_COMMANDS, event.nativeEvent, handlerOf(handlers));
    // The list's keys stay in the list, taken or not: Delete with no suggestion focused must not
    // reach the window and delete the selected highlight.
    if (LIST_COMMANDS.some((c) => c.keys.some((binding) => matchesKey(binding, event.nativeEvent)))) event.stopPropagation();
  };
  const labelOf = (s: Suggestion) => labels.find((l) => l.id === s.labelId);

  return (
    <section className="suggestions" aria-label="Suggestions">
      <div className="suggestions-bar">
        <button type="button" className="secondary" ref={suggestButton} onClick={() => model.run()} disabled={model.running} title={mod === '⌘' ? '⌥S' : 'Alt+S'}>
          {model.running ? 'Suggesting…' : 'Suggest'}
        </button>
        {suggestions.length > 0 && (
          <button type="button" className="secondary" onClick={() => (model.accept(suggestions), onFocusKey(null))}>
            Accept all ({suggestions.length.toLocaleString('en')})
          </button>
        )}
        <label className="suggestions-auto">
          <input type="checkbox" checked={model.auto} onChange={(e) => model.setAuto(e.target.checked)} /> Suggest when a story opens
        </label>
      </div>
      <p className="suggestions-status" role="status">
        {model.running ? `Reading the story for quotes, speakers and claims… ${elapsed} s` : suggestions.length ? 'Not highlights until you accept them: Enter accepts, E edits first, Delete rejects.' : 'No suggestions. Suggest proposes quotes, their speakers and claims worth checking.'}
      </p>
      {suggestions.length > 0 && (
        <div
          className="suggestion-list"
          ref={scrollRef}
          role="listbox"
          aria-label="Suggestions: quotes in text order, then claims best first"
          tabIndex={0}
          aria-activedescendant={focused ? `suggestion-${index}` : undefined}
          onKeyDown={onKeyDown}
          onFocus={() => !focused && walkTo(0)}
        >
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const s = suggestions[item.index]!;
              return (
                <div
                  key={s.key}
                  id={`suggestion-${item.index}`}
                  role="option"
                  aria-selected={s.key === focusedKey}
                  className="suggestion-row"
                  data-suggestion={s.key}
                  style={{ transform: `translateY(${item.start}px)`, ['--hl-color' as string]: labelOf(s)?.color ?? '#999' }}
                  onClick={() => (onFocusKey(s.key), onShow(s, false))}
                >
                  <span className="chip chip-suggested">{SUGGESTION_KIND_NAMES[s.kind]}</span>
                  {s.speakerName && <span className="row-speaker">{s.speakerName}</span>}
                  <span className="row-text">{excerpt(text.slice(s.start, s.end))}</span>
                  <span className="suggestion-reason">Why: {s.reason}</span>
                </div>
              );
            })}
          </div>
        </div>
      )}
    </section>
  );
}
