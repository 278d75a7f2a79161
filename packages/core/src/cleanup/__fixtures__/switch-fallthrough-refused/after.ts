import { client as ff } from "./flags";

export function level(): number {
  let level = 0;
  switch (ff.getVariant("new_flow")) {
    case "blue":
      level += 1;
    case "green":
      level += 1;
      break;
  }
  return level;
}
