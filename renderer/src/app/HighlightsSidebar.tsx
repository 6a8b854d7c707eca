// The right column: who works in this window (asked once), the selected highlight's panel or a
// speaker's, and the open document's highlights: misplaced ones, the filter and the list.
import { useMemo } from 'react';
import type { Annotation } from '../../../electron/contract/window-api';
import type { AnnotatorClient } from '../api/client';
import { MOD } from '../commands/keys';
import type { useKeyFeedback } from '../commands/use-key-feedback';
import { AnnotationFilter, type useListFilter } from '../components/AnnotationFilter';
import { AnnotationList } from '../components/AnnotationList';
import { AnnotationPanel } from '../components/AnnotationPanel';
import { KeysHint } from '../components/KeysHint';
import { NameReminder } from '../components/NameReminder';
import { OrphanList } from '../components/OrphanList';
import { PersonPrompt } from '../components/PersonPrompt';
import { SpeakerPanel } from '../components/SpeakerPanel';
import type { EditorCommands } from '../editor/AnnotationEditor';
import type { WindowPerson } from '../people/use-window-person';
import { ClaimReviewFields } from '../review/ClaimHistory';
import type { WorkspaceModel } from '../state/use-workspace';
import type { SidePanel } from './use-side-panel';
import { SuggestionList } from '../suggestions/SuggestionList';
import type { SuggestionsModel } from '../suggestions/use-suggestions';

interface Props {
  client: AnnotatorClient;
  workspace: Pick<WorkspaceModel, 'state' | 'actions'>;
  panel: SidePanel;
  people: WindowPerson;
  feedback: ReturnType<typeof useKeyFeedback>;
  list: ReturnType<typeof useListFilter>;
  suggestions: SuggestionsModel;
  selected: Annotation | null;
  editor(): EditorCommands | null;
  whenSaved(): Promise<void>;
}

export function HighlightsSidebar({ client, workspace: { state, actions }, panel, people, feedback, list, suggestions, selected, editor, whenSaved }: Props) {
  const current = state.current;
  const { shownSpeaker } = panel;
  const { listed } = list;
  const statusNames = useMemo(() => new Map((state.session?.statuses ?? []).map((s) => [s.id, s.name])), [state.session?.statuses]);
  const speakerMentions = useMemo(() => current?.annotations.filter((a) => a.labelId === 'speaker') ?? [], [current?.annotations]);
  const backToText = () => editor()?.focus();
  const placeOrphan = (orphan: Annotation) => {
    const range = editor()?.selectedRange() ?? null;
    if (!range) {
      actions.report(new Error('Select the text where this highlight belongs first, then press “Place on selection”.'));
      return;
    }
    actions.placeOrphan(orphan, range);
    // The selection was used: no label bar left inviting a second highlight there.
    editor()?.collapseSelection();
  };

  return (
    <aside className="sidebar sidebar-right" aria-label="Highlights">
      {feedback.nameReminder && !people.person && (
        <NameReminder onSetName={() => (feedback.dismissNameReminder(), document.getElementById('annotator-name-input')?.focus())} onDismiss={feedback.dismissNameReminder} />
      )}
      {state.session && !people.person && <PersonPrompt known={people.known} suggestion={state.session.annotatorName} switching={false} onChoose={people.choose} onCancel={people.stopSwitching} />}
      {shownSpeaker ? (
        <SpeakerPanel
          key={shownSpeaker.id}
          speaker={shownSpeaker}
          speakers={state.speakers}
          labels={state.labels}
          client={client}
          refreshKey={[current?.annotations, state.speakers]}
          onEdit={(patch) => actions.editSpeaker(shownSpeaker.id, patch)}
          onMerge={(mergedId) => void actions.mergeSpeakers(shownSpeaker.id, mergedId)}
          onOpenAppearance={(appearance) => void panel.openAppearance(appearance)}
          onClose={() => (panel.closeSpeaker(), backToText())}
        />
      ) : selected ? (
        <AnnotationPanel
          key={selected.id}
          annotation={selected}
          labels={state.labels}
          speakers={state.speakers}
          statuses={state.session?.statuses ?? []}
          speakerMentions={speakerMentions}
          onOpenLink={(url) => void actions.openLink(url)}
          onChange={(patch) => actions.updateAnnotation(selected.id, patch)}
          onCreateSpeakerFromMention={actions.createSpeakerFromMention}
          onCreateSpeaker={actions.createSpeakerFor}
          onBackToText={backToText}
          onDelete={() => feedback.remove(selected.id)}
          onConfirmAnchor={() => actions.confirmAnchor(selected)}
          review={
            selected.labelId === 'claim' && (
              <ClaimReviewFields client={client} claim={selected} statuses={state.session?.statuses ?? []} whenSaved={whenSaved} onReviewerNote={(reviewerNote) => actions.updateAnnotation(selected.id, { claim: { reviewerNote } })}
                onPublicSummary={(publicSummary) => actions.updateAnnotation(selected.id, { claim: { publicSummary } })}
              />
            )
          }
        />
      ) : (
        <KeysHint labels={state.labels} mod={MOD} />
      )}
      <div className="list-heading">
        <h2>
          Highlights {current ? (listed.length === current.annotations.length ? `(${listed.length})` : `(${listed.length} of ${current.annotations.length})`) : ''}
        </h2>
        {current && (
          <label className="suggestions-toggle">
            <input type="checkbox" checked={suggestions.shown} onChange={(e) => suggestions.setShown(e.target.checked)} /> Suggestions ({suggestions.suggestions.length.toLocaleString('en')})
          </label>
        )}
      </div>
      {current && <OrphanList orphans={current.orphans} labels={state.labels} onPlace={placeOrphan} onDiscard={actions.discardOrphan} />}
      {current && <AnnotationFilter filter={list.filter} labels={state.labels} speakers={state.speakers} toCheck={list.toCheck} unlinked={list.unlinked} annotators={list.annotators} onChange={list.setFilter} />}
      {current && suggestions.shown && (
        <SuggestionList
          model={suggestions}
          text={current.text}
          labels={state.labels}
          mod={MOD}
          focusedKey={suggestions.focusedKey}
          onFocusKey={suggestions.setFocusedKey}
          onShow={(s, select) => editor()?.showRange(s.start, s.end, select)}
        />
      )}
      {current && !suggestions.shown && <AnnotationList annotations={listed} statusNames={statusNames} labels={state.labels} speakers={state.speakers} selectedId={state.selectedId} onPick={panel.showInText} />}
    </aside>
  );
}
