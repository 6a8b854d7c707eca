// Undo and redo for every change a person makes to highlights and speakers. Each step knows
// how to change the screen both ways and which changes to send both ways, so what is undone
// on screen is undone on disk too. One history serves the whole workspace: a step about a
// document that is not open changes only the disk (the screen catches up when it is opened).
import type { Annotation, Change, ClaimRow, Speaker } from '../../../electron/contract/window-api';
import type { AnnotationPatch, DeskClaimPatch, LocalOp } from './edits';
import { conflictsOf } from './claim-conflicts';

export type { LocalOp } from './edits';

export interface Step {
  forward: LocalOp[];
  backward: LocalOp[];
  send: Change[];
  unsend: Change[];
  /** Steps with the same key made within MERGE_MS are one step (a note typed key by key). */
  mergeKey?: string;
  /** Made on the review desk: undone there too (from the desk, only such steps are). */
  desk?: boolean;
  /** Its changes are sent together (a bulk verdict, an import taken back). */
  oneBatch?: boolean;
  /** What the step did, in words, where its changes alone would mislead (a curation accept reads as a delete and a create). */
  name?: string;
  /**
   * What the step does beyond its change lists, once they are queued: an import's screen is
   * read again after an undo, and a redo imports the files again (see import-step.ts).
   */
  after?: { undone?(): void; redone?(): void };
  at: number;
}

export const MERGE_MS = 1500;

/** A deleted highlight comes back as it was. */
function recreate(annotation: Annotation): Change {
  return {
    kind: 'createAnnotation',
    documentId: annotation.documentId,
    annotationId: annotation.id,
    labelId: annotation.labelId,
    start: annotation.start,
    end: annotation.end,
    speakerId: annotation.speakerId,
    note: annotation.note,
    ...(annotation.quoteKind && { quoteKind: annotation.quoteKind }),
    ...(annotation.claim && { claim: annotation.claim }),
    ...(annotation.layer && { layer: annotation.layer, curatedFrom: annotation.curatedFrom ?? [] }),
    author: annotation.author,
    ...(annotation.authorId && { authorId: annotation.authorId }),
    createdAt: annotation.createdAt,
    updatedAt: annotation.updatedAt,
  };
}

export function createStep(annotation: Annotation, at = Date.now()): Step {
  return {
    forward: [{ kind: 'put', annotation }],
    backward: [{ kind: 'remove', documentId: annotation.documentId, annotationId: annotation.id }],
    send: [recreate(annotation)],
    unsend: [{ kind: 'deleteAnnotation', documentId: annotation.documentId, annotationId: annotation.id }],
    at,
  };
}

export function deleteStep(annotation: Annotation, at = Date.now()): Step {
  const created = createStep(annotation, at);
  return { forward: created.backward, backward: created.forward, send: created.unsend, unsend: created.send, at };
}

/** `after` is `before` with `patch` applied (by the shared rules). */
export function updateStep(before: Annotation, after: Annotation, patch: AnnotationPatch, at = Date.now()): Step {
  const target = { kind: 'updateAnnotation' as const, documentId: before.documentId, annotationId: before.id };
  // Put back every field the patch touched, as it was.
  const restore: AnnotationPatch = {
    ...(patch.start !== undefined && { start: before.start }),
    ...(patch.end !== undefined && { end: before.end }),
    ...(patch.labelId !== undefined && { labelId: before.labelId }),
    ...(patch.speakerId !== undefined && { speakerId: before.speakerId }),
    ...(patch.note !== undefined && { note: before.note }),
    ...(patch.quoteKind !== undefined && { quoteKind: before.quoteKind ?? null }),
    ...(patch.claim !== undefined && before.claim && { claim: before.claim }),
  };
  return {
    forward: [{ kind: 'put', annotation: after }],
    backward: [{ kind: 'put', annotation: before }],
    send: [{ ...target, ...patch }],
    unsend: [{ ...target, ...restore }],
    // A note typed key by key, or a span nudged word by word, is one step.
    mergeKey:
      patch.note !== undefined && Object.keys(patch).length === 1
        ? `note:${before.id}`
        : Object.keys(patch).every((key) => key === 'start' || key === 'end')
          ? `span:${before.id}`
          : patch.claim && Object.keys(patch).length === 1 && (patch.claim.sources || patch.claim.tags)
            ? `claim-text:${before.id}`
            : undefined,
    at,
  };
}

