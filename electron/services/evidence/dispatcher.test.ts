import { describe, expect, it } from 'vitest';
import type { evidenceContract } from '../../../shared/evidence/contract';
import { EVIDENCE_TRANSFER } from '../../../shared/evidence/schema';
import type { Result } from '../../../shared/ipc/result';
import { createDispatcher } from '../dispatcher';
import { createHandlers } from '../handlers';
import { b64, evidenceSetUp, pdf, photo } from './test-fixtures';

const uuid = '00000000-0000-4000-8000-000000000001';

/** Requests a hostile or broken renderer might send, per channel; each must come back as a validation error. */
const hostile: Record<keyof typeof evidenceContract, unknown[]> = {
  'evidence:list': [{}, { assessmentId: '../../etc' }, { assessmentId: uuid, all: true }],
  'evidence:upload-chunk': [
    { uploadId: null, offset: -1, chunkBase64: 'AAAA' },
    { uploadId: null, offset: 0, chunkBase64: 'not base64!' },
    { uploadId: null, offset: 0, chunkBase64: 'A'.repeat(Math.ceil(EVIDENCE_TRANSFER.uploadChunkBytes / 3) * 4 + 4) },
  ],
  'evidence:attach': [
    { assessmentId: uuid, links: [], evidenceType: 'PHOTO', caption: '', files: [] },
    { assessmentId: uuid, links: [], evidenceType: 'PHOTO', caption: '', files: [{ name: 'a.jpg', path: '/etc/passwd' }] },
    {
      assessmentId: uuid,
      links: [{ criterionId: '../x', programmeId: null }],
      evidenceType: 'PHOTO',
      caption: '',
      files: [{ name: 'a', contentBase64: '' }],
    },
    { assessmentId: uuid, links: [], evidenceType: 'photo; DROP TABLE', caption: '', files: [{ name: 'a', contentBase64: '' }] },
    // Over the inline limit in total, though each file alone is under it.
    {
      assessmentId: uuid,
      links: [],
      evidenceType: 'PHOTO',
      caption: '',
      files: [0, 1].map(() => ({ name: 'a.jpg', contentBase64: 'A'.repeat(Math.ceil(EVIDENCE_TRANSFER.inlineBytes / 3) * 2 + 4) })),
    },
  ],
  'evidence:attach-from-dialog': [{ assessmentId: uuid, links: [], evidenceType: 'DOC', caption: '', paths: ['/etc/passwd'] }],
  'evidence:update': [
    { itemId: uuid, revision: -1, caption: '', evidenceType: 'DOC' },
    { itemId: uuid, revision: 0, caption: 'x'.repeat(501), evidenceType: 'DOC' },
  ],
  'evidence:link': [{ itemId: uuid, revision: 0, links: [] }],
  'evidence:remove': [
    { itemId: uuid, revision: 0 },
    { itemId: 'x', revision: 0, from: null },
  ],
  'evidence:thumbnail': [{ itemId: 'a'.repeat(64) }, { sha256: 'a'.repeat(64) }],
  'evidence:content': [{ itemId: '../../../etc/passwd' }, { path: '/etc/passwd' }],
  'evidence:open-external': [{ itemId: uuid, path: '/bin/sh' }],
  'evidence:verify-all': [{}, { assessmentId: 'all' }],
};

describe('evidence channels', () => {
  it('refuse malformed and hostile requests before any service sees them', async () => {
    const { s } = evidenceSetUp();
    const dispatch = createDispatcher(createHandlers(s, 'browser'));
    for (const [channel, requests] of Object.entries(hostile)) {
      for (const request of requests) {
        const r = await dispatch(channel, request);
        expect(r.ok, `${channel} ${JSON.stringify(request).slice(0, 120)}`).toBe(false);
        expect((r as Extract<Result<unknown>, { ok: false }>).error.code).toBe('validation');
      }
    }
  });

  it('attach, list, view and remove through the contract, with the responses it promises', async () => {
    const { s, assessment } = evidenceSetUp();
    const dispatch = createDispatcher(createHandlers(s, 'browser'));
    const bytes = await photo();
    const attached = await dispatch('evidence:attach', {
      assessmentId: assessment.id,
      links: [{ criterionId: 'IF-04', programmeId: null }],
      evidenceType: 'PHOTO',
      caption: '  Blocked fire exit  ',
      files: [
        { name: 'exit.jpg', contentBase64: b64(bytes) },
        { name: 'policy.pdf', contentBase64: b64(pdf()) },
      ],
    });
    expect(attached).toMatchObject({
      ok: true,
      value: { deduplicated: 0, items: [{ caption: 'Blocked fire exit' }, { mediaType: 'application/pdf' }] },
    });
    const list = await dispatch('evidence:list', { assessmentId: assessment.id });
    expect(list).toMatchObject({
      ok: true,
      value: { totalBytes: bytes.length + pdf().length, limits: { maxFileBytes: 25 * 1024 * 1024 } },
    });
    const item = (list as { value: { items: { id: string; revision: number; mediaType: string }[] } }).value.items.find(
      (i) => i.mediaType === 'image/jpeg',
    )!;
    expect(await dispatch('evidence:thumbnail', { itemId: item.id })).toMatchObject({
      ok: true,
      value: { thumbnail: { mediaType: 'image/webp' } },
    });
    expect(await dispatch('evidence:content', { itemId: item.id })).toMatchObject({
      ok: true,
      value: { state: 'intact', contentBase64: b64(bytes) },
    });
    expect(await dispatch('evidence:verify-all', { assessmentId: null })).toMatchObject({ ok: true, value: { files: 2, intact: 2 } });
    expect(await dispatch('evidence:open-external', { itemId: item.id })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await dispatch('evidence:remove', { itemId: item.id, revision: item.revision, from: null })).toEqual({
      ok: true,
      value: { itemRemoved: true, fileRemoved: true },
    });
  });
});
