import type { LetterMade } from '../action-log/record-letters';
import { channelForFormat } from '../action-log/action-record';
import { caseDisplayId } from '../cases/case-summary';
import { buildLetter, buildSignature, letterTextNamesSender } from '../letters/letter';
import type { LetterTemplates } from '../letters/letter-templates';
import { memberLetterChoice } from '../letters/member-letter';
import type { BatchChunk } from '../pdf/batch-pdf';
import { BLANK_LABELS, personalContentOf, sharedContentOf, sharedTexts, type PersonalContent, type SharedLetterContent } from '../pdf/letter-layout';
import type { Sender } from '../profile/sender';
import type { Signer } from '../signers/read-signers';
import type { OfficialPlan } from './plan-batch';

/** Letters sent to the PDF worker at a time. */
export const CHUNK_LETTERS = 50;

export interface BatchLettersRequest {
  plans: readonly OfficialPlan[];
  /** The members who sign, or undefined for blank letters. */
  signers: readonly Signer[] | undefined;
  /** Letters per official: the signers, or the --blank count. */
  signerCount: number;
  templates: LetterTemplates;
  now: Date;
  /** --language: every letter in it (each case has it, checked before). */
  language?: string;
}

/**
 * Every letter of a batch in mailing order, official by official, each member's letter in turn,
 * in chunks for the PDF worker: made one chunk at a time, so the worker lays out one while the
 * next is made. A letter whose text names no sender is the same for every member from one
 * country but for the signature: it is built once per country, and only the signature for
 * each member; the worker lays out each shared letter once.
 */
export function* batchChunks({ plans, signers, signerCount, templates, now, language }: BatchLettersRequest): Generator<BatchChunk> {
  let sharedCount = 0;
  let chunk: BatchChunk = { shared: [], letters: [], fontSources: signatureFontSources() };
  for (const plan of plans) {
    // The shared letters of this official so far: usually one, or one per sender country,
    // language and wording. A member's own sentence makes their letter theirs alone.
    const known: { content: SharedLetterContent; index: number; key: string }[] = [];
    const textNamesSender = letterTextNamesSender(plan.record, templates);
    for (let i = 0; i < signerCount; i++) {
      const signer = signers?.[i];
      const sender: Sender = signer ?? { name: '' };
      const { choice, shareKey } = memberLetterChoice(plan.record, signer, i, language);
      const key = `${sender.country ?? ''}\u0000${shareKey}`;
      const reuse = textNamesSender || shareKey === undefined ? undefined : known.find((entry) => entry.key === key);
      let index: number;
      let personal: PersonalContent;
      if (reuse) {
        index = reuse.index;
        personal = signer ? { kind: 'signed', sender: signer, signature: buildSignature(plan.record, plan.official, signer, now, templates, choice) } : { kind: 'blank' };
      } else {
        const letter = buildLetter(plan.record, plan.official, sender, now, templates, choice);
        const content = sharedContentOf(letter);
        const same = known.find((entry) => sameSharedContent(entry.content, content));
        if (same) index = same.index;
        else {
          index = sharedCount++;
          known.push({ content, index, key });
          chunk.shared.push(content);
          chunk.fontSources.push({ what: `the letter of ${caseDisplayId(plan.record.definition)} to ${plan.official.name}`, texts: sharedTexts(content) });
        }
        personal = signer ? personalContentOf(letter) : { kind: 'blank' };
      }
      chunk.letters.push({ shared: index, personal });
      if (chunk.letters.length === CHUNK_LETTERS) {
        yield chunk;
        chunk = { shared: [], letters: [], fontSources: [] };
      }
    }
  }
  if (chunk.letters.length) yield chunk;
}

export function sameSharedContent(a: SharedLetterContent, b: SharedLetterContent): boolean {
  const sameLines = (x: readonly string[], y: readonly string[]) => x.length === y.length && x.every((line, index) => line === y[index]);
  return a.language === b.language && a.date === b.date && a.salutation === b.salutation && a.closing === b.closing && sameLines(a.recipientLines, b.recipientLines) && sameLines(a.paragraphs, b.paragraphs);
}

/**
 * Text of the letters' signature blocks to check against the fonts before the first letter is
 * written. Members' names are not checked here: a member no font can show signs by hand (the
 * PDF writer gives their letters the blank block) and the batch goes on.
 */
export function signatureFontSources(): BatchChunk['fontSources'] {
  return [{ what: 'the blank signature block', texts: [...BLANK_LABELS] }];
}

/** How many of a batch's letters are in each language, most first. */
export function batchLanguageCounts(plans: readonly OfficialPlan[], signers: readonly Signer[] | undefined, signerCount: number, language: string | undefined): [string, number][] {
  const counts = new Map<string, number>();
  for (const plan of plans) {
    for (let i = 0; i < signerCount; i++) {
      const chosen = memberLetterChoice(plan.record, signers?.[i], i, language).choice.language;
      counts.set(chosen, (counts.get(chosen) ?? 0) + 1);
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1]);
}

/** Every letter a batch made, one at a time as the action log records them. */
export function* batchLettersMade(plans: readonly OfficialPlan[], signers: readonly Signer[] | undefined, signerCount: number, file: string): Generator<LetterMade> {
  for (const plan of plans) {
    for (let i = 0; i < signerCount; i++) {
      // Each blank letter is a letter of its own: its copy number keeps it apart, and the same
      // batch printed again records the same letters.
      const signer = signers?.[i];
      yield { case: plan.record.definition.id, official: plan.official.id, format: 'pdf', channel: channelForFormat('pdf'), sender: signer?.name ?? null, file, ...(signer ? {} : { copy: i + 1 }) };
    }
  }
}
