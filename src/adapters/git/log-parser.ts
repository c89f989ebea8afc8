/**
 * Incremental parser of `git log -z --name-only --format=LOG_FORMAT` output.
 *
 * With `-z` every field is NUL-terminated: `\x1e<sha>` `<parents>` `<author>` `<date>` `<body>`, then
 * zero or more file names (the first one prefixed by the `\n` that separates the diff from the
 * header). NUL cannot occur in a commit message, an author name or a path, so counting tokens is exact;
 * the `\x1e<hex sha>` token (checked only where a file name may appear) starts the next record.
 * Chunks are consumed as they arrive: nothing but the current record is buffered.
 */
export const LOG_FORMAT = '%x1e%H%x00%P%x00%an%x00%cI%x00%B';

export interface LogHeader {
  sha: string;
  parents: string[];
}

export interface LogRecord extends LogHeader {
  authorName: string;
  /** ISO-8601 committer date. */
  date: string;
  /** Full raw message (subject and body), trailing newlines removed. */
  message: string;
  files: string[];
}

/** `keep`: decode this commit and deliver it; `skip`: ignore it; `stop`: ignore it and everything after. */
export type HeaderDecision = 'keep' | 'skip' | 'stop';

export interface LogParserHandlers {
  onHeader(header: LogHeader): HeaderDecision;
  onCommit(record: LogRecord): void;
}

const RS = 0x1e;
const NL = 0x0a;
/** Tokens of a record before its file list: sha, parents, author, date, body. */
const HEADER_TOKENS = 5;

function isRecordStart(token: Buffer): boolean {
  if (token.length !== 41 && token.length !== 65) return false;
  if (token[0] !== RS) return false;
  for (let i = 1; i < token.length; i++) {
    const c = token[i]!;
    if (!((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66))) return false;
  }
  return true;
}

export class GitLogParser {
  /** Records whose header was read and accepted (kept or skipped, not the one that stopped). */
  recordsSeen = 0;
  private partial: Buffer[] = [];
  /** Index of the next token within the current record; -1 before the first record. */
  private field = -1;
  private decision: HeaderDecision = 'skip';
  private current: LogRecord | null = null;
  private stopped = false;

  constructor(private readonly handlers: LogParserHandlers) {}

  get isStopped(): boolean {
    return this.stopped;
  }

  push(chunk: Buffer): void {
    let pos = 0;
    while (!this.stopped) {
      const nul = chunk.indexOf(0, pos);
      if (nul === -1) {
        if (pos < chunk.length) this.partial.push(chunk.subarray(pos));
        return;
      }
      let token = chunk.subarray(pos, nul);
      if (this.partial.length > 0) {
        this.partial.push(token);
        token = Buffer.concat(this.partial);
        this.partial = [];
      }
      pos = nul + 1;
      this.token(token);
    }
  }

  /** End of stream: delivers the last record. */
  end(): void {
    if (this.stopped) return;
    if (this.partial.length > 0) {
      const token = Buffer.concat(this.partial);
      this.partial = [];
      this.token(token);
    }
    this.finishRecord();
  }

  private token(token: Buffer): void {
    if (this.field === -1 || (this.field >= HEADER_TOKENS && isRecordStart(token))) {
      this.finishRecord();
      if (this.stopped) return;
      if (token.length === 0) return; // stray terminator before the first record
      this.field = 1;
      this.current = {
        sha: token.toString('latin1', 1),
        parents: [],
        authorName: '',
        date: '',
        message: '',
        files: [],
      };
      return;
    }
    const rec = this.current;
    if (rec === null) return;
    switch (this.field++) {
      case 1: {
        rec.parents = token.length === 0 ? [] : token.toString('latin1').split(' ');
        this.decision = this.handlers.onHeader({ sha: rec.sha, parents: rec.parents });
        if (this.decision === 'stop') this.stopped = true;
        else this.recordsSeen++;
        return;
      }
      case 2:
        if (this.decision === 'keep') rec.authorName = token.toString('utf8');
        return;
      case 3:
        if (this.decision === 'keep') rec.date = token.toString('latin1');
        return;
      case 4:
        if (this.decision === 'keep') rec.message = token.toString('utf8').replace(/\n+$/, '');
        return;
      default: {
        if (this.decision !== 'keep' || token.length === 0) return;
        const start = rec.files.length === 0 && token[0] === NL ? 1 : 0;
        if (start < token.length) rec.files.push(token.toString('utf8', start));
      }
    }
  }

  private finishRecord(): void {
    const rec = this.current;
    this.current = null;
    if (rec !== null && this.decision === 'keep' && this.field >= HEADER_TOKENS) this.handlers.onCommit(rec);
    this.decision = 'skip';
  }
}
