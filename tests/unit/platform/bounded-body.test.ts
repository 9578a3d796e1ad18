import { describe, expect, it } from 'vitest';
import { AppError, errorStatus } from '../../../worker/platform/errors';
import { readBoundedText } from '../../../worker/platform/http/bounded-body';

const streamOf = (...chunks: Uint8Array[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request('http://localhost/api/lead', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

async function status(work: Promise<unknown>): Promise<number | 'ok'> {
  try {
    await work;
    return 'ok';
  } catch (error) {
    return error instanceof AppError ? errorStatus(error.code) : -1;
  }
}

describe('readBoundedText', () => {
  it('reads a body within the limit, multi-byte characters split across chunks included', async () => {
    const bytes = new TextEncoder().encode('{"name":"Éloïse Côté 👩🏽‍🔧"}');
    const request = post(streamOf(bytes.slice(0, 12), bytes.slice(12, 13), bytes.slice(13)));
    expect(await readBoundedText(request, 1024)).toBe('{"name":"Éloïse Côté 👩🏽‍🔧"}');
  });

  it('refuses a body that declares more than the limit, with 413', async () => {
    // Node's Request sets no Content-Length for a string body; browsers and workerd do.
    expect(await status(readBoundedText(post('x'.repeat(2_000), { 'Content-Length': '2000' }), 1_024))).toBe(413);
  });

  it('refuses a streamed body without a length once it passes the limit', async () => {
    const chunk = new Uint8Array(700).fill(120);
    expect(await status(readBoundedText(post(streamOf(chunk, chunk)), 1_024))).toBe(413);
  });

  it('reads the rest of an oversized body before answering, so the client can read the 413', async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        if (pulled > 10) controller.close();
        else controller.enqueue(new Uint8Array(1_000));
      },
    });
    expect(await status(readBoundedText(post(body), 1_024))).toBe(413);
    expect(pulled).toBe(11); // drained to the end
  });

  it('gives an empty string for no body', async () => {
    expect(await readBoundedText(new Request('http://localhost/', { method: 'POST' }), 10)).toBe('');
  });
});