export function speakerStep(speaker: Speaker, at = Date.now()): Step {
  return {
    forward: [{ kind: 'add-speaker', speaker }],
    backward: [{ kind: 'remove-speaker', speakerId: speaker.id }],
    send: [
      {
        kind: 'createSpeaker',
        speakerId: speaker.id,
        name: speaker.name,
        aliases: speaker.aliases,
        role: speaker.role,
        organisation: speaker.organisation,
        notes: speaker.notes,
        createdAt: speaker.createdAt,
      },
    ],
    unsend: [{ kind: 'deleteSpeaker', speakerId: speaker.id }],
    at,
  };
}

/** Fields of a speaker edited in the speaker panel. */
export type SpeakerPatch = Partial<Pick<Speaker, 'name' | 'aliases' | 'role' | 'organisation' | 'notes'>>;

export function speakerEditStep(before: Speaker, patch: SpeakerPatch, at = Date.now()): Step {
  const restore = Object.fromEntries(Object.keys(patch).map((key) => [key, before[key as keyof SpeakerPatch]])) as SpeakerPatch;
  return {
    forward: [{ kind: 'add-speaker', speaker: { ...before, ...patch } }],
    backward: [{ kind: 'add-speaker', speaker: before }],
    send: [{ kind: 'updateSpeaker', speakerId: before.id, ...patch }],
    unsend: [{ kind: 'updateSpeaker', speakerId: before.id, ...restore }],
    mergeKey: `speaker:${before.id}:${Object.keys(patch).join(',')}`,
    at,
  };
}

/**
 * Merging `merged` into `survivor`. `elsewhere` lists every highlight of `merged` in the
 * workspace (asked for before merging), so undoing points each back at it; `here` holds the
 * open document's highlights, changed on screen at once.
 */
export function mergeStep(
  survivor: Speaker,
  merged: Speaker,
  elsewhere: { documentId: string; annotationId: string }[],
  here: Annotation[],
  at = Date.now(),
): Step {
  const names = new Set([survivor.name.toLowerCase()]);
  const aliases = [...survivor.aliases, merged.name, ...merged.aliases].filter((alias) => !names.has(alias.toLowerCase()) && !!names.add(alias.toLowerCase()));
  const after: Speaker = {
    ...survivor,
    aliases,
    role: survivor.role || merged.role,
    organisation: survivor.organisation || merged.organisation,
    notes: [survivor.notes, merged.notes].filter(Boolean).join('\n\n'),
  };
  const moved = here.filter((a) => a.speakerId === merged.id);
  return {
    forward: [
      { kind: 'add-speaker', speaker: after },
      { kind: 'remove-speaker', speakerId: merged.id },
      ...moved.map((a): LocalOp => ({ kind: 'put', annotation: { ...a, speakerId: survivor.id } })),
    ],
    backward: [{ kind: 'add-speaker', speaker: merged }, { kind: 'add-speaker', speaker: survivor }, ...moved.map((a): LocalOp => ({ kind: 'put', annotation: a }))],
    send: [{ kind: 'mergeSpeakers', survivorId: survivor.id, mergedId: merged.id }],
    unsend: [
      {
        kind: 'createSpeaker',
        speakerId: merged.id,
        name: merged.name,
        aliases: merged.aliases,
        role: merged.role,
        organisation: merged.organisation,
        notes: merged.notes,
        createdAt: merged.createdAt,
      },
      { kind: 'updateSpeaker', speakerId: survivor.id, aliases: survivor.aliases, role: survivor.role, organisation: survivor.organisation, notes: survivor.notes },
      ...elsewhere.map((a): Change => ({ kind: 'updateAnnotation', documentId: a.documentId, annotationId: a.annotationId, speakerId: merged.id })),
    ],
    at,
  };
}

/** One claim the desk changes: its row before and after, and its highlight if its document is open. */
export interface DeskClaimEdit {
  before: ClaimRow;
  after: ClaimRow;
  open?: { before: Annotation; after: Annotation };
}

