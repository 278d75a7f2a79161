import { client as ff } from "./flags";

export function theme(): Theme {
  switch (ff.getVariant("new_flow")) {
    case "green":
      return greenTheme;
    case "blue": {
      const theme = blueTheme();
      theme.accent = "navy";
      return theme;
    }
    default:
      return defaultTheme;
  }
}
