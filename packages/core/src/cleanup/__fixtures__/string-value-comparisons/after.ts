export function buttonColor(): string {
  log("blue");
  return "#00f";
}
