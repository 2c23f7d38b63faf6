/**
 * The whole Chinese main file, for the staff console (which takes every string, in both
 * languages), for unit tests, and as the last resort of a page that showed a key it had not
 * fetched (page-strings.ts). A resident's page fetches the strings it needs instead.
 */
import zhCN from './zh-CN.json';
import type { MainTranslation } from './resources';

export const chinese: MainTranslation = zhCN;
