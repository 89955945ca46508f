// A set of text spans that answers "does this span overlap one already taken?" in logarithmic time.
// Extractors add spans mostly in increasing order (one pass after another), so spans are kept as a
// few sorted runs with a running maximum of ends; a hostile text with thousands of addresses or
// links therefore stays linear instead of comparing every span with every other.

interface Run {
  starts: number[];
  /** maxEnd[i] = the largest end among spans 0..i of the run. */
  maxEnd: number[];
}

export class SpanSet {
  private readonly runs: Run[] = [];

  add(start: number, end: number): void {
    let run = this.runs[this.runs.length - 1];
    const lastStart = run ? run.starts[run.starts.length - 1] : undefined;
    if (!run || (lastStart !== undefined && start < lastStart)) {
      run = { starts: [], maxEnd: [] };
      this.runs.push(run);
    }
    const prevMax = run.maxEnd[run.maxEnd.length - 1] ?? -Infinity;
    run.starts.push(start);
    run.maxEnd.push(Math.max(prevMax, end));
  }

  /** True if [start, end) overlaps any span in the set. */
  overlaps(start: number, end: number): boolean {
    for (const run of this.runs) {
      // Last span that starts before `end`.
      let lo = 0;
      let hi = run.starts.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((run.starts[mid] ?? Infinity) < end) lo = mid + 1;
        else hi = mid;
      }
      const idx = lo - 1;
      if (idx >= 0 && (run.maxEnd[idx] ?? -Infinity) > start) return true;
    }
    return false;
  }

  get runCount(): number {
    return this.runs.length;
  }
}
