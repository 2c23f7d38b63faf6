/**
 * The English strings of the main files, in a chunk of their own: Simplified Chinese is the
 * default and ships with the first page; English is fetched when someone chooses it (or has
 * chosen it before), and by the staff console, which prints letters in either language.
 */
import type { RefusalReason } from '@yishi/contracts';
import type { AppErrorCode } from '../lib/api-client';
import en from './en.json';
// The type straight from the Chinese file (resources.ts imports this module, lazily).
import type zhCN from './zh-CN.json';

type MainTranslation = typeof zhCN;

// Compile-time checks: English covers the Chinese keys, every error code and every refusal reason
// of the API (resources.spec.ts says which one is missing).
const englishCoversChinese: MainTranslation = en;
const englishErrors: Record<AppErrorCode, string> = en.errors;
const englishRefusals: Record<RefusalReason, string> = en.refusals;
void [englishErrors, englishRefusals];

export const english: MainTranslation = englishCoversChinese;
