import { parseJsonText, type JsonRecord } from './json-text.js';
import { inputLimits, raiseHint } from './limits.js';

type State =
  | 'start'
  | 'before-element'
  | 'element'
  | 'after-array'
  | 'object-key-or-end'
  | 'object-key'
  | 'object-colon'
  | 'object-value'
  | 'object-skip-value'
  | 'object-after-array'
  | 'after-object'
  | 'stopped';

const NEWLINE = 10;
const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;

/** The longest value of a wrapper's other fields that is kept (pagination tokens run to a few hundred). */
const MAX_KEPT_VALUE = 4096;

function isWhitespace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/**
 * Splits a JSON array into its elements as text arrives, so a file of any size is read one
 * element at a time: a JSON export of a million users never sits in memory whole.
 *
 * It does not validate JSON; it only follows strings and bracket depth to find where each
 * top-level element ends, then `JSON.parse`s that element alone. A broken element becomes an
 * `ok: false` record and the scan goes on with the next one.
 *
 * With `arrayKey`, the input may instead be one or more objects holding the array under that
 * key (`{"organizations":[…]}`, or Clerk's `{"data":[…],"total_count":n}` pages one after
 * another); the object's other keys are skipped without being kept.
 */
export class JsonElementScanner {
  private state: State = 'start';
  private line = 1;
  /** Offset of the first character of the current line, counted from the start of the input. */
  private lineStart = 0;
  /** Characters of the input before the current chunk. */
  private consumed = 0;

  private depth = 0;
  private inString = false;
  private escaped = false;

  private parts: string[] = [];
  /** Characters of the element or key being captured; past `maxLength` its text is dropped. */
  private partsLength = 0;
  private oversized = false;
  private readonly maxLength = inputLimits().recordLength;
  private elementLine = 0;
  private elementColumn = 0;

  private key = '';
  private objectLine = 0;
  private foundArray = false;
  private keyMissing = false;
  private missingArrayAt: number | undefined;
  /**
   * The other keys of the wrapper object being read (a page's `PaginationToken`, `total`), each
   * with its value's JSON text when that is short (a number, a token), else ''.
   */
  private objectFields = new Map<string, string>();
  /** The text of the skipped value being read, while it is short enough to keep; undefined past that. */
  private skippedText: string | undefined;

  /**
   * `onWrapperEnd` sees the other fields of each wrapper object as it closes: a reader tells
   * from them whether a page says more pages follow.
   */
  constructor(
    private readonly arrayKey?: string,
    private readonly onWrapperEnd?: (fields: ReadonlyMap<string, string>) => void,
  ) {}

  /**
   * True when the input was a single-line object without `arrayKey`: that is a line of NDJSON,
   * not a wrapper object, and the caller should read the file as NDJSON instead.
   */
  get isNdjson(): boolean {
    return this.keyMissing;
  }

  /** The line of a multi-line object that holds no `arrayKey` array: not an export of records at all. */
  get objectWithoutArray(): number | undefined {
    return this.missingArrayAt;
  }

  /** The top-level keys of the object `objectWithoutArray` points at, to say what it is instead. */
  get keysWithoutArray(): string[] {
    return [...this.objectFields.keys()];
  }

  /** True once the input ended its structure, or broke it beyond recovery. */
  get stopped(): boolean {
    return this.state === 'stopped';
  }

