/** What a topic must be before it is worth sending (the API checks again). */
import { LIMITS } from '@yishi/contracts';
import type { FileProblem } from '../../../lib/upload';
import { checkFile } from '../../../lib/upload';
import { checkPlainText } from '../../../lib/text-length';

export const PHOTO_RULES = { maxBytes: LIMITS.fileBytes, extensions: ['.jpg', '.jpeg', '.png', '.webp'] } as const;
export const PHOTO_ACCEPT = 'image/jpeg,image/png,image/webp';

export interface TopicDraft {
  title: string;
  body: string;
}

export type TopicField = 'title' | 'body';
export type TopicProblem = 'titleRequired' | 'titleTooLong' | 'bodyTooLong';

export function checkTopic(draft: TopicDraft): Partial<Record<TopicField, TopicProblem>> {
  const problems: Partial<Record<TopicField, TopicProblem>> = {};
  const title = checkPlainText(draft.title, LIMITS.topicTitle);
  if (title === 'empty') problems.title = 'titleRequired';
  else if (title === 'tooLong' || draft.title.includes('\n')) problems.title = 'titleTooLong';
  if (checkPlainText(draft.body, LIMITS.topicBody, false) === 'tooLong') problems.body = 'bodyTooLong';
  return problems;
}

/** Photos to add to the chosen ones: those that pass, and the problems of the others; never more than three in all. */
export function choosePhotos(
  chosen: readonly File[],
  added: readonly File[],
): { photos: File[]; refused: { name: string; problem: FileProblem | { kind: 'tooMany'; max: number } }[] } {
  const photos = [...chosen];
  const refused: { name: string; problem: FileProblem | { kind: 'tooMany'; max: number } }[] = [];
  for (const file of added) {
    const problem = checkFile(file, PHOTO_RULES);
    if (problem) refused.push({ name: file.name, problem });
    else if (photos.length >= LIMITS.topicPhotos) refused.push({ name: file.name, problem: { kind: 'tooMany', max: LIMITS.topicPhotos } });
    else photos.push(file);
  }
  return { photos, refused };
}
