export function grant(user: User): void {
  if (user.isStaff) {
    grantAll(user);
  }
  save(user);
}
