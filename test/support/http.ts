import { request } from "node:http";

export interface PlainResponse {
  status: number;
  /** The x-request-id header ("undefined" when there is none). */
  requestId: string;
  text: string;
}

/**
 * A POST on a connection of its own, closed after the answer. fetch would reuse a kept-alive one, so
 * every request would reach the same process of a server with several sharing the port.
 */
export function postAlone(url: string, body: string): Promise<PlainResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: "POST", agent: false, headers: { "content-type": "application/json" } },
      (res) => {
        let text = "";
        res.on("data", (c: Buffer) => {
          text += c.toString("utf8");
        });
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, requestId: String(res.headers["x-request-id"]), text }),
        );
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/**
 * A POST that asks `Expect: 100-continue` and sends its body only once the server answers 100: Node's
 * server does so when it hands the request to its handler, so `seen` runs when the server has the
 * request in flight (to stop the server then, say) and the body follows right after.
 */
export function postOnceSeen(url: string, body: string, seen: () => void): Promise<PlainResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: "POST",
        agent: false,
        headers: {
          "content-type": "application/json",
          "content-length": String(Buffer.byteLength(body)),
          expect: "100-continue",
        },
      },
      (res) => {
        let text = "";
        res.on("data", (c: Buffer) => {
          text += c.toString("utf8");
        });
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, requestId: String(res.headers["x-request-id"]), text }),
        );
      },
    );
    req.on("error", reject);
    req.on("continue", () => {
      seen();
      req.end(body);
    });
    req.flushHeaders();
  });
}
