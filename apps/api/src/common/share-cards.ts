import fs from 'node:fs';
import path from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * The card a chat app (WeChat, QQ) shows for a shared link: the page's title and a summary, from
 * Open Graph tags in the HTML it fetches without a session. Only what a signed-out visitor may see
 * goes in: a vote, consultation, session or topic is named by its kind alone, from the link's shape
 * (nothing is looked up, so the card does not even tell whether it exists); a published result's
 * public link (/r/…) carries its title and verdict, which anyone holding the link may read.
 */

export interface Card {
  title: string;
  description: string;
}

/** The cards by kind of page, in Simplified Chinese (the residents' language; chats show one). */
export const KIND_CARDS = {
  vote: { title: '一项表决 · 议事', description: '小区、经济社的表决。登录议事后查看，并在截止前投票。' },
  result: { title: '表决结果 · 议事', description: '一项表决的结果公示。登录议事后查看每一项数字和计票说明。' },
  consultation: { title: '一项议事 · 议事', description: '居民一起商量的事：阅读草案，逐条发表意见。登录议事后查看。' },
  session: { title: '议事会 · 议事', description: '一次居民议事会的通知和纪要。登录议事后查看。' },
  topic: { title: '居民议题 · 议事', description: '居民提出的议题。登录议事后查看和附议。' },
} as const satisfies Record<string, Card>;

const KIND_OF_PATH: [RegExp, keyof typeof KIND_CARDS][] = [
  [/^\/votes\/[^/]+\/(result|board)\/?$/, 'result'],
  [/^\/votes\/[^/]+\/?$/, 'vote'],
  [/^\/consultations\/[^/]+(\/report)?\/?$/, 'consultation'],
  [/^\/sessions\/[^/]+(\/minutes|\/check-in)?\/?$/, 'session'],
  [/^\/topics\/[^/]+\/?$/, 'topic'],
];

const PUBLIC_RESULT = /^\/r\/([0-9a-z-]{20,60})\/?$/i;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The page with its title, description and Open Graph tags set to the card's. */
export function withCard(indexHtml: string, card: Card, url: string | null): string {
  const title = escapeHtml(card.title);
  const description = escapeHtml(card.description);
  const tags = [
    `<meta property="og:type" content="website" />`,
    `<meta property="og:site_name" content="议事" />`,
    `<meta property="og:locale" content="zh_CN" />`,
    `<meta property="og:title" content="${title}" />`,
    `<meta property="og:description" content="${description}" />`,
    ...(url ? [`<meta property="og:url" content="${escapeHtml(url)}" />`] : []),
  ].join('\n    ');
  return indexHtml
    .replace(/\s*<meta property="og:[^"]*" content="[^"]*"\s*\/?>/g, '')
    // Replacement functions: a title is the convenor's text, and `$&` or `$'` in it is not a pattern.
    .replace(/<title>[^<]*<\/title>/, () => `<title>${title}</title>`)
    .replace(/<meta name="description" content="[^"]*"\s*\/?>/, () => `<meta name="description" content="${description}" />`)
    .replace('</head>', () => `  ${tags}\n  </head>`);
}

/** The path of a request target, without its query. */
function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

/**
 * The web client's pages that are no file (the client routes them): GET and HEAD of any path the
 * static files and the API do not have. A path under /api/ is the API's 404; a page with a card
 * of its own is index.html carrying it; every other page is index.html as built (the site's own
 * card). `publicResult` gives the card of a published result's public link, or null for a key that
 * opens nothing (then the result's kind card, the same as for a key never issued).
 */
export function webClientPages(
  webDist: string,
  publicResult: (token: string) => Promise<Card | null>,
  publicUrl: string | undefined,
): (request: FastifyRequest, reply: FastifyReply) => Promise<void> {
  const indexHtml = fs.readFileSync(path.join(webDist, 'index.html'), 'utf8');
  return async (request, reply) => {
    const urlPath = pathOf(request.url);
    if (urlPath === '/api' || urlPath.startsWith('/api/')) {
      reply.callNotFound();
      return;
    }
    // The same for everyone (no session is read), but the page names the current build's files.
    reply.header('Cache-Control', 'no-cache').type('text/html; charset=utf-8');
    const token = PUBLIC_RESULT.exec(urlPath)?.[1];
    const kind = token ? null : KIND_OF_PATH.find(([pattern]) => pattern.test(urlPath))?.[1];
    const card = token ? ((await publicResult(token).catch(() => null)) ?? KIND_CARDS.result) : kind ? KIND_CARDS[kind] : null;
    await reply.send(card ? withCard(indexHtml, card, publicUrl ? `${publicUrl}${urlPath}` : null) : indexHtml);
  };
}
