import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatTimestamp, parseTimestamp, parseVideoUrl } from '../../server/src/core/model/talks';

describe('video URLs and timestamps', () => {
  it('parses video URLs: ids, hosts and timestamps', () => {
    const cases: [string, string | undefined, string | undefined, number | undefined][] = [
      ['https://www.youtube.com/watch?v=AbCdEfGhIjK', 'youtube', 'AbCdEfGhIjK', undefined],
      ['https://youtube.com/watch?v=AbCdEfGhIjK&t=95', 'youtube', 'AbCdEfGhIjK', 95],
      ['https://youtu.be/AbCdEfGhIjK?t=1m35s', 'youtube', 'AbCdEfGhIjK', 95],
      ['https://www.youtube.com/embed/AbCdEfGhIjK?start=3723', 'youtube', 'AbCdEfGhIjK', 3723],
      ['https://m.youtube.com/watch?v=AbCdEfGhIjK#t=1h2m3s', 'youtube', 'AbCdEfGhIjK', 3723],
      ['https://vimeo.com/123456789#t=95s', 'vimeo', '123456789', 95],
      ['https://video.fosdem.org/2024/ua2220/talk.webm', 'fosdem', undefined, undefined],
      ['https://example.dev/talk.mp4', 'file', undefined, undefined],
    ];
    for (const [url, host, id, seconds] of cases) {
      const video = parseVideoUrl(url);
      assert.deepEqual([video?.host, video?.id, video?.timestampSeconds], [host, id, seconds], url);
    }
    assert.equal(parseVideoUrl('https://example.dev/blog'), undefined);
    assert.equal(parseVideoUrl('example.dev'), undefined);
    assert.equal(parseVideoUrl('https://www.youtube.com/playlist?list=PLx'), undefined);
  });

  it('parses and formats timestamps', () => {
    assert.equal(parseTimestamp('95'), 95);
    assert.equal(parseTimestamp('95s'), 95);
    assert.equal(parseTimestamp('1m35s'), 95);
    assert.equal(parseTimestamp('1:35'), 95);
    assert.equal(parseTimestamp('01:02:03'), 3723);
    assert.equal(parseTimestamp('soon'), undefined);
    assert.equal(formatTimestamp(95), '1:35');
    assert.equal(formatTimestamp(3723), '1:02:03');
  });
});
