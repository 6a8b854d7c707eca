// What the right-hand column shows: the selected highlight's panel, or a speaker's over it. Also
// the request that scrolls the text to a highlight picked elsewhere (the list, a speaker, the desk).
import { useCallback, useState } from 'react';
import { flushSync } from 'react-dom';
import type { Appearance, Speaker } from '../../../electron/contract/window-api';
import type { DocumentView } from '../state/workspace-state';

interface Deps {
  speakers: readonly Speaker[];
  current: DocumentView | null;
  select(annotationId: string | null): void;
  openDocument(documentId: string): Promise<unknown>;
}

export function useSidePanel({ speakers, current, select, openDocument }: Deps) {
  const [speakerId, setSpeakerId] = useState<string | null>(null);
  const [scrollRequest, setScrollRequest] = useState(0);
  const shownSpeaker = speakers.find((s) => s.id === speakerId) ?? null;

  /** Selecting a highlight (in the text, in the list, by making one) shows its panel, not a speaker's. */
  const selectHighlight = useCallback((id: string | null) => (id && setSpeakerId(null), select(id)), [select]);
  const closeSpeaker = () => flushSync(() => setSpeakerId(null));
  /** The highlight's panel, and the text scrolled to it. */
  const showInText = (annotationId: string) => {
    setSpeakerId(null);
    select(annotationId);
    setScrollRequest((n) => n + 1);
  };
  /** From the speaker panel (or a disagreement) to the highlight, in its document. */
  const openAppearance = async (appearance: Pick<Appearance, 'documentId' | 'annotationId'>) => {
    if (current?.document.id !== appearance.documentId) await openDocument(appearance.documentId);
    showInText(appearance.annotationId);
  };

  return { speakerId, showSpeaker: setSpeakerId, shownSpeaker, scrollRequest, selectHighlight, closeSpeaker, showInText, openAppearance };
}

export type SidePanel = ReturnType<typeof useSidePanel>;
