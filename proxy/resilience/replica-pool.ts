/**
 * What a load balancer in front of the replicas does, seen from a client: requests go round the replicas, and one
 * that cannot be reached, or fails on its side (5xx), is tried again on the next one. It also counts what it saw.
 */
export interface Sent {
  status: number;
  body: unknown;
}

/** What the caller makes of an answer: done, or worth another try. */
export type Judge = (answer: Sent, attempt: number) => "done" | "retry";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class ReplicaPool {
  #next = 0;
  readonly served = new Map<string, number>();
  readonly statuses = new Map<number, number>();
  unreachable = 0;
  retried = 0;

  constructor(readonly urls: string[]) {}

  /**
   * Sends until the judge is content, moving to the next replica after a connection failure, a 5xx or a
   * `retry`; gives up after `deadlineMs` with the last answer. A match-or-create may wait out Exact's 429s and the
   * lease of a killed replica's creation, so an attempt is given a minute.
   */
  async send(
    operation: string,
    path: string,
    init: RequestInit,
    judge: Judge = defaultJudge,
    deadlineMs = 180_000,
  ): Promise<Sent> {
    const giveUpAt = Date.now() + deadlineMs;
    for (let attempt = 0; ; attempt++) {
      const url = this.urls[this.#next++ % this.urls.length]!;
      let answer: Sent | undefined;
      try {
        const response = await fetch(`${url}${path}`, { ...init, signal: AbortSignal.timeout(60_000) });
        const text = await response.text();
        answer = { status: response.status, body: text ? safeJson(text) : null };
        this.statuses.set(response.status, (this.statuses.get(response.status) ?? 0) + 1);
      } catch {
        this.unreachable++;
      }
      if (answer && answer.status < 500 && judge(answer, attempt) === "done") {
        this.served.set(operation, (this.served.get(operation) ?? 0) + 1);
        return answer;
      }
      if (Date.now() > giveUpAt) {
        throw new Error(
          `${operation} ${path}: gave up after ${attempt + 1} attempts (last: ${answer ? `${answer.status} ${JSON.stringify(answer.body)}` : "unreachable"})`,
        );
      }
      this.retried++;
      await sleep(answer?.status === 429 ? 1000 : 150 + Math.random() * 250);
    }
  }
}

const defaultJudge: Judge = (answer) => (answer.status < 300 ? "done" : "retry");

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
