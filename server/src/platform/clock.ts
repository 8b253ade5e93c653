/**
 * The one source of "now". Production reads the system clock; tests move time with
 * `clock.set()` / `clock.advance()` so expiry, auto-close and schedules can be tested without sleeping.
 */
export interface Clock {
  now(): Date;
}

class SettableClock implements Clock {
  private offsetMs = 0;
  private frozen: number | null = null;
  now(): Date {
    return new Date(this.frozen ?? Date.now() + this.offsetMs);
  }
  /** Freeze time at a given instant. */
  set(at: Date | string): void {
    this.frozen = new Date(at).getTime();
  }
  /** Move time forward (frozen or not). */
  advance(ms: number): void {
    if (this.frozen !== null) this.frozen += ms;
    else this.offsetMs += ms;
  }
  reset(): void {
    this.offsetMs = 0;
    this.frozen = null;
  }
}

export const clock = new SettableClock();
