/**
 * Builds a long string from many pieces. Pushing hundreds of thousands of one-character pieces into an array and
 * joining them costs an allocation per piece, which dominated on inputs such as a megabyte of "<div><"; here short
 * pieces are gathered as character codes and turned into one string per chunk, long pieces are kept as they are.
 */
const CHUNK = 4096;
const SHORT = 32;

export class TextBuilder {
  private readonly parts: string[] = [];
  private codes: number[] = [];
  /** UTF-16 code units pushed so far. */
  length = 0;

  private flush(): void {
    if (this.codes.length === 0) return;
    this.parts.push(String.fromCharCode(...this.codes));
    this.codes = [];
  }

  push(code: number): void {
    this.codes.push(code);
    this.length += 1;
    if (this.codes.length >= CHUNK) this.flush();
  }

  pushString(text: string): void {
    if (text.length > SHORT) {
      this.flush();
      this.parts.push(text);
      this.length += text.length;
      return;
    }
    for (let index = 0; index < text.length; index += 1) this.push(text.charCodeAt(index));
  }

  /** The code unit `back` places from the end (1 = last, at most SHORT), or -1 when there is none. */
  peek(back: number): number {
    if (back <= this.codes.length) return this.codes[this.codes.length - back];
    const part = this.parts[this.parts.length - 1];
    const offset = back - this.codes.length;
    return part === undefined || offset > part.length ? -1 : part.charCodeAt(part.length - offset);
  }

  toString(): string {
    this.flush();
    return this.parts.join('');
  }
}