  push(chunk: string): JsonRecord[] {
    const out: JsonRecord[] = [];
    let captureFrom = this.state === 'element' || this.state === 'object-key' ? 0 : -1;
    let skipFrom = this.state === 'object-skip-value' ? 0 : -1;
    const n = chunk.length;
    let i = 0;
    while (i < n && this.state !== 'stopped') {
      const c = chunk.charCodeAt(i);
      switch (this.state) {
        case 'element':
        case 'object-skip-value': {
          if (this.inString) {
            if (this.escaped) this.escaped = false;
            else if (c === BACKSLASH) this.escaped = true;
            else if (c === QUOTE) this.inString = false;
            else if (c === NEWLINE) this.newline(i);
            i++;
            continue;
          }
          if (c === QUOTE) this.inString = true;
          else if (c === OPEN_BRACE || c === OPEN_BRACKET) this.depth++;
          else if (this.depth > 0 && (c === CLOSE_BRACE || c === CLOSE_BRACKET)) this.depth--;
          else if (this.depth === 0 && this.state === 'element' && (c === COMMA || c === CLOSE_BRACKET)) {
            this.capture(chunk.slice(captureFrom, i));
            captureFrom = -1;
            out.push(this.finishElement());
            this.state = c === COMMA ? 'before-element' : this.afterArrayState();
          } else if (this.depth === 0 && this.state === 'object-skip-value' && (c === COMMA || c === CLOSE_BRACE)) {
            this.keepSkipped(chunk.slice(skipFrom, i));
            skipFrom = -1;
            this.objectFields.set(this.key, this.skippedText?.trim() ?? '');
            this.state = c === COMMA ? 'object-key-or-end' : 'after-object';
            if (c === CLOSE_BRACE) this.objectEnded(out);
          } else if (c === NEWLINE) this.newline(i);
          i++;
          continue;
        }
        case 'object-key': {
          if (this.escaped) this.escaped = false;
          else if (c === BACKSLASH) this.escaped = true;
          else if (c === QUOTE) {
            this.capture(chunk.slice(captureFrom, i));
            captureFrom = -1;
            this.key = this.takeKey();
            this.state = 'object-colon';
          } else if (c === NEWLINE) this.newline(i);
          i++;
          continue;
        }
      }

      if (isWhitespace(c)) {
        if (c === NEWLINE) this.newline(i);
        i++;
        continue;
      }

      switch (this.state) {
        case 'start':
          if (c === OPEN_BRACKET) this.state = 'before-element';
          else if (c === OPEN_BRACE && this.arrayKey !== undefined) this.openObject();
          else this.fail(out, i, this.arrayKey ? `expected [ or { to begin the file` : `expected [ to begin the array`);
          break;
        case 'before-element':
          if (c === CLOSE_BRACKET) {
            this.state = this.afterArrayState();
            break;
          }
          this.state = 'element';
          this.elementLine = this.line;
          this.elementColumn = this.column(i);
          this.parts = [];
          this.partsLength = 0;
          this.oversized = false;
          this.depth = 0;
          captureFrom = i;
          // The element's first character is read again in the 'element' state.
          continue;
        case 'after-array':
          this.fail(out, i, 'unexpected content after the closing ] of the array');
          break;
        case 'object-key-or-end':
          if (c === QUOTE) {
            this.state = 'object-key';
            this.parts = [];
            this.partsLength = 0;
            this.oversized = false;
            captureFrom = i + 1;
          } else if (c === CLOSE_BRACE) {
            this.state = 'after-object';
            this.objectEnded(out);
          } else if (c !== COMMA) this.fail(out, i, 'expected a quoted key in the top-level object');
          break;
        case 'object-colon':
          if (c === COLON) this.state = 'object-value';
          else this.fail(out, i, `expected : after the key "${this.key}"`);
          break;
        case 'object-value':
          if (this.key === this.arrayKey) {
            if (c === OPEN_BRACKET) {
              this.foundArray = true;
              this.state = 'before-element';
            } else this.fail(out, i, `"${this.arrayKey}" must hold an array`);
            break;
          }
          this.state = 'object-skip-value';
          this.depth = 0;
          this.skippedText = '';
          skipFrom = i;
          continue;
        case 'object-after-array':
          if (c === COMMA) this.state = 'object-key-or-end';
          else if (c === CLOSE_BRACE) {
            this.state = 'after-object';
            this.objectEnded(out);
          } else this.fail(out, i, `expected , or } after the "${this.arrayKey}" array`);
          break;
        case 'after-object':
          if (c === OPEN_BRACE) this.openObject();
          else this.fail(out, i, 'unexpected content after the top-level object');
          break;
      }
      i++;
    }
    if (captureFrom >= 0 && (this.state === 'element' || this.state === 'object-key')) {
      this.capture(chunk.slice(captureFrom));
      if (this.oversized && this.state === 'object-key') {
        this.fail(out, n - 1, `a key of the top-level object is longer than ${this.maxLength} characters`);
      }
    }
    if (skipFrom >= 0 && this.state === 'object-skip-value') this.keepSkipped(chunk.slice(skipFrom));
    this.consumed += n;
    return out;
  }

