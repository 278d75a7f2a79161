export function theme(): Theme {
  const theme = blueTheme();
  theme.accent = "navy";
  return theme;
}
