// The suggester's findings as rows in the workspace's own labels, and the rule that keeps a
// suggestion from duplicating a highlight (written in the contract, for the window too).
import type { Label } from '../../contract/api.js';
export { isCovered } from '../../contract/suggestion-rules.js';
import type { Suggestion } from '../../contract/schemas/suggestions.js';
import type { KnownSpeaker, Suggestions } from './types.js';

/** The workspace's label for a kind of suggestion: by id, else by name. */
function labelFor(labels: readonly Label[], id: 'quote' | 'claim' | 'speaker'): Label | undefined {
  return labels.find((l) => l.id === id) ?? labels.find((l) => l.name.toLowerCase() === id);
}

/** The suggester's findings as rows in the workspace's labels, best first within each kind. */
export function toRows(found: Suggestions, labels: readonly Label[], speakers: readonly KnownSpeaker[]): { rows: Suggestion[]; missingLabels: string[] } {
  const quote = labelFor(labels, 'quote');
  const claim = labelFor(labels, 'claim');
  const missingLabels = [...(quote ? [] : ['Quote']), ...(claim ? [] : ['Claim'])];
  const idOf = (name: string | null) => (name ? (speakers.find((s) => s.name === name)?.id ?? null) : null);
  const rows: Suggestion[] = [];
  // Within what the wire's schema allows, whatever the text held (a 1,000-letter "name").
  const clip = (words: string | null, most: number) => (words && words.length > most ? `${words.slice(0, most - 1)}…` : words);
  if (quote) {
    for (const q of found.quotes) {
      if (q.end <= q.start) continue;
      rows.push({ key: `${quote.id}:${q.start}:${q.end}`, labelId: quote.id, start: q.start, end: q.end, kind: q.kind, cue: q.cue, speaker: q.speaker, speakerName: clip(q.speakerName, 500), speakerId: idOf(q.speakerName), score: q.score, reason: clip(q.reason, 1000)! });
    }
  }
  if (claim) {
    for (const c of found.claims) {
      if (c.end <= c.start) continue;
      rows.push({ key: `${claim.id}:${c.start}:${c.end}`, labelId: claim.id, start: c.start, end: c.end, kind: 'claim', cue: null, speaker: null, speakerName: null, speakerId: null, score: c.score, reason: clip(c.reason, 1000)! });
    }
  }
  return { rows, missingLabels };
}