/** The desk's verdict or reviewer note on one or more claims (a bulk verdict is one step). */
/**
 * `decision`: a status set here is the editor's decision (the service records her as the claim's
 * reviewer); false for the other versions a pick brings into line (see use-review-desk's pickVersion).
 */
export function deskClaimStep(edits: DeskClaimEdit[], claim: DeskClaimPatch, at = Date.now(), decision = true): Step {
  const flag = decision && claim.status !== undefined ? { deskDecision: true as const } : {};
  const target = (row: ClaimRow) => ({ kind: 'updateAnnotation' as const, documentId: row.documentId, annotationId: row.annotationId, ...flag });
  const ops = (side: 'before' | 'after') =>
    edits.flatMap((edit): LocalOp[] => [{ kind: 'put-claim', row: edit[side] }, ...(edit.open ? [{ kind: 'put' as const, annotation: edit.open[side] }] : [])]);
  const restore = (row: ClaimRow): DeskClaimPatch => ({
    ...(claim.status !== undefined && { status: row.status }),
    // A verdict settles the claim's conflicts (the service clears them): an undo brings them back.
    ...(claim.status !== undefined && conflictsOf(row).length > 0 && { conflicts: conflictsOf(row) }),
    ...(claim.reviewerNote !== undefined && { reviewerNote: row.reviewerNote }),
    ...(claim.publicSummary !== undefined && { publicSummary: row.publicSummary ?? '' }),
  });
  const only = edits.length === 1 ? edits[0]! : null;
  return {
    forward: ops('after'),
    backward: ops('before'),
    send: edits.map((edit) => ({ ...target(edit.before), claim })),
    unsend: edits.map((edit) => ({ ...target(edit.before), claim: restore(edit.before) })),
    // A reviewer note typed key by key is one step.
    mergeKey: only && claim.status === undefined ? `${claim.publicSummary !== undefined ? 'public-summary' : 'reviewer-note'}:${only.before.documentId}/${only.before.annotationId}` : undefined,
    desk: true,
    at,
  };
}

/** Several steps as one: done in order, undone in reverse. */
export function combine(steps: Step[]): Step {
  return {
    forward: steps.flatMap((s) => s.forward),
    backward: [...steps].reverse().flatMap((s) => s.backward),
    send: steps.flatMap((s) => s.send),
    unsend: [...steps].reverse().flatMap((s) => s.unsend),
    at: steps[steps.length - 1]?.at ?? Date.now(),
  };
}

export class History {
  private done: Step[] = [];
  private undone: Step[] = [];

  record(step: Step): void {
    const last = this.done[this.done.length - 1];
    if (last && step.mergeKey && last.mergeKey === step.mergeKey && step.at - last.at < MERGE_MS) {
      this.done[this.done.length - 1] = { ...step, backward: last.backward, unsend: last.unsend, send: [...last.send, ...step.send] };
    } else {
      this.done.push(step);
    }
    this.undone = [];
  }

  /** `only`: undo the last step only if it is one of these (the desk undoes its own steps). */
  undo(only: (step: Step) => boolean = () => true): Step | null {
    const last = this.done[this.done.length - 1];
    if (!last || !only(last)) return null;
    const step = this.done.pop()!;
    this.undone.push(step);
    return step;
  }

  redo(only: (step: Step) => boolean = () => true): Step | null {
    const next = this.undone[this.undone.length - 1];
    if (!next || !only(next)) return null;
    const step = this.undone.pop()!;
    if (step) this.done.push({ ...step, mergeKey: undefined });
    return step ?? null;
  }

  clear(): void {
    this.done = [];
    this.undone = [];
  }

  /** The step an undo would take back (the last done), and the one a redo would make again. */
  get lastDone(): Step | undefined {
    return this.done[this.done.length - 1];
  }

  get lastUndone(): Step | undefined {
    return this.undone[this.undone.length - 1];
  }

  get canUndo(): boolean {
    return this.done.length > 0;
  }

  get canRedo(): boolean {
    return this.undone.length > 0;
  }
}
