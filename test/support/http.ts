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
