import { useEffect, useState } from 'react';

/**
 * Previews of chosen photos as data: URLs (the page's content policy allows `data:` images, not
 * `blob:`), read in the background; an entry is null until its file has been read.
 */
export function usePhotoPreviews(files: readonly File[]): (string | null)[] {
  const [previews, setPreviews] = useState<Map<File, string>>(() => new Map());
  useEffect(() => {
    let cancelled = false;
    for (const file of files) {
      if (previews.has(file)) continue;
      const reader = new FileReader();
      reader.onload = () => {
        if (!cancelled && typeof reader.result === 'string') {
          const url = reader.result;
          setPreviews((current) => new Map(current).set(file, url));
        }
      };
      reader.readAsDataURL(file);
    }
    return () => {
      cancelled = true;
    };
  }, [files, previews]);
  return files.map((file) => previews.get(file) ?? null);
}