  /** Called once the input is exhausted: a structure left open means the file was cut short. */
  end(): JsonRecord[] {
    const out: JsonRecord[] = [];
    switch (this.state) {
      case 'element':
        out.push({
          ok: false,
          line: this.elementLine,
          column: this.elementColumn,
          message: 'The file ends inside this element; it may be truncated.',
        });
        break;
      case 'before-element':
      case 'object-key-or-end':
      case 'object-key':
      case 'object-colon':
      case 'object-value':
      case 'object-skip-value':
      case 'object-after-array':
        out.push({
          ok: false,
          line: this.line,
          message: 'The file ends before its array or object is closed; it may be truncated.',
        });
        break;
    }
    this.state = 'stopped';
    return out;
  }

  private afterArrayState(): State {
    return this.arrayKey !== undefined && this.foundArray ? 'object-after-array' : 'after-array';
  }

  private openObject(): void {
    this.state = 'object-key-or-end';
    this.objectLine = this.line;
    this.objectFields = new Map();
  }

  /** Keeps text of a skipped value up to a short length: enough for a count or a token. */
  private keepSkipped(part: string): void {
    if (this.skippedText === undefined) return;
    this.skippedText = this.skippedText.length + part.length > MAX_KEPT_VALUE ? undefined : this.skippedText + part;
  }

  private objectEnded(_out: JsonRecord[]): void {
    if (this.foundArray) {
      this.onWrapperEnd?.(this.objectFields);
      return;
    }
    if (this.objectLine === this.line) {
      this.keyMissing = true;
      this.state = 'stopped';
      return;
    }
    this.missingArrayAt = this.objectLine;
    this.state = 'stopped';
  }

  /** Keeps part of the element being read, unless it has grown past the limit. */
  private capture(part: string): void {
    this.partsLength += part.length;
    if (this.partsLength > this.maxLength) {
      this.oversized = true;
      this.parts = [];
    } else this.parts.push(part);
  }

  private finishElement(): JsonRecord {
    const text = this.parts.join('');
    const oversized = this.oversized;
    const length = this.partsLength;
    this.parts = [];
    this.partsLength = 0;
    this.oversized = false;
    if (oversized) {
      return {
        ok: false,
        line: this.elementLine,
        column: this.elementColumn,
        message: `The element has ${length} characters, more than the limit of ${this.maxLength}; ${raiseHint('recordLength')}.`,
      };
    }
    if (text.trim() === '') {
      return {
        ok: false,
        line: this.elementLine,
        column: this.elementColumn,
        message: 'Not valid JSON: an empty element between commas.',
      };
    }
    return parseJsonText(text, { line: this.elementLine, column: this.elementColumn });
  }

  private takeKey(): string {
    const raw = this.parts.join('');
    this.parts = [];
    this.partsLength = 0;
    this.oversized = false;
    try {
      return JSON.parse(`"${raw}"`) as string;
    } catch {
      return raw;
    }
  }

  private fail(out: JsonRecord[], i: number, what: string): void {
    out.push({ ok: false, line: this.line, column: this.column(i), message: `Not valid JSON: ${what}.` });
    this.state = 'stopped';
  }

  private newline(i: number): void {
    this.line++;
    this.lineStart = this.consumed + i + 1;
  }

  private column(i: number): number {
    return this.consumed + i - this.lineStart + 1;
  }
}
