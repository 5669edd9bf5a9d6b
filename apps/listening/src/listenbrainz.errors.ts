/** An answer in ListenBrainz's own error shape, `{"code": N, "error": "..."}`, which its clients read. */
export class LbError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}
