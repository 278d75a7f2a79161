export function menu(user: User): string[] {
  const items = ["home"];
  if (user.isAdmin) {
    items.push("admin");
  }
  return items;
}
