import { Severity } from '../findings';
import { MAX_LINE_LENGTH } from '../model/document';
import type { Rule } from './rule';

const MAX_LONG_LINE_REPORTS = 5;

/** Reported at most this many times per document; a damaged file should not bury the rest. */
const MAX_ENCODING_REPORTS = 20;

export const documentRules: Rule[] = [
  {
    code: 'document/too-large',
    defaultSeverity: Severity.Information,
    summary: 'A document too large to check beyond its front matter.',
    *check({ model }) {
      if (!model.skipped) return;
      const size = (model.text.length / 1_000_000).toFixed(1);
      const limit = (model.skipped.limit / 1_000_000).toFixed(1);
      yield {
        span: { start: model.bomLength, end: model.lines.lineEnd(0) },
        message: `This document has ${size} million characters; Talkdown checks only the front matter of documents over ${limit} million (setting: talkdown.maxFileSize).`,
      };
    },
  },
  {
    code: 'document/long-line',
    defaultSeverity: Severity.Information,
    summary: 'A line too long to check.',
    *check({ model }) {
      for (const line of model.longLines.slice(0, MAX_LONG_LINE_REPORTS)) {
        yield {
          span: { start: line.start, end: Math.min(line.end, line.start + 1) },
          message: `This line has ${line.end - line.start} characters; Talkdown does not check lines over ${MAX_LINE_LENGTH}.`,
        };
      }
    },
  },
  {
    code: 'document/invalid-encoding',
    defaultSeverity: Severity.Warning,
    summary: 'Text that was not valid UTF-8 when it was read (U+FFFD replacement characters).',
    *check({ model }) {
      const { text } = model;
      let count = 0;
      for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) {
        let end = i + 1;
        while (text.charCodeAt(end) === 0xfffd) end++;
        count++;
        if (count <= MAX_ENCODING_REPORTS) {
          yield {
            span: { start: i, end },
            message:
              'Unreadable bytes: this file is not valid UTF-8 here, so the characters were replaced with U+FFFD. ' +
              'Re-save the file as UTF-8 from a copy that still has the original text.',
          };
        }
        i = end - 1;
      }
    },
  },
];
