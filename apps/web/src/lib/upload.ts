/**
 * File uploads through the one API client. openapi-fetch sends a FormData body as it is (the
 * browser writes the multipart boundary), and the client's session middleware adds the CSRF
 * token to it like to any other write; the schema types a binary field as a string, so a call
 * passes a placeholder body and a serializer that returns the real FormData:
 *
 *   apiClient.POST(path, { params, ...multipartBody({ file }) })
 */

/** What a chosen file must be before it is worth sending. */
export interface FileRules {
  maxBytes: number;
  /** Lower-case extensions with their dot: ['.xlsx', '.csv']. */
  extensions: readonly string[];
}

export type FileProblem = { kind: 'empty' } | { kind: 'tooLarge'; maxBytes: number } | { kind: 'wrongType'; extension: string };

/** `名册.XLSX` → `.xlsx`; '' without an extension. */
export function fileExtension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 || dot === name.length - 1 ? '' : name.slice(dot).toLowerCase();
}

/** Why a file cannot be sent (the server checks again), or null. */
export function checkFile(file: Pick<File, 'name' | 'size'>, rules: FileRules): FileProblem | null {
  const extension = fileExtension(file.name);
  if (!rules.extensions.includes(extension)) return { kind: 'wrongType', extension };
  if (file.size === 0) return { kind: 'empty' };
  if (file.size > rules.maxBytes) return { kind: 'tooLarge', maxBytes: rules.maxBytes };
  return null;
}

/** Whole megabytes, for telling a limit: 10485760 → 10. */
export function megabytes(bytes: number): number {
  return Math.round(bytes / (1024 * 1024));
}

/** The fields as multipart form data; a File keeps its name. */
export function formData(fields: Readonly<Record<string, Blob | string>>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === 'string') data.append(name, value);
    else data.append(name, value, value instanceof File ? value.name : 'blob');
  }
  return data;
}

/**
 * The `body` and `bodySerializer` of an openapi-fetch call that uploads these fields: the body
 * satisfies the generated types (binary fields are strings there), the serializer sends the files.
 */
export function multipartBody<const Fields extends Readonly<Record<string, Blob | string>>>(
  fields: Fields,
): { body: { [K in keyof Fields]: string }; bodySerializer: () => FormData } {
  const body = Object.fromEntries(Object.entries(fields).map(([name, value]) => [name, typeof value === 'string' ? value : ''])) as { [K in keyof Fields]: string };
  return { body, bodySerializer: () => formData(fields) };
}
