import { connect, type Socket } from "node:net";

/** One request as written on the wire: the body is bytes, so it may be anything, invalid UTF-8 too. */
export interface WireRequest {
  method: string;
  /** The request target, written as is. */
  path: string;
  /** Extra header lines; content-length is added from the body. */
  headers?: Record<string, string>;
  body?: Uint8Array;
}

export interface WireResponse {
  status: number;
  /** Lower-cased names. */
  headers: Map<string, string>;
  body: Buffer;
}

interface Waiter {
  head: boolean;
  resolve: (r: WireResponse) => void;
  reject: (e: Error) => void;
}

/**
 * HTTP/1.1 pipelining on one kept-alive connection: a batch of requests is written in one go and the
 * answers are read back in order, so thousands of requests cost one round trip per batch instead of
 * one each. It reads what a server writes, not more: every answer must carry content-length (a HEAD
 * answer carries none of its body).
 */
export class PipelinedConnection {
  private buffer: Buffer = Buffer.alloc(0);
  private readonly waiting: Waiter[] = [];
  private closed: Error | undefined;

  private constructor(private readonly socket: Socket) {
    socket.on("data", (chunk: Buffer) => {
      this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
      this.parse();
    });
    const fail = (err?: Error) => {
      this.closed ??= err ?? new Error("the server closed the connection");
      for (const w of this.waiting.splice(0)) w.reject(this.closed);
    };
    socket.on("error", fail);
    socket.on("close", () => fail());
  }

  static open(port: number, host = "127.0.0.1"): Promise<PipelinedConnection> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, host, () => {
        socket.off("error", reject);
        resolve(new PipelinedConnection(socket));
      });
      socket.once("error", reject);
    });
  }

  get usable(): boolean {
    return this.closed === undefined && !this.socket.destroyed;
  }

  /** Writes every request at once; resolves with their answers in order. */
  send(requests: WireRequest[]): Promise<WireResponse[]> {
    if (this.closed) return Promise.reject(this.closed);
    const parts: Buffer[] = [];
    const answers = requests.map((r) => {
      const body = r.body ?? new Uint8Array(0);
      let head = `${r.method} ${r.path} HTTP/1.1\r\nhost: 127.0.0.1\r\n`;
      for (const [k, v] of Object.entries(r.headers ?? {})) head += `${k}: ${v}\r\n`;
      head += `content-length: ${body.length}\r\n\r\n`;
      parts.push(Buffer.from(head, "latin1"), Buffer.from(body));
      return new Promise<WireResponse>((resolve, reject) => {
        this.waiting.push({ head: r.method === "HEAD", resolve, reject });
      });
    });
    this.socket.write(Buffer.concat(parts));
    return Promise.all(answers);
  }

  close(): void {
    this.socket.destroy();
  }

  private parse(): void {
    for (;;) {
      const waiter = this.waiting[0];
      if (!waiter) return;
      const end = this.buffer.indexOf("\r\n\r\n");
      if (end < 0) return;
      const lines = this.buffer.subarray(0, end).toString("latin1").split("\r\n");
      const headers = new Map<string, string>();
      for (const line of lines.slice(1)) {
        const colon = line.indexOf(":");
        headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
      }
      const length = waiter.head ? 0 : Number(headers.get("content-length"));
      if (!Number.isInteger(length)) {
        waiter.reject(new Error(`an answer without content-length: ${lines.join(" | ")}`));
        this.socket.destroy();
        return;
      }
      if (this.buffer.length < end + 4 + length) return;
      const body = Buffer.from(this.buffer.subarray(end + 4, end + 4 + length));
      this.buffer = this.buffer.subarray(end + 4 + length);
      this.waiting.shift();
      waiter.resolve({ status: Number((lines[0] ?? "").split(" ")[1]), headers, body });
    }
  }
}
