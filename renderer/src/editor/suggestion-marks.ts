// Suggestions drawn apart from highlights: dashed and muted, never taken for a person's work.
// Their own field, so setting them never touches the highlights' decorations.
import { StateEffect, StateField } from '@codemirror/state';
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view';
import { SUGGESTION_KIND_NAMES } from '../../../electron/contract/suggestion-rules';
import type { Suggestion } from '../../../electron/contract/window-api';

export const setSuggestions = StateEffect.define<readonly Suggestion[]>();

function markOf(s: Suggestion): Decoration {
  const who = s.speakerName ? ` by ${s.speakerName}` : '';
  return Decoration.mark({
    class: `cm-suggestion cm-suggestion-${s.kind}`,
    attributes: { 'data-suggestion': s.key, 'aria-label': `Suggested ${SUGGESTION_KIND_NAMES[s.kind].toLowerCase()}${who}: ${s.reason}`, title: `Suggested ${SUGGESTION_KIND_NAMES[s.kind].toLowerCase()}${who} (${s.reason})` },
  });
}

export const suggestionField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(value, tr) {
    let next = value.map(tr.changes);
    for (const effect of tr.effects) {
      if (!effect.is(setSuggestions)) continue;
      const length = tr.state.doc.length;
      next = Decoration.set(
        effect.value.filter((s) => s.start < s.end && s.end <= length).map((s) => markOf(s).range(s.start, s.end)),
        true,
      );
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});

export const suggestionTheme = EditorView.baseTheme({
  '.cm-suggestion': { borderBottom: '2px dashed var(--suggestion-color, #8a8f98)', backgroundColor: 'rgba(138, 143, 152, 0.08)' },
  '.cm-suggestion-claim': { borderBottomStyle: 'dotted' },
});
