// Two windows naming one person at once get one speaker, and every change made with either id lands on it.
import { describe, expect, it } from 'vitest';
import type { Change } from '../../../electron/contract/api.js';
import { speakerNameKey } from '../../../electron/contract/speaker-names.js';
import { AnnotatorService } from '../../../electron/services/annotator-service.js';
import { WorkspaceStore } from '../../../electron/services/store/workspace-store.js';
import { annotationsOnDisk, createChange, importText, useWorkspaces, workspaceOnDisk } from '../../helpers/workspace.js';

const ws = useWorkspaces();

const STORY = 'Robert Wood said the bridge would open in May. Bob Wood later said June.';

async function setup() {
  const dir = await ws.tempDir('annotator-speakers-');
  const service = await ws.openService(dir);
  const doc = await importText(service, 'story.txt', STORY);
  return { dir, service, doc };
}

const createSpeaker = (speakerId: string, name: string, aliases?: string[]): Change => ({ kind: 'createSpeaker', speakerId, name, ...(aliases && { aliases }) });
const attribute = (documentId: string, annotationId: string, speakerId: string | null): Change => ({ kind: 'updateAnnotation', documentId, annotationId, speakerId });

/** What the next start of the app reads. */
async function reloaded(dir: string) {
  const service = new AnnotatorService(await WorkspaceStore.open(dir), 'browser');
  return { service, session: await service.getSession() };
}

describe('one speaker per name', () => {
  it('gives two windows creating "Robert Wood" and "robert  wood" at once one speaker, with both attributions on it', async () => {
    const { dir, service, doc } = await setup();
    const [first, second] = await Promise.all([
      service.applyChanges([createChange(doc.id, 'ann-a', 0, 11), createSpeaker('spk-window-a', 'Robert Wood'), attribute(doc.id, 'ann-a', 'spk-window-a')]),
      service.applyChanges([createSpeaker('spk-window-b', 'robert  wood'), createChange(doc.id, 'ann-b', 12, 16, { speakerId: 'spk-window-b' })]),
    ]);
    expect(first).toEqual({ applied: 3, refused: [] });
    expect(second).toEqual({ applied: 2, refused: [] });

    const { session } = await reloaded(dir);
    expect(session.speakers.map((s) => [s.id, s.name])).toEqual([['spk-window-a', 'Robert Wood']]);
    const onDisk = (await annotationsOnDisk(dir, doc.id)).annotations;
    expect(onDisk.map((a) => [a.id, a.speakerId])).toEqual([
      ['ann-a', 'spk-window-a'],
      ['ann-b', 'spk-window-a'],
    ]);
  });

  it('takes the second window’s later changes made with its own id onto the one speaker', async () => {
    const { dir, service, doc } = await setup();
    await service.applyChanges([createChange(doc.id, 'ann-a', 0, 11), createSpeaker('spk-a', 'Robert Wood')]);
    await service.applyChanges([createSpeaker('spk-b', 'ROBERT WOOD')]);
    // Later, in the second window: an attribution, an edit of the speaker, and its appearances.
    const later = await service.applyChanges([attribute(doc.id, 'ann-a', 'spk-b'), { kind: 'updateSpeaker', speakerId: 'spk-b', role: 'Mayor' }]);
    expect(later).toEqual({ applied: 2, refused: [] });
    expect((await service.listSpeakerAppearances('spk-b')).map((a) => a.annotationId)).toEqual(['ann-a']);
    // The second window's batch sent again (its outbox after a reload) still makes no second speaker.
    expect(await service.applyChanges([createSpeaker('spk-b', 'ROBERT WOOD')])).toEqual({ applied: 1, refused: [] });

    await service.store.flush();
    expect((await workspaceOnDisk(dir)).speakers).toMatchObject([{ id: 'spk-a', name: 'Robert Wood', role: 'Mayor' }]);
    expect((await annotationsOnDisk(dir, doc.id)).annotations.map((a) => a.speakerId)).toEqual(['spk-a']);
  });

  it('finds the speaker by its other names, and by the new speaker’s other names', async () => {
    const { dir, service } = await setup();
    await service.applyChanges([createSpeaker('spk-robert', 'Robert Wood', ['Bob Wood'])]);
    await service.applyChanges([createSpeaker('spk-bob', 'bob wood'), createSpeaker('spk-r', 'R. Wood', ['Robert Wood'])]);
    await service.store.flush();
    expect((await workspaceOnDisk(dir)).speakers.map((s) => s.id)).toEqual(['spk-robert']);
  });

  it('keeps names that differ by more than case, spacing or Unicode form apart', async () => {
    const { dir, service } = await setup();
    await service.applyChanges([
      createSpeaker('spk-composed', 'Jos\u00e9 Garc\u00eda'),
      createSpeaker('spk-decomposed', 'JOSE\u0301  GARCI\u0301A'),
      createSpeaker('spk-plain', 'Jose Garcia'),
      createSpeaker('spk-other', 'Robert Woods'),
      createSpeaker('spk-wood', 'Robert Wood'),
    ]);
    await service.store.flush();
    expect((await workspaceOnDisk(dir)).speakers.map((s) => s.id)).toEqual(['spk-composed', 'spk-plain', 'spk-other', 'spk-wood']);
  });

  it('undoing the creation that found the speaker already there leaves that speaker alone', async () => {
    const { dir, service, doc } = await setup();
    await service.applyChanges([createChange(doc.id, 'ann-a', 0, 11), createSpeaker('spk-a', 'Robert Wood'), attribute(doc.id, 'ann-a', 'spk-a')]);
    await service.applyChanges([createSpeaker('spk-b', 'Robert Wood')]);
    // The second window's undo of its creation: delete the speaker it made.
    expect(await service.applyChanges([{ kind: 'deleteSpeaker', speakerId: 'spk-b' }])).toEqual({ applied: 1, refused: [] });
    const { session } = await reloaded(dir);
    expect(session.speakers.map((s) => s.id)).toEqual(['spk-a']);
    expect((await annotationsOnDisk(dir, doc.id)).annotations.map((a) => a.speakerId)).toEqual(['spk-a']);
  });

  it('makes the second window’s speaker afresh when it is sent again after the first one was deleted', async () => {
    const { dir, service, doc } = await setup();
    await service.applyChanges([createChange(doc.id, 'ann-a', 0, 11), createSpeaker('spk-a', 'Robert Wood')]);
    await service.applyChanges([createSpeaker('spk-b', 'Robert Wood')]);
    // The first window undoes its creation; then the second window redoes (or resends) its own.
    await service.applyChanges([{ kind: 'deleteSpeaker', speakerId: 'spk-a' }]);
    expect(await service.applyChanges([createSpeaker('spk-b', 'Robert Wood'), attribute(doc.id, 'ann-a', 'spk-b')])).toEqual({ applied: 2, refused: [] });
    const { session } = await reloaded(dir);
    expect(session.speakers.map((s) => s.id)).toEqual(['spk-b']);
    expect((await annotationsOnDisk(dir, doc.id)).annotations.map((a) => a.speakerId)).toEqual(['spk-b']);
  });

  it('undoing a merge brings the merged speaker back, though its name is now an other name of the survivor', async () => {
    const { dir, service, doc } = await setup();
    const made = await service.applyChanges([createSpeaker('spk-robert', 'Robert Wood'), createSpeaker('spk-bob', 'Bob Wood'), createChange(doc.id, 'ann-bob', 47, 55, { speakerId: 'spk-bob' })]);
    expect(made).toEqual({ applied: 3, refused: [] });
    expect(await service.applyChanges([{ kind: 'mergeSpeakers', survivorId: 'spk-robert', mergedId: 'spk-bob' }])).toEqual({ applied: 1, refused: [] });
    expect((await service.getSession()).speakers).toMatchObject([{ id: 'spk-robert', aliases: ['Bob Wood'] }]);
    // What the window sends to undo it (see mergeStep in renderer/src/state/history.ts).
    const undone = await service.applyChanges([
      createSpeaker('spk-bob', 'Bob Wood'),
      { kind: 'updateSpeaker', speakerId: 'spk-robert', aliases: [] },
      attribute(doc.id, 'ann-bob', 'spk-bob'),
    ]);
    expect(undone).toEqual({ applied: 3, refused: [] });
    const { session } = await reloaded(dir);
    expect(session.speakers.map((s) => s.id)).toEqual(['spk-robert', 'spk-bob']);
    expect((await annotationsOnDisk(dir, doc.id)).annotations.map((a) => a.speakerId)).toEqual(['spk-bob']);
  });
});

