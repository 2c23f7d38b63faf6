import { describe, expect, it } from '@jest/globals';
import { CSRF_HEADER } from '@yishi/contracts';
import type { SessionHooks } from '../../../lib/api-client';
import { createApiClient } from '../../../lib/api-client';
import type { RollImportPreview } from './preview-import';
import { previewRollImport } from './preview-import';

const UNIT = 'a01f1e5a-4529-41c5-943b-4d71f54e6173';

const preview: Partial<RollImportPreview> = { importId: null, valid: false, problems: [], problemCount: 0 };

/** A client configured as the app's, answering from `respond` and keeping each request it sends. */
function clientRecording(respond: () => Response) {
  const requests: Request[] = [];
  const hooks: SessionHooks = { csrfToken: () => 'csrf-token-1', onUnauthenticated: () => undefined, onCsrfRejected: () => undefined };
  const client = createApiClient({
    baseUrl: 'http://yishi.test',
    hooks: () => hooks,
    fetch: (request) => {
      requests.push(request);
      return Promise.resolve(respond());
    },
  });
  return { client, requests };
}

const json = (status: number, body: unknown): Response => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('uploading a roll file', () => {
  it('posts the file as multipart form data, with the session’s CSRF token and cookie', async () => {
    const { client, requests } = clientRecording(() => json(200, preview));
    const file = new File(['\uFEFF户号,地址,姓名\r\n'], '南村名册.csv', { type: 'text/csv' });

    await expect(previewRollImport(UNIT, file, client)).resolves.toMatchObject({ valid: false });

    const [request] = requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe(`http://yishi.test/api/units/${UNIT}/roll/imports`);
    expect(request?.headers.get(CSRF_HEADER)).toBe('csrf-token-1');
    expect(request?.credentials).toBe('same-origin');
    // The browser writes the boundary: no JSON content type may be forced on the upload.
    expect(request?.headers.get('Content-Type')).toMatch(/^multipart\/form-data; boundary=/);
    const sent = (await request!.formData()).get('file');
    expect(sent).toBeInstanceOf(File);
    expect((sent as File).name).toBe('南村名册.csv');
    // Byte for byte, the byte-order mark included (the server reads the encoding from it).
    expect([...new Uint8Array(await (sent as File).arrayBuffer())]).toEqual([...new Uint8Array(await file.arrayBuffer())]);
  });

  it('turns a refused file into an ApiError with the API’s code', async () => {
    const { client } = clientRecording(() => json(415, { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Upload the roll as an Excel workbook', details: null }));
    await expect(previewRollImport(UNIT, new File(['x'], 'roll.csv'), client)).rejects.toMatchObject({ name: 'ApiError', code: 'UNSUPPORTED_MEDIA_TYPE', status: 415 });
  });
});
