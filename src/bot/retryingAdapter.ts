import { setTimeout as sleep } from 'node:timers/promises';
import { CloudAdapter, type Activity, type ResourceResponse, type TurnContext } from 'botbuilder';

/** Statuses Teams documents as "retry with backoff": throttled, precondition failed, bad gateway, timeout. */
const RETRYABLE = new Set([412, 429, 502, 504]);

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

interface HttpErrorLike {
  statusCode?: number;
  response?: { headers?: { get(name: string): string | undefined } };
}

/** Retry-After in seconds or as an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(error: unknown, now = Date.now()): number | undefined {
  const header = (error as HttpErrorLike).response?.headers?.get('retry-after');
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * A CloudAdapter whose outgoing messages survive connector throttling: Teams answers 429 (and 412,
 * 502, 504) under load and asks for exponential backoff, honouring Retry-After when given.
 */
export class RetryingCloudAdapter extends CloudAdapter {
  retryPolicy: RetryPolicy = { maxAttempts: 5, baseDelayMs: 500, maxDelayMs: 15_000 };

  override async sendActivities(
    context: TurnContext,
    activities: Partial<Activity>[],
  ): Promise<ResourceResponse[]> {
    const responses: ResourceResponse[] = [];
    // One at a time, in order: a retried message must not overtake the next one.
    for (const activity of activities) {
      const [response] = await this.withRetry(() => super.sendActivities(context, [activity]));
      responses.push(response);
    }
    return responses;
  }

  override async updateActivity(
    context: TurnContext,
    activity: Partial<Activity>,
  ): Promise<ResourceResponse | void> {
    return this.withRetry(() => super.updateActivity(context, activity));
  }

  private async withRetry<T>(send: () => Promise<T>): Promise<T> {
    const { maxAttempts, baseDelayMs, maxDelayMs } = this.retryPolicy;
    for (let attempt = 1; ; attempt++) {
      try {
        return await send();
      } catch (error) {
        const status = (error as HttpErrorLike).statusCode;
        if (attempt >= maxAttempts || status === undefined || !RETRYABLE.has(status)) throw error;
        const backoff = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
        const jitter = Math.random() * baseDelayMs;
        await sleep(Math.min(maxDelayMs, retryAfterMs(error) ?? backoff + jitter));
      }
    }
  }
}