describe('speakerNameKey', () => {
  it('folds case, spacing, Unicode forms and invisible characters, and keeps diacritics', () => {
    expect(speakerNameKey('  Robert\u00a0\u00a0WOOD \n')).toBe('robert wood');
    expect(speakerNameKey('Jose\u0301')).toBe(speakerNameKey('JOS\u00c9'));
    expect(speakerNameKey('\uff32\uff4f\uff42')).toBe('rob');
    expect(speakerNameKey('Rob\u200bert')).toBe('robert');
    expect(speakerNameKey('Strau\u00df')).toBe(speakerNameKey('STRAUSS'));
    expect(speakerNameKey('Jos\u00e9')).not.toBe(speakerNameKey('Jose'));
    expect(speakerNameKey('\u0141ukasz')).not.toBe(speakerNameKey('Lukasz'));
  });
});

describe('one speaker per name in transcripts', () => {
  it('finds a speaker the registry has under another Unicode form of the name the transcript gives', async () => {
    const { dir, service } = await setup();
    await service.applyChanges([createSpeaker('spk-jose', 'Jos\u00e9 Ortiz')]);
    const transcript = 'JOSE\u0301 ORTIZ: The dam opens in May.\nMODERATOR: Thank you.\nJOSE\u0301 ORTIZ: Or June.\n';
    const doc = await importText(service, 'debate.txt', transcript);
    expect(doc.format).toBe('transcript');
    expect((await workspaceOnDisk(dir)).speakers.map((s) => s.name)).toEqual(['Jos\u00e9 Ortiz', 'MODERATOR']);
    expect((await service.tagTranscriptLines(doc.id)).tagged).toBe(3);
    expect((await annotationsOnDisk(dir, doc.id)).annotations.filter((a) => a.speakerId === 'spk-jose')).toHaveLength(2);
  });
});
