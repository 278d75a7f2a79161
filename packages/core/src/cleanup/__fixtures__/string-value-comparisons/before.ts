import { client as ff } from "./flags";

export function buttonColor(): string {
  const variant = ff.getVariant("new_flow");
  if (variant !== "blue") {
    track("not blue");
  }
  log(variant == "blue" ? "blue" : "other");
  return variant === "red" ? "#f00" : "#00f";
}
