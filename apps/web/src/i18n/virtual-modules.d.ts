/**
 * The main strings cut by page at build time (vite-plugins/page-strings.ts): the frame's, and a
 * loader per page of src/app/routes and language (null when the page needs no more than the
 * frame). A part has the shape of the main file, with only some of its branches.
 */
declare module 'virtual:page-strings' {
  export const pageStrings: Readonly<Record<string, Readonly<Record<string, () => Promise<{ default: Record<string, unknown> }>>> | null>>;
}

declare module 'virtual:page-strings/core/zh-CN' {
  const strings: Record<string, unknown>;
  export default strings;
}

declare module 'virtual:page-strings/core/en' {
  const strings: Record<string, unknown>;
  export default strings;
}
