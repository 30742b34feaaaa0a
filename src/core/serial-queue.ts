/** Runs async jobs strictly one after another, in the order they were queued. */
export class SerialQueue {
  #tail: Promise<unknown> = Promise.resolve()

  run<T>(job: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(job, job)
    // Keep the chain alive whatever the job did; callers see its own outcome through `result`.
    this.#tail = result.catch(() => undefined)
    return result
  }
}
