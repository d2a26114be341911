import { Severity } from '../../findings';
import { MAX_BLOCK_LENGTH, MAX_BLOCK_MARKUP, MAX_INDENT, MAX_LINE_LENGTH, MAX_NESTING, MAX_SECTION_BLOCKS, MAX_SECTION_LENGTH, MAX_SECTION_LINES, MAX_SECTION_MARKUP } from '../../model/document';
import type { CodeReport, RuleContext, RuleFamily } from '../family';

/** The code of the one note left when a check fails on a document (see `runRules`). */
export const CHECK_FAILED = 'document/check-failed';
export const CHECK_FAILED_INFO = { defaultSeverity: Severity.Information, summary: 'A check that failed on this document; the other checks ran.' };

function* tooLarge({ model }: RuleContext): Iterable<CodeReport> {
  if (!model.skipped) return;
  const size = (model.text.length / 1_000_000).toFixed(1);
  const limit = (model.skipped.limit / 1_000_000).toFixed(1);
  yield {
    code: 'document/too-large',
    span: { start: model.bomLength, end: model.lines.lineEnd(0) },
    message: `This document has ${size} million characters; Talkdown checks only the front matter of documents over ${limit} million (setting: talkdown.maxFileSize).`,
  };
}

function* longLines({ model }: RuleContext): Iterable<CodeReport> {
  for (const line of model.longLines) {
    yield {
      code: 'document/long-line',
      span: { start: line.start, end: Math.min(line.end, line.start + 1) },
      message: `This line has ${line.end - line.start} characters; Talkdown does not check lines over ${MAX_LINE_LENGTH}.`,
    };
  }
}

function* deepLines({ model }: RuleContext): Iterable<CodeReport> {
  for (const line of model.deepLines) {
    yield {
      code: 'document/deep-nesting',
      span: { start: line.start, end: Math.min(line.end, line.start + 1) },
      message: `This line nests more than ${MAX_NESTING} quotes or list items (or is indented past ${MAX_INDENT} columns); Talkdown reads it as a blank line and does not check it.`,
    };
  }
}

function* skippedBlocks({ model }: RuleContext): Iterable<CodeReport> {
  for (const block of model.skippedBlocks) {
    const line = model.lines.range({ start: block.start, end: block.start }).start.line;
    const span = { start: block.start, end: Math.max(block.start, Math.min(block.end, model.lines.lineEnd(line))) };
    const lines = model.lines.range(block).end.line - line + 1;
    const n = (x: number) => x.toLocaleString('en-US');
    if (block.reason === 'long-section') {
      yield {
        code: 'document/long-section',
        span,
        message: `This section passes ${n(MAX_SECTION_LENGTH)} characters, ${n(MAX_SECTION_LINES)} lines, ${n(MAX_SECTION_BLOCKS)} paragraphs or ${n(MAX_SECTION_MARKUP)} markup characters here: too costly to parse in time, so Talkdown does not check the rest of it (${n(lines)} lines).`,
      };
    } else {
      const why =
        block.reason === 'dense-markup'
          ? `${n(block.markup)} markup characters (* _ [ ] \` < ~), more than ${n(MAX_BLOCK_MARKUP)}`
          : `${n(block.end - block.start)} characters without a blank line (at most ${n(MAX_BLOCK_LENGTH)} characters and ${n(MAX_SECTION_LINES)} lines are parsed)`;
      yield {
        code: 'document/dense-markup',
        span,
        message: `This block of ${n(lines)} lines holds ${why}: too costly to parse in time, so Talkdown does not check it.`,
      };
    }
  }
}

/** The code of the note left where an analysis ran out of time. */
export const DEADLINE = 'document/deadline';
export const DEADLINE_INFO = { defaultSeverity: Severity.Information, summary: 'A document whose analysis ran out of time; the rest of it is not checked.' };

/** The message of the deadline note. */
export function deadlineMessage(deadlineMs: number, whole: boolean): string {
  const what = whole ? 'this document is not checked' : 'the rest of this document, from here on, is not checked';
  return `Talkdown stopped: the analysis took longer than ${deadlineMs} ms (setting: talkdown.analysis.deadlineMs), so ${what}.`;
}

function* deadline({ model }: RuleContext): Iterable<CodeReport> {
  if (!model.cut) return;
  const line = model.lines.range({ start: model.cut.offset, end: model.cut.offset }).start.line;
  yield {
    code: DEADLINE,
    span: { start: model.cut.offset, end: Math.max(model.cut.offset, model.lines.lineEnd(line)) },
    message: deadlineMessage(model.cut.deadlineMs, false),
  };
}

function* invalidEncoding({ model }: RuleContext): Iterable<CodeReport> {
  const { text } = model;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) {
    let end = i + 1;
    while (text.charCodeAt(end) === 0xfffd) end++;
    yield {
      code: 'document/invalid-encoding',
      span: { start: i, end },
      message:
        'Unreadable bytes: this file is not valid UTF-8 here, so the characters were replaced with U+FFFD. ' +
        'Re-save the file as UTF-8 from a copy that still has the original text.',
    };
    i = end - 1;
  }
}

/** What Talkdown could or could not read of a document as a whole. */
export const documentFamily: RuleFamily = {
  name: 'document',
  checks: [
    {
      codes: { 'document/too-large': { defaultSeverity: Severity.Information, summary: 'A document too large to check beyond its front matter.' } },
      check: tooLarge,
    },
    {
      codes: { 'document/long-line': { defaultSeverity: Severity.Information, summary: 'A line too long to check.', maxReports: 5 } },
      check: longLines,
    },
    {
      codes: { 'document/deep-nesting': { defaultSeverity: Severity.Information, summary: 'A line nested too deeply in quotes or lists to check.', maxReports: 5 } },
      check: deepLines,
    },
    {
      codes: {
        'document/dense-markup': { defaultSeverity: Severity.Information, summary: 'A block too dense with markup, or too long, to parse in time; it is not checked.', maxReports: 5 },
        'document/long-section': { defaultSeverity: Severity.Information, summary: 'The rest of a section too long to parse in time; it is not checked.', maxReports: 5 },
      },
      check: skippedBlocks,
    },
    {
      codes: { [DEADLINE]: DEADLINE_INFO },
      check: deadline,
    },
    {
      // A damaged file should not bury the rest.
      codes: { 'document/invalid-encoding': { defaultSeverity: Severity.Warning, summary: 'Text that was not valid UTF-8 when it was read (U+FFFD replacement characters).', maxReports: 20 } },
      check: invalidEncoding,
    },
    {
      // Reported by the runner itself, once per failing check.
      codes: { [CHECK_FAILED]: CHECK_FAILED_INFO },
      check: () => [],
    },
  ],
};
