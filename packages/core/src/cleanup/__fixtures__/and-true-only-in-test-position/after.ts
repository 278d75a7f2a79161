export function adminView(user: User) {
  const show = user.isAdmin && true;
  if (user.isAdmin) {
    log("admin on the new flow");
  }
  return show;
}
