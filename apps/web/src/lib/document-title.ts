import { useEffect } from 'react';

/** Sets `document.title` while the calling route is shown (and again when the title changes). */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title;
  }, [title]);
}
