export function flags(): string[] {
  const out: string[] = [];
  out.push("on");
  out.push("not off");
  return out;
}
