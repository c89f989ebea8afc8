/**
 * Incremental parser of `git log -z --name-only --format=LOG_FORMAT` output.
 *
 * With `-z` every field is NUL-terminated: `\x1e<sha>` `<parents>` `<author>` `<date>` `<body>`, then
 * zero or more file names (the first one prefixed by the `\n` that separates the diff from the
 * header). NUL cannot occur in a commit message, an author name or a path, so counting tokens is exact;
 * the `\x1e<hex sha>` token (checked only where a file name may appear) starts the next record.
 *
 * Chunks are consumed as they arrive; nothing but the current record is held. Tokens of skipped
 * commits are never copied or decoded, and the message, author and date of a kept commit are only
 * decoded when asked for (most commits of a large history are read for their files only).
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

/** A parsed commit whose text fields are decoded on demand. */
export class GitLogRecord implements LogHeader {
  files: string[] = [];
  // Raw fields as (buffer, start, end), not subarrays: no Buffer object per field of every commit.
  private authorBuf: Buffer | null = null;
  private authorStart = 0;
  private authorEnd = 0;
  private dateBuf: Buffer | null = null;
  private dateStart = 0;
  private dateEnd = 0;
  private bodyBuf: Buffer | null = null;
  private bodyStart = 0;
  private bodyEnd = 0;
  constructor(
    readonly sha: string,
    public parents: string[],
  ) {}

  /** @internal the parser keeps field 2 (author), 3 (date) or 4 (body) of the record */
  setRaw(field: number, buf: Buffer, start: number, end: number): void {
    if (field === 2) {
      this.authorBuf = buf;
      this.authorStart = start;
      this.authorEnd = end;
    } else if (field === 3) {
      this.dateBuf = buf;
      this.dateStart = start;
      this.dateEnd = end;
    } else {
      this.bodyBuf = buf;
      this.bodyStart = start;
      this.bodyEnd = end;
    }
  }

  decode(): LogRecord {
    const body = this.bodyBuf ? this.bodyBuf.toString('utf8', this.bodyStart, this.bodyEnd) : '';
    return {
      sha: this.sha,
      parents: this.parents,
      authorName: this.authorBuf ? this.authorBuf.toString('utf8', this.authorStart, this.authorEnd) : '',
      date: this.dateBuf ? this.dateBuf.toString('latin1', this.dateStart, this.dateEnd) : '',
      message: body.replace(/\n+$/, ''),
      files: this.files,
    };
  }
}

/** `keep`: collect this commit and deliver it; `skip`: ignore it; `stop`: ignore it and everything after. */
export type HeaderDecision = 'keep' | 'skip' | 'stop';

export interface LogParserHandlers {
  onHeader(header: LogHeader): HeaderDecision;
  onCommit(record: GitLogRecord): void;
}

const RS = 0x1e;
const NL = 0x0a;
/** Tokens of a record before its file list: sha, parents, author, date, body. */
const HEADER_TOKENS = 5;

function isRecordStart(buf: Buffer, start: number, end: number): boolean {
  const len = end - start;
  if ((len !== 41 && len !== 65) || buf[start] !== RS) return false;
  for (let i = start + 1; i < end; i++) {
    const c = buf[i]!;
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
  private keep = false;
  private current: GitLogRecord | null = null;
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
      if (this.partial.length > 0) {
        this.partial.push(chunk.subarray(pos, nul));
        const token = Buffer.concat(this.partial);
        this.partial = [];
        this.token(token, 0, token.length);
      } else {
        this.token(chunk, pos, nul);
      }
      pos = nul + 1;
    }
  }

  /** End of stream: delivers the last record. */
  end(): void {
    if (this.stopped) return;
    if (this.partial.length > 0) {
      const token = Buffer.concat(this.partial);
      this.partial = [];
      this.token(token, 0, token.length);
    }
    this.finishRecord();
  }

  private token(buf: Buffer, start: number, end: number): void {
    const field = this.field;
    if (field === -1 || (field >= HEADER_TOKENS && isRecordStart(buf, start, end))) {
      this.finishRecord();
      if (end === start) return; // stray terminator before the first record
      this.field = 1;
      this.current = new GitLogRecord(buf.toString('latin1', start + 1, end), []);
      return;
    }
    const rec = this.current;
    if (rec === null) return;
    if (field === 1) {
      this.field = 2;
      if (end > start) rec.parents = buf.toString('latin1', start, end).split(' ');
      const decision = this.handlers.onHeader(rec);
      this.keep = decision === 'keep';
      if (decision === 'stop') this.stopped = true;
      else this.recordsSeen++;
      return;
    }
    if (field < HEADER_TOKENS) {
      this.field = field + 1;
      if (this.keep) rec.setRaw(field, buf, start, end);
      return;
    }
    if (!this.keep || end === start) return;
    const from = rec.files.length === 0 && buf[start] === NL ? start + 1 : start;
    if (from < end) rec.files.push(buf.toString('utf8', from, end));
  }

  private finishRecord(): void {
    const rec = this.current;
    this.current = null;
    if (rec !== null && this.keep && this.field >= HEADER_TOKENS) this.handlers.onCommit(rec);
    this.keep = false;
  }
}
