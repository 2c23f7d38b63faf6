/**
 * 登记线下议题 as data: what was written on the paper or said on the phone, who collected it and
 * when, the resident's name or 匿名, and up to three photos of the paper, checked as the API would.
 */
import type { OfflineChannel } from '@yishi/contracts';
import { LIMITS } from '@yishi/contracts';
import { isDateInput } from '../../../lib/date-input';
import type { FieldErrors } from '../../../lib/forms';

export const NAME_MAX = 50;

/** The channels topics arrive through offline, the commonest first: 意见箱, 走访, 热线, 楼长, 会议, 宣讲会, 书面. */
export const TOPIC_CHANNELS: readonly OfflineChannel[] = ['suggestion_box', 'field_visit', 'hotline', 'building_head', 'meeting', 'briefing', 'paper'];

export interface OfflineTopicDraft {
  channel: OfflineChannel | '';
  title: string;
  body: string;
  collectorName: string;
  collectedOn: string;
  anonymous: boolean;
  residentName: string;
}

export type OfflineTopicField = keyof Omit<OfflineTopicDraft, 'anonymous'> | 'photos';
/** i18n keys under convene.topics.errors. */
export type OfflineTopicProblem = 'channel' | 'titleRequired' | 'tooLong' | 'collector' | 'date' | 'future' | 'resident' | 'tooManyPhotos';

const chars = (text: string): number => [...text.trim()].length;

export function checkOfflineTopic(draft: OfflineTopicDraft, photoCount: number, today: string): FieldErrors<OfflineTopicField> {
  const errors: FieldErrors<OfflineTopicField> = {};
  if (!draft.channel) errors.channel = 'channel';
  if (!draft.title.trim()) errors.title = 'titleRequired';
  else if (chars(draft.title) > LIMITS.topicTitle) errors.title = 'tooLong';
  if (chars(draft.body) > LIMITS.topicBody) errors.body = 'tooLong';
  if (!draft.collectorName.trim()) errors.collectorName = 'collector';
  else if (chars(draft.collectorName) > NAME_MAX) errors.collectorName = 'tooLong';
  if (!isDateInput(draft.collectedOn)) errors.collectedOn = 'date';
  else if (draft.collectedOn > today) errors.collectedOn = 'future';
  if (!draft.anonymous && !draft.residentName.trim()) errors.residentName = 'resident';
  else if (!draft.anonymous && chars(draft.residentName) > NAME_MAX) errors.residentName = 'tooLong';
  if (photoCount > LIMITS.topicPhotos) errors.photos = 'tooManyPhotos';
  return errors;
}

export interface OfflineTopicRequest {
  channel: OfflineChannel;
  title: string;
  body?: string;
  collectorName: string;
  collectedOn: string;
  anonymous: boolean;
  residentName?: string;
}

/** The request; call after checkOfflineTopic found nothing. */
export function toOfflineTopicRequest(draft: OfflineTopicDraft): OfflineTopicRequest {
  const body = draft.body.trim();
  return {
    channel: draft.channel as OfflineChannel,
    title: draft.title.trim(),
    ...(body ? { body } : {}),
    collectorName: draft.collectorName.trim(),
    collectedOn: draft.collectedOn,
    anonymous: draft.anonymous,
    ...(draft.anonymous ? {} : { residentName: draft.residentName.trim() }),
  };
}
