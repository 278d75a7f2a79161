export function guard(limit: number): void {
  if (!(limit > 0)) {
    throw new Error("no limit");
  }
}
