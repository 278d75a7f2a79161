export function region(user: User): string {
  return user.region;
}
